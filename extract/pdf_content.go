package extract

import (
	"context"
	"fmt"
	"math"

	"github.com/ledongthuc/pdf"
)

// The content interpreter: runs a page's content streams (and the Form
// XObjects they draw) and records glyphs with their boxes and the
// segments of painted paths, both already in page space (points, top-left
// origin, after the page's rotation and crop box).

// pdfMatrix is a PDF transformation [a b c d e f]: x' = a x + c y + e,
// y' = b x + d y + f.
type pdfMatrix [6]float64

var pdfIdentity = pdfMatrix{1, 0, 0, 1, 0, 0}

// mul returns m then n (the PDF convention m × n).
func (m pdfMatrix) mul(n pdfMatrix) pdfMatrix {
	return pdfMatrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m pdfMatrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// pdfGlyph is one drawn character in page space.
type pdfGlyph struct {
	x0, y0, x1, y1 float64 // box
	ox, oy         float64 // baseline origin
	text           string
	size           float64 // font size after the matrices
	font           *pdfFont
	bold           bool
	dir            uint8 // 0 left to right, 1 top to bottom, 2 right to left, 3 bottom to top
	space          bool
	seq            int // drawing order on the page
}

// pdfSegment is a candidate rule in page space before clean-up.
type pdfSegment struct {
	x0, y0, x1, y1 float64
	width          float64
	fill           int // 1 + index in pdfInterp.fills for the edges of a filled rectangle
}

// pdfFill is a filled rectangle whose edges became segments.
type pdfFill struct {
	x0, y0, x1, y1 float64
}

type pdfGState struct {
	ctm         pdfMatrix
	lineWidth   float64
	fillWhite   bool
	strokeWhite bool
	fillClear   bool // alpha 0
	strokeClear bool

	font     *pdfFont
	fontSize float64
	tc, tw   float64
	th       float64 // horizontal scaling, 1 = 100%
	tl       float64
	rise     float64
	render   int
}

type pdfPoint struct{ x, y float64 }

type pdfSubpath struct {
	pts    []pdfPoint
	curve  []bool // curve[i]: the segment ending at pts[i] is a curve
	closed bool
	rect   bool
}

// pdfResources wraps a resource dictionary with per-page caches.
type pdfResources struct {
	v     pdf.Value
	fonts map[string]*pdfFont
	gs    map[string][2]bool // name -> stroke clear, fill clear
}

func newPDFResources(v pdf.Value) *pdfResources {
	return &pdfResources{v: v}
}

// Limits per page against hostile content.
const (
	pdfMaxFormDepth = 12
	pdfMaxOps       = 4_000_000
	pdfMaxGlyphs    = 500_000
	pdfMaxSegs      = 200_000
	pdfMaxContent   = 64 << 20
)

type pdfInterp struct {
	doc    *pdfDoc
	st     pdfGState
	stack  []pdfGState
	tm     pdfMatrix
	tlm    pdfMatrix
	path   []pdfSubpath
	glyphs []pdfGlyph
	segs   []pdfSegment
	fills  []pdfFill
	images int
	ops    int
	depth  int
	cut    bool // a limit stopped the page

	marked []pdfMarked // open marked-content sequences

	ctx          context.Context
	stopped      bool   // ctx was cancelled
	unmapped     int    // glyphs drawn without any text
	unmappedFont string // the font of the first
	broken       int    // resources that could not be read
	firstBroken  string // the first of them, for the warning
}

func newPDFInterp(ctx context.Context, doc *pdfDoc, base pdfMatrix) *pdfInterp {
	return &pdfInterp{ctx: ctx, doc: doc, st: pdfGState{ctm: base, lineWidth: 1, th: 1}}
}

// guard runs f, turning a panic of the object layer (a broken font,
// image or form object) into a count: the rest of the page still reads.
func (in *pdfInterp) guard(what string, f func()) {
	defer func() {
		if x := recover(); x != nil {
			in.broken++
			if in.firstBroken == "" {
				in.firstBroken = fmt.Sprintf("%s: %v", what, x)
			}
		}
	}()
	f()
}

func pdfArg(args []pdfOperand, i int) float64 {
	if i < len(args) {
		return args[i].num
	}
	return 0
}

// run interprets one content stream with its resources.
func (in *pdfInterp) run(data []byte, res *pdfResources) {
	lx := &pdfLexer{buf: data}
	lx.run(func(op string, args []pdfOperand) bool {
		in.ops++
		if in.ops > pdfMaxOps || len(in.glyphs) > pdfMaxGlyphs || len(in.segs) > pdfMaxSegs {
			in.cut = true
			return false
		}
		if in.ops&0x3FFF == 0 && in.ctx != nil && in.ctx.Err() != nil {
			in.stopped = true
			return false
		}
		if in.stopped {
			return false
		}
		in.do(op, args, res)
		return true
	})
}

func (in *pdfInterp) do(op string, args []pdfOperand, res *pdfResources) {
	st := &in.st
	switch op {
	// Graphics state.
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, *st)
		}
	case "Q":
		if n := len(in.stack); n > 0 {
			*st = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case "cm":
		if len(args) >= 6 {
			m := pdfMatrix{pdfArg(args, 0), pdfArg(args, 1), pdfArg(args, 2), pdfArg(args, 3), pdfArg(args, 4), pdfArg(args, 5)}
			st.ctm = m.mul(st.ctm)
		}
	case "w":
		st.lineWidth = pdfArg(args, 0)
	case "gs":
		if len(args) > 0 {
			name := string(args[0].str)
			in.guard("ExtGState /"+name, func() {
				c := in.extGState(res, name)
				st.strokeClear, st.fillClear = c[0], c[1]
			})
		}

	// Colours: only whether a paint is invisible (white) matters.
	case "g":
		st.fillWhite = pdfArg(args, 0) >= 0.97
	case "G":
		st.strokeWhite = pdfArg(args, 0) >= 0.97
	case "rg":
		st.fillWhite = pdfWhiteRGB(args)
	case "RG":
		st.strokeWhite = pdfWhiteRGB(args)
	case "k":
		st.fillWhite = pdfWhiteCMYK(args)
	case "K":
		st.strokeWhite = pdfWhiteCMYK(args)
	case "cs":
		st.fillWhite = false
	case "CS":
		st.strokeWhite = false
	case "sc", "scn":
		st.fillWhite = pdfWhiteAny(args)
	case "SC", "SCN":
		st.strokeWhite = pdfWhiteAny(args)

	// Paths.
	case "m":
		x, y := st.ctm.apply(pdfArg(args, 0), pdfArg(args, 1))
		in.path = append(in.path, pdfSubpath{pts: []pdfPoint{{x, y}}, curve: []bool{false}})
	case "l":
		in.lineTo(pdfArg(args, 0), pdfArg(args, 1), false)
	case "c":
		in.lineTo(pdfArg(args, 4), pdfArg(args, 5), true)
	case "v", "y":
		in.lineTo(pdfArg(args, 2), pdfArg(args, 3), true)
	case "re":
		x, y, w, h := pdfArg(args, 0), pdfArg(args, 1), pdfArg(args, 2), pdfArg(args, 3)
		var sp pdfSubpath
		for _, p := range [4][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}} {
			px, py := st.ctm.apply(p[0], p[1])
			sp.pts = append(sp.pts, pdfPoint{px, py})
			sp.curve = append(sp.curve, false)
		}
		sp.closed, sp.rect = true, true
		in.path = append(in.path, sp)
	case "h":
		if n := len(in.path); n > 0 {
			in.path[n-1].closed = true
		}
	case "S":
		in.paint(true, false, false)
	case "s":
		in.paint(true, false, true)
	case "f", "F", "f*":
		in.paint(false, true, false)
	case "B", "B*":
		in.paint(true, true, false)
	case "b", "b*":
		in.paint(true, true, true)
	case "n":
		// Ends a path without painting it: clipping paths (W, W*) end
		// here and are never lines.
		in.path = in.path[:0]
	case "W", "W*":
		// The clip itself does not matter; the painting operator after it
		// decides.

	// Text.
	case "BT":
		in.tm, in.tlm = pdfIdentity, pdfIdentity
	case "ET":
	case "Tf":
		if len(args) >= 2 {
			name := string(args[0].str)
			st.font = pdfDefaultFont
			in.guard("font /"+name, func() { st.font = in.font(res, name) })
			st.fontSize = args[1].num
		}
	case "Tc":
		st.tc = pdfArg(args, 0)
	case "Tw":
		st.tw = pdfArg(args, 0)
	case "Tz":
		st.th = pdfArg(args, 0) / 100
	case "TL":
		st.tl = pdfArg(args, 0)
	case "Ts":
		st.rise = pdfArg(args, 0)
	case "Tr":
		st.render = int(pdfArg(args, 0))
	case "Td":
		in.tlm = pdfMatrix{1, 0, 0, 1, pdfArg(args, 0), pdfArg(args, 1)}.mul(in.tlm)
		in.tm = in.tlm
	case "TD":
		st.tl = -pdfArg(args, 1)
		in.tlm = pdfMatrix{1, 0, 0, 1, pdfArg(args, 0), pdfArg(args, 1)}.mul(in.tlm)
		in.tm = in.tlm
	case "Tm":
		if len(args) >= 6 {
			in.tlm = pdfMatrix{pdfArg(args, 0), pdfArg(args, 1), pdfArg(args, 2), pdfArg(args, 3), pdfArg(args, 4), pdfArg(args, 5)}
			in.tm = in.tlm
		}
	case "T*":
		in.nextLine()
	case "Tj":
		if len(args) > 0 {
			in.show(args[len(args)-1].str)
		}
	case "'":
		in.nextLine()
		if len(args) > 0 {
			in.show(args[len(args)-1].str)
		}
	case "\"":
		if len(args) >= 3 {
			st.tw, st.tc = args[0].num, args[1].num
			in.nextLine()
			in.show(args[2].str)
		}
	case "TJ":
		if len(args) > 0 {
			for _, e := range args[len(args)-1].arr {
				switch e.kind {
				case pdfStr:
					in.show(e.str)
				case pdfNum:
					in.advance(-e.num / 1000 * st.fontSize * st.th)
				}
			}
		}

	// Marked content: /ActualText replaces the text of the glyphs inside
	// (Word writes it for ligatures and hyphens; poppler reads it).
	case "BMC":
		in.marked = append(in.marked, pdfMarked{start: -1})
	case "BDC":
		m := pdfMarked{start: -1}
		if n := len(args); n > 0 && args[n-1].kind == pdfDictOp && args[n-1].num == 1 && len(in.marked) < 64 {
			m = pdfMarked{start: len(in.glyphs), text: pdfTextString(args[n-1].str)}
		}
		in.marked = append(in.marked, m)
	case "EMC":
		if n := len(in.marked); n > 0 {
			m := in.marked[n-1]
			in.marked = in.marked[:n-1]
			if m.start >= 0 && m.start <= len(in.glyphs) {
				in.actualText(m)
			}
		}

	// XObjects and images.
	case "Do":
		if len(args) > 0 {
			name := string(args[0].str)
			in.guard("XObject /"+name, func() { in.xobject(res, name) })
		}
	case "BI":
		in.images++
	}
}

