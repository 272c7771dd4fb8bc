package extract

import (
	"regexp"
	"strings"
	"unicode"

	"rccplans"
)

// grid is a table as reconstructed on one page (and, after joining, over
// several): a rectangular array of pointers to cell objects. A merged cell
// is one object at several positions; joining a row cut by a page break
// unifies the objects of both halves.
type grid struct {
	page  int
	box   rccplans.Box
	cols  []float64 // column boundaries left to right, len(cols) == ncols+1
	rows  [][]*cell // [row][col]
	rowY  [][2]float64
	pages []int // page each row starts on
	nhead int   // header rows at the top
	ruled bool
	// shaded: a ruled grid made of cell shading only (zebra rows); the
	// rows on the white below its last shaded row are read by alignment
	// (shadedRest).
	shaded bool
	// hruled: a borderless table drawn with horizontal rules between its
	// rows (ruledBands); its part on the next page is read by them too.
	hruled bool
	// openLeft: rules of such a table that start right of its left edge,
	// as (y, left end): the columns left of a rule's start hold a cell
	// merged over the rows it divides (ruleOpenings).
	openLeft [][2]float64
	// starts: where the columns' text starts (the header's left edges,
	// first column aside), for words the PDF reader glued over them.
	starts []float64
	size   float64 // dominant font size of the body text
	// closed tells per column whether a rule closes the last row at its
	// bottom (for ruled tables); a merged cell left open at the page foot
	// continues on the next page.
	closed []bool
	// notes are footnote lines found right under the table parts, kept to
	// be emitted after the table.
	notes []*tline
}

// cell is one printed cell: its lines in reading order. Lines (not the
// joined text) are kept so that a word broken over a page break is
// re-joined by rccplans.JoinLines like any other.
type cell struct {
	lines []string
	// page and bot: where the cell's last line ends (its bottom edge on
	// that page); 0 for a cell without text or not read from words. A
	// row cut by a page break goes on in the cells that ran to its foot.
	page int
	bot  float64
}

// wordsCell is the cell printed by words on page.
func wordsCell(ws []rccplans.Word, page int) *cell {
	c := &cell{lines: cellLines(ws)}
	if len(ws) > 0 {
		c.page, c.bot = page, maxY1(ws)
	}
	return c
}

// extend appends o's lines to c; c now ends where o ends.
func (c *cell) extend(o *cell) {
	c.lines = append(c.lines, o.lines...)
	if o.page != 0 {
		c.page, c.bot = o.page, o.bot
	}
}

func (c *cell) text() string { return rccplans.JoinLines(c.lines) }

// textKnown joins the lines with the document's hyphenated words as
// evidence (rccplans.JoinLinesKnown).
func (c *cell) textKnown(known func(string) bool) string {
	return rccplans.JoinLinesKnown(c.lines, known)
}

func (g *grid) ncols() int { return len(g.cols) - 1 }

// rowTexts gives the joined texts of row r.
func (g *grid) rowTexts(r int) []string {
	out := make([]string, len(g.rows[r]))
	for j, c := range g.rows[r] {
		if c != nil {
			out[j] = c.text()
		}
	}
	return out
}

// headerRows decides how many rows at the top of a freshly built grid are
// the header: the first row, and a following row when the first is bold
// and has a cell spanning several columns that the second row splits (a
// two-level header) into names (namesOnly). A first row that scores no header words while the
// second does (a caption row inside the frame) makes both header rows.
func headerRows(g *grid, bold func(r int) bool) int {
	if len(g.rows) == 0 {
		return 0
	}
	if len(g.rows) == 1 {
		return 0
	}
	n := 1
	if len(g.rows) > 2 && bold(0) && bold(1) {
		split := false
		for j := 1; j < g.ncols(); j++ {
			if g.rows[0][j] == g.rows[0][j-1] && g.rows[1][j] != g.rows[1][j-1] {
				split = true
			}
		}
		if split && namesOnly(g, 1) {
			n = 2
		}
	}
	if n == 1 && len(g.rows) > 2 && rccplans.HeaderScore(g.rowTexts(0)) == 0 && rccplans.HeaderScore(g.rowTexts(1)) >= 2 {
		n = 2
	}
	return n
}

