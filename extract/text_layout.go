package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// Text that kept its layout: pdftotext -layout, a viewer's "save as
// formatted text", a fixed-width print, tabs to stops of eight. Each
// column of a table stands at its own character position on every line,
// padded with spaces, so a word's column is where it starts. What the
// producer does not keep is the vertical alignment inside a row: a cell
// centred in its row, or set in a smaller face, has its lines interleaved
// with the lines of its neighbours; and it places each line by its own
// widths, so a row may stand a few characters off the others.
//
// Header: a line cut at gutters (two spaces or more) into short segments,
// two thirds of them naming column roles (rccplans.ColumnOf), with the
// lines right above and below it that continue its titles ("Mätbar" /
// "Mål Nuläge" / "målnivå", "Prioriterat … Ansvarig" / … / "område"); a
// group title over sub-titles an empty line below ("Uppföljning 2025" /
// "Status Kommentar", "Uppföljning" / "2025 2026") is split into one
// column per sub-title. Columns
// start where their titles start, moved to where the body's words start
// after a gutter and none runs across (a title centred over its column
// starts right of the column's text). A repeated header (the next page's)
// sets the columns of the lines under it.
//
// Headings: a lone short line at the margin right over a header (or over
// a short paragraph that introduces the table) is the table's heading; two
// stacked are its chapter and section.
//
// Body: the lines after the header to a heading or prose that runs across
// the columns, a footnote ("* …"), the next table's header on the same
// page, or the end. A numbered goal printed across the table ("1.2 Alla
// …") is a row of its own; a note printed across it between rows, with
// the rows going on right under it ("Kommentar: …"), is no row and ends
// no table: it is read as a paragraph after the table (tlNote); a
// numbered line that opens levels printed down the first column, told by
// indentation ("1. Levnadsvanor" over "1.1 Alla …" over activities with
// their other cells beside them), is no heading either (tlLevelsGoOn):
// each level's block is a row of its own. Rows:
//   - a block whose status column lists a status a line, one under the
//     other, beside a cell listing as many sentences or items, is a row
//     per item, its other cells repeated (tlParallel);
//   - between empty lines, each block is a row, its columns placed where
//     its own text stands (tlNear), further right than the table has
//     them where none of its lines starts text there after a gutter;
//   - cells centred in their rows (a block whose short status cells stand
//     in the middle of the other columns' text) are cut by tlCentred:
//     each column's lines become the cells centred on the status, a cell
//     centred over several rows spans them;
//   - otherwise (top-aligned) a row starts at a line where no column goes
//     on in lower case and two or more columns start a cell, the first
//     column starts one after a finished sentence or a number under a
//     cell that opened with one ("2.4", "4) Kompetens"), or a status word
//     stands under another; a list item ("– …") goes on with its cell; a
//     first-column cell printed once for the rows it spans may run on in
//     lower case beside the next row's first line (tlSpansOn).
// A word goes to the column it starts in, or to the next when it opens a
// run of text after a gutter up to four characters left of it, or when it
// is a capitalised word set one space after a column's text past where
// that text ends elsewhere (tlPushOver). A column starts where some line's
// text starts after a gutter (tlLeft). A block that opens a page in lower
// case (or with its first column empty, unless two columns start cells)
// goes on with the row the page break cut; a header repeated on the next
// page takes no more lines under it than the first did. A row without its
// own Område or Mål takes the one above (Spanned). A table set right of
// paragraphs printed beside it reads only its columns; the paragraphs are
// read before it (tlBeside). Numbers printed apart at the first column's
// edge go to the front of their cells (tlNumberGutter).
//
// Two tables printed side by side, their headers on one line naming the
// same roles twice over, are cut apart where the right one's first
// column starts and read each under its own heading, the left first
// (text_layout_twin.go).
//
// Running heads and feet printed at both margins, a long run of spaces
// between, that the furniture pass kept are no rows (tlRunning,
// text_layout_furniture.go).
//
// Prose around the tables is read as layout-lost text (ptProse).
//
// How good it is (make eval-text, then go run ./cmd/rccplans eval
// bin/eval-text/layout): the synthetic and held-out plans' PDFs (batches
// 1-6, 413 rows) as pdftotext -layout prints them, 99.0% of the rows
// found, 95.3% of the records right and 96.0% of the fields (was 93.5% /
// 93.7% / 88.2%). With batch 7 (503 rows): pdftotext -layout -fixed 3
// 91.8% / 92.0% / 83.5% (was 85.5% / 89.2% / 75.5%); each PDF re-rendered
// by pdftocairo -pdf, then -layout, 96.8% / 94.4% / 92.2% (was 91.8% /
// 91.7% / 85.3%); batch 7 alone (-layout) 76.2% of the fields (was 73.3%).
// With batch 8 (600 rows, -layout): 96.2% / 94.9% / 92.3% (was 91.8% /
// 92.3% / 86.8%); batch 8 alone, never tuned on before, 81.4% / 90.8% /
// 76.0% (was 66.0% / 76.2% / 57.3%).
// Known limits: a spreadsheet's print (LibreOffice Calc) sets cells
// bottom-aligned with single spaces between columns, and a header's
// stacked titles ("Kv" over "1 2 3 4") on a grid of their own: its rows
// run together; a page set in two columns of text, a narrow table in
// each, justified, is read as one page's width (the right column's table
// only, beside text); a row whose gutters pdftotext squeezed to single
// spaces (a proportional face on a character grid) is cut by the columns'
// positions: a lower-case word, or a cell that opens with a short one,
// set one space after the column to its left stays there, and a row that
// moved left of its columns by more than a few characters puts its words
// in the wrong cells (worst where one cell runs on for pages beside
// others squeezed in); a whole row printed as one run of text across the
// columns ends the table as prose; a table that goes on on the next page
// without its header keeps the first page's columns; a word broken without
// a hyphen in a narrow column ("Kontaktsju" / "ksköterska") is joined with
// a space (a name wrapped at its space, "Verksamhetschef" / "onkologi",
// fills the column the same way); a title standing alone on a line of its
// own above the header (rotated) is read when it names a role, or stands
// between such titles (tlStaggered); a page furniture line that drops a
// title printed on every page drops its column too.

// tlGapRe is a gap of three spaces or more between two printed characters:
// the gutter between two columns.
var tlGapRe = regexp.MustCompile(`\S {3,}\S`)

// layoutKept tells text that kept its layout: five of its printed lines
// hold a column gutter, and at least a tenth of them hold a gutter or
// start in a column right of the margin (a cell that runs on for pages
// next to empty cells is printed indented, without a gutter). Text whose
// layout was lost has single spaces between words and starts its lines at
// the margin.
func layoutKept(s string) bool {
	printed, gutters, indented := 0, 0, 0
	for _, ln := range strings.Split(s, "\n") {
		if strings.TrimSpace(ln) == "" {
			continue
		}
		printed++
		ln = strings.ReplaceAll(ln, "\t", "        ")
		switch {
		case tlGapRe.MatchString(ln):
			gutters++
		case tlIndentRe.MatchString(ln):
			indented++
		}
	}
	return gutters >= 5 && 10*(gutters+indented) >= printed
}

// tlIndentRe: a line that starts in a column right of the margin.
var tlIndentRe = regexp.MustCompile(`^ {3,}\S`)

// tlSeg is a run of a line's text with no gutter inside, at its
// character position.
type tlSeg struct {
	s          string
	start, end int // character positions [start, end)
}

// tlSegments cuts a printed line at gutters of two spaces or more.
func tlSegments(raw string) []tlSeg {
	var out []tlSeg
	for _, w := range tlWords(raw) {
		if n := len(out); n > 0 && w.start-out[n-1].end < 2 {
			out[n-1].s += " " + w.s
			out[n-1].end = w.end
			continue
		}
		out = append(out, w)
	}
	return out
}

// tlWords are the words of a printed line at their character positions.
func tlWords(raw string) []tlSeg {
	var out []tlSeg
	col, start := 0, -1
	var b strings.Builder
	for _, r := range raw {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, tlSeg{b.String(), start, col})
				b.Reset()
				start = -1
			}
		} else {
			if start < 0 {
				start = col
			}
			b.WriteRune(r)
		}
		col++
	}
	if start >= 0 {
		out = append(out, tlSeg{b.String(), start, col})
	}
	return out
}

// tlColumn is one column of a kept-layout table.
type tlColumn struct {
	title      []string // its title's parts, top to bottom
	start, end int      // the title's character positions
	left       int      // where the column's text starts
}

// tlHeader reads a table header whose main line is lines[i]: the columns
// and the lines [from, to) the header takes.
func tlHeader(lines []ptLine, i int) (cols []tlColumn, from, to int, ok bool) {
	return tlHeaderBelow(lines, i, 2)
}

