package extract

import (
	"fmt"
	"regexp"
	"strings"

	"rccplans"
)

// Markdown reads markdown as web-page and document converters write it:
// ATX ("## …") and setext headings with their level (pandoc's "{#id
// .class}" attributes dropped), paragraphs, list items (an ordered item
// keeps its printed number: "3. …"), definition lists ("term: definition"),
// and tables in six forms: tab-separated lines, pipe tables, pandoc's
// grid tables (row and column spans), multiline and simple tables, and
// raw HTML <table> blocks. Cells may hold inline HTML (<b>, <p>, <ul><li>,
// <br>) or markdown lists, read to plain text with paragraphs and items
// joined by single spaces; pandoc's "--"/"---" read back as en/em dashes.
// pandoc's div fences and table captions are not text.
//
// Inside a tab or pipe table, a row with text in its first cell only
// (plain or <b>…</b>) standing right above a header row is a sub-heading,
// not a row: it becomes a heading at the rank of the heading that
// introduced the previous table. A header row repeated inside a table is
// dropped; one after body rows starts a new table.
//
// Text copied from a browser (tab tables with no blank line above them):
// a row runs over the lines that give it exactly its missing cells (a
// cell's paragraphs and list items come as lines of their own), a row
// missing its first cells gets them from the row above (a browser leaves
// out the cells a rowspan covers), and the short lines right above a
// table are its headings. Limits: a row short of cells at its end and
// completed exactly by the next lines is read as one row; a rowspan'd
// cell in the middle of a row is placed at the row's start.
//
// A range copied from a spreadsheet (tab tables): a header cell with a
// line break puts its second line on a line of its own under the header,
// which joins the header ("Ansvarig (funktion)"); a cell with a line break
// comes in double quotes over two lines (the quotes are dropped); a merged
// cell leaves empty cells under its first row, which get its text.
func Markdown(name string, data []byte) (l *rccplans.Layout, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, rccplans.Located(name, 0, fmt.Errorf("%w: markdown reader panic: %v", ErrMalformed, r))
		}
	}()
	p := &mdParser{}
	p.parse(string(data))
	l = &rccplans.Layout{SourceFile: name, Format: FormatMarkdown, Blocks: p.out.blocks}
	if len(l.Blocks) == 0 {
		return l, rccplans.Located(name, 0, ErrNoText)
	}
	return l, nil
}

type mdParser struct {
	out   blockList
	para  []string
	rows  []mrow
	pipe  bool // the pending rows are a pipe table
	inTbl bool
}

var (
	atxHeading  = regexp.MustCompile(`^(#{1,6})(?:\s+(.*?))?\s*#*\s*$`)
	listItem    = regexp.MustCompile(`^\s{0,8}(?:([-*+•])|(\d{1,3}[.)]))\s+(.*)$`)
	htmlHeading = regexp.MustCompile(`(?i)^<h([1-6])(?:\s[^>]*)?>(.*?)</h[1-6]>$`)
	setextLine  = regexp.MustCompile(`^(=+|-+)\s*$`)
	ruleLine    = regexp.MustCompile(`^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$`)
	pipeDelim   = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`)
	fenceLine   = regexp.MustCompile("^\\s{0,3}(```|~~~)")
	autolink    = regexp.MustCompile(`<((?:https?|ftp|mailto):[^>\s]+)>`)
	mdLink      = regexp.MustCompile(`!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)`)
	strongStars = regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*`)
	strongUnder = regexp.MustCompile(`(^|\W)__(\S(?:.*?\S)?)__(\W|$)`)
	emStar      = regexp.MustCompile(`(^|[^\w*])\*(\S(?:[^*]*?\S)?)\*([^\w*]|$)`)
	emUnder     = regexp.MustCompile(`(^|[^\w])_(\S(?:[^_]*?\S)?)_([^\w]|$)`)
	codeSpan    = regexp.MustCompile("`([^`]+)`")
	mdEscape    = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|<>])`)
	// pandoc's bracketed spans and attributes after links, images and
	// code: "[KSSK]{title=\"…\"}", "[x](url){.ext}"
	bracketSpan = regexp.MustCompile(`\[([^\]]*)\]\{[^{}]*\}|(\)|` + "`" + `)\{[#.][^{}]*\}`)
	// pandoc's heading attributes: "## Titel {#id .klass key=val}"
	headingAttrs = regexp.MustCompile(`\s*\{(?:[#.][^{}]*|[^{}]*=[^{}]*)\}\s*$`)
	// pandoc's fenced divs: "::: table-wrapper", "::: {#main .x}", ":::"
	divFence = regexp.MustCompile(`^:{3,}\s*(?:\{[^{}]*\}|[\w-]+)?\s*:*\s*$`)
	// pandoc's table caption (": Tabell 1. …", "Table: …") and the
	// definition of a definition list (":   text")
	colonLine  = regexp.MustCompile(`^(?:Table)?:\s+(\S.*)$`)
	gridBorder = regexp.MustCompile(`^\+(?:[-=:]+\+)+$`)
	// pandoc's smart punctuation written back: "---" is an em dash, "--"
	// an en dash ("2025--2027")
	emDashes = regexp.MustCompile(`(^|[^-])---([^-]|$)`)
	enDashes = regexp.MustCompile(`(^|[^-])--([^-]|$)`)
)

