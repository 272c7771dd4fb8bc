package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/ledongthuc/pdf"

	"rccplans"
)

// PDF reads a PDF file into positioned pages (words, lines, ruling
// segments) and blocks (Blocks).
//
// It uses github.com/ledongthuc/pdf for the object layer only (cross
// reference, objects, streams, decryption) and interprets page content
// itself: the library's Page.Content ignores drawn lines, gives Type0/CID
// glyphs no width and panics on bad input. Text comes from ToUnicode maps,
// else simple fonts' encodings and glyph names, else (Type0 fonts) the
// embedded TrueType cmap; /ActualText spans replace their glyphs. Words
// and their boxes match poppler's pdftotext -bbox-layout on the fixtures.
//
// Pages are read in parallel; a page that fails (the library panics on
// many malformed objects) becomes a warning naming it, and the others are
// returned. When every page fails the partial layout comes back with an
// *rccplans.Error. A file that opens but reads badly is read again from
// rebuilt cross-reference data (repair). A document without any text
// gives ErrNoText; one whose glyphs have no Unicode mapping ErrMalformed.
//
// Known limits: no OCR; no vertical (Identity-V) writing; Type3 glyph
// procedures are not run (their text comes from ToUnicode or the
// encoding); predefined CJK CMaps other than Identity are not carried
// (codes are cut by the ToUnicode codespace); LZW, RunLength and
// ASCIIHex streams are not decoded (the library lacks them); Page.Chars
// stays empty.
func PDF(ctx context.Context, name string, data []byte, opt Options) (*rccplans.Layout, error) {
	l, _, err := readPDF(ctx, name, data, opt, false)
	return l, err
}

// readPDF is PDF; with keepGlyphs it also returns each page's glyphs
// (tests). Page.Chars stay empty: words and lines are what callers use,
// and glyphs of a long document cost memory.
func readPDF(ctx context.Context, name string, data []byte, opt Options, keepGlyphs bool) (*rccplans.Layout, [][]pdfGlyph, error) {
	if len(data) == 0 {
		return nil, nil, rccplans.Located(name, 0, ErrEmpty)
	}
	r, repaired, err := pdfOpen(data)
	if err != nil {
		return nil, nil, rccplans.Located(name, 0, err)
	}
	l, glyphs, failed, err := readPDFFrom(ctx, name, r, opt, keepGlyphs)
	if err == nil && failed == 0 || repaired || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrEncrypted) || ctx.Err() != nil {
		return l, glyphs, err
	}
	// The cross-reference data may be wrong in a way opening did not
	// show (objects resolve to nothing or to the wrong thing): read the
	// rebuilt file too and keep whichever gives more.
	fixed, ok := pdfRepairSafe(data)
	if !ok {
		return l, glyphs, err
	}
	r2, err2 := pdfNewReader(fixed)
	if err2 != nil {
		return l, glyphs, err
	}
	l2, glyphs2, _, err2 := readPDFFrom(ctx, name, r2, opt, keepGlyphs)
	if pdfWordCount(l2) > pdfWordCount(l) || err != nil && err2 == nil {
		return l2, glyphs2, err2
	}
	return l, glyphs, err
}

func pdfWordCount(l *rccplans.Layout) int {
	n := 0
	if l != nil {
		for _, p := range l.Pages {
			n += len(p.Words)
		}
	}
	return n
}

