package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"rccplans"
)

// Two tables printed side by side (a landscape page, each table under its
// own heading): pdftotext prints their headers on one line, so the line
// names the same roles twice over ("Mål Aktivitet Ansvarar Status Mål
// Aktivitet Ansvarar Status"), and each line holds a row's line of both.
// The lines are cut where the right table's first column starts, and each
// side is read as a table of its own, its heading the part of the line
// over it: the left table first.

// tlTwin tells the index of the right table's first column when a
// header's columns name the same roles twice over, side by side (0: not
// two tables).
func tlTwin(cols []tlColumn) int {
	n := len(cols)
	if n < 4 || n%2 != 0 {
		return 0
	}
	m := n / 2
	for j := 0; j < m; j++ {
		a := rccplans.ColumnOf(rccplans.JoinLines(cols[j].title))
		if a == rccplans.ColUnknown && j == 0 || a != rccplans.ColumnOf(rccplans.JoinLines(cols[j+m].title)) {
			return 0
		}
	}
	return m
}

// tlSplitAt cuts a line where the right table's first column starts at
// cut: the text left of it (the right blanked off) and the text from it
// (the left blanked), each at its character positions.
func tlSplitAt(ln ptLine, cut int) (left, right ptLine) {
	left, right = ln, ptLine{page: ln.page, brk: ln.brk, drop: ln.drop}
	if ln.s == "" || ln.drop {
		return left, right
	}
	raw, ok := tlCutBeside(ln.raw, cut)
	if !ok {
		return left, right
	}
	n := utf8.RuneCountInString(raw) - utf8.RuneCountInString(strings.TrimLeft(raw, " "))
	l := strings.TrimRight(string([]rune(ln.raw)[:n]), " ")
	left.raw, left.s = l, strings.TrimSpace(l)
	right.raw, right.s = raw, strings.TrimSpace(raw)
	return left, right
}

// tlTwinTables reads the two tables side by side whose header's main line
// is lines[i] (cols from tlHeader, m from tlTwin), the header taking lines
// [from, to); lo is the first line not read yet. It returns the blocks
// (each table's headings, then the table, left first) and the lines
// [start, end) they take.
func tlTwinTables(lines []ptLine, i, m int, cols []tlColumn, from, to, lo int) (blocks []rccplans.Block, start, end int) {
	cut := cols[m].left
	page := lines[i].page
	side := func(n int, right bool) []ptLine {
		out := slices.Clone(lines[:n])
		for k := max(lo, 0); k < n; k++ {
			if out[k].page != page {
				break
			}
			l, r := tlSplitAt(lines[k], cut)
			if right {
				out[k] = r
			} else {
				out[k] = l
			}
		}
		return out
	}
	read := func(ls []ptLine, cs []tlColumn) int {
		t, e, _, notes := tlBody(ls, cs, to, to-i-1)
		start = from
		if ks := tlHeadingAbove(ls, from); len(ks) > 0 && ks[0] >= lo {
			for _, k := range ks {
				lvl, _ := ptHeading(ls[k].s)
				blocks = append(blocks, rccplans.Block{Kind: rccplans.BlockHeading, Page: ls[k].page, Level: lvl, Text: strings.Join(strings.Fields(ls[k].s), " ")})
			}
			start = min(start, ks[0])
		}
		if len(t.Rows) > 0 {
			blocks = append(blocks, rccplans.Block{Kind: rccplans.BlockTable, Page: page, Table: t})
		}
		blocks = append(blocks, ptProse(notes)...)
		return e
	}
	left := slices.Clone(cols[:m])
	right := slices.Clone(cols[m:])
	end = read(side(len(lines), false), left)
	s := start
	read(side(end, true), right)
	return blocks, min(s, start), end
}
