package extract

import (
	"testing"
)

// TestJudgeCut: whether the first row of a table's part on the next page
// is the rest of the last row before the break.
func TestJudgeCut(t *testing.T) {
	head := []string{"Åtgärd", "Ansvarig", "Klart senast", "Status"}
	mk := func(rows ...[]string) *grid {
		g := &grid{cols: []float64{40, 300, 450, 550, 650}, size: 9, nhead: 1}
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
		g.closed = make([]bool, 4)
		return g
	}
	bottoms := map[int]float64{1: 790, 2: 790}
	tests := []struct {
		name     string
		old, cur []string
		row      bool
	}{
		{"a new row whose time starts in lower case",
			[]string{"Skapa en webbsida på 1177.se.", "Kvalitetsstrateg", "2026-06-30", "Avslutad"},
			[]string{"Avsätta 20 % av en tjänst.", "Enhetschef", "december 2027", "Avslutad"}, false},
		{"a new row whose status starts in lower case",
			[]string{"Skapa en webbsida på 1177.se.", "Kvalitetsstrateg", "2026", "Avslutad"},
			[]string{"Avsätta 20 % av en tjänst.", "Enhetschef", "2027", "pågår"}, false},
		{"an activity going on in lower case",
			[]string{"Skapa en webbsida för", "Kvalitetsstrateg", "2026", "Pågår"},
			[]string{"patienter och närstående.", "", "", ""}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, n := mk(tc.old), mk(tc.cur)
			if got := judgeCut(s, n, bottoms).row; got != tc.row {
				t.Errorf("judgeCut row = %v, want %v", got, tc.row)
			}
		})
	}
}
