package extract

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"rccplans"
)

// Content interpreter tests on small PDFs built in code. Pages are
// 612x792 unless said; page y = 792 - user y. F1 glyphs are 0.5 em wide
// (space 0.25), ascent 0.9, descent -0.2.
func TestPDFContent(t *testing.T) {
	box := func(x0, y0, x1, y1 float64) rccplans.Box { return rccplans.Box{X0: x0, Y0: y0, X1: x1, Y1: y1} }
	tests := []struct {
		name   string
		page   pdfPageSpec
		lines  []string
		words  map[string]rccplans.Box // boxes of some words
		rules  []string                // every rule, "x0 y0 x1 y1 wW"
		bold   []string                // words that must be bold (others must not)
		width  float64
		height float64
	}{
		{
			name:  "simple text with a space glyph",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (Hello World) Tj ET"},
			lines: []string{"Hello World"},
			words: map[string]rccplans.Box{"Hello": box(72, 83, 97, 94), "World": box(99.5, 83, 124.5, 94)},
		},
		{
			name:  "CID font widths from /W and ToUnicode bfchar and bfrange",
			page:  pdfPageSpec{content: "BT /F2 10 Tf 100 700 Td <000100020003> Tj ET"},
			lines: []string{"ABa"},
			words: map[string]rccplans.Box{"ABa": box(100, 84, 117, 94)},
			bold:  []string{"ABa"},
		},
		{
			name: "CID font default width",
			page: pdfPageSpec{content: "BT /F2 10 Tf 100 700 Td <0001 0020 0002> Tj ET"},
			// CID 0x20 has no text but advances DW 1000: a 1 em gap with
			// no space glyph in it parts the words and the lines.
			lines: []string{"A", "B"},
			words: map[string]rccplans.Box{"A": box(100, 84, 106, 94), "B": box(116, 84, 123, 94)},
			bold:  []string{"A", "B"},
		},
		{
			name:  "TJ kerning keeps a word, a wide TJ gap splits words and lines",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td [(Hel) -100 (lo)] TJ 0 -20 Td [(Hello) -3000 (World)] TJ ET"},
			lines: []string{"Hello", "Hello", "World"},
			words: map[string]rccplans.Box{"Hello": box(72, 83, 98, 94)},
		},
		{
			name:  "word spacing applies to code 32 and char spacing to every glyph",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 10 Tw 1 Tc 72 700 Td (a b) Tj ET"},
			lines: []string{"a b"},
			words: map[string]rccplans.Box{"a": box(72, 83, 77, 94), "b": box(91.5, 83, 96.5, 94)},
		},
		{
			name:  "horizontal scaling and text rise",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 50 Tz 2 Ts 72 700 Td (ab) Tj ET"},
			lines: []string{"ab"},
			words: map[string]rccplans.Box{"ab": box(72, 81, 77, 92)},
		},
		{
			name:  "TD, T* and ' move to the next line",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (one) Tj 0 -12 TD (two) Tj T* (three) Tj (four) ' ET"},
			lines: []string{"one", "two", "three", "four"},
			words: map[string]rccplans.Box{"four": box(72, 119, 92, 130)},
		},
		{
			name:  "Tm with a scaled matrix gives the effective size",
			page:  pdfPageSpec{content: "BT /F1 1 Tf 20 0 0 20 72 700 Tm (Big) Tj ET"},
			lines: []string{"Big"},
			words: map[string]rccplans.Box{"Big": box(72, 74, 102, 96)},
		},
		{
			name:  "thin filled rectangle becomes a rule",
			page:  pdfPageSpec{content: "0 0 0 rg 72 500 200 0.5 re f 300 100 1 200 re f"},
			rules: []string{"72.00 291.75 272.00 291.75 w0.50", "300.50 492.00 300.50 692.00 w1.00"},
		},
		{
			name: "clip path, white fill and invisible alpha are not rules",
			page: pdfPageSpec{content: "72 500 200 0.5 re W n 1 1 1 rg 72 400 200 0.5 re f 1 g 72 300 200 0.5 re f"},
		},
		{
			name:  "filled rectangle gives its four edges",
			page:  pdfPageSpec{content: "0.8 g 100 100 200 50 re f"},
			rules: []string{"100.00 642.00 300.00 642.00 w0.00", "100.00 692.00 300.00 692.00 w0.00", "100.00 642.00 100.00 692.00 w0.00", "300.00 642.00 300.00 692.00 w0.00"},
		},
		{
			name:  "stroked lines and rectangles; curves and diagonals are not rules",
			page:  pdfPageSpec{content: "2 w 72 400 m 300 400 l S 0.5 w 100 100 m 200 200 l S 100 50 m 150 80 200 80 250 50 c S"},
			rules: []string{"72.00 392.00 300.00 392.00 w2.00"},
		},
		{
			name:  "touching collinear segments join, duplicates merge",
			page:  pdfPageSpec{content: "1 w 72 400 m 150 400 l 150 400 m 300 400 l S 72 400.3 m 300 400.3 l S"},
			rules: []string{"72.00 391.70 300.00 391.70 w1.00"},
		},
		{
			name:  "q/Q restores the matrix",
			page:  pdfPageSpec{content: "q 1 0 0 1 100 0 cm BT /F1 10 Tf 0 700 Td (In) Tj ET Q BT /F1 10 Tf 0 600 Td (Out) Tj ET"},
			lines: []string{"In", "Out"},
			words: map[string]rccplans.Box{"In": box(100, 83, 110, 94), "Out": box(0, 183, 15, 194)},
		},
		{
			name: "form XObject with a matrix",
			page: pdfPageSpec{content: "q 1 0 0 1 0 -100 cm /Fm1 Do Q", forms: map[string]pdfFormSpec{
				"Fm1": {matrix: "1 0 0 1 100 100", content: "BT /F1 10 Tf 0 0 Td (Form) Tj ET 1 w 0 5 m 50 5 l S 0 -20 m 50 -20 l S"},
			}},
			lines: []string{"Form"},
			words: map[string]rccplans.Box{"Form": box(100, 783, 120, 794)},
			// The second line falls below the page and is dropped.
			rules: []string{"100.00 787.00 150.00 787.00 w1.00"},
		},
		{
			name:  "rotated page: upright text after /Rotate 90",
			page:  pdfPageSpec{rotate: 90, content: "q 0 1 -1 0 612 0 cm BT /F1 10 Tf 72 500 Td (Hello) Tj ET Q"},
			lines: []string{"Hello"},
			words: map[string]rccplans.Box{"Hello": box(72, 103, 97, 114)},
			width: 792, height: 612,
		},
		{
			name:  "crop box moves the origin",
			page:  pdfPageSpec{cropBox: "50 50 562 742", content: "BT /F1 10 Tf 72 700 Td (Crop) Tj ET"},
			lines: []string{"Crop"},
			words: map[string]rccplans.Box{"Crop": box(22, 33, 42, 44)},
			width: 512, height: 692,
		},
		{
			name:  "vertical text reads bottom to top",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 0 1 -1 0 100 100 Tm (Up) Tj ET"},
			lines: []string{"Up"},
			words: map[string]rccplans.Box{"Up": box(91, 682, 102, 692)},
		},
		{
			name:  "Swedish letters from Differences and WinAnsi",
			page:  pdfPageSpec{content: "BT /F3 10 Tf 72 700 Td <01020304050607> Tj /F1 10 Tf 0 -20 Td (\\345\\344\\366 \\305\\304\\326 \\351) Tj ET"},
			lines: []string{"åäöÅÄÖé", "åäö ÅÄÖ é"},
		},
		{
			name:  "Type3 font: FontMatrix widths, glyph procedures are not drawn",
			page:  pdfPageSpec{content: "BT /F4 10 Tf 72 700 Td (aa) Tj ET"},
			lines: []string{"aa"},
			words: map[string]rccplans.Box{"aa": box(72, 84, 82, 95.5)},
		},
		{
			name:  "Type0 font without ToUnicode: text from the embedded font's cmap",
			page:  pdfPageSpec{content: "BT /F5 10 Tf 72 700 Td <00010002000300040009> Tj ET"},
			lines: []string{"ABCå"},
			words: map[string]rccplans.Box{"ABCå": box(72, 84, 92, 94)},
		},
		{
			name:  "render mode 2 is bold",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 12 TL 72 700 Td 2 Tr (Fat) Tj 0 Tr (Thin) ' ET"},
			lines: []string{"Fat", "Thin"},
			bold:  []string{"Fat"},
		},
		{
			name:  "a vertical rule between words splits the line",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (Left) Tj 28 0 Td (Right) Tj ET 0.5 w 96 690 m 96 720 l S"},
			lines: []string{"Left", "Right"},
			rules: []string{"96.00 72.00 96.00 102.00 w0.50"},
		},
		{
			name:  "a one-line cell drawn right before the next cell is not joined to it",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (Klar) Tj 30 0 Td (Ansvar) Tj ET"},
			lines: []string{"Klar", "Ansvar"},
		},
		{
			name:  "justified text: a wide gap after a space glyph stays in the line",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td 15 Tw (wide gaps) Tj ET"},
			lines: []string{"wide gaps"},
		},
		{
			name:  "without the rule the words share a line",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (Left) Tj 28 0 Td (Right) Tj ET"},
			lines: []string{"Left Right"},
		},
		{
			name:  "a word split over Tj calls stays one word; a size jump splits",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (Hel) Tj (lo) Tj /F1 20 Tf (X) Tj ET"},
			lines: []string{"Hello X"},
		},
		{
			name:  "a superscript number stays in its line, glued to its word as a footnote mark",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (text) Tj /F1 6 Tf 4 Ts (12) Tj 0 Ts /F1 10 Tf ( med) Tj ET"},
			lines: []string{"text¹² med"},
			words: map[string]rccplans.Box{"text¹²": box(72, 82.6, 98, 94)},
		},
		{
			name:  "a subscript too; small text elsewhere on the baseline does not move",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (H) Tj /F1 6 Tf -2 Ts (2) Tj 0 Ts /F1 10 Tf (O) Tj /F1 6 Tf 200 10 Td (far) Tj ET"},
			lines: []string{"far", "H 2 O"},
		},
		{
			name:  "ActualText replaces the glyphs of its span",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (a) Tj /Span <</MCID 3 /ActualText <FEFF00660069>>> BDC (XY) Tj EMC (b) Tj /P <</MCID 4>> BDC (c) Tj EMC ET"},
			lines: []string{"afibc"},
			words: map[string]rccplans.Box{"afibc": box(72, 83, 97, 94)},
		},
		{
			name:  "an empty ActualText hides its glyphs",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (a) Tj /Span <</ActualText ()>> BDC (-) Tj EMC /Artifact BMC (b) Tj EMC ET"},
			lines: []string{"a b"},
		},
		{
			name:  "glyphs drawn twice count once",
			page:  pdfPageSpec{content: "BT /F1 10 Tf 72 700 Td (Dup) Tj ET BT /F1 10 Tf 72.3 700 Td (Dup) Tj ET"},
			lines: []string{"Dup"},
		},
		{
			name:  "inline image data does not derail the lexer",
			page:  pdfPageSpec{content: "BI /W 2 /H 2 /CS /G /BPC 8 ID \x00)(>>]\xff EI BT /F1 10 Tf 72 700 Td (After) Tj ET"},
			lines: []string{"After"},
		},
		{
			name: "a form drawing itself is cut off",
			page: pdfPageSpec{content: "/Fm1 Do", forms: map[string]pdfFormSpec{
				"Fm1": {content: "BT /F1 10 Tf 72 700 Td (Loop) Tj ET /Fm1 Do"},
			}},
			lines: []string{"Loop"}, // the same glyph at one place, deduplicated
		},
		{
			name:  "garbage operators and missing operands are ignored",
			page:  pdfPageSpec{content: "Tf Tj TJ cm re 1 2 m l c ] ) > BT /F9 10 Tf 72 700 Td (Unknown) Tj ET"},
			lines: []string{"Unknown"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildPDF(pdfSpec{pages: []pdfPageSpec{tt.page}})
			l, _, err := readPDF(context.Background(), "t.pdf", data, Options{}, true)
			if err != nil && tt.lines != nil {
				t.Fatalf("readPDF: %v", err)
			}
			if l == nil || len(l.Pages) != 1 {
				t.Fatalf("no page: %v", err)
			}
			p := l.Pages[0]
			if tt.width != 0 && (math.Abs(p.Width-tt.width) > 0.01 || math.Abs(p.Height-tt.height) > 0.01) {
				t.Errorf("page size %.2fx%.2f, want %.2fx%.2f", p.Width, p.Height, tt.width, tt.height)
			}
			var lines []string
			for _, ln := range p.Lines {
				lines = append(lines, ln.Text)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("lines %q, want %q", lines, tt.lines)
			}
			for text, want := range tt.words {
				found := false
				for _, w := range p.Words {
					if w.Text != text {
						continue
					}
					found = true
					if math.Abs(w.X0-want.X0) > 0.01 || math.Abs(w.Y0-want.Y0) > 0.01 || math.Abs(w.X1-want.X1) > 0.01 || math.Abs(w.Y1-want.Y1) > 0.01 {
						t.Errorf("word %q at %.2f,%.2f-%.2f,%.2f, want %.2f,%.2f-%.2f,%.2f", text, w.X0, w.Y0, w.X1, w.Y1, want.X0, want.Y0, want.X1, want.Y1)
					}
					break
				}
				if !found {
					t.Errorf("word %q missing", text)
				}
			}
			var rules []string
			for _, r := range p.Rules {
				rules = append(rules, fmt.Sprintf("%.2f %.2f %.2f %.2f w%.2f", r.X0, r.Y0, r.X1, r.Y1, r.Width))
			}
			if !slices.Equal(rules, tt.rules) {
				t.Errorf("rules\n%s\nwant\n%s", strings.Join(rules, "\n"), strings.Join(tt.rules, "\n"))
			}
			for _, w := range p.Words {
				if want := slices.Contains(tt.bold, w.Text); w.Bold != want {
					t.Errorf("word %q bold %v, want %v", w.Text, w.Bold, want)
				}
			}
		})
	}
}

