package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"rccplans"
)

// Bounds on what a .docx may make us read: a zip bomb (a small archive
// that inflates to gigabytes) or an XML nesting attack fails the document
// with ErrTooLarge instead of exhausting memory or stack.
const (
	docxMaxPart    = 64 << 20 // bytes of one inflated XML part
	docxMaxEntries = 10000    // files in the archive
	docxMaxDepth   = 256      // XML element nesting
)

// DOCX reads a Word .docx file straight from its XML: body paragraphs
// become headings (by paragraph style, resolved through word/styles.xml,
// or by outline level) and paragraphs; w:tbl tables become rectangular
// grids with column spans (w:gridSpan) and row spans (w:vMerge) filled in
// and marked Spanned, repeated header rows (w:tblHeader) as Table.Header.
// Nested tables are flattened into the text of the cell that holds them.
// One-text rows stacked inside a table are captions (headings between
// table parts) unless they stand under the column header with their other
// cells empty and unmerged: then they are the plan's levels printed one
// under the other in the first column, and stay rows.
// Word's list numbers are printed, so they are text ("1." before a goal),
// except in a cell holding two or more items of one list: those numbers
// are list marks, dropped as bullets in cells are.
// A .docx has no fixed pages: Block.Page counts explicit and last-rendered
// page breaks from 1, which is only as good as the last save made it; a
// file with no break recorded at all has pages 0 (unknown).
//
// Known limits: text boxes and shapes are read inline with the paragraph
// that anchors them; tracked deletions are dropped and insertions kept;
// fields show their last computed result.
func DOCX(name string, data []byte) (l *rccplans.Layout, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, rccplans.Located(name, 0, fmt.Errorf("%w: docx reader panic: %v", ErrMalformed, r))
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, rccplans.Located(name, 0, fmt.Errorf("%w: %v", ErrMalformed, err))
	}
	if len(zr.File) > docxMaxEntries {
		return nil, rccplans.Located(name, 0, fmt.Errorf("%w: %d files in the archive", ErrTooLarge, len(zr.File)))
	}
	docPart := mainPart(zr)
	dir := docPart[:strings.LastIndexByte(docPart, '/')+1]
	doc, err := zipPart(zr, docPart)
	if err != nil {
		return nil, rccplans.Located(name, 0, err)
	}
	if doc == nil {
		return nil, rccplans.Located(name, 0, fmt.Errorf("%w: no %s", ErrMalformed, docPart))
	}
	l = &rccplans.Layout{SourceFile: name, Format: FormatDOCX}
	styles := map[string]docxStyle{}
	if s, err := zipPart(zr, dir+"styles.xml"); err != nil {
		return nil, rccplans.Located(name, 0, err)
	} else if s != nil {
		if styles, err = readDocxStyles(s); err != nil {
			l.Warnings = append(l.Warnings, rccplans.Warning{File: name, Message: "styles.xml unreadable, headings by outline level only: " + err.Error()})
			styles = map[string]docxStyle{}
		}
	}
	r := &docxReader{styles: styles}
	if n, err := zipPart(zr, dir+"numbering.xml"); err != nil {
		return nil, rccplans.Located(name, 0, err)
	} else if n != nil {
		if r.num, err = readDocxNumbering(n); err != nil {
			l.Warnings = append(l.Warnings, rccplans.Warning{File: name, Message: "numbering.xml unreadable, list numbers not printed: " + err.Error()})
			r.num = nil
		}
	}
	if err := r.read(doc); err != nil {
		return nil, rccplans.Located(name, 0, err)
	}
	l.Blocks = r.out.blocks
	l.NumPages = r.page
	if r.page == 1 {
		// No page break recorded at all (a file written by a program
		// that does not lay out pages): the pages are unknown, 0 as the
		// spec has it for inputs without pages, not all "page 1".
		l.NumPages = 0
		for i := range l.Blocks {
			l.Blocks[i].Page = 0
			if tb := l.Blocks[i].Table; tb != nil {
				for k := range tb.Rows {
					tb.Rows[k].Page = 0
				}
			}
		}
	}
	if len(l.Blocks) == 0 {
		return l, rccplans.Located(name, 0, ErrNoText)
	}
	return l, nil
}

