package extract

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"rccplans"
)

// Page furniture is found by position and repetition, never by wording:
//   - a line in the top or bottom band of the page whose text (digits
//     folded) recurs at about the same height on at least two pages and on
//     a good share of all pages: running heads, footers, "4 (24)";
//   - a line in a band that is only a page number ("7", "- 7 -", "4 (24)",
//     "4/24") or only a web address.
//
// Lines inside a ruled table frame and lines that look like a table
// header are never furniture: a header repeated on every page is the
// table's, and table joining needs it.

const (
	bandShare  = 0.11 // top and bottom bands: this share of the page height
	furnYTol   = 4.0  // a repeated line sits within this many points
	furnShare  = 0.4  // ... on at least this share of the pages
	furnMinRep = 2
)

var (
	pageNumber = regexp.MustCompile(`^[-–(\[]?\s*\d{1,3}\s*[-–)\]]?(\s*(\(|/|av|of)\s*\d{1,3}\s*\)?)?$`)
	webAddress = regexp.MustCompile(`^(https?://|www\.)\S+$`)
)

// furnCand is a line in a page's top or bottom band that may be a
// running head or footer: key is its text with digits folded, y its height
// from the top (top band) or from the foot (bottom band, negative).
type furnCand struct {
	page  int
	key   string
	y     float64
	words []int
}

// furniture marks, per page, the words that are page furniture.
func furniture(pages []rccplans.Page) [][]bool {
	marks := make([][]bool, len(pages))
	var cands []furnCand
	for i := range pages {
		p := &pages[i]
		marks[i] = make([]bool, len(p.Words))
		frames := ruleFrames(p)
		band := bandShare * p.Height
		idxs := lineIndexes(p.Words)
		ls := make([]tline, len(idxs))
		for k, idx := range idxs {
			ls[k] = tline{words: pick(p.Words, idx)}
			finishLine(&ls[k])
		}
		// A bare number or address is furniture only beyond everything
		// else on the page (above it or below it), so that a table cell
		// holding just "12" is never taken.
		bodyTop, bodyBot := math.Inf(1), math.Inf(-1)
		for k := range ls {
			if t := ls[k].text(); !pageNumber.MatchString(t) && !webAddress.MatchString(t) {
				bodyTop, bodyBot = math.Min(bodyTop, ls[k].Y0), math.Max(bodyBot, ls[k].Y1)
			}
		}
		for k, idx := range idxs {
			l := ls[k]
			top := l.Y1 <= band
			bottom := l.Y0 >= p.Height-band
			if !top && !bottom {
				continue
			}
			if inFrames(l.Box, frames) || headerLine(&l) {
				continue
			}
			text := l.text()
			outside := top && l.Y1 <= bodyTop || bottom && l.Y0 >= bodyBot
			if outside && (pageNumber.MatchString(text) || webAddress.MatchString(text)) {
				for _, k := range idx {
					marks[i][k] = true
				}
				continue
			}
			y := l.Y0
			if bottom {
				y = l.Y1 - p.Height // from the foot: page heights may differ
			}
			cands = append(cands, furnCand{page: i, key: foldDigits(text), y: y, words: idx})
		}
	}
	need := int(math.Max(furnMinRep, math.Ceil(furnShare*float64(len(pages)))))
	for c, ok := range repeated(cands, len(pages), need) {
		if ok {
			for _, k := range cands[c].words {
				marks[cands[c].page][k] = true
			}
		}
	}
	return marks
}

// repeated tells, per candidate, whether lines with its key lie within
// furnYTol of its height on at least need of the pages (its own
// included). Candidates are bucketed by key and swept in order of height
// with a window of ±furnYTol that counts the distinct pages in it, so the
// cost is n log n in the number of candidates, not n² as comparing every
// pair would be: a long document repeats its running head on every page.
func repeated(cands []furnCand, npages, need int) []bool {
	out := make([]bool, len(cands))
	groups := map[string][]int{}
	for c := range cands {
		// A height that is not finite is never within the tolerance of
		// anything, itself included.
		if y := cands[c].y; !math.IsNaN(y) && !math.IsInf(y, 0) {
			groups[cands[c].key] = append(groups[cands[c].key], c)
		}
	}
	perPage := make([]int, npages) // candidates in the window, by page
	for _, g := range groups {
		if len(g) < need {
			continue // fewer lines than pages needed
		}
		slices.SortFunc(g, func(a, b int) int { return cmp.Compare(cands[a].y, cands[b].y) })
		// The window [lo, hi) holds every d with |d.y - c.y| <= furnYTol;
		// both ends only move forward as c.y grows. The tests are written
		// as differences, like the pairwise rule they replace, so that
		// rounding decides the edge cases the same way.
		lo, hi, distinct := 0, 0, 0
		for _, c := range g {
			y := cands[c].y
			for hi < len(g) && cands[g[hi]].y-y <= furnYTol {
				p := cands[g[hi]].page
				if perPage[p]++; perPage[p] == 1 {
					distinct++
				}
				hi++
			}
			for y-cands[g[lo]].y > furnYTol {
				p := cands[g[lo]].page
				if perPage[p]--; perPage[p] == 0 {
					distinct--
				}
				lo++
			}
			out[c] = distinct >= need
		}
		for _, d := range g[lo:hi] {
			perPage[cands[d].page]--
		}
	}
	return out
}

// foldDigits makes "Sida 3 av 12" and "Sida 4 av 12" one key.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '#'
		}
		return unicode.ToLower(r)
	}, strings.Join(strings.Fields(s), " "))
}

func inFrames(b rccplans.Box, frames []frame) bool {
	cx, cy := (b.X0+b.X1)/2, (b.Y0+b.Y1)/2
	for _, f := range frames {
		if cx >= f.box.X0 && cx <= f.box.X1 && cy >= f.box.Y0 && cy <= f.box.Y1 {
			return true
		}
	}
	return false
}

func pick(ws []rccplans.Word, idx []int) []rccplans.Word {
	out := make([]rccplans.Word, len(idx))
	for i, k := range idx {
		out[i] = ws[k]
	}
	return out
}