func TestPDFParseCMap(t *testing.T) {
	m := pdfParseCMap([]byte(`/CIDInit /ProcSet findresource begin
12 dict begin begincmap
2 begincodespacerange <00> <80> <8140> <FFFF> endcodespacerange
2 beginbfchar <01> <00E5> <8141> <D83DDE00> endbfchar
2 beginbfrange <10> <12> [<0041> <0042> <00660069>] <9000> <9100> <4E00> endbfrange
endcmap end end`))
	tests := []struct {
		n    int
		code uint32
		want string
		ok   bool
	}{
		{1, 0x01, "å", true},
		{2, 0x8141, "😀", true},
		{1, 0x10, "A", true},
		{1, 0x12, "fi", true},
		{2, 0x9001, "\u4e01", true},
		{2, 0x90FF, "\u4eff", true},
		{1, 0x02, "", false},
	}
	for _, tt := range tests {
		got, ok := m.text(tt.n, tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("text(%d, %#x) = %q, %v; want %q, %v", tt.n, tt.code, got, ok, tt.want, tt.ok)
		}
	}
	f := &pdfFont{cid: true, space: m.space}
	var codes []uint32
	for s := []byte{0x01, 0x81, 0x41, 0x10}; len(s) > 0; {
		c, n := f.nextCode(s)
		codes = append(codes, c)
		s = s[n:]
	}
	if !slices.Equal(codes, []uint32{0x01, 0x8141, 0x10}) {
		t.Errorf("codes %#x", codes)
	}
}

