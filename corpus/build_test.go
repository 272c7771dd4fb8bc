package corpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rccplans"
	"rccplans/extract"
)

// The build is tested with synthetic documents read by synthExtract, so
// the pipeline's behaviour does not depend on how well the real readers
// do today. A synthetic document is text; each line
//
//	area|goal|activity|status
//
// is one record. Lines starting with % are ignored (so a synthetic
// document can pass as a PDF); "FAIL" fails the document, "PANIC" panics.
func synthExtract(ctx context.Context, name string, data []byte, opt extract.Options) (*rccplans.Document, error) {
	s := string(data)
	switch {
	case strings.HasPrefix(s, "FAIL"):
		return nil, rccplans.Located(name, 0, errors.New("synthetic failure"))
	case strings.HasPrefix(s, "PANIC"):
		panic("synthetic panic")
	}
	doc := &rccplans.Document{Format: "text", Pages: 1, Region: "Region Test", Kind: rccplans.KindHandlingsplan}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "%") {
			continue
		}
		f := strings.Split(line, "|")
		for len(f) < 4 {
			f = append(f, "")
		}
		doc.Records = append(doc.Records, rccplans.Record{Page: len(doc.Records) + 1, Region: doc.Region,
			Kind: doc.Kind, AreaCode: f[0], Goal: f[1], Activity: f[2], StatusRaw: f[3], Status: synthStatus(f[3])})
	}
	return doc, nil
}

func synthStatus(s string) string {
	switch strings.ToLower(s) {
	case "påbörjad", "pågående":
		return rccplans.StatusInProgress
	case "klar":
		return rccplans.StatusDone
	case "ej påbörjad":
		return rccplans.StatusNotStarted
	}
	return ""
}

// countingExtract wraps synthExtract and counts its calls.
type countingExtract struct{ n atomic.Int32 }