// mainPart is the document part the package's relationships name
// (word/document.xml, but Word online writes word/document2.xml).
func mainPart(zr *zip.Reader) string {
	const fallback = "word/document.xml"
	rels, err := zipPart(zr, "_rels/.rels")
	if err != nil || rels == nil {
		return fallback
	}
	dec := xml.NewDecoder(bytes.NewReader(rels))
	dec.Strict = false
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return fallback
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "Relationship" &&
			strings.HasSuffix(attr(t, "Type"), "/officeDocument") {
			target := strings.TrimPrefix(attr(t, "Target"), "/")
			if target == "" || strings.Contains(target, "..") {
				return fallback
			}
			return target
		}
	}
}

// zipPart inflates one archive member, or returns nil when it is absent.
func zipPart(zr *zip.Reader, path string) ([]byte, error) {
	for _, f := range zr.File {
		if !strings.EqualFold(strings.TrimPrefix(f.Name, "/"), path) {
			continue
		}
		if f.UncompressedSize64 > docxMaxPart {
			return nil, fmt.Errorf("%w: %s inflates to %d bytes", ErrTooLarge, path, f.UncompressedSize64)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, path, err)
		}
		defer rc.Close()
		// The declared size can lie; the limit on what we read cannot.
		b, err := io.ReadAll(io.LimitReader(rc, docxMaxPart+1))
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, path, err)
		}
		if len(b) > docxMaxPart {
			return nil, fmt.Errorf("%w: %s inflates past %d bytes", ErrTooLarge, path, docxMaxPart)
		}
		return b, nil
	}
	return nil, nil
}

// docxStyle is what a paragraph style tells about headings.
type docxStyle struct {
	name    string
	basedOn string
	outline int // 1-based outline level; 0 none
	title   bool
	bold    bool
	numID   string // list numbering the style carries ("1. Inledning" headings)
	ilvl    int
}

var headingName = regexp.MustCompile(`^(?:heading|rubrik|überschrift|titre|overskrift|otsikko)\s*([1-9])$`)

// readDocxStyles maps style ids to their heading level, following
// w:basedOn. A style is a heading by its outline level or, failing that,
// by its name ("heading 2", Swedish "Rubrik 2"); "Title" / "Rubrik" is
// the document title.
func readDocxStyles(data []byte) (map[string]docxStyle, error) {
	data = cutElement(data, "latentStyles")
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	out := map[string]docxStyle{}
	var cur *docxStyle
	var id string
	depth, inRPr := 0, 0
	for {
		// RawToken: only local names matter here, and namespace
		// resolution is most of the cost of a large styles part.
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > docxMaxDepth {
				return out, fmt.Errorf("%w: styles nested deeper than %d", ErrTooLarge, docxMaxDepth)
			}
			switch t.Name.Local {
			case "latentStyles", "docDefaults", "tblStylePr", "rsids":
				// hundreds of entries that say nothing of headings
				if err := skipRaw(dec); err != nil {
					return out, err
				}
				depth--
			case "style":
				if typ := attr(t, "type"); typ != "paragraph" && typ != "" {
					// table, character and numbering styles make no
					// headings; table styles are most of a large part
					if err := skipRaw(dec); err != nil {
						return out, err
					}
					depth--
					continue
				}
				cur, id = &docxStyle{}, attr(t, "styleId")
			case "name":
				if cur != nil {
					cur.name = strings.ToLower(strings.TrimSpace(attr(t, "val")))
				}
			case "basedOn":
				if cur != nil {
					cur.basedOn = attr(t, "val")
				}
			case "outlineLvl":
				if cur != nil {
					if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
						cur.outline = n + 1
					}
				}
			case "rPr":
				inRPr++
			case "b":
				if cur != nil && inRPr > 0 {
					cur.bold = onOff(t)
				}
			case "numId":
				if cur != nil && inRPr == 0 {
					cur.numID = attr(t, "val")
				}
			case "ilvl":
				if cur != nil && inRPr == 0 {
					cur.ilvl, _ = strconv.Atoi(attr(t, "val"))
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "style":
				if cur != nil && id != "" {
					if m := headingName.FindStringSubmatch(cur.name); m != nil && cur.outline == 0 {
						cur.outline = int(m[1][0] - '0')
					}
					cur.title = cur.name == "title" || cur.name == "rubrik" || cur.name == "titel"
					out[id] = *cur
				}
				cur = nil
			case "rPr":
				inRPr--
			}
		}
	}
	return out, nil
}

