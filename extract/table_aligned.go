package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// Borderless tables are found from their header line: a line whose
// gutter-separated segments name at least two known column roles
// (rccplans.HeaderScore). The header may wrap over a few lines, or carry a
// title spanning some columns over a row of their names. Columns are
// anchored on the header segments; the exact boundary between two columns
// is the whitespace gutter of the body lines nearest to the left edge of
// the next column's header. The body ends at a new header, a heading, a
// footnote, a wide gap or prose running across the columns on one baseline
// (cells centred vertically half a line apart share a line, and may be
// set closer than a gutter when filled to their padding). Rows start
// where the first column starts a new block: after vertical whitespace, or
// at a number ("5.") when the table's rows are numbered; see fillAligned
// for cells centred vertically and rows set as close as lines.

// segment is a run of words in a line with no gutter inside.
type segment struct {
	rccplans.Box
	words []rccplans.Word
}

func (s segment) text() string {
	l := tline{words: s.words}
	return l.text()
}

// segments splits a line at gaps wider than a gutter (over half a font
// size; word spaces are a quarter to a third of it).
func segments(l *tline) []segment {
	gap := math.Max(0.55*l.size, 4)
	var out []segment
	for _, w := range l.words {
		if n := len(out); n > 0 && w.X0-out[n-1].X1 <= gap {
			s := &out[n-1]
			s.words = append(s.words, w)
			s.X1 = math.Max(s.X1, w.X1)
			s.Y0 = math.Min(s.Y0, w.Y0)
			s.Y1 = math.Max(s.Y1, w.Y1)
			continue
		}
		out = append(out, segment{Box: w.Box, words: []rccplans.Word{w}})
	}
	return out
}

// maxHeaderText is the longest header segment, in characters.
const maxHeaderText = 40

// headerLine reports whether a line looks like a table header by itself:
// two or more gutter-separated segments, short, most of them naming a
// known column role and at least two different ones, set in bold unless
// every segment is a column name.
func headerLine(l *tline) bool {
	segs := segments(l)
	if len(segs) < 2 {
		return false
	}
	texts := make([]string, len(segs))
	known := 0
	for i, s := range segs {
		texts[i] = s.text()
		// A header names its column in a few words; a long segment is
		// body text that happens to contain a header word.
		if len([]rune(texts[i])) > maxHeaderText {
			return false
		}
		if rccplans.ColumnOf(texts[i]) != rccplans.ColUnknown {
			known++
		}
	}
	if numbered.MatchString(texts[0]) {
		return false
	}
	if rccplans.HeaderScore(texts) < 2 || known*2 < len(segs) {
		return false
	}
	// Header words also turn up in body text ("uppdrag", "när"): a line
	// in the body's regular weight is a header only when every one of at
	// least three segments names a column. In a plan set in a bold face
	// the header is printed in the body's weight: there one name the
	// vocabulary does not know ("Kommentar") among three known is allowed;
	// so it is where four or more segments name columns, whatever the
	// weight (a bold face whose weight the PDF does not say, as a Type 3
	// font a converter drew, reads as regular).
	return l.bold || known == len(segs) && known >= 3 || (l.heavy || known >= 4) && known >= 3 && known+1 >= len(segs)
}

// alignedTables finds borderless tables among a page's lines and returns
// them with the lines they did not take.
func alignedTables(p *rccplans.Page, lines []tline) ([]*grid, []tline) {
	var tabs []*grid
	used := make([]bool, len(lines))
	for i := 0; i < len(lines); i++ {
		if used[i] || !headerLine(&lines[i]) {
			continue
		}
		g, taken := alignedTable(p, lines, i, used)
		if g == nil {
			continue
		}
		for _, k := range taken {
			used[k] = true
		}
		tabs = append(tabs, g)
	}
	var rest []tline
	for i := range lines {
		if !used[i] {
			rest = append(rest, lines[i])
		}
	}
	return tabs, rest
}

// anchor is one column as printed in the header.
type anchor struct {
	rccplans.Box
	words []rccplans.Word
}

