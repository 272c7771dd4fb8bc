package extract

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rccplans"
)

// The -update flag (declared in pdf_test.go) rewrites the golden files.

// Synthetic pages: A4 landscape, 9 pt body text, words half an em wide
// per character.

const (
	pw, ph = 842.0, 595.0
	bodyFS = 9.0
)

// words lays out text as words from (x, y) (top edge), one line.
func words(x, y float64, text string, size float64, bold bool) []rccplans.Word {
	var out []rccplans.Word
	for _, t := range strings.Fields(text) {
		w := float64(len([]rune(t))) * size * 0.5
		out = append(out, rccplans.Word{Box: rccplans.Box{X0: x, Y0: y, X1: x + w, Y1: y + size*1.2}, Text: t, Size: size, Bold: bold})
		x += w + size*0.3
	}
	return out
}

// lines lays out several lines of text from (x, y).
func lines(x, y float64, size float64, bold bool, text ...string) []rccplans.Word {
	var out []rccplans.Word
	for i, t := range text {
		out = append(out, words(x, y+float64(i)*size*1.3, t, size, bold)...)
	}
	return out
}

func hrule(x0, x1, y float64) rccplans.Rule {
	return rccplans.Rule{Box: rccplans.Box{X0: x0, Y0: y, X1: x1, Y1: y}, Width: 0.5}
}

func vrule(x, y0, y1 float64) rccplans.Rule {
	return rccplans.Rule{Box: rccplans.Box{X0: x, Y0: y0, X1: x, Y1: y1}, Width: 0.5}
}

// ruled draws a bordered table: column boundaries xs, row boundaries ys,
// cells[r][c] as lines of text ("|" separates lines; a leading "!" sets
// the cell bold). open[r][c] leaves out the rule under cell (r, c): the
// cell merges with the one below. The first row is set bold (a header).
func ruled(xs, ys []float64, cells [][]string, open map[[2]int]bool) ([]rccplans.Word, []rccplans.Rule) {
	var ws []rccplans.Word
	var rs []rccplans.Rule
	for r := 0; r+1 < len(ys); r++ {
		for c := 0; c+1 < len(xs); c++ {
			if r < len(cells) && c < len(cells[r]) && cells[r][c] != "" {
				t, bold := strings.CutPrefix(cells[r][c], "!")
				ws = append(ws, lines(xs[c]+3, ys[r]+3, bodyFS, r == 0 || bold, strings.Split(t, "|")...)...)
			}
		}
	}
	for c := 0; c+1 < len(xs); c++ {
		rs = append(rs, hrule(xs[c], xs[c+1], ys[0]))
		for r := 1; r < len(ys); r++ {
			if r < len(ys)-1 && open[[2]int{r - 1, c}] {
				continue
			}
			rs = append(rs, hrule(xs[c], xs[c+1], ys[r]))
		}
	}
	for _, x := range xs {
		rs = append(rs, vrule(x, ys[0], ys[len(ys)-1]))
	}
	return ws, rs
}

func page(n int, ws []rccplans.Word, rs []rccplans.Rule) rccplans.Page {
	return rccplans.Page{Number: n, Width: pw, Height: ph, Words: ws, Rules: rs}
}

var cols3 = []float64{40, 240, 440, 640}

func TestBlocks(t *testing.T) {
	head := []string{"Område", "Mål", "Aktivitet"}
	tests := []struct {
		name  string
		pages func() []rccplans.Page
		want  string
	}{
		{
			name: "3x3 bordered grid",
			pages: func() []rccplans.Page {
				ws, rs := ruled(cols3, []float64{100, 120, 160, 200}, [][]string{
					head,
					{"1.a) Första", "Ett mål som|fortsätter", "Göra något"},
					{"1.b) Andra", "Ett annat mål", "Göra mer"},
				}, nil)
				return []rccplans.Page{page(1, ws, rs)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Ett mål som fortsätter | Göra något
  r2 p1: 1.b) Andra | Ett annat mål | Göra mer
`,
		},
		{
			name: "vertically merged cell",
			pages: func() []rccplans.Page {
				ws, rs := ruled(cols3, []float64{100, 120, 160, 200, 240}, [][]string{
					head,
					{"1.a) Delad", "Gemensamt mål", "Första aktiviteten"},
					{"", "", "Andra aktiviteten"},
					{"1.b) Egen", "Eget mål", "Tredje aktiviteten"},
				}, map[[2]int]bool{{1, 0}: true, {1, 1}: true})
				return []rccplans.Page{page(1, ws, rs)}
			},
			want: `p1 TABLE 3 cols, 3 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Delad | Gemensamt mål | Första aktiviteten
  r2 p1: ^1.a) Delad | ^Gemensamt mål | Andra aktiviteten
  r3 p1: 1.b) Egen | Eget mål | Tredje aktiviteten
`,
		},
		{
			name: "continued on a second page with the header repeated",
			pages: func() []rccplans.Page {
				w1, r1 := ruled(cols3, []float64{440, 460, 540}, [][]string{head, {"1.a) Första", "Mål ett", "Aktivitet ett."}}, nil)
				w2, r2 := ruled(cols3, []float64{50, 70, 110}, [][]string{head, {"1.b) Andra", "Mål två", "Aktivitet två."}}, nil)
				return []rccplans.Page{page(1, w1, r1), page(2, w2, r2)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett | Aktivitet ett.
  r2 p2: 1.b) Andra | Mål två | Aktivitet två.
`,
		},
		{
			name: "row cut by a page break",
			pages: func() []rccplans.Page {
				w1, r1 := ruled(cols3, []float64{440, 460, 540}, [][]string{head, {"1.a) Första", "Ett mål som|bryts av", "Aktivitet som vård-"}}, nil)
				w2, r2 := ruled(cols3, []float64{50, 70, 110, 150}, [][]string{head,
					{"", "sidbrytningen", "programmet anger"},
					{"1.b) Andra", "Mål två", "Aktivitet två"}}, nil)
				return []rccplans.Page{page(1, w1, r1), page(2, w2, r2)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Ett mål som bryts av sidbrytningen | Aktivitet som vårdprogrammet anger
  r2 p2: 1.b) Andra | Mål två | Aktivitet två
`,
		},
		{
			name: "merged cell continued on the next page",
			pages: func() []rccplans.Page {
				w1, r1 := ruled(cols3, []float64{440, 460, 500, 540}, [][]string{head,
					{"2.a) Delad", "Gemensamt mål.", "Första."},
					{"", "", "Andra."}}, map[[2]int]bool{{1, 0}: true, {1, 1}: true})
				w2, r2 := ruled(cols3, []float64{50, 70, 110}, [][]string{head, {"", "", "Tredje."}}, nil)
				return []rccplans.Page{page(1, w1, r1), page(2, w2, r2)}
			},
			want: `p1 TABLE 3 cols, 3 rows
  head: Område | Mål | Aktivitet
  r1 p1: 2.a) Delad | Gemensamt mål. | Första.
  r2 p1: ^2.a) Delad | ^Gemensamt mål. | Andra.
  r3 p2: ^2.a) Delad | ^Gemensamt mål. | Tredje.
