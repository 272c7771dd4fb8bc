package extract

import (
	"fmt"
	"regexp"
	"strings"

	"rccplans"
)

// Org reads an Emacs org-mode file: "* "/"** " headings with their level
// (TODO keywords, priorities and :tags: dropped), "#+TITLE:" as the
// document's title (a heading of level 1, the outline's headings ranking
// below it), paragraphs, list items, and org tables. Other "#+KEY:" lines
// (author, date, options), "# " comments, property drawers and the
// "#+BEGIN_COMMENT" blocks are not text; the contents of other
// "#+BEGIN_…" blocks are paragraphs.
//
// An org table is a run of lines opening with "|". Its rule lines
// ("|---+---|") part it: the rows above the first rule are the header.
// When rules also part the body rows, each part is one row whose cells
// run over several lines (the lines of a column are joined as a wrapped
// paragraph, "tjock-" + "och" kept as a suspended compound); otherwise
// each line is a row. Org has no merged cells.
//
// Limits: inline markup is read for *bold*, /italic/, =code=, ~code~,
// +strike+ and [[link][description]] only; a column-formula line
// ("#+TBLFM:") is dropped.
func Org(name string, data []byte) (l *rccplans.Layout, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, rccplans.Located(name, 0, fmt.Errorf("%w: org reader panic: %v", ErrMalformed, r))
		}
	}()
	p := &orgParser{}
	p.parse(string(data))
	l = &rccplans.Layout{SourceFile: name, Format: FormatOrg, Blocks: p.out.blocks}
	if len(l.Blocks) == 0 {
		return l, rccplans.Located(name, 0, ErrNoText)
	}
	return l, nil
}

var (
	orgHeading  = regexp.MustCompile(`^(\*+)\s+(.*?)\s*$`)
	orgKeyword  = regexp.MustCompile(`^#\+(\w+):\s*(.*?)\s*$`)
	orgBegin    = regexp.MustCompile(`(?i)^#\+begin_(\w+)`)
	orgRule     = regexp.MustCompile(`^\|[-+:|]*-[-+:|]*$`)
	orgTodo     = regexp.MustCompile(`^(?:TODO|DONE|NEXT|WAITING)\s+`)
	orgPriority = regexp.MustCompile(`^\[#[A-Z]\]\s+`)
	orgTags     = regexp.MustCompile(`\s+:[\w@#%:]+:$`)
	orgLink     = regexp.MustCompile(`\[\[([^\]]*)\](?:\[([^\]]*)\])?\]`)
	orgList     = regexp.MustCompile(`^\s*(?:[-+]|\d{1,3}[.)])\s+(.*)$`)
)

type orgParser struct {
	out      blockList
	para     []string
	outline  int // levels added to "*" headings: 1 under a #+TITLE
	hasTitle bool
	wrapped  bool // some table of the document wraps its rows over lines
}

func (p *orgParser) parse(src string) {
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines) && !p.wrapped; {
		j := i
		for j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "|") {
			j++
		}
		p.wrapped = orgWrapped(lines[i:j])
		i = j + 1
	}
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		t := strings.TrimSpace(ln)
		switch {
		case t == "":
			p.flushPara()
		case strings.HasPrefix(t, "|"):
			p.flushPara()
			j := i
			for j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "|") {
				j++
			}
			for _, b := range tableBlocks(squareRows(orgTable(lines[i:j], p.wrapped)), 0, p.out.ranked) {
				p.out.add(b)
			}
			i = j - 1
		case orgBegin.MatchString(t):
			p.flushPara()
			kind := strings.ToLower(orgBegin.FindStringSubmatch(t)[1])
			end := "#+end_" + kind
			var body []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.ToLower(strings.TrimSpace(lines[i])), end); i++ {
				body = append(body, lines[i])
			}
			if kind != "comment" {
				if s := joinMarkupLines(body); s != "" {
					p.out.add(rccplans.Block{Kind: rccplans.BlockParagraph, Text: s})
				}
			}
		case orgKeyword.MatchString(t):
			p.flushPara()
			m := orgKeyword.FindStringSubmatch(t)
			if strings.EqualFold(m[1], "title") && m[2] != "" && !p.hasTitle {
				// a title given after headings would rank with them
				p.hasTitle = true
				if len(p.out.blocks) == 0 || p.outline > 0 {
					p.outline = 1
				}
				p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: orgInline(m[2]), Level: 1})
			}
		case t == "#" || strings.HasPrefix(t, "# "):
			p.flushPara() // a comment line
		case strings.EqualFold(t, ":PROPERTIES:") || strings.EqualFold(t, ":LOGBOOK:"):
			p.flushPara()
			for i < len(lines) && !strings.EqualFold(strings.TrimSpace(lines[i]), ":END:") {
				i++
			}
		case orgHeading.MatchString(ln):
			p.flushPara()
			m := orgHeading.FindStringSubmatch(ln)
			s := orgTags.ReplaceAllString(m[2], "")
			s = orgPriority.ReplaceAllString(orgTodo.ReplaceAllString(s, ""), "")
			if s = orgInline(s); s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: s, Level: min(len(m[1])+p.outline, 9)})
			}
		case orgList.MatchString(ln):
			p.flushPara()
			p.para = append(p.para, orgList.FindStringSubmatch(ln)[1])
		default:
			p.para = append(p.para, t)
		}
	}
	p.flushPara()
}