func (p *mdParser) parse(src string) {
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		t := strings.TrimSpace(ln)
		switch {
		case t == "":
			p.flushPara()
			if p.inTbl && !p.pipe && p.openRow(lines, i) {
				continue // a blank line inside a pasted cell
			}
			p.flushTable()
		case fenceLine.MatchString(ln):
			p.flushAll()
			fence := fenceLine.FindStringSubmatch(ln)[1]
			var body []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), fence); i++ {
				body = append(body, lines[i])
			}
			if s := joinMarkupLines(body); s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockParagraph, Text: s})
			}
		case strings.HasPrefix(strings.ToLower(t), "<table"):
			p.flushAll()
			var b strings.Builder
			for ; i < len(lines); i++ {
				b.WriteString(lines[i])
				b.WriteByte('\n')
				if strings.Contains(strings.ToLower(lines[i]), "</table>") {
					break
				}
			}
			p.htmlTable(b.String())
		case !p.inTbl && (allDashes(t) || len(dashRuns(lines[i])) >= 2) && p.multilineTable(lines, &i):
			// pandoc's multiline table, read to its closing line
		case !p.inTbl && i+1 < len(lines) && len(dashRuns(lines[i+1])) >= 2 && !strings.Contains(ln, "\t") && !isPipeRow(t) && p.simpleTable(lines, &i):
			// pandoc's simple table, read to its blank line
		case divFence.MatchString(t):
			p.flushAll() // a div's fence is structure, not text
		case gridBorder.MatchString(t) && !p.inTbl:
			p.flushAll()
			j := i + 1
			for j < len(lines) && (strings.HasPrefix(strings.TrimSpace(lines[j]), "|") || strings.HasPrefix(strings.TrimSpace(lines[j]), "+")) {
				j++
			}
			p.rows = gridRows(lines[i:j])
			p.inTbl = true
			p.flushTable()
			i = j - 1
		case colonLine.MatchString(t) && !p.inTbl:
			m := colonLine.FindStringSubmatch(t)
			if n := len(p.para); n > 0 && !strings.HasPrefix(t, "Table") {
				// "Term" + ":   definition": one "term: definition" line
				// (the term is the line right above; lines above it, which
				// pandoc never writes, stay a paragraph of their own)
				term := p.para[n-1]
				p.para = p.para[:n-1]
				p.flushPara()
				p.para = []string{term + ": " + m[1]}
				p.flushPara()
				continue
			}
			// a table's caption: neither heading nor text of the plan
			p.flushPara()
		case p.inTbl && !p.pipe && p.openRow(lines, i):
			p.continueRow(ln)
		case strings.Contains(ln, "\t") && !p.pipe:
			if !p.inTbl && len(p.para) > 0 {
				p.linesAboveTable(mdRow(strings.Split(ln, "\t")))
			}
			p.flushPara()
			p.inTbl = true
			p.rows = append(p.rows, mdRow(strings.Split(ln, "\t")))
		case isPipeRow(t) && (p.pipe || (i+1 < len(lines) && pipeDelim.MatchString(lines[i+1]))) ||
			hasPipe(t) && (p.pipe || i+1 < len(lines) && pipeDelim.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "|")):
			// (a table of two columns written without outer pipes has one
			// pipe a line: "Mål | Status" over "--- | ---")
			p.flushPara()
			if !p.pipe {
				p.flushTable()
				p.pipe, p.inTbl = true, true
			}
			if i+1 < len(lines) && pipeDelim.MatchString(lines[i+1]) {
				r := mdRow(splitPipes(t))
				r.header = true
				p.rows = append(p.rows, r)
				i++
				continue
			}
			p.rows = append(p.rows, mdRow(splitPipes(t)))
		case htmlHeading.MatchString(t):
			p.flushAll()
			m := htmlHeading.FindStringSubmatch(t)
			if s := mdInline(m[2]); s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: s, Level: int(m[1][0] - '0')})
			}
		case atxHeading.MatchString(t) && !strings.HasPrefix(t, "#!"):
			p.flushAll()
			m := atxHeading.FindStringSubmatch(t)
			if s := mdInline(headingAttrs.ReplaceAllString(m[2], "")); s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: s, Level: len(m[1])})
			}
		case len(p.para) == 1 && !p.inTbl && setextLine.MatchString(t) && !listItem.MatchString(p.para[0]):
			lv := 1
			if t[0] == '-' {
				lv = 2
			}
			s := mdInline(headingAttrs.ReplaceAllString(p.para[0], ""))
			p.para = nil
			if s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: s, Level: lv})
			}
		case ruleLine.MatchString(ln):
			p.flushAll()
		case listItem.MatchString(ln):
			p.flushAll()
			m := listItem.FindStringSubmatch(ln)
			text := m[3]
			if m[2] != "" {
				text = strings.TrimSuffix(m[2], ")")
				text = strings.TrimSuffix(text, ".") + ". " + m[3]
			}
			p.para = append(p.para, text)
		default:
			if p.inTbl {
				p.flushTable()
			}
			p.para = append(p.para, strings.TrimPrefix(strings.TrimLeft(ln, " "), "> "))
		}
	}
	p.flushAll()
}