`,
		},
		{
			name: "borderless table",
			pages: func() []rccplans.Page {
				var ws []rccplans.Word
				ws = append(ws, words(40, 60, "SCREENING", 13, true)...)
				ws = append(ws, words(40, 90, "Målbild", bodyFS, true)...)
				ws = append(ws, words(300, 90, "Planerade aktiviteter", bodyFS, true)...)
				ws = append(ws, words(560, 90, "Nuläge och ansvar", bodyFS, true)...)
				ws = append(ws, lines(40, 115, bodyFS, false, "1. Ett mål som tar", "två rader")...)
				ws = append(ws, lines(300, 115, bodyFS, false, "Göra något")...)
				ws = append(ws, lines(560, 115, bodyFS, false, "Ansvar: X.", "Status: Pågående")...)
				ws = append(ws, lines(40, 150, bodyFS, false, "2. Nästa mål")...)
				ws = append(ws, lines(560, 150, bodyFS, false, "Ansvar: Y.")...)
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 H1 SCREENING
p1 TABLE 3 cols, 2 rows
  head: Målbild | Planerade aktiviteter | Nuläge och ansvar
  r1 p1: 1. Ett mål som tar två rader | Göra något | Ansvar: X. Status: Pågående
  r2 p1: 2. Nästa mål |  | Ansvar: Y.
`,
		},
		{
			name: "borderless table continued without its header",
			pages: func() []rccplans.Page {
				p1 := words(40, 440, "Målbild", bodyFS, true)
				p1 = append(p1, words(300, 440, "Planerade aktiviteter", bodyFS, true)...)
				p1 = append(p1, words(560, 440, "Nuläge och ansvar", bodyFS, true)...)
				p1 = append(p1, lines(40, 465, bodyFS, false, "1. Första målet", "som fortsätter")...)
				p1 = append(p1, lines(300, 465, bodyFS, false, "Göra ett", "och två och")...)
				p1 = append(p1, lines(560, 465, bodyFS, false, "Ansvar: X.")...)
				p2 := lines(40, 50, bodyFS, false, "på nästa sida")
				p2 = append(p2, lines(300, 50, bodyFS, false, "tre")...)
				p2 = append(p2, lines(40, 80, bodyFS, false, "2. Andra målet")...)
				p2 = append(p2, lines(560, 80, bodyFS, false, "Ansvar: Y.")...)
				return []rccplans.Page{page(1, p1, nil), page(2, p2, nil)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Målbild | Planerade aktiviteter | Nuläge och ansvar
  r1 p1: 1. Första målet som fortsätter på nästa sida | Göra ett och två och tre | Ansvar: X.
  r2 p2: 2. Andra målet |  | Ansvar: Y.
`,
		},
		{
			name: "borderless header wrapped below and above, rows split by whitespace",
			pages: func() []rccplans.Page {
				var ws []rccplans.Word
				ws = append(ws, words(300, 78, "Mätbar", bodyFS, true)...)
				ws = append(ws, words(40, 90, "Mål", bodyFS, true)...)
				ws = append(ws, words(150, 90, "Nuläge", bodyFS, true)...)
				ws = append(ws, words(300, 90, "målnivå", bodyFS, true)...)
				ws = append(ws, words(450, 90, "Aktiviteter för", bodyFS, true)...)
				ws = append(ws, words(450, 102, "måluppfyllelse", bodyFS, true)...)
				ws = append(ws, words(600, 90, "Ansvarig", bodyFS, true)...)
				ws = append(ws, lines(40, 125, bodyFS, false, "Screening ska", "införas")...)
				ws = append(ws, lines(150, 125, bodyFS, false, "Finns ej")...)
				ws = append(ws, lines(300, 125, bodyFS, false, "100%")...)
				ws = append(ws, lines(450, 125, bodyFS, false, "Starta")...)
				ws = append(ws, lines(600, 125, bodyFS, false, "VC")...)
				ws = append(ws, lines(40, 160, bodyFS, false, "Register ska", "användas")...)
				ws = append(ws, lines(450, 160, bodyFS, false, "Följa upp")...)
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 TABLE 5 cols, 2 rows
  head: Mål | Nuläge | Mätbar målnivå | Aktiviteter för måluppfyllelse | Ansvarig
  r1 p1: Screening ska införas | Finns ej | 100% | Starta | VC
  r2 p1: Register ska användas |  |  | Följa upp | 
`,
		},
		{
			name: "split row left without borders at the page foot",
			pages: func() []rccplans.Page {
				w1, r1 := ruled(cols3, []float64{440, 460, 500}, [][]string{head, {"1.a) Första", "Mål ett.", "Akt ett."}}, nil)
				w1 = append(w1, lines(43, 503, bodyFS, false, "1.b) Andra", "område")...)
				w1 = append(w1, lines(243, 503, bodyFS, false, "Mål som", "fortsätter")...)
				w1 = append(w1, lines(443, 503, bodyFS, false, "Akt som")...)
				w2, r2 := ruled(cols3, []float64{50, 70, 110}, [][]string{head, {"", "på sidan två", "går vidare."}}, nil)
				return []rccplans.Page{page(1, w1, r1), page(2, w2, r2)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Akt ett.
  r2 p1: 1.b) Andra område | Mål som fortsätter på sidan två | Akt som går vidare.
`,
		},
		{
			name: "row open at the bottom and top, side borders only",
			pages: func() []rccplans.Page {
				w1, r1 := ruled(cols3, []float64{440, 460, 500}, [][]string{head, {"1.a) Första", "Mål ett.", "Akt ett."}}, nil)
				w1 = append(w1, lines(43, 503, bodyFS, false, "1.b) Andra")...)
				w1 = append(w1, lines(243, 503, bodyFS, false, "Mål som", "fortsätter")...)
				w1 = append(w1, lines(443, 503, bodyFS, false, "Akt två.")...)
				for _, x := range cols3 {
					r1 = append(r1, vrule(x, 500, 530))
				}
				w2, r2 := ruled(cols3, []float64{80, 120}, [][]string{{"1.c) Tredje", "Mål tre.", "Akt tre."}}, nil)
				w2 = append(w2, lines(243, 50, bodyFS, false, "på sidan två")...)
				for _, x := range cols3 {
					r2 = append(r2, vrule(x, 45, 80))
				}
				return []rccplans.Page{page(1, w1, r1), page(2, w2, r2)}
			},
			want: `p1 TABLE 3 cols, 3 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Akt ett.
  r2 p1: 1.b) Andra | Mål som fortsätter på sidan två | Akt två.
  r3 p2: 1.c) Tredje | Mål tre. | Akt tre.
`,
		},
		{
			name: "shaded header cells inside borders, shaded header over a borderless body",
			pages: func() []rccplans.Page {
				ws, rs := ruled(cols3, []float64{100, 130, 170}, [][]string{head, {"1.a) Första", "Mål ett", "Akt ett"}}, nil)
				for c := 0; c+1 < len(cols3); c++ { // shading bars: edges without thickness
					x0, x1 := cols3[c]+1, cols3[c+1]-1
					rs = append(rs, rccplans.Rule{Box: rccplans.Box{X0: x0, Y0: 103, X1: x1, Y1: 103}},
						rccplans.Rule{Box: rccplans.Box{X0: x0, Y0: 115, X1: x1, Y1: 115}},
						rccplans.Rule{Box: rccplans.Box{X0: x0, Y0: 103, X1: x0, Y1: 115}},
						rccplans.Rule{Box: rccplans.Box{X0: x1, Y0: 103, X1: x1, Y1: 115}})
				}
				hw := words(40, 300, "Målbild", bodyFS, true)
				hw = append(hw, words(300, 300, "Planerade aktiviteter", bodyFS, true)...)
				for _, x := range [][2]float64{{38, 290}, {298, 500}} {
					rs = append(rs, rccplans.Rule{Box: rccplans.Box{X0: x[0], Y0: 298, X1: x[1], Y1: 298}},
						rccplans.Rule{Box: rccplans.Box{X0: x[0], Y0: 312, X1: x[1], Y1: 312}},
						rccplans.Rule{Box: rccplans.Box{X0: x[0], Y0: 298, X1: x[0], Y1: 312}},
						rccplans.Rule{Box: rccplans.Box{X0: x[1], Y0: 298, X1: x[1], Y1: 312}})
				}
				ws = append(ws, hw...)
				ws = append(ws, lines(40, 325, bodyFS, false, "1. Ett mål")...)
				ws = append(ws, lines(300, 325, bodyFS, false, "Göra det")...)
				return []rccplans.Page{page(1, ws, rs)}
			},
			want: `p1 TABLE 3 cols, 1 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett | Akt ett
p1 TABLE 2 cols, 1 rows
  head: Målbild | Planerade aktiviteter
  r1 p1: 1. Ett mål | Göra det
`,
		},
		{
			name: "two-level ruled header",
			pages: func() []rccplans.Page {
				xs := []float64{40, 240, 340, 440}
				ws, rs := ruled(xs, []float64{100, 115, 130, 160}, [][]string{
					{"Mål", "Uppföljning", ""},
					{"", "!2022", "!2023"},
					{"Ett mål", "Klart", "Pågår"},
				}, map[[2]int]bool{{0, 0}: true})
				// The group header spans two columns: no rule between them on top.
				var keep []rccplans.Rule
				for _, r := range rs {
					if r.X0 == r.X1 && r.X0 == 340 && r.Y0 == 100 {
						keep = append(keep, vrule(340, 115, 160))
						continue
					}
					keep = append(keep, r)
				}
				return []rccplans.Page{page(1, ws, keep)}
			},
			want: `p1 TABLE 3 cols, 1 rows
  head: Mål | Uppföljning | Uppföljning
  head: Mål | 2022 | 2023
  r1 p1: Ett mål | Klart | Pågår
`,
		},
		{
			// "Mål" spans the number column and the goal's; the table
			// is set in a bold face throughout, so the first row is as
			// bold as the header: its long cells are no header names.
			name: "a header cell over two columns, the body as bold as the header",
			pages: func() []rccplans.Page {
				xs := []float64{40, 80, 340, 500}
				ws, rs := ruled(xs, []float64{100, 115, 160, 205}, [][]string{
					{"Mål", "", "Aktivitet"},
					{"!1.1", "!Ett mål som är långt nog att|gå över två rader.", "!Göra något."},
					{"!1.2", "!Ett annat mål som också är långt|och går över två rader.", "!Göra mer."},
				}, nil)
				var keep []rccplans.Rule
				for _, r := range rs {
					if r.X0 == r.X1 && r.X0 == 80 {
						keep = append(keep, vrule(80, 115, 205))
						continue
					}
					keep = append(keep, r)
				}
				return []rccplans.Page{page(1, ws, keep)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Mål | Mål | Aktivitet
  r1 p1: 1.1 | Ett mål som är långt nog att gå över två rader. | Göra något.
  r2 p1: 1.2 | Ett annat mål som också är långt och går över två rader. | Göra mer.
`,
		},
		{
			name: "continued without a repeated header, next row starts fresh",
			pages: func() []rccplans.Page {
				w1, r1 := ruled(cols3, []float64{440, 460, 540}, [][]string{head, {"1.a) Första", "Mål ett.", "Aktivitet ett."}}, nil)
				w2, r2 := ruled(cols3, []float64{50, 90}, [][]string{{"1.b) Andra", "Mål två.", "Aktivitet två."}}, nil)
				for i := range w2 {
					w2[i].Bold = false
				}
				w2 = append(w2, words(40, 120, "Efter tabellen.", bodyFS, false)...)
				return []rccplans.Page{page(1, w1, r1), page(2, w2, r2)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Aktivitet ett.
  r2 p2: 1.b) Andra | Mål två. | Aktivitet två.
p2 P Efter tabellen.
`,
		},
		{
			name: "prose: heading levels, paragraphs, bullets, a paragraph over a page break",
			pages: func() []rccplans.Page {
				body := func(x, y float64, t ...string) []rccplans.Word { return lines(x, y, 11, false, t...) }
				p1 := words(40, 60, "KAPITEL 1 Bakgrund", 18, true)
				p1 = append(p1, words(40, 100, "1.1 Första avsnittet", 14, true)...)
				p1 = append(p1, body(40, 125, "En mening som fortsätter på nästa", "rad utan avbrott.")...)
				p1 = append(p1, body(40, 170, "Nytt stycke efter luft.")...)
				p1 = append(p1, body(40, 200, "\uf0b7 En punkt", "\uf0b7 En annan punkt")...)
				p1 = append(p1, words(40, 240, "1.1.1 Underavsnitt", 12, true)...)
				long := "Ett långt stycke som fyller hela raden och fortsätter på nästa sida med"
				p1 = append(p1, body(40, 262, long, long)...)
				p2 := body(40, 60, "fler ord där.")
				return []rccplans.Page{page(1, p1, nil), page(2, p2, nil)}
			},
			want: `p1 H1 KAPITEL 1 Bakgrund
p1 H2 1.1 Första avsnittet
p1 P En mening som fortsätter på nästa rad utan avbrott.
p1 P Nytt stycke efter luft.
p1 P En punkt
p1 P En annan punkt
p1 H3 1.1.1 Underavsnitt
p1 P Ett långt stycke som fyller hela raden och fortsätter på nästa sida med Ett långt stycke som fyller hela raden och fortsätter på nästa sida med fler ord där.
`,
		},
		{
			name: "borderless sub-rows: two activities under one goal",
			pages: func() []rccplans.Page {
				ws := words(40, 90, "Målbild", bodyFS, true)
				ws = append(ws, words(300, 90, "Planerade aktiviteter", bodyFS, true)...)
				ws = append(ws, words(560, 90, "Ansvar", bodyFS, true)...)
				ws = append(ws, lines(40, 115, bodyFS, false, "1. Ett mål för", "två aktiviteter")...)
				ws = append(ws, lines(300, 115, bodyFS, false, "Första aktiviteten", "", "Ett nytt stycke i cellen")...)
				ws = append(ws, lines(560, 115, bodyFS, false, "Chef A")...)
				ws = append(ws, lines(300, 160, bodyFS, false, "Andra aktiviteten")...)
				ws = append(ws, lines(560, 160, bodyFS, false, "Chef B")...)
				ws = append(ws, lines(40, 190, bodyFS, false, "2. Nästa mål")...)
				ws = append(ws, lines(300, 190, bodyFS, false, "Tredje")...)
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 TABLE 3 cols, 3 rows
  head: Målbild | Planerade aktiviteter | Ansvar
  r1 p1: 1. Ett mål för två aktiviteter | Första aktiviteten Ett nytt stycke i cellen | Chef A
  r2 p1: ^1. Ett mål för två aktiviteter | Andra aktiviteten | Chef B
  r3 p1: 2. Nästa mål | Tredje | 
`,
		},
		{
			name: "borderless cells centred vertically: a taller cell starts above its row's first cell",
			pages: func() []rccplans.Page {
				y := func(k int) float64 { return 115 + float64(k)*bodyFS*1.3 }
				ws := words(40, 90, "Mål", bodyFS, true)
				ws = append(ws, words(300, 90, "Aktivitet", bodyFS, true)...)
				ws = append(ws, words(560, 90, "Ansvarig", bodyFS, true)...)
				ws = append(ws, lines(40, y(1), bodyFS, false, "Första målet.")...)
				ws = append(ws, lines(300, y(0), bodyFS, false, "Göra A", "och mer")...)
				ws = append(ws, lines(560, y(0), bodyFS, false, "Chef A", "och", "chef", "B")...)
				ws = append(ws, lines(300, y(3), bodyFS, false, "Nästa", "steg", "här")...)
				ws = append(ws, lines(40, y(4), bodyFS, false, "Andra målet.")...)
				ws = append(ws, lines(560, y(5), bodyFS, false, "Chef C")...)
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Mål | Aktivitet | Ansvarig
  r1 p1: Första målet. | Göra A och mer | Chef A och chef B
  r2 p1: Andra målet. | Nästa steg här | Chef C
`,
		},
		{
			name: "borderless cells centred vertically, the first column empty where a row starts",
			pages: func() []rccplans.Page {
				y := func(k int) float64 { return 115 + float64(k)*bodyFS*1.3 }
				ws := words(40, 90, "Mål", bodyFS, true)
				ws = append(ws, words(300, 90, "Aktivitet", bodyFS, true)...)
				ws = append(ws, words(560, 90, "Ansvarig", bodyFS, true)...)
				ws = append(ws, lines(40, y(1), bodyFS, false, "Första målet.")...)
				ws = append(ws, lines(300, y(0), bodyFS, false, "Göra A", "och mer", "och mest")...)
				ws = append(ws, lines(560, y(1), bodyFS, false, "Chef A")...)
				ws = append(ws, lines(300, y(4), bodyFS, false, "Nästa", "steg", "här")...)
				ws = append(ws, lines(40, y(5), bodyFS, false, "Andra målet.")...)
				ws = append(ws, lines(560, y(5), bodyFS, false, "Chef C")...)
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Mål | Aktivitet | Ansvarig
  r1 p1: Första målet. | Göra A och mer och mest | Chef A
  r2 p1: Andra målet. | Nästa steg här | Chef C
`,
		},
		{
			// LibreOffice: lines set closer than their boxes are tall, so
			// cells half a line apart share a line; cells filled to their
			// padding leave less than a gutter between them. Such a line
			// is no prose running across the columns.
			name: "borderless cells centred vertically, filled up to the next column, a regular-weight header",
			pages: func() []rccplans.Page {
				xs := []float64{40, 100, 220, 360, 480}
				var ws []rccplans.Word
				for j, h := range []string{"Område", "Mål", "Aktivitet", "Ansvarig", "Status"} {
					ws = append(ws, words(xs[j], 90, h, bodyFS, false)...)
				}
				// cell lays a cell's lines from half-line h of a row at base.
				cell := func(j int, base, h float64, text ...string) {
					for i, t := range text {
						ws = append(ws, words(xs[j], 115+(base+h+2*float64(i))*4.75, t, bodyFS, false)...)
					}
				}
				for r, base := range []float64{0, 11, 22} {
					cell(0, base, 2, fmt.Sprintf("%d.a)", r+1), "Delområde")
					cell(1, base, 0, "Patienterna ska få", "samtal med kuratorn inom två", "veckor efter", "beskedet.")
					cell(2, base, 1, "Anställa fler", "kontaktsköterskor inom urologin", "och ge dem tid.")
					cell(3, base, 2, "Verksamhetschef", "2026")
					cell(4, base, 3, "Klart")
				}
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 TABLE 5 cols, 3 rows
  head: Område | Mål | Aktivitet | Ansvarig | Status
  r1 p1: 1.a) Delområde | Patienterna ska få samtal med kuratorn inom två veckor efter beskedet. | Anställa fler kontaktsköterskor inom urologin och ge dem tid. | Verksamhetschef 2026 | Klart
  r2 p1: 2.a) Delområde | Patienterna ska få samtal med kuratorn inom två veckor efter beskedet. | Anställa fler kontaktsköterskor inom urologin och ge dem tid. | Verksamhetschef 2026 | Klart
  r3 p1: 3.a) Delområde | Patienterna ska få samtal med kuratorn inom två veckor efter beskedet. | Anställa fler kontaktsköterskor inom urologin och ge dem tid. | Verksamhetschef 2026 | Klart
`,
		},
		{
			name: "borderless rows set as close as lines",
			pages: func() []rccplans.Page {
				y := func(k int) float64 { return 115 + float64(k)*bodyFS*1.3 }
				ws := words(40, 90, "Mål", bodyFS, true)
				ws = append(ws, words(300, 90, "Aktivitet", bodyFS, true)...)
				ws = append(ws, words(450, 90, "Ansvarig", bodyFS, true)...)
				ws = append(ws, words(600, 90, "Status", bodyFS, true)...)
				// Each row starts on the line after the last one of the row
				// above: only the cells ending early set the rows apart.
				for i, r := range [][4]string{{"Första målet ska|nås.", "Göra A och mer", "Chef A och B", "Avvaktar beslut"}, {"Andra målet.", "Göra B", "Chef B", "Klart"}, {"Tredje målet", "Göra C", "Chef C", "Klart"}} {
					for j, x := range []float64{40, 300, 450, 600} {
						ws = append(ws, lines(x, y([]int{0, 2, 3}[i]), bodyFS, false, strings.Split(r[j], "|")...)...)
					}
				}
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 TABLE 4 cols, 3 rows
  head: Mål | Aktivitet | Ansvarig | Status
  r1 p1: Första målet ska nås. | Göra A och mer | Chef A och B | Avvaktar beslut
  r2 p1: Andra målet. | Göra B | Chef B | Klart
  r3 p1: Tredje målet | Göra C | Chef C | Klart
`,
		},
		{
			name: "borderless two-row header: a title spanning two columns",
			pages: func() []rccplans.Page {
				ws := words(40, 90, "Mål", bodyFS, true)
				ws = append(ws, words(250, 90, "Aktivitet", bodyFS, true)...)
				ws = append(ws, words(450, 90, "Genomförande", bodyFS, true)...)
				ws = append(ws, words(700, 90, "Status", bodyFS, true)...)
				ws = append(ws, words(450, 108, "Ansvarig", bodyFS, true)...)
				ws = append(ws, words(580, 108, "Tidsplan", bodyFS, true)...)
				ws = append(ws, lines(40, 130, bodyFS, false, "Ett mål")...)
				ws = append(ws, lines(250, 130, bodyFS, false, "Göra något")...)
				ws = append(ws, lines(450, 130, bodyFS, false, "Chef A")...)
				ws = append(ws, lines(580, 130, bodyFS, false, "2025")...)
				ws = append(ws, lines(700, 130, bodyFS, false, "Pågår")...)
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 TABLE 5 cols, 1 rows
  head: Mål | Aktivitet | Genomförande | Genomförande | Status
  head: Mål | Aktivitet | Ansvarig | Tidsplan | Status
  r1 p1: Ett mål | Göra något | Chef A | 2025 | Pågår
`,
		},
		{
			name: "prose right under a borderless table",
			pages: func() []rccplans.Page {
				ws := words(40, 90, "Målbild", bodyFS, true)
				ws = append(ws, words(300, 90, "Planerade aktiviteter", bodyFS, true)...)
				ws = append(ws, words(560, 90, "Ansvar", bodyFS, true)...)
				ws = append(ws, lines(40, 115, bodyFS, false, "1. Ett mål")...)
				ws = append(ws, lines(300, 115, bodyFS, false, "Göra något")...)
				ws = append(ws, lines(560, 115, bodyFS, false, "Chef A")...)
				ws = append(ws, lines(40, 135, bodyFS, false, "Aktiviteterna ovan följs upp av processledningen som rapporterar läget till ledningsgruppen två gånger per år.")...)
				return []rccplans.Page{page(1, ws, nil)}
			},
			want: `p1 TABLE 3 cols, 1 rows
  head: Målbild | Planerade aktiviteter | Ansvar
  r1 p1: 1. Ett mål | Göra något | Chef A
p1 P Aktiviteterna ovan följs upp av processledningen som rapporterar läget till ledningsgruppen två gånger per år.
`,
		},
		{
			name: "a title row across a ruled table is a heading between two tables",
			pages: func() []rccplans.Page {
				ws, rs := ruled(cols3, []float64{100, 120, 150, 170, 200}, [][]string{
					head,
					{"1.a) Första", "Mål ett", "Akt ett"},
					{"!Område två: vård"},
					{"2.a) Andra", "Mål två", "Akt två"},
				}, nil)
				var keep []rccplans.Rule
				for _, r := range rs { // no column rules through the title row
					if r.X0 == r.X1 && r.X0 != cols3[0] && r.X0 != cols3[3] {
						keep = append(keep, vrule(r.X0, 100, 150), vrule(r.X0, 170, 200))
						continue
					}
					keep = append(keep, r)
				}
				return []rccplans.Page{page(1, ws, keep)}
			},
			want: `p1 TABLE 3 cols, 1 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett | Akt ett
p1 H1 Område två: vård
p1 TABLE 3 cols, 1 rows
  head: Område | Mål | Aktivitet
  r1 p1: 2.a) Andra | Mål två | Akt två
`,
		},
		{
			name: "a margin note beside a continued table",
			pages: func() []rccplans.Page {
				xs := []float64{100, 300, 500, 700}
				w1, r1 := ruled(xs, []float64{440, 460, 540}, [][]string{head, {"1.a) Första", "Mål ett.", "Aktivitet ett."}}, nil)
				w2, r2 := ruled(xs, []float64{50, 70, 110}, [][]string{head, {"1.b) Andra", "Mål två.", "Aktivitet två."}}, nil)
				w2 = append(w2, words(40, 45, "NY", bodyFS, true)...)
				return []rccplans.Page{page(1, w1, r1), page(2, w2, r2)}
			},
			want: `p1 TABLE 3 cols, 2 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Aktivitet ett.
  r2 p2: 1.b) Andra | Mål två. | Aktivitet två.
p2 P NY
`,
		},
		{
			name: "a heading left of a table's columns ends it",
			pages: func() []rccplans.Page {
				xs := []float64{300, 450, 600, 750}
				w1, r1 := ruled(xs, []float64{400, 420, 500}, [][]string{head, {"1.a) Första", "Mål ett.", "Aktivitet ett."}}, nil)
				w1 = append(w1, words(40, 520, "Nästa kapitel", 14, true)...)
				w2, r2 := ruled(xs, []float64{50, 70, 110}, [][]string{head, {"2.a) Andra", "Mål två.", "Aktivitet två."}}, nil)
				return []rccplans.Page{page(1, w1, r1), page(2, w2, r2)}
			},
			want: `p1 TABLE 3 cols, 1 rows
  head: Område | Mål | Aktivitet
  r1 p1: 1.a) Första | Mål ett. | Aktivitet ett.
