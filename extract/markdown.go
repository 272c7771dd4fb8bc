package extract

import (
	"fmt"
	"regexp"
	"strings"

	"rccplans"
)

// Markdown reads markdown as web-page and document converters write it:
// ATX ("## …") and setext headings with their level, paragraphs, list
// items (an ordered item keeps its printed number: "3. …"), and tables in
// three forms: tab-separated lines, pipe tables, and raw HTML <table>
// blocks. Cells may hold inline HTML (<b>, <p>, <ul><li>, <br>), which is
// read to plain text with paragraphs and items joined by single spaces.
//
// Inside a tab or pipe table, a row with text in its first cell only
// (plain or <b>…</b>) standing right above a header row is a sub-heading,
// not a row: it becomes a heading at the rank of the heading that
// introduced the previous table. A header row repeated inside a table is
// dropped; one after body rows starts a new table.
func Markdown(name string, data []byte) (l *rccplans.Layout, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, rccplans.Located(name, 0, fmt.Errorf("%w: markdown reader panic: %v", ErrMalformed, r))
		}
	}()
	p := &mdParser{}
	p.parse(string(data))
	l = &rccplans.Layout{SourceFile: name, Format: FormatMarkdown, Blocks: p.out.blocks}
	if len(l.Blocks) == 0 {
		return l, rccplans.Located(name, 0, ErrNoText)
	}
	return l, nil
}

type mdParser struct {
	out   blockList
	para  []string
	rows  []mrow
	pipe  bool // the pending rows are a pipe table
	inTbl bool
}

