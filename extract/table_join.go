package extract

import (
	"math"
	"strings"

	"rccplans"
)

// joinTables merges a table continued on the next page into the one
// before it. A table T continues S when nothing but S's footnotes (or
// notes in the margin beside it) lies between them, T is the first thing
// on the page after S's last page, both have the same number of columns,
// and either T starts with S's header repeated or its column boundaries
// are S's. The repeated header is dropped; a row cut by the page break is
// joined and merged cells going on are carried over (see judgeCut).
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
			// Footnotes may run on at the top of the next page.
			if last != nil && it.page == lastPage+1 && len(last.notes) > 0 && nextPageNote(it.line, last) {
				last.notes = append(last.notes, it.line)
				continue
			}
			// A note in the margin beside the table ("NY", "Uppdaterad")
			// does not end it; a heading does, wherever it stands (a
			// table set right of paragraphs leaves its column free for
			// the next chapter's title at the left margin).
			if last != nil && !besideTable(it.line, last) {
				last = nil
			}
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

// besideTable tells whether a line after g leaves it open: a note in
// the margin beside it, not in larger type than its text.
func besideTable(l *tline, g *grid) bool {
	if g.size > 0 && l.size >= g.size+headingLift {
		return false
	}
	return l.margin || l.X1 < g.box.X0-2 || l.X0 > g.box.X1+2
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
	if small && noteMarker.MatchString(s) {
		return true
	}
	if n := len(g.notes); n > 0 {
		p := g.notes[n-1]
		return math.Abs(l.size-p.size) < 0.5 && l.Y0-p.Y1 < 0.8*p.height()
	}
	return false
}