// readPDFFrom reads the pages of an open document; failed counts the
// pages that could not be read.
func readPDFFrom(ctx context.Context, name string, r *pdf.Reader, opt Options, keepGlyphs bool) (_ *rccplans.Layout, _ [][]pdfGlyph, failed int, _ error) {
	doc := &pdfDoc{name: name, r: r, fonts: map[string]*pdfFont{}}
	refs, warns, err := doc.pages(opt.maxPages())
	if err != nil {
		return nil, nil, 0, rccplans.Located(name, 0, err)
	}
	l := &rccplans.Layout{SourceFile: name, Format: FormatPDF, NumPages: len(refs), Warnings: warns}
	if len(refs) == 0 {
		return l, nil, 0, rccplans.Located(name, 0, fmt.Errorf("%w: no pages", ErrMalformed))
	}

	type result struct {
		page     rccplans.Page
		glyphs   []pdfGlyph
		warns    []string
		unmapped int
		err      error
	}
	results := make([]result, len(refs))
	workers := min(runtime.GOMAXPROCS(0), len(refs), 8)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res := &results[i]
				res.page, res.glyphs, res.unmapped, res.warns, res.err = doc.readPage(ctx, i+1, refs[i])
				if !keepGlyphs {
					res.glyphs = nil
				}
			}
		}()
	}
	var cerr error
	for i := range refs {
		if err := ctx.Err(); err != nil {
			cerr = err
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if cerr == nil {
		cerr = ctx.Err() // cancelled while the last pages were read
	}
	if cerr != nil {
		return nil, nil, 0, rccplans.Located(name, 0, cerr)
	}

	var (
		pages    = make([]rccplans.Page, 0, len(refs))
		glyphs   [][]pdfGlyph
		firstErr error
		words    int
		unmapped int
	)
	for i, res := range results {
		for _, w := range res.warns {
			l.Warnings = append(l.Warnings, rccplans.Warning{File: name, Page: i + 1, Message: w})
		}
		if res.err != nil {
			failed++
			if firstErr == nil {
				firstErr = &rccplans.Error{File: name, Page: i + 1, Err: res.err}
			}
			l.Warnings = append(l.Warnings, rccplans.Warning{File: name, Page: i + 1, Message: res.err.Error()})
			res.page = rccplans.Page{Number: i + 1}
		}
		words += len(res.page.Words)
		unmapped += res.unmapped
		pages = append(pages, res.page)
		if keepGlyphs {
			glyphs = append(glyphs, res.glyphs)
		}
	}
	l.Pages = pages
	if failed == len(refs) {
		return l, glyphs, failed, firstErr
	}
	if words == 0 && unmapped > 0 {
		// Text is drawn, but with fonts that say nothing of Unicode: not
		// a scan, and OCR would be the wrong advice.
		return l, glyphs, failed, rccplans.Located(name, 0, fmt.Errorf("%w: %d glyphs drawn without a Unicode mapping; no text could be read", ErrMalformed, unmapped))
	}
	if words == 0 {
		return l, glyphs, failed, rccplans.Located(name, 0, ErrNoText)
	}
	blocks, bw := pdfSafeBlocks(name, pages)
	l.Blocks = blocks
	l.Warnings = append(l.Warnings, bw...)
	return l, glyphs, failed, nil
}

// pdfSafeBlocks runs table reconstruction; a panic there costs the blocks,
// not the document.
func pdfSafeBlocks(name string, pages []rccplans.Page) (b []rccplans.Block, w []rccplans.Warning) {
	defer func() {
		if x := recover(); x != nil {
			b = nil
			w = append(w, rccplans.Warning{File: name, Message: fmt.Sprintf("blocks: internal error: %v", x)})
		}
	}()
	return Blocks(name, pages)
}

// pdfOpen opens the document: as it is, then with a normalised header and
// end, then repaired; an encrypted one with the empty user password.
func pdfOpen(data []byte) (r *pdf.Reader, repaired bool, err error) {
	r, err = pdfNewReader(data)
	if err == nil {
		return r, false, nil
	}
	if errors.Is(err, ErrEncrypted) {
		return nil, false, err
	}
	if fixed, ok := pdfTidy(data); ok {
		if r, err2 := pdfNewReader(fixed); err2 == nil {
			return r, false, nil
		} else if errors.Is(err2, ErrEncrypted) {
			return nil, false, err2
		}
	}
	if fixed, ok := pdfRepairSafe(data); ok {
		if r, err2 := pdfNewReader(fixed); err2 == nil {
			return r, true, nil
		} else if errors.Is(err2, ErrEncrypted) {
			return nil, true, err2
		}
	}
	return nil, false, fmt.Errorf("%w: %v", ErrMalformed, err)
}

func pdfRepairSafe(data []byte) (out []byte, ok bool) {
	defer func() {
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	return repair(data)
}

func pdfNewReader(data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("unreadable: %v", x)
		}
	}()
	tried := false
	r, err = pdf.NewReaderEncrypted(bytes.NewReader(data), int64(len(data)), func() string {
		if tried {
			return ""
		}
		tried = true
		return ""
	})
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) {
			return nil, ErrEncrypted
		}
		if bytes.Contains([]byte(err.Error()), []byte("encryption")) {
			return nil, fmt.Errorf("%w: %v", ErrEncrypted, err)
		}
		return nil, err
	}
	// Touch the root: a wrong xref shows here, not in NewReader.
	if r.Trailer().Key("Root").Key("Pages").Kind() != pdf.Dict {
		return nil, errors.New("no page tree")
	}
	return r, nil
}

// pdfTidy fixes what the library's strict opening checks reject while
// the file is otherwise sound: junk before "%PDF-", a header version it
// does not know ("%PDF-2.0") or without a line end, and junk after the
// last "%%EOF". Byte offsets stay valid (junk before the header is
// dropped only when offsets count from the header, which is the common
// case).
func pdfTidy(data []byte) ([]byte, bool) {
	i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if i < 0 {
		return nil, false
	}
	out := append([]byte(nil), data[i:]...)
	if len(out) >= 9 {
		copy(out, "%PDF-1.7\n")
	}
	if j := bytes.LastIndex(out, []byte("%%EOF")); j >= 0 {
		out = out[:j+5]
		out = append(out, '\n')
	}
	return out, true
}