// tlHeaderBelow is tlHeader taking at most below lines under the main
// line as its titles' parts: a header repeated on the next page is read
// with no more lines under it than the table's first header had, so a
// cell going on from the page before ('verksamhetsområde och') is no
// title's part.
func tlHeaderBelow(lines []ptLine, i, below int) (cols []tlColumn, from, to int, ok bool) {
	if lines[i].s == "" || lines[i].drop {
		return nil, 0, 0, false
	}
	segs := tlSplitTitles(tlSegments(lines[i].raw))
	if len(segs) >= 3 && tlProseBeside(segs[0]) {
		segs = segs[1:] // a paragraph's line printed beside the header
	}
	if len(segs) < 2 {
		return nil, 0, 0, false
	}
	var texts []string
	for _, sg := range segs {
		if utf8.RuneCountInString(sg.s) > maxHeaderText {
			return nil, 0, 0, false
		}
		if strings.ContainsAny(sg.s[len(sg.s)-1:], ".!?") && strings.Contains(sg.s, " ") {
			return nil, 0, 0, false // a sentence in a cell, not a title
		}
		texts = append(texts, sg.s)
	}
	named := 0
	for _, t := range texts {
		if rccplans.ColumnOf(t) != rccplans.ColUnknown {
			named++
		}
	}
	if rccplans.HeaderScore(texts) < 2 || 3*named < 2*len(texts) {
		return nil, 0, 0, false // most of a header's titles name a role
	}
	band := map[int][]tlSeg{i: segs}
	from, to = i, i+1
	// titles wrapped in their cells, above and below the main line
	for k := i - 1; k >= 0 && k >= i-2 && tlTitleLine(lines[k], len(segs)); k-- {
		above := tlSegments(lines[k].raw)
		if len(above) == 1 && above[0].start <= segs[0].start {
			break // a heading over the table ("Insatser"), not a title's first line
		}
		if slices.ContainsFunc(above, func(sg tlSeg) bool { return ptStartsLower(sg.s) }) {
			break // a title's first part opens in a capital; a heading in wide letter spacing has its small words
		}
		band[k], from = above, k
	}
	sub := 0 // titles a line below may hold that name no role
	for k, n := i+1, 0; k < len(lines) && n < below; k++ {
		if k == i+1 && lines[k].s == "" && !lines[k].drop && k+1 < len(lines) && tlSubTitles(lines[k+1], len(segs)) {
			sub = len(segs)
			continue // a group title's parts under it, an empty line apart
		}
		if !tlTitleLine(lines[k], sub) {
			break
		}
		band[k], to = tlSegments(lines[k].raw), k+1
		n++
	}
	// columns: the segments of the band's lines, merged where they
	// overlap; two or more segments of one line under one title below
	// the main line split it ("Uppföljning 2025" over "Status" and
	// "Kommentar"), each keeping the group's title before its own
	for k := from; k < to; k++ {
		under := map[int][]tlSeg{}
		for _, sg := range band[k] {
			j := slices.IndexFunc(cols, func(c tlColumn) bool { return sg.start < c.end+1 && c.start < sg.end+1 })
			if j < 0 && k > i && sub > 0 && tlYearRe.MatchString(sg.s) {
				// a year right of a group title, past its end, with no
				// title between: one more of the years the group spans
				j = tlGroupLeft(cols, sg)
			}
			if j < 0 {
				cols = append(cols, tlColumn{title: []string{sg.s}, start: sg.start, end: sg.end})
				continue
			}
			under[j] = append(under[j], sg)
		}
		var split []tlColumn
		for j, sgs := range under {
			if len(sgs) >= 2 && k > i {
				for _, sg := range sgs {
					split = append(split, tlColumn{title: append(slices.Clone(cols[j].title), sg.s), start: sg.start, end: sg.end})
				}
				cols[j].title = nil // replaced
				continue
			}
			for _, sg := range sgs {
				cols[j].title = append(cols[j].title, sg.s)
				cols[j].start, cols[j].end = min(cols[j].start, sg.start), max(cols[j].end, sg.end)
			}
		}
		cols = slices.DeleteFunc(cols, func(c tlColumn) bool { return c.title == nil })
		cols = append(cols, split...)
	}
	var top int
	cols, top = tlStaggered(lines, from, cols)
	from = min(from, top)
	slices.SortFunc(cols, func(a, b tlColumn) int { return a.start - b.start })
	titles := make([]string, len(cols))
	known := 0
	for j := range cols {
		titles[j] = rccplans.JoinLines(cols[j].title)
		if rccplans.ColumnOf(titles[j]) != rccplans.ColUnknown {
			known++
		}
		cols[j].left = cols[j].start
	}
	if rccplans.HeaderScore(titles) < 2 || 2*known < len(cols) {
		return nil, 0, 0, false
	}
	return cols, from, to, true
}

// tlGroupLeft is the column whose title ends nearest left of sg, when
// no title starts between them and the title's first part is no year
// itself (-1: none).
func tlGroupLeft(cols []tlColumn, sg tlSeg) int {
	j := -1
	for n, c := range cols {
		if c.start < sg.start && (j < 0 || c.start > cols[j].start) {
			j = n
		}
	}
	if j < 0 || tlYearRe.MatchString(cols[j].title[0]) {
		return -1
	}
	return j
}

// tlStaggered adds the titles printed on lines of their own above a
// header's lines (from on): a rotated title's text stands at its own
// height, so each stands alone on a line, empty lines apart, where no
// other title is. It takes lone short segments that name a role, and
// capitalised words between them, up to a line that is none of them;
// it returns the columns and the header's first line.
func tlStaggered(lines []ptLine, from int, cols []tlColumn) ([]tlColumn, int) {
	top := from
	var maybe []tlColumn // capitalised words naming no role, kept once a named title stands above them
	var maybeAt []int
	for k := from - 1; k >= 0 && k >= from-24; k-- {
		ln := lines[k]
		if ln.drop {
			continue
		}
		if lines[k+1].brk {
			break
		}
		if ln.s == "" {
			continue
		}
		segs := tlSegments(ln.raw)
		if len(segs) != 1 {
			break
		}
		sg := segs[0]
		if len(strings.Fields(sg.s)) > 3 || utf8.RuneCountInString(sg.s) > 25 || slices.ContainsFunc(cols, func(c tlColumn) bool { return sg.start < c.end+1 && c.start < sg.end+1 }) {
			break
		}
		c := tlColumn{title: []string{sg.s}, start: sg.start, end: sg.end}
		switch {
		case rccplans.ColumnOf(sg.s) != rccplans.ColUnknown:
			cols = append(cols, maybe...)
			cols = append(cols, c)
			maybe = nil
			top = k
		case tlWordRe.MatchString(sg.s) && k > 0 && lines[k-1].s == "":
			maybe = append(maybe, c)
			maybeAt = append(maybeAt, k)
		default:
			return cols, top
		}
	}
	return cols, top
}

// tlProseBeside: a segment at the start of a header's line is a line of
// text printed beside the table, not a title: it runs long, breaks off at
// a comma, or holds more than three words that end a sentence or name no
// role.
func tlProseBeside(sg tlSeg) bool {
	words := len(strings.Fields(sg.s))
	return utf8.RuneCountInString(sg.s) > maxHeaderText || strings.HasSuffix(sg.s, ",") || strings.HasSuffix(sg.s, ";") ||
		words > 3 && (ptEndsSentence(sg.s) || rccplans.ColumnOf(sg.s) == rccplans.ColUnknown)
}

// tlWordRe is a capitalised word, as a title's first word is.
var tlWordRe = regexp.MustCompile(`^\p{Lu}\p{Ll}{2,}$`)

// tlYearRe is a year standing alone, as a column's sub-title.
var tlYearRe = regexp.MustCompile(`^(?:19|20)\d\d$`)

// tlSubTitles: a line of two or more short column titles, one of them
// naming a role ("Status   Kommentar"), or years only ("2025   2026").
func tlSubTitles(ln ptLine, n int) bool {
	segs := tlSegments(ln.raw)
	if len(segs) < 2 || !tlTitleLine(ln, n) {
		return false
	}
	if !slices.ContainsFunc(segs, func(sg tlSeg) bool { return !tlYearRe.MatchString(sg.s) }) {
		return true // the years a group title spans ("Uppföljning" over "2025   2026")
	}
	for _, sg := range segs {
		if rccplans.ColumnOf(sg.s) != rccplans.ColUnknown {
			return true
		}
	}
	return false
}

// tlSplitTitles cuts a segment that holds the titles of two or more
// columns, set closer than a gutter ("Mätbar målnivå Aktivitet"), where
// a word names a role of its own (ptGroupHeader).
func tlSplitTitles(segs []tlSeg) []tlSeg {
	var out []tlSeg
	for _, sg := range segs {
		words := tlWords(strings.Repeat(" ", sg.start) + sg.s)
		texts := make([]string, len(words))
		for x, w := range words {
			texts[x] = w.s
		}
		titles, _, _ := ptGroupHeader(texts, make([]int, len(texts)))
		if len(titles) < 2 {
			out = append(out, sg)
			continue
		}
		at := 0
		for _, t := range titles {
			n := len(strings.Fields(t))
			if at+n > len(words) {
				break
			}
			out = append(out, tlSeg{s: t, start: words[at].start, end: words[at+n-1].end})
			at += n
		}
	}
	return out
}

// tlTitleLine: a line that may hold parts of wrapped column titles: short
// segments of at most three words, each a column name, a lower-case
// continuation or a year ("Uppföljning 2025").
//
// A line above the header's main line (of n titles) may also hold a
// title's first word that names no role by itself ("Prioriterat" over
// "område"), when at least as many of its segments name a role, and it
// has no more segments than the main line.
func tlTitleLine(ln ptLine, n int) bool {
	if ln.s == "" || ln.drop {
		return false
	}
	segs := tlSegments(ln.raw)
	unknown, named := 0, 0
	for _, sg := range segs {
		words := strings.Fields(sg.s)
		if len(words) > 3 || utf8.RuneCountInString(sg.s) > 25 {
			return false
		}
		if len(words) > 1 && ptEndsSentence(sg.s) {
			return false // a sentence's end in a cell ("och 74 år."), not a title's part
		}
		if rccplans.ColumnOf(sg.s) != rccplans.ColUnknown {
			named++
		} else if !ptStartsLower(sg.s) && !strings.HasSuffix(words[0], "-") && !ptTimeRe.MatchString(sg.s) && !tlQualifier(sg.s) {
			if len(words) > 1 || !tlWordRe.MatchString(sg.s) {
				return false
			}
			unknown++
		}
	}
	return unknown == 0 || len(segs) >= 2 && len(segs) <= n && unknown <= named
}

