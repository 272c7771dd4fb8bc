package extract

import (
	"math"
	"sort"
	"strings"

	"rccplans"
)

// Tolerances for ruling segments, in points. Producers draw one border as
// several touching segments, as hairlines or as thin filled rectangles,
// a point or two apart; anything closer than snapTol is the same line.
const (
	snapTol  = 2.5 // coordinates this close are one line
	joinTol  = 3.0 // collinear segments with a gap this small are one
	minSlice = 3.0 // grid columns/rows thinner than this are border artefacts
	maxRule  = 4.0 // a "rule" thicker than this in both directions is a fill, not a line
)

// edge is a horizontal (pos = y) or vertical (pos = x) segment from a to b.
type edge struct{ pos, a, b float64 }

// frame is one group of intersecting ruling edges: the borders of one
// table.
type frame struct {
	hs, vs []edge
	box    rccplans.Box
	// filled: the frame is made of the edges of filled rectangles
	// (shading) only, no drawn line.
	filled bool
}

// ruleFrames snaps and joins a page's ruling segments and groups them by
// intersection; groups with at least two horizontal and two vertical
// edges are table frames.
func ruleFrames(p *rccplans.Page) []frame {
	// Drawn lines have a thickness; the edges of a filled rectangle
	// (cell shading) come with none. Shading inside a bordered table
	// would split its header into rows, so edges without thickness count
	// only away from the frames of drawn lines.
	var drawn, fills []rccplans.Rule
	for _, r := range p.Rules {
		if r.Width > 0 {
			drawn = append(drawn, r)
		} else {
			fills = append(fills, r)
		}
	}
	frames := framesOf(drawn)
	var rest []rccplans.Rule
	for _, r := range fills {
		if !inFrames(r.Box, frames) {
			rest = append(rest, r)
		}
	}
	shaded := framesOf(rest)
	for i := range shaded {
		shaded[i].filled = true
	}
	return append(frames, shaded...)
}