// pdfDoc is one open document, shared by the page workers.
type pdfDoc struct {
	name  string
	r     *pdf.Reader
	mu    sync.Mutex
	fonts map[string]*pdfFont // by the font dictionary's text
}

// font parses a font dictionary once per document.
func (d *pdfDoc) font(fd pdf.Value) *pdfFont {
	key := fd.String()
	d.mu.Lock()
	f, ok := d.fonts[key]
	d.mu.Unlock()
	if ok {
		return f
	}
	f = pdfLoadFontSafe(fd)
	d.mu.Lock()
	d.fonts[key] = f
	d.mu.Unlock()
	return f
}

func pdfLoadFontSafe(fd pdf.Value) (f *pdfFont) {
	defer func() {
		if recover() != nil {
			f = pdfDefaultFont
		}
	}()
	return pdfLoadFont(fd)
}

// pdfPageRef is a page dictionary with its inherited attributes.
type pdfPageRef struct {
	v      pdf.Value
	res    pdf.Value
	box    [4]float64 // crop box within the media box: x0 y0 x1 y1
	rotate int
}

// pdfMaxTreeDepth bounds the page tree (cyclic /Kids).
const pdfMaxTreeDepth = 64

// pages walks the page tree once (the library's Reader.Page walks it
// from the root for every page).
func (d *pdfDoc) pages(max int) (refs []pdfPageRef, warns []rccplans.Warning, err error) {
	defer func() {
		if x := recover(); x != nil {
			refs, warns, err = nil, nil, fmt.Errorf("%w: page tree unreadable: %v", ErrMalformed, x)
		}
	}()
	root := d.r.Trailer().Key("Root").Key("Pages")
	if n := root.Key("Count").Int64(); n > int64(max) {
		return nil, nil, fmt.Errorf("%w: %d pages, at most %d", ErrTooLarge, n, max)
	}
	type inherited struct {
		res            pdf.Value
		media, crop    pdf.Value
		rotate         int64
		rotateSet      bool
		resSet, cropOK bool
	}
	tooMany := false
	// Cyclic /Kids that never reach a page would otherwise be walked
	// exponentially often: nodes visited are bounded too.
	nodes, maxNodes := 0, 2*max+1000
	seen := map[string]bool{}
	loops, deep := false, false
	var walk func(node pdf.Value, inh inherited, depth int)
	walk = func(node pdf.Value, inh inherited, depth int) {
		if tooMany {
			return
		}
		if nodes++; nodes > maxNodes {
			tooMany = true
			return
		}
		kids := node.Key("Kids")
		if kids.Kind() == pdf.Array {
			// An inner node met twice is a cycle: skip it. Objects carry
			// no identity through the library's API, so the node's own
			// text (its references included) stands in. Leaves are not
			// checked: blank pages may well be written alike.
			key := node.String()
			if seen[key] {
				loops = true
				return
			}
			seen[key] = true
		}
		if depth > pdfMaxTreeDepth {
			deep = true
			return
		}
		if r := node.Key("Resources"); r.Kind() == pdf.Dict {
			inh.res = r
		}
		if m := node.Key("MediaBox"); m.Len() == 4 {
			inh.media = m
		}
		if c := node.Key("CropBox"); c.Len() == 4 {
			inh.crop = c
		}
		if rv := node.Key("Rotate"); rv.Kind() == pdf.Integer || rv.Kind() == pdf.Real {
			inh.rotate = int64(rv.Float64())
		}
		if kids.Kind() == pdf.Array && node.Key("Type").Name() != "Page" {
			for i, n := 0, kids.Len(); i < n; i++ {
				func() {
					defer func() {
						if x := recover(); x != nil {
							warns = append(warns, rccplans.Warning{File: d.name, Message: fmt.Sprintf("page tree node unreadable: %v", x)})
						}
					}()
					walk(kids.Index(i), inh, depth+1)
				}()
			}
			return
		}
		if node.Kind() != pdf.Dict {
			return
		}
		if len(refs) >= max {
			tooMany = true
			return
		}
		refs = append(refs, pdfPageRef{v: node, res: inh.res, box: pdfPageBox(inh.media, inh.crop), rotate: int(((inh.rotate%360)+360)%360) / 90 * 90})
	}
	walk(root, inherited{}, 0)
	if loops {
		warns = append(warns, rccplans.Warning{File: d.name, Message: "page tree refers to itself; repeated nodes skipped"})
	}
	if deep {
		warns = append(warns, rccplans.Warning{File: d.name, Message: "page tree too deep; deeper nodes skipped"})
	}
	if tooMany {
		return nil, nil, fmt.Errorf("%w: more than %d pages", ErrTooLarge, max)
	}
	return refs, warns, nil
}