// cutElement drops the first element with the given local name (and no
// nesting of its own name) from the bytes before they are decoded: Word's
// latent style list is most of styles.xml and says nothing of headings.
func cutElement(data []byte, local string) []byte {
	i := bytes.Index(data, []byte(":"+local))
	if i < 1 {
		return data
	}
	start := bytes.LastIndexByte(data[:i], '<')
	if start < 0 || i-start > 16 {
		return data
	}
	prefix := data[start+1 : i]
	end := bytes.Index(data[i:], []byte("</"+string(prefix)+":"+local+">"))
	if end < 0 {
		// an empty element <w:latentStyles/> or none at all
		return data
	}
	end += i + len("</"+string(prefix)+":"+local+">")
	out := make([]byte, 0, len(data)-(end-start))
	return append(append(out, data[:start]...), data[end:]...)
}

// skipRaw skips the rest of the element just started, in RawToken mode
// (Decoder.Skip reads with Token and would check the end it never saw
// start).
func skipRaw(dec *xml.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := dec.RawToken()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > docxMaxDepth {
				return fmt.Errorf("%w: styles nested deeper than %d", ErrTooLarge, docxMaxDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// level resolves a style's heading level through its basedOn chain.
func (r *docxReader) level(id string) (level int, title bool) {
	for i := 0; i < 10 && id != ""; i++ {
		s, ok := r.styles[id]
		if !ok {
			// Without styles.xml, conventional ids still tell.
			if m := headingName.FindStringSubmatch(strings.ToLower(id)); m != nil {
				return int(m[1][0] - '0'), false
			}
			low := strings.ToLower(id)
			return 0, low == "title" || low == "rubrik"
		}
		if s.title {
			return 0, true
		}
		if s.outline > 0 {
			return s.outline, false
		}
		id = s.basedOn
	}
	return 0, false
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// onOff reads a WordprocessingML toggle: <w:b/> is on, w:val="0"/"false"
// is off.
func onOff(e xml.StartElement) bool {
	switch attr(e, "val") {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// docxPara is a paragraph being read.
type docxPara struct {
	style     string
	outline   int // direct w:outlineLvl, 1-based
	lines     []string
	cur       strings.Builder
	bold      int // characters in bold runs
	chars     int // all non-space characters
	runBold   bool
	runHidden bool
	numbered  bool
	numID     string // w:numPr/w:numId; "" none, "0" numbering switched off
	ilvl      int
	label     string // the number numberPara put before the text ("1.")
	list      string // the list it numbers: abstract list and level
}

func (p *docxPara) text(s string) {
	p.cur.WriteString(s)
	n := 0
	for _, r := range s {
		if r != ' ' && r != '\t' {
			n++
		}
	}
	p.chars += n
	if p.runBold {
		p.bold += n
	}
}

func (p *docxPara) breakLine() {
	p.lines = append(p.lines, p.cur.String())
	p.cur.Reset()
}

func (p *docxPara) joined() string {
	return rccplans.JoinLines(append(append([]string(nil), p.lines...), p.cur.String()))
}

// docxCell is one w:tc with its spans.
type docxCell struct {
	lines   []string
	span    int
	vMerge  string // "", "restart" or "continue"
	allBold bool
	chars   int
	items   []docxItem // its numbered paragraphs
}

// docxItem is a numbered paragraph in a cell: the line it starts, the
// number put before it, the list it belongs to.
type docxItem struct {
	line        int
	label, list string
}

type docxRow struct {
	page        int  // page the row starts on
	broken      bool // a page break inside the row (counted once at its end)
	header      bool
	before      int // w:gridBefore
	cells       []*docxCell
	explicitHdr bool
}

type docxTable struct {
	grid int // columns in w:tblGrid
	rows []*docxRow
}

type docxReader struct {
	styles map[string]docxStyle
	num    *docxNumbering
	out    blockList
	page   int

	paras  []*docxPara  // paragraph stack (text boxes nest paragraphs)
	tables []*docxTable // table stack; only the outermost makes rows
	cell   *docxCell    // current cell of the outermost table
}

func (r *docxReader) para() *docxPara {
	if len(r.paras) == 0 {
		return nil
	}
	return r.paras[len(r.paras)-1]
}

func (r *docxReader) read(data []byte) error {
	r.page = 1
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var stack []string
	skip := 0 // depth inside an element whose text is not content
	inRPr, inPPr := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return fmt.Errorf("%w: document.xml truncated", ErrMalformed)
			}
			return fmt.Errorf("%w: document.xml: %v", ErrMalformed, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if len(stack) > docxMaxDepth {
				return fmt.Errorf("%w: XML nested deeper than %d", ErrTooLarge, docxMaxDepth)
			}
			if skip > 0 {
				skip++
				continue
			}
			r.start(t, &skip, &inRPr, &inPPr)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if skip > 0 {
				skip--
				continue
			}
			r.end(t.Name.Local, &inRPr, &inPPr)
		case xml.CharData:
			if skip > 0 || len(stack) == 0 {
				continue
			}
			if p := r.para(); p != nil && stack[len(stack)-1] == "t" && !p.runHidden {
				p.text(strings.Map(textRune, string(t)))
			}
		}
	}
	return nil
}

// textRune drops soft hyphens (invisible unless a line breaks there) and
// makes other white space plain spaces.
func textRune(r rune) rune {
	switch r {
	case '\u00ad', '\u200b', '\ufeff':
		return -1
	case '\t', '\n', '\r', '\u00a0':
		return ' '
	}
	return r
}

func (r *docxReader) start(t xml.StartElement, skip *int, inRPr, inPPr *bool) {
	p := r.para()
	switch t.Name.Local {
	case "Fallback", "delText", "instrText", "del", "moveFrom", "footnoteReference", "endnoteReference",
		"commentReference", "annotationRef", "fldData":
		// Not content: a second rendering of what mc:Choice already gave,
		// deleted revisions, field codes, and note references (a
		// footnote's number is not text of the sentence it marks).
		*skip = 1
	case "p":
		r.paras = append(r.paras, &docxPara{})
	case "pPr":
		*inPPr = true
	case "pStyle":
		if p != nil && *inPPr && !*inRPr {
			p.style = attr(t, "val")
		}
	case "outlineLvl":
		if p != nil && *inPPr && !*inRPr {
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
				p.outline = n + 1
			}
		}
	case "numPr":
		if p != nil && *inPPr {
			p.numbered = true
		}
	case "numId":
		if p != nil && *inPPr && !*inRPr {
			p.numID = attr(t, "val")
		}
	case "ilvl":
		if p != nil && *inPPr && !*inRPr {
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n >= 0 && n < 9 {
				p.ilvl = n
			}
		}
	case "pageBreakBefore":
		if *inPPr && onOff(t) {
			r.pageBreak()
		}
	case "r":
		if p != nil {
			p.runBold, p.runHidden = false, false
		}
	case "vanish", "specVanish", "webHidden":
		// hidden text is not printed
		if p != nil && *inRPr && !*inPPr {
			p.runHidden = onOff(t)
		}
	case "rPr":
		*inRPr = true
	case "b":
		if p != nil && *inRPr && !*inPPr {
			p.runBold = onOff(t)
		}
	case "tab", "ptab":
		if p != nil && !*inPPr {
			p.text(" ")
		}
	case "br", "cr":
		if p == nil {
			return
		}
		if attr(t, "type") == "page" {
			r.pageBreak()
			p.text(" ")
			return
		}
		p.breakLine()
	case "lastRenderedPageBreak":
		r.pageBreak()
	case "noBreakHyphen":
		if p != nil {
			p.text("-")
		}
	case "softHyphen":
		// invisible unless a line breaks there
	case "sym":
		if p != nil {
			p.text(symRune(attr(t, "char")))
		}
	case "tbl":
		r.tables = append(r.tables, &docxTable{})
	case "gridCol":
		if len(r.tables) == 1 {
			r.tables[0].grid++
		}
	case "tr":
		if len(r.tables) == 1 {
			tb := r.tables[0]
			tb.rows = append(tb.rows, &docxRow{page: r.page})
		}
	case "tblHeader":
		if row := r.row(); row != nil && len(r.tables) == 1 {
			row.header = onOff(t)
			row.explicitHdr = true
		}
	case "gridBefore":
		if row := r.row(); row != nil && len(r.tables) == 1 {
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 0 && n < 64 {
				row.before = n
			}
		}
	case "tc":
		if row := r.row(); row != nil && len(r.tables) == 1 {
			c := &docxCell{span: 1, allBold: true}
			row.cells = append(row.cells, c)
			r.cell = c
		}
	case "gridSpan":
		if r.cell != nil && len(r.tables) == 1 {
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n > 1 && n < 64 {
				r.cell.span = n
			}
		}
	case "vMerge":
		if r.cell != nil && len(r.tables) == 1 {
			if v := attr(t, "val"); v == "restart" {
				r.cell.vMerge = "restart"
			} else {
				r.cell.vMerge = "continue"
			}
		}
	case "hMerge":
		// legacy horizontal merge: a continuation adds to the span of the
		// cell before it
		if r.cell != nil && len(r.tables) == 1 && attr(t, "val") != "restart" {
			if row := r.row(); row != nil && len(row.cells) >= 2 {
				row.cells[len(row.cells)-2].span++
				row.cells = row.cells[:len(row.cells)-1]
				r.cell = &docxCell{span: 1} // discard its text
			}
		}
	}
}

// pageBreak counts a page break. Inside a table row every cell that
// flows onto the next page carries its own break, so a row counts one, at
// its end.
func (r *docxReader) pageBreak() {
	if len(r.tables) > 0 {
		if row := r.row(); row != nil {
			row.broken = true
		}
		return
	}
	r.page++
}

func (r *docxReader) row() *docxRow {
	if len(r.tables) == 0 {
		return nil
	}
	tb := r.tables[0]
	if len(tb.rows) == 0 {
		return nil
	}
	return tb.rows[len(tb.rows)-1]
}

func (r *docxReader) end(local string, inRPr, inPPr *bool) {
	switch local {
	case "pPr":
		*inPPr = false
	case "rPr":
		*inRPr = false
	case "p":
		if len(r.paras) == 0 {
			return
		}
		p := r.paras[len(r.paras)-1]
		r.paras = r.paras[:len(r.paras)-1]
		if parent := r.para(); parent != nil {
			// a text box's paragraph: a line of the paragraph anchoring it
			if s := p.joined(); s != "" {
				parent.breakLine()
				parent.text(s)
				parent.breakLine()
			}
			return
		}
		r.endPara(p)
	case "tc":
		if len(r.tables) == 1 {
			r.cell = nil
		}
	case "tr":
		if row := r.row(); row != nil && len(r.tables) == 1 && row.broken {
			row.broken = false
			r.page++
		}
	case "tbl":
		if len(r.tables) == 0 {
			return
		}
		tb := r.tables[len(r.tables)-1]
		r.tables = r.tables[:len(r.tables)-1]
		if len(r.tables) == 0 {
			r.emitTable(tb)
		}
	}
}

func (r *docxReader) endPara(p *docxPara) {
	r.numberPara(p)
	text := p.joined()
	if len(r.tables) > 0 {
		// inside a table (a nested table's text goes to the outer cell)
		if r.cell != nil {
			if text != "" {
				if p.label != "" {
					r.cell.items = append(r.cell.items, docxItem{len(r.cell.lines), p.label, p.list})
				}
				r.cell.lines = append(r.cell.lines, p.lines...)
				r.cell.lines = append(r.cell.lines, p.cur.String())
				r.cell.chars += p.chars
				if p.bold < p.chars {
					r.cell.allBold = false
				}
			}
		}
		return
	}
	if text == "" {
		return
	}
	level, title := r.level(p.style)
	if p.outline > 0 {
		level = p.outline
	}
	b := rccplans.Block{Kind: rccplans.BlockParagraph, Text: text, Bold: p.chars > 0 && p.bold == p.chars}
	switch {
	case title:
		// The title is the document's name: a heading above every chapter.
		b.Kind, b.Level = rccplans.BlockHeading, 1
	case level > 0:
		b.Kind, b.Level = rccplans.BlockHeading, level
	case b.Bold && !p.numbered && boldHeading(text):
		// A short bold line standing alone is a heading the author did
		// not style; blockList ranks it below the last styled heading.
		b.Kind = rccplans.BlockHeading
	}
	if r.page > 0 {
		b.Page = r.page
	}
	r.out.add(b)
}

// boldHeading tells whether a bold paragraph reads as a heading: short,
// no sentence end.
func boldHeading(s string) bool {
	if utf8.RuneCountInString(s) > 120 {
		return false
	}
	s = strings.TrimSpace(s)
	return !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, ",")
}

// symRune maps a w:sym character code. Symbol-font codes live in the
// private area F000–F0FF; the few that plans use are mapped, others are
// dropped rather than printed as private-area garbage.
func symRune(hex string) string {
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return ""
	}
	if n >= 0xF000 && n <= 0xF0FF {
		n -= 0xF000
		switch n {
		case 0xB7, 0xA7, 0x9F:
			return "•"
		case 0x2D:
			return "–"
		case 0xD8, 0xE0, 0xE8:
			return "→"
		case 0xFC:
			return "✓"
		}
		if n >= 0x20 && n < 0x7F {
			return string(rune(n))
		}
		return ""
	}
	if !utf8.ValidRune(rune(n)) {
		return ""
	}
	return string(rune(n))
}

// emitTable lays the rows on the grid, fills spans and splits off the
// header rows.
func (r *docxReader) emitTable(tb *docxTable) {
	ncol := tb.grid
	for _, row := range tb.rows {
		w := row.before
		for _, c := range row.cells {
			w += c.span
		}
		ncol = max(ncol, w)
	}
	if ncol == 0 || len(tb.rows) == 0 {
		return
	}
	var grid []mrow
	var above []string // text of the last restart cell per column
	above = make([]string, ncol)
	for _, row := range tb.rows {
		cells := make([]mcell, ncol)
		col := row.before
		for _, c := range row.cells {
			if col >= ncol {
				break
			}
			text := rccplans.JoinLines(c.itemLines())
			spanned := false
			switch c.vMerge {
			case "continue":
				text, spanned = above[col], true
			case "restart":
				above[col] = text
			default:
				above[col] = ""
			}
			for k := 0; k < c.span && col+k < ncol; k++ {
				cells[col+k] = mcell{text: text, spanned: spanned || k > 0, bold: c.allBold && c.chars > 0}
				if c.vMerge != "continue" && k > 0 {
					above[col+k] = ""
					if c.vMerge == "restart" {
						above[col+k] = text
					}
				}
			}
			col += c.span
		}
		grid = append(grid, mrow{cells: cells, header: row.header, page: row.page})
	}
	for i := range levelRows(grid) {
		grid[i].body = true // read as a row, not as a caption
	}
	for _, b := range tableBlocks(grid, tb.rows[0].page, r.out.ranked) {
		r.out.add(b)
	}
}

// levelRows finds rows that print a level of the plan's hierarchy in the
// first column ("1. Område", under it "1.1 Mål", under it "Delmål: …",
// then activity rows filling the other columns): two or more rows in a
// row under the table's column header, each with text in its first cell
// only and its other cells kept as real, empty, unmerged cells, and
// followed by a row that is neither a header nor such a row. Stacked
// one-text rows are otherwise read as captions (headings between table
// parts); but a caption or band is merged across the row or stands above
// the header, while these keep the header's columns, so their text is the
// first column's value and the rows under them fill the rest.
func levelRows(grid []mrow) map[int]bool {
	open := func(r mrow) bool {
		if r.header || titleRow(r) == "" {
			return false
		}
		for _, c := range r.cells {
			if c.spanned {
				return false
			}
		}
		return true
	}
	out := map[int]bool{}
	header := false
	for i := 0; i < len(grid); {
		if grid[i].header || isHeaderRow(grid[i]) {
			header = true
			i++
			continue
		}
		if !header || !open(grid[i]) {
			i++
			continue
		}
		j := i
		for j < len(grid) && open(grid[j]) {
			j++
		}
		if j-i >= 2 && j < len(grid) && !grid[j].header && !isHeaderRow(grid[j]) {
			for k := i; k < j; k++ {
				out[k] = true
			}
		}
		i = j
	}
	return out
}

// docxNumbering is word/numbering.xml: list levels and the counters that
// print "1.", "a)", "•" before numbered paragraphs. Word generates these
// numbers; they are not in the paragraph's text, but they are printed, and
// a plan's goal numbers are often made so.
type docxNumbering struct {
	abstract map[string]*[9]docxLevel
	nums     map[string]docxNum
	counters map[string]*[9]int // by abstract list: nums sharing one continue it
	used     map[string]bool    // nums whose start override has been applied
}

type docxLevel struct {
	start    int
	hasStart bool
	format   string // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none …
	text     string // "%1.", "%1.%2", ""
	set      bool
}

type docxNum struct {
	abstract string
	starts   map[int]int // lvlOverride/startOverride
}

func readDocxNumbering(data []byte) (*docxNumbering, error) {
	n := &docxNumbering{abstract: map[string]*[9]docxLevel{}, nums: map[string]docxNum{}, counters: map[string]*[9]int{}, used: map[string]bool{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var abs *[9]docxLevel
	var num *docxNum
	var numID string
	lvl, override, depth := -1, -1, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > docxMaxDepth {
				return n, fmt.Errorf("%w: numbering nested deeper than %d", ErrTooLarge, docxMaxDepth)
			}
			val := attr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				abs = &[9]docxLevel{}
				n.abstract[attr(t, "abstractNumId")] = abs
			case "num":
				num, numID = &docxNum{starts: map[int]int{}}, attr(t, "numId")
			case "abstractNumId":
				if num != nil {
					num.abstract = val
				}
			case "lvl":
				lvl = -1
				if k, err := strconv.Atoi(attr(t, "ilvl")); err == nil && k >= 0 && k < 9 {
					lvl = k
				}
			case "lvlOverride":
				override = -1
				if k, err := strconv.Atoi(attr(t, "ilvl")); err == nil && k >= 0 && k < 9 {
					override = k
				}
			case "startOverride":
				if num != nil && override >= 0 {
					if k, err := strconv.Atoi(val); err == nil {
						num.starts[override] = k
					}
				}
			case "start", "numFmt", "lvlText":
				if abs == nil || lvl < 0 || num != nil {
					continue
				}
				l := &abs[lvl]
				l.set = true
				switch t.Name.Local {
				case "start":
					l.start, _ = strconv.Atoi(val)
					l.hasStart = true
				case "numFmt":
					l.format = val
				case "lvlText":
					l.text = val
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "abstractNum":
				abs = nil
			case "num":
				if num != nil && numID != "" {
					n.nums[numID] = *num
				}
				num = nil
			case "lvl":
				lvl = -1
			case "lvlOverride":
				override = -1
			}
		}
	}
}

// label advances the list's counter for one paragraph and prints its
// number, or "" when the paragraph is not numbered.
func (n *docxNumbering) label(numID string, ilvl int) string {
	if n == nil || numID == "" || numID == "0" || ilvl < 0 || ilvl > 8 {
		return ""
	}
	num, ok := n.nums[numID]
	if !ok {
		return ""
	}
	levels := n.abstract[num.abstract]
	if levels == nil {
		return ""
	}
	c := n.counters[num.abstract]
	if c == nil || !n.used[numID] && len(num.starts) > 0 {
		c = &[9]int{}
		for i := range c {
			c[i] = startOf(levels[i], num.starts, i) - 1
		}
		n.counters[num.abstract] = c
	}
	n.used[numID] = true
	c[ilvl]++
	for i := ilvl + 1; i < 9; i++ {
		c[i] = startOf(levels[i], num.starts, i) - 1
	}
	lv := levels[ilvl]
	if !lv.set || lv.format == "none" {
		return ""
	}
	if lv.format == "bullet" {
		return bulletText(lv.text)
	}
	out := lv.text
	for i := 0; i <= ilvl; i++ {
		out = strings.ReplaceAll(out, "%"+strconv.Itoa(i+1), formatNumber(max(c[i], startOf(levels[i], num.starts, i)), levels[i].format))
	}
	return out
}

// bullet tells whether a list level prints a bullet rather than a number.
func (n *docxNumbering) bullet(numID string, ilvl int) bool {
	if n == nil || ilvl < 0 || ilvl > 8 {
		return false
	}
	num, ok := n.nums[numID]
	if !ok || n.abstract[num.abstract] == nil {
		return false
	}
	return n.abstract[num.abstract][ilvl].format == "bullet"
}

func startOf(l docxLevel, starts map[int]int, i int) int {
	if s, ok := starts[i]; ok {
		return s
	}
	if l.hasStart {
		return l.start
	}
	return 1
}

// bulletText maps a bullet level's character, often a Symbol-font
// private-area code, to a printable bullet.
func bulletText(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || r >= 0xF000 && r <= 0xF0FF || r == 'o' || r == '§' {
		return "•"
	}
	return s
}

func formatNumber(k int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		if k < 1 {
			return strconv.Itoa(k)
		}
		s := strings.Repeat(string(rune('a'+(k-1)%26)), (k-1)/26+1)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(k)
		if format == "upperRoman" {
			s = strings.ToUpper(s)
		}
		return s
	}
	return strconv.Itoa(k)
}