// tlQualifier: a title's part in brackets ("(enligt RCC Norr)").
func tlQualifier(s string) bool {
	return strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
}

// layoutTables finds the kept-layout tables among the lines.
func layoutTables(name string, lines []ptLine) ([]ptSpan, []rccplans.Warning) {
	var spans []ptSpan
	var warns []rccplans.Warning
	stacked := false // a chapter and a section heading stand over a table
	margin := tlMargin(lines)
	lines = tlRunning(lines) // the spans' blocks are read from these; the lines around them, from the caller's
	for i := 0; i < len(lines); i++ {
		if t, end, ok := tlLabelTable(lines, i, margin); ok {
			spans = append(spans, ptSpan{from: i, to: end, blocks: []rccplans.Block{{Kind: rccplans.BlockTable, Page: lines[i].page, Table: t}}})
			i = end - 1
			continue
		}
		cols, from, to, ok := tlHeader(lines, i)
		if !ok {
			continue
		}
		if m := tlTwin(cols); m > 0 {
			lo := 0
			if len(spans) > 0 {
				lo = spans[len(spans)-1].to
			}
			blocks, start, end := tlTwinTables(lines, i, m, cols, from, to, lo)
			spans = append(spans, ptSpan{from: max(start, lo), to: end, blocks: blocks})
			i = end - 1
			continue
		}
		t, end, side, notes := tlBody(lines, cols, to, to-i-1)
		if side != nil {
			// the header's lines have text beside them too
			var hs []ptLine
			for k := from; k < to; k++ {
				if raw, ok := tlCutBeside(lines[k].raw, cols[0].left); ok {
					if sl := tlSideOf(lines[k], raw); sl.s != "" {
						hs = append(hs, sl)
					}
				} else if lines[k].s != "" {
					hs = append(hs, lines[k])
				}
			}
			side = append(hs, side...)
		}
		page := lines[i].page
		var head []rccplans.Block
		if ks := tlHeadingAbove(lines, from); len(ks) > 0 && (len(spans) == 0 || ks[0] >= spans[len(spans)-1].to) {
			for n, k := range ks {
				lvl, _ := ptHeading(lines[k].s)
				if lvl == 0 && len(ks) == 2 {
					lvl = n + 1 // a chapter over its section
					stacked = true
				}
				head = append(head, rccplans.Block{Kind: rccplans.BlockHeading, Page: lines[k].page, Level: lvl, Text: strings.Join(strings.Fields(lines[k].s), " ")})
			}
			if last := ks[len(ks)-1]; last+1 < from {
				// the paragraph between the heading and the table
				head = append(head, ptProse(lines[last+1:from])...)
			}
			from = ks[0]
		}
		// the text beside the table, read before it (the page's left
		// column first)
		head = append(head, ptProse(side)...)
		if len(spans) > 0 {
			from = max(from, spans[len(spans)-1].to) // spans never overlap
		}
		if len(t.Rows) == 0 {
			warns = append(warns, rccplans.Warning{File: name, Page: page, Message: "table header without rows"})
			spans = append(spans, ptSpan{from: from, to: end, blocks: head})
		} else {
			blocks := append(head, rccplans.Block{Kind: rccplans.BlockTable, Page: page, Table: t})
			spans = append(spans, ptSpan{from: from, to: end, blocks: append(blocks, ptProse(notes)...)})
		}
		i = end - 1
	}
	// where chapters and sections stand stacked over tables, a lone
	// unnumbered heading over a table is a section
	if stacked {
		for _, sp := range spans {
			if n := len(sp.blocks); n > 0 && sp.blocks[0].Kind == rccplans.BlockHeading && sp.blocks[0].Level == 0 && (n == 1 || sp.blocks[1].Kind != rccplans.BlockHeading) {
				sp.blocks[0].Level = 2
			}
		}
	}
	return spans, warns
}

// tlSpaced: a line's segments are the words of a heading set in wide
// letter spacing ("Behandling    och    uppföljning"): one word each, a
// few characters apart.
func tlSpaced(segs []tlSeg) bool {
	for n, sg := range segs {
		if strings.Contains(sg.s, " ") || n > 0 && sg.start-segs[n-1].end > 8 {
			return false
		}
	}
	return len(segs) > 1
}

// tlHeadingAbove finds the headings printed right over a table whose
// header starts at lines[from]: one lone line, or two stacked (a chapter
// over its section), at the left margin, set apart from what comes before
// by an empty line, short and no sentence, with at most one empty line
// between them and the header. A plain text file keeps no font size, so
// standing alone over a table is what makes a line a heading. It returns
// the headings' line indexes, top first.
func tlHeadingAbove(lines []ptLine, from int) []int {
	k := from - 1
	if k >= 0 && lines[k].s == "" && !lines[k].drop {
		k--
	}
	hs := tlSegments(lines[from].raw)
	lone := func(k int) bool {
		if k < 0 || lines[k].s == "" || lines[k].drop {
			return false
		}
		ln := lines[k]
		segs := tlSegments(ln.raw)
		if len(segs) != 1 && !tlSpaced(segs) || utf8.RuneCountInString(ln.s) > 80 || ptEndsSentence(ln.s) || ptStartsLower(ln.s) {
			return false
		}
		// indented: a title's part, not a heading at the margin
		return len(hs) == 0 || segs[0].start <= hs[0].start+2
	}
	opens := func(k int) bool { // nothing printed right above it
		return k == 0 || lines[k-1].s == "" || lines[k-1].drop || lines[k].brk
	}
	// a heading over a short paragraph that introduces the table
	// ("Tabellen nedan sammanfattar …"): the paragraph's lines start at
	// the margin and the last ends a sentence
	if k >= 0 && lines[k].s != "" && ptEndsSentence(lines[k].s) {
		for h := k - 1; h >= 0 && h >= k-4; h-- {
			if lines[h].s == "" || lines[h].drop || len(tlSegments(lines[h].raw)) != 1 {
				break
			}
			if lone(h) && opens(h) && 2*utf8.RuneCountInString(lines[h].s) < utf8.RuneCountInString(lines[h+1].s) {
				return []int{h}
			}
		}
	}
	switch {
	case !lone(k):
		return nil
	case opens(k):
		return []int{k}
	case lone(k-1) && opens(k-1) && !strings.HasSuffix(lines[k-1].s, ",") && !ptStartsLower(lines[k].s):
		return []int{k - 1, k}
	}
	return nil // the last lines of a paragraph
}