p1 H1 Nästa kapitel
p2 TABLE 3 cols, 1 rows
  head: Område | Mål | Aktivitet
  r1 p2: 2.a) Andra | Mål två. | Aktivitet två.
`,
		},
		{
			name: "running heads, page numbers and a footnote",
			pages: func() []rccplans.Page {
				var ps []rccplans.Page
				for n := 1; n <= 3; n++ {
					ws := words(40, 30, "Region Exempel", bodyFS, false)
					ws = append(ws, words(800, 560, string(rune('0'+n)), bodyFS, false)...)
					if n == 1 {
						ws = append(ws, words(40, 80, "Kapitel ett", 14, true)...)
					}
					ws = append(ws, lines(40, 120, bodyFS, false, "Brödtext på sidan.")...)
					ps = append(ps, page(n, ws, nil))
				}
				w, r := ruled(cols3, []float64{200, 220, 260}, [][]string{head, {"1.a) X", "Mål", "Akt"}}, nil)
				ps[2].Words = append(ps[2].Words, w...)
				ps[2].Words = append(ps[2].Words, words(40, 264, "* Fylls i vid uppföljning", 7, false)...)
				ps[2].Rules = r
				return ps
			},
			want: `p1 H1 Kapitel ett
p1 P Brödtext på sidan.
p2 P Brödtext på sidan.
p3 P Brödtext på sidan.
p3 TABLE 3 cols, 1 rows
  head: Område | Mål | Aktivitet
  r1 p3: 1.a) X | Mål | Akt
