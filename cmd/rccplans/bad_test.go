package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rccplans/fixtures"
	"rccplans/fixtures/bad"
)

// The good plan read among the bad files; its twins are made from it.
const goodPlan = "000_363f1a49b5c57245-word.pdf"

// TestBadExtractHelper is not a test: TestBadCorpusExtract runs the test
// binary again with RCCPLANS_BAD_HELPER=1 to run `rccplans ARGS` in a
// process of its own, so that a panic shows as a panic trace on stderr and
// a hang can be killed.
func TestBadExtractHelper(t *testing.T) {
	if os.Getenv("RCCPLANS_BAD_HELPER") != "1" {
		t.Skip("helper process for TestBadCorpusExtract")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(run(context.Background(), args, os.Stdout, os.Stderr))
}

// rccplans runs the command in a child process, killed if it has not
// finished within the limit (a hang, not a speed assertion).
func rccplans(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"-test.run=^TestBadExtractHelper$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "RCCPLANS_BAD_HELPER=1")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("rccplans %s did not finish (hangs); stderr:\n%s", strings.Join(args, " "), e.String())
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return o.String(), e.String(), cmd.ProcessState.ExitCode()
}

// recordsByFile groups the printed records by source_file, without the
// fields that depend on the file's name and bytes.
func recordsByFile(t *testing.T, out string) map[string][]string {
	t.Helper()
	by := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not JSON: %q: %v", sc.Text(), err)
		}
		if m["type"] != "record" {
			continue
		}
		file, _ := m["source_file"].(string)
		delete(m, "source_file")
		delete(m, "doc_id")
		b, _ := json.Marshal(m)
		by[file] = append(by[file], string(b))
	}
	return by
}

func TestBadCorpusExtract(t *testing.T) {
	if testing.Short() {
		t.Skip("runs rccplans extract over the bad corpus")
	}
	clean, err := fs.ReadFile(fixtures.FS, "corpus/"+goodPlan)
	if err != nil {
		t.Fatal(err)
	}
	files, err := bad.Corpus(clean)
	if err != nil {
		t.Fatal(err)
	}
	cleanDOCX, err := fs.ReadFile(fixtures.FS, "corpus/"+strings.TrimSuffix(goodPlan, ".pdf")+".docx")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := bad.CorpusDOCX(cleanDOCX)
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, docx...)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write(goodPlan, clean)
	// The 2,000-page file also shows a bound: with --max-pages 1000 it
	// fails alone.
	const maxPages = "1000"
	args := []string{"extract", "--max-pages", maxPages}
	for i, f := range files {
		args = append(args, write(f.Name, f.Data))
		if i == len(files)/2 {
			args = append(args, good) // in the middle: files after a bad one are still read
		}
	}

	wantOut, wantErr, code := rccplans(t, "extract", good)
	if code != 0 {
		t.Fatalf("good plan alone: exit %d\n%s", code, wantErr)
	}
	want := recordsByFile(t, wantOut)[goodPlan]
	if len(want) == 0 {
		t.Fatalf("good plan alone printed no records")
	}

	out, stderr, code := rccplans(t, args...)
	t.Logf("stderr:\n%s", stderr)
	if code == 0 {
		t.Errorf("exit 0; want non-zero when files fail")
	}
	for _, s := range []string{"panic:", "goroutine "} {
		if strings.Contains(stderr, s) {
			t.Errorf("stderr holds a panic trace (%q)", s)
		}
	}
	got := recordsByFile(t, out)
	if !equalLists(got[goodPlan], want) {
		t.Errorf("good plan: %d records among the bad files, %d alone", len(got[goodPlan]), len(want))
	}
	lines := strings.Split(stderr, "\n")
	named := func(name, reason string) bool {
		for _, l := range lines {
			if strings.Contains(l, name) && strings.Contains(l, reason) {
				return true
			}
		}
		return false
	}
	for _, f := range files {
		outcome, reason := f.Outcome, f.Reason
		if f.Name == "pages-2000.pdf" {
			outcome, reason = bad.Fail, bad.ReasonTooLarge
		}
		switch outcome {
		case bad.Fail:
			if !named(f.Name, reason) {
				t.Errorf("%s: not named on stderr with %q", f.Name, reason)
			}
			if n := len(got[f.Name]); n > 0 {
				t.Errorf("%s: failed file printed %d records", f.Name, n)
			}
		case bad.Same:
			if !equalLists(got[f.Name], want) {
				t.Errorf("%s: %d records, want the clean twin's %d", f.Name, len(got[f.Name]), len(want))
			}
		}
	}
}

func equalLists(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