// framesOf snaps, joins and groups one set of rules.
func framesOf(rules []rccplans.Rule) []frame {
	var hs, vs []edge
	for _, r := range rules {
		w, h := r.X1-r.X0, r.Y1-r.Y0
		if w > maxRule && h > maxRule {
			continue
		}
		if r.Horizontal() {
			if w < 1 {
				continue
			}
			hs = append(hs, edge{(r.Y0 + r.Y1) / 2, r.X0, r.X1})
		} else {
			if h < 1 {
				continue
			}
			vs = append(vs, edge{(r.X0 + r.X1) / 2, r.Y0, r.Y1})
		}
	}
	hs, vs = joinEdges(snapEdges(hs)), joinEdges(snapEdges(vs))
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	// Union-find over edges: horizontal i is i, vertical j is len(hs)+j.
	parent := make([]int, len(hs)+len(vs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, h := range hs {
		for j, v := range vs {
			if crosses(h, v) {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	idx := map[int]int{}
	var out []frame
	add := func(k int, e edge, horiz bool) {
		n, ok := idx[k]
		if !ok {
			n = len(out)
			idx[k] = n
			out = append(out, frame{box: rccplans.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}})
		}
		f := &out[n]
		if horiz {
			f.hs = append(f.hs, e)
			f.box.X0, f.box.X1 = math.Min(f.box.X0, e.a), math.Max(f.box.X1, e.b)
			f.box.Y0, f.box.Y1 = math.Min(f.box.Y0, e.pos), math.Max(f.box.Y1, e.pos)
		} else {
			f.vs = append(f.vs, e)
			f.box.Y0, f.box.Y1 = math.Min(f.box.Y0, e.a), math.Max(f.box.Y1, e.b)
			f.box.X0, f.box.X1 = math.Min(f.box.X0, e.pos), math.Max(f.box.X1, e.pos)
		}
	}
	for i, h := range hs {
		add(find(i), h, true)
	}
	for j, v := range vs {
		add(find(len(hs)+j), v, false)
	}
	var frames []frame
	for _, f := range out {
		if len(f.hs) >= 2 && len(f.vs) >= 2 {
			frames = append(frames, f)
		}
	}
	return frames
}

// ruledTables builds a grid for every frame with at least two cells and
// takes its words from the page. The words not inside any table come
// back for the text and borderless passes.
func ruledTables(p *rccplans.Page, frames []frame, words []rccplans.Word) ([]*grid, []rccplans.Word) {
	if len(frames) == 0 {
		return nil, words
	}
	var tabs []*grid
	used := make([]bool, len(words))
	for _, f := range frames {
		if t := frameGrid(p, f, words, used); t != nil {
			tabs = append(tabs, t)
		}
	}
	var rest []rccplans.Word
	for i, w := range words {
		if !used[i] {
			rest = append(rest, w)
		}
	}
	return tabs, rest
}

// snapEdges moves edges whose positions lie within snapTol of each other
// onto their mean position.
func snapEdges(es []edge) []edge {
	sort.Slice(es, func(i, j int) bool { return es[i].pos < es[j].pos })
	for i := 0; i < len(es); {
		j, sum := i, 0.0
		for j < len(es) && es[j].pos-es[i].pos <= snapTol {
			sum += es[j].pos
			j++
		}
		m := sum / float64(j-i)
		for k := i; k < j; k++ {
			es[k].pos = m
		}
		i = j
	}
	return es
}

// joinEdges merges collinear edges that overlap or touch.
func joinEdges(es []edge) []edge {
	sort.Slice(es, func(i, j int) bool {
		if es[i].pos != es[j].pos {
			return es[i].pos < es[j].pos
		}
		return es[i].a < es[j].a
	})
	var out []edge
	for _, e := range es {
		if n := len(out); n > 0 && out[n-1].pos == e.pos && e.a <= out[n-1].b+joinTol {
			out[n-1].b = math.Max(out[n-1].b, e.b)
			continue
		}
		out = append(out, e)
	}
	return out
}

func crosses(h, v edge) bool {
	return v.pos >= h.a-joinTol && v.pos <= h.b+joinTol && h.pos >= v.a-joinTol && h.pos <= v.b+joinTol
}

// clusterPos returns the distinct positions of edges, merging those closer
// than minSlice.
func clusterPos(es []edge) []float64 {
	ps := make([]float64, len(es))
	for i, e := range es {
		ps[i] = e.pos
	}
	sort.Float64s(ps)
	var out []float64
	for _, p := range ps {
		if n := len(out); n > 0 && p-out[n-1] < minSlice {
			continue
		}
		out = append(out, p)
	}
	return out
}

// covered tells whether the edges at position pos (within snapTol) cover
// at least half of [a, b].
func covered(es []edge, pos, a, b float64) bool {
	if b <= a {
		return true
	}
	var sum float64
	for _, e := range es {
		if math.Abs(e.pos-pos) > minSlice {
			continue
		}
		lo, hi := math.Max(a, e.a), math.Min(b, e.b)
		if hi > lo {
			sum += hi - lo
		}
	}
	return sum >= 0.5*(b-a)
}

// frameGrid builds the cell grid of one frame of intersecting edges. The
// fine grid has a column between every two vertical positions and a row
// between every two horizontal ones; neighbouring fine cells with no rule
// between them are one merged cell. In a frame of shading only, a missing
// edge between two cells of a row says nothing (rows shaded in turn, or
// only the status cells coloured, leave the other rows without any): the
// cells of a row are merged only when a word runs across one of its
// column boundaries (a title across the table), and a cell with the one
// below only when a word runs across their boundary (rows are taken from
// the shading of any column, such as coloured status cells).
func frameGrid(p *rccplans.Page, f frame, words []rccplans.Word, used []bool) *grid {
	hs, vs := f.hs, f.vs
	xs, ys := clusterPos(vs), clusterPos(hs)
	// Side borders that run on above the first or below the last
	// horizontal rule enclose a row left open by a page break.
	if len(ys) > 0 {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, v := range vs {
			lo, hi = math.Min(lo, v.a), math.Max(hi, v.b)
		}
		if lo < ys[0]-2*minSlice {
			ys = append([]float64{lo}, ys...)
		}
		if hi > ys[len(ys)-1]+2*minSlice {
			ys = append(ys, hi)
		}
	}
	nc, nr := len(xs)-1, len(ys)-1
	if nc < 1 || nr < 1 || nc*nr < 2 {
		return nil
	}
	// One column of shading (status cells coloured by their value down a
	// borderless table) is no table of its own: its words belong to the
	// table around it.
	if f.filled && nc == 1 {
		return nil
	}
	id := make([]int, nr*nc)
	for i := range id {
		id[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for id[i] != i {
			id[i] = id[id[i]]
			i = id[i]
		}
		return i
	}
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a < b {
			id[b] = a
		} else if b < a {
			id[a] = b
		}
	}
	across := func(r int) bool { // a word of row r runs over a column boundary
		for i, w := range words {
			if used[i] {
				continue
			}
			if cy := (w.Y0 + w.Y1) / 2; cy <= ys[r] || cy >= ys[r+1] {
				continue
			}
			for _, x := range xs[1:nc] {
				if w.X0 < x-1 && w.X1 > x+1 {
					return true
				}
			}
		}
		return false
	}
	downAcross := func(r, c int) bool { // a word of column c runs over ys[r+1]
		y := ys[r+1]
		for i, w := range words {
			if used[i] {
				continue
			}
			if cx := (w.X0 + w.X1) / 2; cx > xs[c] && cx < xs[c+1] && w.Y0 < y-1 && w.Y1 > y+1 {
				return true
			}
		}
		return false
	}
	for r := 0; r < nr; r++ {
		mergeRow := !f.filled || across(r)
		for c := 0; c < nc; c++ {
			if c+1 < nc && mergeRow && !covered(vs, xs[c+1], ys[r], ys[r+1]) {
				union(r*nc+c, r*nc+c+1)
			}
			if r+1 < nr && !covered(hs, ys[r+1], xs[c], xs[c+1]) && (!f.filled || downAcross(r, c)) {
				union(r*nc+c, (r+1)*nc+c)
			}
		}
	}
	cells := map[int]*cell{}
	cellWords := map[int][]rccplans.Word{}
	var taken []int
	box := rccplans.Box{X0: xs[0], Y0: ys[0], X1: xs[nc], Y1: ys[nr]}
	for i, w := range words {
		if used[i] {
			continue
		}
		cx, cy := (w.X0+w.X1)/2, (w.Y0+w.Y1)/2
		if cx < box.X0 || cx > box.X1 || cy < box.Y0 || cy > box.Y1 {
			continue
		}
		c := sort.SearchFloat64s(xs, cx) - 1
		r := sort.SearchFloat64s(ys, cy) - 1
		c = max(0, min(c, nc-1))
		r = max(0, min(r, nr-1))
		k := find(r*nc + c)
		cellWords[k] = append(cellWords[k], w)
		used[i] = true
		taken = append(taken, i)
	}
	g := &grid{page: p.Number, box: box, cols: xs, ruled: true, shaded: f.filled}
	var sizes []rccplans.Word
	rowBold := make([]bool, nr)
	for r := 0; r < nr; r++ {
		row := make([]*cell, nc)
		for c := 0; c < nc; c++ {
			k := find(r*nc + c)
			ce, ok := cells[k]
			if !ok {
				ce = wordsCell(cellWords[k], p.Number)
				cells[k] = ce
			}
			row[c] = ce
		}
		g.rows = append(g.rows, row)
		g.rowY = append(g.rowY, [2]float64{ys[r], ys[r+1]})
		g.pages = append(g.pages, p.Number)
		nb, n := 0, 0
		for c := 0; c < nc; c++ {
			k := find(r*nc + c)
			if k/nc != r { // merged from a row above: judged there
				continue
			}
			for _, w := range cellWords[k] {
				n++
				if w.Bold {
					nb++
				}
			}
		}
		rowBold[r] = n > 0 && nb == n
	}
	for _, ws := range cellWords {
		sizes = append(sizes, ws...)
	}
	// One ruled row of bold header words is a boxed or shaded header over
	// a body without borders: the borderless pass reads it. So is shading
	// that holds only bold header words over several thin rows (a word
	// processor shades each header paragraph to its own height: a
	// two-line header name gets a taller box than its neighbours).
	if nr == 1 && rowBold[0] && rccplans.HeaderScore(g.rowTexts(0)) >= 2 || f.filled && shadedHeader(g, rowBold, cellWords) {
		for _, i := range taken {
			used[i] = false
		}
		return nil
	}
	// Shading without a header in it (rows shaded in turn under a header
	// printed on the white): the borderless pass reads the table from
	// that header.
	if f.filled && !(rowBold[0] && rccplans.HeaderScore(g.rowTexts(0)) >= 1) {
		for _, i := range taken {
			used[i] = false
		}
		return nil
	}
	g.size = dominantSize(sizes)
	g.nhead = headerRows(g, func(r int) bool { return rowBold[r] })
	g.closed = make([]bool, nc)
	for c := 0; c < nc; c++ {
		g.closed[c] = covered(hs, ys[nr], xs[c], xs[c+1])
	}
	return g
}

// shadedHeader tells whether a grid of shading holds bold words only,
// which, read down each column, name a column role: a header or a part
// of one (a group title over its columns' names).
func shadedHeader(g *grid, rowBold []bool, cellWords map[int][]rccplans.Word) bool {
	if len(cellWords) == 0 {
		return false
	}
	cols := make([]string, g.ncols())
	for r, row := range g.rows {
		texts := g.rowTexts(r)
		for c := range row {
			if texts[c] == "" || r > 0 && row[c] == g.rows[r-1][c] {
				continue // empty, or merged from the row above
			}
			if !rowBold[r] {
				return false
			}
			cols[c] = strings.TrimSpace(cols[c] + " " + texts[c])
		}
	}
	return rccplans.HeaderScore(cols) >= 1
}

// dominantSize is the font size carrying most characters.
func dominantSize(ws []rccplans.Word) float64 {
	n := map[float64]int{}
	var best float64
	bn := -1
	for _, w := range ws {
		s := math.Round(w.Size*2) / 2
		n[s] += len([]rune(w.Text))
		if n[s] > bn || (n[s] == bn && s < best) {
			best, bn = s, n[s]
		}
	}
	return best
}

// openBottom adds the row that a producer left without borders because
// the page break cut it (Chromium draws a split row's borders on the next
// page only): lines that start right under the frame, follow each other
// without a gap and run down to the foot of the page body (foot) become
// one more row of g, open at the bottom. A footnote under the table
// (starting with "*") or text that stops short of the foot is left alone.
// It returns the words not taken.
func openBottom(g *grid, words []rccplans.Word, foot float64) []rccplans.Word {
	var below []int
	for i, w := range words {
		cx := (w.X0 + w.X1) / 2
		if w.Y0 >= g.box.Y1-1 && cx > g.box.X0 && cx < g.box.X1 {
			below = append(below, i)
		}
	}
	if len(below) == 0 {
		return words
	}
	sub := pick(words, below)
	lines := lineIndexes(sub)
	sort.SliceStable(lines, func(a, b int) bool { return sub[lines[a][0]].Y0 < sub[lines[b][0]].Y0 })
	var take []int
	prevY1 := g.box.Y1
	var last tline
	for _, ix := range lines {
		l := tline{words: pick(sub, ix)}
		finishLine(&l)
		if l.Y0-prevY1 > l.height() || strings.HasPrefix(l.text(), "*") || crossesColumns(g, l.words) {
			break
		}
		take = append(take, ix...)
		prevY1, last = l.Y1, l
	}
	if len(take) == 0 || last.Y1 < foot-1.5*last.height() {
		return words
	}
	nc := g.ncols()
	row := make([]*cell, nc)
	byCol := make([][]rccplans.Word, nc)
	used := map[int]bool{}
	for _, k := range take {
		w := sub[k]
		c := sort.SearchFloat64s(g.cols[1:nc], (w.X0+w.X1)/2)
		byCol[c] = append(byCol[c], w)
		used[below[k]] = true
	}
	for c := range row {
		row[c] = wordsCell(byCol[c], g.page)
	}
	g.rows = append(g.rows, row)
	g.rowY = append(g.rowY, [2]float64{g.box.Y1, last.Y1})
	g.pages = append(g.pages, g.page)
	g.box.Y1 = last.Y1
	g.closed = make([]bool, nc)
	var rest []rccplans.Word
	for i, w := range words {
		if !used[i] {
			rest = append(rest, w)
		}
	}
	return rest
}

// crossesColumns tells whether a word straddles a column boundary of g:
// prose under a table does, the cells of a cut row do not.
func crossesColumns(g *grid, ws []rccplans.Word) bool {
	for _, w := range ws {
		for _, x := range g.cols[1 : len(g.cols)-1] {
			if w.X0 < x-1 && w.X1 > x+1 {
				return true
			}
		}
	}
	return false
}

// shadedRest reads the lines right under a grid of shading as its further
// rows: zebra rows end the grid at the last shaded row, and the rows on
// the white below it (the last one, or every other one when the stripes
// below touch nothing) belong to the table. The lines that start within a
// line's height under the grid and keep to its columns (as
// alignedContinuation reads a part on a new page: no word across a column
// boundary, no header, heading, footnote or wide gap) become rows read by
// alignment; the first of them holds words in two or more columns (a
// short note under the table does not). It returns the lines not taken.
func shadedRest(p *rccplans.Page, g *grid, lines []tline) []tline {
	if !g.shaded {
		return lines
	}
	nc := g.ncols()
	var body []int
	prevBot := g.box.Y1
	for k := range lines {
		l := &lines[k]
		if l.Y1 <= g.box.Y1+1 {
			continue // above the grid's foot (text beside the table, or before it)
		}
		if l.Y0-prevBot > l.height() || headerLine(l) || headingLike(l, g.size, true) || crossesColumns(g, l.words) ||
			footnoteLike(l, g.size, l.Y0-prevBot) || l.X0 < g.cols[0]-2 || l.X1 > g.cols[nc]+2 {
			break
		}
		if len(body) == 0 && columnsOf(g, l.words) < 2 {
			break // a note under the table, not a row set in its columns
		}
		body = append(body, k)
		prevBot = l.Y1
	}
	if len(body) == 0 {
		return lines
	}
	part := &grid{page: p.Number, cols: g.cols, box: rccplans.Box{X0: g.cols[0], Y0: lines[body[0]].Y0, X1: g.cols[nc], Y1: lines[body[0]].Y1}}
	taken := fillAligned(part, lines, body, g.box.Y1, numberedColumn(g), nil, nil)
	g.rows = append(g.rows, part.rows...)
	g.rowY = append(g.rowY, part.rowY...)
	g.pages = append(g.pages, part.pages...)
	g.box.Y1 = math.Max(g.box.Y1, part.box.Y1)
	g.closed = part.closed
	return untaken(lines, taken)
}

// columnsOf counts the columns of g that words fall in (by their centre).
func columnsOf(g *grid, ws []rccplans.Word) int {
	seen := map[int]bool{}
	for _, w := range ws {
		seen[sort.SearchFloat64s(g.cols[1:g.ncols()], (w.X0+w.X1)/2)] = true
	}
	return len(seen)
}

// untaken is the lines a table did not take, in their order.
func untaken(lines []tline, taken []int) []tline {
	used := make(map[int]bool, len(taken))
	for _, k := range taken {
		used[k] = true
	}
	var rest []tline
	for k := range lines {
		if !used[k] {
			rest = append(rest, lines[k])
		}
	}
	return rest
}
