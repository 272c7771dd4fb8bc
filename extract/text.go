package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// Text reads plain text pulled out of a PDF. Text that kept its layout
// (pdftotext -layout: columns padded to their positions) is read by
// position through the PDF's table reconstruction (text_layout.go). Text
// whose layout was lost (pdftotext without -layout or -raw, copy and paste
// from a viewer) is read from what survives:
// the reading order, the line breaks, blank lines, a leading space on
// the first line of a page, page markers ("4 (24)"), running heads and
// footers. From those it rebuilds:
//
//   - prose: Heading blocks for numbered headings ("1.1 Title",
//     "1.1.1 Title", "Bilaga 1.1 Title", "KAPITEL 1", "Title, Kapitel 2"),
//     Paragraph blocks split at blank lines, line-end hyphenation re-joined
//     (rccplans.JoinLines); the table of contents (dotted leaders) and page
//     furniture (bare page numbers, page markers, lines repeated at page
//     boundaries, repeated footer blocks) are dropped;
//   - small numeric tables ("Tabell 1. …" followed by "2020 2021" and
//     "Riket 73 % 75 %" lines) as Table blocks;
//   - plan tables: see text_table.go. A line holding the header words
//     (rccplans.ColumnOf) starts a table; its rows are rebuilt from blank-line
//     blocks, per-column line widths, status words and Område codes.
//
// How good it is. Follow-up reports (seeds/004): all 43 numbered
// sections found with their region, titles and texts equal to the gold
// (normalize's TestSectionsSeedAgainstGold), all 21 abbreviations. Plan
// tables: seeds/000 41 of 43 rows, 89.7% of the model fields; seeds/001
// 40 of 43 rows, 76.3% (see text_table.go for why). What it cannot do:
// number pages right when the producer printed no page markers (a leading
// blank counts as a page start, and it may also stand for an empty table
// cell, so pages drift); keep a paragraph apart from the next when a page
// break joins them without a closing period; recognise unnumbered
// headings other than "KAPITEL N", "…, Kapitel N", "Bilaga N …" and a
// few structural words (Förkortningar, Bakgrund, Innehåll …).
func Text(name string, data []byte) (l *rccplans.Layout, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, fmt.Errorf("%w: text reader: %v", ErrMalformed, r)
		}
	}()
	s := ptDecode(data)
	kept := layoutKept(s)
	lines := ptSplit(s, kept)
	if !kept {
		lines = ptSoftHyphens(lines)
	}
	if len(lines) == 0 {
		return nil, ErrEmpty
	}
	lines = ptDropTOC(lines)
	lines = ptDropFurniture(lines)
	tables := ptTables
	if kept {
		tables = layoutTables // columns stand where they were printed
	}
	blocks, warns := ptBlocks(name, lines, tables)
	pages := 0
	for _, ln := range lines {
		pages = max(pages, ln.page)
	}
	return &rccplans.Layout{SourceFile: name, Format: FormatText, NumPages: pages, Blocks: blocks, Warnings: warns}, nil
}

// ptLine is one printed line. s is the text without surrounding white
// space ("" for a blank line); raw keeps it as printed.
type ptLine struct {
	s, raw string
	page   int
	brk    bool // first line of a new page
	drop   bool
	cols   *ptCols // a header line whose columns were read elsewhere (ptRotated)
}

// ptCols is a header's columns: titles and roles.
type ptCols struct {
	titles []string
	roles  []rccplans.Column
}

var (
	ptPageMarkRe = regexp.MustCompile(`^(\d{1,3})\s*\(\s*(\d{1,3})\s*\)$`) // "4 (24)"
	ptPageNumRe  = regexp.MustCompile(`^(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?$|^(?i:sida)\s+\d{1,3}(?:\s*(?:av|/)\s*\d{1,3})?$`)
	ptLeaderRe   = regexp.MustCompile(`(?:\.\s?){5,}\s*\d*\s*$|…{2,}\s*\d*\s*$`)
	ptDigitRe    = regexp.MustCompile(`\d+`)
)