p3 NOTE * Fylls i vid uppföljning
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs, ws := Blocks("test.pdf", tc.pages())
			if len(ws) > 0 {
				t.Errorf("warnings: %v", ws)
			}
			if got := dumpBlocks(bs); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestBlocksBadInput feeds pages a broken reader could produce: nothing
// must panic, and what cannot be read yields no blocks rather than junk.
func TestBlocksBadInput(t *testing.T) {
	tests := []struct {
		name  string
		pages []rccplans.Page
	}{
		{"no pages", nil},
		{"empty page", []rccplans.Page{{Number: 1, Width: pw, Height: ph}}},
		{"zero-size words", []rccplans.Page{page(1, []rccplans.Word{{Text: "x"}, {Text: ""}}, nil)}},
		{"rules only", []rccplans.Page{page(1, nil, []rccplans.Rule{hrule(0, 100, 10), vrule(0, 0, 100), hrule(0, 100, 90), vrule(100, 0, 100)})}},
		{"inverted boxes", []rccplans.Page{page(1, []rccplans.Word{{Box: rccplans.Box{X0: 50, Y0: 50, X1: 10, Y1: 10}, Text: "x", Size: 9}}, []rccplans.Rule{hrule(100, 0, 10)})}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs, ws := Blocks("bad.pdf", tc.pages)
			for _, w := range ws {
				if strings.Contains(w.Message, "failed") {
					t.Errorf("recovered panic: %v", w)
				}
			}
			_ = bs
		})
	}
}

