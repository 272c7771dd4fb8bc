package extract

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"rccplans"
)

// Words, lines and rules from the interpreter's glyphs and segments.

// Thresholds, as fractions of the font size.
const (
	pdfWordGap     = 0.15 // a wider gap between glyphs ends a word
	pdfSeqSkip     = 2    // glyphs drawn further apart than this in the page's order are different words
	pdfLineGutter  = 2.5  // a wider gap between words ends a line
	pdfColumnGap   = 0.8  // so does a narrower one between words not drawn one after the other
	pdfRowTol      = 0.3  // baselines this close are one row
	pdfSizeJump    = 1.15 // glyphs whose sizes differ more never share a word
	pdfMinRuleLen  = 1.0  // points; shorter segments are dots, not rules
	pdfRuleJoinTol = 1.0  // points; collinear segments this close are joined
	pdfRuleSnap    = 0.75 // points; segments this close across are one rule
)

// pdfFGlyph is a glyph in its text frame: u runs along the baseline, v down
// from it (for horizontal text u = x, v = y).
type pdfFGlyph struct {
	u0, u1, v0, v1 float64
	base           float64 // the baseline it is read on (a script's base's)
	orig           float64 // its own baseline
	g              *pdfGlyph
}

// pdfToFrame maps page coordinates into the frame of text direction dir.
func pdfToFrame(dir uint8, x, y float64) (float64, float64) {
	switch dir {
	case 1: // top to bottom: glyph tops point right
		return y, -x
	case 2:
		return -x, -y
	case 3: // bottom to top: glyph tops point left
		return -y, x
	}
	return x, y
}

func pdfFromFrame(dir uint8, u, v float64) (float64, float64) {
	switch dir {
	case 1:
		return -v, u
	case 2:
		return -u, -v
	case 3:
		return v, -u
	}
	return u, v
}

func pdfFrameBox(dir uint8, x0, y0, x1, y1 float64) (u0, v0, u1, v1 float64) {
	a, b := pdfToFrame(dir, x0, y0)
	c, d := pdfToFrame(dir, x1, y1)
	return math.Min(a, c), math.Min(b, d), math.Max(a, c), math.Max(b, d)
}

func pdfPageBoxOf(dir uint8, u0, v0, u1, v1 float64) rccplans.Box {
	a, b := pdfFromFrame(dir, u0, v0)
	c, d := pdfFromFrame(dir, u1, v1)
	return rccplans.Box{X0: math.Min(a, c), Y0: math.Min(b, d), X1: math.Max(a, c), Y1: math.Max(b, d)}
}

// pdfBuildText groups glyphs into words and lines. Lines are split at wide
// gutters and at rules that cross between two words.
func pdfBuildText(glyphs []pdfGlyph, rules []rccplans.Rule) ([]rccplans.Word, []rccplans.Line) {
	var words []rccplans.Word
	var lines []rccplans.Line
	var count [4]int
	for i := range glyphs {
		count[glyphs[i].dir&3]++
	}
	for dir := uint8(0); dir < 4; dir++ {
		if count[dir] == 0 {
			continue
		}
		fs := make([]pdfFGlyph, 0, count[dir])
		for i := range glyphs {
			g := &glyphs[i]
			if g.dir != dir {
				continue
			}
			u0, v0, u1, v1 := pdfFrameBox(dir, g.x0, g.y0, g.x1, g.y1)
			_, base := pdfToFrame(dir, g.ox, g.oy)
			fg := pdfFGlyph{u0, u1, v0, v1, base, base, g}
			if n := len(fs); n > 0 && !g.space {
				pdfScriptBase(&fg, &fs[n-1])
			}
			fs = append(fs, fg)
		}
		// A script drawn before its base glyph: look forward too.
		for i := len(fs) - 2; i >= 0; i-- {
			if !fs[i].g.space && fs[i].base == fs[i].orig {
				pdfScriptBase(&fs[i], &fs[i+1])
			}
		}
		if len(fs) == 0 {
			continue
		}
		w, l := pdfFramedText(dir, fs, rules)
		words = append(words, w...)
		lines = append(lines, l...)
	}
	return words, lines
}