// pdfMarked is an open marked-content sequence; start >= 0 when it has
// an ActualText (text), at the first glyph drawn inside.
type pdfMarked struct {
	start int
	text  string
}

// actualText makes the glyphs of a closed ActualText span one glyph
// with that text over their joint box (none when the text is empty).
func (in *pdfInterp) actualText(m pdfMarked) {
	gs := in.glyphs[m.start:]
	if len(gs) == 0 {
		return
	}
	text := pdfCleanText(m.text)
	if text == "" {
		in.glyphs = in.glyphs[:m.start]
		return
	}
	g := gs[0]
	for _, o := range gs[1:] {
		if o.dir != g.dir {
			continue
		}
		g.x0, g.y0 = math.Min(g.x0, o.x0), math.Min(g.y0, o.y0)
		g.x1, g.y1 = math.Max(g.x1, o.x1), math.Max(g.y1, o.y1)
	}
	g.text = text
	g.space = pdfIsSpace(text)
	in.glyphs = append(in.glyphs[:m.start], g)
}

// pdfTextString decodes a PDF text string: UTF-16BE after a byte order
// mark, else PDFDocEncoding (read as Latin-1, which it equals for
// letters).
func pdfTextString(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		return pdfUTF16Text(b[2:])
	}
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

func pdfWhiteRGB(args []pdfOperand) bool {
	return len(args) >= 3 && args[0].num >= 0.97 && args[1].num >= 0.97 && args[2].num >= 0.97
}

