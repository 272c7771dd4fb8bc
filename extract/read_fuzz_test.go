package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"rccplans"
	"rccplans/fixtures"
	"rccplans/fixtures/bad"
)

// The seeds of FuzzRead are small on purpose. The fuzzer re-reads a
// mutated seed thousands of times, and a whole plan of 100 KB costs a
// second or more a read; worse, every input that finds new coverage is
// minimized first (for up to a minute by default, with a number of reads
// quadratic in its length) before fuzzing goes on. Seeded with every
// fixture, FuzzRead made about 23 reads a second. Whole fixture PDFs are
// FuzzPDF's seeds; FuzzRead covers the dispatch over every format, so it
// gets one small input of each format and the bad corpus made from a
// tiny PDF.

// tinyTablePDF is one page: a bold heading and a ruled table of two
// columns, the header row "Mål | Status" and one row. With running is
// true it has two such pages, each with a running head and a page marker
// "n (2)", so that furniture and table joining are exercised too.
func tinyTablePDF(running bool) []byte {
	w := &pdfWriter{}
	catalog, pagesObj := w.reserve(), w.reserve()
	regular := w.add("<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>")
	bold := w.add("<</Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding>>")
	n := 1
	if running {
		n = 2
	}
	var kids []string
	for i := range n {
		var c strings.Builder
		if running {
			fmt.Fprintf(&c, "BT /F1 8 Tf 72 810 Td (Regional cancerplan 2024) Tj ET\n")
			fmt.Fprintf(&c, "BT /F1 8 Tf 500 30 Td (%d \\(%d\\)) Tj ET\n", i+1, n)
		}
		fmt.Fprintf(&c, "BT /F2 14 Tf 72 700 Td (%d.1 Screening) Tj ET\n", i+1)
		// the frame: rules at x 72, 272, 472 and y 680, 660, 620
		c.WriteString("0.5 w 72 680 m 472 680 l 72 660 m 472 660 l 72 620 m 472 620 l " +
			"72 680 m 72 620 l 272 680 m 272 620 l 472 680 m 472 620 l S\n")
		c.WriteString("BT /F2 10 Tf 76 666 Td (M\\345l) Tj 200 0 Td (Status) Tj ET\n")
		fmt.Fprintf(&c, "BT /F1 10 Tf 76 646 Td (Fler screenade %d) Tj 200 0 Td (P\\345g\\345r) Tj ET\n", i+1)
		c.WriteString("BT /F1 10 Tf 76 634 Td (med kallelse) Tj ET\n")
		content := w.stream("", c.String())
		kids = append(kids, fmt.Sprintf("%d 0 R", w.add(fmt.Sprintf(
			"<</Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 %d 0 R /F2 %d 0 R>>>> /Contents %d 0 R>>",
			pagesObj, regular, bold, content))))
	}
	w.set(pagesObj, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), n))
	w.set(catalog, fmt.Sprintf("<</Type /Catalog /Pages %d 0 R>>", pagesObj))
	return w.bytes(catalog)
}

// tinyDocx is a heading and a two-by-two table with a header row.
func tinyDocx(t testing.TB) []byte {
	return makeDocx(t, map[string]string{
		"word/styles.xml": stylesXML,
		"word/document.xml": docxBody(p("Rubrik1", r("1.1 Screening")) + tbl(2,
			tr(true, tc("", p("", rb("Mål"))), tc("", p("", rb("Status")))),
			tr(false, tc("", p("", r("Fler screenade"))), tc(`<w:gridSpan w:val="1"/>`, p("", r("Pågår")))),
		)),
	})
}

// smallSeeds are the built inputs of FuzzRead by what they stand for.
func smallSeeds(t testing.TB) map[string][]byte {
	seeds := map[string][]byte{
		"pdf":      tinyTablePDF(false),
		"pdf2":     tinyTablePDF(true),
		"docx":     tinyDocx(t),
		"markdown": []byte("# Kapitel\n\n## 1.1 Screening\n\n| Mål | Status |\n|---|---|\n| Fler <b>screenade</b> | Ansvar: RCC Status: Pågår |\n"),
		"html": []byte("<!DOCTYPE html><html><body><h1>Kapitel</h1><table><tr><th>Mål</th><th>Status</th></tr>" +
			"<tr><td><p>Fler screenade</p></td><td><ul><li>Pågår</li></ul></td></tr></table></body></html>"),
		// layout-lost table text: a header line, cells in blank-line
		// blocks, a page marker
		"text": []byte("Mål Status Ansvarig\n\nFler screenade\nmed kallelse\n\nPågår\n\nRCC\n\n4 (24)\n\nKortare väntetider\n\nKlar\n\nRegion\n"),
		// a follow-up report: numbered sections, a word broken at the
		// line end, an abbreviation list
		"report": []byte("1 Inledning\nUppföljningsrapport från Region Exempel\nTexten bryts vid rad-\nslut.\n\nFörkortningar\nKSSK Kontaktsjuksköterska\n"),
		"org":    []byte("#+TITLE: Handlingsplan 2026\n* Prevention\n| Mål | Status |\n|-----+--------|\n| Fler screenade | Pågår |\n"),
	}
	// The start of a real markdown plan, whose shape is what the markdown
	// reader is tuned on: whole lines up to 1.5 KB (its preamble and first
	// table row), since the fuzzer's minimizer tries a number of
	// candidates quadratic in the length of every new input it keeps. No
	// real layout-lost text: the text reader takes 16 ms on 1 KB of one
	// (FuzzText fuzzes those).
	b, err := fs.ReadFile(fixtures.FS, "seeds/003_9c6630dc416cd882.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 1536 {
		b = b[:bytes.LastIndexByte(b[:1536], '\n')+1]
	}
	seeds["seed-markdown"] = b
	return seeds
}

