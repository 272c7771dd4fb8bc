package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"rccplans"
)

// Text outside tables becomes headings and paragraphs. The body size is
// the font size that carries most of the document's characters (tables
// included, so that a plan whose only prose is its headings still has a
// body). A line is a heading when it is set at least a point larger than
// the body, or bold at body size and short; consecutive heading lines of
// one style are one heading. Levels rank the heading styles: larger first,
// bold before regular at the same size; 1 is the largest.
//
// Paragraphs are runs of lines split where the vertical gap is wider than
// the normal leading, the size changes, a line starts with a bullet, or a
// page break falls after a finished sentence.

const (
	headingLift   = 0.9 // points above the body size that make a heading
	maxBoldHeader = 160 // characters: a longer bold line is emphasis, not a heading
)

// textBlocks turns the joined items into blocks.
func textBlocks(items []item, body float64, known func(string) bool) []rccplans.Block {
	type run struct {
		heading bool
		lines   []*tline
		page    int
	}
	var runs []run
	var blocks []rccplans.Block
	// First pass: decide line by line, then group.
	var cur *run
	var prevPage int
	flush := func() {
		if cur != nil {
			runs = append(runs, *cur)
			cur = nil
		}
	}
	var tables []*grid
	rightEdge := map[int]float64{}
	for _, it := range items {
		if it.line != nil {
			rightEdge[it.page] = math.Max(rightEdge[it.page], it.line.X1)
		}
	}
	for _, it := range items {
		if it.tab != nil {
			flush()
			runs = append(runs, run{page: -len(tables) - 1})
			tables = append(tables, it.tab)
			prevPage = 0
			continue
		}
		l := it.line
		h := isHeading(l, body)
		if cur != nil && cur.heading && !h && prevPage == it.page && headingTail(cur.lines[len(cur.lines)-1], l) {
			h = true // "2021" ending a wrapped title has no letters of its own
		}
		if cur != nil && sameRun(cur.lines[len(cur.lines)-1], l, cur.heading, h, prevPage != it.page, rightEdge[it.page]) {
			cur.lines = append(cur.lines, l)
		} else {
			flush()
			cur = &run{heading: h, lines: []*tline{l}, page: it.page}
		}
		prevPage = it.page
	}
	flush()
	levels := headingLevels(func(yield func(*tline)) {
		for _, r := range runs {
			if r.heading {
				yield(r.lines[0])
			}
		}
	})
	for _, r := range runs {
		if r.page < 0 {
			g := tables[-r.page-1]
			// A title row across a ruled table is a heading below every
			// heading style of the text, marked Band: the table, not its
			// style, made it one (normalize reads a band over rows without
			// an area column as their area).
			parts, titles := g.split()
			for i, part := range parts {
				if i > 0 {
					blocks = append(blocks, rccplans.Block{Kind: rccplans.BlockHeading, Page: part.page, Text: titles[i-1], Level: len(levels) + 1, Band: true})
				}
				if t := part.table(known); len(t.Rows) > 0 {
					blocks = append(blocks, rccplans.Block{Kind: rccplans.BlockTable, Page: part.page, Size: g.size, Table: t})
				}
			}
			blocks = append(blocks, noteBlocks(g, known)...)
			continue
		}
		text := paragraphText(r.lines, known)
		if text == "" {
			continue
		}
		b := rccplans.Block{Kind: rccplans.BlockParagraph, Page: r.page, Text: text, Size: r.lines[0].size, Bold: r.lines[0].bold}
		if r.heading {
			b.Kind = rccplans.BlockHeading
			b.Level = levels[styleOf(r.lines[0])]
		}
		blocks = append(blocks, b)
	}
	return blocks
}

// isHeading decides one line.
func isHeading(l *tline, body float64) bool {
	if l.margin {
		return false
	}
	t := l.text()
	if t == "" || !hasLetter(t) {
		return false
	}
	if l.size >= body+headingLift {
		return true
	}
	return l.bold && l.size >= body-0.6 && len([]rune(t)) <= maxBoldHeader
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// headingTail tells whether l, which is no heading by itself, ends the
// heading whose last line is prev: same style, right under it.
func headingTail(prev, l *tline) bool {
	return styleOf(prev) == styleOf(l) && l.Y0-prev.Y1 < 0.6*prev.height() && !hasLetter(l.text())
}

// sameRun tells whether l continues the run whose last line is prev. Over
// a page break a paragraph goes on only when its last line is full (it
// reaches near the text's right edge, right) and does not end a sentence,
// or the new line starts in lower case.
func sameRun(prev, l *tline, prevHeading, heading, newPage bool, right float64) bool {
	if prevHeading != heading || styleOf(prev) != styleOf(l) {
		return false
	}
	if heading {
		return !newPage && l.Y0-prev.Y1 < 0.6*prev.height()
	}
	if bullet(l) {
		return false
	}
	if newPage {
		if startsLower(l.text()) {
			return true
		}
		full := prev.X1 >= right-0.15*(right-prev.X0)
		return full && !endsSentence(prev.text())
	}
	gap := l.Y0 - prev.Y1
	return gap >= -1 && gap < 0.5*prev.height()
}

type style struct {
	size float64
	bold bool
}

func styleOf(l *tline) style { return style{math.Round(l.size*2) / 2, l.bold} }

// headingLevels ranks the heading styles seen: larger first, bold first.
func headingLevels(each func(func(*tline))) map[style]int {
	seen := map[style]bool{}
	each(func(l *tline) { seen[styleOf(l)] = true })
	var ss []style
	for s := range seen {
		ss = append(ss, s)
	}
	sort.Slice(ss, func(i, j int) bool {
		if ss[i].size != ss[j].size {
			return ss[i].size > ss[j].size
		}
		return ss[i].bold && !ss[j].bold
	})
	out := map[style]int{}
	for i, s := range ss {
		out[s] = i + 1
	}
	return out
}

// bullet tells whether a line starts with a list bullet glyph.
func bullet(l *tline) bool {
	if len(l.words) == 0 {
		return false
	}
	for _, r := range l.words[0].Text {
		return isBulletRune(r)
	}
	return false
}

func isBulletRune(r rune) bool {
	return r == '•' || r == '▪' || r == '◦' || r == '●' || r == '■' || (r >= 0xE000 && r <= 0xF8FF)
}

// paragraphText joins a run's lines; a leading bullet glyph from a symbol
// font's private-use area is dropped (it is not text).
func paragraphText(lines []*tline, known func(string) bool) string {
	ss := make([]string, len(lines))
	for i, l := range lines {
		ss[i] = l.text()
	}
	t := rccplans.JoinLinesKnown(ss, known)
	t = strings.TrimLeftFunc(t, func(r rune) bool { return r >= 0xE000 && r <= 0xF8FF || unicode.IsSpace(r) })
	return t
}

// noteMarker matches the start of a footnote: stars or a small number.
var noteMarker = regexp.MustCompile(`^(\*+|\d{1,2}[).]?\s)`)

// noteBlocks gives a table's footnotes as Note paragraphs, one per marker.
func noteBlocks(g *grid, known func(string) bool) []rccplans.Block {
	var out []rccplans.Block
	var cur []*tline
	flush := func() {
		if len(cur) > 0 {
			out = append(out, rccplans.Block{Kind: rccplans.BlockParagraph, Page: cur[0].page, Text: paragraphText(cur, known), Size: cur[0].size, Note: true})
			cur = nil
		}
	}
	for _, l := range g.notes {
		t := l.text()
		if len(cur) > 0 && noteMarker.MatchString(t) {
			flush()
		}
		cur = append(cur, l)
	}
	flush()
	return out
}