// alignedTable builds the table whose header starts at lines[h].
func alignedTable(p *rccplans.Page, lines []tline, h int, used []bool) (*grid, []int) {
	head := &lines[h]
	var anchors []anchor
	for _, s := range segments(head) {
		anchors = append(anchors, anchor{Box: s.Box, words: s.words})
	}
	taken := []int{h}
	// A wrapped header: bold lines right below (or above, when the header
	// is centred vertically) in the same weight; their segments join the
	// anchor they sit under, or open a column of their own.
	end, top := h, h
	var groupTitle []string // with a group header, each column's title in the top header row
	if head.bold {
		for k := h + 1; k < len(lines) && k <= h+3; k++ {
			l := &lines[k]
			if groupTitle == nil && !used[k] && l.bold && l.Y0-lines[end].Y1 <= 1.2*head.height() {
				// A second header row under a title spanning some
				// columns ("Genomförande" over "Ansvarig | Tidsplan"),
				// set apart by the cells' padding.
				if as, titles := subHeader(anchors, l); as != nil {
					anchors, groupTitle = as, titles
					taken = append(taken, k)
					end = k
					break // the columns are named: no more header lines
				}
			}
			// A line that names columns by itself is the next table's
			// header, unless it only goes on under this one's anchors
			// ("Mätbar" / "målnivå").
			// Nor is a long bold line (a title row across the table
			// right under its header).
			// A line set apart by more than line spacing whose words
			// would have fitted on the header's line is no wrapped part
			// of it: a band row right under the header ("A. Levnadsvanor"
			// under "MÅL").
			gap := l.Y0 - lines[end].Y1
			if used[k] || !l.bold || gap > 0.6*head.height() || gap > 0.35*head.height() && fitsAbove(anchors, l) || headerLine(l) && !underAnchors(anchors, l) || longSegment(l) {
				break
			}
			anchors = mergeHeaderLine(anchors, l)
			taken = append(taken, k)
			end = k
		}
		for k := h - 1; k >= 0 && k >= h-2 && groupTitle == nil; k-- {
			l := &lines[k]
			// A title right above the table starts at the left margin; a
			// header part centred above its column does not.
			if used[k] || !l.bold || l.size != head.size || lines[top].Y0-l.Y1 > 0.6*head.height() || headerLine(l) || l.X0 <= anchors[0].X1 {
				break
			}
			// A group title above two or more columns whose names sit
			// lower (the other names centred between the two rows).
			// Its columns are those named below the header line, from
			// the first one it overlaps on.
			if segs := segments(l); len(segs) == 1 {
				var over []int
				for j, a := range anchors {
					lower := a.Y0 > (head.Y0+head.Y1)/2
					if lower && (len(over) > 0 || math.Min(a.X1, segs[0].X1) > math.Max(a.X0, segs[0].X0)) {
						over = append(over, j)
					}
				}
				if len(over) >= 2 {
					groupTitle = make([]string, len(anchors))
					for j, a := range anchors {
						groupTitle[j] = wordsText(a.words)
					}
					for _, j := range over {
						groupTitle[j] = segs[0].text()
					}
					taken = append(taken, k)
					top = k
					break
				}
			}
			fits := true
			for _, sg := range segments(l) {
				fits = fits && bestAnchor(anchors, sg.Box) >= 0
			}
			if !fits {
				break
			}
			anchors = mergeHeaderLine(anchors, l)
			taken = append(taken, k)
			top = k
		}
	}
	// Body: the lines below until a new header, a larger font or a wide
	// vertical gap.
	var body []int
	prev := &lines[end]
	bands := rowRules(p, anchors[0].X0, anchors[len(anchors)-1].X1, lines[top].Y0, lines[end].Y1)
	titles := map[int]bool{} // bold lines across the table over rows in its columns
	starts := make([]float64, 0, len(anchors)-1)
	for _, a := range anchors[1:] {
		starts = append(starts, a.X0)
	}
	for k := end + 1; k < len(lines); k++ {
		l := &lines[k]
		if !used[k] {
			unglue(l, starts)
		}
		gap := l.Y0 - prev.Y1
		lim := 2.0 * prev.height()
		if len(body) == 0 {
			lim = 3.5 * prev.height()
		}
		// Prose right under the table runs across the columns (but a
		// line of cells filled to their edges inside a ruled row does
		// too, and so does a title row over the rows below it).
		if n := titleInTable(anchors, lines, k, used); !used[k] && gap <= lim && n > 0 && !(len(body) > 0 && wrapsCell(prev, l)) {
			for m := k; m < k+n; m++ {
				titles[m] = true
				body = append(body, m)
			}
			prev = &lines[k+n-1]
			k += n - 1
			continue
		}
		if used[k] || headerLine(l) || acrossAnchors(anchors, l) && !inRuledRow(bands, anchors, lines, k) {
			break
		}
		if gap > lim {
			break
		}
		if len(body) > 0 && (headingLike(l, lines[body[0]].size, gap > 0.6*l.height()) || footnoteLike(l, lines[body[0]].size, gap)) {
			break
		}
		body = append(body, k)
		prev = l
	}
	cols := alignedColumns(anchors, lines, body)
	g := &grid{page: p.Number, cols: cols, nhead: 1, hruled: bands != nil, starts: starts}
	if bands != nil {
		g.openLeft = ruleOpenings(p, cols)
	}
	headRow := make([]*cell, len(anchors))
	for j := range anchors {
		headRow[j] = &cell{lines: []string{wordsText(anchors[j].words)}}
	}
	if len(groupTitle) == len(anchors) {
		// Two header rows, as a ruled table with a spanning title gives
		// them: the titles over their columns, then the columns' own.
		titles := make([]*cell, len(anchors))
		for j := range anchors {
			titles[j] = &cell{lines: []string{groupTitle[j]}}
		}
		g.rows = append(g.rows, titles)
		g.rowY = append(g.rowY, [2]float64{lines[top].Y0, lines[end].Y1})
		g.pages = append(g.pages, p.Number)
		g.nhead = 2
	}
	g.rows = append(g.rows, headRow)
	g.rowY = append(g.rowY, [2]float64{lines[top].Y0, lines[end].Y1})
	g.pages = append(g.pages, p.Number)
	g.box = rccplans.Box{X0: cols[0], Y0: lines[top].Y0, X1: cols[len(cols)-1], Y1: lines[end].Y1}

	taken = append(taken, fillAligned(g, lines, body, lines[end].Y1, false, titles, bands)...)
	if len(g.rows) <= g.nhead {
		return nil, nil
	}
	return g, taken
}

// subHeader reads l as a header row under anchors in which one anchor is
// a title spanning two or more columns: every segment of l lies between
// the anchors to the left and right of one anchor, and some anchor has
// two or more of them. It returns the anchors with each such title
// replaced by the columns under it, and each column's title (its own name
// where it has no title over it); nil when l is no such row.
func subHeader(anchors []anchor, l *tline) ([]anchor, []string) {
	segs := segments(l)
	under := make([][]segment, len(anchors))
	for _, sg := range segs {
		i := spanningAnchor(anchors, sg.Box)
		if i < 0 || len([]rune(sg.text())) > maxHeaderText {
			return nil, nil
		}
		under[i] = append(under[i], sg)
	}
	grouped := false
	for i := range under {
		if len(under[i]) < 2 {
			continue
		}
		// A title spans its columns: one of them at least lies under it.
		// Names right of the last header, clear of it, are columns of
		// their own beside it (a group title above them, the other
		// names centred between the two rows).
		over := false
		for _, sg := range under[i] {
			over = over || math.Min(anchors[i].X1, sg.X1) > math.Max(anchors[i].X0, sg.X0)
		}
		if !over {
			return nil, nil
		}
		grouped = true
	}
	if !grouped {
		return nil, nil
	}
	var as []anchor
	var titles []string
	for i, a := range anchors {
		title := wordsText(a.words)
		if len(under[i]) < 2 {
			if len(under[i]) == 1 { // a wrapped name of a column of its own
				sg := under[i][0]
				a.words = append(a.words, sg.words...)
				a.X0, a.X1 = math.Min(a.X0, sg.X0), math.Max(a.X1, sg.X1)
				a.Y1 = math.Max(a.Y1, sg.Y1)
				title = wordsText(a.words)
			}
			as = append(as, a)
			titles = append(titles, title)
			continue
		}
		for _, sg := range under[i] {
			as = append(as, anchor{Box: sg.Box, words: sg.words})
			titles = append(titles, title)
		}
	}
	return as, titles
}

// spanningAnchor is the anchor a segment of the row below the header sits
// under: the segment lies between the anchors left and right of it, and
// overlaps it or starts right of its left edge; -1 if none.
func spanningAnchor(as []anchor, b rccplans.Box) int {
	best := -1
	for i, a := range as {
		if i > 0 && b.X0 < as[i-1].X1-1 || i+1 < len(as) && b.X1 > as[i+1].X0+1 {
			continue
		}
		if math.Min(a.X1, b.X1) > math.Max(a.X0, b.X0) {
			return i
		}
		if b.X0 >= a.X0-1 {
			best = i
		}
	}
	return best
}

