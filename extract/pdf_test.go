package extract

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"rccplans"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixturePDFs lists the corpus PDFs the tests read.
func fixturePDFs(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "fixtures", "corpus", "*.pdf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture PDFs: %v", err)
	}
	return files
}

// refWord is a word as pdftotext -bbox-layout reports it.
type refWord struct {
	page int
	rccplans.Box
	text string
}

var (
	rePage = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	reWord = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

// pdftotextWords runs poppler's pdftotext -bbox-layout on a file.
func pdftotextWords(t testing.TB, file string, args ...string) []refWord {
	t.Helper()
	args = append(append([]string{"-bbox-layout"}, args...), file, "-")
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	var words []refWord
	page := 0
	for _, line := range strings.Split(string(out), "\n") {
		if rePage.MatchString(line) {
			page++
			continue
		}
		m := reWord.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		f := func(i int) float64 { v, _ := strconv.ParseFloat(m[i], 64); return v }
		words = append(words, refWord{page, rccplans.Box{X0: f(1), Y0: f(2), X1: f(3), Y1: f(4)}, html.UnescapeString(m[5])})
	}
	return words
}

func needPdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not on PATH")
	}
}

func readFixture(t testing.TB, file string) *rccplans.Layout {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	l, err := PDF(context.Background(), filepath.Base(file), data, Options{})
	if err != nil {
		t.Fatalf("PDF(%s): %v", file, err)
	}
	return l
}

// wordKey identifies a word by page and text for multiset comparison.
type wordKey struct {
	page int
	text string
}

// TestPDFMatchesPdftotext: on every fixture PDF the words (text and
// page) match poppler's to at least 99%, and the matched words sit where
// poppler puts them (within 1pt) for at least 98% of them.
func TestPDFMatchesPdftotext(t *testing.T) {
	needPdftotext(t)
	for _, file := range fixturePDFs(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ref := pdftotextWords(t, file)
			l := readFixture(t, file)
			refBy := map[wordKey][]rccplans.Box{}
			for _, w := range ref {
				k := wordKey{w.page, w.text}
				refBy[k] = append(refBy[k], w.Box)
			}
			total := 0
			matched, placed := 0, 0
			var missing []string
			for _, p := range l.Pages {
				for _, w := range p.Words {
					total++
					k := wordKey{p.Number, w.Text}
					boxes := refBy[k]
					if len(boxes) == 0 {
						missing = append(missing, fmt.Sprintf("p%d %q", p.Number, w.Text))
						continue
					}
					matched++
					// Take the nearest reference box.
					best, bi := math.Inf(1), 0
					for i, b := range boxes {
						d := math.Abs(b.X0-w.X0) + math.Abs(b.Y0-w.Y0)
						if d < best {
							best, bi = d, i
						}
					}
					b := boxes[bi]
					if math.Abs(b.X0-w.X0) <= 1 && math.Abs(b.X1-w.X1) <= 1 && math.Abs(b.Y0-w.Y0) <= 1 && math.Abs(b.Y1-w.Y1) <= 1 {
						placed++
					}
					refBy[k] = append(boxes[:bi], boxes[bi+1:]...)
				}
			}
			var extra []string
			for k, bs := range refBy {
				for range bs {
					extra = append(extra, fmt.Sprintf("p%d %q", k.page, k.text))
				}
			}
			score := float64(matched) / float64(max(total, len(ref)))
			t.Logf("words: ours %d, poppler %d, matched %d (%.4f), placed within 1pt %d", total, len(ref), matched, score, placed)
			if score < 0.99 {
				t.Errorf("word match %.4f < 0.99; ours only (first 20): %v; poppler only (first 20): %v", score, head(missing, 20), head(extra, 20))
			}
			if matched > 0 && float64(placed)/float64(matched) < 0.98 {
				t.Errorf("only %d of %d matched words within 1pt of poppler's box", placed, matched)
			}
		})
	}
}