func (p *mdParser) flushAll() {
	p.flushPara()
	p.flushTable()
}

func (p *mdParser) flushPara() {
	if len(p.para) == 0 {
		return
	}
	for k, ln := range p.para {
		// a line ending in a backslash is a hard line break (pandoc)
		if strings.HasSuffix(ln, "\\") && !strings.HasSuffix(ln, "\\\\") {
			p.para[k] = strings.TrimSuffix(ln, "\\")
		}
	}
	s, bold := mdInlineBold(rccplans.JoinLines(p.para))
	p.para = nil
	if s != "" {
		p.out.add(rccplans.Block{Kind: rccplans.BlockParagraph, Text: s, Bold: bold})
	}
}

func (p *mdParser) flushTable() {
	if !p.pipe {
		p.rows = joinHeaderTails(p.rows)
		alignShortRows(p.rows)
		fillMergedCells(p.rows)
	}
	rows := squareRows(p.rows)
	p.rows, p.pipe, p.inTbl = nil, false, false
	if len(rows) == 0 {
		return
	}
	p.addTable(tableBlocks(rows, 0, p.out.ranked))
}

// addTable adds a table's blocks; a bold paragraph right above a table
// that opens with its header is a sub-heading.
func (p *mdParser) addTable(bls []rccplans.Block) {
	if k := len(p.out.blocks); k > 0 && len(bls) > 0 && bls[0].Kind == rccplans.BlockTable && len(bls[0].Table.Header) > 0 {
		if last := p.out.blocks[k-1]; last.Kind == rccplans.BlockParagraph && last.Bold && boldHeading(last.Text) {
			p.out.blocks = p.out.blocks[:k-1]
			last.Kind = rccplans.BlockHeading
			p.out.add(last)
		}
	}
	for _, b := range bls {
		p.out.add(b)
	}
}