// fillAligned adds the rows of a borderless table (or of its part on a
// new page) from the body lines: words go to columns by their centre, and
// a row starts at the first line, and then where the first column starts
// a new block: at a number when the rows are numbered (numbered, or the
// first row opens with one), else after vertical whitespace — above the
// line, or in the first column alone while no other column is still in
// the block it began the row with (cells centred vertically: a shorter
// first cell starts lower than its neighbours). A line after whitespace
// in two or more columns outside the key ones (goal, area) is a sub-row:
// its key cells span from the row above. A title line (titles, by line
// index) is a row of its own, one cell across the table. In a table of
// horizontal rules (bands, ruledBands), a rule between two lines starts a
// row; with the first column empty it is a sub-row.
// It returns the lines taken.
func fillAligned(g *grid, lines []tline, body []int, prevBot float64, numberedRows bool, titles map[int]bool, bands [][2]float64) []int {
	nc := g.ncols()
	inner := g.cols[1:nc]
	var taken []int
	var rows []pendingRow
	var cur *pendingRow
	// Rows are set apart by more space than lines inside a cell: compare
	// each gap with the usual gap between the body's lines.
	var gaps []float64
	for n := 1; n < len(body); n++ {
		gaps = append(gaps, lines[body[n]].Y0-lines[body[n-1]].Y1)
	}
	usual := 0.0
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		usual = math.Max(0, gaps[len(gaps)/4]) // the lower quartile: most gaps are inside cells
	}
	split := make([][][]rccplans.Word, len(body)) // each body line's words by column
	right := make([]float64, nc)                  // per column, where its longest lines end
	for n, k := range body {
		split[n] = make([][]rccplans.Word, nc)
		for _, w := range lines[k].words {
			j := sort.SearchFloat64s(inner, (w.X0+w.X1)/2)
			split[n][j] = append(split[n][j], w)
			right[j] = math.Max(right[j], w.X1)
		}
	}
	bottom := !numberedRows && len(titles) == 0 && bottomAligned(lines, body, split, usual, bands)
	var sizes []rccplans.Word
	colBot := make([]float64, nc)   // per column, the bottom of its last line in the row
	blockTop := make([]float64, nc) // per column, the top of its current block in the row
	afterTitle, rowsSeen := false, false
	for n, k := range body {
		l := &lines[k]
		if titles[k] {
			if afterTitle && n > 0 && titles[body[n-1]] {
				// The title wrapped: its next line.
				t := &rows[len(rows)-1]
				t.words[0] = append(t.words[0], l.words...)
				t.bot = l.Y1
			} else {
				rows = append(rows, pendingRow{words: make([][]rccplans.Word, nc), top: l.Y0, bot: l.Y1, title: true})
				rows[len(rows)-1].words[0] = l.words
			}
			cur, afterTitle = nil, true
			prevBot = l.Y1
			g.box.Y1 = math.Max(g.box.Y1, l.Y1)
			taken = append(taken, k)
			continue
		}
		breakGap := usual + math.Max(2, 0.25*l.height())
		byCol := split[n]
		sizes = append(sizes, l.words...)
		first := ""
		if len(byCol[0]) > 0 {
			first = (&tline{words: byCol[0]}).text()
		}
		gap := l.Y0 - prevBot
		start, isSub := !rowsSeen || afterTitle, false
		if !rowsSeen {
			numberedRows = numberedRows || numbered.MatchString(first)
		} else if afterTitle {
		} else if first != "" && (!numberedRows || numbered.MatchString(first)) {
			start = numberedRows || gap > breakGap || colBot[0] > 0 && l.Y0-colBot[0] > breakGap && !heldOpen(byCol, colBot, blockTop, cur.top, l.Y0, breakGap)
		}
		rowsSeen, afterTitle = true, false
		var open []bool // columns a rule above the line leaves open: their cells go on
		ruled := n > 0 && ruleBetween(bands, prevBot, l.Y0)
		if ruled {
			if open = openColumns(g, prevBot, l.Y0); open != nil {
				start, isSub = true, true
			} else if !start {
				start, isSub = true, first == ""
			}
		}
		if n > 0 && !start {
			// Text starting again after whitespace in two or more columns
			// outside the key ones (goal, area), while those go on or
			// stay empty: the next activity under the same goal. A
			// paragraph break inside one cell touches one column.
			restart := 0
			for j := range byCol {
				if len(byCol[j]) > 0 && !keyColumn(g, j) && colBot[j] > 0 && l.Y0-colBot[j] > breakGap {
					restart++
				}
			}
			// Rows set as close as lines: the first column has no
			// whitespace to show, but its cell ended a line early.
			if restart >= 1 && newCell(cur.words[0], byCol[0], right[0]) {
				restart++
			}
			start, isSub = restart >= 2, restart >= 2
			if !start && !numberedRows && first != "" && allNewCells(cur.words, byCol, right) {
				start = true
			}
		}
		if bottom && n > 0 {
			// Cells set at the bottom of their rows: a row ends at its
			// line with text in two or more columns (unless all of them
			// go on below), the lines above it are the tops of its
			// wrapped cells.
			start, isSub = filled(split[n-1]) >= 2 && !goesOn(split[n-1], split[n], false), false
		}
		var group []bool
		if n > 0 && !start && !numberedRows && first == "" && gap > breakGap {
			// Whitespace across the table, and the first column empty:
			// with cells centred vertically, the next row's columns start
			// one after the other below it. Two or more columns outside
			// the key ones starting again before the next such whitespace
			// open a row whose key cells span from above unless they
			// start in it too. The first row of a part can be the rest
			// of a row cut by the page break, which fills only the
			// columns that ran on: there every one of them starting
			// again, with the band filling two or more columns outside
			// the key ones, opens a row as well (a paragraph break
			// inside a cell fills only its own column).
			group = bandColumns(lines, body, split, n, usual)
			restart, had, filled := 0, 0, 0
			for j := range group {
				if keyColumn(g, j) {
					continue
				}
				if colBot[j] > 0 {
					had++
				}
				if group[j] {
					filled++
					if colBot[j] > 0 {
						restart++
					}
				}
			}
			start = restart >= 2 || len(rows) == 1 && restart >= 1 && restart == had && filled >= 2
			isSub = start
		}
		if start {
			var above [][]rccplans.Word
			if cur != nil {
				above = cur.words
			}
			rows = append(rows, pendingRow{words: make([][]rccplans.Word, nc), top: l.Y0, sub: isSub, ownKey: make([]bool, nc), breakGap: breakGap, open: open, ruled: ruled})
			cur = &rows[len(rows)-1]
			for j := range byCol {
				cur.ownKey[j] = len(byCol[j]) > 0 && (l.Y0-colBot[j] > breakGap || above != nil && newCell(above[j], byCol[j], right[j])) ||
					group != nil && group[j]
				if open != nil {
					// The rule says which cells are new: those it runs
					// over; the cells left of its start go on.
					cur.ownKey[j] = len(byCol[j]) > 0 && !open[j]
				}
			}
			colBot = make([]float64, nc)
			blockTop = make([]float64, nc)
		}
		for j := range byCol {
			if len(byCol[j]) == 0 {
				continue
			}
			if colBot[j] == 0 || l.Y0-colBot[j] > breakGap {
				blockTop[j] = l.Y0
			}
			cur.words[j] = append(cur.words[j], byCol[j]...)
			colBot[j] = l.Y1
		}
		cur.bot = l.Y1
		prevBot = l.Y1
		g.box.Y1 = math.Max(g.box.Y1, l.Y1)
		taken = append(taken, k)
	}
	if !numberedRows {
		centredCells(rows)
	}
	for i := range rows {
		addPendingRow(g, &rows[i])
	}
	if len(sizes) > 0 {
		g.size = dominantSize(sizes)
	}
	g.closed = make([]bool, nc)
	for j := range g.closed {
		g.closed[j] = true // no merged cells without rules
	}
	return taken
}