// tlBody reads the table's rows from lines[at:], under a header that took
// below lines under its main line; it returns the table and the index
// after its last line.
//
// It also returns the lines of text printed beside the table (tlBeside),
// cut off the table's lines, empty lines where only the table has text,
// and the notes printed across the table between its rows (tlNote), read
// as paragraphs after it.
func tlBody(lines []ptLine, cols []tlColumn, at, below int) (*rccplans.Table, int, []ptLine, []ptLine) {
	// the body's extent: to prose across the columns, a heading after an
	// empty line, a footnote, or the end; repeated headers are skipped
	// A repeated header sets the columns of the lines under it: the
	// next page may print the same table narrower or wider.
	var body []int
	var colsAt [][]tlColumn // per body line, the columns it is cut by
	cur := cols
	sets := []int{0} // where in body each column set starts
	end := at
	beside := tlBeside(lines, cols, at)
	var side, notes []ptLine
	if beside {
		lines = slices.Clone(lines) // the text beside the table is cut off its lines
	}
	for k := at; k < len(lines); k++ {
		ln := lines[k]
		if ln.drop {
			continue
		}
		if ln.s == "" {
			end = k + 1
			continue
		}
		if beside {
			raw, ok := tlCutBeside(ln.raw, cur[0].left)
			if !ok {
				// a line of the text beside the table: the table goes
				// on under it unless it is the heading of what follows
				if tlEndsBody(lines, k, cur) {
					break
				}
				side = append(side, ln)
				continue
			}
			side = append(side, tlSideOf(ln, raw)) // an empty line where the table's text stands alone: paragraphs beside it break
			lines[k].raw, lines[k].s = raw, strings.TrimSpace(raw)
			ln = lines[k]
		}
		if hc, from, to, ok := tlHeaderBelow(lines, k, below); ok && from >= end-1 {
			// a title's part above the header's main line ("Uppföljning"
			// over "Status") was read as a body line
			for len(body) > 0 && body[len(body)-1] >= from {
				body, colsAt = body[:len(body)-1], colsAt[:len(colsAt)-1]
			}
			end = min(end, from) // the header's lines are not this table's
			if len(body) > 0 && !tlBreakBetween(lines, body[len(body)-1], from) && tlEmptyBetween(lines, body[len(body)-1], from) {
				break // the header of the next table on the same page
			}
			if tlSameRoles(hc, cols) {
				cur = hc
				sets = append(sets, len(body))
			}
			k = to - 1
			end = to
			continue
		}
		if tlNote(lines, k, cur) {
			notes = append(notes, ln)
			end = k + 1
			continue
		}
		if tlEndsBody(lines, k, cur) {
			break
		}
		body = append(body, k)
		colsAt = append(colsAt, cur)
		end = k + 1
	}
	sets = append(sets, len(body))
	edgeAt := make([][]int, len(body)) // per body line, where its columns' text ends
	for n := 0; n+1 < len(sets); n++ {
		if sets[n] < sets[n+1] {
			tlLeft(lines, body[sets[n]:sets[n+1]], colsAt[sets[n]])
			edge := tlEdges(lines, body[sets[n]:sets[n+1]], colsAt[sets[n]])
			for x := sets[n]; x < sets[n+1]; x++ {
				edgeAt[x] = edge
			}
		}
	}
	titles := make([]string, len(cols))
	roles := make([]rccplans.Column, len(cols))
	for j, c := range cols {
		titles[j] = rccplans.JoinLines(c.title)
		roles[j] = rccplans.ColumnOf(titles[j])
	}
	t := &rccplans.Table{Header: [][]string{titles}}
	numbered := tlNumberGutter(lines, body, colsAt)
	// rows: the blocks between empty lines (or, without any, a capitalised
	// first-column line after a finished sentence)
	gaps := 0
	for x := 1; x < len(body); x++ {
		if tlEmptyBetween(lines, body[x-1], body[x]) {
			gaps++
		}
	}
	blank := gaps >= 2
	var cells [][]string // per column, its lines in the row
	rowPage := 0
	// reopen takes the last row back to go on with it, when no row is
	// open: its cells become the open row's first lines
	reopen := func() {
		if cells != nil || len(t.Rows) == 0 {
			return
		}
		last := t.Rows[len(t.Rows)-1]
		t.Rows = t.Rows[:len(t.Rows)-1]
		cells = make([][]string, len(cols))
		for j, c := range last.Cells {
			if c.Text != "" {
				cells[j] = []string{c.Text}
			}
		}
		rowPage = last.Page
	}
	flush := func() {
		if cells == nil {
			return
		}
		row := rccplans.Row{Page: rowPage, Cells: make([]rccplans.Cell, len(cols))}
		for j := range cols {
			ls := cells[j]
			if j == 0 && numbered {
				ls = tlNumberFirst(ls)
			}
			row.Cells[j].Text = rccplans.JoinLines(ls)
		}
		t.Rows = append(t.Rows, row)
		cells = nil
	}
	var prev []string // the previous line's parts
	status := slices.Index(roles, rccplans.ColStatus)
	for x := 0; x < len(body); x++ {
		k := body[x]
		ln := lines[k]
		if x == 0 || blank && tlEmptyBetween(lines, body[x-1], k) || ln.page != lines[body[x-1]].page {
			// a block: a table without empty lines, or the lines
			// between two empty lines, on one page
			y := x + 1
			for y < len(body) && !(blank && tlEmptyBetween(lines, body[y-1], body[y])) && lines[body[y]].page == ln.page && &colsAt[y][0] == &colsAt[x][0] {
				y++
			}
			if blank {
				// a row of its own: its columns where its text stands
				local := tlNear(lines, body[x:y], colsAt[x])
				for z := x; z < y; z++ {
					colsAt[z] = local
				}
			}
			// a page that opens with the row the break cut, going on in
			// lower case: those lines go on with that row, and the rows
			// after them are read centred or top-aligned on their own
			c := x
			if x > 0 && !blank && ptStartsLower(ln.s) && tlContinues(lines, body, x, tlAssign(ln.raw, colsAt[x])) {
				for c < y && !slices.ContainsFunc(tlAssign(lines[body[c]].raw, colsAt[c]), func(p string) bool { return p != "" && !ptStartsLower(p) }) {
					c++
				}
			}
			if blank && (x == 0 || !tlContinues(lines, body, x, tlAssign(ln.raw, colsAt[x]))) {
				if rows, ok := tlParallel(lines, body[x:y], colsAt[x], roles, edgeAt[x], numbered); ok {
					flush()
					for _, r := range rows {
						r.Page = ln.page
						t.Rows = append(t.Rows, r)
					}
					prev = nil
					x = y - 1
					continue
				}
			}
			if rows, ok := tlCentred(lines, body[c:y], colsAt[x], roles, edgeAt[x], numbered); ok && (c == x || y-c >= 3) {
				if c > x {
					reopen()
					if cells == nil {
						cells, rowPage = make([][]string, len(cols)), ln.page
					}
					for z := x; z < c; z++ {
						for j, p := range tlAssign(lines[body[z]].raw, colsAt[z]) {
							if p != "" {
								cells[j] = append(cells[j], p)
							}
						}
					}
				}
				flush()
				for _, r := range rows {
					r.Page = ln.page
					t.Rows = append(t.Rows, r)
				}
				prev = nil
				x = y - 1
				continue
			}
		}
		if tlAcross(ln.raw, colsAt[x]) {
			flush()
			row := rccplans.Row{Page: ln.page, Cells: make([]rccplans.Cell, len(cols))}
			row.Cells[0].Text = ln.s
			t.Rows = append(t.Rows, row)
			prev = nil
			continue
		}
		ps := tlPlace(ln.raw, colsAt[x])
		tlPushOver(ps, edgeAt[x], colsAt[x])
		parts, joined := tlParts(ps, len(colsAt[x]))
		newBlock := x == 0 || blank && tlEmptyBetween(lines, body[x-1], k) || prev == nil
		var first []string
		if cells != nil {
			first = cells[0]
		}
		opens := x > 0 && prev != nil && tlOpensRow(prev, parts, joined, status, first)
		if !opens && !blank && x > 0 && prev != nil && cells != nil && tlSpansOn(prev, parts, joined) {
			// the first column's cell, printed once for the rows it
			// spans, runs on beside the next row's first line
			cells[0] = append(cells[0], parts[0])
			prev = parts
			parts = slices.Clone(parts)
			parts[0] = ""
			opens = true
		} else {
			prev = parts
		}
		if opens {
			newBlock = true
		}
		// (a line that opens cells in two columns or more opens a row even
		// with its first column empty: an Område printed once for its rows)
		if newBlock && x > 0 && !opens && (tlContinues(lines, body, x, parts) || tlAllLower(parts)) {
			// the row a page break cut goes on, or the row empty lines
			// cut (a cell centred beside them) goes on in lower case in
			// two columns or more
			newBlock = false
			reopen()
		}
		if newBlock {
			flush()
		}
		if cells == nil {
			cells = make([][]string, len(cols))
			rowPage = ln.page
		}
		for j, p := range parts {
			if p != "" {
				cells[j] = append(cells[j], p)
			}
		}
	}
	flush()
	// merged Område and Mål cells: printed once for the rows they span
	for r := 1; r < len(t.Rows); r++ {
		row, prev := t.Rows[r], t.Rows[r-1]
		for j, role := range roles {
			if (role == rccplans.ColArea || role == rccplans.ColGoal) && j == 0 && row.Cells[j].Text == "" {
				row.Cells[j] = rccplans.Cell{Text: prev.Cells[j].Text, Spanned: true}
			}
		}
	}
	return t, end, side, notes
}

// tlBeside: the table stands right of text printed beside it (a
// paragraph in a column of its own left of the table): its first column
// starts well right of the margin, and two or more of the lines below the
// header hold both text that ends left of that column, after a gutter,
// and text that starts at it.
func tlBeside(lines []ptLine, cols []tlColumn, at int) bool {
	left := cols[0].left
	if left < 30 {
		return false
	}
	both := 0
	for k := max(at-1, 0); k < len(lines) && k < at+30; k++ { // the header's main line too
		segs := tlSegments(lines[k].raw)
		if lines[k].drop || len(segs) < 2 || segs[0].start > left/2 || segs[0].end > left-2 {
			continue
		}
		for _, sg := range segs[1:] {
			if sg.start >= left-tlSlack && sg.start <= left+2 {
				both++
				break
			}
		}
	}
	return both >= 2
}

// tlCutBeside blanks the text printed beside a table whose first column
// starts at left: the words before the first one that starts at the
// column (or up to tlSlack left of it after a gutter). It reports false
// for a line with no text in the table.
func tlCutBeside(raw string, left int) (string, bool) {
	ws := tlWords(raw)
	for n, w := range ws {
		gutter := n == 0 || w.start-ws[n-1].end >= 2
		if w.start >= left || gutter && w.start >= left-tlSlack {
			if n == 0 {
				return raw, true
			}
			r := []rune(raw)
			for x := 0; x < w.start && x < len(r); x++ {
				r[x] = ' '
			}
			return string(r), true
		}
	}
	return raw, false
}

// tlSideOf is the text beside the table on a line whose table part, the
// rest blanked, is raw.
func tlSideOf(ln ptLine, raw string) ptLine {
	cut := string([]rune(ln.raw)[:utf8.RuneCountInString(ln.raw)-utf8.RuneCountInString(strings.TrimLeft(raw, " "))])
	if strings.TrimSpace(cut) == "" {
		return ptLine{page: ln.page}
	}
	return ptLine{s: strings.TrimSpace(cut), raw: cut, page: ln.page}
}

