package extract

import (
	"testing"
)

// TestJudgeCut: whether the first row of a table's part on the next page
// is the rest of the last row before the break.
func TestJudgeCut(t *testing.T) {
	actFirst := []string{"Åtgärd", "Ansvarig", "Klart senast", "Status"}
	numbered := []string{"Nr", "Åtgärd", "Ansvarig", "Klart senast", "Status"}
	mk := func(head []string, rows ...[]string) *grid {
		g := &grid{size: 9, nhead: 1}
		for j := 0; j <= len(head); j++ {
			g.cols = append(g.cols, 40+100*float64(j))
		}
		for _, r := range append([][]string{head}, rows...) {
			row := make([]*cell, len(r))
			for j, x := range r {
				row[j] = &cell{}
				if x != "" {
					row[j].lines = []string{x}
				}
			}
			g.rows = append(g.rows, row)
			g.rowY = append(g.rowY, [2]float64{760, 790})
			g.pages = append(g.pages, 1)
		}
		g.closed = make([]bool, len(head))
		return g
	}
	bottoms := map[int]float64{1: 790, 2: 790}
	tests := []struct {
		name     string
		head     []string
		old, cur []string
		row      bool
	}{
		{"a new row whose time starts in lower case", actFirst,
			[]string{"Skapa en webbsida på 1177.se.", "Kvalitetsstrateg", "2026-06-30", "Avslutad"},
			[]string{"Avsätta 20 % av en tjänst.", "Enhetschef", "december 2027", "Avslutad"}, false},
		{"a new row whose status starts in lower case", actFirst,
			[]string{"Skapa en webbsida på 1177.se.", "Kvalitetsstrateg", "2026", "Avslutad"},
			[]string{"Avsätta 20 % av en tjänst.", "Enhetschef", "2027", "pågår"}, false},
		{"an activity going on in lower case", actFirst,
			[]string{"Skapa en webbsida för", "Kvalitetsstrateg", "2026", "Pågår"},
			[]string{"patienter och närstående.", "", "", ""}, true},
		{"a list going on after a whole item", numbered,
			[]string{"1", "– Utse ombud.", "Kvalitetsstrateg", "2026", "Pågår"},
			[]string{"", "– Utbilda ombud.", "", "", ""}, true},
		{"a new row whose activity is a list too", numbered,
			[]string{"1", "– Utse ombud.", "Kvalitetsstrateg", "2026", "Pågår"},
			[]string{"", "– Utbilda ombud.", "Chefläkare", "2027", "Klar"}, false},
		{"a new numbered row whose activity is a list too", numbered,
			[]string{"1", "– Utse ombud.", "Kvalitetsstrateg", "2026", "Pågår"},
			[]string{"2", "– Utbilda ombud.", "", "", ""}, false},
	}
	// A title row across the table (one cell) at the foot of the page, the
	// table's rows numbered otherwise: the row on the next page is new.
	t.Run("a title row across the table before the break", func(t *testing.T) {
		s := mk(numbered, []string{"1", "– Utse ombud.", "Kvalitetsstrateg", "2026", "Pågår"}, []string{"", "", "", "", ""})
		title := &cell{lines: []string{"2.1 Alla vårdcentraler ska ha ett cancerombud."}}
		for j := range s.rows[2] {
			s.rows[2][j] = title
		}
		n := mk(numbered, []string{"", "Kartlägga flödet.", "Chefläkare", "2027", "Klar"})
		j := judgeCut(s, n, bottoms)
		if j.row || j.keep[0] || j.keep[1] {
			t.Errorf("judgeCut = %+v, want a new row keeping nothing", j)
		}
	})
	// The page breaks between two sentences of the activity: its rest
	// starts with a capital after a full stop. The old row's other cells
	// ended higher up on page 1 (bots: each cell's last line's bottom).
	for _, tc := range []struct {
		name string
		bots []float64
		cur  []string
		row  bool
	}{
		{"only the cell that ran to the foot goes on", []float64{789, 772, 772, 772}, []string{"Utbilda ombud.", "", "", ""}, true},
		{"a new row with a responsible of its own", []float64{789, 772, 772, 772}, []string{"Utbilda ombud.", "Chefläkare", "", ""}, false},
		{"a new row after one whose cells all ended at the foot", []float64{789, 789, 789, 789}, []string{"Utbilda ombud.", "", "", ""}, false},
		{"the activity had ended higher up", []float64{772, 772, 772, 789}, []string{"Utbilda ombud.", "", "", ""}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mk(actFirst, []string{"Skapa en webbsida.", "Kvalitetsstrateg", "2026", "Pågår"})
			for k, b := range tc.bots {
				s.rows[1][k].page, s.rows[1][k].bot = 1, b
			}
			n := mk(actFirst, tc.cur)
			n.page = 2
			if got := judgeCut(s, n, bottoms).row; got != tc.row {
				t.Errorf("judgeCut row = %v, want %v", got, tc.row)
			}
		})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, n := mk(tc.head, tc.old), mk(tc.head, tc.cur)
			if got := judgeCut(s, n, bottoms).row; got != tc.row {
				t.Errorf("judgeCut row = %v, want %v", got, tc.row)
			}
		})
	}
}