func (p *mdParser) htmlTable(s string) {
	l, err := HTML("", []byte("<html><body>"+s+"</body></html>"))
	if err != nil || l == nil {
		return
	}
	var bls []rccplans.Block
	for _, b := range l.Blocks {
		if b.Kind == rccplans.BlockHeading {
			b.Level = 0 // a caption row or bold line: settled by blockList
		}
		bls = append(bls, b)
	}
	p.addTable(bls)
}

func isPipeRow(t string) bool {
	return strings.HasPrefix(t, "|") || strings.Count(strings.ReplaceAll(t, `\|`, ""), "|") >= 2
}

// hasPipe: a line with an unescaped pipe.
func hasPipe(t string) bool { return strings.Contains(strings.ReplaceAll(t, `\|`, ""), "|") }

// splitPipes splits a pipe-table line at unescaped pipes, dropping the
// outer ones.
func splitPipes(t string) []string {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		t = t[:len(t)-1]
	}
	var out []string
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\\' && i+1 < len(t) && t[i+1] == '|':
			b.WriteByte('|')
			i++
		case t[i] == '|':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(t[i])
		}
	}
	return append(out, b.String())
}

// mdRow reads the cells of one table line.
func mdRow(cells []string) mrow {
	r := mrow{cells: make([]mcell, len(cells))}
	for i, c := range cells {
		text, bold := mdInlineBold(c)
		r.cells[i] = mcell{text: text, bold: bold}
	}
	return r
}

// mdInline reads inline markdown and HTML to plain text.
func mdInline(s string) string {
	t, _ := mdInlineBold(s)
	return t
}

// mdInlineBold reads inline markdown and HTML to plain text and tells
// whether all of it was bold (<b>, <strong> or **…**).
func mdInlineBold(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	allStrong := false
	if m := strongStars.FindStringSubmatch(s); m != nil && m[0] == s {
		allStrong = true
	}
	s = emDashes.ReplaceAllString(s, "$1—$2")
	s = enDashes.ReplaceAllString(s, "$1–$2")
	s = bracketSpan.ReplaceAllString(s, "$1$2")
	s = autolink.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = codeSpan.ReplaceAllString(s, "$1")
	s = strongStars.ReplaceAllString(s, "$1")
	s = strongUnder.ReplaceAllString(s, "$1$2$3")
	s = emStar.ReplaceAllString(s, "$1$2$3")
	s = emUnder.ReplaceAllString(s, "$1$2$3")
	// Escapes last but one, so that "\*" survives the emphasis rules; the
	// HTML reading last, so that "&amp;" and tags are read once.
	s = mdEscape.ReplaceAllStringFunc(s, func(e string) string {
		if e[1] == '<' {
			return "&lt;"
		}
		if e[1] == '>' {
			return "&gt;"
		}
		return e[1:]
	})
	text, bold := inlineHTML(s)
	return text, bold || allStrong
}

// tabWidth is the number of cells of the widest row of the tab table
// being read.
func (p *mdParser) tabWidth() int {
	n := 0
	for _, r := range p.rows {
		n = max(n, len(r.cells))
	}
	return n
}

// openRow tells whether line i (or, for a blank line, the next line with
// text) goes on with the last row of a tab table: a browser copying a
// table writes a cell's paragraphs, list items and <br> breaks as line
// breaks, so a row runs over several lines until it has its cells. The
// row goes on when it has fewer cells than the table and the lines from
// here give it exactly the missing ones (blank lines skipped, a heading
// or a line that would give too many ends it). A row whose trailing empty
// cells an editor dropped is left short unless the next lines happen to
// complete it exactly.
func (p *mdParser) openRow(lines []string, i int) bool {
	if len(p.rows) < 2 {
		return false // the header row sets the width
	}
	last := p.rows[len(p.rows)-1]
	w := p.tabWidth()
	if len(last.cells) >= w {
		return false
	}
	have := len(last.cells)
	for k := 0; i < len(lines) && k < 200; i, k = i+1, k+1 {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			continue
		}
		if atxHeading.MatchString(t) || fenceLine.MatchString(lines[i]) || strings.HasPrefix(strings.ToLower(t), "<table") || isPipeRow(t) {
			return false
		}
		have += strings.Count(lines[i], "\t")
		switch {
		case have == w:
			return true
		case have > w:
			return false
		}
	}
	return false
}

