package extract

import (
	"math"
	"strings"

	"rccplans"
)

// joinTables merges a table continued on the next page into the one
// before it. A table T continues S when nothing but S's footnotes lies
// between them, T is the first thing on the page after S's last page,
// both have the same number of columns, and either T starts with S's
// header repeated or its column boundaries are S's. The repeated header is
// dropped; a row cut by the page break is joined (see continues); a merged
// cell left open at the page foot keeps its text on the new page.
func joinTables(items []item, bottoms map[int]float64) []item {
	var out []item
	var last *grid // the table that may continue, if nothing came after it
	lastPage := 0
	for _, it := range items {
		if it.tab == nil {
			if last != nil && it.page == lastPage && noteLine(it.line, last) {
				last.notes = append(last.notes, it.line)
				continue
			}
			last = nil
			out = append(out, it)
			continue
		}
		t := it.tab
		if last != nil && t.page == lastPage+1 && compatible(last, t) {
			appendTable(last, t, bottoms)
			lastPage = t.page
			continue
		}
		out = append(out, it)
		last, lastPage = t, t.page
	}
	return out
}

// noteLine tells whether a line right under a table is its footnote: it
// starts with a star, or it is set smaller than the table's text and
// starts with a digit marker; the lines of a note already started follow
// it.
func noteLine(l *tline, g *grid) bool {
	s := l.text()
	if strings.HasPrefix(s, "*") {
		return true
	}
	small := g.size > 0 && l.size < g.size-0.4
	if small && s != "" && (s[0] >= '0' && s[0] <= '9') {
		return true
	}
	if n := len(g.notes); n > 0 {
		p := g.notes[n-1]
		return math.Abs(l.size-p.size) < 0.5 && l.Y0-p.Y1 < 0.8*p.height()
	}
	return false
}

// compatible tells whether t can continue s: same columns, and the header
// repeated or the column boundaries in the same places.
func compatible(s, t *grid) bool {
	if s.ncols() != t.ncols() || len(t.rows) == 0 {
		return false
	}
	if s.nhead > 0 && t.nhead > 0 && len(t.rows) >= s.nhead {
		var sh, th [][]string
		for r := 0; r < s.nhead; r++ {
			sh = append(sh, s.rowTexts(r))
			th = append(th, t.rowTexts(r))
		}
		if headerKeys(sh) == headerKeys(th) {
			t.nhead = s.nhead
			return true
		}
	}
	tol := math.Max(6, 0.01*(s.box.X1-s.box.X0))
	for j := range s.cols {
		if math.Abs(s.cols[j]-t.cols[j]) > tol {
			return false
		}
	}
	// No repeated header: every row of t is a body row.
	t.nhead = 0
	return true
}

// appendTable appends t's body rows to s, joining a row cut by the page
// break and carrying merged cells over.
func appendTable(s, t *grid, bottoms map[int]float64) {
	if t.nhead >= len(t.rows) {
		s.notes = append(s.notes, t.notes...)
		return
	}
	c := t.nhead
	p := len(s.rows) - 1
	if p >= s.nhead && p >= 0 {
		if continues(s, t, bottoms) {
			for j := range t.rows[c] {
				a, b := s.rows[p][j], t.rows[c][j]
				if a == nil || b == nil || a == b {
					continue
				}
				a.lines = append(a.lines, b.lines...)
				replaceCell(t, b, a)
			}
			c++
		} else {
			for j := range t.rows[c] {
				a, b := s.rows[p][j], t.rows[c][j]
				if a == nil || b == nil || len(b.lines) > 0 {
					continue
				}
				if !s.closed[j] || (spansRows(s, p, j) && keyColumn(s, j)) {
					replaceCell(t, b, a)
				}
			}
		}
	}
	for r := c; r < len(t.rows); r++ {
		s.rows = append(s.rows, t.rows[r])
		s.rowY = append(s.rowY, t.rowY[r])
		s.pages = append(s.pages, t.pages[r])
	}
	s.closed = t.closed
	s.bottom = t.bottom
	s.box.Y1 = t.box.Y1
	s.notes = append(s.notes, t.notes...)
}

// continues decides whether t's first body row is the rest of s's last
// row, cut by the page break. The last row must reach the foot of the
// page body; then any of these says it was cut:
//   - a cell of the new row starts in lower case where the old row's cell
//     in that column has text, or the old cell ends with a hyphen;
//   - the table's rows start with a number in the first column and the
//     new row's first column has text without one.
//
// A first row that starts fresh in every column is a new row.
func continues(s, t *grid, bottoms map[int]float64) bool {
	p, c := len(s.rows)-1, t.nhead
	var foot float64
	for _, b := range bottoms {
		foot = math.Max(foot, b)
	}
	lineH := math.Max(s.size, 6) * 1.3
	if s.rowY[p][1] < foot-4*lineH {
		return false
	}
	old, cur := s.rowTexts(p), t.rowTexts(c)
	for j := range cur {
		if old[j] == "" || cur[j] == "" {
			continue
		}
		if startsLower(cur[j]) || strings.HasSuffix(old[j], "-") {
			return true
		}
	}
	if cur[0] != "" && !numbered.MatchString(cur[0]) {
		n, k := 0, 0
		for r := s.nhead; r < len(s.rows); r++ {
			if x := s.rows[r][0].text(); x != "" {
				n++
				if numbered.MatchString(x) {
					k++
				}
			}
		}
		if n > 0 && k == n {
			return true
		}
	}
	return false
}

// replaceCell points every position of t that holds from at to.
func replaceCell(t *grid, from, to *cell) {
	for _, row := range t.rows {
		for j := range row {
			if row[j] == from {
				row[j] = to
			}
		}
	}
}

// spansRows tells whether the cell at (r, j) also covers the row above.
func spansRows(g *grid, r, j int) bool {
	return r > g.nhead && g.rows[r-1][j] == g.rows[r][j]
}

// keyColumn tells whether column j identifies rows (area, goal): the first
// column, or one whose header names an area or a goal.
func keyColumn(g *grid, j int) bool {
	if j == 0 {
		return true
	}
	for r := 0; r < g.nhead; r++ {
		switch rccplans.ColumnOf(g.rows[r][j].text()) {
		case rccplans.ColArea, rccplans.ColGoal:
			return true
		}
	}
	return false
}