// TestPDFRotationMatchesPdftotext: pages rotated by /Rotate, with a crop
// box and upright and vertical text, give poppler's boxes (pdftotext
// -cropbox: our pages start at the crop box).
func TestPDFRotationMatchesPdftotext(t *testing.T) {
	needPdftotext(t)
	for _, rot := range []int{0, 90, 180, 270} {
		t.Run(fmt.Sprint(rot), func(t *testing.T) {
			data := buildPDF(pdfSpec{pages: []pdfPageSpec{{rotate: rot, cropBox: "10 20 600 780",
				content: "BT /F1 10 Tf 72 700 Td (Hello World) Tj ET BT /F1 10 Tf 0 1 -1 0 300 300 Tm (Up) Tj ET"}}})
			file := filepath.Join(t.TempDir(), "rot.pdf")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			ref := pdftotextWords(t, file, "-cropbox")
			l := readFixture(t, file)
			got := map[string]rccplans.Box{}
			for _, w := range l.Pages[0].Words {
				got[w.Text] = w.Box
			}
			if len(ref) != 3 || len(got) != 3 {
				t.Fatalf("words: poppler %v, ours %v", ref, got)
			}
			for _, w := range ref {
				b := got[w.text]
				if math.Abs(b.X0-w.X0) > 0.01 || math.Abs(b.Y0-w.Y0) > 0.01 || math.Abs(b.X1-w.X1) > 0.01 || math.Abs(b.Y1-w.Y1) > 0.01 {
					t.Errorf("%q at %+v, poppler %+v", w.text, b, w.Box)
				}
			}
		})
	}
}

func head(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// TestPDFGolden compares a compact dump of every fixture page (lines with
// rounded boxes, rules) with testdata/pdf/<fixture>.golden. Refresh with
// go test ./extract -run TestPDFGolden -update.
func TestPDFGolden(t *testing.T) {
	for _, file := range fixturePDFs(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".pdf")
		t.Run(name, func(t *testing.T) {
			got := dumpLayout(readFixture(t, file))
			checkGolden(t, filepath.Join("testdata", "pdf", name+".golden"), got)
		})
	}
}

// dumpLayout writes pages as text: one line per Line (box rounded to a
// point, size, bold) and one per rule.
func dumpLayout(l *rccplans.Layout) string {
	var b strings.Builder
	for _, p := range l.Pages {
		fmt.Fprintf(&b, "page %d %.0fx%.0f words=%d lines=%d rules=%d\n", p.Number, p.Width, p.Height, len(p.Words), len(p.Lines), len(p.Rules))
		for _, ln := range p.Lines {
			bold := ""
			if ln.Bold {
				bold = " B"
			}
			fmt.Fprintf(&b, "  %4.0f %4.0f %4.0f %4.0f %4.1f%s %s\n", ln.X0, ln.Y0, ln.X1, ln.Y1, ln.Size, bold, ln.Text)
		}
		for _, r := range p.Rules {
			fmt.Fprintf(&b, "  rule %4.0f %4.0f %4.0f %4.0f w%.1f\n", r.X0, r.Y0, r.X1, r.Y1, r.Width)
		}
	}
	return b.String()
}

func TestPDFErrors(t *testing.T) {
	good := buildPDF(pdfSpec{pages: []pdfPageSpec{{content: "BT /F1 12 Tf 72 720 Td (Hej) Tj ET"}}})
	image := buildPDF(pdfSpec{pages: []pdfPageSpec{{content: "q 100 0 0 100 0 0 cm /Im1 Do Q"}}})
	tests := []struct {
		name string
		data []byte
		opt  Options
		err  error
	}{
		{"empty", nil, Options{}, ErrEmpty},
		{"html as pdf", []byte("<html><body>%PDF-1.4 nope</body></html>"), Options{}, ErrMalformed},
		{"truncated", good[:len(good)/2], Options{}, ErrMalformed},
		{"too many pages", buildPDF(pdfSpec{pages: make([]pdfPageSpec, 3)}), Options{MaxPages: 2}, ErrTooLarge},
		{"no text", image, Options{}, ErrNoText},
		{"glyphs without Unicode are not a scan", buildPDF(pdfSpec{pages: []pdfPageSpec{{content: "BT /F5 10 Tf 72 700 Td <00090009> Tj ET"}}}), Options{}, ErrMalformed},
		{"good", good, Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := PDF(context.Background(), "x.pdf", tt.data, tt.opt)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				var le *rccplans.Error
				if !errors.As(err, &le) || le.File != "x.pdf" {
					t.Fatalf("error %v does not name the file", err)
				}
			}
		})
	}
}

func TestPDFCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := buildPDF(pdfSpec{pages: []pdfPageSpec{{content: "BT /F1 12 Tf 72 720 Td (Hej) Tj ET"}}})
	if _, err := PDF(ctx, "x.pdf", data, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// FuzzPDF: any input must come back as a layout or an error, never a
// panic or a hang. Seeds: the fixture PDFs and the built-in small ones.
func FuzzPDF(f *testing.F) {
	for _, file := range fixturePDFs(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, content := range []string{
		"BT /F1 12 Tf 72 720 Td (Hej) Tj ET",
		"BT /F2 10 Tf 100 700 Td <000100020003> Tj ET 0 g 72 500 200 0.5 re f",
		"q 0 1 -1 0 612 0 cm BT /F3 10 Tf 72 500 Td <0102> Tj ET Q 1 w 72 400 m 300 400 l S",
		"BI /W 2 /H 2 ID \x00\x01 EI BT /F4 10 Tf [(a) -300 (a)] TJ ET",
	} {
		f.Add(buildPDF(pdfSpec{pages: []pdfPageSpec{{content: content}}}))
	}
	f.Add(buildPDF(pdfSpec{pages: []pdfPageSpec{{content: "/Fm1 Do", forms: map[string]pdfFormSpec{
		"Fm1": {matrix: "1 0 0 1 10 10", content: "BT /F1 10 Tf (X) Tj ET /Fm1 Do"},
	}}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang shows as a crash with every goroutine's stack.
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				panic("FuzzPDF: no result after 30s")
			}
		}()
		l, err := PDF(context.Background(), "fuzz.pdf", data, Options{MaxPages: 50})
		if err == nil && l == nil {
			t.Fatal("no layout and no error")
		}
		if l != nil {
			for _, p := range l.Pages {
				for _, w := range p.Words {
					if w.Text == "" {
						t.Fatal("empty word")
					}
				}
			}
		}
	})
}

// breakObject renames the object holding marker ("7 0 obj" becomes
// "9 0 obj"), so that resolving it makes the library panic.
func breakObject(t *testing.T, data []byte, marker string) []byte {
	t.Helper()
	s := string(data)
	i := strings.Index(s, marker)
	j := strings.LastIndex(s[:i], " 0 obj")
	k := strings.LastIndex(s[:j], "\n") + 1
	if i < 0 || j < 0 {
		t.Fatalf("marker %q not found", marker)
	}
	return []byte(s[:k] + strings.Repeat("9", j-k) + s[j:])
}

func TestPDFPageFailures(t *testing.T) {
	two := buildPDF(pdfSpec{pages: []pdfPageSpec{
		{content: "BT /F1 12 Tf 72 720 Td (First) Tj ET"},
		{content: "BT /F1 12 Tf 72 720 Td (Second) Tj ET"},
	}})
	t.Run("one page fails", func(t *testing.T) {
		l, err := PDF(context.Background(), "x.pdf", breakObject(t, two, "(First)"), Options{})
		if err != nil {
			t.Fatalf("err = %v", err)
		}
		if len(l.Pages) != 2 || len(l.Pages[0].Words) != 0 || len(l.Pages[1].Words) != 1 || l.Pages[1].Words[0].Text != "Second" {
			t.Fatalf("pages %+v", l.Pages)
		}
		found := false
		for _, w := range l.Warnings {
			found = found || w.File == "x.pdf" && w.Page == 1
		}
		if !found {
			t.Fatalf("no warning for page 1: %v", l.Warnings)
		}
	})
	t.Run("a broken form object costs only the form", func(t *testing.T) {
		data := buildPDF(pdfSpec{pages: []pdfPageSpec{{
			content: "BT /F1 12 Tf 72 720 Td (Keep) Tj ET /Fm1 Do",
			forms:   map[string]pdfFormSpec{"Fm1": {content: "BT /F1 12 Tf 72 600 Td (Lost) Tj ET"}},
		}}})
		l, err := PDF(context.Background(), "x.pdf", breakObject(t, data, "(Lost)"), Options{})
		if err != nil {
			t.Fatalf("err = %v", err)
		}
		if len(l.Pages[0].Words) != 1 || l.Pages[0].Words[0].Text != "Keep" {
			t.Fatalf("words %+v", l.Pages[0].Words)
		}
		if len(l.Warnings) == 0 || !strings.Contains(l.Warnings[0].Message, "Fm1") {
			t.Fatalf("warnings %v", l.Warnings)
		}
	})
	t.Run("every page fails", func(t *testing.T) {
		data := breakObject(t, breakObject(t, two, "(First)"), "(Second)")
		l, err := PDF(context.Background(), "x.pdf", data, Options{})
		var le *rccplans.Error
		if !errors.As(err, &le) || le.File != "x.pdf" || le.Page != 1 || !errors.Is(err, ErrMalformed) {
			t.Fatalf("err = %#v", err)
		}
		if l == nil || len(l.Pages) != 2 {
			t.Fatalf("partial layout missing: %+v", l)
		}
	})
}
