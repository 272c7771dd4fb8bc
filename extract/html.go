package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"rccplans"
)

// Bounds for markup input: a table may not claim more columns or a cell
// more rows than this (rowspan="100000" would otherwise allocate a huge
// grid), and the DOM walk stops at this depth.
const (
	markupMaxCols  = 256
	markupMaxSpan  = 1000
	markupMaxDepth = 512
)

// HTML reads an HTML page: <h1>–<h6> become headings with their level;
// paragraphs, list items and loose text become paragraphs; <dl> entries
// become "term: description" paragraphs; <table> becomes a grid with
// rowspan/colspan filled in (copies marked Spanned) and its <thead> or
// all-<th> top rows as Table.Header. A row holding a single text (a
// caption row) or a bold-only paragraph directly above a table header is
// a sub-heading; such a row between body rows that is numbered like an
// earlier heading ("Kapitel 6 …" after an <h2> "Kapitel 5 …") is a heading
// of that rank and splits the table. Scripts, styles and navigation are
// skipped; when the page marks its main content (<main>, role="main")
// only that is read, so menus, side navigation and footers stay out.
// Word's "save as web page" list bullets are dropped, its numbers kept.
func HTML(name string, data []byte) (l *rccplans.Layout, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, rccplans.Located(name, 0, fmt.Errorf("%w: html reader panic: %v", ErrMalformed, r))
		}
	}()
	root, err := html.Parse(bytes.NewReader(UTF8(data)))
	if err != nil {
		return nil, rccplans.Located(name, 0, fmt.Errorf("%w: %v", ErrMalformed, err))
	}
	w := &htmlWalker{}
	if m := mainContent(root, 0); m != nil {
		// A page that marks its main content: menus, side navigation,
		// cookie notices and footers around it are not the document (a
		// menu item "Handlingsplan" would read as its title).
		w.block(m, 0)
	} else {
		w.block(root, 0)
	}
	w.flush()
	l = &rccplans.Layout{SourceFile: name, Format: FormatHTML, Blocks: w.out.blocks}
	if len(l.Blocks) == 0 {
		return l, rccplans.Located(name, 0, ErrNoText)
	}
	return l, nil
}

// mainContent is a page's <main> element (or role="main") when it holds
// text; nil otherwise.
func mainContent(n *html.Node, depth int) *html.Node {
	if depth > markupMaxDepth {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode && c.Type != html.DocumentNode {
			continue
		}
		if c.Type == html.ElementNode && skipped[c.DataAtom] {
			continue
		}
		if c.Type == html.ElementNode && (c.DataAtom == atom.Main || strings.EqualFold(htmlAttr(c, "role"), "main")) {
			if hasText(c, depth+1) {
				return c
			}
			continue
		}
		if m := mainContent(c, depth+1); m != nil {
			return m
		}
	}
	return nil
}

func hasText(n *html.Node, depth int) bool {
	if depth > markupMaxDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
		if c.Type == html.ElementNode && !skipped[c.DataAtom] && hasText(c, depth+1) {
			return true
		}
	}
	return false
}

// cp1252 are the printable characters Windows-1252 puts at 0x80–0x9F,
// where Latin-1 has control codes; 0 marks the unassigned ones.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// UTF8 returns markup or text as UTF-8: unchanged when it is valid UTF-8,
// else read as Windows-1252, the legacy encoding of Swedish web pages
// (a superset of Latin-1 for everything printable).
func UTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	for _, b := range data {
		switch {
		case b < 0x80:
			out = append(out, b)
		case b < 0xA0:
			if r := cp1252[b-0x80]; r != 0 {
				out = utf8.AppendRune(out, r)
			}
		default:
			out = utf8.AppendRune(out, rune(b))
		}
	}
	return out
}

// mcell and mrow are a table as read from markup or XML, before it is
// split into sub-headings, header and body.
type mcell struct {
	text    string
	spanned bool
	bold    bool
}