func TestPDFGlyphText(t *testing.T) {
	for name, want := range map[string]string{
		"aring": "å", "Odieresis": "Ö", "eacute": "é", "uni00E4": "ä", "u1F600": "😀",
		"f_i": "fi", "a.sc": "a", "quoteright": "’", "g123": "", "uni00660069": "fi",
	} {
		if got := pdfGlyphText(name); got != want {
			t.Errorf("pdfGlyphText(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPDFUnderlines(t *testing.T) {
	tests := []struct {
		name    string
		content string
		rules   int
	}{
		{"underline under a word is not a rule", "BT /F1 10 Tf 72 700 Td (Link) Tj ET 0 g 72 698 20 0.5 re f", 0},
		{"strike-through is not a rule", "BT /F1 10 Tf 72 700 Td (Gone) Tj ET 0 g 72 703 20 0.5 re f", 0},
		{"a border past the text stays", "BT /F1 10 Tf 72 700 Td (Cell) Tj ET 0 g 66 698 100 0.5 re f", 1},
		{"a rule well below the text stays", "BT /F1 10 Tf 72 700 Td (Cell) Tj ET 0 g 72 690 20 0.5 re f", 1},
		{"a highlight is not a box", "1 1 0 rg 94.5 697 30 12 re f 0 g BT /F1 10 Tf 72 700 Td (Some marked text) Tj ET", 0},
		{"cell shading with padding is a box", "0.9 g 69 695 28 16 re f 0 g BT /F1 10 Tf 72 700 Td (Cell) Tj ET", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := PDF(context.Background(), "t.pdf", buildPDF(pdfSpec{pages: []pdfPageSpec{{content: tt.content}}}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(l.Pages[0].Rules); got != tt.rules {
				t.Fatalf("%d rules, want %d: %+v", got, tt.rules, l.Pages[0].Rules)
			}
		})
	}
}

func TestPDFTrueTypeCmap(t *testing.T) {
	want := map[uint32]rune{1: 'A', 2: 'B', 3: 'C', 4: 'å'}
	for _, format := range []int{4, 12} {
		got := pdfTrueTypeGlyphRunes(pdfTestTrueType(format))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("format %d: %v, want %v", format, got, want)
		}
	}
	for _, bad := range [][]byte{nil, []byte("\x00\x01\x00\x00\x00\x05"), pdfTestTrueType(4)[:40]} {
		pdfTrueTypeGlyphRunes(bad) // must not panic
	}
}

func TestPDFStandardWidths(t *testing.T) {
	tests := []struct {
		font  string
		text  string
		width float64 // in em
	}{
		{"Helvetica", "Hi", 0.722 + 0.222},
		{"Helvetica-Bold", "å", 0.556},
		{"Arial,Bold", "W", 0.944},
		{"Times-Roman", "ö", 0.5},
		{"Courier", "ii", 1.2},
		{"Unknown", "ab", 1.0},
	}
	for _, tt := range tests {
		f := &pdfFont{name: tt.font, missing: 0.5, enc: &pdfWinAnsi}
		pdfStandardWidths(f)
		sum := 0.0
		for _, b := range []byte(pdfLatin1(tt.text)) {
			sum += f.width(uint32(b), 1)
		}
		if math.Abs(sum-tt.width) > 1e-9 {
			t.Errorf("%s %q: width %.3f, want %.3f", tt.font, tt.text, sum, tt.width)
		}
	}
}

// pdfLatin1 encodes text in Latin-1 (WinAnsi for these letters).
func pdfLatin1(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r))
	}
	return string(b)
}

