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
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, n := mk(tc.head, tc.old), mk(tc.head, tc.cur)
			if got := judgeCut(s, n, bottoms).row; got != tc.row {
				t.Errorf("judgeCut row = %v, want %v", got, tc.row)
			}
		})
	}
}