func pdfWhiteCMYK(args []pdfOperand) bool {
	return len(args) >= 4 && args[0].num <= 0.03 && args[1].num <= 0.03 && args[2].num <= 0.03 && args[3].num <= 0.03
}

// pdfWhiteAny judges sc/scn operands by their count; a pattern (a name) is
// never white.
func pdfWhiteAny(args []pdfOperand) bool {
	if len(args) == 0 || args[len(args)-1].kind != pdfNum {
		return false
	}
	switch len(args) {
	case 1:
		return args[0].num >= 0.97
	case 3:
		return pdfWhiteRGB(args)
	case 4:
		return pdfWhiteCMYK(args)
	}
	return false
}

func (in *pdfInterp) lineTo(x, y float64, curve bool) {
	px, py := in.st.ctm.apply(x, y)
	n := len(in.path)
	if n == 0 || in.path[n-1].closed && in.path[n-1].rect {
		in.path = append(in.path, pdfSubpath{pts: []pdfPoint{{px, py}}, curve: []bool{false}})
		return
	}
	sp := &in.path[n-1]
	sp.pts = append(sp.pts, pdfPoint{px, py})
	sp.curve = append(sp.curve, curve)
}

// pdfRuleThin is the thickness below which a filled shape is a line.
const pdfRuleThin = 3.0