// continueRow adds a line to the last row of a tab table: its text up to
// the first tab goes on with the last cell, each tab opens a cell.
func (p *mdParser) continueRow(ln string) {
	last := &p.rows[len(p.rows)-1]
	parts := strings.Split(ln, "\t")
	r := mdRow(parts)
	if c := &last.cells[len(last.cells)-1]; r.cells[0].text != "" {
		if c.text == "" {
			*c = r.cells[0]
		} else {
			c.text += " " + r.cells[0].text
			c.bold = c.bold && r.cells[0].bold
		}
		// Excel copies a cell holding a line break in double quotes
		// ("…tobak.<newline>Följa upp …"), its own quotes doubled: the
		// quotes are not text.
		if strings.HasPrefix(c.text, `"`) && strings.HasSuffix(r.cells[0].text, `"`) && !strings.HasSuffix(r.cells[0].text, `""`) ||
			strings.HasPrefix(c.text, `"`) && strings.HasSuffix(r.cells[0].text, `"""`) {
			c.text = strings.ReplaceAll(c.text[1:len(c.text)-1], `""`, `"`)
		}
	}
	last.cells = append(last.cells, r.cells[1:]...)
}

// joinHeaderTails joins to a tab table's header row the line right under
// it that holds only the second lines of some header cells ("Ansvarig" /
// "(funktion)", "Status" / "dec 2025": Excel cells with a line break,
// copied as a line of their own): its first cell empty, at most half its
// cells filled, each short (three words at most, no sentence) and under
// a filled header cell. The header repeated further down is joined the
// same way, so that it is still told as the header.
func joinHeaderTails(rows []mrow) []mrow {
	for k := 0; k+1 < len(rows); k++ {
		h, tail := rows[k], rows[k+1]
		if !(h.header || isHeaderRow(h)) || len(tail.cells) == 0 || len(tail.cells) > len(h.cells) || tail.cells[0].text != "" {
			continue
		}
		n, ok := 0, true
		for j, c := range tail.cells {
			if c.text == "" {
				continue
			}
			n++
			if h.cells[j].text == "" || len(strings.Fields(c.text)) > 3 || sentenceEnd.MatchString(c.text) {
				ok = false
			}
		}
		if !ok || n == 0 || 2*n > len(tail.cells) {
			continue
		}
		for j, c := range tail.cells {
			if c.text != "" {
				rows[k].cells[j].text += " " + c.text
			}
		}
		rows = append(rows[:k+1], rows[k+2:]...)
	}
	return rows
}

// fillMergedCells gives the empty first cells of a tab-table row the text
// of the row above: a spreadsheet's merged cell (a goal over several
// activity rows) is copied with its text in the first row and empty cells
// below. Only the leading run of empty cells under filled ones, in a row
// with two or more cells filled after it, between body rows.
func fillMergedCells(rows []mrow) {
	for k := 1; k < len(rows); k++ {
		r, above := rows[k], rows[k-1]
		if r.header || above.header || isHeaderRow(above) || isHeaderRow(r) || len(r.cells) != len(above.cells) {
			continue
		}
		m := 0
		for m < len(r.cells) && r.cells[m].text == "" && above.cells[m].text != "" {
			m++
		}
		filled := 0
		for _, c := range r.cells[m:] {
			if c.text != "" {
				filled++
			}
		}
		if m == 0 || m < len(r.cells) && r.cells[m].text == "" || filled < 2 {
			continue
		}
		for j := 0; j < m; j++ {
			c := above.cells[j]
			c.spanned = true
			rows[k].cells[j] = c
		}
	}
}