func TestPDFLexer(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // operators with their operands
	}{
		{"numbers", "1 -2 +3 .5 -.5 4. --6 1e5 2E-1 Td 1e Inf NaN", "Td[1 -2 3 0.5 -0.5 4 6 100000 0.2] 1e[] Inf[] NaN[]"},
		{"strings", `(a\(b\)c\n\101) (nested (paren)) <48 65 6C6C 6F> <4> Tj`, `Tj["a(b)c\nA" "nested (paren)" "Hello" "@"]`},
		{"names and arrays", "/F#31 [1 (x) [2] /N true null] << /K [1 2] /D <</E 1>> /ActualText (t) >> BDC", `BDC[F1 [1 "x" [2] N 1 <nil>] <<t>>]`},
		{"comments and stray delimiters", "% c\n ) ] > } 1 w", "w[1]"},
		{"inline image skipped", "BI /W 1 /H 1 ID \x00EIx EI Q", "BI[] Q[]"},
		{"unterminated", "(abc", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out []string
			lx := &pdfLexer{buf: []byte(tt.in)}
			lx.run(func(op string, args []pdfOperand) bool {
				var parts []string
				for _, a := range args {
					parts = append(parts, fmtOperand(a))
				}
				out = append(out, op+"["+strings.Join(parts, " ")+"]")
				return true
			})
			if got := strings.Join(out, " "); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	// A long run of stray delimiters must not grow the stack.
	lx := &pdfLexer{buf: []byte(strings.Repeat(")", 5_000_000) + " 1 w")}
	n := 0
	lx.run(func(string, []pdfOperand) bool { n++; return true })
	if n != 1 {
		t.Errorf("%d operators after stray delimiters, want 1", n)
	}
}

func fmtOperand(a pdfOperand) string {
	switch a.kind {
	case pdfNum, pdfBool:
		return fmt.Sprint(a.num)
	case pdfStr:
		return fmt.Sprintf("%q", a.str)
	case pdfNameOp:
		return string(a.str)
	case pdfArray:
		var parts []string
		for _, e := range a.arr {
			parts = append(parts, fmtOperand(e))
		}
		return "[" + strings.Join(parts, " ") + "]"
	case pdfDictOp:
		return "<<" + string(a.str) + ">>"
	}
	return "<nil>"
}

// FuzzPDFContent fuzzes the content interpreter and the word builder
// with page content wrapped in a small, valid PDF (faster and deeper
// than FuzzPDF, whose inputs mostly fail in the object layer).
func FuzzPDFContent(f *testing.F) {
	for _, c := range []string{
		"BT /F1 10 Tf 72 700 Td (Hello World) Tj ET",
		"BT /F2 10 Tf 100 700 Td <000100020003> Tj ET",
		"BT /F1 10 Tf 72 700 Td [(Hel) -100 (lo)] TJ 0 -20 Td [(Hello) -3000 (World)] TJ ET",
		"BT /F1 10 Tf 10 Tw 1 Tc 50 Tz 2 Ts 12 TL 72 700 Td (a b) Tj T* (c) ' 1 2 (d) \" ET",
		"0 0 0 rg 72 500 200 0.5 re f 300 100 1 200 re f 72 500 200 0.5 re W n 0.8 g 100 100 200 50 re B",
		"2 w 72 400 m 300 400 l S 100 50 m 150 80 200 80 250 50 c h s 1 1 1 RG 0 0 m 10 0 l S",
		"q 0 1 -1 0 612 0 cm BT /F3 10 Tf 72 500 Td <01020304050607> Tj ET Q /Fm1 Do /Im1 Do",
		"BT /F4 10 Tf 2 Tr (aa) Tj /F5 10 Tf <00010002000300040009> Tj /F1 6 Tf 4 Ts (1) Tj ET",
		"BI /W 2 /H 2 /CS /G /BPC 8 ID \x00)(>>]\xff EI BT /F1 10 Tf 0 1 -1 0 100 100 Tm (Up) Tj ET",
	} {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		data := buildPDF(pdfSpec{pages: []pdfPageSpec{{content: string(content), forms: map[string]pdfFormSpec{
			"Fm1": {matrix: "1 0 0 1 10 10", content: "BT /F1 10 Tf (X) Tj ET /Fm1 Do"},
		}}}})
		l, _, err := readPDF(context.Background(), "fuzz.pdf", data, Options{}, true)
		if err == nil && (l == nil || len(l.Pages) != 1) {
			t.Fatalf("no page and no error")
		}
		if l != nil {
			for _, p := range l.Pages {
				for _, ln := range p.Lines {
					if ln.Text == "" || len(ln.Words) == 0 {
						t.Fatalf("empty line %+v", ln)
					}
				}
				for _, r := range p.Rules {
					if r.X0 > r.X1 || r.Y0 > r.Y1 || r.X0 != r.X1 && r.Y0 != r.Y1 {
						t.Fatalf("bad rule %+v", r)
					}
				}
			}
		}
	})
}