// pdfAxisTol is how far from horizontal or vertical a stroked segment may
// lean and still be a rule.
const pdfAxisTol = 0.5

// paint turns the current path into segments and clears it.
func (in *pdfInterp) paint(stroke, fill, close bool) {
	st := &in.st
	strokeOK := stroke && !st.strokeWhite && !st.strokeClear
	fillOK := fill && !st.fillWhite && !st.fillClear
	scale := math.Sqrt(math.Abs(st.ctm[0]*st.ctm[3] - st.ctm[1]*st.ctm[2]))
	for i := range in.path {
		sp := &in.path[i]
		if len(sp.pts) == 0 {
			continue
		}
		if fillOK {
			in.fillSegments(sp)
		}
		if strokeOK {
			lw := st.lineWidth * scale
			n := len(sp.pts)
			for j := 1; j < n; j++ {
				if !sp.curve[j] {
					in.strokeSegment(sp.pts[j-1], sp.pts[j], lw)
				}
			}
			if (close || sp.closed) && n > 2 {
				in.strokeSegment(sp.pts[n-1], sp.pts[0], lw)
			}
		}
	}
	in.path = in.path[:0]
}

// pdfFinite: no NaN or infinity (absurd matrices overflow), which would
// also make the layout unencodable as JSON.
func pdfFinite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e9 {
			return false
		}
	}
	return true
}

func (in *pdfInterp) strokeSegment(p, q pdfPoint, lw float64) {
	if !pdfFinite(p.x, p.y, q.x, q.y, lw) {
		return
	}
	switch {
	case math.Abs(p.y-q.y) <= pdfAxisTol && math.Abs(p.x-q.x) > pdfAxisTol:
		y := (p.y + q.y) / 2
		in.segs = append(in.segs, pdfSegment{math.Min(p.x, q.x), y, math.Max(p.x, q.x), y, lw, 0})
	case math.Abs(p.x-q.x) <= pdfAxisTol && math.Abs(p.y-q.y) > pdfAxisTol:
		x := (p.x + q.x) / 2
		in.segs = append(in.segs, pdfSegment{x, math.Min(p.y, q.y), x, math.Max(p.y, q.y), lw, 0})
	}
}

// fillSegments: a thin filled shape is one rule along its long side; a
// filled rectangle gives its four edges (cell shading, Chromium borders).
// Other shapes (glyph outlines, logos) give nothing.
func (in *pdfInterp) fillSegments(sp *pdfSubpath) {
	x0, y0, x1, y1 := sp.pts[0].x, sp.pts[0].y, sp.pts[0].x, sp.pts[0].y
	for _, p := range sp.pts[1:] {
		x0, y0 = math.Min(x0, p.x), math.Min(y0, p.y)
		x1, y1 = math.Max(x1, p.x), math.Max(y1, p.y)
	}
	if !pdfFinite(x0, y0, x1, y1) {
		return
	}
	w, h := x1-x0, y1-y0
	switch {
	case h < pdfRuleThin && w >= h && w > 0:
		y := (y0 + y1) / 2
		in.segs = append(in.segs, pdfSegment{x0, y, x1, y, h, 0})
	case w < pdfRuleThin && h > w:
		x := (x0 + x1) / 2
		in.segs = append(in.segs, pdfSegment{x, y0, x, y1, w, 0})
	case pdfIsRect(sp, x0, y0, x1, y1):
		in.fills = append(in.fills, pdfFill{x0, y0, x1, y1})
		f := len(in.fills)
		in.segs = append(in.segs,
			pdfSegment{x0, y0, x1, y0, 0, f}, pdfSegment{x0, y1, x1, y1, 0, f},
			pdfSegment{x0, y0, x0, y1, 0, f}, pdfSegment{x1, y0, x1, y1, 0, f})
	}
}

