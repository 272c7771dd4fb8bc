package extract_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"rccplans"
	"rccplans/extract"
	"rccplans/fixtures"
	"rccplans/fixtures/bad"
)

// cleanPlan is the good plan the bad twins are made from.
const (
	cleanPlan = "corpus/000_363f1a49b5c57245-word.pdf"
	cleanDOCX = "corpus/000_363f1a49b5c57245-word.docx"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(fixtures.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func badCorpus(t testing.TB) (clean []byte, files []bad.File) {
	t.Helper()
	clean = readFixture(t, cleanPlan)
	files, err := bad.Corpus(clean)
	if err != nil {
		t.Fatal(err)
	}
	docx, err := bad.CorpusDOCX(readFixture(t, cleanDOCX))
	if err != nil {
		t.Fatal(err)
	}
	return clean, append(files, docx...)
}

// hangLimit is not a speed assertion: a read that has not returned by then
// is stuck (a loop in a cyclic file), and the test says which file.
const hangLimit = 3 * time.Minute

type readResult struct {
	l     *rccplans.Layout
	err   error
	panic any
}

// readBounded runs extract.Read with a deadline, and reports a panic or a
// read that does not come back instead of taking the test binary down.
func readBounded(t testing.TB, name string, data []byte, opt extract.Options) (*rccplans.Layout, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	done := make(chan readResult, 1)
	go func() {
		var res readResult
		defer func() {
			res.panic = recover()
			done <- res
		}()
		res.l, res.err = extract.Read(ctx, name, data, opt)
	}()
	select {
	case res := <-done:
		if res.panic != nil {
			t.Fatalf("%s: extract.Read panicked: %v", name, res.panic)
		}
		return res.l, res.err
	case <-time.After(hangLimit + 30*time.Second):
		t.Fatalf("%s: extract.Read did not return (hangs)", name)
	}
	return nil, nil
}

// pageTexts is the words of each page, with their positions: two reads
// that agree here give the same blocks and records.
func pageTexts(l *rccplans.Layout) []string {
	if l == nil {
		return nil
	}
	var out []string
	for _, p := range l.Pages {
		var b strings.Builder
		for _, w := range p.Words {
			fmt.Fprintf(&b, "%s@%.1f,%.1f ", w.Text, w.X0, w.Y0)
		}
		out = append(out, b.String())
	}
	return out
}

func allText(l *rccplans.Layout) string {
	if l == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range l.Pages {
		for _, ln := range p.Lines {
			b.WriteString(ln.Text + "\n")
		}
	}
	for _, bl := range l.Blocks {
		b.WriteString(bl.Text + "\n")
	}
	return b.String()
}

// sentinel is the extract error each Reason stands for.
var sentinel = map[string]error{
	bad.ReasonEmpty:     extract.ErrEmpty,
	bad.ReasonFormat:    extract.ErrUnsupported,
	bad.ReasonEncrypted: extract.ErrEncrypted,
	bad.ReasonNoText:    extract.ErrNoText,
	bad.ReasonTooLarge:  extract.ErrTooLarge,
	bad.ReasonMalformed: extract.ErrMalformed,
}

// partialText: what a Partial file must still give, read from the pages
// that parse (a poppler reads these too). Each must appear exactly once.
var partialText = map[string]string{
	"garbled-content.pdf": "Second page survives",
	"garbled-flate.pdf":   "Second page survives",
	"pages-loop.pdf":      "Looped tree page",
	"parent-loop.pdf":     "Parent loop page",
	"form-loop.pdf":       "Page text outside the form",
	"deep-nesting.pdf":    "Text after the nesting",
}

// partialPage: the page an error or warning must name, where a page's
// data is unreadable (silently dropping it hides the loss).
var partialPage = map[string]int{
	"garbled-flate.pdf": 1,
	"ref-loop.pdf":      1,
}

func namesPage(l *rccplans.Layout, err error, page int) bool {
	var le *rccplans.Error
	if errors.As(err, &le) && le.Page == page {
		return true
	}
	if l != nil {
		for _, w := range l.Warnings {
			if w.Page == page {
				return true
			}
		}
	}
	return false
}

func TestBadCorpus(t *testing.T) {
	clean, files := badCorpus(t)
	want, err := extract.Read(context.Background(), "clean.pdf", clean, extract.Options{})
	if err != nil {
		t.Fatalf("clean plan: %v", err)
	}
	wantPages := pageTexts(want)
	for _, f := range files {
		t.Run(f.Name, func(t *testing.T) {
			t.Logf("made as: %s", f.How)
			l, err := readBounded(t, f.Name, f.Data, extract.Options{})
			var le *rccplans.Error
			if err != nil && (!errors.As(err, &le) || le.File != f.Name) {
				t.Errorf("error does not name the file: %v", err)
			}
			switch f.Outcome {
			case bad.Same:
				if err != nil {
					t.Fatalf("want the clean twin's result, got error %v", err)
				}
				got := pageTexts(l)
				if len(got) != len(wantPages) {
					t.Fatalf("pages: got %d, want %d", len(got), len(wantPages))
				}
				for i := range got {
					if got[i] != wantPages[i] {
						t.Errorf("page %d differs from the clean twin:\n got %.200s\nwant %.200s", i+1, got[i], wantPages[i])
					}
				}
				if len(l.Blocks) != len(want.Blocks) {
					t.Errorf("blocks: got %d, want %d", len(l.Blocks), len(want.Blocks))
				}
			case bad.Fail:
				if err == nil {
					t.Fatalf("want an error (%s), got none", f.Reason)
				}
				if !errors.Is(err, sentinel[f.Reason]) || !strings.Contains(err.Error(), f.Reason) {
					t.Errorf("want %q, got %v", f.Reason, err)
				}
				if l != nil && len(l.Blocks) > 0 {
					t.Errorf("a failed file gave %d blocks", len(l.Blocks))
				}
			case bad.Partial:
				if text, ok := partialText[f.Name]; ok {
					if n := strings.Count(allText(l), text); n == 0 {
						t.Errorf("%q lost (err %v)", text, err)
					}
					if n := pageCount(l, text); n > 1 {
						t.Errorf("%q on %d pages: a loop was followed more than once", text, n)
					}
				}
				if page, ok := partialPage[f.Name]; ok && !namesPage(l, err, page) {
					t.Errorf("page %d is unreadable but no error or warning names it", page)
				}
				if f.Name == "cid-no-tounicode.pdf" {
					// The page has text; only its mapping to Unicode is missing.
					if errors.Is(err, extract.ErrNoText) {
						t.Errorf("text without a Unicode mapping reported as a scan: %v", err)
					}
					if !strings.Contains(strings.ToLower(fmt.Sprint(err, warnings(l))), "unicode") {
						t.Errorf("no error or warning says the text cannot be mapped to Unicode")
					}
				}
				t.Logf("err=%v warnings=%v", err, warnings(l))
			case bad.Text:
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if !strings.Contains(allText(l), f.Reason) {
					t.Errorf("%q not read; got %.300q", f.Reason, allText(l))
				}
			}
		})
	}
}

func pageCount(l *rccplans.Layout, text string) int {
	if l == nil {
		return 0
	}
	n := 0
	for _, p := range l.Pages {
		for _, ln := range p.Lines {
			if strings.Contains(ln.Text, text) {
				n++
				break
			}
		}
	}
	return n
}

func warnings(l *rccplans.Layout) []string {
	if l == nil {
		return nil
	}
	var out []string
	for _, w := range l.Warnings {
		out = append(out, w.String())
	}
	return out
}

// TestReadBounds: a document past a bound fails alone, with ErrTooLarge
// and its name; the bounds are Options'.
func TestReadBounds(t *testing.T) {
	clean := readFixture(t, cleanPlan)
	long := bad.ManyPages(2000)
	tests := []struct {
		name string
		data []byte
		opt  extract.Options
		want error
		text string // in the error
	}{
		{"size", clean, extract.Options{MaxBytes: 1000}, extract.ErrTooLarge, "bytes, at most 1000"},
		{"pages", long, extract.Options{MaxPages: 1000}, extract.ErrTooLarge, "2000 pages"},
		{"time", long, extract.Options{Timeout: time.Millisecond}, extract.ErrTooLarge, "not read within 1ms"},
		{"within bounds", clean, extract.Options{MaxBytes: int64(len(clean)), MaxPages: 100, Timeout: time.Hour}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := readBounded(t, tc.name+".pdf", tc.data, tc.opt)
			if tc.want == nil {
				if err != nil || l == nil {
					t.Fatalf("got %v", err)
				}
				return
			}
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.text) || !strings.Contains(err.Error(), tc.name+".pdf") {
				t.Fatalf("got %v, want %v with %q and the file name", err, tc.want, tc.text)
			}
		})
	}
}

// A cancelled run is an interruption, not a document past its time bound.
func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := extract.Read(ctx, "long.pdf", bad.ManyPages(50), extract.Options{})
	if !errors.Is(err, context.Canceled) || errors.Is(err, extract.ErrTooLarge) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
}

// Content decides the format; but a name that promises a PDF or a Word
// file holding a web page or text is refused rather than read as that.
func TestReadNameContentMismatch(t *testing.T) {
	clean := readFixture(t, cleanPlan)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"page.pdf", []byte("<!DOCTYPE html><html><body><p>Moved</p></body></html>"), extract.ErrUnsupported},
		{"plan.docx", clean, nil}, // a document under another document's name
		{"plan.docx", []byte("# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"), extract.ErrUnsupported},
		{"plan.PDF", []byte("just some text\n"), extract.ErrUnsupported},
		{"download", clean, nil}, // no extension: content decides
		{"plan.pdf", clean, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readBounded(t, tc.name, tc.data, extract.Options{})
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}