// namesOnly tells whether the cells of row r that do not span from the
// row above are short enough to name columns: a second header row splits
// a title into names ("2025 | 2026"); a first body row, bold as the
// header in a plan set in a bold face, holds sentences.
func namesOnly(g *grid, r int) bool {
	for j, c := range g.rows[r] {
		if c != nil && c != g.rows[r-1][j] && len([]rune(c.text())) > maxHeaderText {
			return false
		}
	}
	return true
}

// table converts a grid to the shared type: header rows as printed, body
// rows with merged cells copied into every position they cover (positions
// after the first marked Spanned). Empty body rows are dropped.
func (g *grid) table(known func(string) bool) *rccplans.Table {
	t := &rccplans.Table{}
	seen := map[*cell]bool{}
	for r := range g.rows {
		if r < g.nhead {
			t.Header = append(t.Header, g.rowTexts(r))
			for _, c := range g.rows[r] {
				seen[c] = true
			}
			continue
		}
		row := rccplans.Row{Page: g.pages[r], Cells: make([]rccplans.Cell, g.ncols())}
		empty := true
		for j, c := range g.rows[r] {
			if c == nil {
				continue
			}
			row.Cells[j] = rccplans.Cell{Text: c.textKnown(known), Spanned: seen[c]}
			seen[c] = true
			if row.Cells[j].Text != "" && !row.Cells[j].Spanned {
				empty = false
			}
		}
		if empty {
			continue
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// spanRow tells whether body row r is one cell across the whole table
// that no other row shares: a section title set inside the table.
func (g *grid) spanRow(r int) bool {
	if r < g.nhead || g.ncols() < 2 {
		return false
	}
	c := g.rows[r][0]
	for _, x := range g.rows[r] {
		if x != c {
			return false
		}
	}
	if r > 0 && g.rows[r-1][0] == c || r+1 < len(g.rows) && g.rows[r+1][0] == c {
		return false
	}
	t := c.text()
	return t != "" && len([]rune(t)) <= maxBoldHeader
}

// split cuts a table at its section-title rows (spanRow): the parts come
// back as tables with the same header, the titles as heading texts
// between them (title i goes before part i+1).
func (g *grid) split() (parts []*grid, titles []string) {
	cur := &grid{}
	*cur = *g
	cur.rows, cur.rowY, cur.pages = nil, nil, nil
	start := func() {
		for r := 0; r < g.nhead; r++ {
			cur.rows = append(cur.rows, g.rows[r])
			cur.rowY = append(cur.rowY, g.rowY[r])
			cur.pages = append(cur.pages, g.pages[r])
		}
	}
	start()
	for r := g.nhead; r < len(g.rows); r++ {
		if g.spanRow(r) {
			parts = append(parts, cur)
			titles = append(titles, g.rows[r][0].text())
			next := &grid{}
			*next = *g
			next.rows, next.rowY, next.pages = nil, nil, nil
			next.page = g.pages[r]
			cur = next
			start()
			continue
		}
		cur.rows = append(cur.rows, g.rows[r])
		cur.rowY = append(cur.rowY, g.rowY[r])
		cur.pages = append(cur.pages, g.pages[r])
	}
	return append(parts, cur), titles
}

// headerKeys folds header rows for comparison (a header repeated on the
// next page must be recognised even if it wraps differently).
func headerKeys(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		for _, c := range r {
			b.WriteString(rccplans.HeaderKey(c))
			b.WriteByte('|')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// rowKey folds one row's texts like headerKeys, for comparing a page's
// first row with the table's header.
func rowKey(texts []string) string {
	return headerKeys([][]string{texts})
}

// numbered matches the start of a row that opens with a code or goal
// number: "5.", "12)", "3.c.ii)", "2.a)".
var numbered = regexp.MustCompile(`^(\d+[.)]|\d+(\.[0-9a-zA-Z]+)+[.)]?)(\s|$)`)

// startsLower reports whether s begins with a lower-case letter: a line
// that continues a sentence cut by a page break.
func startsLower(s string) bool {
	for _, r := range strings.TrimSpace(s) {
		return unicode.IsLower(r)
	}
	return false
}

// cellLines builds the printed lines of one cell from its words. (A list
// dash left alone at a line end is kept where it is printed: the plans
// write both "x -" / "Item" and "x" / "- Item", so the layout cannot say
// which item it belongs to.)
func cellLines(words []rccplans.Word) []string {
	ls := buildLines(words)
	out := make([]string, len(ls))
	for i := range ls {
		out[i] = ls[i].text()
	}
	return out
}