// TestBlocksGolden keeps a compact dump of every fixture PDF's blocks
// under testdata/blocks; refresh with -update after a deliberate change.
func TestBlocksGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "corpus", "*.pdf"))
	if len(files) == 0 {
		t.Skip("no fixture PDFs")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			l := readFixturePDF(t, name)
			got := dumpBlocks(l.Blocks)
			checkGolden(t, filepath.Join("testdata", "blocks", strings.TrimSuffix(name, ".pdf")+".golden"), got)
		})
	}
}

func TestFurniture(t *testing.T) {
	mk := func(n int, extra ...[]rccplans.Word) rccplans.Page {
		ws := lines(40, 200, 11, false, "Brödtext i mitten av sidan.")
		for _, e := range extra {
			ws = append(ws, e...)
		}
		return page(n, ws, nil)
	}
	tests := []struct {
		name  string
		pages []rccplans.Page
		want  []string // texts kept on page 1, besides the body line
	}{
		{"dash page numbers", []rccplans.Page{mk(1, words(400, 570, "- 1 -", 9, false)), mk(2, words(400, 570, "- 2 -", 9, false))}, nil},
		{"n (of) numbers", []rccplans.Page{mk(1, words(780, 570, "1 (2)", 9, false)), mk(2, words(780, 570, "2 (2)", 9, false))}, nil},
		{"repeated footer with numbers folded", []rccplans.Page{
			mk(1, words(40, 565, "Sida 1 av 3, Regionens plan", 8, false)),
			mk(2, words(40, 566, "Sida 2 av 3, Regionens plan", 8, false)),
			mk(3, words(40, 565, "Sida 3 av 3, Regionens plan", 8, false)),
		}, nil},
		{"web address at the foot of one page", []rccplans.Page{mk(1, words(40, 575, "https://example.org/plan", 8, false))}, nil},
		{"a number above other text in the band stays", []rccplans.Page{mk(1, words(40, 540, "12", 11, false), words(40, 560, "Sista raden.", 11, false))}, []string{"12", "Sista raden."}},
		{"a year on its own stays", []rccplans.Page{mk(1, words(40, 30, "2024", 14, false))}, []string{"2024"}},
		{"text at the top of one page only stays", []rccplans.Page{mk(1, words(40, 30, "Titel", 14, false)), mk(2)}, []string{"Titel"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			marks := furniture(tc.pages)
			var kept []string
			p := tc.pages[0]
			for _, l := range buildLines(p.Words) {
				if l.text() == "Brödtext i mitten av sidan." {
					continue
				}
				keep := false
				for _, w := range l.words {
					for i := range p.Words {
						if p.Words[i] == w && !marks[0][i] {
							keep = true
						}
					}
				}
				if keep {
					kept = append(kept, l.text())
				}
			}
			if strings.Join(kept, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("kept %q, want %q", kept, tc.want)
			}
		})
	}
}

