package extract

import (
	"testing"

	"rccplans"
)

// fill is a filled rectangle as the PDF reader gives it: its four edges,
// without thickness.
func fill(x0, y0, x1, y1 float64) []rccplans.Rule {
	return []rccplans.Rule{
		{Box: rccplans.Box{X0: x0, Y0: y0, X1: x1, Y1: y0}},
		{Box: rccplans.Box{X0: x0, Y0: y1, X1: x1, Y1: y1}},
		{Box: rccplans.Box{X0: x0, Y0: y0, X1: x0, Y1: y1}},
		{Box: rccplans.Box{X0: x1, Y0: y0, X1: x1, Y1: y1}},
	}
}

// TestShadedFrames: tables whose only "rules" are cell shading. A missing
// edge between two cells of a row is a merged cell only where a word runs
// across it: rows shaded in turn, or only a coloured status cell, leave
// the other cells of a row without edges.
func TestShadedFrames(t *testing.T) {
	xs := []float64{40, 140, 340, 540, 740}
	ys := []float64{100, 120, 160, 200, 240}
	cells := [][]string{
		{"Status", "Område", "Mål", "Aktivitet"},
		{"Grön", "Screening", "Fler ska delta", "Skicka påminnelser"},
		{"Röd", "Rehabilitering", "Bedöma behov", "Införa checklista"},
		{"Gul", "Palliativ vård", "Jämlik vård", "Utbilda personal"},
	}
	text := func(rows [][]string) []rccplans.Word {
		var ws []rccplans.Word
		for r, row := range rows {
			for c, s := range row {
				if s != "" {
					ws = append(ws, words(xs[c]+3, ys[r]+3, s, bodyFS, r == 0)...)
				}
			}
		}
		return ws
	}
	rowFills := func(r int) []rccplans.Rule { // every cell of row r shaded
		var rs []rccplans.Rule
		for c := 0; c+1 < len(xs); c++ {
			rs = append(rs, fill(xs[c], ys[r], xs[c+1], ys[r+1])...)
		}
		return rs
	}
	tests := []struct {
		name  string
		words []rccplans.Word
		rules []rccplans.Rule
		want  string
	}{
		{
			name:  "zebra rows and coloured status cells",
			words: text(cells),
			rules: append(append(append(rowFills(0), rowFills(2)...), fill(xs[0], ys[1], xs[1], ys[2])...), fill(xs[0], ys[3], xs[1], ys[4])...),
			want: `p1 TABLE 4 cols, 3 rows
  head: Status | Område | Mål | Aktivitet
  r1 p1: Grön | Screening | Fler ska delta | Skicka påminnelser
  r2 p1: Röd | Rehabilitering | Bedöma behov | Införa checklista
  r3 p1: Gul | Palliativ vård | Jämlik vård | Utbilda personal
`,
		},
		{
			// Zebra rows under a header shaded like them: the grid of
			// shading holds the header and the first row; the rows
			// below it, on the white and in a stripe of their own, are
			// still the table's; prose after a gap is not.
			name: "zebra rows going on under the grid of shading",
			words: func() []rccplans.Word {
				ws := text(cells[:1])
				for r, row := range append(cells[1:], []string{"Blå", "Cancervård", "Kortare väntan", "Mäta ledtider"}) {
					for c, x := range row {
						ws = append(ws, words(xs[c]+3, 123+30*float64(r), x, bodyFS, false)...)
					}
					ws = append(ws, words(xs[3]+3, 123+30*float64(r)+bodyFS*1.3, "och mer", bodyFS, false)...)
				}
				return append(ws, words(40, 260, "Text under tabellen som löper över alla kolumner i hela dess bredd.", bodyFS, false)...)
			}(),
			rules: func() []rccplans.Rule { // each cell shaded on its own
				var rs []rccplans.Rule
				for _, y := range [][2]float64{{100, 120}, {120, 150}, {180, 210}} {
					for c := 0; c+1 < len(xs); c++ {
						rs = append(rs, fill(xs[c], y[0], xs[c+1], y[1])...)
					}
				}
				return rs
			}(),
			want: `p1 TABLE 4 cols, 4 rows
  head: Status | Område | Mål | Aktivitet
  r1 p1: Grön | Screening | Fler ska delta | Skicka påminnelser och mer
  r2 p1: Röd | Rehabilitering | Bedöma behov | Införa checklista och mer
  r3 p1: Gul | Palliativ vård | Jämlik vård | Utbilda personal och mer
  r4 p1: Blå | Cancervård | Kortare väntan | Mäta ledtider och mer
p1 P Text under tabellen som löper över alla kolumner i hela dess bredd.
`,
		},
		{
			name: "a shaded title row across the table stays one cell",
			words: append(text([][]string{cells[0], cells[1], nil, cells[3]}),
				words(xs[0]+3, ys[2]+3, "Rubrik som löper över hela tabellens bredd och fler kolumner än en", bodyFS, true)...),
			rules: append(append(rowFills(0), fill(xs[0], ys[2], xs[4], ys[3])...), append(fill(xs[0], ys[1], xs[1], ys[2]), fill(xs[0], ys[3], xs[1], ys[4])...)...),
			want: `p1 TABLE 4 cols, 1 rows
  head: Status | Område | Mål | Aktivitet
  r1 p1: Grön | Screening | Fler ska delta | Skicka påminnelser
p1 H1 Rubrik som löper över hela tabellens bredd och fler kolumner än en
p1 TABLE 4 cols, 1 rows
  head: Status | Område | Mål | Aktivitet
  r1 p1: Gul | Palliativ vård | Jämlik vård | Utbilda personal
`,
		},
		{
			name:  "a shaded header over a column of coloured status cells",
			words: text(cells),
			rules: func() []rccplans.Rule {
				var rs []rccplans.Rule
				for c := 0; c+1 < len(xs); c++ {
					rs = append(rs, fill(xs[c]+1, ys[0], xs[c+1]-1, ys[1]-1.5)...)
				}
				for r := 1; r < 4; r++ {
					rs = append(rs, fill(xs[0], ys[r], xs[1], ys[r+1])...)
				}
				return rs
			}(),
			want: `p1 TABLE 4 cols, 3 rows
  head: Status | Område | Mål | Aktivitet
  r1 p1: Grön | Screening | Fler ska delta | Skicka påminnelser
  r2 p1: Röd | Rehabilitering | Bedöma behov | Införa checklista
  r3 p1: Gul | Palliativ vård | Jämlik vård | Utbilda personal
`,
		},
		{
			name: "zebra rows under a header printed on the white",
			words: func() []rccplans.Word { // two-line rows 40 pt apart
				ws := text(cells[:1])
				for r, row := range cells[1:] {
					for c, x := range row {
						ws = append(ws, lines(xs[c]+3, 125+40*float64(r), bodyFS, false, x, "")...)
					}
					ws = append(ws, words(xs[3]+3, 125+40*float64(r)+bodyFS*1.3, "vidare", bodyFS, false)...)
				}
				return ws
			}(),
			rules: append(append(fill(xs[0], 162, xs[4], 202), fill(xs[0], 122, xs[1], 162)...), fill(xs[0], 202, xs[1], 242)...),
			want: `p1 TABLE 4 cols, 3 rows
  head: Status | Område | Mål | Aktivitet
  r1 p1: Grön | Screening | Fler ska delta | Skicka påminnelser vidare
  r2 p1: Röd | Rehabilitering | Bedöma behov | Införa checklista vidare
  r3 p1: Gul | Palliativ vård | Jämlik vård | Utbilda personal vidare
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs, _ := Blocks("test.pdf", []rccplans.Page{page(1, tc.words, tc.rules)})
			if got := dumpBlocks(bs); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestShadedColumn: one column of shaded cells (status cells coloured by
// their value down a borderless table) is no table of its own: its words
// stay for the table around it. Two shaded columns under a shaded header,
// or one column of drawn lines, are.
func TestShadedColumn(t *testing.T) {
	col := append(words(43, 103, "Grön", bodyFS, false), words(43, 123, "Röd", bodyFS, false)...)
	grid := append(append(words(43, 103, "Status", bodyFS, true), words(143, 103, "Område", bodyFS, true)...),
		append(words(43, 123, "Grön", bodyFS, false), words(143, 123, "Screening", bodyFS, false)...)...)
	drawn := func(rs []rccplans.Rule) []rccplans.Rule {
		for i := range rs {
			rs[i].Width = 0.5
		}
		return rs
	}
	tests := []struct {
		name   string
		words  []rccplans.Word
		rules  []rccplans.Rule
		tables int
	}{
		{"one shaded column", col, append(fill(40, 100, 140, 120), fill(40, 120, 140, 140)...), 0},
		{"two shaded columns under a shaded header", grid, append(append(fill(40, 100, 140, 120), fill(140, 100, 240, 120)...), append(fill(40, 120, 140, 140), fill(140, 120, 240, 140)...)...), 1},
		{"one column of drawn lines", col, drawn(append(fill(40, 100, 140, 120), fill(40, 120, 140, 140)...)), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := page(1, tc.words, tc.rules)
			tabs, rest := ruledTables(&p, ruleFrames(&p), tc.words)
			if len(tabs) != tc.tables {
				t.Fatalf("%d tables, want %d", len(tabs), tc.tables)
			}
			if tc.tables == 0 && len(rest) != len(tc.words) {
				t.Errorf("%d words left for the other passes, want %d", len(rest), len(tc.words))
			}
		})
	}
}