// ptLines decodes data (UTF-8, or Latin-1 when it is not valid UTF-8),
// splits it into lines and numbers the pages: a form feed, a page marker
// "N (M)" or a line printed with one leading space (how pdftotext-like
// tools start a page) starts a new page.
func ptLines(data []byte) []ptLine {
	return ptSplit(ptDecode(data), false)
}

// ptDecode decodes data as UTF-8, or as Latin-1 when it is not valid
// UTF-8; line ends become "\n".
func ptDecode(data []byte) string {
	// a file cut inside a character is still UTF-8
	if !utf8.Valid(data) {
		for k := 1; k < utf8.UTFMax && k < len(data); k++ {
			if utf8.Valid(data[:len(data)-k]) {
				data = data[:len(data)-k]
				break
			}
		}
	}
	s := string(data)
	if !utf8.ValidString(s) {
		r := make([]rune, len(data))
		for i, b := range data {
			r[i] = rune(b)
		}
		s = string(r)
	}
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s
}

// ptSoftHyphens reads the soft hyphens some producers write (Chromium:
// U+00AD where a word may break, U+00AD and a hyphen U+2010 where it
// does): a line that ends in one ends in a word broken there, printed as
// a hyphen the line joining drops ("natte\u00ad" / "tid"); the U+2010
// printed after it, alone on its line or opening the next, is the same
// break and goes; one inside a line is invisible.
func ptSoftHyphens(lines []ptLine) []ptLine {
	const soft, hyph = "\u00ad", "\u2010"
	out := lines[:0:0]
	after := false // the line before ended in a soft hyphen
	for _, ln := range lines {
		if after && ln.s != "" {
			after = false
			if ln.s == hyph {
				continue
			}
			if rest, ok := strings.CutPrefix(ln.s, hyph); ok {
				ln.s = strings.TrimSpace(rest)
				ln.raw = strings.Replace(ln.raw, hyph, "", 1)
			}
		}
		if strings.HasSuffix(ln.s, soft) {
			ln.s = strings.TrimRight(strings.TrimSuffix(ln.s, soft), " ") + "-"
			ln.raw = strings.TrimRight(strings.TrimRight(ln.raw, " "), soft) + "-"
			after = true
		}
		ln.s = strings.ReplaceAll(ln.s, soft, "")
		ln.raw = strings.ReplaceAll(ln.raw, soft, "")
		out = append(out, ln)
	}
	return out
}

// ptSplit splits decoded text into lines and numbers the pages. Text
// that kept its layout has its tabs expanded to stops of eight, and a
// leading blank there is indentation, not a page start.
func ptSplit(s string, kept bool) []ptLine {
	var out []ptLine
	page, pending := 1, false
	seen := false
	for _, raw := range strings.Split(s, "\n") {
		parts := strings.Split(raw, "\f")
		for pi, p := range parts {
			if pi > 0 && seen {
				page++
				pending = true
			}
			if kept {
				p = ptExpandTabs(p)
			}
			p = strings.Map(func(r rune) rune {
				if r == '\t' || r == '\u00a0' {
					return ' '
				}
				if unicode.IsControl(r) {
					return -1
				}
				return r
			}, p)
			t := strings.TrimSpace(p)
			ln := ptLine{s: t, raw: p, page: page}
			if t != "" {
				if m := ptPageMarkRe.FindStringSubmatch(t); m != nil {
					ln.drop = true
					out = append(out, ln)
					page++
					pending = true
					continue
				}
				if !kept && !pending && seen && strings.HasPrefix(p, " ") && !strings.HasPrefix(p, "  ") {
					page++
					pending = true
				}
				ln.page = page
				ln.brk = pending
				pending = false
				seen = true
			}
			out = append(out, ln)
		}
	}
	// trailing blank lines carry no information
	for len(out) > 0 && out[len(out)-1].s == "" {
		out = out[:len(out)-1]
	}
	return out
}