// BenchmarkBlocks times block building over the fixture PDFs' pages and
// reports it as a share of reading the same files (blocks/read), measured
// in the same run.
func BenchmarkBlocks(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "corpus", "*.pdf"))
	if len(files) == 0 {
		b.Skip("no fixture PDFs")
	}
	var datas [][]byte
	var pages [][]rccplans.Page
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas = append(datas, data)
		pages = append(pages, readPDFFile(b, f).Pages)
	}
	var read, blocks time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		for k, d := range datas {
			if _, err := PDF(context.Background(), files[k], d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
		t1 := time.Now()
		for k, ps := range pages {
			Blocks(files[k], ps)
		}
		read += t1.Sub(t0)
		blocks += time.Since(t1)
	}
	b.ReportMetric(float64(blocks)/float64(read), "blocks/read")
}

// TestBlocksRandom throws random pages (words and rules anywhere, any
// size, boxes inverted) at Blocks: it must never fail (a recovered panic
// comes back as a warning).
func TestBlocksRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	texts := []string{"Mål", "Aktivitet", "Ansvarig", "Status", "1.", "3.c.ii)", "*", "-", "och", "2024", "", "Nuläge"}
	for iter := 0; iter < 300; iter++ {
		var ps []rccplans.Page
		for n := 1; n <= 1+rng.IntN(3); n++ {
			p := rccplans.Page{Number: n, Width: pw, Height: ph}
			for k := rng.IntN(80); k > 0; k-- {
				x, y := rng.Float64()*pw, rng.Float64()*ph
				w, h := rng.Float64()*80-5, rng.Float64()*14-1
				p.Words = append(p.Words, rccplans.Word{Box: rccplans.Box{X0: x, Y0: y, X1: x + w, Y1: y + h}, Text: texts[rng.IntN(len(texts))], Size: rng.Float64() * 20, Bold: rng.IntN(2) == 0})
			}
			for k := rng.IntN(30); k > 0; k-- {
				x, y := math.Round(rng.Float64()*20)*40, math.Round(rng.Float64()*15)*40
				if rng.IntN(2) == 0 {
					p.Rules = append(p.Rules, hrule(x, x+rng.Float64()*400-50, y))
				} else {
					p.Rules = append(p.Rules, vrule(x, y, y+rng.Float64()*300-50))
				}
			}
			ps = append(ps, p)
		}
		_, ws := Blocks("random.pdf", ps)
		for _, w := range ws {
			t.Fatalf("iteration %d: %v", iter, w)
		}
	}
}