// TestFuzzReadSeeds: the built seeds read as what they stand for, so that
// FuzzRead starts from inputs that reach the readers' real work.
func TestFuzzReadSeeds(t *testing.T) {
	const built = "Mål|Status" // the header of the built tables
	tests := []struct {
		seed   string
		format string
		header string // a table block under this header; "*" any table; "" none needed
	}{
		{"pdf", FormatPDF, built},
		{"pdf2", FormatPDF, built},
		{"docx", FormatDOCX, built},
		{"markdown", FormatMarkdown, built},
		{"html", FormatHTML, built},
		{"text", FormatText, ""},
		{"report", FormatText, ""},
		{"org", FormatOrg, built},
		{"seed-markdown", FormatMarkdown, "*"},
	}
	seeds := smallSeeds(t)
	if len(seeds) != len(tests) {
		t.Errorf("%d seeds, %d tested", len(seeds), len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.seed, func(t *testing.T) {
			data := seeds[tc.seed]
			if f := Detect(data); f != tc.format {
				t.Fatalf("detected as %s, want %s", f, tc.format)
			}
			if len(data) > 2<<10 {
				t.Errorf("seed of %d bytes: keep it small", len(data))
			}
			l, err := Read(context.Background(), "seed", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Blocks) == 0 {
				t.Fatal("no blocks")
			}
			if tc.header == "" {
				return
			}
			for _, b := range l.Blocks {
				if b.Kind == rccplans.BlockTable && len(b.Table.Header) > 0 && len(b.Table.Rows) > 0 &&
					(tc.header == "*" || strings.Join(b.Table.Header[0], "|") == tc.header) {
					return
				}
			}
			t.Errorf("no table under %s in %+v", tc.header, l.Blocks)
		})
	}
}

// badSeeds are broken and hostile PDFs, all small: the tiny PDF with
// its cross-reference table cut off, with junk before its header, cut in
// half, and encrypted with each standard handler (with and without a
// password); and the bad corpus's small files built from scratch (loops,
// a garbled content stream and flate stream, a scan, fonts without
// ToUnicode, nesting). Not bad.Corpus itself: it also builds 2,000 pages
// and 100,000 nested arrays, 1.6 s before the first read.
func badSeeds(t testing.TB) [][]byte {
	clean := tinyTablePDF(false)
	xref := bytes.LastIndex(clean, []byte("\nxref\n"))
	seeds := [][]byte{
		clean[:xref+1],
		append([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n"), clean...),
		clean[:len(clean)/2],
		bad.GarbledContent(), bad.GarbledFlate(), bad.Scan(),
		bad.PagesLoop(), bad.ParentLoop(), bad.FormLoop(), bad.RefLoop(), bad.DeepNesting(100),
		bad.NoToUnicode(), bad.CIDNoToUnicode(),
	}
	for _, c := range []bad.Cipher{bad.RC4v40, bad.RC4, bad.AES128, bad.AES256} {
		for _, pw := range []string{"", "secret"} {
			enc, err := bad.Encrypt(clean, c, pw, "owner")
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, enc)
		}
	}
	return seeds
}

// FuzzRead: whatever the bytes, extract.Read returns (no panic, no hang),
// and an error names the file. Seeds: a small input of each format, and
// small broken PDFs.
func FuzzRead(f *testing.F) {
	for _, b := range smallSeeds(f) {
		f.Add(b)
	}
	for _, b := range badSeeds(f) {
		f.Add(b)
	}
	recoverPanics = false
	defer func() { recoverPanics = true }()
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.bin"
		// No time bound here: a read that never ends must show as the
		// fuzzer's own timeout, not be cut short by Read's.
		l, err := Read(context.Background(), name, data, Options{MaxPages: 50, Timeout: 24 * time.Hour})
		if err != nil {
			var le *rccplans.Error
			if !errors.As(err, &le) || le.File != name {
				t.Fatalf("error does not name the file: %v", err)
			}
		}
		if l != nil && l.SourceFile != "" && l.SourceFile != name {
			t.Fatalf("layout names %q", l.SourceFile)
		}
	})
}