// pdfPageBox is the crop box clipped to the media box (default US Letter).
func pdfPageBox(media, crop pdf.Value) [4]float64 {
	b := [4]float64{0, 0, 612, 792}
	read := func(v pdf.Value) ([4]float64, bool) {
		if v.Len() != 4 {
			return b, false
		}
		x0, y0, x1, y1 := v.Index(0).Float64(), v.Index(1).Float64(), v.Index(2).Float64(), v.Index(3).Float64()
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		if y0 > y1 {
			y0, y1 = y1, y0
		}
		if x1-x0 < 1 || y1-y0 < 1 || !pdfFinite(x0, y0, x1, y1) || x1-x0 > 1e6 || y1-y0 > 1e6 {
			return b, false
		}
		return [4]float64{x0, y0, x1, y1}, true
	}
	if m, ok := read(media); ok {
		b = m
	}
	if c, ok := read(crop); ok {
		c[0], c[1] = max(c[0], b[0]), max(c[1], b[1])
		c[2], c[3] = min(c[2], b[2]), min(c[3], b[3])
		if c[2]-c[0] >= 1 && c[3]-c[1] >= 1 {
			b = c
		}
	}
	return b
}

// pdfPageMatrix maps user space to page space: top-left origin, y down,
// rotated clockwise by rotate degrees, crop box at the origin. It also
// returns the page size.
func pdfPageMatrix(box [4]float64, rotate int) (pdfMatrix, float64, float64) {
	x0, y0, x1, y1 := box[0], box[1], box[2], box[3]
	w, h := x1-x0, y1-y0
	switch rotate {
	case 90:
		return pdfMatrix{0, 1, 1, 0, -y0, -x0}, h, w
	case 180:
		return pdfMatrix{-1, 0, 0, 1, x1, -y0}, w, h
	case 270:
		return pdfMatrix{0, -1, -1, 0, y1, x1}, h, w
	}
	return pdfMatrix{1, 0, 0, -1, -x0, y1}, w, h
}

// readPage interprets one page. A panic (malformed objects) becomes the
// page's error.
func (d *pdfDoc) readPage(ctx context.Context, num int, ref pdfPageRef) (p rccplans.Page, glyphs []pdfGlyph, unmapped int, warns []string, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("%w: page unreadable: %v", ErrMalformed, x)
		}
	}()
	m, w, h := pdfPageMatrix(ref.box, ref.rotate)
	p = rccplans.Page{Number: num, Width: w, Height: h}
	in := newPDFInterp(ctx, d, m)
	// A page whose content object is broken fails (below, by its panic);
	// one broken stream of several costs only that stream.
	var data []byte
	var damaged error
	read := func(v pdf.Value) {
		b, err := pdfReadStreamErr(v, pdfMaxContent)
		if err != nil && damaged == nil {
			damaged = err
		}
		data = append(data, b...)
	}
	contents := ref.v.Key("Contents")
	switch contents.Kind() {
	case pdf.Stream:
		read(contents)
	case pdf.Array:
		for i, n := 0, contents.Len(); i < n && len(data) < pdfMaxContent; i++ {
			in.guard("page contents", func() { read(contents.Index(i)) })
			data = append(data, '\n')
		}
	}
	if damaged != nil {
		warns = append(warns, fmt.Sprintf("content stream damaged (%v); what could be decoded was read", damaged))
	}
	// Room for the glyphs up front: growing the slice was a third of
	// the reader's time.
	in.glyphs = make([]pdfGlyph, 0, len(data)/3+16)
	in.run(data, newPDFResources(ref.res))
	if in.stopped {
		return p, nil, 0, nil, ctx.Err()
	}
	if in.cut {
		warns = append(warns, "content cut short at a limit (operators, glyphs, segments or nesting)")
	}
	if in.unmapped > 0 {
		warns = append(warns, fmt.Sprintf("%d glyph(s) without a Unicode mapping (font %s has no ToUnicode map or usable encoding): their text is lost", in.unmapped, in.unmappedFont))
	}
	if in.broken > 0 {
		warns = append(warns, fmt.Sprintf("%d unreadable object(s) skipped; first: %s", in.broken, in.firstBroken))
	}
	// Rules first: lines are split at vertical rules.
	in.dropHighlights()
	p.Rules = pdfCleanRules(in.segs, w, h)
	p.Words, p.Lines = pdfBuildText(in.glyphs, p.Rules)
	p.Rules = pdfDropUnderlines(p.Rules, p.Lines)
	return p, in.glyphs, in.unmapped, warns, nil
}