func (p *orgParser) flushPara() {
	if len(p.para) == 0 {
		return
	}
	s := orgInline(rccplans.JoinLines(p.para))
	p.para = nil
	if s != "" {
		p.out.add(rccplans.Block{Kind: rccplans.BlockParagraph, Text: s})
	}
}

// orgParts splits the lines of one org table at its rule lines. closed
// tells whether a rule follows the last part.
func orgParts(lines []string) (parts [][]string, closed bool) {
	var cur []string
	for _, ln := range lines {
		t := strings.TrimSpace(ln)
		if orgRule.MatchString(t) {
			if len(cur) > 0 {
				parts = append(parts, cur)
				cur = nil
			}
			closed = true
			continue
		}
		cur = append(cur, t)
		closed = false
	}
	if len(cur) > 0 {
		parts = append(parts, cur)
	}
	return parts, closed
}

// orgWrapped: a table whose rules part its body rows (a header part and
// two or more body parts) writes a row over several lines.
func orgWrapped(lines []string) bool {
	parts, _ := orgParts(lines)
	return len(parts) > 2
}

// orgTable reads the lines of one org table into rows. Rows wrap over
// lines when rules part the body rows; a table of a header and a single
// body part closed by a rule is ambiguous (one wrapped row, or a row a
// line under a bottom rule) and is read as the document's other tables
// are (wrapped tells).
func orgTable(lines []string, wrapped bool) []mrow {
	parts, closed := orgParts(lines)
	header := len(parts) > 1 // the rows above the first rule
	wrap := len(parts) > 2 || len(parts) == 2 && closed && wrapped
	var rows []mrow
	for k, part := range parts {
		if k == 0 && header {
			rows = append(rows, orgRow(part, true))
			continue
		}
		if !wrap {
			for _, ln := range part {
				rows = append(rows, orgRow([]string{ln}, false))
			}
			continue
		}
		rows = append(rows, orgRow(part, false))
	}
	return rows
}

// orgRow joins the lines of one row column by column.
func orgRow(lines []string, header bool) mrow {
	var cols [][]string
	for _, ln := range lines {
		for j, c := range splitPipes(ln) {
			for len(cols) <= j {
				cols = append(cols, nil)
			}
			cols[j] = append(cols[j], c)
		}
	}
	if len(cols) > markupMaxCols {
		cols = cols[:markupMaxCols]
	}
	r := mrow{header: header, cells: make([]mcell, len(cols))}
	for j, c := range cols {
		r.cells[j] = mcell{text: orgInline(rccplans.JoinLines(c))}
	}
	return r
}

// orgEmph: a marker pair around text that neither starts nor ends with
// a blank, the opening one after a blank or an opening punctuation and the
// closing one before a blank or punctuation (org's own rule, so "a/b/c",
// "3 * 4" and "x_1" stay as written).
var orgEmph = func() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, c := range "*/=~+_" {
		m, k := regexp.QuoteMeta(string(c)), string(c)
		out = append(out, regexp.MustCompile(`(^|[\s('"{-])`+m+`([^\s`+k+`](?:[^`+k+`]*?[^\s])?)`+m+`([\s)'".,;:!?}-]|$)`))
	}
	return out
}()

// orgInline reads org inline markup to plain text.
func orgInline(s string) string {
	s = orgLink.ReplaceAllStringFunc(s, func(m string) string {
		g := orgLink.FindStringSubmatch(m)
		if g[2] != "" {
			return g[2]
		}
		return g[1]
	})
	for _, re := range orgEmph { // outer markers first: "*/viktigt/*"
		s = re.ReplaceAllString(s, "$1$2$3")
	}
	return strings.Join(strings.Fields(s), " ")
}
