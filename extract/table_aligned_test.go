package extract

import (
	"fmt"
	"strings"
	"testing"

	"rccplans"
)

// TestRuledRows: a table drawn with horizontal rules only. A line whose
// cells are filled to their edges runs across the columns like prose; in
// a ruled row that also holds a line set in columns it is cells, on its
// page and on the next, where the table goes on without its header. A
// line across the columns under the last rule is prose, and a footnote in
// smaller type under the continued part is no row.
func TestRuledRows(t *testing.T) {
	head := func(y float64) []rccplans.Word { return headerAt(cols3, y, "Område", "Mål", "Aktivitet") }
	row := func(y float64, cells ...string) []rccplans.Word { return cellsAt(cols3, y, cells...) }
	rules := func(ys ...float64) []rccplans.Rule {
		var rs []rccplans.Rule
		for _, y := range ys {
			rs = append(rs, hrule(cols3[0], cols3[3], y))
		}
		return rs
	}
	// Row 2's first line: the Område cell, then the Mål cell filled to its
	// edge and the Aktivitet cell right after it, closer than a gutter.
	tight := func(y float64) []rccplans.Word {
		return words(43, y, "1.b) Andra området fyller ut sin cell Ett långt mål som fyller sin cell hela vägen ut Aktiviteten börjar", bodyFS, false)
	}
	page1 := func(withRules, prose bool) rccplans.Page {
		ws := words(40, 60, "Insatser", 14, true)
		ws = append(ws, head(100)...)
		ws = append(ws, row(118, "1.a) Första", "Mål ett.", "Akt ett.")...)
		ws = append(ws, tight(140)...)
		ws = append(ws, row(151.7, "", "och slutar här.", "och slutar.")...)
		ws = append(ws, row(172, "1.c) Tredje", "Mål tre.", "Akt tre.")...)
		if prose {
			ws = append(ws, words(40, 200, "Text under tabellen som löper över alla kolumner i hela dess bredd och slutar.", bodyFS, false)...)
		}
		var rs []rccplans.Rule
		if withRules {
			rs = rules(97, 113, 136, 166, 190)
		}
		return page(1, ws, rs)
	}
	tests := []struct {
		name  string
		pages func() []rccplans.Page
		want  string
	}{
		{
			name:  "cells filled to their edges in a ruled row",
			pages: func() []rccplans.Page { return []rccplans.Page{page1(true, true)} },
			want: `p1 H1 Insatser
p1 TABLE 3 cols, 3 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Akt ett.
  r2 p1: 1.b) Andra området fyller ut sin cell Ett långt | mål som fyller sin cell hela vägen ut Aktiviteten och slutar här. | börjar och slutar.
  r3 p1: 1.c) Tredje | Mål tre. | Akt tre.
p1 P Text under tabellen som löper över alla kolumner i hela dess bredd och slutar.
`,
		},
		{
			name:  "without rules the same line ends the table",
			pages: func() []rccplans.Page { return []rccplans.Page{page1(false, true)} },
			want: `p1 H1 Insatser
p1 TABLE 3 cols, 1 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Akt ett.
p1 P 1.b) Andra området fyller ut sin cell Ett långt mål som fyller sin cell hela vägen ut Aktiviteten börjar och slutar här. och slutar.
p1 P 1.c) Tredje Mål tre. Akt tre.
p1 P Text under tabellen som löper över alla kolumner i hela dess bredd och slutar.
`,
		},
		{
			name: "continued on the next page without its header, a footnote under it",
			pages: func() []rccplans.Page {
				ws := words(43, 53, "1.d) Fjärde området fyller ut sin cell Nytt Mål Som fyller sin cell hela vägen ut Aktiviteten Börjar", bodyFS, false)
				ws = append(ws, row(64.7, "", "och slutar här.", "och slutar.")...)
				ws = append(ws, words(40, 86, "Status: Grön = genomförd, Gul = pågår, Röd = ej påbörjad.", 7, false)...)
				return []rccplans.Page{page1(true, false), page(2, ws, rules(50, 80))}
			},
			want: `p1 H1 Insatser
p1 TABLE 3 cols, 4 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Akt ett.
  r2 p1: 1.b) Andra området fyller ut sin cell Ett långt | mål som fyller sin cell hela vägen ut Aktiviteten och slutar här. | börjar och slutar.
  r3 p1: 1.c) Tredje | Mål tre. | Akt tre.
  r4 p2: 1.d) Fjärde området fyller ut sin cell Nytt Mål | Som fyller sin cell hela vägen ut Aktiviteten och slutar här. | Börjar och slutar.
p2 P Status: Grön = genomförd, Gul = pågår, Röd = ej påbörjad.
`,
		},
	}
	tests = append(tests, struct {
		name  string
		pages func() []rccplans.Page
		want  string
	}{
		name: "on the next page a rule, not whitespace, ends the cut row",
		pages: func() []rccplans.Page {
			ws := row(53, "", "och fortsätter här", "")
			ws = append(ws, row(64.7, "", "på två rader", "")...)
			ws = append(ws, row(78, "", "Nytt mål.", "Ny akt.")...)
			return []rccplans.Page{page1(true, false), page(2, ws, rules(77, 95))}
		},
		want: `p1 H1 Insatser
p1 TABLE 3 cols, 4 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Akt ett.
  r2 p1: 1.b) Andra området fyller ut sin cell Ett långt | mål som fyller sin cell hela vägen ut Aktiviteten och slutar här. | börjar och slutar.
  r3 p1: 1.c) Tredje | Mål tre. och fortsätter här på två rader | Akt tre.
  r4 p2: ^1.c) Tredje | Nytt mål. | Ny akt.
`,
	})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs, _ := Blocks("test.pdf", tc.pages())
			if got := dumpBlocks(bs); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestTitleRows: a bold line across a borderless table (a goal or a
// section set in a merged row) over rows set in the columns is a row of
// its own inside the table, split off as a heading between its parts like
// a ruled table's; a bold line across the columns over prose ends it.
func TestTitleRows(t *testing.T) {
	build := func(after string) []rccplans.Page {
		ws := headedPage(cols3, "Åtgärd", "Ansvarig", "Status")
		ws = append(ws, words(43, 125, "1.1 Alla vårdcentraler ska ha ett utsett cancerombud med avsatt tid för uppdraget.", bodyFS, true)...)
		ws = append(ws, cellsAt(cols3, 150, "Utse ombud", "Verksamhetschef", "Pågår")...)
		ws = append(ws, words(43, 175, "1.2 Ledtiden från remiss till behandling ska halveras jämfört med 2023 års nivå.", bodyFS, true)...)
		if strings.HasPrefix(after, "Kartlägga") {
			ws = append(ws, cellsAt(cols3, 200, after, "Chefläkare", "Klar")...)
		} else {
			ws = append(ws, words(43, 200, after, bodyFS, false)...)
		}
		return []rccplans.Page{page(1, ws, nil)}
	}
	tests := []struct {
		name, after, want string
	}{
		{"title rows over rows in the columns", "Kartlägga flödet",
			`p1 H1 Insatser
p1 H2 1.1 Alla vårdcentraler ska ha ett utsett cancerombud med avsatt tid för uppdraget.
p1 TABLE 3 cols, 1 rows
  head: Åtgärd | Ansvarig | Status
  r1 p1: Utse ombud | Verksamhetschef | Pågår
p1 H2 1.2 Ledtiden från remiss till behandling ska halveras jämfört med 2023 års nivå.
p1 TABLE 3 cols, 1 rows
  head: Åtgärd | Ansvarig | Status
  r1 p1: Kartlägga flödet | Chefläkare | Klar
`},
		{"a bold line across the table last on the page", "",
			`p1 H1 Insatser
p1 H2 1.1 Alla vårdcentraler ska ha ett utsett cancerombud med avsatt tid för uppdraget.
p1 TABLE 3 cols, 1 rows
  head: Åtgärd | Ansvarig | Status
  r1 p1: Utse ombud | Verksamhetschef | Pågår
p1 H2 1.2 Ledtiden från remiss till behandling ska halveras jämfört med 2023 års nivå.
`},
		{"a bold line over prose ends the table", "Texten under tabellen löper över alla kolumner i hela dess bredd och slutar här.",
			`p1 H1 Insatser
p1 H3 1.1 Alla vårdcentraler ska ha ett utsett cancerombud med avsatt tid för uppdraget.
p1 TABLE 3 cols, 1 rows
  head: Åtgärd | Ansvarig | Status
  r1 p1: Utse ombud | Verksamhetschef | Pågår
p1 H2 1.2 Ledtiden från remiss till behandling ska halveras jämfört med 2023 års nivå.
p1 P Texten under tabellen löper över alla kolumner i hela dess bredd och slutar här.
`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs, _ := Blocks("test.pdf", build(tc.after))
			if got := dumpBlocks(bs); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestGroupTitleAbove: a borderless header whose group title stands above
// two columns named below the other names (a word processor centres the
// names of the columns the title does not cover between its two rows),
// with or without each header paragraph shaded: five columns, the title
// over the last two. Names right of the last header and clear of it are
// columns of their own, not parts under it.
func TestGroupTitleAbove(t *testing.T) {
	xs := []float64{40, 200, 360, 520, 640}
	build := func(shaded bool) []rccplans.Page {
		ws := words(xs[3]+3, 100, "Uppföljning 2025", bodyFS, true)
		ws = append(ws, headerAt(xs, 113, "Mål", "Aktivitet", "Ansvarig")...)
		ws = append(ws, words(xs[3]+3, 126, "Status", bodyFS, true)...)
		ws = append(ws, words(xs[4]+3, 126, "Kommentar", bodyFS, true)...)
		for r, row := range [][]string{
			{"Fler ska|delta.", "Skicka|påminnelser.", "Chefläkare", "Pågår", "Klar i juni"},
			{"Kortare|ledtider.", "Kartlägga|flödet.", "Kvalitetsstrateg", "Genomförd", "Fortsätter 2026"},
		} {
			for c, x := range row {
				ws = append(ws, lines(xs[c]+3, 150+40*float64(r), bodyFS, false, strings.Split(x, "|")...)...)
			}
		}
		var rs []rccplans.Rule
		if shaded {
			rs = append(rs, fill(xs[3], 99, 800, 111)...)
			rs = append(rs, fill(xs[3], 125, xs[4]-3, 137)...)
			rs = append(rs, fill(xs[4], 125, 800, 137)...)
		}
		return []rccplans.Page{page(1, ws, rs)}
	}
	want := `p1 TABLE 5 cols, 2 rows
  head: Mål | Aktivitet | Ansvarig | Uppföljning 2025 | Uppföljning 2025
  head: Mål | Aktivitet | Ansvarig | Status | Kommentar
  r1 p1: Fler ska delta. | Skicka påminnelser. | Chefläkare | Pågår | Klar i juni
  r2 p1: Kortare ledtider. | Kartlägga flödet. | Kvalitetsstrateg | Genomförd | Fortsätter 2026
`
	for _, shaded := range []bool{false, true} {
		t.Run(fmt.Sprintf("shaded=%v", shaded), func(t *testing.T) {
			bs, _ := Blocks("test.pdf", build(shaded))
			if got := dumpBlocks(bs); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestTitleRightUnderHeader: a title row set right under the header, as
// close as a wrapped header line, and over only two of four headers, is
// no part of the header but a title row.
func TestTitleRightUnderHeader(t *testing.T) {
	xs := []float64{40, 340, 540, 660}
	ws := headedPage(xs, "Åtgärd", "Ansvarig", "Klart", "Status")
	ws = append(ws, words(xs[2]+3, 110.8, "senast", bodyFS, true)...)
	ws = append(ws, words(43, 123, "1.1 Alla vårdcentraler ska ha ett cancerombud med avsatt tid för uppdraget.", bodyFS, true)...)
	ws = append(ws, cellsAt(xs, 145, "Utse ombud", "Verksamhetschef", "Q4 2026", "Pågår")...)
	checkBlocks(t, `p1 H1 Insatser
p1 H2 1.1 Alla vårdcentraler ska ha ett cancerombud med avsatt tid för uppdraget.
p1 TABLE 4 cols, 1 rows
  head: Åtgärd | Ansvarig | Klart senast | Status
  r1 p1: Utse ombud | Verksamhetschef | Q4 2026 | Pågår
`, ws)
}

// TestTitleRowAtPageFoot: a title row across a borderless table as the
// last line of a page, its rows on the next page (no header repeated).
func TestTitleRowAtPageFoot(t *testing.T) {
	ws := headedPage(cols3, "Åtgärd", "Ansvarig", "Status")
	ws = append(ws, cellsAt(cols3, 125, "Utse ombud", "Verksamhetschef", "Pågår")...)
	ws = append(ws, words(43, 150, "1.2 Ledtiden från remiss till behandling ska halveras jämfört med 2023 års nivå.", bodyFS, true)...)
	p2 := cellsAt(cols3, 50, "Kartlägga flödet", "Chefläkare", "Klar")
	checkBlocks(t, `p1 H1 Insatser
p1 TABLE 3 cols, 1 rows
  head: Åtgärd | Ansvarig | Status
  r1 p1: Utse ombud | Verksamhetschef | Pågår
p1 H2 1.2 Ledtiden från remiss till behandling ska halveras jämfört med 2023 års nivå.
p1 TABLE 3 cols, 1 rows
  head: Åtgärd | Ansvarig | Status
  r1 p2: Kartlägga flödet | Chefläkare | Klar
`, ws, p2)
}

// TestWrappedTitleRow: a title row across a borderless table wrapped onto
// a second bold line is one title.
func TestWrappedTitleRow(t *testing.T) {
	ws := headedPage(cols3, "Åtgärd", "Ansvarig", "Status")
	ws = append(ws, lines(43, 125, bodyFS, true, "1.1 Alla vårdcentraler ska ha ett utsett cancerombud med avsatt", "tid för uppdraget.")...)
	ws = append(ws, cellsAt(cols3, 155, "Utse ombud", "Verksamhetschef", "Pågår")...)
	checkBlocks(t, `p1 H1 Insatser
p1 H2 1.1 Alla vårdcentraler ska ha ett utsett cancerombud med avsatt tid för uppdraget.
p1 TABLE 3 cols, 1 rows
  head: Åtgärd | Ansvarig | Status
  r1 p1: Utse ombud | Verksamhetschef | Pågår
`, ws)
}

// TestContinuationWiderLastColumn: the part of a borderless table on the
// next page may reach further right than its text on the page before (a
// longer status in the last column).
func TestContinuationWiderLastColumn(t *testing.T) {
	ws := headedPage(cols3, "Åtgärd", "Ansvarig", "Status")
	ws = append(ws, cellsAt(cols3, 125, "1. Utse ombud", "Verksamhetschef", "Klar")...)
	p2 := cellsAt(cols3, 50, "2. Kartlägga flödet", "Chefläkare", "Pågår 2026")
	checkBlocks(t, `p1 H1 Insatser
p1 TABLE 3 cols, 2 rows
  head: Åtgärd | Ansvarig | Status
  r1 p1: 1. Utse ombud | Verksamhetschef | Klar
  r2 p2: 2. Kartlägga flödet | Chefläkare | Pågår 2026
`, ws, p2)
}

// headedPage is an "Insatser" heading over a bold header row at y 100 with
// columns starting at xs.
func headedPage(xs []float64, heads ...string) []rccplans.Word {
	return append(words(40, 60, "Insatser", 14, true), headerAt(xs, 100, heads...)...)
}

// headerAt is a row of bold header cells at y in columns starting at xs.
func headerAt(xs []float64, y float64, heads ...string) []rccplans.Word {
	var ws []rccplans.Word
	for c, h := range heads {
		ws = append(ws, words(xs[c]+3, y, h, bodyFS, true)...)
	}
	return ws
}

// twoLineRow is a row in cols3 whose first two cells go on ("går
// vidare.") on the line below.
func twoLineRow(y, lh float64, cells ...string) []rccplans.Word {
	return append(cellsAt(cols3, y, cells...), cellsAt(cols3, y+lh, "går vidare.", "går vidare.")...)
}

// cellsAt is a row of plain cells at y in columns starting at xs (an
// empty cell prints nothing).
func cellsAt(xs []float64, y float64, cells ...string) []rccplans.Word {
	var ws []rccplans.Word
	for c, x := range cells {
		ws = append(ws, words(xs[c]+3, y, x, bodyFS, false)...)
	}
	return ws
}

// checkBlocks compares the blocks of pages (one word list a page) with a
// dumpBlocks listing.
func checkBlocks(t *testing.T, want string, pages ...[]rccplans.Word) {
	t.Helper()
	var ps []rccplans.Page
	for i, ws := range pages {
		ps = append(ps, page(i+1, ws, nil))
	}
	bs, _ := Blocks("test.pdf", ps)
	if got := dumpBlocks(bs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestHeaderContinuation: a bold line right under a borderless header
// joins it when set at line spacing (a header typed over two lines) or
// when its words could not have fitted on the header's line (wrapped by
// width); a bold line set apart by a cell's padding whose words would
// have fitted is the first row (a band naming an area), not header.
func TestHeaderContinuation(t *testing.T) {
	lh := bodyFS * 1.2
	head := func() []rccplans.Word { return headerAt(cols3, 100, "Mål", "Aktivitet", "Ansvarig") }
	body := func(y float64) []rccplans.Word { return twoLineRow(y, lh, "Mål ett", "Akt ett", "VC") }
	tests := []struct {
		name string
		next []rccplans.Word // the bold line under the header
		want string
	}{
		{
			name: "band a padding below",
			next: words(cols3[0]+3, 100+lh+0.5*lh, "A. Levnadsvanor", bodyFS, true),
			// a title row of the table, split off as a band heading
			want: "p1 H1 A. Levnadsvanor\np1 TABLE 3 cols, 1 rows\n  head: Mål | Aktivitet | Ansvarig\n  r1 p1: Mål ett går vidare. | Akt ett går vidare. | VC\n",
		},
		{
			name: "second header line at line spacing",
			next: words(cols3[1]+3, 100+lh+0.05*lh, "i regionen", bodyFS, true),
			want: "  head: Mål | Aktivitet i regionen | Ansvarig\n  r1 p1: Mål ett går vidare. | Akt ett går vidare. | VC\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := append(head(), tt.next...)
			ws = append(ws, body(100+3*lh)...)
			bs, _ := Blocks("test.pdf", []rccplans.Page{page(1, ws, nil)})
			got := dumpBlocks(bs)
			if !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to hold\n%s", got, tt.want)
			}
		})
	}
}

// TestFirstColumnBand: a bold line of the body's size alone in the first
// column of a borderless table, over a row set in the columns, is a title
// row of the table (a band naming the rows' area: split off as a Band
// heading between the table's parts), not a heading that ends the table;
// a larger one is the next chapter's heading.
func TestFirstColumnBand(t *testing.T) {
	lh := bodyFS * 1.2
	row := func(y float64, a, b, c string) []rccplans.Word { return twoLineRow(y, lh, a, b, c) }
	tests := []struct {
		name string
		size float64
		band bool
	}{
		{"band in the body's size", bodyFS, true},
		{"larger: a heading", 14, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := headerAt(cols3, 100, "Mål", "Aktivitet", "Ansvarig")
			ws = append(ws, row(100+1.5*lh, "Mål ett", "Akt ett", "VC")...)
			ws = append(ws, words(cols3[0]+3, 100+4*lh, "B. Screening", tt.size, true)...)
			ws = append(ws, row(100+4*lh+tt.size*1.2+0.5*lh, "Mål två", "Akt två", "RCC")...)
			bs, _ := Blocks("test.pdf", []rccplans.Page{page(1, ws, nil)})
			found := false
			for _, b := range bs {
				if b.Kind == rccplans.BlockHeading && b.Text == "B. Screening" {
					found = true
					if b.Band != tt.band {
						t.Errorf("heading %q: band %v, want %v\n%s", b.Text, b.Band, tt.band, dumpBlocks(bs))
					}
				}
			}
			if !found {
				t.Errorf("no heading B. Screening:\n%s", dumpBlocks(bs))
			}
		})
	}
}

// TestCutRowThenCentredRow: on the next page, under the repeated header,
// the rest of a row cut by the page break fills two columns (the goal and
// the activity run on); after whitespace across the table comes a row
// whose cells are centred vertically (its first cell starts a line lower
// than its goal). The whitespace ends the cut row: every column outside
// the key ones that the rest has text in starts again, and the new row
// fills more of them. A paragraph break inside the activity alone is no
// new row.
func TestCutRowThenCentredRow(t *testing.T) {
	xs := []float64{40, 160, 360, 560, 700}
	heads := []string{"Område", "Mål", "Aktivitet", "Ansvarig", "Status"}
	lh := bodyFS * 1.3
	at := func(y float64, cells ...string) []rccplans.Word { return cellsAt(xs, y, cells...) }
	// Page 1: a row that runs to the page foot with its goal and activity
	// unfinished.
	p1 := headedPage(xs, heads...)
	y := 100 + 1.5*lh
	p1 = append(p1, at(y, "", "Första målet ska", "Göra det första", "")...)
	p1 = append(p1, at(y+lh, "Prevention", "nås under året.", "och sedan mer.", "Chef", "Pågår")...)
	y += 2.5 * lh
	p1 = append(p1, at(y, "Screening", "Andra målet ska", "Göra det andra", "Enhet", "Klar")...)
	for k := 1; k < 34; k++ {
		p1 = append(p1, at(y+float64(k)*lh, "", "och gälla", "och ännu mer")...)
	}
	p1 = append(p1, at(y+34*lh, "", "gälla alla", "och mer")...)
	tests := []struct {
		name   string
		page2  func() []rccplans.Word
		wantR3 string // the third body row, "" if none
	}{
		{
			name: "a centred row after the cut row's rest",
			page2: func() []rccplans.Word {
				ws := headerAt(xs, 50, heads...)
				ws = append(ws, at(50+1.5*lh, "", "i regionen.", "till slut.")...)
				y := 50 + 3.5*lh
				ws = append(ws, at(y, "", "Tredje målet ska", "Göra det tredje")...)
				ws = append(ws, at(y+lh, "Rehabilitering", "nås snart.", "och klart.", "Samordnare", "Ej startad")...)
				return ws
			},
			wantR3: "Rehabilitering | Tredje målet ska nås snart. | Göra det tredje och klart. | Samordnare | Ej startad",
		},
		{
			name: "a paragraph break in the activity alone",
			page2: func() []rccplans.Word {
				ws := headerAt(xs, 50, heads...)
				ws = append(ws, at(50+1.5*lh, "", "i regionen.", "till slut.")...)
				ws = append(ws, at(50+3.5*lh, "", "", "Ett nytt stycke.")...)
				return ws
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs, _ := Blocks("test.pdf", []rccplans.Page{page(1, p1, nil), page(2, tt.page2(), nil)})
			var tab *rccplans.Table
			for _, b := range bs {
				if b.Kind == rccplans.BlockTable {
					if tab != nil {
						t.Fatalf("two tables:\n%s", dumpBlocks(bs))
					}
					tab = b.Table
				}
			}
			if tab == nil {
				t.Fatalf("no table:\n%s", dumpBlocks(bs))
			}
			want := 2
			if tt.wantR3 != "" {
				want = 3
			}
			if len(tab.Rows) != want {
				t.Fatalf("%d rows, want %d:\n%s", len(tab.Rows), want, dumpBlocks(bs))
			}
			if r := tab.Rows[1].Cells[1].Text; !strings.HasSuffix(r, "gälla alla i regionen.") {
				t.Errorf("cut row's goal %q: want it to end with the rest from page 2", r)
			}
			if tt.wantR3 != "" {
				var cs []string
				for _, c := range tab.Rows[2].Cells {
					cs = append(cs, c.Text)
				}
				if got := strings.Join(cs, " | "); got != tt.wantR3 {
					t.Errorf("row 3 %q, want %q", got, tt.wantR3)
				}
			} else if a := tab.Rows[1].Cells[2].Text; !strings.HasSuffix(a, "till slut. Ett nytt stycke.") {
				t.Errorf("cut row's activity %q: want the paragraph in it", a)
			}
		})
	}
}

// TestTightGutters: a borderless table whose cells are filled so close
// to the next column that the gap between them is no wider than a
// gutter between segments (under half an em). A line of such cells runs
// over the columns in one segment, like prose; but each column boundary
// it runs over falls where a word starts right at the column's header,
// after a gap wider than the line's word spaces: it is cells, and the
// table goes on. Prose under the table, its words evenly spaced, still
// ends it.
func TestTightGutters(t *testing.T) {
	lh := bodyFS * 1.3
	// filled lays text out from x0 with the last word stretched to end
	// at x1 (a cell filled to its edge).
	filled := func(x0, x1, y float64, text string) []rccplans.Word {
		ws := words(x0, y, text, bodyFS, false)
		ws[len(ws)-1].X1 = x1
		return ws
	}
	ws := headedPage(cols3, "Område", "Mål", "Aktivitet")
	y := 100 + 1.5*lh
	ws = append(ws, cellsAt(cols3, y, "Första", "Ett mål.", "En aktivitet.")...)
	y += 2 * lh
	ws = append(ws, filled(cols3[0]+3, cols3[1]-1, y, "Andra området")...)
	ws = append(ws, filled(cols3[1]+3, cols3[2]-1, y, "Ett mål som fyller cellen")...)
	ws = append(ws, filled(cols3[2]+3, cols3[2]+150, y, "Aktiviteten fyller också")...)
	ws = append(ws, cellsAt(cols3, y+lh, "", "hela vägen.", "sin cell.")...)
	y += 3 * lh
	ws = append(ws, cellsAt(cols3, y, "Tredje", "Mål tre.", "Akt tre.")...)
	ws = append(ws, words(40, y+2.5*lh, "Text under tabellen som löper över alla kolumner i hela dess bredd och slutar.", bodyFS, false)...)
	checkBlocks(t, `p1 H1 Insatser
p1 TABLE 3 cols, 3 rows
  head: Område | Mål | Aktivitet
  r1 p1: Första | Ett mål. | En aktivitet.
  r2 p1: Andra området | Ett mål som fyller cellen hela vägen. | Aktiviteten fyller också sin cell.
  r3 p1: Tredje | Mål tre. | Akt tre.
p1 P Text under tabellen som löper över alla kolumner i hela dess bredd och slutar.
`, ws)
}

// TestMergedFirstColumnUnderRules: a table of horizontal rules whose first
// column holds a cell merged over several rows: the rules between those
// rows start right of the first column. The merged cell's lines below
// such a rule (even a new sentence) are still its own, and each row
// under it shares it; a rule across the whole table starts a new one.
func TestMergedFirstColumnUnderRules(t *testing.T) {
	xs := []float64{40, 200, 400, 600}
	lh := bodyFS * 1.3
	at := func(y float64, cells ...string) []rccplans.Word { return cellsAt(xs, y, cells...) }
	ws := headedPage(xs, "Område", "Mål", "Aktivitet")
	rs := []rccplans.Rule{hrule(xs[0], 800, 97), hrule(xs[0], 800, 113)}
	y := 116.0
	ws = append(ws, at(y, "Ett område som", "Mål ett.", "Akt ett.")...)
	ws = append(ws, at(y+lh, "sträcker sig över.")...)
	y += lh + bodyFS*1.2 + 2
	rs = append(rs, hrule(xs[1], 800, y)) // under the second column on: the first stays open
	y += 3
	ws = append(ws, at(y, "Tre rader.", "Mål två.", "Akt två.")...)
	y += lh + 3
	rs = append(rs, hrule(xs[1], 800, y))
	y += 3
	ws = append(ws, at(y, "", "Mål tre.", "Akt tre.")...)
	y += lh + 3
	rs = append(rs, hrule(xs[0], 800, y))
	y += 3
	ws = append(ws, at(y, "Nytt område", "Mål fyra.", "Akt fyra.")...)
	rs = append(rs, hrule(xs[0], 800, y+lh+3))
	bs, _ := Blocks("test.pdf", []rccplans.Page{page(1, ws, rs)})
	want := `p1 H1 Insatser
p1 TABLE 3 cols, 4 rows
  head: Område | Mål | Aktivitet
  r1 p1: Ett område som sträcker sig över. Tre rader. | Mål ett. | Akt ett.
  r2 p1: ^Ett område som sträcker sig över. Tre rader. | Mål två. | Akt två.
  r3 p1: ^Ett område som sträcker sig över. Tre rader. | Mål tre. | Akt tre.
  r4 p1: Nytt område | Mål fyra. | Akt fyra.
`
	if got := dumpBlocks(bs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestShadedStatusRows: a borderless table whose status cells are
// coloured (one column of shading, each cell filled to its row's height)
// and whose rows are set as close as their lines, cells centred
// vertically. The shading's edges are the rows' edges.
func TestShadedStatusRows(t *testing.T) {
	xs := []float64{40, 120, 340, 600}
	lh := bodyFS * 1.3
	ws := headedPage(xs, "Status", "Mål", "Aktivitet")
	var rs []rccplans.Rule
	top := 100 + bodyFS*1.2 + 2
	rows := [][3]string{
		{"Grön", "Ett mål som går|över två rader", "Göra något som|också tar två"},
		{"Röd", "Ett annat mål som|går över två", "Göra något annat|i två rader"},
		{"Gul", "Ett tredje mål|i två rader", "Göra det sista|på två rader"},
	}
	for _, r := range rows {
		ws = append(ws, words(xs[0]+3, top+1+0.5*lh, r[0], bodyFS, false)...)
		ws = append(ws, lines(xs[1]+3, top+1, bodyFS, false, strings.Split(r[1], "|")...)...)
		ws = append(ws, lines(xs[2]+3, top+1, bodyFS, false, strings.Split(r[2], "|")...)...)
		bot := top + 2*lh + 0.8
		rs = append(rs, fill(xs[0], top, xs[1], bot)...)
		top = bot
	}
	bs, _ := Blocks("test.pdf", []rccplans.Page{page(1, ws, rs)})
	want := `p1 H1 Insatser
p1 TABLE 3 cols, 3 rows
  head: Status | Mål | Aktivitet
  r1 p1: Grön | Ett mål som går över två rader | Göra något som också tar två
  r2 p1: Röd | Ett annat mål som går över två | Göra något annat i två rader
  r3 p1: Gul | Ett tredje mål i två rader | Göra det sista på två rader
`
	if got := dumpBlocks(bs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestBoldFirstCellWraps: a table whose first-column cells are set in
// bold ("Fokus 2:" / "Diagnostik") wraps a cell onto a line of its own
// at line spacing right under its first line: that line is the cell's,
// not a title row across the table nor a heading after it, mid-table
// or at the table's foot. A bold line after whitespace still is a title
// row.
func TestBoldFirstCellWraps(t *testing.T) {
	xs := []float64{40, 160, 400, 640}
	lh := bodyFS * 1.3
	row := func(y float64, area1, area2, goal, act string) []rccplans.Word {
		ws := words(xs[0]+3, y, area1, bodyFS, true)
		ws = append(ws, cellsAt(xs, y, "", goal, act)...)
		return append(ws, words(xs[0]+3, y+lh, area2, bodyFS, true)...)
	}
	ws := headedPage(xs, "Område", "Mål", "Aktivitet")
	y := 100 + 1.5*lh
	ws = append(ws, row(y, "Fokus 1:", "Prevention", "Ett mål.", "Göra något.")...)
	y += 2.5 * lh
	ws = append(ws, words(xs[0]+3, y, "B. Andra delen", bodyFS, true)...)
	y += 1.5 * lh
	ws = append(ws, row(y, "Fokus 2:", "Diagnostik", "Ett annat mål.", "Göra mer.")...)
	y += 2.5 * lh
	ws = append(ws, row(y, "Fokus 3:", "Vård", "Ett tredje mål.", "Göra det sista.")...)
	checkBlocks(t, `p1 H1 Insatser
p1 TABLE 3 cols, 1 rows
  head: Område | Mål | Aktivitet
  r1 p1: Fokus 1: Prevention | Ett mål. | Göra något.
p1 H2 B. Andra delen
p1 TABLE 3 cols, 2 rows
  head: Område | Mål | Aktivitet
  r1 p1: Fokus 2: Diagnostik | Ett annat mål. | Göra mer.
  r2 p1: Fokus 3: Vård | Ett tredje mål. | Göra det sista.
`, ws)
}

// TestGluedCells: cells set with no gap between them: the PDF reader
// glued the end of one cell and the start of the next into one word
// ("enhetenKlar", "enheten2026"). A word that runs over a column's start
// (the header's left edge) is cut where its letters change from small to
// a capital or a digit near that start, on the header's page and on the
// next, where the table goes on without its header.
func TestGluedCells(t *testing.T) {
	xs := []float64{40, 200, 400, 560, 700}
	heads := []string{"Mål", "Aktivitet", "Ansvarig", "Status"}
	lh := bodyFS * 1.3
	// glued is a cell's text ending right at the next column's start
	// (xs[c+1]+3) and glued to that cell's first word.
	glued := func(c int, y float64, left, right string) []rccplans.Word {
		lw := words(0, y, left, bodyFS, false)
		width := lw[len(lw)-1].X1
		shift := xs[c+1] + 3 - width
		for i := range lw {
			lw[i].X0 += shift
			lw[i].X1 += shift
		}
		last := &lw[len(lw)-1]
		last.Text += right
		last.X1 += float64(len([]rune(right))) * bodyFS * 0.5
		return lw
	}
	p1 := headedPage(xs, heads...)
	y := 100 + 1.5*lh
	p1 = append(p1, cellsAt(xs, y, "Ett mål som", "Göra något.")...)
	p1 = append(p1, glued(2, y, "Chef för enheten", "Klar")...)
	p1 = append(p1, cellsAt(xs, y+lh, "går vidare.")...)
	y += 2.5 * lh
	p1 = append(p1, cellsAt(xs, y, "Ett annat mål", "Göra mer.")...)
	p1 = append(p1, glued(2, y, "Chef för vården", "Pågår")...)
	p1 = append(p1, cellsAt(xs, y+lh, "som går vidare.")...)
	p2 := cellsAt(xs, 50, "Ett tredje mål", "Göra det sista.")
	p2 = append(p2, glued(2, 50, "Chef för kliniken", "Avvaktar")...)
	p2 = append(p2, cellsAt(xs, 50+lh, "till slut.")...)
	checkBlocks(t, `p1 H1 Insatser
p1 TABLE 4 cols, 3 rows
  head: Mål | Aktivitet | Ansvarig | Status
  r1 p1: Ett mål som går vidare. | Göra något. | Chef för enheten | Klar
  r2 p1: Ett annat mål som går vidare. | Göra mer. | Chef för vården | Pågår
  r3 p2: Ett tredje mål till slut. | Göra det sista. | Chef för kliniken | Avvaktar
`, p1, p2)
}

// TestHeaderLineWeight: a line of gutter-separated column names is a
// header in bold; in the regular weight when every one of three or more
// names a column, or when four or more do and one more is unknown (a bold
// face whose weight the PDF does not tell, as a Type 3 font, reads as
// regular); three names and an unknown one in the regular weight may be
// body text.
func TestHeaderLineWeight(t *testing.T) {
	tests := []struct {
		name  string
		cells []string
		bold  bool
		want  bool
	}{
		{"bold, two names", []string{"Mål", "Aktivitet"}, true, true},
		{"regular, three names", []string{"Mål", "Aktivitet", "Status"}, false, true},
		{"regular, four names and one unknown", []string{"Nr", "Aktivitet", "Koppling till strategin", "Ansvarig", "Tidsram", "Status"}, false, true},
		{"regular, three names and one unknown", []string{"Aktivitet", "Koppling till strategin", "Ansvarig", "Status"}, false, false},
		{"regular, four names and two unknown", []string{"Aktivitet", "Koppling", "Ansvarig", "Tidsram", "Status", "Övrigt"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ws []rccplans.Word
			x := 40.0
			for _, c := range tt.cells {
				ws = append(ws, words(x, 100, c, 9, tt.bold)...)
				x += 110
			}
			ls := buildLines(ws)
			if len(ls) != 1 {
				t.Fatalf("%d lines", len(ls))
			}
			if got := headerLine(&ls[0]); got != tt.want {
				t.Errorf("headerLine = %v, want %v (segments %d)", got, tt.want, len(segments(&ls[0])))
			}
		})
	}
}

// TestBottomAlignedRows: a borderless table whose rows are set as close
// as the lines inside a cell (a spreadsheet's export) with the cells at
// the bottom of their rows: a line with text in fewer columns than the
// next is the top of that row's wrapped cells (their text goes on there,
// not with a capital). Cells at the top of rows set apart by whitespace
// are read as before.
func TestBottomAlignedRows(t *testing.T) {
	head := headedPage(cols3, "Aktivitet", "Ansvarig", "Status")
	row := func(y float64, cells ...string) []rccplans.Word { return cellsAt(cols3, y, cells...) }
	tests := []struct {
		name string
		body [][]rccplans.Word
		want string
	}{
		{
			name: "cells at the bottom",
			body: [][]rccplans.Word{
				row(118, "Utse ombud", "Chefläkare", "Pågår"),
				row(128.6, "Kartläggning av"),
				row(138.4, "flödet", "Verksamhetschef", "Klar"),
				row(149, "Ny rutin", "Samordnare", "Väntar"),
				row(159.6, "Utbildning för"),
				row(169.4, "personal", "Chefläkare", "Klar"),
			},
			want: `p1 H1 Insatser
p1 TABLE 3 cols, 4 rows
  head: Aktivitet | Ansvarig | Status
  r1 p1: Utse ombud | Chefläkare | Pågår
  r2 p1: Kartläggning av flödet | Verksamhetschef | Klar
  r3 p1: Ny rutin | Samordnare | Väntar
  r4 p1: Utbildning för personal | Chefläkare | Klar
`,
		},
		{
			name: "two cells wrapped at the bottom",
			body: [][]rccplans.Word{
				row(118, "Utse ombud", "Chefläkare", "Pågår"),
				row(128.6, "Kartläggning av", "Verksamhetschef"),
				row(138.4, "flödet", "för vården", "Klar"),
				row(149, "Ny rutin", "Samordnare", "Väntar"),
				row(159.6, "Utbildning för"),
				row(169.4, "personal", "Chefläkare", "Klar"),
			},
			want: `p1 H1 Insatser
p1 TABLE 3 cols, 4 rows
  head: Aktivitet | Ansvarig | Status
  r1 p1: Utse ombud | Chefläkare | Pågår
  r2 p1: Kartläggning av flödet | Verksamhetschef för vården | Klar
  r3 p1: Ny rutin | Samordnare | Väntar
  r4 p1: Utbildning för personal | Chefläkare | Klar
`,
		},
		{
			name: "cells at the top, rows set apart",
			body: [][]rccplans.Word{
				row(118, "Utse ombud", "Chefläkare", "Pågår"),
				row(134, "Kartläggning av", "Verksamhetschef", "Klar"),
				row(143.8, "flödet"),
				row(160, "Ny rutin", "Samordnare", "Väntar"),
				row(176, "Utbildning för", "Chefläkare", "Klar"),
				row(185.8, "personal"),
			},
			want: `p1 H1 Insatser
p1 TABLE 3 cols, 4 rows
  head: Aktivitet | Ansvarig | Status
  r1 p1: Utse ombud | Chefläkare | Pågår
  r2 p1: Kartläggning av flödet | Verksamhetschef | Klar
  r3 p1: Ny rutin | Samordnare | Väntar
  r4 p1: Utbildning för personal | Chefläkare | Klar
`,
		},
		{
			name: "a cell's top above a number",
			body: [][]rccplans.Word{
				row(118, "Utse ombud", "Chefläkare", "Pågår"),
				row(128.6, "", "", "Svar inom"),
				row(138.4, "Kartlägga", "Verksamhetschef", "14 dagar"),
				row(149, "Ny rutin", "Samordnare", "Väntar"),
				row(159.6, "Utbildning för"),
				row(169.4, "personal", "Chefläkare", "Klar"),
			},
			want: `p1 H1 Insatser
p1 TABLE 3 cols, 4 rows
  head: Aktivitet | Ansvarig | Status
  r1 p1: Utse ombud | Chefläkare | Pågår
  r2 p1: Kartlägga | Verksamhetschef | Svar inom 14 dagar
  r3 p1: Ny rutin | Samordnare | Väntar
  r4 p1: Utbildning för personal | Chefläkare | Klar
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := append([]rccplans.Word(nil), head...)
			for _, r := range tc.body {
				ws = append(ws, r...)
			}
			checkBlocks(t, tc.want, ws)
		})
	}
}

// TestTitleOverColumns: a header whose title line runs over several
// narrow columns ("Kv Kv" over "1" "2") merges into the first one's
// anchor; that column still starts at its own name, so a mark in it set
// close to the column before stays in it.
func TestTitleOverColumns(t *testing.T) {
	xs := []float64{40, 242.3, 330, 345, 370}
	row := func(y float64, cells ...string) []rccplans.Word { return cellsAt(xs, y, cells...) }
	tests := []struct {
		name string
		body [][]rccplans.Word
		want string
	}{
		{
			name: "a mark right after the responsible",
			body: [][]rccplans.Word{
				row(130, "Utse ombud", "Chef hälsocentraler", "X", "X", "Pågår"),
				row(140.8, "i länet"),
				row(157, "Ny rutin", "Samordnare", "", "X", "Klar"),
				row(167.8, "för remisser"),
			},
			want: `p1 H1 Insatser
p1 TABLE 5 cols, 2 rows
  head: Aktivitet | Ansvarig | Kv Kv 1 | 2 | Status
  r1 p1: Utse ombud i länet | Chef hälsocentraler | X | X | Pågår
  r2 p1: Ny rutin för remisser | Samordnare |  | X | Klar
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := append(words(40, 60, "Insatser", 14, true), words(xs[2]+3, 100, "Kv Kv", bodyFS, true)...)
			ws = append(ws, headerAt(xs, 111, "Aktivitet", "Ansvarig", "1", "2", "Status")...)
			for _, r := range tc.body {
				ws = append(ws, r...)
			}
			checkBlocks(t, tc.want, ws)
		})
	}
}