func TestPDFFonts(t *testing.T) {
	tests := []struct {
		name  string
		font  string
		text  string // shown at 10pt from x=0
		bold  bool
		width float64 // of the word, points
		out   string  // the word's text, when it matters
	}{
		{"weight 700", "<</Type /Font /Subtype /Type1 /BaseFont /Plain /FirstChar 65 /LastChar 65 /Widths [600] /FontDescriptor <</FontWeight 700 /Flags 32>>>>", "AA", true, 12, ""},
		{"force bold flag", "<</Type /Font /Subtype /Type1 /BaseFont /Plain /FirstChar 65 /LastChar 65 /Widths [600] /FontDescriptor <</Flags 262176>>>>", "A", true, 6, ""},
		{"bold in the name", "<</Type /Font /Subtype /TrueType /BaseFont /Arial,Bold /FirstChar 65 /LastChar 65 /Widths [600]>>", "A", true, 6, ""},
		{"semibold subset", "<</Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Carlito-Semibold /FirstChar 65 /LastChar 65 /Widths [600]>>", "A", true, 6, ""},
		{"standard Helvetica without widths", "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>", "Hi", false, 9.44, ""},
		{"standard Times-Bold without widths", "<</Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding>>", "\\344", true, 5, "ä"},
		{"missing width from the descriptor", "<</Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 65 /LastChar 65 /Widths [600] /FontDescriptor <</MissingWidth 250>>>>", "AB", false, 8.5, ""},
		{"MacRoman encoding", "<</Type /Font /Subtype /Type1 /BaseFont /Plain /FirstChar 138 /LastChar 138 /Widths [500] /Encoding /MacRomanEncoding>>", "\\212\\232", false, 5 + 5, "äö"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildPDF(pdfSpec{
				pages: []pdfPageSpec{{content: "BT /FX 10 Tf 0 700 Td (" + tt.text + ") Tj ET"}},
				fonts: map[string]string{"FX": tt.font},
			})
			l, err := PDF(context.Background(), "t.pdf", data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			ws := l.Pages[0].Words
			if len(ws) != 1 {
				t.Fatalf("words %+v", ws)
			}
			if tt.out != "" && ws[0].Text != tt.out {
				t.Errorf("text %q, want %q", ws[0].Text, tt.out)
			}
			if ws[0].Bold != tt.bold || math.Abs(ws[0].X1-ws[0].X0-tt.width) > 0.01 {
				t.Errorf("%q bold %v width %.2f, want %v %.2f", ws[0].Text, ws[0].Bold, ws[0].X1-ws[0].X0, tt.bold, tt.width)
			}
		})
	}
}