var (
	atxHeading  = regexp.MustCompile(`^(#{1,6})(?:\s+(.*?))?\s*#*\s*$`)
	listItem    = regexp.MustCompile(`^\s{0,8}(?:([-*+•])|(\d{1,3}[.)]))\s+(.*)$`)
	htmlHeading = regexp.MustCompile(`(?i)^<h([1-6])(?:\s[^>]*)?>(.*?)</h[1-6]>$`)
	setextLine  = regexp.MustCompile(`^(=+|-+)\s*$`)
	ruleLine    = regexp.MustCompile(`^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$`)
	pipeDelim   = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`)
	fenceLine   = regexp.MustCompile("^\\s{0,3}(```|~~~)")
	autolink    = regexp.MustCompile(`<((?:https?|ftp|mailto):[^>\s]+)>`)
	mdLink      = regexp.MustCompile(`!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)`)
	strongStars = regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*`)
	strongUnder = regexp.MustCompile(`(^|\W)__(\S(?:.*?\S)?)__(\W|$)`)
	emStar      = regexp.MustCompile(`(^|[^\w*])\*(\S(?:[^*]*?\S)?)\*([^\w*]|$)`)
	emUnder     = regexp.MustCompile(`(^|[^\w])_(\S(?:[^_]*?\S)?)_([^\w]|$)`)
	codeSpan    = regexp.MustCompile("`([^`]+)`")
	mdEscape    = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|<>])`)
)

func (p *mdParser) parse(src string) {
	src = strings.TrimPrefix(src, "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	src = strings.ReplaceAll(src, "\r", "\n")
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		t := strings.TrimSpace(ln)
		switch {
		case t == "":
			p.flushPara()
			p.flushTable()
		case fenceLine.MatchString(ln):
			p.flushAll()
			fence := fenceLine.FindStringSubmatch(ln)[1]
			var body []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), fence); i++ {
				body = append(body, lines[i])
			}
			if s := joinMarkupLines(body); s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockParagraph, Text: s})
			}
		case strings.HasPrefix(strings.ToLower(t), "<table"):
			p.flushAll()
			var b strings.Builder
			for ; i < len(lines); i++ {
				b.WriteString(lines[i])
				b.WriteByte('\n')
				if strings.Contains(strings.ToLower(lines[i]), "</table>") {
					break
				}
			}
			p.htmlTable(b.String())
		case strings.Contains(ln, "\t") && !p.pipe:
			p.flushPara()
			p.inTbl = true
			p.rows = append(p.rows, mdRow(strings.Split(ln, "\t")))
		case isPipeRow(t) && (p.pipe || (i+1 < len(lines) && pipeDelim.MatchString(lines[i+1]))):
			p.flushPara()
			if !p.pipe {
				p.flushTable()
				p.pipe, p.inTbl = true, true
			}
			if i+1 < len(lines) && pipeDelim.MatchString(lines[i+1]) {
				r := mdRow(splitPipes(t))
				r.header = true
				p.rows = append(p.rows, r)
				i++
				continue
			}
			p.rows = append(p.rows, mdRow(splitPipes(t)))
		case htmlHeading.MatchString(t):
			p.flushAll()
			m := htmlHeading.FindStringSubmatch(t)
			if s := mdInline(m[2]); s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: s, Level: int(m[1][0] - '0')})
			}
		case atxHeading.MatchString(t) && !strings.HasPrefix(t, "#!"):
			p.flushAll()
			m := atxHeading.FindStringSubmatch(t)
			if s := mdInline(m[2]); s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: s, Level: len(m[1])})
			}
		case len(p.para) == 1 && !p.inTbl && setextLine.MatchString(t) && !listItem.MatchString(p.para[0]):
			lv := 1
			if t[0] == '-' {
				lv = 2
			}
			s := mdInline(p.para[0])
			p.para = nil
			if s != "" {
				p.out.add(rccplans.Block{Kind: rccplans.BlockHeading, Text: s, Level: lv})
			}
		case ruleLine.MatchString(ln):
			p.flushAll()
		case listItem.MatchString(ln):
			p.flushAll()
			m := listItem.FindStringSubmatch(ln)
			text := m[3]
			if m[2] != "" {
				text = strings.TrimSuffix(m[2], ")")
				text = strings.TrimSuffix(text, ".") + ". " + m[3]
			}
			p.para = append(p.para, text)
		default:
			if p.inTbl {
				p.flushTable()
			}
			p.para = append(p.para, strings.TrimPrefix(strings.TrimLeft(ln, " "), "> "))
		}
	}
	p.flushAll()
}

func (p *mdParser) flushAll() {
	p.flushPara()
	p.flushTable()
}

func (p *mdParser) flushPara() {
	if len(p.para) == 0 {
		return
	}
	s, bold := mdInlineBold(rccplans.JoinLines(p.para))
	p.para = nil
	if s != "" {
		p.out.add(rccplans.Block{Kind: rccplans.BlockParagraph, Text: s, Bold: bold})
	}
}

func (p *mdParser) flushTable() {
	rows := squareRows(p.rows)
	p.rows, p.pipe, p.inTbl = nil, false, false
	if len(rows) == 0 {
		return
	}
	p.addTable(tableBlocks(rows, 0))
}

// addTable adds a table's blocks; a bold paragraph right above a table
// that opens with its header is a sub-heading.
func (p *mdParser) addTable(bls []rccplans.Block) {
	if k := len(p.out.blocks); k > 0 && len(bls) > 0 && bls[0].Kind == rccplans.BlockTable && len(bls[0].Table.Header) > 0 {
		if last := p.out.blocks[k-1]; last.Kind == rccplans.BlockParagraph && last.Bold && boldHeading(last.Text) {
			p.out.blocks = p.out.blocks[:k-1]
			last.Kind = rccplans.BlockHeading
			p.out.add(last)
		}
	}
	for _, b := range bls {
		p.out.add(b)
	}
}

func (p *mdParser) htmlTable(s string) {
	l, err := HTML("", []byte("<html><body>"+s+"</body></html>"))
	if err != nil || l == nil {
		return
	}
	var bls []rccplans.Block
	for _, b := range l.Blocks {
		if b.Kind == rccplans.BlockHeading {
			b.Level = 0 // a caption row or bold line: settled by blockList
		}
		bls = append(bls, b)
	}
	p.addTable(bls)
}

func isPipeRow(t string) bool {
	return strings.HasPrefix(t, "|") || strings.Count(strings.ReplaceAll(t, `\|`, ""), "|") >= 2
}

// splitPipes splits a pipe-table line at unescaped pipes, dropping the
// outer ones.
func splitPipes(t string) []string {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		t = t[:len(t)-1]
	}
	var out []string
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\\' && i+1 < len(t) && t[i+1] == '|':
			b.WriteByte('|')
			i++
		case t[i] == '|':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(t[i])
		}
	}
	return append(out, b.String())
}

// mdRow reads the cells of one table line.
func mdRow(cells []string) mrow {
	r := mrow{cells: make([]mcell, len(cells))}
	for i, c := range cells {
		text, bold := mdInlineBold(c)
		r.cells[i] = mcell{text: text, bold: bold}
	}
	return r
}

// mdInline reads inline markdown and HTML to plain text.
func mdInline(s string) string {
	t, _ := mdInlineBold(s)
	return t
}

// mdInlineBold reads inline markdown and HTML to plain text and tells
// whether all of it was bold (<b>, <strong> or **…**).
func mdInlineBold(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	allStrong := false
	if m := strongStars.FindStringSubmatch(s); m != nil && m[0] == s {
		allStrong = true
	}
	s = autolink.ReplaceAllString(s, "$1")
	s = mdLink.ReplaceAllString(s, "$1")
	s = codeSpan.ReplaceAllString(s, "$1")
	s = strongStars.ReplaceAllString(s, "$1")
	s = strongUnder.ReplaceAllString(s, "$1$2$3")
	s = emStar.ReplaceAllString(s, "$1$2$3")
	s = emUnder.ReplaceAllString(s, "$1$2$3")
	// Escapes last but one, so that "\*" survives the emphasis rules; the
	// HTML reading last, so that "&amp;" and tags are read once.
	s = mdEscape.ReplaceAllStringFunc(s, func(e string) string {
		if e[1] == '<' {
			return "&lt;"
		}
		if e[1] == '>' {
			return "&gt;"
		}
		return e[1:]
	})
	text, bold := inlineHTML(s)
	return text, bold || allStrong
}