// alignShortRows places the cells of a tab-table row that has fewer cells
// than the row above it at the right: a browser copying a table leaves
// out the cells a rowspan covers (Område and Mål merged over several
// activity rows), so the missing cells are the first ones, copied down
// from the row above as spanned cells. A row under the header or under a
// short row is left as it is (trailing empty cells an editor dropped).
func alignShortRows(rows []mrow) {
	w := 0
	for _, r := range rows {
		w = max(w, len(r.cells))
	}
	for k := 2; k < len(rows); k++ {
		r, above := rows[k], rows[k-1]
		if n := len(r.cells); n == 0 || n >= w || len(above.cells) != w || r.header || titleRow(mrow{cells: append(append([]mcell(nil), r.cells...), mcell{})}) != "" && n == 1 {
			continue
		}
		miss := w - len(r.cells)
		cells := make([]mcell, 0, w)
		for j := 0; j < miss; j++ {
			c := above.cells[j]
			c.spanned = true
			cells = append(cells, c)
		}
		rows[k].cells = append(cells, r.cells...)
	}
}

// gridRows reads a pandoc grid table: "+---+" borders ("+===+" under the
// header), "|" between cells, a cell spanning columns where a row has no
// "|" at a column edge, and spanning rows where a border leaves a column
// open ("|     |     +----+"). Spanned positions get the cell's text,
// marked Spanned. A cell's lines are markdown: list items, "\" line
// breaks, emphasis.
func gridRows(lines []string) []mrow {
	if len(lines) == 0 {
		return nil
	}
	first := []rune(strings.TrimRight(lines[0], " "))
	indent := 0
	for indent < len(first) && first[indent] == ' ' {
		indent++
	}
	var bounds []int
	for k, r := range first {
		if r == '+' {
			bounds = append(bounds, k)
		}
	}
	n := len(bounds) - 1
	if n < 1 || n > markupMaxCols {
		return nil
	}
	type gcell struct {
		lines []string
		id    int
	}
	at := func(ln []rune, k int) rune {
		if k < len(ln) {
			return ln[k]
		}
		return ' '
	}
	seg := func(ln []rune, a, b int) string {
		if a >= len(ln) {
			return ""
		}
		return string(ln[a:min(b, len(ln))])
	}
	cur := make([]*gcell, n)
	var rows [][]*gcell
	header := -1
	started := false
	ids := 0
	for _, raw := range lines[1:] {
		ln := []rune(strings.TrimRight(raw, " "))
		if len(ln) >= indent {
			ln = ln[indent:]
		}
		// which columns this line closes with a border
		closed := make([]bool, n)
		anyClosed, eq := false, false
		for j := 0; j < n; j++ {
			t := seg(ln, bounds[j]+1, bounds[j+1])
			if t != "" && strings.Trim(t, "-=:") == "" && strings.ContainsAny(t, "-=") {
				closed[j], anyClosed = true, true
				eq = eq || strings.Contains(t, "=")
			}
		}
		if anyClosed {
			if started {
				row := make([]*gcell, n)
				copy(row, cur)
				rows = append(rows, row)
				started = false
			}
			for j := range closed {
				if closed[j] {
					cur[j] = nil
				}
			}
			if eq {
				header = len(rows)
			}
			continue
		}
		started = true
		for j := 0; j < n; {
			k := j + 1
			for k < n && at(ln, bounds[k]) != '|' && at(ln, bounds[k]) != '+' {
				k++
			}
			if cur[j] == nil {
				ids++
				c := &gcell{id: ids}
				for m := j; m < k; m++ {
					cur[m] = c
				}
			}
			cur[j].lines = append(cur[j].lines, seg(ln, bounds[j]+1, bounds[k]))
			j = k
		}
	}
	if started {
		rows = append(rows, append([]*gcell(nil), cur...))
	}
	seen := map[int]bool{}
	var out []mrow
	for ri, row := range rows {
		r := mrow{header: ri < header}
		for j, c := range row {
			if c == nil {
				r.cells = append(r.cells, mcell{})
				continue
			}
			text, bold := gridCellText(c.lines)
			spanned := seen[c.id] && (j == 0 || row[j-1] != c || ri > 0 && rowHas(rows[ri-1], c))
			if j > 0 && row[j-1] == c {
				spanned = true
			}
			r.cells = append(r.cells, mcell{text: text, bold: bold, spanned: spanned})
			seen[c.id] = true
		}
		out = append(out, r)
	}
	return out
}

