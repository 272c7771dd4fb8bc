package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"rccplans"
	"rccplans/fixtures"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// makeDocx builds a .docx in memory from its parts.
func makeDocx(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/document2.xml", "word/styles.xml", "word/numbering.xml"} {
		if body, ok := parts[name]; ok {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(body))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docxBody(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`
}

// p is a paragraph of plain runs; style may be "".
func p(style string, runs ...string) string {
	s := "<w:p>"
	if style != "" {
		s += `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	for _, r := range runs {
		s += r
	}
	return s + "</w:p>"
}

func r(text string) string  { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func rb(text string) string { return `<w:r><w:rPr><w:b/></w:rPr><w:t>` + text + `</w:t></w:r>` }

func tc(props string, paras ...string) string {
	return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + strings.Join(paras, "") + "</w:tc>"
}

func tr(header bool, cells ...string) string {
	s := "<w:tr>"
	if header {
		s += `<w:trPr><w:tblHeader/></w:trPr>`
	}
	return s + strings.Join(cells, "") + "</w:tr>"
}

func tbl(cols int, rows ...string) string {
	return "<w:tbl><w:tblGrid>" + strings.Repeat(`<w:gridCol w:w="100"/>`, cols) + "</w:tblGrid>" + strings.Join(rows, "") + "</w:tbl>"
}

const stylesXML = `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:docDefaults><w:rPrDefault><w:rPr><w:b w:val="0"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:latentStyles w:count="2"><w:lsdException w:name="heading 3"/><w:lsdException w:name="Title"/></w:latentStyles>
<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="MinRubrik"><w:name w:val="Min rubrik"/><w:basedOn w:val="Kapitel"/></w:style>
<w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
</w:styles>`

// outline renders blocks compactly: "H2 text", "P text", "T header | rows".
func outline(bs []rccplans.Block) []string {
	var out []string
	for _, b := range bs {
		switch b.Kind {
		case rccplans.BlockHeading:
			out = append(out, fmt.Sprintf("H%d %s", b.Level, b.Text))
		case rccplans.BlockParagraph:
			out = append(out, "P "+b.Text)
		case rccplans.BlockTable:
			s := "T"
			for _, h := range b.Table.Header {
				s += " [" + strings.Join(h, "|") + "]"
			}
			for _, row := range b.Table.Rows {
				var cs []string
				for _, c := range row.Cells {
					t := c.Text
					if c.Spanned {
						t = "^" + t
					}
					cs = append(cs, t)
				}
				s += " {" + strings.Join(cs, "|") + "}"
			}
			out = append(out, s)
		}
	}
	return out
}

func TestDOCX(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{
			name: "headings by style name, outline level through basedOn, title",
			body: p("Titel", r("Plan 2024")) + p("Rubrik1", r("Kapitel ett")) + p("MinRubrik", r("Avsnitt")) +
				`<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>` + r("Direkt nivå") + `</w:p>` + p("Normal", r("Text.")),
			want: []string{"H1 Plan 2024", "H1 Kapitel ett", "H2 Avsnitt", "H3 Direkt nivå", "P Text."},
		},
		{
			name: "bold-only short paragraph is a heading below the last",
			body: p("Rubrik1", r("Kapitel")) + p("", rb("Underrubrik")) + p("", rb("En fet mening som slutar."), r("")),
			want: []string{"H1 Kapitel", "H2 Underrubrik", "P En fet mening som slutar."},
		},
		{
			name: "gridSpan and vMerge fill the grid, tblHeader rows are the header",
			body: tbl(3,
				tr(true, tc("", p("", r("Område"))), tc("", p("", r("Mål"))), tc("", p("", r("Status")))),
				tr(false, tc(`<w:vMerge w:val="restart"/>`, p("", r("2.a) Första"))), tc(`<w:gridSpan w:val="2"/>`, p("", r("Brett")))),
				tr(false, tc(`<w:vMerge/>`), tc("", p("", r("Mål 2"))), tc("", p("", r("Klar")))),
			),
			want: []string{"T [Område|Mål|Status] {2.a) Första|Brett|^Brett} {^2.a) Första|Mål 2|Klar}"},
		},
		{
			name: "cell paragraphs and line breaks joined by the spec's rules",
			body: tbl(2,
				tr(true, tc("", p("", r("Aktivitet"))), tc("", p("", r("Ansvarig")))),
				tr(false, tc("", p("", r("vårdprog-")), p("", r("rammet"))), tc("", p("", r("SVF-"), `<w:r><w:br/></w:r>`, r("Cancer")))),
			),
			want: []string{"T [Aktivitet|Ansvarig] {vårdprogrammet|SVF-Cancer}"},
		},
		{
			name: "tabs, symbols, soft hyphens; note references, deletions and hidden text are no text",
			body: p("", r("Ett"), `<w:r><w:tab/></w:r>`, r("två"), `<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>`,
				r("pa"), `<w:r><w:softHyphen/></w:r>`, r("tient\u00adnära"), `<w:r><w:footnoteReference w:id="2"/></w:r>`,
				`<w:del><w:r><w:delText>bort</w:delText></w:r></w:del>`, `<w:r><w:rPr><w:vanish/></w:rPr><w:t>dold</w:t></w:r>`, `<w:r><w:noBreakHyphen/></w:r>`, r("x")),
			want: []string{"P Ett två•patientnära-x"},
		},
		{
			name: "nested table flattened into its cell",
			body: tbl(2,
				tr(true, tc("", p("", r("Mål"))), tc("", p("", r("Aktivitet")))),
				tr(false, tc("", p("", r("Yttre"))), tc("", p("", r("Före")), tbl(1, tr(false, tc("", p("", r("Inre 1")))), tr(false, tc("", p("", r("Inre 2"))))), p("", r("Efter")))),
			),
			want: []string{"T [Mål|Aktivitet] {Yttre|Före Inre 1 Inre 2 Efter}"},
		},
		{
			name: "caption row above the header is a sub-heading",
			body: p("Rubrik1", r("Kapitel")) + tbl(2,
				tr(false, tc(`<w:gridSpan w:val="2"/>`, p("", rb("REHABILITERING")))),
				tr(false, tc("", p("", rb("Målbild"))), tc("", p("", rb("Planerade aktiviteter")))),
				tr(false, tc("", p("", r("1. Mål"))), tc("", p("", r("Gör")))),
			),
			want: []string{"H1 Kapitel", "H2 REHABILITERING", "T [Målbild|Planerade aktiviteter] {1. Mål|Gör}"},
		},
		{
			name: "text box paragraphs read with their anchor",
			body: `<w:p><w:r><w:t>Före</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Ruta</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Ruta</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			want: []string{"P Före Ruta"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := makeDocx(t, map[string]string{"word/document.xml": docxBody(tt.body), "word/styles.xml": stylesXML})
			l, err := DOCX("t.docx", data)
			if err != nil {
				t.Fatal(err)
			}
			got := outline(l.Blocks)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

const numberingXML = `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
</w:numbering>`

// numP is a paragraph numbered by list numId at level ilvl.
func numP(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>` + r(text) + `</w:p>`
}

// TestDOCXNumbering: list numbers Word generates are printed, so they are
// part of the text: "1." goal numbers, "1.a)" sub-items, bullets, roman
// numerals, a restarted list, and headings numbered by their style.
func TestDOCXNumbering(t *testing.T) {
	styles := strings.Replace(stylesXML, `<w:style w:type="paragraph" w:styleId="Normal">`,
		`<w:style w:type="paragraph" w:styleId="NumRubrik"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Normal">`, 1)
	body := numP("1", "0", "Första målet") + numP("1", "1", "delmål") + numP("1", "1", "delmål två") + numP("1", "0", "Andra målet") +
		numP("2", "0", "punkt") + numP("0", "0", "avstängd") + p("NumRubrik", r("Rubrik")) + numP("1", "0", "") + numP("1", "0", "Fjärde") +
		numP("4", "0", "Omstart") +
		tbl(2, tr(true, tc("", p("", r("Mål"))), tc("", p("", r("Aktivitet")))), tr(false, tc("", numP("1", "0", "I cell")), tc("", numP("2", "0", "a"), numP("2", "0", "b"))))
	data := makeDocx(t, map[string]string{"word/document.xml": docxBody(body), "word/styles.xml": styles, "word/numbering.xml": numberingXML})
	l, err := DOCX("n.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"P 1. Första målet", "P 1.a) delmål", "P 1.b) delmål två", "P 2. Andra målet", "P • punkt", "P avstängd",
		"H2 III Rubrik", "P 4. Fjärde", "P 7. Omstart", "T [Mål|Aktivitet] {8. I cell|a b}"}
	got := outline(l.Blocks)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestDOCXCellLists: a cell's numbered paragraphs of one list are its
// items, printed without their numbers (as bullets are); a cell with one
// numbered paragraph, or items of different lists, keeps the numbers.
func TestDOCXCellLists(t *testing.T) {
	head := tr(true, tc("", p("", r("Mål"))), tc("", p("", r("Aktivitet"))))
	tests := []struct {
		name string
		row  string
		want string
	}{
		{"two items of one list", tr(false, tc("", p("", r("Färre ska röka."))), tc("", numP("1", "0", "Skicka brev."), numP("1", "0", "Följa upp."))),
			"T [Mål|Aktivitet] {Färre ska röka.|Skicka brev. Följa upp.}"},
		{"one numbered paragraph numbers the row", tr(false, tc("", numP("1", "0", "Färre ska röka.")), tc("", p("", r("Skicka brev.")))),
			"T [Mål|Aktivitet] {1. Färre ska röka.|Skicka brev.}"},
		{"a sub-item under its item: one item of each level", tr(false, tc("", p("", r("Mål"))), tc("", numP("1", "0", "Skicka."), numP("1", "1", "per brev"))),
			"T [Mål|Aktivitet] {Mål|1. Skicka. 1.a) per brev}"},
		{"items and bullets", tr(false, tc("", p("", r("Mål"))), tc("", numP("1", "0", "Ett."), numP("2", "0", "punkt"), numP("1", "0", "Två."))),
			"T [Mål|Aktivitet] {Mål|Ett. punkt Två.}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := makeDocx(t, map[string]string{"word/document.xml": docxBody(tbl(2, head, tt.row)), "word/styles.xml": stylesXML, "word/numbering.xml": numberingXML})
			l, err := DOCX("n.docx", data)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(outline(l.Blocks), "\n"); got != tt.want {
				t.Errorf("got\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

// TestDOCXMainPart: the document part is the one _rels/.rels names.
func TestDOCXMainPart(t *testing.T) {
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`
	data := makeDocx(t, map[string]string{"_rels/.rels": rels, "word/document2.xml": docxBody(p("", r("Rätt del"))), "word/document.xml": docxBody(p("", r("Fel del")))})
	l, err := DOCX("d.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := outline(l.Blocks); len(got) != 1 || got[0] != "P Rätt del" {
		t.Errorf("got %q", got)
	}
}

func TestDOCXErrors(t *testing.T) {
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 300) + p("", r("x")) + strings.Repeat("</w:sdtContent></w:sdt>", 300)
	good := makeDocx(t, map[string]string{"word/document.xml": docxBody(p("", r("Text")))})
	tests := []struct {
		name string
		data []byte
		err  error
	}{
		{"not a zip", []byte("PK\x03\x04 this is no archive"), ErrMalformed},
		{"truncated archive", good[:len(good)/2], ErrMalformed},
		{"no document part", makeDocx(t, map[string]string{"[Content_Types].xml": "<Types/>"}), ErrMalformed},
		{"truncated XML", makeDocx(t, map[string]string{"word/document.xml": docxBody(p("", r("x")))[:120]}), ErrMalformed},
		{"nesting too deep", makeDocx(t, map[string]string{"word/document.xml": docxBody(deep)}), ErrTooLarge},
		{"declared inflated size too large", bombDocx(t), ErrTooLarge},
		{"no text", makeDocx(t, map[string]string{"word/document.xml": docxBody(p("", r("  ")))}), ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DOCX("bad.docx", tt.data)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			var le *rccplans.Error
			if !errors.As(err, &le) || le.File != "bad.docx" {
				t.Errorf("error %v does not carry the file", err)
			}
		})
	}
}

// bombDocx declares a document part larger than the cap without holding
// one: the reader must refuse it before inflating anything.
func bombDocx(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store,
		CompressedSize64: 5, UncompressedSize64: docxMaxPart + 1})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("<w:d>"))
	zw.Close()
	return buf.Bytes()
}

// FuzzDOCX: no archive crashes the reader, and every table it returns is
// rectangular.
func FuzzDOCX(f *testing.F) {
	for _, name := range []string{"corpus/003_9c6630dc416cd882-word.docx"} {
		if data, err := fs.ReadFile(fixtures.FS, name); err == nil {
			f.Add(data)
		}
	}
	f.Add(makeDocx(f, map[string]string{"word/document.xml": docxBody(tbl(2,
		tr(true, tc("", p("", r("Mål"))), tc("", p("", r("Status")))),
		tr(false, tc(`<w:vMerge w:val="restart"/><w:gridSpan w:val="9"/>`, p("", r("a"))), tc(`<w:vMerge/>`)),
	))}))
	f.Add(makeDocx(f, map[string]string{"word/document.xml": docxBody(p("Rubrik1", r("x"))), "word/styles.xml": stylesXML}))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := DOCX("f.docx", data)
		if err != nil {
			return
		}
		checkRectangular(t, l)
	})
}

func checkRectangular(t *testing.T, l *rccplans.Layout) {
	t.Helper()
	for _, b := range l.Blocks {
		if b.Kind != rccplans.BlockTable {
			continue
		}
		w := -1
		for _, h := range b.Table.Header {
			if w >= 0 && len(h) != w {
				t.Fatalf("header rows of %d and %d cells", w, len(h))
			}
			w = len(h)
		}
		for _, row := range b.Table.Rows {
			if w >= 0 && len(row.Cells) != w {
				t.Fatalf("row of %d cells under %d columns", len(row.Cells), w)
			}
			w = len(row.Cells)
		}
	}
}

// TestDOCXPages: pages counted from page breaks; a row that flows onto the
// next page (every cell carrying a break) counts one.
func TestDOCXPages(t *testing.T) {
	brk := `<w:r><w:lastRenderedPageBreak/></w:r>`
	body := p("Rubrik1", r("Kapitel")) + tbl(2,
		tr(true, tc("", p("", r("Mål"))), tc("", p("", r("Status")))),
		tr(false, tc("", p("", r("a"), brk, r("a2"))), tc("", p("", r("b"), brk, r("b2")))),
		tr(false, tc("", p("", r("c"))), tc("", p("", r("d")))),
	) + `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` + p("", r("Sist"))
	l, err := DOCX("p.docx", makeDocx(t, map[string]string{"word/document.xml": docxBody(body), "word/styles.xml": stylesXML}))
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, b := range l.Blocks {
		got = append(got, b.Page)
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				got = append(got, row.Page)
			}
		}
	}
	want := []int{1, 1, 1, 2, 3}
	if fmt.Sprint(got) != fmt.Sprint(want) || l.NumPages != 3 {
		t.Errorf("pages %v (of %d), want %v (of 3)", got, l.NumPages, want)
	}
	l, err = DOCX("nobreak.docx", makeDocx(t, map[string]string{"word/document.xml": docxBody(p("", r("Ett")) + p("", r("Två")))}))
	if err != nil {
		t.Fatal(err)
	}
	if l.NumPages != 0 || l.Blocks[0].Page != 0 || l.Blocks[1].Page != 0 {
		t.Errorf("without recorded breaks: pages %d, %d of %d, want unknown (0)", l.Blocks[0].Page, l.Blocks[1].Page, l.NumPages)
	}
}

// BenchmarkDOCX reads the largest Word original and reports its cost as a
// ratio to the floor any .docx reader that resolves styles pays, timed in
// the same run: inflating word/document.xml and word/styles.xml and
// walking their raw XML tokens.
func BenchmarkDOCX(b *testing.B) {
	data, err := fs.ReadFile(fixtures.FS, "corpus/001_2c1f4fc1918a0a87-word.docx")
	if err != nil {
		b.Fatal(err)
	}
	// The floor is timed here, before the measured loop, so both come
	// from the same run on the same machine.
	const floorRuns = 20
	start := time.Now()
	for range floorRuns {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		for _, part := range []string{"word/document.xml", "word/styles.xml"} {
			doc, err := zipPart(zr, part)
			if err != nil {
				b.Fatal(err)
			}
			dec := xml.NewDecoder(bytes.NewReader(doc))
			for {
				if _, err := dec.RawToken(); err != nil {
					break
				}
			}
		}
	}
	floor := time.Since(start).Nanoseconds() / floorRuns
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DOCX("b.docx", data); err != nil {
			b.Fatal(err)
		}
	}
	if floor > 0 && b.N > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(floor), "x-xml-floor")
	}
}

// TestDOCXLevelRows: rows printing the plan's levels one under the other
// in the first column, the other cells kept empty and unmerged, are rows
// of the table under its header; stacked merged bands and captions above
// the header stay headings.
func TestDOCXLevelRows(t *testing.T) {
	head := tr(true, tc("", p("", r("Mål / Aktivitet"))), tc("", p("", r("Ansvarig"))), tc("", p("", r("Status"))))
	line := func(text string) string { return tr(false, tc("", p("", r(text))), tc(""), tc("")) }
	bold := func(text string) string { return tr(false, tc("", p("", rb(text))), tc(""), tc("")) }
	band := func(text string) string { return tr(false, tc(`<w:gridSpan w:val="3"/>`, p("", rb(text)))) }
	act := func(a, b, c string) string {
		return tr(false, tc("", p("", r(a))), tc("", p("", r(b))), tc("", p("", r(c))))
	}
	tests := []struct {
		name string
		body string
		want string
	}{
		{"levels under the header stay rows",
			tbl(3, head, bold("1. Område"), line("1.1 Mål"), line("Delmål: hälften"), act("– göra", "Chef", "Klar"), line("1.2 Mål"), line("Delmål: alla"), act("– mer", "Enhet", "Pågår")),
			"T [Mål / Aktivitet|Ansvarig|Status] {1. Område||} {1.1 Mål||} {Delmål: hälften||} {– göra|Chef|Klar} {1.2 Mål||} {Delmål: alla||} {– mer|Enhet|Pågår}"},
		{"one level line under the header was already a row",
			tbl(3, head, line("Delmål: hälften"), act("– göra", "Chef", "Klar")),
			"T [Mål / Aktivitet|Ansvarig|Status] {Delmål: hälften||} {– göra|Chef|Klar}"},
		{"stacked bands merged across the row: the first is a heading",
			p("Rubrik1", r("Kapitel")) + tbl(3, head, band("Levnadsvanor"), band("Rökfrihet"), act("göra", "Chef", "Klar")),
			"H1 Kapitel\nT [Mål / Aktivitet|Ansvarig|Status]\nH1 Levnadsvanor\nT {Rökfrihet|^Rökfrihet|^Rökfrihet} {göra|Chef|Klar}"},
		{"stacked one-text rows above the header are captions",
			p("Rubrik1", r("Kapitel")) + tbl(3, bold("Område A"), bold("Del 1"), head, act("göra", "Chef", "Klar")),
			"H1 Kapitel\nH2 Område A\nH2 Del 1\nT [Mål / Aktivitet|Ansvarig|Status] {göra|Chef|Klar}"},
		{"one-text rows before a new header are its captions",
			p("Rubrik1", r("Kapitel")) + tbl(3, head, act("göra", "Chef", "Klar"), bold("Område B"), bold("Del 2"), head, act("mer", "Enhet", "Pågår")),
			"H1 Kapitel\nT [Mål / Aktivitet|Ansvarig|Status] {göra|Chef|Klar}\nH1 Område B\nH1 Del 2\nT [Mål / Aktivitet|Ansvarig|Status] {mer|Enhet|Pågår}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := makeDocx(t, map[string]string{"word/document.xml": docxBody(tt.body), "word/styles.xml": stylesXML})
			l, err := DOCX("l.docx", data)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(outline(l.Blocks), "\n"); got != tt.want {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(strings.Split(got, "\n"), "\n  "), strings.Join(strings.Split(tt.want, "\n"), "\n  "))
			}
		})
	}
}