// pagesFromBytes decodes fuzz input into pages: every 8 bytes are a word
// or a rule (kind, x, y, width, height, text, size, page).
func pagesFromBytes(data []byte) []rccplans.Page {
	texts := []string{"Mål", "Aktivitet", "Ansvarig", "Status", "1.", "3.c.ii)", "*", "-", "och", "2024", "", "Nuläge", "Uppfölj-", "ning*", "Målbild", "Planerade aktiviteter"}
	ps := []rccplans.Page{{Number: 1, Width: pw, Height: ph}, {Number: 2, Width: pw, Height: ph}}
	for i := 0; i+8 <= len(data); i += 8 {
		b := data[i : i+8]
		p := &ps[int(b[7])%2]
		x, y := float64(b[1])*3.3, float64(b[2])*2.3
		w, h := float64(int8(b[3])), float64(int8(b[4]))/4
		switch b[0] % 4 {
		case 0:
			p.Rules = append(p.Rules, hrule(x, x+w*4, y))
		case 1:
			p.Rules = append(p.Rules, vrule(x, y, y+w*3))
		default:
			p.Words = append(p.Words, rccplans.Word{Box: rccplans.Box{X0: x, Y0: y, X1: x + w, Y1: y + h}, Text: texts[int(b[5])%len(texts)], Size: float64(b[6] % 24), Bold: b[0]&4 != 0})
		}
	}
	return ps
}

// FuzzBlocks checks that no page content makes block building fail.
// Seeds: the layout of a small ruled table and of a borderless one.
func FuzzBlocks(f *testing.F) {
	f.Add([]byte{0, 10, 40, 100, 0, 0, 9, 0, 0, 10, 50, 100, 0, 0, 9, 0, 1, 10, 40, 20, 0, 0, 9, 0, 1, 40, 40, 20, 0, 0, 9, 0, 2, 11, 42, 20, 40, 0, 9, 0, 6, 41, 42, 30, 40, 1, 9, 1})
	f.Add([]byte{6, 10, 40, 30, 40, 14, 9, 0, 6, 90, 40, 60, 40, 15, 9, 0, 2, 10, 50, 30, 40, 4, 9, 0, 2, 90, 50, 30, 40, 8, 9, 0, 2, 10, 70, 30, 40, 4, 9, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, ws := Blocks("fuzz.pdf", pagesFromBytes(data)); len(ws) > 0 {
			t.Fatalf("%v", ws)
		}
	})
}