// pdfScriptBase puts a superscript or subscript glyph (smaller, raised
// or lowered, touching its neighbour in drawing order) on the baseline of
// that neighbour, so that a footnote mark stays in its line (as a word
// of its own: the size differs).
func pdfScriptBase(g, nb *pdfFGlyph) {
	if nb.g.space {
		return
	}
	big, sz := nb.g.size, g.g.size
	if nb.base != nb.orig && math.Abs(nb.orig-g.orig) < 0.05*sz && math.Abs(nb.g.size-sz) < 0.05*sz {
		// The neighbour is a script on the same baseline: follow it.
		if math.Max(g.u0-nb.u1, nb.u0-g.u1) < 0.3*sz {
			g.base = nb.base
		}
		return
	}
	if sz > 0.9*big {
		return
	}
	shift := math.Abs(g.orig - nb.orig)
	if shift < 0.1*big || shift > 0.6*big {
		return
	}
	if math.Max(g.u0-nb.u1, nb.u0-g.u1) > 0.3*big {
		return
	}
	g.base = nb.orig
}

type pdfFWord struct {
	u0, u1, v0, v1 float64
	text           string
	ts, te         int // text within the row's buffer while building
	size           float64
	font           string
	bold, nbold    int
	first, last    int  // drawing order of the first and last glyph
	spaced         bool // a space glyph was drawn between the previous word and this one
}

func pdfFramedText(dir uint8, fs []pdfFGlyph, rules []rccplans.Rule) ([]rccplans.Word, []rccplans.Line) {
	// Rows: glyphs on one baseline.
	slices.SortStableFunc(fs, func(a, b pdfFGlyph) int {
		switch {
		case a.base < b.base:
			return -1
		case a.base > b.base:
			return 1
		}
		return 0
	})
	var words []rccplans.Word
	var lines []rccplans.Line
	cross := pdfCrossRules(dir, rules)
	for start := 0; start < len(fs); {
		end := start + 1
		rowBase, rowSize := fs[start].base, fs[start].g.size
		for end < len(fs) && fs[end].base-rowBase <= pdfRowTol*math.Max(rowSize, fs[end].g.size) {
			rowSize = math.Max(rowSize, fs[end].g.size)
			end++
		}
		row := fs[start:end]
		start = end
		slices.SortStableFunc(row, func(a, b pdfFGlyph) int {
			switch {
			case a.u0 < b.u0:
				return -1
			case a.u0 > b.u0:
				return 1
			}
			return 0
		})
		ws := pdfRowWords(row)
		if len(ws) == 0 {
			continue
		}
		// Lines: split at gutters and rules.
		first := 0
		for i := 1; i <= len(ws); i++ {
			if i < len(ws) {
				a, b := &ws[i-1], &ws[i]
				size := math.Max(a.size, b.size)
				gap := b.u0 - a.u1
				// Words drawn in one go with a space glyph between
				// them belong together up to a wide gutter (justified
				// text); others, such as the next table cell's text on
				// the same baseline (even when drawn right after a
				// one-line cell), only up to a narrow one.
				flow := b.spaced && b.first > a.last && b.first-a.last <= 3
				if (gap <= pdfLineGutter*size && flow || gap <= pdfColumnGap*size) && !pdfRuleBetween(a, b, cross) {
					continue
				}
			}
			line := pdfMakeLine(dir, ws[first:i])
			words = append(words, line.Words...)
			lines = append(lines, line)
			first = i
		}
	}
	return words, lines
}