type mrow struct {
	cells  []mcell
	header bool // marked as a header row by the source (<th>, w:tblHeader, pipe delimiter)
	foot   bool // a <tfoot> row: printed under the body wherever the source puts it
	page   int  // page the row starts on, where the source has pages; 0 otherwise
	body   bool // a body row whatever its shape: never a caption, note or group heading
}

// blockList appends blocks and gives headings that a table's caption row
// or a bold line produced a level: the rank of the heading that introduced
// the previous table (they are its siblings), or one below the last
// heading.
type blockList struct {
	blocks    []rccplans.Block
	lastLevel int // level of the last heading with a known level
	tableHead int // level of the heading right above the last table
}

func (b *blockList) add(bl rccplans.Block) {
	switch bl.Kind {
	case rccplans.BlockHeading:
		if bl.Level == 0 {
			if lv := b.shapeLevel(bl.Text); lv > 0 {
				// "Kapitel 6 …" in a table's group row ranks with the
				// "Kapitel 5 …" heading printed above the table.
				bl.Level = lv
			} else if b.tableHead > 0 {
				bl.Level = b.tableHead
			} else {
				bl.Level = min(b.lastLevel+1, 9)
			}
		} else {
			b.lastLevel = bl.Level
		}
	case rccplans.BlockTable:
		if n := len(b.blocks); n > 0 && b.blocks[n-1].Kind == rccplans.BlockHeading {
			b.tableHead = b.blocks[n-1].Level
		}
	}
	b.blocks = append(b.blocks, bl)
}

// ranked tells whether a heading numbered like text came before with a
// known level.
func (b *blockList) ranked(text string) bool { return b.shapeLevel(text) > 0 }

// shapeLevel is the level of the latest heading of known level numbered
// the same way as text ("Kapitel 5 …" for "Kapitel 6 …", "2.1 …" for
// "2.3 …"); 0 when text is not numbered or no such heading was seen.
func (b *blockList) shapeLevel(text string) int {
	shape := headingShape(text)
	if shape == "" {
		return 0
	}
	for i := len(b.blocks) - 1; i >= 0; i-- {
		h := b.blocks[i]
		if h.Kind == rccplans.BlockHeading && h.Level > 0 && headingShape(h.Text) == shape {
			return h.Level
		}
	}
	return 0
}

