package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rccplans/corpus"
)

func TestBuildUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("document ftp://example.invalid/a.pdf\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want int
		msg  string
	}{
		{"unknown flag", []string{"--nope"}, corpus.ExitConfig, "flag provided but not defined"},
		{"extra argument", []string{"--out", dir, "extra"}, corpus.ExitConfig, "unexpected argument"},
		{"missing manifest", []string{"--sources", filepath.Join(dir, "none.txt"), "--out", dir}, corpus.ExitConfig, "none.txt"},
		{"bad manifest", []string{"--sources", bad, "--out", dir}, corpus.ExitConfig, "bad.txt:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(context.Background(), append([]string{"build"}, tc.args...), &stdout, &stderr); got != tc.want {
				t.Fatalf("exit %d, want %d; stderr %s", got, tc.want, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.msg) {
				t.Fatalf("stderr %q lacks %q", stderr.String(), tc.msg)
			}
		})
	}
}

func TestBuildLocked(t *testing.T) {
	out := t.TempDir()
	lock, err := corpus.AcquireLock(out)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	var stdout, stderr bytes.Buffer
	if got := run(context.Background(), []string{"build", "--out", out}, &stdout, &stderr); got != corpus.ExitLocked {
		t.Fatalf("exit %d, want %d; stderr %s", got, corpus.ExitLocked, stderr.String())
	}
}

func TestBuildInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if got := run(ctx, []string{"build", "--out", out, "--quiet"}, &stdout, &stderr); got != corpus.ExitInterrupted {
		t.Fatalf("exit %d, want %d; stderr %s", got, corpus.ExitInterrupted, stderr.String())
	}
	if _, err := corpus.Current(out); err == nil {
		t.Fatal("an interrupted build published")
	}
}

// TestBuildDefaultCorpus runs the build as `make run` does, on the
// embedded corpus: it publishes (some documents may still fail while the
// readers are young: exit 3), logs JSON lines with one line per document,
// and says where the outputs are.
func TestBuildDefaultCorpus(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"build", "--out", out}, &stdout, &stderr)
	if code != corpus.ExitOK && code != corpus.ExitPartial {
		t.Fatalf("exit %d; stderr %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), filepath.Join(out, corpus.CurrentLink)) {
		t.Fatalf("stdout does not say where the outputs are: %q", stdout.String())
	}
	cur, err := corpus.Current(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{corpus.RecordsFile, corpus.SectionsFile, corpus.WorkbookFile, corpus.ChangesFile, corpus.ReportFile} {
		if _, err := os.Stat(filepath.Join(cur, f)); err != nil {
			t.Error(err)
		}
	}
	var rep corpus.Report
	data, _ := os.ReadFile(filepath.Join(cur, corpus.ReportFile))
	if err := json.Unmarshal(data, &rep); err != nil || rep.ExitCode != code || rep.Documents.Seen == 0 {
		t.Fatalf("report.json: exit %d, %d documents, %v", rep.ExitCode, rep.Documents.Seen, err)
	}
	if rep.Index != "ok" {
		t.Errorf("index: %s", rep.Index)
	}
	perDoc := 0
	sc := bufio.NewScanner(&stderr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", sc.Text())
		}
		if m["msg"] == "document" || m["msg"] == "document failed" {
			perDoc++
			if m["file"] == "" || m["duration"] == nil {
				t.Errorf("document line without file or duration: %q", sc.Text())
			}
		}
	}
	if perDoc != rep.Documents.Seen {
		t.Fatalf("%d per-document log lines, %d documents", perDoc, rep.Documents.Seen)
	}
}

// TestBuildLoggerKeepsEveryLine: zap's production config samples (after
// 100 equal messages a second it drops most); a nightly log must not lose
// per-document lines.
func TestBuildLoggerKeepsEveryLine(t *testing.T) {
	var buf bytes.Buffer
	log := newBuildLogger(&lineWriter{w: &buf}, false, false, false)
	for i := 0; i < 1000; i++ {
		log.Info("document")
	}
	log.Sync()
	if n := strings.Count(buf.String(), "\n"); n != 1000 {
		t.Fatalf("%d lines, want 1000", n)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(strings.SplitN(buf.String(), "\n", 2)[0]), &m); err != nil || m["msg"] != "document" {
		t.Fatalf("not a JSON line: %v %v", m, err)
	}
}

func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	lw := &lineWriter{w: &buf, term: true}
	lw.progress(1, 4, "a.pdf")
	lw.Write([]byte("a log line\n"))
	lw.clear()
	want := "\r\x1b[K[#######.......................] 1/4 a.pdf" + // the bar
		"\r\x1b[K" + "a log line\n" + "[#######.......................] 1/4 a.pdf" + // wiped, logged, redrawn
		"\r\x1b[K" // cleared at the end
	if buf.String() != want {
		t.Fatalf("got  %q\nwant %q", buf.String(), want)
	}
	var quiet bytes.Buffer
	(&lineWriter{w: &quiet}).Write([]byte("x\n"))
	if quiet.String() != "x\n" {
		t.Fatalf("off a terminal: %q", quiet.String())
	}
}