// filled counts the columns a line has text in.
func filled(byCol [][]rccplans.Word) int {
	n := 0
	for _, ws := range byCol {
		if len(ws) > 0 {
			n++
		}
	}
	return n
}

// bottomAligned tells whether the body's cells sit at the bottom of rows
// set as close as lines (a spreadsheet's export, its default: no
// whitespace and no rule between any two lines). A line with text in
// fewer columns than the line below, all going on there not starting with
// a capital, is the top of that line's wrapped cells; two or more such
// lines, none going on from a fuller line above (cells wrapped downwards,
// set at the top) and a full line (two or more columns) last in the body
// tell the cells sit at the bottom. Rows set at the top as close as lines
// are not told apart this way: a cell's new sentence there looks like a
// new row.
func bottomAligned(lines []tline, body []int, split [][][]rccplans.Word, usual float64, bands [][2]float64) bool {
	if len(body) < 3 {
		return false
	}
	up, down := 0, 0
	for n := range split {
		if n > 0 {
			l := &lines[body[n]]
			prev := lines[body[n-1]].Y1
			if l.Y0-prev > usual+math.Max(2, 0.25*l.height()) || ruleBetween(bands, prev, l.Y0) {
				return false
			}
		}
		f := filled(split[n])
		if n > 0 && f < filled(split[n-1]) && goesOn(split[n-1], split[n], true) {
			up++
		} else if n+1 < len(split) && f < filled(split[n+1]) && goesOn(split[n], split[n+1], false) {
			down++
		}
	}
	return down >= 2 && up == 0 && filled(split[len(split)-1]) >= 2
}

// goesOn tells whether the cells of line upper go on in line lower, set
// right under it: every column one of them (the lower when byLower) has
// text in has text in both, the lower line's not starting with a capital
// (a number goes on a sentence as well: "via" / "1177").
func goesOn(upper, lower [][]rccplans.Word, byLower bool) bool {
	for j := range upper {
		has := len(upper[j]) > 0
		if byLower {
			has = len(lower[j]) > 0
		}
		if has && (len(upper[j]) == 0 || len(lower[j]) == 0 || startsUpper(lower[j])) {
			return false
		}
	}
	return true
}

// startsUpper tells whether words start with an upper-case letter.
func startsUpper(ws []rccplans.Word) bool {
	r, _ := utf8.DecodeRuneInString(ws[0].Text)
	return unicode.IsUpper(r)
}

// newCell tells whether the words next in a column start a new cell
// although no whitespace sets them apart from the cell above (ws): the
// next text starts with a capital or a digit, and the cell's last line
// ends a sentence or stops short of the column's right edge (right: where
// its longest lines end) with room left for the next word (a wrapped line
// would have taken it).
func newCell(ws, next []rccplans.Word, right float64) bool {
	if len(ws) == 0 || len(next) == 0 {
		return false
	}
	if !startsCapital(next) {
		return false
	}
	last := ws[len(ws)-1]
	if endsSentence(last.Text) {
		return true
	}
	x1 := last.X1
	for k := len(ws) - 1; k >= 0 && ws[k].Y0 < last.Y1 && ws[k].Y1 > last.Y0; k-- {
		x1 = math.Max(x1, ws[k].X1)
	}
	return right-x1 > next[0].X1-next[0].X0+0.3*(next[0].Y1-next[0].Y0)
}