var (
	chapterWord = regexp.MustCompile(`(?i)^(kapitel|kap\.|avsnitt|del|bilaga)\s+\d+\b`)
	numberShape = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\p{L}`)
)

// headingShape names how a heading is numbered: "kapitel" for "Kapitel 5
// Patientens väg", "n.n" for "2.1 Screening", "n" for "3. Prevention";
// "" for a heading without a number.
func headingShape(text string) string {
	text = strings.TrimSpace(text)
	if m := chapterWord.FindStringSubmatch(text); m != nil {
		return strings.ToLower(m[1])
	}
	m := numberShape.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return strings.Repeat("n.", strings.Count(m[1], ".")) + "n"
}

// footnoteMark: a note's opening mark ("* …", "** …", "¹ …", "Not: …").
func footnoteMark(t string) bool {
	return strings.HasPrefix(t, "*") || strings.HasPrefix(t, "¹") || strings.HasPrefix(strings.ToLower(t), "not:")
}

// lastBodyRow tells whether only <tfoot> rows or nothing follow row i.
func lastBodyRow(rows []mrow, i int) bool {
	for _, r := range rows[i+1:] {
		if !r.foot {
			return false
		}
	}
	return true
}

// groupRow is the text of a body row that names a group of the rows under
// it: one text spread over the whole row by a span, or a bold text in the
// first cell with the others empty.
func groupRow(r mrow) string {
	t := titleRow(r)
	if t == "" {
		return ""
	}
	if r.cells[0].bold {
		return t
	}
	for _, c := range r.cells[1:] {
		if !c.spanned {
			return ""
		}
	}
	return t
}

// isHeaderRow tells whether a row reads as a plan table's column header:
// at least two known column roles in short cells, or short bold cells with
// at least one known role.
func isHeaderRow(r mrow) bool {
	var texts []string
	bold, n := true, 0
	for _, c := range r.cells {
		if c.text == "" {
			continue
		}
		if utf8.RuneCountInString(c.text) > 60 || strings.HasSuffix(c.text, ".") || markupNumbered.MatchString(c.text) {
			return false // header cells are short labels, not sentences or numbered goals
		}
		n++
		texts = append(texts, c.text)
		bold = bold && c.bold
	}
	if n < 2 {
		return false
	}
	score := rccplans.HeaderScore(texts)
	return score >= 2 || bold && score >= 1
}

var markupNumbered = regexp.MustCompile(`^\d+(?:\.\d+)*[.)]\s`)

func hasEmpty(texts []string) bool {
	for _, t := range texts {
		if t == "" {
			return true
		}
	}
	return false
}

// titleRow is the text of a row that holds one text only, in its first
// cell or spread over all cells by a span: a caption inside the table.
func titleRow(r mrow) string {
	if len(r.cells) < 2 || r.cells[0].text == "" {
		return ""
	}
	for _, c := range r.cells[1:] {
		if c.text != "" && !(c.spanned && c.text == r.cells[0].text) {
			return ""
		}
	}
	return r.cells[0].text
}

func rowTexts(r mrow) []string {
	out := make([]string, len(r.cells))
	for i, c := range r.cells {
		out[i] = c.text
	}
	return out
}

func sameTexts(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if rccplans.HeaderKey(a[i]) != rccplans.HeaderKey(b[i]) {
			return false
		}
	}
	return true
}

// tableBlocks splits rows into blocks (page is where the table starts;
// rows that know their own page keep it): caption rows standing right above a
// header row become headings (level left 0 for blockList to settle),
// marked or recognised header rows at the top become Table.Header, a
// repeated header inside the body is dropped, and a new header after body
// rows starts a new table.
//
// A numbered group row between body rows ("Kapitel 6 …" across the table)
// is a heading when ranked (a heading of known level numbered the same
// way came before it in the document); otherwise it stays a row, which
// normalize reads as a sub-heading or an Område band.
func tableBlocks(rows []mrow, page int, ranked func(string) bool) []rccplans.Block {
	var out, notes []rccplans.Block
	var tb *rccplans.Table
	start := page
	flush := func() {
		if tb != nil && (len(tb.Rows) > 0 || len(tb.Header) > 0) {
			out = append(out, rccplans.Block{Kind: rccplans.BlockTable, Page: start, Table: tb})
		}
		out = append(out, notes...)
		tb, notes = nil, nil
	}
	for i, r := range rows {
		if r.page > 0 {
			page = r.page
		}
		if tb == nil {
			start = page
		}
		if r.body {
			if tb == nil {
				tb = &rccplans.Table{}
			}
			tb.Rows = append(tb.Rows, bodyRow(r, page))
			continue
		}
		headerLike := r.header || isHeaderRow(r)
		// A caption marked as header (a <thead> or repeated Word row that
		// opens with one spanning cell) is still a caption.
		caption := !headerLike || r.header && !isHeaderRow(r)
		if t := titleRow(r); t != "" && caption && i+1 < len(rows) && (rows[i+1].header || isHeaderRow(rows[i+1]) || titleRow(rows[i+1]) != "") {
			flush()
			out = append(out, rccplans.Block{Kind: rccplans.BlockHeading, Page: page, Text: t, Bold: r.cells[0].bold})
			continue
		}
		if t := titleRow(r); t != "" && tb != nil && (r.foot || footnoteMark(t) && lastBodyRow(rows, i)) {
			// A note under the table ("* Status fylls i …"), in <tfoot> or
			// its last row across the table: never a record.
			notes = append(notes, rccplans.Block{Kind: rccplans.BlockParagraph, Page: page, Text: t, Note: true})
			continue
		}
		if t := groupRow(r); t != "" && caption && tb != nil && len(tb.Rows) > 0 && ranked != nil && ranked(t) {
			// A numbered group row between body rows ("Kapitel 6 …" across
			// the table) is a heading; the rows under it are a table of
			// their own with the same header.
			header := tb.Header
			flush()
			out = append(out, rccplans.Block{Kind: rccplans.BlockHeading, Page: page, Text: t, Bold: r.cells[0].bold})
			tb = &rccplans.Table{Header: header}
			start = page
			continue
		}
		if headerLike {
			texts := rowTexts(r)
			switch {
			case tb == nil:
				tb = &rccplans.Table{Header: [][]string{texts}}
				continue
			case len(tb.Rows) == 0 && len(tb.Header) < 3 && (r.header || hasEmpty(tb.Header[len(tb.Header)-1])):
				// a header wrapped into a second row: marked so by the
				// source, or filling cells the first row left empty
				tb.Header = append(tb.Header, texts)
				continue
			case len(tb.Header) > 0 && sameTexts(tb.Header[0], texts):
				continue // header repeated inside the body
			case len(tb.Rows) > 0 && !r.header:
				flush()
				tb = &rccplans.Table{Header: [][]string{texts}}
				continue
			}
		}
		if tb == nil {
			tb = &rccplans.Table{}
		}
		tb.Rows = append(tb.Rows, bodyRow(r, page))
	}
	flush()
	return out
}

// bodyRow is a source row as a table row.
func bodyRow(r mrow, page int) rccplans.Row {
	cells := make([]rccplans.Cell, len(r.cells))
	for k, c := range r.cells {
		cells[k] = rccplans.Cell{Text: c.text, Spanned: c.spanned}
	}
	return rccplans.Row{Page: page, Cells: cells}
}

// squareRows pads every row to the widest one.
func squareRows(rows []mrow) []mrow {
	n := 0
	for _, r := range rows {
		n = max(n, len(r.cells))
	}
	n = min(n, markupMaxCols)
	for i := range rows {
		if len(rows[i].cells) > n {
			rows[i].cells = rows[i].cells[:n]
		}
		for len(rows[i].cells) < n {
			rows[i].cells = append(rows[i].cells, mcell{})
		}
	}
	return rows
}

// htmlWalker turns a DOM into blocks.
type htmlWalker struct {
	out    blockList
	inline inlineText   // loose inline content waiting for a block boundary
	number string       // "3." for the ordered list item being read
	rec    *recordTable // the table record lists are making, if any
}

// skipped are elements whose content is not document text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Nav: true, atom.Svg: true, atom.Iframe: true, atom.Button: true, atom.Select: true,
	atom.Object: true, atom.Math: true,
}

// blockLevel are elements that end a run of inline text.
var blockLevel = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Aside: true,
	atom.Header: true, atom.Footer: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Blockquote: true, atom.Pre: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Form: true, atom.Fieldset: true, atom.Address: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Body: true, atom.Html: true, atom.Caption: true, atom.Details: true, atom.Summary: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func (w *htmlWalker) flush() {
	text, bold := w.inline.result()
	w.inline = inlineText{}
	if text == "" {
		return
	}
	if w.number != "" {
		// the number a browser prints before an ordered list's item
		text = w.number + " " + text
		w.number = ""
	}
	b := rccplans.Block{Kind: rccplans.BlockParagraph, Text: text, Bold: bold}
	w.out.add(b)
}

// block walks a node's children, gathering inline content into paragraphs
// and handing block elements their own treatment.
func (w *htmlWalker) block(n *html.Node, depth int) {
	if depth > markupMaxDepth {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if end := wordBullet(c); end != nil {
			c = end
			continue
		}
		switch {
		case c.Type == html.ElementNode && skipped[c.DataAtom]:
		case c.Type == html.ElementNode && blockLevel[c.DataAtom]:
			w.flush()
			w.element(c, depth+1)
			w.flush()
		case c.Type == html.ElementNode || c.Type == html.TextNode:
			w.inline.node(c, depth+1)
		case c.Type == html.DocumentNode:
			w.block(c, depth+1)
		}
	}
}

func (w *htmlWalker) element(n *html.Node, depth int) {
	if lv := headingLevel(n.DataAtom); lv > 0 {
		var t inlineText
		t.node(n, depth)
		if s, _ := t.result(); s != "" {
			w.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: s, Level: lv})
		}
		return
	}
	switch n.DataAtom {
	case atom.Table:
		rows := htmlTable(n, depth)
		bls := tableBlocks(rows, 0, w.out.ranked)
		// A bold-only paragraph right above a table that opens with its
		// header is a sub-heading.
		if k := len(w.out.blocks); k > 0 && len(bls) > 0 && bls[0].Kind == rccplans.BlockTable && len(bls[0].Table.Header) > 0 {
			if last := &w.out.blocks[k-1]; last.Kind == rccplans.BlockParagraph && last.Bold && boldHeading(last.Text) {
				b := *last
				w.out.blocks = w.out.blocks[:k-1]
				b.Kind = rccplans.BlockHeading
				w.out.add(b)
			}
		}
		for _, b := range bls {
			w.out.add(b)
		}
	case atom.Dl:
		w.definitions(n, depth)
	case atom.Hr, atom.Caption:
		if n.DataAtom == atom.Caption {
			w.inline.node(n, depth)
		}
	case atom.Ol:
		// Browsers print an ordered list's numbers; goal lists ("3. …")
		// need them. start= and value= are honoured.
		k := 1
		if v, err := strconv.Atoi(strings.TrimSpace(htmlAttr(n, "start"))); err == nil {
			k = v
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Li {
				w.element(c, depth+1)
				continue
			}
			if v, err := strconv.Atoi(strings.TrimSpace(htmlAttr(c, "value"))); err == nil {
				k = v
			}
			w.flush()
			w.number = strconv.Itoa(k) + "."
			w.block(c, depth+1)
			w.flush()
			w.number = ""
			k++
		}
	default:
		w.block(n, depth)
	}
}

// definitions reads a <dl>: each term with its descriptions is one
// paragraph "term: description" (a list of abbreviations or terms reads
// as its printed pairs, not as loose lines).
//
// A <dl> whose terms are a plan table's column names ("Aktivitet",
// "Ansvarig", "Tidsplan", "Status": one activity) is a row of the table
// the page stands for; see record.
func (w *htmlWalker) definitions(n *html.Node, depth int) {
	var term string
	var descs []string
	var pairs [][2]string
	emit := func() {
		if term != "" || len(descs) > 0 {
			pairs = append(pairs, [2]string{term, strings.Join(descs, " ")})
		}
		term, descs = "", nil
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > markupMaxDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] {
				continue
			}
			var t inlineText
			switch c.DataAtom {
			case atom.Dt:
				if len(descs) > 0 || term != "" {
					emit()
				}
				t.node(c, depth+1)
				term, _ = t.result()
			case atom.Dd:
				t.node(c, depth+1)
				if s, _ := t.result(); s != "" {
					descs = append(descs, s)
				}
			case atom.Div:
				walk(c, depth+1) // <dl><div><dt>…</dt><dd>…</dd></div></dl>
			}
		}
	}
	walk(n, depth)
	emit()
	if recordTerms(pairs) {
		w.record(pairs)
		return
	}
	for _, p := range pairs {
		text := p[0]
		if p[1] != "" {
			if text != "" {
				text += ": " + p[1]
			} else {
				text = p[1]
			}
		}
		if text != "" {
			w.out.add(rccplans.Block{Kind: rccplans.BlockParagraph, Text: text})
		}
	}
}

// recordTerms: the terms of a definition list name two or more column
// roles of a plan table, one of them its goal or activity, and every term
// names one (a glossary's terms name none).
func recordTerms(pairs [][2]string) bool {
	var terms []string
	core := false
	for _, p := range pairs {
		c := rccplans.ColumnOf(p[0])
		if c == rccplans.ColUnknown {
			return false
		}
		core = core || c == rccplans.ColGoal || c == rccplans.ColActivity || c == rccplans.ColRCCActivity
		terms = append(terms, p[0])
	}
	return core && rccplans.HeaderScore(terms) >= 2
}

// recordTable is the table being built from record lists.
type recordTable struct {
	at     int             // its block's index
	tb     *rccplans.Table // its block's table, to tell it is still there
	labels []string        // column names, first seen first
	rows   [][]string      // cells by label index
	spans  [][]int         // by row: the cells repeated from the row above
	ctxSet []int           // label indexes of the last row's context
}

var (
	// "Nuläge: 8 procent …": a paragraph opening with a column name
	labelledPara = regexp.MustCompile(`^([^:]{1,40}):\s+(\S.*)$`)
)

// record adds the pairs of one record list as a row of the table the page
// stands for: a table per run of lists, its header the lists' terms.
// Paragraphs labelled with a column name right above a list ("Nuläge:
// 8 procent …") are cells of its row, and of the rows of the lists that
// follow it directly (as a cell spanning them would be; marked Spanned).
// Any other block ends the table: the heading above a run of lists
// ("Mål 1: …") stays a heading, which normalize reads as the goal of the
// rows under it when the lists name no goal.
func (w *htmlWalker) record(pairs [][2]string) {
	bls := w.out.blocks
	j := len(bls)
	var ctx [][2]string
	for j > 0 && bls[j-1].Kind == rccplans.BlockParagraph && !bls[j-1].Note {
		m := labelledPara.FindStringSubmatch(bls[j-1].Text)
		if m == nil || len(strings.Fields(m[1])) > 4 || rccplans.ColumnOf(m[1]) == rccplans.ColUnknown {
			break
		}
		ctx = append([][2]string{{m[1], m[2]}}, ctx...)
		j--
	}
	rt, repeat := w.rec, false
	if rt == nil || j == 0 || rt.at != j-1 || bls[j-1].Table != rt.tb {
		rt = &recordTable{at: j}
		w.rec = rt
	} else if len(ctx) == 0 {
		// the next list under the same heading: its context again
		repeat = true
		for _, k := range rt.ctxSet {
			ctx = append(ctx, [2]string{rt.labels[k], rt.rows[len(rt.rows)-1][k]})
		}
	}
	col := func(label string) int {
		c := rccplans.ColumnOf(label)
		for k, l := range rt.labels {
			if rccplans.ColumnOf(l) == c {
				return k
			}
		}
		rt.labels = append(rt.labels, label)
		for r := range rt.rows {
			rt.rows[r] = append(rt.rows[r], "")
		}
		return len(rt.labels) - 1
	}
	row := make([]string, len(rt.labels))
	var set []int
	for _, p := range ctx {
		k := col(p[0])
		for len(row) <= k {
			row = append(row, "")
		}
		row[k] = p[1]
		set = append(set, k)
	}
	for _, p := range pairs {
		k := col(p[0])
		for len(row) <= k {
			row = append(row, "")
		}
		if row[k] != "" && p[1] != "" {
			row[k] += " " + p[1]
		} else if p[1] != "" {
			row[k] = p[1]
		}
	}
	for len(row) < len(rt.labels) {
		row = append(row, "")
	}
	rt.rows = append(rt.rows, row)
	if !repeat {
		set, rt.ctxSet = nil, set
	}
	rt.spans = append(rt.spans, set)
	tb := &rccplans.Table{Header: [][]string{append([]string(nil), rt.labels...)}}
	for r, cells := range rt.rows {
		row := rccplans.Row{Cells: make([]rccplans.Cell, len(rt.labels))}
		for k := range row.Cells {
			if k < len(cells) {
				row.Cells[k].Text = cells[k]
			}
		}
		for _, k := range rt.spans[r] {
			row.Cells[k].Spanned = true
		}
		tb.Rows = append(tb.Rows, row)
	}
	rt.tb = tb
	w.out.blocks = w.out.blocks[:rt.at]
	w.out.add(rccplans.Block{Kind: rccplans.BlockTable, Table: tb})
}

// htmlTable lays a <table>'s rows on a grid, honouring rowspan and
// colspan. Rows of nested tables are not rows of this one: their text is
// part of the cell that holds them.
func htmlTable(t *html.Node, depth int) []mrow {
	var trs, foot []*html.Node
	var inHead []bool
	var collect func(n *html.Node, head, isFoot bool)
	collect = func(n *html.Node, head, isFoot bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				if isFoot {
					foot = append(foot, c)
					continue
				}
				trs = append(trs, c)
				inHead = append(inHead, head)
			case atom.Thead:
				collect(c, true, false)
			case atom.Tbody:
				collect(c, false, false)
			case atom.Tfoot:
				// HTML 4 put <tfoot> before <tbody>; it is printed last
				collect(c, false, true)
			}
		}
	}
	collect(t, false, false)
	nBody := len(trs)
	trs = append(trs, foot...)
	for range foot {
		inHead = append(inHead, false)
	}
	type pending struct {
		left int
		text string
		bold bool
	}
	var carry []pending // rowspans still running, per column
	var rows []mrow
	for ri, tr := range trs {
		var cells []mcell
		allTH, any := true, false
		col := 0
		place := func() {
			for col < len(carry) && carry[col].left > 0 {
				carry[col].left--
				cells = append(cells, mcell{text: carry[col].text, spanned: true, bold: carry[col].bold})
				col++
			}
		}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			place()
			any = true
			if c.DataAtom != atom.Th {
				allTH = false
			}
			var it inlineText
			it.node(c, depth+1)
			text, bold := it.result()
			bold = bold || c.DataAtom == atom.Th && text != ""
			cs := spanAttr(c, "colspan", markupMaxCols)
			rs := spanAttr(c, "rowspan", markupMaxSpan)
			for k := 0; k < cs && col < markupMaxCols; k++ {
				cells = append(cells, mcell{text: text, spanned: k > 0, bold: bold})
				for len(carry) <= col {
					carry = append(carry, pending{})
				}
				if rs > 1 {
					carry[col] = pending{left: rs - 1, text: text, bold: bold}
				}
				col++
			}
		}
		place()
		if !any && len(cells) == 0 {
			continue
		}
		rows = append(rows, mrow{cells: cells, header: inHead[ri] || (allTH && any && ri < nBody), foot: ri >= nBody})
	}
	return squareRows(rows)
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func spanAttr(n *html.Node, key string, limit int) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return min(v, limit)
		}
	}
	return 1
}

// inlineText gathers the text of inline content: block boundaries inside
// it (<p>, <li>, <br>, nested tables) break lines, which are then joined
// with single spaces by the spec's rules; bold tracks whether every
// visible character sat in <b>/<strong>.
type inlineText struct {
	lines    []string
	cur      strings.Builder
	chars    int
	boldChar int
}

func (t *inlineText) brk() {
	t.lines = append(t.lines, t.cur.String())
	t.cur.Reset()
}

func (t *inlineText) text(s string, bold bool) {
	s = strings.Map(textRune, s)
	t.cur.WriteString(s)
	n := len(strings.Fields(s))
	if n > 0 {
		k := utf8.RuneCountInString(strings.Join(strings.Fields(s), ""))
		t.chars += k
		if bold {
			t.boldChar += k
		}
	}
}

func (t *inlineText) node(n *html.Node, depth int) { t.walk(n, false, depth) }

func (t *inlineText) walk(n *html.Node, bold bool, depth int) {
	if depth > markupMaxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		t.text(n.Data, bold)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.B, atom.Strong, atom.Th:
			bold = true
		case atom.Br:
			t.brk()
			return
		case atom.Img:
			return
		case atom.Ol:
			k := 1
			if v, err := strconv.Atoi(strings.TrimSpace(htmlAttr(n, "start"))); err == nil {
				k = v
			}
			t.brk()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Li {
					if v, err := strconv.Atoi(strings.TrimSpace(htmlAttr(c, "value"))); err == nil {
						k = v
					}
					t.brk()
					t.text(strconv.Itoa(k)+". ", bold)
					k++
				}
				t.walk(c, bold, depth+1)
			}
			t.brk()
			return
		case atom.Span:
			for _, a := range n.Attr {
				if a.Key == "style" && (strings.Contains(a.Val, "font-weight:bold") || strings.Contains(a.Val, "font-weight: bold") || strings.Contains(a.Val, "font-weight:700")) {
					bold = true
				}
			}
		}
		if blockLevel[n.DataAtom] {
			t.brk()
			defer t.brk()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if end := wordBullet(c); end != nil {
			c = end
			continue
		}
		t.walk(c, bold, depth+1)
	}
}

// wordBullet recognises the bullet Word writes before a list item when it
// saves a page as HTML: "<![if !supportLists]><span>·<span>&nbsp;…</span>
// </span><![endif]>", or a span styled "mso-list:Ignore" holding it. It
// returns the last node of the mark when the mark is a bullet glyph (to
// be skipped, as a <ul>'s bullets are not text), nil otherwise: a
// number ("1.", "a)") is text and stays.
func wordBullet(c *html.Node) *html.Node {
	switch {
	case c.Type == html.CommentNode && strings.Contains(strings.ToLower(c.Data), "if !supportlists"):
		var b strings.Builder
		// the mark is a few nodes long; a comment never closed is not one
		for e, k := c.NextSibling, 0; e != nil && k < 16; e, k = e.NextSibling, k+1 {
			if e.Type == html.CommentNode && strings.Contains(strings.ToLower(e.Data), "endif") {
				if bulletGlyph(b.String()) {
					return e
				}
				return nil
			}
			nodeText(e, &b, 0)
		}
	case c.Type == html.ElementNode && c.DataAtom == atom.Span && strings.Contains(strings.ToLower(strings.ReplaceAll(htmlAttr(c, "style"), " ", "")), "mso-list:ignore"):
		var b strings.Builder
		nodeText(c, &b, 0)
		if bulletGlyph(b.String()) {
			return c
		}
	}
	return nil
}

func nodeText(n *html.Node, b *strings.Builder, depth int) {
	if depth > markupMaxDepth {
		return
	}
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		nodeText(c, b, depth+1)
	}
}

// bulletGlyph: a list mark with no letter or digit ("·", "•", "▪", "–"),
// or the "o" and "§" Word prints in Courier and Wingdings for bullets of
// the second and third level.
func bulletGlyph(s string) bool {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if s == "o" || s == "§" {
		return true
	}
	if s == "" || utf8.RuneCountInString(s) > 2 {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// result is the joined text and whether all of it was bold.
func (t *inlineText) result() (string, bool) {
	lines := append(append([]string(nil), t.lines...), t.cur.String())
	s := joinMarkupLines(lines)
	return s, t.chars > 0 && t.boldChar == t.chars
}

// joinMarkupLines joins the lines of a markup cell or paragraph. Markup
// breaks are paragraph and item ends, not printed line ends, so no hyphen
// is ever re-joined across them: a trailing "-" is text.
func joinMarkupLines(lines []string) string {
	var parts []string
	for _, ln := range lines {
		if f := strings.Fields(ln); len(f) > 0 {
			parts = append(parts, strings.Join(f, " "))
		}
	}
	return strings.Join(parts, " ")
}

// inlineHTML reads a fragment of inline HTML (a markdown table cell) to
// plain text and tells whether it was all bold.
func inlineHTML(s string) (string, bool) {
	if !strings.ContainsAny(s, "<&") {
		// soft hyphens and zero-width spaces are no text here either
		return joinMarkupLines([]string{strings.Map(textRune, s)}), false
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return joinMarkupLines([]string{s}), false
	}
	var t inlineText
	for _, n := range nodes {
		t.walk(n, false, 0)
	}
	return t.result()
}