// nextPageNote tells whether a line on the page after a table's last page
// goes on with the table's footnotes: a new starred note, or the next line
// of one already started on this page.
func nextPageNote(l *tline, g *grid) bool {
	p := g.notes[len(g.notes)-1]
	if p.page != l.page {
		return strings.HasPrefix(l.text(), "*")
	}
	return noteLine(l, g)
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
		j := judgeCut(s, t, bottoms)
		if j.row {
			for k := range t.rows[c] {
				unify(s, t, p, c, k)
			}
			c++
		} else {
			for k := range t.rows[c] {
				if j.keep[k] {
					unify(s, t, p, c, k)
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
	s.box.Y1 = t.box.Y1
	s.notes = append(s.notes, t.notes...)
}

// unify makes the cell at (c, k) of t the same cell as (p, k) of s, its
// lines appended.
func unify(s, t *grid, p, c, k int) {
	a, b := s.rows[p][k], t.rows[c][k]
	if a == nil || b == nil || a == b {
		return
	}
	a.extend(b)
	replaceCell(t, b, a)
}

// cutJudgement says what continues over a page break: the whole row
// (row), or only some cells of a new row (keep: merged key cells such as
// Område and Mål whose text goes on, or which are empty on the new page).
type cutJudgement struct {
	row  bool
	keep []bool
}

// judgeCut decides whether t's first body row is the rest of s's last
// row, cut by the page break, and which merged cells go on if it is not.
// A row can only be cut when it reaches the foot of the page body. Per
// cell of the new row:
//   - strong: it starts in lower case where the old cell has text (not
//     in a time or status column, whose cells may start so), the old cell
//     ends with a hyphen, or the table's rows open with a number and this
//     first-column text does not;
//   - weak: the old cell has text that does not end a sentence.
//
// The row goes on when the new part is only list items going on under
// list cells, or when no non-empty cell outside the key columns (area,
// goal) is fresh (neither strong nor weak) and either some cell is strong
// or the first column is empty and no key cell is fresh either. Otherwise
// the new row starts fresh, but its key cells continue the merged cells
// above when the first column is empty (the merged block goes on) or
// their text is strong.
func judgeCut(s, t *grid, bottoms map[int]float64) cutJudgement {
	p, c := len(s.rows)-1, t.nhead
	n := t.ncols()
	j := cutJudgement{keep: make([]bool, n)}
	if acrossAll(s, p) {
		return j // a title row across the table: the rows under it are new
	}
	foot := footOf(bottoms)
	lineH := math.Max(s.size, 6) * 1.3
	cut := s.rowY[p][1] >= foot-4*lineH
	old, cur := s.rowTexts(p), t.rowTexts(c)
	numberedRows := numberedColumn(s)
	// A list going on: the new part holds only list items, each in a
	// column whose old cell is a list too (a new row has its own number,
	// responsible, time or status beside them).
	listOnly := true
	for k := range cur {
		if cur[k] != "" && !(listLine(old[k]) && listLine(cur[k])) {
			listOnly = false
		}
	}
	if cut && listOnly && anyText(cur) {
		j.row = true
		return j
	}
	strong := make([]bool, n)
	anyStrong, freshKey, freshOther := false, false, false
	for k := range cur {
		if cur[k] == "" {
			continue
		}
		switch {
		case old[k] != "" && (startsLower(cur[k]) && !timeColumn(s, k) || strings.HasSuffix(old[k], "-")):
			strong[k] = true
		case k == 0 && numberedRows && !numbered.MatchString(cur[k]):
			strong[k] = true
		}
		if strong[k] {
			anyStrong = true
			continue
		}
		if old[k] != "" && !endsSentence(old[k]) {
			continue // weak: may go on
		}
		if keyColumn(s, k) {
			freshKey = true
		} else {
			freshOther = true
		}
	}
	if cut && !freshOther && ((anyStrong) || (cur[0] == "" && !freshKey && anyText(cur))) {
		j.row = true
		return j
	}
	if cut && restOfCut(s, t, p, c) {
		j.row = true
		return j
	}
	for k := range cur {
		if !keyColumn(s, k) || old[k] == "" && s.rows[p][k].text() == "" {
			continue
		}
		switch {
		case cur[k] == "" && (!s.closed[k] || spansRows(s, p, k) || k == 0 || cur[0] == ""):
			j.keep[k] = true // merged cell carried over, empty on the new page
		case cut && strong[k]:
			j.keep[k] = true
		case cut && cur[0] == "" && (spansRows(s, p, k) || spansDown(t, c, k)):
			j.keep[k] = true
		}
	}
	return j
}

// restOfCut tells whether row c of t holds text only in the columns
// whose cells in row p of s ran to the row's foot on the page before,
// while a column outside the key ones has text in row p that ended
// higher up and nothing in row c. The page may break between two
// sentences of a long cell, so that nothing in the text tells the rest
// from a new row; but a new row has cells of its own beside the one that
// runs on (its responsible, its time, its status).
func restOfCut(s, t *grid, p, c int) bool {
	prev := t.page - 1
	lineH := math.Max(s.size, 6) * 1.3
	var rowBot float64
	for _, x := range s.rows[p] {
		if x != nil && x.page == prev {
			rowBot = math.Max(rowBot, x.bot)
		}
	}
	if rowBot == 0 {
		return false
	}
	reaches := func(k int) bool {
		x := s.rows[p][k]
		return x != nil && x.page == prev && x.bot >= rowBot-0.5*lineH
	}
	cur := t.rowTexts(c)
	goesOn, endedAbove := false, false
	for k := range cur {
		switch {
		case cur[k] != "":
			if !reaches(k) {
				return false
			}
			goesOn = true
		case !keyColumn(s, k) && s.rows[p][k] != nil && s.rows[p][k].text() != "" && !reaches(k):
			endedAbove = true
		}
	}
	return goesOn && endedAbove
}

func anyText(ss []string) bool {
	for _, s := range ss {
		if s != "" {
			return true
		}
	}
	return false
}

// listLine reports whether s starts with a list dash or bullet.
func listLine(s string) bool {
	s = strings.TrimSpace(s)
	for _, m := range []string{"– ", "- ", "• ", "— ", "* ", "\uf0b7"} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// endsSentence reports whether s ends with sentence punctuation.
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.ContainsRune(".!?", rune(s[len(s)-1]))
}

// numberedColumn tells whether every body row of g with text in the first
// column starts it with a number ("5.", "3.c.ii)").
func numberedColumn(g *grid) bool {
	n, k := 0, 0
	for r := g.nhead; r < len(g.rows); r++ {
		if acrossAll(g, r) {
			continue // a title row
		}
		if x := g.rows[r][0].text(); x != "" {
			n++
			if numbered.MatchString(x) {
				k++
			}
		}
	}
	return n > 0 && k == n
}

// acrossAll tells whether row r of g is one cell across all its columns
// (a title row).
func acrossAll(g *grid, r int) bool {
	if g.ncols() < 2 || g.rows[r][0] == nil {
		return false
	}
	for _, c := range g.rows[r] {
		if c != g.rows[r][0] {
			return false
		}
	}
	return true
}

// spansDown tells whether the cell at (r, j) also covers the row below.
func spansDown(g *grid, r, j int) bool {
	return r+1 < len(g.rows) && g.rows[r+1][j] == g.rows[r][j]
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

// timeColumn tells whether column j holds times or statuses by its
// header: their cells start in lower case of their own ("december 2027",
// "våren 2026", "löpande"), so that says nothing about a cut.
func timeColumn(g *grid, j int) bool {
	for r := 0; r < g.nhead; r++ {
		switch rccplans.ColumnOf(g.rows[r][j].text()) {
		case rccplans.ColTimeframe, rccplans.ColStatus:
			return true
		}
	}
	return false
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