// ptExpandTabs replaces tabs with the spaces to the next stop of eight.
func ptExpandTabs(s string) string {
	if !strings.ContainsRune(s, '\t') {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// ptDropTOC removes a table of contents: the span between the first and the
// last of at least three lines ending in dotted leaders (with or without
// a page number), where consecutive leader lines are close together.
func ptDropTOC(lines []ptLine) []ptLine {
	var idx []int
	for i, ln := range lines {
		if ln.s != "" && ptLeaderRe.MatchString(ln.s) {
			idx = append(idx, i)
		}
	}
	// runs of leader lines no more than 8 lines apart
	for a := 0; a < len(idx); {
		b := a
		for b+1 < len(idx) && idx[b+1]-idx[b] <= 8 {
			b++
		}
		if b-a+1 >= 3 {
			for i := idx[a]; i <= idx[b]; i++ {
				lines[i].drop = true
			}
		}
		a = b + 1
	}
	return lines
}

// ptDropFurniture marks page furniture: bare page numbers, lines repeated
// next to page boundaries (running heads and footers) and blocks of long
// lines printed verbatim more than once (closing footers).
func ptDropFurniture(lines []ptLine) []ptLine {
	dist := ptEdgeDistance(lines)
	near := make([]bool, len(lines))
	for i, d := range dist {
		near[i] = d < 3
	}
	total := map[string]int{}
	atEdge := map[string]int{}
	for i, ln := range lines {
		if ln.s == "" || ln.drop {
			continue
		}
		k := ptFurnitureKey(ln.s)
		total[k]++
		if near[i] {
			atEdge[k]++
		}
	}
	for i := range lines {
		ln := &lines[i]
		if ln.s == "" || ln.drop {
			continue
		}
		if ptPageNumRe.MatchString(ln.s) {
			ln.drop = true
			continue
		}
		if _, h := ptHeading(ln.s); h || ptHeaderish(ln.s) {
			continue // headings and table headers repeated on each page are read later
		}
		k := ptFurnitureKey(ln.s)
		if strings.ContainsFunc(ln.s, unicode.IsLetter) && near[i] && atEdge[k] >= 3 && atEdge[k]*5 >= total[k]*4 &&
			utf8.RuneCountInString(ln.s) <= 80 && !ptIsStatus(ln.s) && !ptRunsOn(lines, i) {
			ln.drop = true
		}
	}
	// blocks of two long lines printed verbatim more than once
	nb := ptNonBlank(lines)
	pairs := map[string][]int{}
	for j := 0; j+1 < len(nb); j++ {
		a, b := lines[nb[j]].s, lines[nb[j+1]].s
		if utf8.RuneCountInString(a) >= 25 && utf8.RuneCountInString(b) >= 25 && (dist[nb[j]] == 0 || dist[nb[j+1]] == 0) {
			pairs[a+"\n"+b] = append(pairs[a+"\n"+b], j)
		}
	}
	dropped := ptDropRepeatedTail(lines, nb)
	for _, js := range pairs {
		if len(js) < 2 {
			continue
		}
		for _, j := range js {
			lines[nb[j]].drop, lines[nb[j+1]].drop = true, true
			dropped = true
		}
	}
	if dropped {
		// a short line repeated only beside dropped furniture is part of it
		// ("www.example.se" under a closing footer)
		nb = ptNonBlank(lines)
		beside := map[string][2]int{}
		for j, i := range nb {
			if lines[i].drop {
				continue
			}
			prevDrop := j == 0 || lines[nb[j-1]].drop
			nextDrop := j == len(nb)-1 || lines[nb[j+1]].drop
			c := beside[lines[i].s]
			c[0]++
			if prevDrop && nextDrop {
				c[1]++
			}
			beside[lines[i].s] = c
		}
		for _, i := range nb {
			if c := beside[lines[i].s]; c[0] >= 2 && c[0] == c[1] {
				lines[i].drop = true
			}
		}
	}
	out := lines[:0:0]
	carry := false
	for _, ln := range lines {
		if ln.drop {
			// the page start moves to the next line that survives
			carry = carry || ln.brk
			continue
		}
		if carry && ln.s != "" {
			ln.brk, carry = true, false
		}
		out = append(out, ln)
	}
	return out
}

// ptDropRepeatedTail drops a closing block printed twice at the very end
// (a back cover repeated): the last k non-blank lines equal the k before.
func ptDropRepeatedTail(lines []ptLine, nb []int) bool {
	n := len(nb)
	for k := min(n/2, 12); k >= 2; k-- {
		same := true
		for d := 0; d < k && same; d++ {
			same = lines[nb[n-k+d]].s == lines[nb[n-2*k+d]].s
		}
		if same {
			for _, i := range nb[n-2*k:] {
				lines[i].drop = true
			}
			return true
		}
	}
	return false
}

// ptRunsOn: the line's text goes on in the next line (a hyphen, or a
// lower-case continuation: "Norra" / "sjukvårdsregionen ska …"), so it is
// content even where it repeats at page edges.
func ptRunsOn(lines []ptLine, i int) bool {
	if strings.HasSuffix(lines[i].s, "-") {
		return true
	}
	for j := i + 1; j < len(lines); j++ {
		if lines[j].s != "" {
			return !lines[j].drop && ptStartsLower(lines[j].s)
		}
	}
	return false
}

// ptFurnitureKey folds the page number out of a running head or footer
// ("Sida 3", "Plan 2022 – 4"); a line of digits alone (a year in a
// table cell) keeps its digits.
func ptFurnitureKey(s string) string {
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		return s
	}
	return ptDigitRe.ReplaceAllString(s, "#")
}

func ptNonBlank(lines []ptLine) []int {
	var nb []int
	for i, ln := range lines {
		if ln.s != "" && !ln.drop {
			nb = append(nb, i)
		}
	}
	return nb
}

// ptEdgeDistance counts, for each non-blank line, the non-blank lines
// between it and the nearest page boundary: a page start, a run of three
// or more blank lines, or either end of the file (0: the line touches
// one). Blank lines get a large distance.
func ptEdgeDistance(lines []ptLine) []int {
	dist := make([]int, len(lines))
	for i := range dist {
		dist[i] = 1 << 20
	}
	nb := ptNonBlank(lines)
	edge := make([]bool, len(nb)+1) // edge[j]: boundary before nb[j]
	edge[0], edge[len(nb)] = true, true
	for j := 1; j < len(nb); j++ {
		i := nb[j]
		if lines[i].brk || i-nb[j-1]-1 >= 3 {
			edge[j] = true
		}
	}
	last := -1 << 20
	for j := range nb {
		if edge[j] {
			last = j
		}
		dist[nb[j]] = j - last
	}
	next := 1 << 20
	for j := len(nb) - 1; j >= 0; j-- {
		if edge[j+1] {
			next = j
		}
		dist[nb[j]] = min(dist[nb[j]], next-j)
	}
	return dist
}

// ptIsStatus: the line is a status and nothing else (rccplans.StatusPhrase),
// or a status with its reason after a dash (ptStatusReason); statuses
// repeat at page ends without being furniture.
func ptIsStatus(s string) bool {
	return rccplans.StatusPhrase(s) != "" || ptStatusReason(s)
}

// ptStatusReason: a status, a dash and a reason of one to three words in
// lower case ("Pågår – försenad", "Ej påbörjad – resursbrist", "Pågår –
// enligt plan"). The status word leads, so the status stays readable
// (rccplans.StatusOf); a sentence after the dash is a remark, no status.
func ptStatusReason(s string) bool {
	for _, d := range []string{" – ", " - ", " — "} {
		head, tail, ok := strings.Cut(s, d)
		if !ok {
			continue
		}
		n := len(strings.Fields(tail))
		return n >= 1 && n <= 3 && ptStartsLower(tail) && rccplans.StatusPhrase(head) != ""
	}
	return false
}