// tlNumberGutter: the first column prints its cells' numbers apart, at
// its left edge, with the cells' text indented right of them (a number
// centred beside its goal: "Deltagandet i" / "1.1" / "ska öka …"): two
// lines or more hold a number alone there, and every other line of the
// column starts its text indented past it.
func tlNumberGutter(lines []ptLine, body []int, colsAt [][]tlColumn) bool {
	nums, text := 0, 0
	for x, k := range body {
		cols := colsAt[x]
		if tlAcross(lines[k].raw, cols) {
			continue
		}
		var col0 []tlPlaced
		for _, p := range tlPlace(lines[k].raw, cols) {
			if p.j == 0 {
				col0 = append(col0, p)
			}
		}
		switch {
		case len(col0) == 0:
		case tlNumberRe.MatchString(col0[0].w.s) && col0[0].w.start <= cols[0].left+2 && (len(col0) == 1 || col0[1].gutter && col0[1].w.start >= cols[0].left+4):
			nums++ // a number alone, or before its text past a gutter
		case col0[0].w.start >= cols[0].left+4:
			text++
		default:
			return false // text at the column's edge
		}
	}
	return nums >= 2 && text >= nums
}

// tlNumberFirst moves a cell's number, printed apart on one of its lines
// beside its text (tlNumberGutter), before the text.
func tlNumberFirst(ls []string) []string {
	if len(ls) < 2 || tlNumbered(ls[0]) {
		return ls
	}
	for i := 1; i < len(ls); i++ {
		n, rest, _ := strings.Cut(ls[i], " ")
		if !tlNumberRe.MatchString(n) {
			continue
		}
		out := append([]string{n}, ls[:i]...)
		if rest != "" {
			out = append(out, rest)
		}
		return append(out, ls[i+1:]...)
	}
	return ls
}

// tlAllLower: two or more of a line's cells go on in lower case, and none
// opens.
func tlAllLower(parts []string) bool {
	n := 0
	for _, p := range parts {
		switch {
		case p == "":
		case ptStartsLower(p):
			n++
		default:
			return false
		}
	}
	return n >= 2
}

// tlListItem: a cell's line opens an item of a list.
func tlListItem(p string) bool {
	return ptBulletRe.MatchString(p) || strings.HasPrefix(p, "– ") || strings.HasPrefix(p, "- ")
}

// tlAnchor is the vertical extent of one row's cell in the column that
// anchors the rows: line numbers first..last.
type tlAnchor struct{ first, last int }

func (a tlAnchor) centre() float64 { return float64(a.first+a.last) / 2 }

// tlCentred reads a block of a table whose cells are centred in their
// rows: pdftotext prints each line at its own height, so a short cell
// (the status, a one-line Område) stands at the middle of its row while
// the tall cells of that row begin above it and end below it, and the
// lines of neighbouring rows follow one another without a gap. The rows
// are anchored by the column of short cells (Status if there is one,
// else the column with the most separate runs of lines); each other
// column's lines are cut into cells so that every cell is centred on its
// row's anchor, or on the middle of the rows it spans (a goal printed once
// for two activities). It reads the block so only when that fits better
// than cells that start at their anchor (a table set top-aligned, read
// line by line by tlOpensRow).
//
// numbered: the first column prints its cells' numbers apart, left of
// their text (tlNumberGutter).
func tlCentred(lines []ptLine, block []int, cols []tlColumn, roles []rccplans.Column, edge []int, numbered bool) ([]rccplans.Row, bool) {
	if len(block) < 3 || len(block) > 300 || len(cols) < 2 {
		return nil, false
	}
	// pos[j]: the line numbers where column j has text; text[j][n] its text
	pos := make([][]int, len(cols))
	text := make([][]string, len(cols))
	for _, k := range block {
		ps := tlPlace(lines[k].raw, cols)
		tlPushOver(ps, edge, cols)
		parts, _ := tlParts(ps, len(cols))
		for j, p := range parts {
			if p != "" {
				pos[j] = append(pos[j], k)
				text[j] = append(text[j], p)
			}
		}
	}
	runs := func(ps []int) []tlAnchor {
		var out []tlAnchor
		for n, k := range ps {
			if n > 0 && k == ps[n-1]+1 {
				out[len(out)-1].last = k
				continue
			}
			out = append(out, tlAnchor{k, k})
		}
		return out
	}
	// a column of short cells: runs of one or two lines, most of them
	// apart by two lines or more (a column whose tall cells interleave
	// with their neighbours' lines breaks into runs one line apart)
	short := func(rs []tlAnchor) bool {
		lines, apart := 0, 0
		for n, a := range rs {
			lines += a.last - a.first + 1
			if n > 0 && a.first-rs[n-1].last > 2 {
				apart++
			}
		}
		return len(rs) > 0 && 2*lines <= 5*len(rs) && 2*apart >= len(rs)-1
	}
	anchor, best := -1, 0
	for j := range cols {
		if rs := runs(pos[j]); short(rs) && (roles[j] == rccplans.ColStatus || anchor < 0 || roles[anchor] != rccplans.ColStatus && len(rs) >= best) {
			anchor, best = j, len(rs)
		}
	}
	if anchor < 0 {
		return nil, false
	}
	anchors := runs(pos[anchor])
	if len(anchors) > 40 {
		return nil, false
	}
	var centred, top float64
	groups := make([][]tlGroup, len(cols))
	for j := range cols {
		if j == anchor || len(pos[j]) == 0 {
			continue
		}
		c, g := tlFit(pos[j], anchors, false)
		tp, _ := tlFit(pos[j], anchors, true)
		centred += c
		top += tp
		groups[j] = g
	}
	if !(centred < top) {
		return nil, false
	}
	rows := make([]rccplans.Row, len(anchors))
	for r := range rows {
		rows[r].Cells = make([]rccplans.Cell, len(cols))
	}
	for r, a := range anchors {
		var ls []string
		for n, k := range pos[anchor] {
			if k >= a.first && k <= a.last {
				ls = append(ls, text[anchor][n])
			}
		}
		if anchor == 0 && numbered {
			ls = tlNumberFirst(ls)
		}
		rows[r].Cells[anchor].Text = rccplans.JoinLines(ls)
	}
	for j, gs := range groups {
		for _, g := range gs {
			ls := text[j][g.from:g.to]
			if j == 0 && numbered {
				ls = tlNumberFirst(ls)
			}
			t := rccplans.JoinLines(ls)
			for r := g.a; r <= g.b; r++ {
				rows[r].Cells[j] = rccplans.Cell{Text: t, Spanned: r > g.a}
			}
		}
	}
	return rows, true
}

// tlParallel reads a row (a block between empty lines) that lists one
// status per line in its status column beside a cell that lists as many
// items (sentences, or list items), the n-th status the n-th item's
// ("Status per aktivitet"), on lines one under the other: one row per
// item, each other cell that holds one item repeated in them (spanned).
// A status column of one status, or of statuses lines apart (each at its
// own row's first line), a
// status wrapped over lines (a line in lower case), or a column listing
// another number of items than there are statuses is no such row.
func tlParallel(lines []ptLine, block []int, cols []tlColumn, roles []rccplans.Column, edge []int, numbered bool) ([]rccplans.Row, bool) {
	status := slices.Index(roles, rccplans.ColStatus)
	if status < 0 || len(block) < 2 {
		return nil, false
	}
	text := make([][]string, len(cols))
	var at []int // the lines the statuses stand on
	for _, k := range block {
		ps := tlPlace(lines[k].raw, cols)
		tlPushOver(ps, edge, cols)
		parts, _ := tlParts(ps, len(cols))
		for j, p := range parts {
			if p != "" {
				text[j] = append(text[j], p)
			}
		}
		if parts[status] != "" {
			at = append(at, k)
		}
	}
	n := len(text[status])
	if n < 2 || at[n-1]-at[0] != n-1 {
		return nil, false // the statuses are a list, a line each (not one a row, each at its row's first line)
	}
	for _, p := range text[status] {
		if len(strings.Fields(p)) > 3 || ptStartsLower(p) || tlListItem(p) {
			return nil, false
		}
	}
	items := make([][][]string, len(cols)) // per column, its items' lines
	listed := 0
	for j, ls := range text {
		if j == status || len(ls) == 0 {
			continue
		}
		for l, p := range ls {
			if l == 0 || tlListItem(p) || ptEndsSentence(ls[l-1]) && !ptStartsLower(p) {
				items[j] = append(items[j], nil)
			}
			items[j][len(items[j])-1] = append(items[j][len(items[j])-1], p)
		}
		switch len(items[j]) {
		case n:
			listed++
		case 1:
		default:
			return nil, false
		}
	}
	if listed == 0 {
		return nil, false
	}
	rows := make([]rccplans.Row, n)
	for r := range rows {
		rows[r].Cells = make([]rccplans.Cell, len(cols))
		rows[r].Cells[status].Text = text[status][r]
	}
	for j, its := range items {
		for r := range rows {
			switch len(its) {
			case 0:
			case n:
				ls := its[r]
				if j == 0 && numbered {
					ls = tlNumberFirst(ls)
				}
				rows[r].Cells[j].Text = rccplans.JoinLines(ls)
			default:
				ls := its[0]
				if j == 0 && numbered {
					ls = tlNumberFirst(ls)
				}
				rows[r].Cells[j] = rccplans.Cell{Text: rccplans.JoinLines(ls), Spanned: r > 0}
			}
		}
	}
	return rows, true
}

// tlGroup is a cell found by tlFit: a column's lines [from, to) for the
// rows a..b.
type tlGroup struct{ from, to, a, b int }