// pdfRowWords cuts a row (sorted along the baseline) into words.
func pdfRowWords(row []pdfFGlyph) []pdfFWord {
	var ws []pdfFWord
	buf := make([]byte, 0, 2*len(row))
	defer func() {
		// One string for the row, words slice it.
		all := string(buf)
		for i := range ws {
			ws[i].text = all[ws[i].ts:ws[i].te]
		}
	}()
	var cur *pdfFWord
	var prev *pdfFGlyph
	lastSpace := -1
	pdfSoftHyphens(row)
	for i := range row {
		g := &row[i]
		if g.g.space {
			cur, prev = nil, nil
			lastSpace = g.g.seq
			continue
		}
		if g.g.text == "" {
			continue // a soft hyphen not printed
		}
		// A glyph drawn twice at (nearly) the same place (fake bold,
		// shadows) counts once.
		if prev != nil && prev.g.text == g.g.text && math.Abs(g.u0-prev.u0) < 0.25*math.Max(prev.u1-prev.u0, 0.1*g.g.size) {
			continue
		}
		if cur != nil && prev != nil && pdfFootnoteMark(g, prev) {
			// A footnote mark glued to its word, as printed: "studier.²".
			g.g.text = pdfSuperscript(g.g.text)
		} else if cur != nil && prev != nil && pdfAfterMark(g, prev) {
			// Punctuation right after a mark: "behandling¹,".
		} else if cur != nil && prev != nil {
			gap := g.u0 - prev.u1
			size := math.Max(prev.g.size, g.g.size)
			ratio := math.Max(prev.g.size, g.g.size) / math.Max(math.Min(prev.g.size, g.g.size), 1e-6)
			// A size jump ends a word, a footnote mark's too (as in
			// poppler): header words stay whole.
			// Glyphs not drawn one after the other are two words, however
			// close (as in poppler, which builds words from consecutive
			// glyphs): cells set without padding put the last word of a
			// column right against the first of the next ("med"+"utsedd").
			apart := g.g.seq < prev.g.seq || g.g.seq > prev.g.seq+pdfSeqSkip
			if gap > pdfWordGap*size || ratio > pdfSizeJump || apart {
				cur = nil
			}
		}
		if cur == nil {
			spaced := len(ws) > 0 && lastSpace > ws[len(ws)-1].last && lastSpace < g.g.seq
			ws = append(ws, pdfFWord{u0: g.u0, u1: g.u1, v0: g.v0, v1: g.v1, size: g.g.size, font: g.g.font.name, first: g.g.seq, ts: len(buf), spaced: spaced})
			cur = &ws[len(ws)-1]
		}
		cur.last = g.g.seq
		buf = append(buf, g.g.text...)
		cur.te = len(buf)
		cur.u0, cur.u1 = math.Min(cur.u0, g.u0), math.Max(cur.u1, g.u1)
		cur.v0, cur.v1 = math.Min(cur.v0, g.v0), math.Max(cur.v1, g.v1)
		cur.size = math.Max(cur.size, g.g.size)
		if g.g.bold {
			cur.bold++
		} else {
			cur.nbold++
		}
		prev = g
	}
	return ws
}

// pdfFootnoteMark reports a digit set as a footnote mark right after
// prev: smaller, raised above the baseline it is read on (pdfScriptBase
// put it on prev's), touching prev and drawn right after it. prev is the
// word's last glyph, or the mark's digit before (a mark of several
// digits). Marks drawn before their text (a footnote's own number at the
// page's foot) and lowered digits (subscripts) are not: they stay words
// of their own.
func pdfFootnoteMark(g, prev *pdfFGlyph) bool {
	if g.orig >= g.base || g.u0-prev.u1 > pdfWordGap*prev.g.size || g.g.seq <= prev.g.seq || g.g.seq > prev.g.seq+pdfSeqSkip {
		return false
	}
	for _, r := range g.g.text {
		if r < '0' || r > '9' {
			return false
		}
	}
	if prev.orig < prev.base {
		// The mark's next digit: the same size on the same raised line.
		return pdfIsMark(prev) && math.Abs(prev.g.size-g.g.size) < 0.05*g.g.size && math.Abs(prev.orig-g.orig) < 0.05*g.g.size
	}
	return g.g.size <= 0.9*prev.g.size
}

// pdfIsMark reports a glyph read as a footnote mark (pdfSuperscript).
func pdfIsMark(g *pdfFGlyph) bool {
	r, _ := utf8.DecodeRuneInString(g.g.text)
	return r == '¹' || r == '²' || r == '³' || r >= 0x2070 && r <= 0x2079
}

// pdfAfterMark reports punctuation set on the word's own baseline right
// after its footnote mark (prev), touching it and drawn right after it.
func pdfAfterMark(g, prev *pdfFGlyph) bool {
	if prev.orig >= prev.base || g.orig != g.base || !pdfIsMark(prev) || math.Abs(g.orig-prev.base) > 0.05*g.g.size ||
		g.u0-prev.u1 > pdfWordGap*g.g.size || g.g.seq <= prev.g.seq || g.g.seq > prev.g.seq+pdfSeqSkip {
		return false
	}
	r, n := utf8.DecodeRuneInString(g.g.text)
	return n == len(g.g.text) && strings.ContainsRune(".,;:)!?", r)
}

// pdfSuperscript spells ASCII digits as superscript digits.
func pdfSuperscript(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '1':
			b.WriteRune('¹')
		case '2':
			b.WriteRune('²')
		case '3':
			b.WriteRune('³')
		default:
			b.WriteRune(0x2070 + r - '0')
		}
	}
	return b.String()
}

// pdfSoftHyphen is U+00AD, the soft hyphen.
const pdfSoftHyphen = "\u00ad"