func (c *countingExtract) extract(ctx context.Context, name string, data []byte, opt extract.Options) (*rccplans.Document, error) {
	c.n.Add(1)
	return synthExtract(ctx, name, data, opt)
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// synthOptions builds the documents of folder docs into out.
func synthOptions(out, docs string) Options {
	return Options{
		Out:       out,
		Sources:   []Source{{Kind: SourceDocument, Location: docs}},
		Jobs:      2,
		Fetcher:   fastFetcher(),
		extractFn: synthExtract,
		// The index package has its own tests; here it is only built
		// where it can be (TestBuildIndex).
		IndexOptional: true,
	}
}

func mustBuild(t testing.TB, opt Options, wantCode int) *Report {
	t.Helper()
	rep, err := Build(context.Background(), opt)
	if rep.ExitCode != wantCode {
		t.Fatalf("exit code %d (%v), want %d", rep.ExitCode, err, wantCode)
	}
	return rep
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readChanges(t testing.TB, out string) []Change {
	t.Helper()
	cur, err := Current(out)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := ReadJSONL[Change](filepath.Join(cur, ChangesFile))
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func currentFile(t testing.TB, out, name string) []byte {
	t.Helper()
	cur, err := Current(out)
	if err != nil {
		t.Fatal(err)
	}
	return readFile(t, filepath.Join(cur, name))
}

var twoDocs = map[string]string{
	"a.txt": "1.a|Fler screenas|Bjud in alla|Påbörjad\n1.b|Kortare väntetid|Inför SVF|Ej påbörjad\n",
	"b.txt": "2.a|Bättre rehab|Rehabplan för alla|Klar\n",
}

func TestBuildNoChangeIsCachedAndIdentical(t *testing.T) {
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	writeFiles(t, docs, twoDocs)
	var ce countingExtract
	opt := synthOptions(out, docs)
	opt.extractFn = ce.extract
	rep := mustBuild(t, opt, ExitOK)
	if rep.Records != 3 || rep.Documents.New != 2 || ce.n.Load() != 2 {
		t.Fatalf("first build: %d records, %d new, %d extracted; want 3, 2, 2", rep.Records, rep.Documents.New, ce.n.Load())
	}
	first := currentFile(t, out, RecordsFile)

	rep = mustBuild(t, opt, ExitOK)
	if n := ce.n.Load(); n != 2 {
		t.Errorf("no-change build extracted again: %d calls in all, want 2", n)
	}
	if rep.Documents.Cached != 2 || rep.Documents.Unchanged != 2 || rep.Documents.Extracted != 0 {
		t.Errorf("documents = %+v, want 2 cached, 2 unchanged", rep.Documents)
	}
	if second := currentFile(t, out, RecordsFile); !bytes.Equal(first, second) {
		t.Errorf("records.jsonl differs after a no-change build")
	}
	if cs := readChanges(t, out); len(cs) != 0 {
		t.Errorf("no-change build reports changes: %+v", cs)
	}
	// A third run shows exactly what the second showed: its workbook is
	// taken over (the same file), not written again.
	second, _ := Current(out)
	mustBuild(t, opt, ExitOK)
	third, _ := Current(out)
	s2, err2 := os.Stat(filepath.Join(second, WorkbookFile))
	s3, err3 := os.Stat(filepath.Join(third, WorkbookFile))
	if err2 != nil || err3 != nil || second == third || !os.SameFile(s2, s3) {
		t.Errorf("third no-change run did not take over the workbook (%v, %v)", err2, err3)
	}
	// Every line is a spec record with its identity set.
	for _, line := range bytes.Split(bytes.TrimSpace(first), []byte("\n")) {
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatal(err)
		}
		if m["type"] != "record" || m["doc_id"] == "" || m["source_file"] == "" {
			t.Fatalf("bad record line %s", line)
		}
	}
}

func TestBuildStatusChangeReported(t *testing.T) {
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	writeFiles(t, docs, twoDocs)
	opt := synthOptions(out, docs)
	mustBuild(t, opt, ExitOK)

	writeFiles(t, docs, map[string]string{
		"a.txt": "1.a|Fler screenas|Bjud in alla|Klar\n1.b|Kortare  väntetid|Inför SVF|Ej påbörjad\n1.c|Nytt mål|Ny aktivitet|\n",
		"c.txt": "3.a|Palliativ vård|Utbilda|Påbörjad\n",
	})
	os.Remove(filepath.Join(docs, "b.txt"))
	rep := mustBuild(t, opt, ExitOK)

	got := map[string]int{}
	var status *Change
	for _, c := range readChanges(t, out) {
		got[c.Type+":"+c.Change]++
		if c.Change == ChangeStatusChanged {
			c := c
			status = &c
		}
	}
	want := map[string]int{
		"document:changed": 1, "document:new": 1, "document:gone": 1,
		"record:status_changed": 1, "record:appeared": 2, "record:disappeared": 1,
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d, want %d (all: %v)", k, got[k], n, got)
		}
	}
	if status == nil || status.StatusFrom != rccplans.StatusInProgress || status.StatusTo != rccplans.StatusDone || status.Goal != "Fler screenas" {
		t.Fatalf("status change = %+v", status)
	}
	if rep.Changes.StatusChanged != 1 {
		t.Errorf("report: %d status changes, want 1", rep.Changes.StatusChanged)
	}

	// The same change in the workbook's Ändringar sheet.
	cur, _ := Current(out)
	f, err := excelize.OpenFile(filepath.Join(cur, WorkbookFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetChanges)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		line := strings.Join(r, "|")
		if strings.Contains(line, "Ändrad status") && strings.Contains(line, "Fler screenas") &&
			strings.Contains(line, "Pågående|Klar") {
			found = true
		}
	}
	if !found {
		t.Errorf("Ändringar has no status change row: %q", rows)
	}
}

func TestBuildFailedDocumentKeepsPrevious(t *testing.T) {
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	writeFiles(t, docs, twoDocs)
	opt := synthOptions(out, docs)
	mustBuild(t, opt, ExitOK)
	before := currentFile(t, out, RecordsFile)

	for _, bad := range []string{"FAIL", "PANIC"} {
		t.Run(bad, func(t *testing.T) {
			writeFiles(t, docs, map[string]string{"b.txt": bad + "\n"})
			rep := mustBuild(t, opt, ExitPartial)
			if !bytes.Equal(currentFile(t, out, RecordsFile), before) {
				t.Errorf("records changed; the failed document's previous records must be kept")
			}
			var ds []DocumentResult
			json.Unmarshal(currentFile(t, out, DocumentsFile), &ds)
			var b *DocumentResult
			for i := range ds {
				if ds[i].File == "b.txt" {
					b = &ds[i]
				}
			}
			if b == nil || b.Status != DocFailed || !b.PreviousKept || b.Records != 1 {
				t.Fatalf("b.txt = %+v, want failed with its 1 previous record kept", b)
			}
			if rep.Documents.Failed != 1 || len(rep.Failures) != 1 {
				t.Errorf("report: %d failed, failures %q", rep.Documents.Failed, rep.Failures)
			}
		})
	}
}

func TestBuildQualityGate(t *testing.T) {
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	writeFiles(t, docs, twoDocs)
	opt := synthOptions(out, docs)
	mustBuild(t, opt, ExitOK)
	prev, _ := Current(out)
	before := currentFile(t, out, RecordsFile)

	writeFiles(t, docs, map[string]string{"a.txt": "% no table any more\n"})
	rep := mustBuild(t, opt, ExitNotPublished)
	if cur, _ := Current(out); cur != prev {
		t.Fatalf("current moved to %s after a refused build", cur)
	}
	if !bytes.Equal(currentFile(t, out, RecordsFile), before) {
		t.Fatal("published records changed after a refused build")
	}
	if len(rep.Gate) != 1 || !strings.HasSuffix(rep.Build, rejectedSuffix) {
		t.Fatalf("gate %q, build %q", rep.Gate, rep.Build)
	}
	var last Report
	if err := json.Unmarshal(readFile(t, filepath.Join(out, lastRunName)), &last); err != nil || last.ExitCode != ExitNotPublished || last.Published {
		t.Fatalf("last-run.json: %+v, %v", last, err)
	}

	opt.Force = true
	mustBuild(t, opt, ExitOK)
	if cur, _ := Current(out); cur == prev {
		t.Fatal("--force did not publish")
	}
}

func TestBuildKeepsLastBuilds(t *testing.T) {
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	writeFiles(t, docs, twoDocs)
	opt := synthOptions(out, docs)
	opt.Keep = 2
	for i := 0; i < 4; i++ {
		// a new version of b.txt every time: only the kept builds' versions stay stored
		writeFiles(t, docs, map[string]string{"b.txt": fmt.Sprintf("2.a|Bättre rehab %d|Rehabplan|Klar\n", i)})
		mustBuild(t, opt, ExitOK)
	}
	ents, _ := os.ReadDir(filepath.Join(out, buildsDir))
	if len(ents) != 2 {
		t.Fatalf("%d builds kept, want 2", len(ents))
	}
	// a.txt once, b.txt in the two kept versions
	for _, pattern := range []string{"store/objects/*/*", "cache/" + ExtractorVersion + "/*/*"} {
		if files, _ := filepath.Glob(filepath.Join(out, pattern)); len(files) != 3 {
			t.Errorf("%s: %d files, want 3", pattern, len(files))
		}
	}
	cur, _ := Current(out)
	if filepath.Base(cur) != ents[1].Name() {
		t.Fatalf("current %s is not the newest of %v", cur, ents)
	}
}

func TestBuildInterrupted(t *testing.T) {
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	writeFiles(t, docs, twoDocs)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, stage := range []string{"resolved", "written"} {
		t.Run(stage, func(t *testing.T) {
			ctx, cancel := context.WithCancel(ctx)
			opt := synthOptions(out, docs)
			opt.hook = func(s string) {
				if s == stage {
					cancel()
				}
			}
			rep, _ := Build(ctx, opt)
			if rep.ExitCode != ExitInterrupted {
				t.Fatalf("exit %d, want %d", rep.ExitCode, ExitInterrupted)
			}
			if _, err := Current(out); !errors.Is(err, ErrNotPublished) {
				t.Fatalf("an interrupted build published: %v", err)
			}
			ents, _ := os.ReadDir(filepath.Join(out, buildsDir))
			if len(ents) != 0 {
				t.Fatalf("left %v behind", ents)
			}
		})
	}
}

func TestBuildMetadataOverrides(t *testing.T) {
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	writeFiles(t, docs, twoDocs)
	manifest := filepath.Join(root, "sources.txt")
	writeFiles(t, root, map[string]string{"sources.txt": `# test
document docs/a.txt region="Region Östra" rcc="RCC Sydöst" period=2022-2024 name=plan.txt
document docs/b.txt
`})
	srcs, err := ReadSources(manifest)
	if err != nil {
		t.Fatal(err)
	}
	opt := synthOptions(out, docs)
	opt.Sources = srcs
	mustBuild(t, opt, ExitOK)
	recs, err := ReadJSONL[rccplans.Record](filepath.Join(out, CurrentLink, RecordsFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3", len(recs))
	}
	for _, r := range recs {
		switch r.SourceFile {
		case "plan.txt":
			if r.Region != "Region Östra" || r.RCC != "RCC Sydöst" || r.PeriodFrom != 2022 || r.PeriodTo != 2024 {
				t.Errorf("override not applied: %+v", r)
			}
		case "b.txt":
			if r.Region != "Region Test" || r.RCC != "" {
				t.Errorf("b.txt changed: %+v", r)
			}
		default:
			t.Errorf("unexpected source_file %q", r.SourceFile)
		}
	}
}

// TestBuildIndex: the search index is part of a build, and a no-change
// run takes it over from the previous build instead of indexing again.
func TestBuildIndex(t *testing.T) {
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	writeFiles(t, docs, twoDocs)
	opt := synthOptions(out, docs)
	opt.IndexOptional = false
	rep := mustBuild(t, opt, ExitOK)
	if rep.Index != "ok" {
		t.Fatalf("index %q", rep.Index)
	}
	if st, err := os.Stat(filepath.Join(out, CurrentLink, IndexDir)); err != nil || !st.IsDir() {
		t.Fatalf("no index folder: %v", err)
	}
	if rep = mustBuild(t, opt, ExitOK); rep.Index != "reused" {
		t.Fatalf("no-change run: index %q, want reused", rep.Index)
	}
	writeFiles(t, docs, map[string]string{"b.txt": "2.a|Bättre rehab|Rehabplan för alla|Påbörjad\n"})
	if rep = mustBuild(t, opt, ExitOK); rep.Index != "ok" {
		t.Fatalf("changed data: index %q, want ok (rebuilt)", rep.Index)
	}
}

// TestBuildFromListing: a listing page served over HTTP names documents;
// the second run asks conditionally and gets 304s; when the listing page
// fails, the documents found on it last time keep their results.
func TestBuildFromListing(t *testing.T) {
	var listingDown atomic.Bool
	var notModified atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/plans", func(w http.ResponseWriter, r *http.Request) {
		if listingDown.Load() {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, "/files/a.pdf\n/files/b.pdf\n")
	})
	mux.HandleFunc("/files/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"`+r.URL.Path+`"`)
		if r.Header.Get("If-None-Match") == `"`+r.URL.Path+`"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprintf(w, "%%PDF-1.4\n9.a|Mål från %s|Aktivitet|Påbörjad\n", r.URL.Path)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	out := filepath.Join(t.TempDir(), "out")
	opt := synthOptions(out, "")
	opt.Sources = []Source{{Kind: SourceListing, Location: srv.URL + "/plans", Meta: Meta{RCC: "RCC Norr"}}}
	opt.discoverFn = func(base string, data []byte) ([]Entry, error) {
		var es []Entry
		for _, l := range strings.Fields(string(data)) {
			es = append(es, Entry{URL: srv.URL + l, Kind: "handlingsplan", PeriodFrom: 2022, PeriodTo: 2024})
		}
		return es, nil
	}
	rep := mustBuild(t, opt, ExitOK)
	if rep.Records != 2 {
		t.Fatalf("%d records, want 2", rep.Records)
	}
	recs, _ := ReadJSONL[rccplans.Record](filepath.Join(out, CurrentLink, RecordsFile))
	for _, r := range recs {
		if r.RCC != "RCC Norr" || r.PeriodFrom != 2022 || r.SourceFile != "a.pdf" && r.SourceFile != "b.pdf" {
			t.Errorf("record metadata: %+v", r)
		}
	}
	before := currentFile(t, out, RecordsFile)

	rep = mustBuild(t, opt, ExitOK)
	if notModified.Load() != 2 || rep.Documents.Extracted != 0 {
		t.Fatalf("second run: %d 304s, %d extracted; want 2, 0", notModified.Load(), rep.Documents.Extracted)
	}
	if !bytes.Equal(before, currentFile(t, out, RecordsFile)) {
		t.Fatal("records differ after a run where the server said 304")
	}

	listingDown.Store(true)
	rep = mustBuild(t, opt, ExitPartial)
	if !bytes.Equal(before, currentFile(t, out, RecordsFile)) || rep.Documents.Failed != 2 || rep.Documents.Gone != 0 {
		t.Fatalf("listing down: failed %d, gone %d; records kept: %v", rep.Documents.Failed, rep.Documents.Gone,
			bytes.Equal(before, currentFile(t, out, RecordsFile)))
	}
}

func TestBuildHTMLServedAsPDFFails(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!DOCTYPE html><html><body>Not found</body></html>")
	}))
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "out")
	opt := synthOptions(out, "")
	opt.Sources = []Source{{Kind: SourceDocument, Location: srv.URL + "/plan.pdf"}}
	rep := mustBuild(t, opt, ExitPartial)
	if len(rep.Failures) != 1 || !strings.Contains(rep.Failures[0], "not the document type") {
		t.Fatalf("failures %q", rep.Failures)
	}
}

// TestBuildChildProcess is not a test: the tests below start the test
// binary again with RCCPLANS_BUILD_CHILD set and run this as a separate
// build process, which stops before publishing until told to go on.
func TestBuildChildProcess(t *testing.T) {
	dir := os.Getenv("RCCPLANS_BUILD_CHILD")
	if dir == "" {
		t.Skip("helper process for the lock and kill tests")
	}
	opt := synthOptions(filepath.Join(dir, "out"), filepath.Join(dir, "docs"))
	opt.hook = func(stage string) {
		if stage != "written" {
			return
		}
		os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644)
		for i := 0; i < 3000; i++ { // 30 s at most
			if _, err := os.Stat(filepath.Join(dir, "go")); err == nil {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	rep, _ := Build(context.Background(), opt)
	// the exit code goes to a file: a test that calls os.Exit confuses
	// the testing package
	os.WriteFile(filepath.Join(dir, "code"), []byte(fmt.Sprint(rep.ExitCode)), 0o644)
}

// startChild starts a build process on dir and waits until it has written
// its build and waits before publishing.
func startChild(t *testing.T, dir string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBuildChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "RCCPLANS_BUILD_CHILD="+dir)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
			return cmd
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("child build never got ready")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestBuildKill9LeavesPreviousOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	docs, out := filepath.Join(dir, "docs"), filepath.Join(dir, "out")
	writeFiles(t, docs, twoDocs)
	mustBuild(t, synthOptions(out, docs), ExitOK)
	prev, _ := Current(out)
	before := currentFile(t, out, RecordsFile)
	workbook := currentFile(t, out, WorkbookFile)

	writeFiles(t, docs, map[string]string{"a.txt": "1.a|Fler screenas|Bjud in alla|Klar\n"})
	child := startChild(t, dir)
	if err := child.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	child.Wait()

	if cur, err := Current(out); err != nil || cur != prev {
		t.Fatalf("after kill -9 current = %s, %v; want %s", cur, err, prev)
	}
	if !bytes.Equal(currentFile(t, out, RecordsFile), before) || !bytes.Equal(currentFile(t, out, WorkbookFile), workbook) {
		t.Fatal("published files changed by a killed build")
	}
	if _, err := excelize.OpenFile(filepath.Join(out, CurrentLink, WorkbookFile)); err != nil {
		t.Fatalf("published workbook unreadable: %v", err)
	}
	partials, _ := filepath.Glob(filepath.Join(out, buildsDir, "*"+partialSuffix))
	if len(partials) != 1 {
		t.Fatalf("want the killed build's partial folder, have %v", partials)
	}
	// The next build cleans up and publishes; the lock died with the process.
	mustBuild(t, synthOptions(out, docs), ExitOK)
	partials, _ = filepath.Glob(filepath.Join(out, buildsDir, "*"+partialSuffix))
	if len(partials) != 0 {
		t.Fatalf("partial builds left: %v", partials)
	}
}

func TestBuildConcurrentLock(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	docs, out := filepath.Join(dir, "docs"), filepath.Join(dir, "out")
	writeFiles(t, docs, twoDocs)
	child := startChild(t, dir)
	defer child.Process.Kill()

	rep, err := Build(context.Background(), synthOptions(out, docs))
	if rep.ExitCode != ExitLocked || !errors.Is(err, ErrLocked) {
		t.Fatalf("second build: exit %d, %v; want %d", rep.ExitCode, err, ExitLocked)
	}
	os.WriteFile(filepath.Join(dir, "go"), nil, 0o644)
	if err := child.Wait(); err != nil {
		t.Fatal(err)
	}
	if code := string(readFile(t, filepath.Join(dir, "code"))); code != fmt.Sprint(ExitOK) {
		t.Fatalf("first build exited %s, want 0", code)
	}
	if _, err := Current(out); err != nil {
		t.Fatalf("first build did not publish: %v", err)
	}
}

// BenchmarkBuild builds the default corpus cold (empty output folder), then
// again with nothing changed, and reports the second's time as a fraction
// of the first's (target: ≤ 0.05), in wall time and in CPU time (user +
// system of the process: steadier on a shared machine).
func BenchmarkBuild(b *testing.B) {
	var cold, warm, coldCPU, warmCPU time.Duration
	for i := 0; i < b.N; i++ {
		out := filepath.Join(b.TempDir(), "out")
		opt := Options{Out: out, IndexOptional: true}
		c0, t0 := cpuTime(), time.Now()
		if rep, err := Build(context.Background(), opt); rep.ExitCode != ExitOK && rep.ExitCode != ExitPartial {
			b.Fatalf("cold build: %v", err)
		}
		c1, t1 := cpuTime(), time.Now()
		rep, err := Build(context.Background(), opt)
		if rep.ExitCode != ExitOK && rep.ExitCode != ExitPartial {
			b.Fatalf("no-change build: %v", err)
		}
		if rep.Documents.Extracted != 0 {
			b.Fatalf("no-change build extracted %d documents", rep.Documents.Extracted)
		}
		cold += t1.Sub(t0)
		warm += time.Since(t1)
		coldCPU += c1 - c0
		warmCPU += cpuTime() - c1
	}
	b.ReportMetric(float64(cold.Milliseconds())/float64(b.N), "cold-ms/op")
	b.ReportMetric(float64(warm.Milliseconds())/float64(b.N), "nochange-ms/op")
	b.ReportMetric(float64(warm)/float64(cold), "nochange/cold")
	b.ReportMetric(float64(warmCPU)/float64(coldCPU), "nochange/cold-cpu")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