func rowHas[T comparable](row []T, c T) bool {
	for _, x := range row {
		if x == c {
			return true
		}
	}
	return false
}

// gridCellText reads a grid cell's lines: indentation removed, list
// markers dropped (an ordered item keeps its number), "\" line breaks
// removed, lines joined with single spaces and read as inline markdown.
func gridCellText(lines []string) (string, bool) {
	var parts []string
	for _, ln := range lines {
		ln = strings.TrimSpace(ln)
		ln = strings.TrimSuffix(ln, "\\")
		if m := listItem.FindStringSubmatch(ln); m != nil {
			ln = m[3]
			if m[2] != "" {
				ln = strings.TrimSuffix(strings.TrimSuffix(m[2], ")"), ".") + ". " + m[3]
			}
		}
		parts = append(parts, ln)
	}
	var texts []string
	bold := true
	for _, part := range strings.Split(strings.Join(parts, "\n"), "\n") {
		t, b := mdInlineBold(part)
		if t != "" {
			texts = append(texts, t)
			bold = bold && b
		}
	}
	if len(texts) == 0 {
		return "", false
	}
	return strings.Join(texts, " "), bold
}

var (
	captionLine = regexp.MustCompile(`(?i)^(?:tabell|table|tab\.)\s*\d+[.:]?(?:\s|$)`)
	sentenceEnd = regexp.MustCompile(`[.:;,!?]$`)
)

// linesAboveTable reads the lines written right above a tab table with no
// blank line between (a page copied from a browser keeps one block per
// line; a markdown writer puts a blank line before a table): from the
// bottom, a caption ("Tabell 1. …") is dropped and short lines that end
// no sentence are headings, the upper one ranking above the lower. Over
// a header row any such line is; over a body row only one numbered like
// an earlier heading ("Kapitel 6 …" after "Kapitel 5 …"). The lines above
// them stay a paragraph.
func (p *mdParser) linesAboveTable(first mrow) {
	header := isHeaderRow(first)
	var heads []string
	k := len(p.para)
	for k > 0 && len(heads) < 2 {
		ln := strings.TrimSpace(p.para[k-1])
		text := mdInline(ln)
		switch {
		case captionLine.MatchString(text) && len(heads) == 0:
		case text != "" && !sentenceEnd.MatchString(text) && len(strings.Fields(text)) <= 12 && !startsLower(text) &&
			(header || p.out.shapeLevel(text) > 0):
			heads = append(heads, text)
		default:
			goto done
		}
		k--
	}
done:
	if len(heads) == 0 {
		return
	}
	p.para = p.para[:k]
	p.flushPara()
	// heads are bottom-up: the top one ranks like a heading numbered the
	// same way, else below the last ranked heading.
	top := heads[len(heads)-1]
	lv := p.out.shapeLevel(top)
	if lv == 0 {
		lv = p.out.tableHead
		if lv == 0 {
			lv = min(p.out.lastLevel+1, 9)
		}
	}
	for j := len(heads) - 1; j >= 0; j-- {
		p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: heads[j], Level: lv})
		lv = min(lv+1, 9)
	}
	p.para = nil
}

// allDashes: a line of dashes only (three or more), a pandoc table's
// outer border.
func allDashes(t string) bool {
	return len(t) >= 3 && strings.Trim(t, "-") == ""
}

// dashRuns are the rune spans of the dash runs of a line made of dashes
// and spaces only ("------ ---------- ----"): the columns of a pandoc
// simple or multiline table. nil for any other line.
func dashRuns(ln string) [][2]int {
	var out [][2]int
	start := -1
	k := 0
	for _, r := range ln {
		switch r {
		case '-':
			if start < 0 {
				start = k
			}
		case ' ':
			if start >= 0 {
				out = append(out, [2]int{start, k})
				start = -1
			}
		default:
			return nil
		}
		k++
	}
	if start >= 0 {
		out = append(out, [2]int{start, k})
	}
	if len(out) > markupMaxCols {
		return nil
	}
	return out
}

