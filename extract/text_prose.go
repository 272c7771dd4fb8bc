package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// Prose of layout-lost text: headings, paragraphs and small numeric
// tables. Plan tables are found first (text_table.go); the lines between
// them are read here.

var (
	ptKapitelRe  = regexp.MustCompile(`^(?i:kapitel)\s+\d{1,2}$`)
	ptChapTailRe = regexp.MustCompile(`^\S.{2,80},\s*(?i:kapitel)\s+\d{1,2}$`)
	ptBilagaRe   = regexp.MustCompile(`^(?i:bilaga)\s+(\d{1,2}(?:\.\d{1,2})*)[:.]?(?:\s+(\S.*))?$`)
	ptNumHeadRe  = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){0,4})(\.?)\s+(\p{Lu}.*)$`)
	ptStructRe   = regexp.MustCompile(`^(?i:förkortningar|förkortningslista|förkortningar och begrepp|begrepp och förkortningar|ordlista|innehåll|innehållsförteckning|bakgrund|inledning|sammanfattning|referenser|bilagor)$`)
	ptBulletRe   = regexp.MustCompile(`^[\x{F0B7}\x{2022}\x{25AA}\x{25CF}\x{25E6}\x{F0A7}\x{2023}\x{2043}]\s*`)
	ptTableCapRe = regexp.MustCompile(`^(?i:tabell|table)\s+\d+`)
	ptNumValRe   = regexp.MustCompile(`[-–]?\d[\d\s]*(?:[.,]\d+)?(?:\s?%)?`)
	ptNumRowRe   = regexp.MustCompile(`^(\S.*?)((?:\s+[-–]?\d[\d]*(?:[.,]\d+)?(?:\s?%)?)+)$`)
	ptYearsRe    = regexp.MustCompile(`^(?:(?:19|20)\d\d)(?:\s+(?:19|20)\d\d)*$`)
)

// ptHeading tells whether a line is a heading and at which level
// (1 = chapter; 0 = unknown rank).
func ptHeading(s string) (level int, ok bool) {
	if utf8.RuneCountInString(s) > 160 {
		return 0, false
	}
	switch {
	case ptKapitelRe.MatchString(s), ptChapTailRe.MatchString(s):
		return 1, true
	case ptBilagaRe.MatchString(s):
		m := ptBilagaRe.FindStringSubmatch(s)
		return strings.Count(m[1], ".") + 1, true
	case ptStructRe.MatchString(strings.TrimRight(s, ":")):
		return 0, true
	}
	m := ptNumHeadRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	depth := strings.Count(m[1], ".") + 1
	title := m[3]
	if depth == 1 && m[2] == "" && utf8.RuneCountInString(s) > 80 {
		return 0, false
	}
	// a sentence, not a title
	if strings.HasSuffix(title, ".") && len(strings.Fields(title)) > 12 {
		return 0, false
	}
	// "3.a) Område" and "2.5 %" are not headings
	if strings.HasPrefix(title, ")") {
		return 0, false
	}
	return depth, true
}

// ptProse reads the lines of a stretch of prose into blocks.
func ptProse(lines []ptLine) []rccplans.Block {
	var out []rccplans.Block
	var para []ptLine
	afterKapitel := false
	flush := func() {
		if len(para) == 0 {
			return
		}
		out = append(out, rccplans.Block{Kind: rccplans.BlockParagraph, Page: para[0].page, Text: ptJoin(ptTexts(para))})
		para = nil
	}
	// groups of consecutive non-blank lines
	var groups [][]ptLine
	var cur []ptLine
	for _, ln := range lines {
		if ln.s == "" {
			if len(cur) > 0 {
				groups = append(groups, cur)
				cur = nil
			}
			continue
		}
		if len(cur) > 0 && ln.brk && ptBreakSplits(cur[len(cur)-1].s, ln.s) {
			groups = append(groups, cur)
			cur = nil
		}
		cur = append(cur, ln)
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	for gi := 0; gi < len(groups); gi++ {
		g := groups[gi]
		if tb, n := ptNumericTable(groups[gi:]); n > 0 {
			out = append(out, tb)
			gi += n - 1
			continue
		}
		for i := 0; i < len(g); i++ {
			ln := g[i]
			startOK := i == 0 || ln.brk || ptEndsSentence(g[i-1].s)
			if lvl, ok := ptHeading(ln.s); ok && startOK {
				flush()
				title := []string{ln.s}
				// a title wrapped over a few short lines ends at the blank line
				j := i + 1
				if j < len(g) && j+2 >= len(g) && ptHeadingContinues(ln.s, g[j:]) {
					for ; j < len(g); j++ {
						title = append(title, g[j].s)
					}
				}
				if ptKapitelRe.MatchString(ln.s) {
					afterKapitel = true
				} else if afterKapitel {
					afterKapitel = false
				}
				out = append(out, rccplans.Block{Kind: rccplans.BlockHeading, Page: ln.page, Level: lvl, Text: ptJoin(title)})
				i = j - 1
				continue
			}
			// the one-line title printed under "KAPITEL N"
			if afterKapitel && len(g) == 1 && !ptEndsSentence(ln.s) {
				flush()
				out = append(out, rccplans.Block{Kind: rccplans.BlockHeading, Page: ln.page, Level: 1, Text: ln.s})
				afterKapitel = false
				continue
			}
			afterKapitel = false
			if m := ptBulletRe.FindString(ln.s); m != "" {
				flush()
				ln.s = strings.TrimSpace(ln.s[len(m):])
				if ln.s == "" {
					continue
				}
			}
			para = append(para, ln)
		}
		flush()
	}
	return out
}

// ptHeadingContinues: the lines after a heading line are the rest of its
// title when the heading was cut (it ends in a hyphen), or when it is long
// and they are a few words without a colon or a closing period.
func ptHeadingContinues(head string, rest []ptLine) bool {
	if strings.HasSuffix(head, "-") {
		return true
	}
	for _, r := range rest {
		if strings.ContainsAny(r.s, ":") || ptEndsSentence(r.s) || len(strings.Fields(r.s)) > 5 {
			return false
		}
	}
	return utf8.RuneCountInString(head) >= 40 || len(rest) == 1 && ptStartsLower(rest[0].s)
}

// ptBreakSplits tells whether a page break between two lines also ends
// a paragraph: the first ends a sentence or a table row, or the second
// starts with a capital after a line that does not run on.
func ptBreakSplits(prev, next string) bool {
	if ptEndsSentence(prev) {
		return true
	}
	if _, _, ok := ptNumericRow(prev); ok {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) && !strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, ",")
}

func ptStartsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func ptEndsSentence(s string) bool {
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

func ptTexts(ls []ptLine) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.s
	}
	return out
}

// ptJoin joins printed lines like rccplans.JoinLines, but glues a URL
// cut at a hyphen or slash to its continuation without a space and keeps
// the hyphen ("…/vara-" + "uppdrag/…").
func ptJoin(lines []string) string {
	var merged []string
	for _, l := range lines {
		if n := len(merged); n > 0 {
			prev := merged[n-1]
			f := strings.Fields(prev)
			last := ""
			if len(f) > 0 {
				last = f[len(f)-1]
			}
			if (strings.Contains(last, "://") || strings.HasPrefix(last, "www.")) && strings.HasSuffix(last, "-") || strings.Contains(last, "://") && strings.HasSuffix(last, "/") {
				merged[n-1] = prev + strings.TrimSpace(l)
				continue
			}
		}
		merged = append(merged, l)
	}
	return rccplans.JoinLines(merged)
}

// ptNumericTable reads a small numeric table from the start of groups: an
// optional header line of years ("2020 2021") and at least two lines of a
// label followed by the same number of values ("Riket 73 % 75 %"). It
// returns the table block and the number of groups used (0: no table).
func ptNumericTable(groups [][]ptLine) (rccplans.Block, int) {
	var lines []ptLine
	var ng []int // group index of each line
	for gi, g := range groups {
		if gi > 12 {
			break
		}
		for _, l := range g {
			lines = append(lines, l)
			ng = append(ng, gi)
		}
	}
	if len(lines) == 0 {
		return rccplans.Block{}, 0
	}
	t := &rccplans.Table{}
	i := 0
	k := 0
	if ptYearsRe.MatchString(lines[0].s) {
		k = len(strings.Fields(lines[0].s))
		t.Header = [][]string{append([]string{""}, strings.Fields(lines[0].s)...)}
		i = 1
	}
	start := i
	for ; i < len(lines); i++ {
		label, vals, ok := ptNumericRow(lines[i].s)
		if !ok || (k > 0 && len(vals) != k) || len(strings.Fields(label)) > 6 {
			break
		}
		k = len(vals)
		cells := []rccplans.Cell{{Text: label}}
		for _, v := range vals {
			cells = append(cells, rccplans.Cell{Text: v})
		}
		t.Rows = append(t.Rows, rccplans.Row{Page: lines[i].page, Cells: cells})
	}
	if len(t.Rows) < 2 || i-start < 2 {
		return rccplans.Block{}, 0
	}
	// only whole groups
	used := ng[i-1] + 1
	if i < len(lines) && ng[i] == ng[i-1] {
		return rccplans.Block{}, 0
	}
	if t.Header == nil {
		h := make([]string, k+1)
		t.Header = [][]string{h}
	}
	return rccplans.Block{Kind: rccplans.BlockTable, Page: lines[0].page, Table: t}, used
}

func ptNumericRow(s string) (label string, vals []string, ok bool) {
	m := ptNumRowRe.FindStringSubmatch(s)
	if m == nil {
		return "", nil, false
	}
	label = strings.TrimSpace(m[1])
	r, _ := utf8.DecodeRuneInString(label)
	if !unicode.IsLetter(r) {
		return "", nil, false
	}
	for _, v := range regexp.MustCompile(`[-–]?\d+(?:[.,]\d+)?(?:\s?%)?`).FindAllString(m[2], -1) {
		vals = append(vals, strings.TrimSpace(v))
	}
	return label, vals, len(vals) > 0
}