// TestPDFWordsByDrawingOrder: glyphs drawn one after the other with no gap
// are one word; glyphs that touch but were drawn apart (the last word of a
// cell without padding and the first of the next column, drawn later) are
// two, as poppler reads them. F1's glyphs are 500/1000 em wide: at 10 pt,
// "med" ends 15 pt after it starts.
func TestPDFWordsByDrawingOrder(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []string
	}{
		{"one run", "BT /F1 10 Tf 72 700 Td (medutsedd) Tj ET", []string{"medutsedd"}},
		{"kerned pieces of one word", "BT /F1 10 Tf 72 700 Td [(med) 0 (utsedd)] TJ ET", []string{"medutsedd"}},
		{"two cells touching, drawn apart", "BT /F1 10 Tf 72 700 Td (med) Tj ET BT /F1 10 Tf 72 680 Td (rad) Tj ET BT /F1 10 Tf 87 700 Td (utsedd) Tj ET", []string{"med", "rad", "utsedd"}},
		{"drawn right to left", "BT /F1 10 Tf 87 700 Td (utsedd) Tj ET BT /F1 10 Tf 72 700 Td (med) Tj ET", []string{"med", "utsedd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := PDF(context.Background(), "t.pdf", buildPDF(pdfSpec{pages: []pdfPageSpec{{content: tt.content}}}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range l.Pages[0].Words {
				got = append(got, w.Text)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("words %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPDFSoftHyphens: a soft hyphen (U+00AD) is printed only where the
// line breaks the word. Chromium draws one at every soft hyphen, as a
// space glyph without advance under /ActualText U+00AD, and adds a hyphen
// glyph (U+2010) at the same place where the line breaks; Word and
// LibreOffice draw a hyphen glyph that reads U+00AD only at the break.
// The word reader gives the word as printed with one "-" at the line end,
// which line joining then drops. F1 glyphs are 5 pt wide at 10 pt.
func TestPDFSoftHyphens(t *testing.T) {
	const (
		shy    = "/Span <</ActualText <FEFF00AD>>> BDC ( ) Tj EMC"
		hyphen = "/Span <</ActualText <FEFF2010>>> BDC (-) Tj EMC"
	)
	tests := []struct {
		name    string
		content string
		lines   []string
		joined  string // rccplans.JoinLines of the lines
	}{
		{
			name:    "not printed inside a word that is not broken",
			content: "BT /F1 10 Tf 72 700 Td (natte) Tj " + shy + " ET BT /F1 10 Tf 97 700 Td (tid i) Tj ET",
			lines:   []string{"nattetid i"},
		},
		{
			name: "not printed, the next letter a hair before it",
			// Rounding may put the mark after the letter drawn at its place.
			content: "BT /F1 10 Tf 72 700 Td (natte) Tj " + shy + " ET BT /F1 10 Tf 96.999 700 Td (tid) Tj ET",
			lines:   []string{"nattetid"},
		},
		{
			name:    "soft hyphen and the hyphen glyph at a break are one hyphen",
			content: "BT /F1 10 Tf 72 700 Td (Verksam) Tj " + shy + " ET BT /F1 10 Tf 107 700 Td " + hyphen + " ET BT /F1 10 Tf 72 688 Td (ledare) Tj ET",
			lines:   []string{"Verksam-", "ledare"},
			joined:  "Verksamledare",
		},
		{
			name:    "hyphen glyph drawn first, a hair before the soft hyphen",
			content: "BT /F1 10 Tf 126.99 700 Td " + hyphen + " ET BT /F1 10 Tf 72 700 Td (kontakt) Tj (sjuk) Tj " + shy + " ET BT /F1 10 Tf 72 688 Td (sk\\366terska.) Tj ET",
			lines:   []string{"kontaktsjuk-", "sköterska."},
			joined:  "kontaktsjuksköterska.",
		},
		{
			name:    "soft hyphen and a hyphen-minus at a break",
			content: "BT /F1 10 Tf 72 700 Td (Verksam) Tj " + shy + " ET BT /F1 10 Tf 107 700 Td (-) Tj ET",
			lines:   []string{"Verksam-"},
		},
		{
			name:    "a visible soft hyphen alone at a break (Word, LibreOffice)",
			content: "BT /F1 10 Tf 72 700 Td (process) Tj /Span <</ActualText <FEFF00AD>>> BDC (-) Tj EMC ET BT /F1 10 Tf 72 688 Td (ledningen) Tj ET",
			lines:   []string{"process-", "ledningen"},
			joined:  "processledningen",
		},
		{
			name:    "a soft hyphen glyph named by the encoding",
			content: "BT /FS 10 Tf 72 700 Td (h\\344lso\\001) Tj ET BT /FS 10 Tf 72 688 Td (och) Tj ET",
			lines:   []string{"hälso-", "och"},
			joined:  "hälso- och",
		},
		{
			name:    "a hyphen of the text stays",
			content: "BT /F1 10 Tf 72 700 Td (SVF-utredningar) Tj ET",
			lines:   []string{"SVF-utredningar"},
		},
	}
	fonts := map[string]string{"FS": "<</Type /Font /Subtype /Type1 /BaseFont /Plain /FirstChar 1 /LastChar 255 /Widths [" + strings.Repeat("500 ", 255) + "] /Encoding <</Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /uni00AD]>>>>"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := PDF(context.Background(), "t.pdf", buildPDF(pdfSpec{pages: []pdfPageSpec{{content: tt.content}}, fonts: fonts}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, ln := range l.Pages[0].Lines {
				lines = append(lines, ln.Text)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("lines %q, want %q", lines, tt.lines)
			}
			if tt.joined != "" {
				if got := rccplans.JoinLines(lines); got != tt.joined {
					t.Errorf("joined %q, want %q", got, tt.joined)
				}
			}
		})
	}
}

// TestPDFFootnoteMarks: a number set smaller and raised right after a word
// is its footnote mark, read as superscript digits glued to the word, as
// printed. F1 glyphs are 0.5 em wide: "behandling" at 10 pt ends at 122.
func TestPDFFootnoteMarks(t *testing.T) {
	tests := []struct {
		name    string
		content string
		lines   []string
	}{
		{"a mark after a word", "BT /F1 10 Tf 72 700 Td (efter behandling) Tj /F1 6.5 Tf 3.4 Ts (1) Tj ET", []string{"efter behandling¹"}},
		{"a mark after a full stop, drawn in a text object of its own", "BT /F1 10 Tf 72 700 Td (studier.) Tj ET BT /F1 6.5 Tf 112 703.4 Td (2) Tj ET", []string{"studier.²"}},
		{"every digit", "BT /F1 10 Tf 72 700 Td (a) Tj /F1 6 Tf 4 Ts (1234567890) Tj ET", []string{"a¹²³⁴⁵⁶⁷⁸⁹⁰"}},
		{"the text goes on after the mark", "BT /F1 10 Tf 72 700 Td (ord) Tj /F1 6 Tf 4 Ts (3) Tj 0 Ts /F1 10 Tf ( och mer) Tj ET", []string{"ord³ och mer"}},
		{"punctuation after the mark", "BT /F1 10 Tf 72 700 Td (behandling) Tj /F1 6.5 Tf 3.4 Ts (1) Tj 0 Ts /F1 10 Tf (, och) Tj ET", []string{"behandling¹, och"}},
		{"raised letters and digits", "BT /F1 10 Tf 72 700 Td (text) Tj /F1 6 Tf 4 Ts (a2) Tj ET", []string{"text a2"}},
		{"a footnote's own number before its text is no mark", "BT /F1 6 Tf 4 Ts 72 700 Td (1) Tj 0 Ts /F1 10 Tf (Enligt) Tj ET", []string{"1 Enligt"}},
		{"small digits on the baseline", "BT /F1 10 Tf 72 700 Td (text) Tj /F1 6 Tf (12) Tj ET", []string{"text 12"}},
		{"a lowered digit (subscript)", "BT /F1 10 Tf 72 700 Td (CO) Tj /F1 6 Tf -2 Ts (2) Tj ET", []string{"CO 2"}},
		{"raised letters", "BT /F1 10 Tf 72 700 Td (text) Tj /F1 6 Tf 4 Ts (a) Tj ET", []string{"text a"}},
		{"a raised digit of the same size", "BT /F1 10 Tf 72 700 Td (text) Tj 3 Ts (2) Tj ET", []string{"text2"}},
		// Not even set on the word's baseline: a line of its own.
		{"a raised digit after a space", "BT /F1 10 Tf 72 700 Td (text ) Tj /F1 6 Tf 4 Ts (2) Tj ET", []string{"2", "text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := PDF(context.Background(), "t.pdf", buildPDF(pdfSpec{pages: []pdfPageSpec{{content: tt.content}}}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, ln := range l.Pages[0].Lines {
				lines = append(lines, ln.Text)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("lines %q, want %q", lines, tt.lines)
			}
		})
	}
}