func roman(k int) string {
	if k < 1 || k > 3999 {
		return strconv.Itoa(k)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for k >= v {
			b.WriteString(syms[i])
			k -= v
		}
	}
	return b.String()
}

// numberPara puts a numbered paragraph's printed number before its text.
// The paragraph's own numbering wins over its style's; "0" switches it off.
func (r *docxReader) numberPara(p *docxPara) {
	numID, ilvl := p.numID, p.ilvl
	if numID == "" {
		for id, i := p.style, 0; id != "" && i < 10; i++ {
			s, ok := r.styles[id]
			if !ok {
				break
			}
			if s.numID != "" {
				numID, ilvl = s.numID, s.ilvl
				break
			}
			id = s.basedOn
		}
	}
	if numID == "" || numID == "0" {
		return
	}
	p.numbered = true
	label := r.num.label(numID, ilvl)
	if label == "" || strings.TrimSpace(p.joined()) == "" {
		return
	}
	if len(r.tables) > 0 && r.num.bullet(numID, ilvl) {
		// A bulleted list in a cell reads as its items joined, as an
		// HTML <ul> in a cell does (the plan's text, not its list marks);
		// numbers ("1.", "a)") are text and stay.
		return
	}
	p.label, p.list = label, r.num.listOf(numID, ilvl)
	first := label + " "
	if len(p.lines) > 0 {
		p.lines[0] = first + p.lines[0]
		return
	}
	rest := p.cur.String()
	p.cur.Reset()
	p.cur.WriteString(first + rest)
}