// startsCapital tells whether words start with a capital or a digit.
func startsCapital(ws []rccplans.Word) bool {
	r, _ := utf8.DecodeRuneInString(ws[0].Text)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// allNewCells tells whether a line starts a new cell in every column it
// has text in, two or more, each after text of the row above (newCell):
// rows of one-line cells set as close as lines.
func allNewCells(above, byCol [][]rccplans.Word, right []float64) bool {
	n := 0
	for j := range byCol {
		if len(byCol[j]) == 0 {
			continue
		}
		if !newCell(above[j], byCol[j], right[j]) {
			return false
		}
		n++
	}
	return n >= 2
}

// bandColumns tells which columns have text in the lines from body[n] down
// to the next whitespace across the table.
func bandColumns(lines []tline, body []int, split [][][]rccplans.Word, n int, usual float64) []bool {
	has := make([]bool, len(split[n]))
	bot := math.Inf(-1)
	for m := n; m < len(body); m++ {
		l := &lines[body[m]]
		if m > n && l.Y0-bot > usual+math.Max(2, 0.25*l.height()) {
			break
		}
		for j := range split[m] {
			has[j] = has[j] || len(split[m][j]) > 0
		}
		bot = math.Max(bot, l.Y1)
	}
	return has
}

// pendingRow is a borderless row being read: its words per column.
type pendingRow struct {
	words    [][]rccplans.Word
	title    bool // a title line across the table: one cell, its words in words[0]
	top, bot float64
	sub      bool   // a sub-row: its key cells span from the row above
	ownKey   []bool // ... except those that start anew with it
	open     []bool // columns left open by the rule above it: they span too, key or not
	// ruled: opened by a rule; a cell it runs over that has text of its
	// own in the row is new (cells centred vertically start below the
	// row's first line).
	ruled    bool
	breakGap float64
}

// heldOpen tells whether a column other than the first is still in the
// block it began the row with at the line starting at y: then whitespace
// in the first column alone is a paragraph break inside its cell, not a
// new row.
func heldOpen(byCol [][]rccplans.Word, colBot, blockTop []float64, rowTop, y, breakGap float64) bool {
	for j := 1; j < len(byCol); j++ {
		if len(byCol[j]) > 0 && colBot[j] > 0 && y-colBot[j] <= breakGap && blockTop[j] <= rowTop+1 {
			return true
		}
	}
	return false
}

// centredCells moves text read into the wrong row when cells are centred
// vertically: a cell taller than the first column's starts above the line
// that opens its row, so its first lines were read into the row above.
// Such a block is the last of its column in the row above, comes after
// whitespace there (or after that row's first cell ended), and runs on into
// the next row's cell without a gap.
func centredCells(rows []pendingRow) {
	for i := 0; i+1 < len(rows); i++ {
		r, n := &rows[i], &rows[i+1]
		for j := 1; j < len(r.words); j++ {
			rw, nw := r.words[j], n.words[j]
			if len(rw) == 0 || len(nw) == 0 {
				continue
			}
			// The last block of rw: back from its end while the lines
			// follow each other without whitespace.
			b := len(rw) - 1
			for b > 0 && (rw[b-1].Y1 > rw[b].Y0 || rw[b].Y0-rw[b-1].Y1 <= r.breakGap) {
				b--
			}
			if nw[0].Y0-rw[len(rw)-1].Y1 > r.breakGap {
				continue // the next row's cell starts after whitespace
			}
			after := b > 0
			if !after && len(r.words[0]) > 0 {
				after = rw[0].Y0 > maxY1(r.words[0])
			}
			if !after {
				continue
			}
			n.words[j] = append(append([]rccplans.Word(nil), rw[b:]...), nw...)
			r.words[j] = rw[:b]
			n.top = math.Min(n.top, rw[b].Y0)
		}
	}
}

func maxY1(ws []rccplans.Word) float64 {
	y := math.Inf(-1)
	for _, w := range ws {
		y = math.Max(y, w.Y1)
	}
	return y
}

// addPendingRow adds a read row to g; the key cells of a sub-row span from
// the row above, and text that goes on beside the sub-row is still theirs.
func addPendingRow(g *grid, pr *pendingRow) {
	nc := g.ncols()
	row := make([]*cell, nc)
	if pr.title {
		c := &cell{lines: cellLines(pr.words[0])}
		for j := range row {
			row[j] = c
		}
		g.rows = append(g.rows, row)
		g.rowY = append(g.rowY, [2]float64{pr.top, pr.bot})
		g.pages = append(g.pages, g.page)
		return
	}
	for j := range row {
		row[j] = wordsCell(pr.words[j], g.page)
		open := pr.open != nil && pr.open[j]
		if pr.sub && !pr.ownKey[j] && len(g.rows) > g.nhead && (keyColumn(g, j) || open) && !(pr.ruled && !open && len(pr.words[j]) > 0) {
			above := g.rows[len(g.rows)-1][j]
			above.extend(row[j])
			row[j] = above
		}
	}
	g.rows = append(g.rows, row)
	g.rowY = append(g.rowY, [2]float64{pr.top, pr.bot})
	g.pages = append(g.pages, g.page)
}

// alignedContinuation reads the top of a page as the rest of the
// borderless table prev that ended the page before, when the page repeats
// no header: the leading lines that keep to prev's columns (no word across
// a column boundary, nothing left of the table or right of it by more
// than its last column's width (that column's right edge is where the
// longest text of the page before ended), no larger font)
// become a part with prev's columns and no header, for joinTables.
func alignedContinuation(p *rccplans.Page, lines []tline, prev *grid) (*grid, []tline) {
	if prev == nil || prev.ruled || len(lines) == 0 {
		return nil, lines
	}
	nc := prev.ncols()
	var body []int
	// The columns as anchors, and the rows a table of horizontal rules
	// draws: a word over a column boundary inside a ruled row is cells
	// filled to their edges.
	cols := make([]anchor, nc)
	for j := range cols {
		cols[j].Box = rccplans.Box{X0: prev.cols[j], X1: prev.cols[j+1]}
	}
	var bands [][2]float64
	if prev.hruled {
		bands = rowRules(p, prev.cols[0], prev.cols[nc], math.Inf(-1), math.Inf(1))
	} else {
		bands = rowRules(p, prev.cols[0], prev.cols[nc], lines[0].Y0, lines[0].Y1)
	}
	for k := range lines {
		l := &lines[k]
		unglue(l, prev.starts)
		gap := 0.0
		if k > 0 {
			gap = l.Y0 - lines[k-1].Y1
		}
		if headerLine(l) || headingLike(l, prev.size, true) || crossesColumns(prev, l.words) && !inRuledRow(bands, cols, lines, k) ||
			footnoteLike(l, prev.size, gap) || l.X0 < prev.cols[0]-2 || l.X1 > prev.cols[nc]+math.Max(2, prev.cols[nc]-prev.cols[nc-1]) {
			break
		}
		if k > 0 && l.Y0-lines[k-1].Y1 > 2*lines[k-1].height() {
			break
		}
		body = append(body, k)
	}
	if len(body) == 0 {
		return nil, lines
	}
	g := &grid{page: p.Number, cols: append([]float64(nil), prev.cols...), box: rccplans.Box{X0: prev.cols[0], Y0: lines[0].Y0, X1: prev.cols[nc], Y1: lines[0].Y1}, hruled: bands != nil, starts: prev.starts}
	if bands != nil {
		g.openLeft = ruleOpenings(p, g.cols)
	}
	taken := fillAligned(g, lines, body, lines[0].Y0, numberedColumn(prev), nil, bands)
	return g, untaken(lines, taken)
}

// headingLike tells whether a line under a borderless table ends it: set
// larger than the table's text, or, after vertical whitespace (afterGap),
// a bold line in one run that does not open a numbered row (a section
// title; bold words inside a cell follow their lines without a gap).
func headingLike(l *tline, body float64, afterGap bool) bool {
	if l.size >= body+0.75 {
		return true
	}
	return afterGap && l.bold && len(segments(l)) == 1 && !numbered.MatchString(l.text())
}

// acrossAnchors tells whether a line runs across the columns: one of its
// gutter-free runs on one baseline (proseRuns) reaches over the headers of
// half the columns, and at least two. Cells keep to their column; two
// neighbours set closer than a gutter reach over two headers at most.
func acrossAnchors(anchors []anchor, l *tline) bool {
	need := max(2, (len(anchors)+1)/2)
	if len(anchors) > 3 {
		need = max(need, 3)
	}
	for _, sg := range proseRuns(l) {
		n := 0
		for _, a := range anchors {
			if sg.X0 < a.X1 && sg.X1 > a.X0 {
				n++
			}
		}
		if n >= need && !breaksAtAnchors(anchors, sg) {
			return true
		}
	}
	return false
}

// breaksAtAnchors tells whether a run over column boundaries is cells set
// with gutters narrower than a segment's gap (filled to their edges):
// at every header's left edge inside the run a word starts, within a
// point of it, after a gap wider than the run's usual word space. Prose
// spaces its words evenly and does not start them where the columns do.
func breaksAtAnchors(as []anchor, sg segment) bool {
	ws := sg.words
	if len(ws) < 2 {
		return false
	}
	gaps := make([]float64, 0, len(ws)-1)
	for i := 1; i < len(ws); i++ {
		gaps = append(gaps, ws[i].X0-ws[i-1].X1)
	}
	sorted := append([]float64(nil), gaps...)
	sort.Float64s(sorted)
	space := sorted[len(sorted)/2]
	inside := 0
	for _, a := range as[1:] {
		if a.X0 <= sg.X0+1 || a.X0 >= sg.X1-1 {
			continue
		}
		inside++
		found := false
		for i := 1; i < len(ws); i++ {
			if math.Abs(ws[i].X0-a.X0) <= 1 && gaps[i-1] > 1.3*space && ws[i-1].X1 < a.X0 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return inside > 0
}

// proseRuns splits a line's gutter-free segments where the baseline moves
// by more than a quarter of the font size. A line of prose keeps to one
// baseline; cells centred vertically in a row of odd and even line counts
// sit half a line apart, so their words share a line (they overlap
// vertically) but not a baseline, and cells filled to their padding leave
// less than a gutter between them.
func proseRuns(l *tline) []segment {
	var out []segment
	for _, sg := range segments(l) {
		start := 0
		for k := 1; k <= len(sg.words); k++ {
			if k < len(sg.words) && math.Abs(sg.words[k].Y1-sg.words[k-1].Y1) <= 0.25*l.size {
				continue
			}
			run := segment{Box: sg.words[start].Box, words: sg.words[start:k]}
			for _, w := range run.words {
				run.X0, run.X1 = math.Min(run.X0, w.X0), math.Max(run.X1, w.X1)
				run.Y0, run.Y1 = math.Min(run.Y0, w.Y0), math.Max(run.Y1, w.Y1)
			}
			out = append(out, run)
			start = k
		}
	}
	return out
}

// underAnchors tells whether every segment of l sits under an anchor.
func underAnchors(anchors []anchor, l *tline) bool {
	for _, sg := range segments(l) {
		if bestAnchor(anchors, sg.Box) < 0 {
			return false
		}
	}
	return true
}

// footnoteLike tells whether a line under a borderless table is its
// footnote: a star after some whitespace, or clearly smaller print.
func footnoteLike(l *tline, body, gap float64) bool {
	return strings.HasPrefix(l.text(), "*") && gap > 0.3*l.height() || l.size < body-0.9
}

// mergeHeaderLine adds a wrapped header line's segments to the anchors
// they overlap, or as new anchors in x order.
func mergeHeaderLine(anchors []anchor, l *tline) []anchor {
	for _, sg := range segments(l) {
		if i := bestAnchor(anchors, sg.Box); i >= 0 {
			a := &anchors[i]
			a.words = append(a.words, sg.words...)
			a.X0, a.X1 = math.Min(a.X0, sg.X0), math.Max(a.X1, sg.X1)
			a.Y0, a.Y1 = math.Min(a.Y0, sg.Y0), math.Max(a.Y1, sg.Y1)
			continue
		}
		anchors = append(anchors, anchor{Box: sg.Box, words: sg.words})
		sort.SliceStable(anchors, func(i, j int) bool { return anchors[i].X0 < anchors[j].X0 })
	}
	return anchors
}

// bestAnchor is the anchor a header segment overlaps most, or -1.
// fitsAbove tells whether every segment of l would have fitted on the
// line of the anchor it sits under: its first word after the anchor's
// text, a space and a gutter short of the next anchor. A header wrapped
// by width never does; a line typed under it or a row below may.
func fitsAbove(as []anchor, l *tline) bool {
	segs := segments(l)
	if len(segs) == 0 {
		return false
	}
	for _, sg := range segs {
		j := bestAnchor(as, sg.Box)
		if j < 0 || j+1 >= len(as) || len(sg.words) == 0 {
			return false // the last column's right edge is not known
		}
		w := sg.words[0].X1 - sg.words[0].X0
		if as[j].X1+0.3*l.size+w > as[j+1].X0-0.5*l.size {
			return false
		}
	}
	return true
}

func bestAnchor(as []anchor, b rccplans.Box) int {
	best, bo := -1, 0.0
	for i, a := range as {
		ov := math.Min(a.X1, b.X1) - math.Max(a.X0, b.X0)
		if ov > bo {
			best, bo = i, ov
		}
	}
	return best
}

// alignedColumns places the column boundaries: for each column after the
// first, the point of the body's whitespace gutter nearest to the left
// edge of its header; without a gutter, just left of the header.
func alignedColumns(as []anchor, lines []tline, body []int) []float64 {
	type iv struct{ a, b float64 }
	var cov []iv
	// Cover the body with gutter-free segments, not words: the spaces
	// between words are not gutters.
	for _, k := range body {
		for _, sg := range segments(&lines[k]) {
			cov = append(cov, iv{sg.X0, sg.X1})
		}
	}
	sort.Slice(cov, func(i, j int) bool { return cov[i].a < cov[j].a })
	var merged []iv
	for _, c := range cov {
		if n := len(merged); n > 0 && c.a <= merged[n-1].b {
			merged[n-1].b = math.Max(merged[n-1].b, c.b)
			continue
		}
		merged = append(merged, c)
	}
	// gaps between covered intervals
	var gaps []iv
	for i := 1; i < len(merged); i++ {
		gaps = append(gaps, iv{merged[i-1].b, merged[i].a})
	}
	left := as[0].X0
	if len(merged) > 0 {
		left = math.Min(left, merged[0].a)
	}
	right := as[len(as)-1].X1
	if len(merged) > 0 {
		right = math.Max(right, merged[len(merged)-1].b)
	}
	cols := []float64{left - 1}
	inside := func(x float64) bool {
		for _, m := range merged {
			if x > m.a && x < m.b {
				return true
			}
		}
		return false
	}
	for j := 1; j < len(as); j++ {
		x := as[j].X0
		best, bd := x-1, math.Inf(1)
		if !inside(x - 1) {
			cols = append(cols, best)
			continue
		}
		// A column starts left of the middle of its own name (its
		// header's lowest line): a title over several columns merged
		// into its anchor ("Kv Kv Kv Kv" over "1" "2" "3" "4") does not
		// widen it.
		limit := ownNameMiddle(as[j])
		for _, g := range gaps {
			if g.a <= as[j-1].X0+1 || g.a > as[j].X1 {
				continue
			}
			p := math.Max(g.a, math.Min(g.b, x-1))
			if p >= limit {
				continue
			}
			if d := math.Abs(p - x); d < bd {
				best, bd = p, d
			}
		}
		cols = append(cols, best)
	}
	return append(cols, right+1)
}

// ownNameMiddle is the middle of an anchor's words on its lowest line.
func ownNameMiddle(a anchor) float64 {
	if len(a.words) == 0 {
		return (a.X0 + a.X1) / 2
	}
	low := a.words[0].Y0
	for _, w := range a.words {
		low = math.Max(low, w.Y0)
	}
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, w := range a.words {
		if w.Y0 > low-0.5*(w.Y1-w.Y0) {
			x0, x1 = math.Min(x0, w.X0), math.Max(x1, w.X1)
		}
	}
	return (x0 + x1) / 2
}

// ruledBands are the rows of a table drawn with horizontal rules only (no
// vertical ones): the spans between consecutive rules that run across
// most of the table's width x0..x1 (a rule under a merged first column
// starts at the second), when such a rule lies on the top or bottom edge
// of its first line (the header, or the first line of a part continued
// on a new page) at headTop..headBottom, or anywhere when headTop is
// -Inf (the part of a table known to be so drawn). Nil for a table
// without them.
func ruledBands(p *rccplans.Page, x0, x1, headTop, headBottom float64) [][2]float64 {
	var ys []float64
	for _, r := range p.Rules {
		if !r.Horizontal() || r.Y1-r.Y0 > maxRule {
			continue
		}
		if lo, hi := math.Max(r.X0, x0), math.Min(r.X1, x1); hi-lo >= 0.6*(x1-x0) {
			ys = append(ys, (r.Y0+r.Y1)/2)
		}
	}
	sort.Float64s(ys)
	h := headBottom - headTop
	onHeader := math.IsInf(headTop, -1) // a part of a table known to be so drawn
	for _, y := range ys {
		if math.Abs(y-headTop) < h || math.Abs(y-headBottom) < h {
			onHeader = true
		}
	}
	if !onHeader {
		return nil
	}
	var bands [][2]float64
	for i := 1; i < len(ys); i++ {
		if ys[i]-ys[i-1] >= minSlice && ys[i-1] >= headTop-h {
			bands = append(bands, [2]float64{ys[i-1], ys[i]})
		}
	}
	return bands
}

// rowRules are the rows a table without vertical rules draws: by
// horizontal rules across it (ruledBands), else by a column of coloured
// cells (shadedRows).
func rowRules(p *rccplans.Page, x0, x1, headTop, headBottom float64) [][2]float64 {
	if b := ruledBands(p, x0, x1, headTop, headBottom); b != nil {
		return b
	}
	return shadedRows(p, x0, x1, headTop, headBottom)
}

// shadedRows are the rows drawn by one column of coloured cells (status
// cells filled by their value) in a table of x0..x1 without rules: a
// stack of filled rectangles in one column, touching each other (their
// side edges run unbroken from the first to the last), the first starting
// at the header's foot (headTop..headBottom; anywhere when headTop is
// -Inf), each holding text. Their top and bottom edges are the rows'
// edges, which cells centred vertically and set as close as lines do not
// show. Nil when no such stack of two cells or more lies there; a badge
// inside a cell leaves a gap to the next.
func shadedRows(p *rccplans.Page, x0, x1, headTop, headBottom float64) [][2]float64 {
	type span struct{ a, b float64 }
	groups := map[span][]float64{}
	for _, r := range p.Rules {
		w := r.X1 - r.X0
		if !r.Horizontal() || r.Width > 0 || w < 4 || w > 0.6*(x1-x0) || r.X0 < x0-6 || r.X1 > x1+6 || r.Y1 < headTop {
			continue // (another table's shading above this one's header)
		}
		k := span{math.Round(r.X0), math.Round(r.X1)}
		groups[k] = append(groups[k], (r.Y0+r.Y1)/2)
	}
	// The stack that starts at the header's foot (or, on a page the
	// table goes on to, the highest one), of the most cells.
	h := headBottom - headTop
	var col span
	var edges []float64
	for k, ys := range groups {
		sort.Float64s(ys)
		var es []float64
		for _, y := range ys {
			if n := len(es); n == 0 || y-es[n-1] >= minSlice {
				es = append(es, y)
			}
		}
		if len(es) < 3 || !math.IsInf(headTop, -1) && (es[0] < headBottom-h || es[0] > headBottom+h) {
			continue
		}
		better := edges == nil || es[0] < edges[0]-1 || math.Abs(es[0]-edges[0]) <= 1 &&
			(len(es) > len(edges) || len(es) == len(edges) && (k.a < col.a || k.a == col.a && k.b < col.b))
		if better {
			col, edges = k, es
		}
	}
	if edges == nil {
		return nil
	}
	// The stack's side: fill edges down its left side, joined, cover it.
	var side []edge
	for _, r := range p.Rules {
		if !r.Horizontal() && r.Width == 0 && math.Abs(r.X0-float64(col.a)) <= 1.5 {
			side = append(side, edge{r.X0, r.Y0, r.Y1})
		}
	}
	cover := 0.0
	for _, e := range joinEdges(side) {
		cover = math.Max(cover, math.Min(e.b, edges[len(edges)-1])-math.Max(e.a, edges[0]))
	}
	if cover < 0.95*(edges[len(edges)-1]-edges[0]) {
		return nil
	}
	// Each cell holds its value (a status word): shading behind merged
	// cells or decoration leaves some empty.
	var bands [][2]float64
	for i := 1; i < len(edges); i++ {
		filled := false
		for _, w := range p.Words {
			cx, cy := (w.X0+w.X1)/2, (w.Y0+w.Y1)/2
			if cx > float64(col.a) && cx < float64(col.b) && cy > edges[i-1] && cy < edges[i] {
				filled = true
				break
			}
		}
		if !filled {
			return nil
		}
		bands = append(bands, [2]float64{edges[i-1], edges[i]})
	}
	return bands
}

// inRuledRow tells whether lines[k] lies in a ruled row (ruledBands) that
// also holds a line set in columns: then a line running across the
// columns is cells filled to their edges, not prose (prose between two
// ruled tables has no line set in columns).
func inRuledRow(bands [][2]float64, anchors []anchor, lines []tline, k int) bool {
	l := &lines[k]
	for _, b := range bands {
		if l.Y0 < b[0]-1 || l.Y1 > b[1]+1 {
			continue
		}
		for j := range lines {
			o := &lines[j]
			if j == k || o.Y0 < b[0]-1 || o.Y1 > b[1]+1 {
				continue
			}
			if len(segments(o)) >= 2 && !acrossAnchors(anchors, o) {
				return true
			}
		}
		return false
	}
	return false
}

// titleInTable tells how many lines from lines[k] on make a title row
// inside a borderless table (a goal or a section set across the columns,
// as a word processor prints a merged row), 0 if none: one bold run over
// two or more headers in the body's size (or within the first column over
// a row set in two or more columns), wrapped onto more bold lines
// that start where it starts, with the next line close below set in the
// columns (in two or more, or within one; not a header, not larger), or
// last on its page.
func titleInTable(anchors []anchor, lines []tline, k int, used []bool) int {
	l := &lines[k]
	segs := segments(l)
	if !l.bold || len(segs) != 1 {
		return 0
	}
	// Across: over two headers at least (a cell keeps to its column).
	over := 0
	for _, a := range anchors {
		if segs[0].X0 < a.X1 && segs[0].X1 > a.X0 {
			over++
		}
	}
	// Or within the first column, when a row set in two or more columns
	// follows right below (checked there): a band too short to run over
	// the next header (a cell's first line would have the rest of its
	// row beside it).
	first := over < 2
	if first && (len(anchors) < 2 || segs[0].X1 > anchors[1].X0 || segs[0].X0 > anchors[0].X1 || !headerSized(anchors, l.size)) {
		return 0
	}
	m := k + 1
	for m < len(lines) && !used[m] && lines[m].bold && len(segments(&lines[m])) == 1 &&
		math.Abs(lines[m].X0-l.X0) <= 2 && lines[m].Y0-lines[m-1].Y1 <= 0.5*l.height() && math.Abs(lines[m].size-l.size) <= 0.75 {
		m++
	}
	if m == len(lines) {
		// The page's last line: the rows under the title go on on the
		// next page (a heading would be larger, or kept with its text).
		return m - k
	}
	n := &lines[m]
	if used[m] || n.Y0-lines[m-1].Y1 > 2*l.height() || math.Abs(n.size-l.size) > 0.75 || headerLine(n) || acrossAnchors(anchors, n) || n.bold && len(segments(n)) == 1 {
		return 0
	}
	// The next line is in two or more columns, or in one.
	next := segments(n)
	if first {
		if len(next) >= 2 {
			return m - k
		}
		return 0
	}
	if len(next) >= 2 || insideOneAnchor(anchors, next[0].Box) {
		return m - k
	}
	return 0
}

// unglue cuts the words of l that run over a column's start (starts)
// where the PDF reader glued two cells set with no gap between them
// ("specialiteterLöpande"): see splitAtStarts. The line is rebuilt when
// a word was cut.
func unglue(l *tline, starts []float64) {
	if len(starts) == 0 {
		return
	}
	var out []rccplans.Word
	for _, w := range l.words {
		out = append(out, splitAtStarts(w, starts)...)
	}
	if len(out) != len(l.words) {
		l.words = out
		finishLine(l)
	}
}

// splitAtStarts cuts w where it runs over a column's start: at the
// letter nearest that start by the word's mean character width (within
// two and a half characters) where a small letter, a digit or a closing
// mark is followed by a capital, or a letter by a digit: where one cell's
// text ends and the next one's starts. A word with no such change there
// is left whole.
func splitAtStarts(w rccplans.Word, starts []float64) []rccplans.Word {
	for _, s := range starts {
		if w.X0 >= s-1 || w.X1 <= s+1 {
			continue
		}
		rs := []rune(w.Text)
		if len(rs) < 2 {
			continue
		}
		avg := (w.X1 - w.X0) / float64(len(rs))
		e := (s - w.X0) / avg
		best, bd := -1, 2.5
		for i := 1; i < len(rs); i++ {
			if d := math.Abs(float64(i) - e); d < bd && cellJoint(rs[i-1], rs[i]) {
				best, bd = i, d
			}
		}
		if best < 0 {
			continue
		}
		a, b := w, w
		a.Text, b.Text = string(rs[:best]), string(rs[best:])
		a.X1, b.X0 = math.Min(s-0.1, w.X1), math.Max(s, w.X0)
		return append([]rccplans.Word{a}, splitAtStarts(b, starts)...)
	}
	return []rccplans.Word{w}
}

// cellJoint tells whether text can end with p and the next cell's start
// with r inside one glued word.
func cellJoint(p, r rune) bool {
	switch {
	case unicode.IsUpper(r):
		return unicode.IsLower(p) || unicode.IsDigit(p) || strings.ContainsRune(".,;:)%", p)
	case unicode.IsDigit(r):
		return unicode.IsLetter(p)
	}
	return false
}

// wrapsCell tells whether l, a bold line of one run, is the next line of
// a bold cell on the body line prev: it follows at line spacing (no
// cell padding between) under a bold word of prev that it overlaps. A
// title row stands after whitespace, as a row of its own.
func wrapsCell(prev, l *tline) bool {
	if l.Y0-prev.Y1 >= 0.3*l.height() {
		return false
	}
	for _, w := range prev.words {
		if w.Bold && w.X0 < l.X1 && w.X1 > l.X0 {
			return true
		}
	}
	return false
}

// headerSized tells whether size is the header's (within 0.75 pt): a
// larger bold line under a table is the next chapter's heading.
func headerSized(as []anchor, size float64) bool {
	for _, a := range as {
		for _, w := range a.words {
			return math.Abs(w.Size-size) <= 0.75
		}
	}
	return false
}

// insideOneAnchor tells whether b keeps to one column: it runs over no
// header's left edge but its own (cells start under their headers).
func insideOneAnchor(as []anchor, b rccplans.Box) bool {
	for _, a := range as[1:] {
		if b.X0 < a.X0-2 && b.X1 > a.X0+2 {
			return false
		}
	}
	return true
}

// longSegment tells whether a line has a run longer than a header name.
func longSegment(l *tline) bool {
	for _, sg := range segments(l) {
		if len([]rune(sg.text())) > maxHeaderText {
			return true
		}
	}
	return false
}

// ruleOpenings finds the horizontal rules across a table of columns cols
// (over 60% of its width) that start right of its first column, with no
// rule at the same height covering that column: each as its height and
// its left end.
func ruleOpenings(p *rccplans.Page, cols []float64) [][2]float64 {
	x0, x1 := cols[0], cols[len(cols)-1]
	var rs []rccplans.Rule
	for _, r := range p.Rules {
		if r.Horizontal() && r.Y1-r.Y0 <= maxRule {
			rs = append(rs, r)
		}
	}
	var out [][2]float64
	for _, r := range rs {
		if lo, hi := math.Max(r.X0, x0), math.Min(r.X1, x1); hi-lo < 0.6*(x1-x0) || r.X0 < cols[1]-2 {
			continue
		}
		y, left := (r.Y0+r.Y1)/2, r.X0
		for _, o := range rs {
			if math.Abs((o.Y0+o.Y1)/2-y) <= snapTol && o.X1 > x0+2 {
				left = math.Min(left, o.X0)
			}
		}
		if left >= cols[1]-2 {
			out = append(out, [2]float64{y, left})
		}
	}
	return out
}

// openColumns tells which columns of g a rule between y0 and y1 leaves
// open (they lie left of its start), nil when no such rule lies there.
func openColumns(g *grid, y0, y1 float64) []bool {
	for _, o := range g.openLeft {
		if o[0] <= y0-1 || o[0] >= y1+1 {
			continue
		}
		open := make([]bool, g.ncols())
		for j := range open {
			open[j] = g.cols[j+1] <= o[1]+2
		}
		return open
	}
	return nil
}

// ruleBetween tells whether a band edge (a horizontal rule across the
// table) lies between y0 and y1.
func ruleBetween(bands [][2]float64, y0, y1 float64) bool {
	for _, b := range bands {
		for _, y := range b {
			if y > y0-1 && y < y1+1 {
				return true
			}
		}
	}
	return false
}