// dropHighlights removes the edges of filled rectangles that hug the text
// inside them, end to end and about one line high: text highlighting
// (a marker pen, HTML <mark>), not cell shading, which has padding.
func (in *pdfInterp) dropHighlights() {
	if len(in.fills) == 0 || len(in.fills)*len(in.glyphs) > 5e7 {
		return // nothing to do, or a pathological page not worth the time
	}
	hl := make([]bool, len(in.fills))
	any := false
	for i, f := range in.fills {
		minX, maxX, size, n := math.Inf(1), math.Inf(-1), 0.0, 0
		for j := range in.glyphs {
			g := &in.glyphs[j]
			cx, cy := (g.x0+g.x1)/2, (g.y0+g.y1)/2
			if g.space || cx < f.x0 || cx > f.x1 || cy < f.y0 || cy > f.y1 {
				continue
			}
			minX, maxX, size, n = math.Min(minX, g.x0), math.Max(maxX, g.x1), math.Max(size, g.size), n+1
		}
		if n > 0 && math.Abs(minX-f.x0) <= 1 && math.Abs(maxX-f.x1) <= 1 && f.y1-f.y0 <= 2*size {
			hl[i], any = true, true
		}
	}
	if !any {
		return
	}
	out := in.segs[:0]
	for _, s := range in.segs {
		if s.fill > 0 && hl[s.fill-1] {
			continue
		}
		out = append(out, s)
	}
	in.segs = out
}

// pdfIsRect: every point of the subpath is a corner of its bounding box and
// no segment is a curve.
func pdfIsRect(sp *pdfSubpath, x0, y0, x1, y1 float64) bool {
	if len(sp.pts) < 4 || len(sp.pts) > 5 {
		return false
	}
	for i, p := range sp.pts {
		if sp.curve[i] {
			return false
		}
		if !(pdfNear(p.x, x0) || pdfNear(p.x, x1)) || !(pdfNear(p.y, y0) || pdfNear(p.y, y1)) {
			return false
		}
	}
	return true
}

func pdfNear(a, b float64) bool { return math.Abs(a-b) <= 0.5 }

func (in *pdfInterp) nextLine() {
	in.tlm = pdfMatrix{1, 0, 0, 1, 0, -in.st.tl}.mul(in.tlm)
	in.tm = in.tlm
}

// advance moves the text matrix tx along the baseline (text space).
func (in *pdfInterp) advance(tx float64) {
	in.tm[4] += tx * in.tm[0]
	in.tm[5] += tx * in.tm[1]
}