// tlFit cuts a column's lines (their line numbers, pos) into cells, each
// for one row or for a run of rows, in order, with the least misfit: how
// far a cell's middle lies from the middle of its rows' anchors (top:
// how far its first line lies from the first anchor's), plus a little for
// every row a cell spans, for every row left empty and for a gap of two
// lines or more inside a cell.
func tlFit(pos []int, anchors []tlAnchor, top bool) (float64, []tlGroup) {
	const span, empty, gap, maxSpan, maxCell = 1.5, 0.75, 1.0, 8, 80
	n, m := len(pos), len(anchors)
	inf := float64(1 << 30)
	cost := make([][]float64, n+1)
	from := make([][][3]int, n+1) // previous i, r, and the group's last row (-1: a row left empty)
	for i := range cost {
		cost[i] = make([]float64, m+1)
		from[i] = make([][3]int, m+1)
		for r := range cost[i] {
			cost[i][r] = inf
		}
	}
	cost[0][0] = 0
	gaps := make([]float64, n) // gaps[i]: misfit of the gaps inside pos[0..i]
	for i := 1; i < n; i++ {
		gaps[i] = gaps[i-1]
		if d := pos[i] - pos[i-1] - 1; d >= 2 {
			gaps[i] += gap * float64(d-1)
		}
	}
	for i := 0; i <= n; i++ {
		for r := 0; r <= m; r++ {
			c := cost[i][r]
			if c >= inf {
				continue
			}
			if r < m && c+empty < cost[i][r+1] {
				cost[i][r+1], from[i][r+1] = c+empty, [3]int{i, r, -1}
			}
			if r == m {
				continue
			}
			for e := i + 1; e <= n && e-i <= maxCell; e++ {
				inside := gaps[e-1] - gaps[i]
				for b := r; b < m && b < r+maxSpan; b++ {
					var miss float64
					if top {
						miss = abs(float64(pos[i] - anchors[r].first))
					} else {
						miss = abs(float64(pos[i]+pos[e-1])/2 - (anchors[r].centre()+anchors[b].centre())/2)
					}
					v := c + miss + inside + span*float64(b-r)
					if v < cost[e][b+1] {
						cost[e][b+1], from[e][b+1] = v, [3]int{i, r, b}
					}
				}
			}
		}
	}
	var out []tlGroup
	for i, r := n, m; i > 0 || r > 0; {
		f := from[i][r]
		if f[2] >= 0 {
			out = append(out, tlGroup{from: f[0], to: i, a: f[1], b: f[2]})
		}
		i, r = f[0], f[1]
	}
	slices.Reverse(out)
	return cost[n][m], out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// tlOpensRow tells, in a table set without empty lines between its rows,
// whether a line opens a row: no column goes on in lower case, and two or
// more columns start a cell (a capital or a digit where the line before
// left the column empty or ended a sentence), or the first column does.
//
// A status word in the status column under another status word (status
// is the column's index, -1 for none) closes the row above: a status is
// one or two words, printed once a row.
//
// first is the row's text so far in the first column, a line each: a
// first column that starts a cell after its finished sentence opens a row
// even when the line right above left it empty, and so does a number
// under a cell that opened with one.
func tlOpensRow(prev, parts []string, joined []bool, status int, first []string) bool {
	if status >= 0 && ptIsStatus(parts[status]) && ptIsStatus(prev[status]) && !ptStartsLower(parts[status]) {
		return true
	}
	if parts[0] != "" && prev[0] == "" && len(first) > 0 && ptEndsSentence(first[len(first)-1]) && !ptStartsLower(parts[0]) && !tlListItem(parts[0]) {
		return true
	}
	if len(first) > 0 && tlNumbered(first[0]) && tlNumbered(parts[0]) {
		return true // a column of numbered cells ("2.3", "4) Kompetens"): a number opens a cell
	}
	starts := 0
	for j, p := range parts {
		if p == "" {
			continue
		}
		if ptStartsLower(p) {
			if prev[j] != "" || !joined[j] {
				return false // a cell goes on
			}
			// the end of a run of text from the column to the left ('och
			// Chef primärvård' set one space apart, 'Chef' left of its
			// column) under an empty line: no cell goes on there
			continue
		}
		if tlListItem(p) {
			continue // an item of a list in the cell
		}
		if prev[j] == "" || ptEndsSentence(prev[j]) {
			if j == 0 && prev[j] != "" {
				return true
			}
			starts++
		}
	}
	return starts >= 2
}

// tlSpansOn: in a table without empty lines, a line where the first
// column goes on in lower case while three other columns or more start
// cells (a capital or a digit where the line above left the column empty
// or ended a sentence) and no other column goes on: the first column's
// cell spans rows and runs on beside the next one's first line.
func tlSpansOn(prev, parts []string, joined []bool) bool {
	if len(parts) < 4 || prev[0] == "" || !ptStartsLower(parts[0]) || ptEndsSentence(prev[0]) {
		return false
	}
	starts := 0
	for j := 1; j < len(parts); j++ {
		p := parts[j]
		switch {
		case p == "" || joined[j] && ptStartsLower(p):
		case ptStartsLower(p) || tlListItem(p):
			return false
		case prev[j] == "" || ptEndsSentence(prev[j]):
			starts++
		default:
			return false // a cell goes on in a capital ('Min vårdplan')
		}
	}
	return starts >= 3
}

// tlNumberRe is a number standing alone, as a goal's or a row's is
// printed in a column of numbers ("2.4", "3.", "1.a").
var tlNumberRe = regexp.MustCompile(`^\d{1,2}(?:\.\d{1,2}|\.[a-z])*[.)]?$`)

// tlNumbered: a cell's line opens with a number that labels it: alone
// or before a capital ("2.4", "4) Kompetensförsörjning"; not "2 veckor").
func tlNumbered(p string) bool {
	w, rest, _ := strings.Cut(p, " ")
	return tlNumberRe.MatchString(w) && (rest == "" || !ptStartsLower(rest))
}

// tlSameRoles: two headers name the same columns in the same order (the
// header repeated on the next page, perhaps at other positions).
func tlSameRoles(a, b []tlColumn) bool {
	if len(a) != len(b) {
		return false
	}
	for j := range a {
		if rccplans.ColumnOf(rccplans.JoinLines(a[j].title)) != rccplans.ColumnOf(rccplans.JoinLines(b[j].title)) {
			return false
		}
	}
	return true
}

// tlGoalRe opens a goal printed across a plan table over its
// activities: a goal number ("1.2 Alla …") or a label ("Mål 2: …").
var tlGoalRe = regexp.MustCompile(`^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}|(?i:mål|delmål)\s*\d{0,2}(?:\.\d{1,2})*\s*[:–-]\s*\p{Lu})`)

// tlAcross: a line printed from the margin across the column starts in
// one run of text (a goal over the activities below it).
func tlAcross(raw string, cols []tlColumn) bool {
	segs := tlSegments(raw)
	if len(segs) != 1 || len(cols) < 3 {
		return false
	}
	sg, across := segs[0], 0
	for _, c := range cols[1:] {
		if sg.start < c.left && sg.end > c.left+1 {
			across++
		}
	}
	return (across >= 2 || across >= 1 && tlGoalRe.MatchString(sg.s)) && sg.start <= cols[0].left+1
}

// tlRowBelow: the lines right below lines[k] go on with a table row:
// one of the next two is printed in two columns or more, and no header.
func tlRowBelow(lines []ptLine, k int) bool {
	for j := k + 1; j < len(lines) && j <= k+2; j++ {
		if lines[j].s == "" || lines[j].brk {
			return false
		}
		if _, _, _, ok := tlHeader(lines, j); ok {
			return false
		}
		if len(tlSegments(lines[j].raw)) >= 2 {
			return true
		}
	}
	return false
}

// tlRowsGoOn: the table's rows go on under lines[k], after empty lines
// on the same page, without a header of their own: a line at the margin
// between them is a band across the table (an area or a group of its
// rows, "1. Förebyggande arbete"), not a heading that ends it.
func tlRowsGoOn(lines []ptLine, k int, cols []tlColumn) bool {
	// the first block of lines below (to an empty line, three lines at
	// most): a row whose cells are centred in it may start with one
	// column's line
	at := map[int]bool{}
	seen := 0
	for j := k + 1; j < len(lines) && j <= k+8 && seen < 3; j++ {
		if lines[j].drop {
			continue
		}
		if lines[j].s == "" {
			if seen > 0 {
				break
			}
			continue
		}
		if lines[j].brk || lines[j].page != lines[k].page {
			return false
		}
		if _, _, _, ok := tlHeader(lines, j); ok {
			return false
		}
		seen++
		for _, sg := range tlSegments(lines[j].raw) {
			for n, c := range cols {
				if sg.start >= c.left-2 && sg.start <= c.start+2 {
					at[n] = true
					break
				}
			}
		}
	}
	return len(at) >= 2
}

// tlLevelsGoOn: lines[k] opens a level of a hierarchy printed down the
// first column ("1. Levnadsvanor …" over an indented "1.1 Alla …" over
// "– activity" with its other cells beside it): it and the blocks of lines
// below it, to empty lines, on the same page, stand inside the first
// column, until a block that holds text in two columns or more (the
// table's rows go on). A heading over a paragraph or a table's header is
// no such level.
func tlLevelsGoOn(lines []ptLine, k int, cols []tlColumn) bool {
	if len(cols) < 2 {
		return false
	}
	inside := func(j int) bool { // lines[j] stands in the first column
		segs := tlSegments(lines[j].raw)
		return len(segs) > 0 && segs[0].start >= cols[0].left-2 && segs[len(segs)-1].end <= cols[1].left-2
	}
	if !inside(k) {
		return false
	}
	blocks, wide := 0, false
	for j := k + 1; j < len(lines) && j <= k+60; j++ {
		ln := lines[j]
		if ln.drop {
			continue
		}
		if ln.s == "" {
			if wide {
				return true
			}
			if j > 0 && lines[j-1].s != "" {
				blocks++
				if blocks > 6 {
					return false
				}
			}
			continue
		}
		if ln.brk || ln.page != lines[k].page {
			return wide
		}
		if _, _, _, ok := tlHeader(lines, j); ok {
			return false
		}
		if inside(j) {
			continue
		}
		at := map[int]bool{}
		for _, sg := range tlSegments(ln.raw) {
			for n, c := range cols {
				if sg.start >= c.left-2 && sg.start <= c.start+2 {
					at[n] = true
					break
				}
			}
		}
		if len(at) < 2 && !wide {
			return false // prose across the columns, or text of one other column
		}
		wide = true
	}
	return wide
}

// tlBreakBetween: a page break lies between lines a and b (a < b).
func tlBreakBetween(lines []ptLine, a, b int) bool {
	for k := a + 1; k <= b && k < len(lines); k++ {
		if lines[k].brk || lines[k].page != lines[a].page {
			return true
		}
	}
	return false
}

// tlEmptyBetween: an empty line stands between lines a and b (a < b).
func tlEmptyBetween(lines []ptLine, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if lines[k].s == "" && !lines[k].drop {
			return true
		}
	}
	return false
}