// TestBandHeadings: a title row split off a ruled table is marked Band
// (normalize may read it as the area of the rows under it); a heading
// printed above a table is not.
func TestBandHeadings(t *testing.T) {
	head := []string{"Område", "Mål", "Aktivitet"}
	tests := []struct {
		name string
		rows [][]string
		want map[string]bool // heading text -> Band
	}{
		{
			name: "title row between body rows",
			rows: [][]string{head, {"1.a) Första", "Mål ett", "Akt ett"}, {"!Område två: vård"}, {"2.a) Andra", "Mål två", "Akt två"}},
			want: map[string]bool{"Område två: vård": true},
		},
		{
			name: "no title row",
			rows: [][]string{head, {"1.a) Första", "Mål ett", "Akt ett"}, {"2.a) Andra", "Mål två", "Akt två"}},
			want: map[string]bool{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ys := []float64{100, 120, 150, 170, 200}[:len(tt.rows)+1]
			ws, rs := ruled(cols3, ys, tt.rows, nil)
			var keep []rccplans.Rule
			for _, r := range rs { // no column rules through a title row
				if r.X0 == r.X1 && r.X0 != cols3[0] && r.X0 != cols3[3] && len(tt.rows) == 4 {
					keep = append(keep, vrule(r.X0, 100, 150), vrule(r.X0, 170, 200))
					continue
				}
				keep = append(keep, r)
			}
			bs, _ := Blocks("test.pdf", []rccplans.Page{page(1, ws, keep)})
			got := map[string]bool{}
			for _, b := range bs {
				if b.Kind == rccplans.BlockHeading {
					got[b.Text] = b.Band
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("headings %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if b, ok := got[k]; !ok || b != v {
					t.Errorf("heading %q: band %v (found %v), want %v", k, b, ok, v)
				}
			}
		})
	}
}

// TestBoldBody: a plan set throughout in one bold face (a semibold font
// for everything). Bold then tells nothing apart: a body line whose cells
// hold header words is no new header, a cell's last line alone in its
// column is no title row, and a short line of it no heading. The header
// is read as a header in the body's weight; a face other than the body's
// still stands out as bold. The same page with a regular body and a bold
// header reads the same.
func TestBoldBody(t *testing.T) {
	xs := []float64{40, 140, 340, 540}
	lh := bodyFS * 1.3
	build := func(bodyBold bool, otherFace bool) []rccplans.Page {
		var ws []rccplans.Word
		face := func(font string, bold bool, w []rccplans.Word) {
			for i := range w {
				w[i].Font, w[i].Bold = font, bold
			}
			ws = append(ws, w...)
		}
		face("Sans-Semibold", true, words(40, 40, "Insatser 2026", 14, true))
		if otherFace {
			face("Serif-Bold", true, words(40, 70, "Del ett", bodyFS, true))
		}
		font := "Sans"
		if bodyBold {
			font = "Sans-Semibold"
		}
		face(font, true, headerAt(xs, 100, "Område", "Mål", "Aktivitet", "Ansvarig"))
		y := 100 + 1.5*lh
		row := func(lines ...[]string) {
			for _, l := range lines {
				face(font, bodyBold, cellsAt(xs, y, l...))
				y += lh
			}
			y += 0.5 * lh
		}
		row([]string{"Prevention", "Ett mål som går", "Göra något i", "Chef"},
			[]string{"", "vidare med tid för det.", "uppföljning efter varje år."},
			[]string{"", "slutar."})
		row([]string{"", "Ett andra mål.", "Göra mer.", "Enhet"})
		row([]string{"Screening", "Ett tredje mål som", "Göra det sista.", "Chef"},
			[]string{"", "alla når."})
		return []rccplans.Page{page(1, ws, nil)}
	}
	table := `p1 TABLE 4 cols, 3 rows
  head: Område | Mål | Aktivitet | Ansvarig
  r1 p1: Prevention | Ett mål som går vidare med tid för det. slutar. | Göra något i uppföljning efter varje år. | Chef
  r2 p1: ^Prevention | Ett andra mål. | Göra mer. | Enhet
  r3 p1: Screening | Ett tredje mål som alla når. | Göra det sista. | Chef
`
	tests := []struct {
		name            string
		bodyBold, other bool
		want            string
	}{
		{"regular body, bold header", false, false, "p1 H1 Insatser 2026\n" + table},
		{"body in the header's bold face", true, false, "p1 H1 Insatser 2026\n" + table},
		{"a heading in another bold face over a bold body", true, true, "p1 H1 Insatser 2026\np1 H2 Del ett\n" + table},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs, _ := Blocks("test.pdf", build(tt.bodyBold, tt.other))
			if got := dumpBlocks(bs); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestBoldBodyHeader: in a plan set in one bold face the header is
// printed in the body's weight; one name the vocabulary does not know
// among three or more known ones still makes it the header. Fewer known
// names do not (a body line of such a plan holding header words).
func TestBoldBodyHeader(t *testing.T) {
	xs := []float64{40, 200, 400, 560, 680}
	semibold := func(ws []rccplans.Word) []rccplans.Word {
		for i := range ws {
			ws[i].Font, ws[i].Bold = "Sans-Semibold", true
		}
		return ws
	}
	lh := bodyFS * 1.3
	tests := []struct {
		name  string
		heads []string
		want  string
	}{
		{"three known names and one unknown", []string{"Mål", "Aktivitet", "Ansvarig", "Övrigt"}, "p1 TABLE 4 cols, 2 rows\n  head: Mål | Aktivitet | Ansvarig | Övrigt\n"},
		{"two known names and one unknown", []string{"Mål", "Aktivitet", "Övrigt"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := semibold(words(40, 40, "Insatser 2026", 14, true))
			ws = append(ws, semibold(cellsAt(xs, 100, tt.heads...))...)
			n := len(tt.heads)
			ws = append(ws, semibold(cellsAt(xs, 100+1.5*lh, []string{"Ett mål.", "Göra något.", "Chef", "Klart i tid"}[:n]...))...)
			ws = append(ws, semibold(cellsAt(xs, 100+2.5*lh, "som går vidare.", "och vidare."))...)
			ws = append(ws, semibold(cellsAt(xs, 100+4*lh, []string{"Ett annat mål.", "Göra mer.", "Enhet", "Sent"}[:n]...))...)
			got := dumpBlocks(func() []rccplans.Block { bs, _ := Blocks("test.pdf", []rccplans.Page{page(1, ws, nil)}); return bs }())
			if tt.want == "" {
				if strings.Contains(got, "TABLE") {
					t.Errorf("got a table:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant it to hold\n%s", got, tt.want)
			}
		})
	}
}

// TestPageColumns: tables standing side by side, each under its own
// heading (the headings on one line), or in the two columns of a page
// (the right column's heading higher than the left's), are read column by
// column, left first, each table under its heading; tables one above the
// other stay in page order.
func TestPageColumns(t *testing.T) {
	table := func(x0, y0 float64, a, b string) ([]rccplans.Word, []rccplans.Rule) {
		xs := []float64{x0, x0 + 110, x0 + 220, x0 + 330}
		ys := []float64{y0, y0 + 20, y0 + 45, y0 + 70}
		return ruled(xs, ys, [][]string{{"Mål", "Aktivitet", "Status"}, {a, "Akt " + a, "Klar"}, {b, "Akt " + b, "Pågår"}}, nil)
	}
	build := func(heads []rccplans.Word, tabs ...[2]float64) []rccplans.Page {
		ws := append(words(40, 30, "Handlingsplan", 18, true), heads...)
		var rs []rccplans.Rule
		for i, at := range tabs {
			tw, tr := table(at[0], at[1], fmt.Sprintf("Mål %d", 2*i+1), fmt.Sprintf("Mål %d", 2*i+2))
			ws, rs = append(ws, tw...), append(rs, tr...)
		}
		return []rccplans.Page{page(1, ws, rs)}
	}
	head := func(x, y float64, text string) []rccplans.Word { return words(x, y, text, 13, true) }
	tests := []struct {
		name  string
		pages []rccplans.Page
		want  string
	}{
		{
			name:  "side by side, headings on one line",
			pages: build(append(head(40, 70, "Prevention"), head(440, 70, "Tidig upptäckt")...), [2]float64{40, 95}, [2]float64{440, 95}),
			want: `p1 H1 Handlingsplan
p1 H2 Prevention
p1 TABLE 3 cols, 2 rows
  head: Mål | Aktivitet | Status
  r1 p1: Mål 1 | Akt Mål 1 | Klar
  r2 p1: Mål 2 | Akt Mål 2 | Pågår
p1 H2 Tidig upptäckt
p1 TABLE 3 cols, 2 rows
  head: Mål | Aktivitet | Status
  r1 p1: Mål 3 | Akt Mål 3 | Klar
  r2 p1: Mål 4 | Akt Mål 4 | Pågår
`,
		},
		{
			name: "two page columns, the right one's table higher",
			pages: build(append(append(head(40, 120, "Första kapitlet"), head(440, 70, "Andra kapitlet")...),
				words(40, 140, "Text i vänster spalt.", bodyFS, false)...), [2]float64{40, 160}, [2]float64{440, 95}),
			want: `p1 H1 Handlingsplan
p1 H2 Första kapitlet
p1 P Text i vänster spalt.
p1 TABLE 3 cols, 2 rows
  head: Mål | Aktivitet | Status
  r1 p1: Mål 1 | Akt Mål 1 | Klar
  r2 p1: Mål 2 | Akt Mål 2 | Pågår
p1 H2 Andra kapitlet
p1 TABLE 3 cols, 2 rows
  head: Mål | Aktivitet | Status
  r1 p1: Mål 3 | Akt Mål 3 | Klar
  r2 p1: Mål 4 | Akt Mål 4 | Pågår
`,
		},
		{
			name:  "one above the other",
			pages: build(append(head(40, 70, "Prevention"), head(40, 175, "Tidig upptäckt")...), [2]float64{40, 95}, [2]float64{40, 200}),
			want: `p1 H1 Handlingsplan
p1 H2 Prevention
p1 TABLE 3 cols, 2 rows
  head: Mål | Aktivitet | Status
  r1 p1: Mål 1 | Akt Mål 1 | Klar
  r2 p1: Mål 2 | Akt Mål 2 | Pågår
p1 H2 Tidig upptäckt
p1 TABLE 3 cols, 2 rows
  head: Mål | Aktivitet | Status
  r1 p1: Mål 3 | Akt Mål 3 | Klar
  r2 p1: Mål 4 | Akt Mål 4 | Pågår
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs, _ := Blocks("test.pdf", tc.pages)
			if got := dumpBlocks(bs); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
