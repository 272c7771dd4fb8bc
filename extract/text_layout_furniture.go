package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tlRunning marks the running heads and feet of a kept-layout text that
// the furniture pass (ptDropFurniture) kept: pdftotext -layout pads a
// head or foot printed at both margins ("Handlingsplan …      Sida 2 av
// 6") with a run of spaces, so the printed line runs longer than a head
// is taken to be. A line whose words, spaces collapsed and digits
// ignored, stand among the first or last two printed lines of three
// pages or more, and four times in five there, is furniture; a header,
// a heading or a status is not. It returns the lines with those marked
// dropped (a copy; lines is not changed).
func tlRunning(lines []ptLine) []ptLine {
	type pos struct{ page, n int }
	first := map[int]int{} // per page, its printed lines
	var at []pos
	for _, ln := range lines {
		if ln.s == "" || ln.drop {
			at = append(at, pos{-1, 0})
			continue
		}
		at = append(at, pos{ln.page, first[ln.page]})
		first[ln.page]++
	}
	key := func(ln ptLine) string { return ptFurnitureKey(strings.Join(strings.Fields(ln.s), " ")) }
	pages := map[string]map[int]bool{}
	edge, total := map[string]int{}, map[string]int{}
	for i, ln := range lines {
		if at[i].page < 0 {
			continue
		}
		k := key(ln)
		total[k]++
		if n := at[i].n; n < 2 || n >= first[ln.page]-2 {
			edge[k]++
			if pages[k] == nil {
				pages[k] = map[int]bool{}
			}
			pages[k][ln.page] = true
		}
	}
	var out []ptLine
	for i, ln := range lines {
		if at[i].page < 0 {
			continue
		}
		k := key(ln)
		if len(pages[k]) < 3 || 5*edge[k] < 4*total[k] || !strings.ContainsFunc(ln.s, unicode.IsLetter) || utf8.RuneCountInString(k) > 160 {
			continue
		}
		if _, h := ptHeading(ln.s); h || ptHeaderish(ln.s) || ptIsStatus(ln.s) {
			continue
		}
		if _, _, _, ok := tlHeader(lines, i); ok {
			continue
		}
		if out == nil {
			out = slices.Clone(lines)
		}
		out[i].drop = true
	}
	if out == nil {
		return lines
	}
	return out
}