// tlContinues: the block that starts at body[x] goes on with the row
// before it: it opens a page (a break, or a repeated header, lies between)
// and its first words are in lower case or its first column is empty.
func tlContinues(lines []ptLine, body []int, x int, parts []string) bool {
	broke := false
	for k := body[x-1] + 1; k <= body[x]; k++ {
		broke = broke || lines[k].brk || lines[k].page != lines[body[x-1]].page
	}
	if !broke {
		return false
	}
	if parts[0] == "" {
		return true
	}
	return ptStartsLower(parts[0])
}

// tlNote: lines[k] is a note printed across the table between its rows
// ("Kommentar: …", a shaded row spanning the columns): one run of text
// from the margin across two column starts or more, with no empty line
// before it and the table's rows going on right under it. It is no row
// and ends no table.
func tlNote(lines []ptLine, k int, cols []tlColumn) bool {
	if k == 0 || lines[k-1].s == "" || lines[k].brk || k+1 >= len(lines) || lines[k+1].s == "" {
		return false
	}
	segs := tlSegments(lines[k].raw)
	if len(segs) != 1 || len(cols) < 3 {
		return false
	}
	sg, across := segs[0], 0
	for _, c := range cols[1:] {
		if sg.start < c.left && sg.end > c.start+1 {
			across++
		}
	}
	return across >= 2 && sg.start <= cols[0].left+1 && !tlGoalRe.MatchString(sg.s) && !ptFootnoteRe.MatchString(lines[k].s) && tlRowsGoOn(lines, k, cols)
}

// tlEndsBody: lines[k] is no longer the table's: a footnote, or a line
// that starts at the left margin and runs across two column starts in one
// segment (prose), or a heading set apart by an empty line.
func tlEndsBody(lines []ptLine, k int, cols []tlColumn) bool {
	ln := lines[k]
	if ptFootnoteRe.MatchString(ln.s) {
		return true
	}
	segs := tlSegments(ln.raw)
	if len(segs) == 1 {
		sg := segs[0]
		across := 0
		for _, c := range cols[1:] {
			if sg.start < c.left && sg.end > c.start+1 {
				across++
			}
		}
		if across >= 2 && sg.start <= cols[0].left+1 && !tlGoalRe.MatchString(sg.s) {
			return true // prose from the margin across the columns
		}
		after := k > 0 && lines[k-1].s == ""
		// a numbered heading; not the first line of a numbered goal in
		// the first column, with the row's other cells on the lines below
		if _, h := ptHeading(ln.s); h && after && sg.start <= cols[0].left+1 && !tlRowBelow(lines, k) && !tlRowsGoOn(lines, k, cols) && !tlLevelsGoOn(lines, k, cols) {
			return true
		}
		// a heading over the next table: a lone line at the margin after
		// an empty line, with a header right below it, or right over a
		// header on the same page
		if sg.start <= cols[0].left+2 && !ptEndsSentence(ln.s) { // (as tlHeadingAbove takes it)
			// (the header's first line may be a title standing alone
			// lines above its main line: tlStaggered)
			for n, j := 0, k+1; j < len(lines) && n < 8; j++ {
				if lines[j].s == "" {
					continue
				}
				if _, from, _, ok := tlHeader(lines, j); ok && (after && n < 3 || from == k+1 && !tlBreakBetween(lines, k, from)) {
					return true
				}
				n++
			}
		}
	}
	// a heading in wide letter spacing ("Behandling    och    uppföljning")
	// after an empty line, right over the next table's header on the same
	// page
	if len(segs) > 1 && k > 0 && lines[k-1].s == "" && segs[0].start <= cols[0].left+1 && k+1 < len(lines) && !tlBreakBetween(lines, k, k+1) {
		if _, from, _, ok := tlHeader(lines, k+1); ok && from == k+1 {
			return true
		}
	}
	return false
}

// tlLeft moves each column's start to where its text starts, between the
// previous title's end and a little right of this title's start (a title
// centred over its column starts right of its text; proportional print
// moves a column's text a character or two off its title): the position
// the fewest body words run across, then the one most words start at
// after a gutter, then the one nearest the title's start.
func tlLeft(lines []ptLine, body []int, cols []tlColumn) {
	width := 0
	for _, k := range body {
		width = max(width, utf8.RuneCountInString(lines[k].raw))
	}
	for _, c := range cols {
		width = max(width, c.end)
	}
	cross := make([]int, width+2)  // words with start < x < end
	starts := make([]int, width+2) // words that start at x
	for _, k := range body {
		if tlAcross(lines[k].raw, cols) {
			continue // a goal across the table runs over every gutter
		}
		ws := tlWords(lines[k].raw)
		for n, w := range ws {
			if n == 0 || w.start-ws[n-1].end >= 2 {
				starts[w.start]++ // after a gutter
			}
			for x := w.start + 1; x < w.end; x++ {
				cross[x]++
			}
		}
	}
	for j := 1; j < len(cols); j++ {
		// not in the first quarter of the way from the title before: a
		// start there is the column before's text, set right of its own
		// title ('Område Mål' over text under 'Mål' far right)
		lo, hi := cols[j-1].end+(cols[j].start-cols[j-1].end)/4, min(cols[j].start+2, width+1)
		best := cols[j].start
		for x := lo; x <= hi; x++ {
			if starts[x] == 0 {
				// no line's text starts there after a gutter: a place
				// no word runs across inside a column ('ta fram' over
				// 'till grupper') is no column's start
				continue
			}
			d, db := abs(float64(x-cols[j].start)), abs(float64(best-cols[j].start))
			if cross[x] < cross[best] || cross[x] == cross[best] && (starts[x] > starts[best] || starts[x] == starts[best] && d <= db) {
				best = x
			}
		}
		cols[j].left = best
	}
}