// show draws a string with the current font.
func (in *pdfInterp) show(s []byte) {
	st := &in.st
	f := st.font
	if f == nil {
		f = pdfDefaultFont
	}
	m := in.tm.mul(st.ctm)
	size := st.fontSize
	// Effective size and direction in page space.
	upx, upy := m[2]*size, m[3]*size
	esize := math.Hypot(upx, upy)
	bx, by := m[0], m[1]
	var dir uint8
	switch {
	case math.Abs(bx) >= math.Abs(by) && bx >= 0:
		dir = 0
	case math.Abs(bx) >= math.Abs(by):
		dir = 2
	case by > 0:
		dir = 1
	default:
		dir = 3
	}
	bold := f.bold || st.render == 2
	hs := size * st.th
	xoff := 0.0
	for len(s) > 0 {
		code, n := f.nextCode(s)
		s = s[n:]
		w := f.width(code, n)
		text := pdfCleanText(f.text(code, n))
		if text == "" && !f.cid && code == ' ' {
			text = " "
		}
		if text == "" {
			if in.unmapped == 0 {
				in.unmappedFont = f.name
			}
			in.unmapped++
		}
		if text != "" && esize > 0 {
			g := pdfGlyph{text: text, size: esize, font: f, bold: bold, dir: dir, seq: len(in.glyphs)}
			g.space = pdfIsSpace(text)
			g.ox, g.oy = m.apply(xoff, st.rise)
			// Box corners: (0|w) along the baseline, descent..ascent up.
			u1 := w * hs
			yd, ya := f.descent*size+st.rise, f.ascent*size+st.rise
			ax, ay := m.apply(xoff, yd)
			bx, by := m.apply(xoff+u1, yd)
			cx, cy := m.apply(xoff+u1, ya)
			dx, dy := m.apply(xoff, ya)
			g.x0 = math.Min(math.Min(ax, bx), math.Min(cx, dx))
			g.x1 = math.Max(math.Max(ax, bx), math.Max(cx, dx))
			g.y0 = math.Min(math.Min(ay, by), math.Min(cy, dy))
			g.y1 = math.Max(math.Max(ay, by), math.Max(cy, dy))
			if pdfFinite(g.x0, g.y0, g.x1, g.y1, g.ox, g.oy, g.size) {
				in.glyphs = append(in.glyphs, g)
			}
		}
		tx := w*size + st.tc
		if n == 1 && code == ' ' {
			tx += st.tw
		}
		xoff += tx * st.th
	}
	in.advance(xoff)
}

func pdfIsSpace(t string) bool {
	for _, r := range t {
		if r != ' ' && r != '\u00a0' && r != '\t' && r != '\u2002' && r != '\u2003' && r != '\u2009' && r != '\u200b' {
			return false
		}
	}
	return true
}

var pdfDefaultFont = &pdfFont{name: "", ascent: pdfDefAscent, descent: pdfDefDescent, missing: 0.5, scale: 0.001, enc: &pdfWinAnsi}

func (in *pdfInterp) font(res *pdfResources, name string) *pdfFont {
	if f, ok := res.fonts[name]; ok {
		return f
	}
	if res.fonts == nil {
		res.fonts = map[string]*pdfFont{}
	}
	fd := res.v.Key("Font").Key(name)
	f := pdfDefaultFont
	if fd.Kind() == pdf.Dict {
		f = in.doc.font(fd)
	}
	res.fonts[name] = f
	return f
}

func (in *pdfInterp) extGState(res *pdfResources, name string) [2]bool {
	if c, ok := res.gs[name]; ok {
		return c
	}
	if res.gs == nil {
		res.gs = map[string][2]bool{}
	}
	g := res.v.Key("ExtGState").Key(name)
	clear := func(k string) bool {
		v := g.Key(k)
		return (v.Kind() == pdf.Integer || v.Kind() == pdf.Real) && v.Float64() <= 0.01
	}
	c := [2]bool{clear("CA"), clear("ca")}
	res.gs[name] = c
	return c
}

// xobject draws a Form XObject (recursion-bounded); images are counted.
func (in *pdfInterp) xobject(res *pdfResources, name string) {
	x := res.v.Key("XObject").Key(name)
	switch x.Key("Subtype").Name() {
	case "Image":
		in.images++
		return
	case "Form":
	default:
		return
	}
	if in.depth >= pdfMaxFormDepth || in.cut {
		in.cut = in.depth >= pdfMaxFormDepth || in.cut
		return
	}
	data := pdfReadStream(x, pdfMaxContent)
	if len(data) == 0 {
		return
	}
	saved, savedTM, savedTLM, savedPath := in.st, in.tm, in.tlm, in.path
	if m := x.Key("Matrix"); m.Len() == 6 {
		fm := pdfMatrix{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(), m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}
		in.st.ctm = fm.mul(in.st.ctm)
	}
	sub := res
	if r := x.Key("Resources"); r.Kind() == pdf.Dict {
		sub = newPDFResources(r)
	}
	depth := len(in.stack)
	in.path = nil
	in.depth++
	defer func() {
		// Restored even when the form panics half-way.
		in.depth--
		in.st, in.tm, in.tlm, in.path = saved, savedTM, savedTLM, savedPath
		if len(in.stack) > depth {
			in.stack = in.stack[:depth]
		}
	}()
	in.run(data, sub)
}