// itemLines are a cell's lines with the numbers of an enumeration taken
// off: two or more numbered paragraphs of one list in a cell ("1. Skicka
// …", "2. Följa upp …") are the cell's items, their numbers list marks as
// bullets are (dropped the same way); a single numbered paragraph keeps
// its number, which numbers the row (a goal "8." of a list running down
// the column).
func (c *docxCell) itemLines() []string {
	n := map[string]int{}
	for _, it := range c.items {
		n[it.list]++
	}
	var lines []string
	for _, it := range c.items {
		if n[it.list] < 2 || it.line >= len(c.lines) {
			continue
		}
		if lines == nil {
			lines = append([]string(nil), c.lines...)
		}
		lines[it.line] = strings.TrimPrefix(lines[it.line], it.label+" ")
	}
	if lines == nil {
		return c.lines
	}
	return lines
}

// listOf names the list a paragraph of numID at level ilvl counts in:
// its abstract list (nums sharing one continue it) and level.
func (n *docxNumbering) listOf(numID string, ilvl int) string {
	if n == nil {
		return numID + "/" + strconv.Itoa(ilvl)
	}
	if num, ok := n.nums[numID]; ok {
		return num.abstract + "/" + strconv.Itoa(ilvl)
	}
	return numID + "/" + strconv.Itoa(ilvl)
}