// tlOverhangs: a word that opens a cell printed a character or two left
// of its column (a proportional face on a character grid): it starts
// with a capital or a digit right before the column's start and lies
// mostly inside the column.
func tlOverhangs(w tlSeg, left int) bool {
	if w.start >= left || w.start < left-2 || w.end-left <= 2*(left-w.start) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w.s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// tlNear moves the columns' starts for the lines of one row (a block
// between empty lines): pdftotext places each row's text by its own
// widths, so a row may stand a few characters left or right of the
// others. Each start moves within three characters left and two right of
// where the table has it, to where no word of the row runs across and a
// word starts after a gutter; without such evidence it stays.
func tlNear(lines []ptLine, block []int, cols []tlColumn) []tlColumn {
	out := slices.Clone(cols)
	width := 0
	for _, k := range block {
		width = max(width, utf8.RuneCountInString(lines[k].raw))
	}
	cross := make([]int, width+2)
	starts := make([]int, width+2)
	for _, k := range block {
		if tlAcross(lines[k].raw, cols) {
			continue
		}
		ws := tlWords(lines[k].raw)
		for n, w := range ws {
			if n == 0 || w.start-ws[n-1].end >= 2 {
				starts[w.start]++
			}
			for x := w.start + 1; x < w.end; x++ {
				cross[x]++
			}
		}
	}
	at := func(a []int, x int) int {
		if x < 0 || x >= len(a) {
			return 0
		}
		return a[x]
	}
	for j := 1; j < len(out); j++ {
		left := cols[j].left
		best := left
		for x := max(left-3, out[j-1].left+2); x <= left+2; x++ {
			c, cb := at(cross, x), at(cross, best)
			d, db := abs(float64(x-left)), abs(float64(best-left))
			if c < cb || c == cb && (at(starts, x) > at(starts, best) || at(starts, x) == at(starts, best) && d < db) {
				best = x
			}
		}
		if at(starts, best) == 0 {
			// no line of the row starts its text there after a gutter:
			// the row set this column further right, where two of its
			// lines start after a gutter and no word runs across (a word
			// there went on from the column to the left, one space on)
			lim := len(cols)
			hi := left + 8
			if j+1 < lim {
				hi = min(hi, cols[j+1].left-3)
			}
			for x := left + 3; x <= hi; x++ {
				if at(cross, x) == 0 && at(starts, x) >= 2 {
					best = x
					break
				}
			}
		}
		out[j].left = best
	}
	return out
}

// tlSlack is how far left of its column a cell's text may start after a
// gutter: pdftotext sets each line by its own widths, so a row's cells may
// stand a few characters left of where other rows put them.
const tlSlack = 4

// tlAssign cuts a printed line into the columns: each word goes to the
// column it starts in, or to the next when it starts a run of text after
// a gutter at most tlSlack characters left of that column (or opens a cell
// as tlOverhangs tells).
func tlAssign(raw string, cols []tlColumn) []string {
	out, _ := tlAssignRuns(raw, cols)
	return out
}

// tlAssignRuns is tlAssign that also tells, per column, whether its text
// opens one space after the text of a column to its left (a run of text
// going on over the column's start rather than a cell after a gutter).
func tlAssignRuns(raw string, cols []tlColumn) ([]string, []bool) {
	return tlParts(tlPlace(raw, cols), len(cols))
}

// tlPlaced is a word of a printed line and the column it goes to.
type tlPlaced struct {
	w      tlSeg
	j      int
	gutter bool // it opens the line or follows a gutter
}

// tlPlace places a printed line's words in the columns as tlAssign tells.
func tlPlace(raw string, cols []tlColumn) []tlPlaced {
	ws := tlWords(raw)
	out := make([]tlPlaced, len(ws))
	j := 0
	for n, w := range ws {
		gutter := n == 0 || w.start-ws[n-1].end >= 2
		for j+1 < len(cols) && (w.start >= cols[j+1].left || tlOverhangs(w, cols[j+1].left) || gutter && w.start >= cols[j+1].left-tlSlack) {
			j++
		}
		out[n] = tlPlaced{w, j, gutter}
	}
	return out
}

// tlParts joins the placed words of each of n columns; joined tells the
// columns whose text opens one space after a word of a column to its left.
func tlParts(ps []tlPlaced, n int) ([]string, []bool) {
	parts := make([][]string, n)
	joined := make([]bool, n)
	for x, p := range ps {
		if len(parts[p.j]) == 0 && x > 0 && !p.gutter && ps[x-1].j < p.j {
			joined[p.j] = true
		}
		parts[p.j] = append(parts[p.j], p.w.s)
	}
	out := make([]string, n)
	for j, p := range parts {
		out[j] = strings.Join(p, " ")
	}
	return out, joined
}

// tlEdges is, per column, where its text ends: the furthest end of its
// text on a line where the next column's text follows after a gutter
// (0: not known). A line whose text ends past it printed the next
// column's first words one space after its own.
func tlEdges(lines []ptLine, body []int, cols []tlColumn) []int {
	edge := make([]int, len(cols))
	for _, k := range body {
		ps := tlPlace(lines[k].raw, cols)
		for n := 1; n < len(ps); n++ {
			if a, b := ps[n-1], ps[n]; b.j == a.j+1 && b.gutter {
				edge[a.j] = max(edge[a.j], a.w.end)
			}
		}
	}
	return edge
}

// tlCapitalised: a word in a capital and then lower case ("Chef",
// "Hälso-"), not an abbreviation ("ST-", "SVF") or a number.
func tlCapitalised(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && strings.ContainsFunc(w[size:], unicode.IsLower) && !strings.ContainsFunc(w[size:], func(r rune) bool {
		return unicode.IsUpper(r) && !strings.Contains(w, "-")
	})
}

// tlPushOver moves the words a line printed one space after a column's
// text, a little left of the next column, into that column when the next
// column has no text on the line and the words run past where the
// column's text ends (tlEdges): 'sms Chef' over 'svarat primärvård', the
// responsible set beside the activity's last word. The words moved open
// with a capitalised word, as a responsible's cell does, and not after a
// finished sentence (the cell's next sentence).
func tlPushOver(ps []tlPlaced, edge []int, cols []tlColumn) {
	for j := 0; j+1 < len(cols) && j < len(edge); j++ {
		if edge[j] == 0 {
			continue
		}
		var idx []int
		next := false
		for n, p := range ps {
			switch p.j {
			case j:
				idx = append(idx, n)
			case j + 1:
				next = true
			}
		}
		left := cols[j+1].left
		if next {
			// the next column's text opens in lower case one space after
			// a capitalised word of this one: that word opens the cell
			// ('workshop om Alla' / 'vårdcentraler ska ha en')
			f := slices.IndexFunc(ps, func(p tlPlaced) bool { return p.j == j+1 })
			if f >= 2 && !ps[f].gutter && ptStartsLower(ps[f].w.s) && ps[f-1].j == j && ps[f-2].j == j {
				if p := ps[f-1]; !p.gutter && p.w.start >= left-8 && p.w.start < left && tlCapitalised(p.w.s) && !ptEndsSentence(ps[f-2].w.s) {
					ps[f-1].j = j + 1
				}
			}
			continue
		}
		if len(idx) < 2 || ps[idx[len(idx)-1]].w.end <= edge[j]+1 {
			continue
		}
		if strings.HasSuffix(ps[idx[len(idx)-1]].w.s, "-") {
			continue // a word broken at the line's end goes on below
		}
		for m := 1; m < len(idx); m++ {
			p := ps[idx[m]]
			before := ps[idx[m-1]].w
			if p.gutter || p.w.start < left-8 || p.w.start >= left || !tlCapitalised(p.w.s) || before.end > edge[j]+1 || ptEndsSentence(before.s) {
				continue
			}
			for _, n := range idx[m:] {
				ps[n].j = j + 1
			}
			break
		}
	}
}

// tlLabelTable reads a plan printed as label tables from lines[i]: each
// goal a small table whose rows name a column at the margin ("Mål",
// "Aktivitet", "Ansvarig", "Status") and give its text to the right (set
// beside the name, or centred on it over several lines). Blocks between
// empty lines hold one name and its text; a name coming again starts the
// next record. It returns one plan table whose header is the names, a row
// a record, and the index after its last line; at least two records with
// three names of known roles.
func tlLabelTable(lines []ptLine, i, margin int) (*rccplans.Table, int, bool) {
	if _, ok := tlLabel(lines[i], margin); !ok && !tlValueLine(lines[i], margin) {
		return nil, 0, false
	}
	type field struct{ label, value string }
	var records [][]field
	var cur []field
	seen := map[string]bool{}
	end := i
	for k := i; k < len(lines); {
		for k < len(lines) && (lines[k].s == "" || lines[k].drop) {
			k++
		}
		// a block of lines up to the next empty line
		j := k
		for j < len(lines) && lines[j].s != "" && !lines[j].drop {
			j++
		}
		if k == j {
			break
		}
		label, n := "", 0
		var value []string
		for _, ln := range lines[k:j] {
			if l, ok := tlLabel(ln, margin); ok {
				label, n = l, n+1
				if v := strings.TrimSpace(strings.TrimPrefix(ln.s, l)); v != "" {
					value = append(value, v)
				}
				continue
			}
			if !tlValueLine(ln, margin) {
				n = 2 // prose or a heading: no label block
				break
			}
			value = append(value, ln.s)
		}
		if n != 1 {
			break
		}
		if seen[label] {
			records, cur, seen = append(records, cur), nil, map[string]bool{}
		}
		seen[label] = true
		cur = append(cur, field{label, rccplans.JoinLines(value)})
		end, k = j, j
	}
	if cur != nil {
		records = append(records, cur)
	}
	if len(records) < 2 {
		return nil, 0, false
	}
	var names []string
	for _, r := range records {
		for _, f := range r {
			if !slices.Contains(names, f.label) {
				names = append(names, f.label)
			}
		}
	}
	if rccplans.HeaderScore(names) < 3 {
		return nil, 0, false
	}
	t := &rccplans.Table{Header: [][]string{names}}
	for _, r := range records {
		row := rccplans.Row{Page: lines[i].page, Cells: make([]rccplans.Cell, len(names))}
		for _, f := range r {
			row.Cells[slices.Index(names, f.label)].Text = f.value
		}
		t.Rows = append(t.Rows, row)
	}
	return t, end, true
}

// tlMargin is where the page's text starts: the least indentation of a
// printed line (a fixed-pitch print may set the whole page right).
func tlMargin(lines []ptLine) int {
	m := -1
	for _, ln := range lines {
		if ln.s == "" || ln.drop {
			continue
		}
		if n := utf8.RuneCountInString(ln.raw) - utf8.RuneCountInString(strings.TrimLeft(ln.raw, " ")); m < 0 || n < m {
			m = n
		}
	}
	return max(m, 0)
}

// tlLabel: the line opens at the margin with a column's name of one or
// two words, standing alone before a gutter ("Mål", "Ansvarig     FoU-chef").
func tlLabel(ln ptLine, margin int) (string, bool) {
	segs := tlSegments(ln.raw)
	if len(segs) == 0 || segs[0].start > margin+3 || len(strings.Fields(segs[0].s)) > 2 || rccplans.ColumnOf(segs[0].s) == rccplans.ColUnknown {
		return "", false
	}
	return segs[0].s, true
}

// tlValueLine: a line of a label's text: one segment set well right of
// the margin.
func tlValueLine(ln ptLine, margin int) bool {
	segs := tlSegments(ln.raw)
	return len(segs) == 1 && segs[0].start >= margin+12
}