// pdfSoftHyphens resolves the soft-hyphen glyphs of a row (sorted along
// the baseline) into what is printed. A soft hyphen with a hyphen glyph
// drawn at its place (Chromium: U+00AD, then U+2010 where the line
// breaks) is that hyphen: one "-". One with a letter at its place, drawn
// without advance inside a word that is not broken (Chromium again, at
// every soft hyphen), is not printed: it is dropped, so that the word
// stays whole and its letters keep their order (the mark and the next
// letter start at the same point, and rounding may put either first).
// One alone is the printed hyphen of a broken word: "-". Dropped glyphs
// get the empty text. The glyphs' texts are changed in place.
func pdfSoftHyphens(row []pdfFGlyph) {
	for i := range row {
		g := row[i].g
		if g.text != pdfSoftHyphen {
			continue
		}
		tol := 0.15 * g.size
		hyphen, letter := -1, false
		check := func(j int) {
			o := row[j].g
			switch {
			case o.space || o.text == "" || o.text == pdfSoftHyphen:
			case o.text == "-" || o.text == "\u2010" || o.text == "\u2011":
				hyphen = j
			default:
				letter = true
			}
		}
		for j := i - 1; j >= 0 && row[i].u0-row[j].u0 <= tol; j-- {
			check(j)
		}
		for j := i + 1; j < len(row) && row[j].u0-row[i].u0 <= tol; j++ {
			check(j)
		}
		switch {
		case hyphen >= 0:
			// The soft hyphen takes the hyphen's text and box: it was
			// drawn right after the word's letters, the hyphen may not
			// have been.
			h := &row[hyphen]
			h.g.text = ""
			g.text = "-"
			row[i].u0, row[i].u1 = min(row[i].u0, h.u0), max(row[i].u1, h.u1)
			row[i].v0, row[i].v1 = min(row[i].v0, h.v0), max(row[i].v1, h.v1)
		case letter:
			g.text = ""
		default:
			g.text = "-"
		}
	}
}

// pdfRuleBetween reports a rule across the text direction lying between two
// words of a row.
func pdfRuleBetween(a, b *pdfFWord, cross []pdfCross) bool {
	mid := (a.v0 + a.v1 + b.v0 + b.v1) / 4
	i, _ := slices.BinarySearchFunc(cross, a.u1-1, func(c pdfCross, u float64) int { return pdfCmp(c.u, u) })
	for ; i < len(cross) && cross[i].u <= b.u0+1; i++ {
		if cross[i].v0 <= mid && cross[i].v1 >= mid {
			return true
		}
	}
	return false
}

// pdfCross is a rule across the text direction, in the text frame.
type pdfCross struct{ u, v0, v1 float64 }

// pdfCrossRules lists the rules across text of direction dir, by u.
func pdfCrossRules(dir uint8, rules []rccplans.Rule) []pdfCross {
	var cross []pdfCross
	for _, r := range rules {
		u0, v0, u1, v1 := pdfFrameBox(dir, r.X0, r.Y0, r.X1, r.Y1)
		if u1-u0 > v1-v0 {
			continue // runs along the text
		}
		cross = append(cross, pdfCross{(u0 + u1) / 2, v0, v1})
	}
	slices.SortFunc(cross, func(a, b pdfCross) int { return pdfCmp(a.u, b.u) })
	return cross
}

func pdfMakeLine(dir uint8, ws []pdfFWord) rccplans.Line {
	l := rccplans.Line{Words: make([]rccplans.Word, 0, len(ws))}
	var text strings.Builder
	type sizeCount struct {
		size float64
		n    int
	}
	var sizes []sizeCount
	bold, nbold := 0, 0
	for i := range ws {
		w := &ws[i]
		rw := rccplans.Word{
			Box:  pdfPageBoxOf(dir, w.u0, w.v0, w.u1, w.v1),
			Text: w.text,
			Size: pdfRound2(w.size),
			Font: w.font,
			Bold: w.bold > w.nbold,
		}
		if i == 0 {
			l.Box = rw.Box
		} else {
			l.X0, l.Y0 = math.Min(l.X0, rw.X0), math.Min(l.Y0, rw.Y0)
			l.X1, l.Y1 = math.Max(l.X1, rw.X1), math.Max(l.Y1, rw.Y1)
			text.WriteByte(' ')
		}
		text.WriteString(rw.Text)
		n := utf8.RuneCountInString(rw.Text)
		found := false
		for k := range sizes {
			if sizes[k].size == rw.Size {
				sizes[k].n += n
				found = true
			}
		}
		if !found {
			sizes = append(sizes, sizeCount{rw.Size, n})
		}
		bold += w.bold
		nbold += w.nbold
		l.Words = append(l.Words, rw)
	}
	l.Text = text.String()
	best := 0
	for _, sc := range sizes {
		if sc.n > best || sc.n == best && sc.size > l.Size {
			best, l.Size = sc.n, sc.size
		}
	}
	l.Bold = bold > nbold
	return l
}

