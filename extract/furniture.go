package extract

import (
	"math"
	"regexp"
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

// furniture marks, per page, the words that are page furniture.
func furniture(pages []rccplans.Page) [][]bool {
	type cand struct {
		page  int
		key   string
		y     float64
		words []int
	}
	marks := make([][]bool, len(pages))
	var cands []cand
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
			cands = append(cands, cand{page: i, key: foldDigits(text), y: y, words: idx})
		}
	}
	n := len(pages)
	need := int(math.Max(furnMinRep, math.Ceil(furnShare*float64(n))))
	for _, c := range cands {
		seen := map[int]bool{}
		for _, d := range cands {
			if d.key == c.key && math.Abs(d.y-c.y) <= furnYTol {
				seen[d.page] = true
			}
		}
		if len(seen) >= need {
			for _, k := range c.words {
				marks[c.page][k] = true
			}
		}
	}
	return marks
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