// columnCells cuts lines into the columns a dash line gives: a column's
// text runs from its dashes' start to the next column's start (pandoc
// aligns text inside the dashes; a long word may run past their end).
// Each column's lines are joined and read as inline markdown.
func columnCells(lines []string, cols [][2]int) mrow {
	parts := make([][]string, len(cols))
	for _, ln := range lines {
		rs := []rune(ln)
		for j, c := range cols {
			a := c[0]
			b := len(rs)
			if j+1 < len(cols) {
				b = min(cols[j+1][0], len(rs))
			}
			if a < b {
				parts[j] = append(parts[j], strings.TrimSpace(string(rs[a:b])))
			}
		}
	}
	r := mrow{cells: make([]mcell, len(cols))}
	for j := range cols {
		r.cells[j].text, r.cells[j].bold = gridCellText(parts[j])
	}
	return r
}

// multilineTable reads a pandoc multiline table starting at line *i: a
// dash line, the header's lines, the column dashes, rows parted by blank
// lines, a closing dash line. Without a header the column dashes open
// and close it. It reports false, reading nothing, when the lines are
// not such a table.
func (p *mdParser) multilineTable(lines []string, i *int) bool {
	start := *i
	var header []string
	var cols [][2]int
	j := start + 1
	if runs := dashRuns(lines[start]); len(runs) >= 2 {
		cols = runs // headerless
	} else {
		for ; j < len(lines) && j < start+12; j++ {
			if strings.TrimSpace(lines[j]) == "" {
				return false
			}
			if runs := dashRuns(lines[j]); len(runs) >= 2 {
				cols = runs
				break
			}
			header = append(header, lines[j])
		}
		if cols == nil || len(header) == 0 {
			return false
		}
		j++
	}
	// find the closing line before taking anything
	end := -1
	for k := j; k < len(lines) && k < j+5000; k++ {
		t := strings.TrimSpace(lines[k])
		if allDashes(t) || len(dashRuns(lines[k])) >= 2 && header == nil {
			end = k
			break
		}
		if k > j && t == "" && strings.TrimSpace(lines[k-1]) == "" {
			return false // two blank lines: not inside a table
		}
	}
	if end < 0 {
		return false
	}
	p.flushAll()
	var rows []mrow
	if header != nil {
		h := columnCells(header, cols)
		h.header = true
		rows = append(rows, h)
	}
	var cur []string
	for k := j; k <= end; k++ {
		if k == end || strings.TrimSpace(lines[k]) == "" {
			if len(cur) > 0 {
				rows = append(rows, columnCells(cur, cols))
			}
			cur = nil
			continue
		}
		cur = append(cur, lines[k])
	}
	p.rows, p.inTbl = rows, true
	p.flushTable()
	*i = end
	return true
}

// simpleTable reads a pandoc simple table: a header line, the column
// dashes, one line per row up to a blank line (or a dash line).
func (p *mdParser) simpleTable(lines []string, i *int) bool {
	cols := dashRuns(lines[*i+1])
	j := *i + 2
	var body [][]string
	for ; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j])
		if t == "" || allDashes(t) || len(dashRuns(lines[j])) >= 2 {
			break
		}
		body = append(body, []string{lines[j]})
	}
	if len(body) == 0 {
		return false
	}
	p.flushAll()
	h := columnCells([]string{lines[*i]}, cols)
	h.header = true
	rows := []mrow{h}
	for _, b := range body {
		rows = append(rows, columnCells(b, cols))
	}
	p.rows, p.inTbl = rows, true
	p.flushTable()
	*i = j
	if j < len(lines) && strings.TrimSpace(lines[j]) != "" {
		// the closing dash line of a headerless-looking end is consumed;
		// any other line is read again
		if !allDashes(strings.TrimSpace(lines[j])) && len(dashRuns(lines[j])) < 2 {
			*i = j - 1
		}
	}
	return true
}