// pdfDropUnderlines removes horizontal rules that underline (or strike
// through) the text of one line: within the line's extent and between
// its middle and a little below its bottom. Table borders reach past the
// text by the cell padding, so they stay.
func pdfDropUnderlines(rules []rccplans.Rule, lines []rccplans.Line) []rccplans.Rule {
	if len(rules)*len(lines) > 5e7 {
		return rules // a pathological page: not worth the time
	}
	out := rules[:0]
	for _, r := range rules {
		if pdfUnderlines(r, lines) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func pdfUnderlines(r rccplans.Rule, lines []rccplans.Line) bool {
	if !r.Horizontal() || r.Width > 2 {
		return false
	}
	for i := range lines {
		l := &lines[i]
		if l.Y1-l.Y0 > 2*l.Size || l.X1-l.X0 < 1 {
			continue // rotated text
		}
		if r.Y0 < (l.Y0+l.Y1)/2 || r.Y0 > l.Y1+0.15*l.Size {
			continue
		}
		if r.X0 >= l.X0-1 && r.X1 <= l.X1+1 {
			return true
		}
	}
	return false
}

func pdfRound2(f float64) float64 { return math.Round(f*100) / 100 }

// pdfCleanRules turns segments into rules: clipped to the page, dots
// dropped, overlapping and touching collinear pieces joined.
func pdfCleanRules(segs []pdfSegment, w, h float64) []rccplans.Rule {
	var hs, vs []rccplans.Rule
	for _, s := range segs {
		if s.y0 == s.y1 { // horizontal
			if s.y0 < -1 || s.y0 > h+1 {
				continue
			}
			x0, x1 := math.Max(s.x0, 0), math.Min(s.x1, w)
			if x1-x0 < pdfMinRuleLen {
				continue
			}
			hs = append(hs, rccplans.Rule{Box: rccplans.Box{X0: x0, Y0: s.y0, X1: x1, Y1: s.y0}, Width: s.width})
		} else {
			if s.x0 < -1 || s.x0 > w+1 {
				continue
			}
			y0, y1 := math.Max(s.y0, 0), math.Min(s.y1, h)
			if y1-y0 < pdfMinRuleLen {
				continue
			}
			vs = append(vs, rccplans.Rule{Box: rccplans.Box{X0: s.x0, Y0: y0, X1: s.x0, Y1: y1}, Width: s.width})
		}
	}
	out := pdfJoinRules(hs, true)
	return append(out, pdfJoinRules(vs, false)...)
}

// pdfJoinRules merges rules on (nearly) one line that overlap or touch.
func pdfJoinRules(rs []rccplans.Rule, horizontal bool) []rccplans.Rule {
	if len(rs) == 0 {
		return nil
	}
	// across: the fixed coordinate; a0, a1: the extent along.
	across := func(r rccplans.Rule) float64 {
		if horizontal {
			return r.Y0
		}
		return r.X0
	}
	from := func(r rccplans.Rule) float64 {
		if horizontal {
			return r.X0
		}
		return r.Y0
	}
	slices.SortFunc(rs, func(a, b rccplans.Rule) int {
		if c := pdfCmp(across(a), across(b)); c != 0 {
			return c
		}
		return pdfCmp(from(a), from(b))
	})
	var out []rccplans.Rule
	for i := 0; i < len(rs); {
		j := i + 1
		base := across(rs[i])
		for j < len(rs) && across(rs[j])-base <= pdfRuleSnap {
			j++
		}
		group := rs[i:j]
		i = j
		slices.SortFunc(group, func(a, b rccplans.Rule) int { return pdfCmp(from(a), from(b)) })
		cur := group[0]
		for _, r := range group[1:] {
			if horizontal {
				if r.X0 <= cur.X1+pdfRuleJoinTol {
					cur.X1 = math.Max(cur.X1, r.X1)
					cur.Width = math.Max(cur.Width, r.Width)
					continue
				}
			} else if r.Y0 <= cur.Y1+pdfRuleJoinTol {
				cur.Y1 = math.Max(cur.Y1, r.Y1)
				cur.Width = math.Max(cur.Width, r.Width)
				continue
			}
			out = append(out, cur)
			cur = r
		}
		out = append(out, cur)
	}
	return out
}

func pdfCmp(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
