package extract

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// pdfFont is what the content interpreter needs of a font: how to cut a
// string into codes, each code's advance width and text, and the glyph
// box height. Widths are in text space units (glyph units / 1000 for
// every font but Type3, whose FontMatrix scales them).
type pdfFont struct {
	name    string // BaseFont without the subset prefix
	bold    bool
	cid     bool // Type0: codes of one to four bytes
	ascent  float64
	descent float64 // negative

	// Simple fonts.
	widths   [256]float64
	hasWidth [256]bool
	missing  float64
	enc      *[256]string // code -> text for fonts without ToUnicode

	// Type0 fonts.
	space     []pdfCodespace // from the encoding CMap (nil: two-byte identity)
	cidOf     *pdfCMap       // code -> CID from an embedded encoding CMap (nil: identity)
	cidWidths map[uint32]float64
	dw        float64

	toUni   *pdfCMap
	gidText func(cid uint32) string // Type0 without ToUnicode: the font program's cmap
	scale   float64                 // glyph units -> text space (1/1000, or FontMatrix for Type3)
}

type pdfCodespace struct {
	n      int
	lo, hi [4]byte
}

// pdfCMap maps codes to text (ToUnicode) or CIDs (encoding CMaps).
type pdfCMap struct {
	space  []pdfCodespace
	single map[uint64]string // (len<<32 | code) -> text
	ranges []pdfCMapRange
	cids   map[uint64]uint32
	cidRng []pdfCIDRange
}

type pdfCMapRange struct {
	n      int
	lo, hi uint32
	dst    []uint16 // UTF-16 of the first code's text; the last unit counts up
	arr    []string // array form: one text per code
}

type pdfCIDRange struct {
	n      int
	lo, hi uint32
	cid    uint32
}

func pdfCodeKey(n int, code uint32) uint64 { return uint64(n)<<32 | uint64(code) }

func (m *pdfCMap) text(n int, code uint32) (string, bool) {
	if m == nil {
		return "", false
	}
	if s, ok := m.single[pdfCodeKey(n, code)]; ok {
		return s, true
	}
	for i := range m.ranges {
		r := &m.ranges[i]
		if r.n != n || code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.arr != nil {
			if int(off) < len(r.arr) {
				return r.arr[off], true
			}
			return "", false
		}
		u := append([]uint16(nil), r.dst...)
		if len(u) > 0 {
			u[len(u)-1] += uint16(off)
		}
		return string(utf16.Decode(u)), true
	}
	return "", false
}

func (m *pdfCMap) cid(n int, code uint32) (uint32, bool) {
	if m == nil {
		return code, true
	}
	if c, ok := m.cids[pdfCodeKey(n, code)]; ok {
		return c, true
	}
	for _, r := range m.cidRng {
		if r.n == n && code >= r.lo && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

func pdfBytesCode(b []byte) uint32 {
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v
}

func pdfUTF16Text(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

func pdfToUTF16(b []byte) []uint16 {
	if len(b) == 1 {
		return []uint16{uint16(b[0])}
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return u
}

// Glyph box defaults where the font descriptor says nothing usable
// (LibreOffice writes Ascent 0 Descent 0); poppler's values, so boxes
// compare.
const (
	pdfDefAscent  = 0.95
	pdfDefDescent = -0.35
)

// pdfLigatures spells out the Latin ligature code points, as text
// extractors do: a search for "finns" must find "\ufb01nns".
var pdfLigatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl", "\ufb05", "st", "\ufb06", "st")

// pdfCleanText expands ligatures, drops control characters and makes a
// soft hyphen inside a longer text a hyphen (line joining looks for "-").
// A glyph that is a soft hyphen alone stays one: whether it is the hyphen
// of a broken word or an invisible mark inside a whole one (Chromium
// draws one at every soft hyphen) is told by its neighbours when words
// are built (pdfSoftHyphens).
func pdfCleanText(t string) string {
	if t == pdfSoftHyphen {
		return t
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < 0x20 || c == 0xEF || c == 0xC2 {
			t = pdfLigatures.Replace(t)
			return strings.Map(func(r rune) rune {
				switch {
				case r < 0x20:
					return -1
				case r == 0xAD:
					return '-'
				}
				return r
			}, t)
		}
	}
	return t
}

// pdfMaxCMap bounds a CMap stream; real ones are a few KiB.
const pdfMaxCMap = 4 << 20

// pdfParseCMap reads codespace ranges, bfchar/bfrange (ToUnicode) and
// cidchar/cidrange (encoding CMaps) from a CMap stream.
func pdfParseCMap(data []byte) *pdfCMap {
	m := &pdfCMap{single: map[uint64]string{}}
	lx := &pdfLexer{buf: data, maxArgs: 1024}
	lx.run(func(op string, args []pdfOperand) bool {
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].str, args[i+1].str
				if len(lo) == 0 || len(lo) > 4 || len(hi) != len(lo) {
					continue
				}
				var cs pdfCodespace
				cs.n = len(lo)
				copy(cs.lo[:], lo)
				copy(cs.hi[:], hi)
				m.space = append(m.space, cs)
			}
		case "endbfchar":
			for i := 0; i+1 < len(args); i += 2 {
				src, dst := args[i], args[i+1]
				if src.kind != pdfStr || len(src.str) == 0 || len(src.str) > 4 {
					continue
				}
				var t string
				switch dst.kind {
				case pdfStr:
					t = pdfUTF16Text(dst.str)
				case pdfNameOp:
					t = pdfGlyphText(string(dst.str))
				default:
					continue
				}
				m.single[pdfCodeKey(len(src.str), pdfBytesCode(src.str))] = t
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi, dst := args[i], args[i+1], args[i+2]
				if lo.kind != pdfStr || hi.kind != pdfStr || len(lo.str) == 0 || len(lo.str) > 4 {
					continue
				}
				r := pdfCMapRange{n: len(lo.str), lo: pdfBytesCode(lo.str), hi: pdfBytesCode(hi.str)}
				if r.hi < r.lo {
					continue
				}
				switch dst.kind {
				case pdfStr:
					r.dst = pdfToUTF16(dst.str)
				case pdfArray:
					for _, e := range dst.arr {
						r.arr = append(r.arr, pdfUTF16Text(e.str))
					}
				default:
					continue
				}
				if r.hi-r.lo < 256 {
					// Small ranges are expanded: lookups stay map hits.
					for c := r.lo; c <= r.hi; c++ {
						if t, ok := (&pdfCMap{ranges: []pdfCMapRange{r}}).text(r.n, c); ok {
							m.single[pdfCodeKey(r.n, c)] = t
						}
					}
					continue
				}
				m.ranges = append(m.ranges, r)
			}
		case "endcidchar":
			for i := 0; i+1 < len(args); i += 2 {
				src, cid := args[i], args[i+1]
				if src.kind != pdfStr || cid.kind != pdfNum || len(src.str) == 0 || len(src.str) > 4 {
					continue
				}
				if m.cids == nil {
					m.cids = map[uint64]uint32{}
				}
				m.cids[pdfCodeKey(len(src.str), pdfBytesCode(src.str))] = uint32(cid.num)
			}
		case "endcidrange":
			for i := 0; i+2 < len(args); i += 3 {
				lo, hi, cid := args[i], args[i+1], args[i+2]
				if lo.kind != pdfStr || hi.kind != pdfStr || cid.kind != pdfNum || len(lo.str) == 0 || len(lo.str) > 4 {
					continue
				}
				m.cidRng = append(m.cidRng, pdfCIDRange{n: len(lo.str), lo: pdfBytesCode(lo.str), hi: pdfBytesCode(hi.str), cid: uint32(cid.num)})
			}
		}
		return true
	})
	return m
}

// nextCode cuts the next code off s: by the codespace ranges when there
// are any, else one byte for simple fonts and two for Type0 fonts.
func (f *pdfFont) nextCode(s []byte) (code uint32, n int) {
	if !f.cid {
		return uint32(s[0]), 1
	}
	if len(f.space) > 0 {
		for k := 1; k <= 4 && k <= len(s); k++ {
			for _, cs := range f.space {
				if cs.n != k {
					continue
				}
				in := true
				for j := 0; j < k; j++ {
					if s[j] < cs.lo[j] || s[j] > cs.hi[j] {
						in = false
						break
					}
				}
				if in {
					return pdfBytesCode(s[:k]), k
				}
			}
		}
		// No range matched: take the shortest code length.
		k := 4
		for _, cs := range f.space {
			k = min(k, cs.n)
		}
		k = min(k, len(s))
		return pdfBytesCode(s[:k]), k
	}
	if len(s) < 2 {
		return uint32(s[0]), 1
	}
	return uint32(s[0])<<8 | uint32(s[1]), 2
}

// width is the advance of a code in text space units (before font size).
func (f *pdfFont) width(code uint32, n int) float64 {
	if !f.cid {
		if code < 256 && f.hasWidth[code] {
			return f.widths[code]
		}
		return f.missing
	}
	cid, ok := f.cidOf.cid(n, code)
	if !ok {
		return f.dw
	}
	if w, ok := f.cidWidths[cid]; ok {
		return w
	}
	return f.dw
}

// text is the Unicode text of a code ("" when unknown).
func (f *pdfFont) text(code uint32, n int) string {
	if t, ok := f.toUni.text(n, code); ok {
		return t
	}
	if !f.cid && f.enc != nil && code < 256 {
		return f.enc[code]
	}
	if f.gidText != nil {
		if cid, ok := f.cidOf.cid(n, code); ok {
			return f.gidText(cid)
		}
	}
	return ""
}

// pdfStripSubset drops the "ABCDEF+" prefix of an embedded subset.
func pdfStripSubset(name string) string {
	if len(name) > 7 && name[6] == '+' {
		for i := 0; i < 6; i++ {
			if name[i] < 'A' || name[i] > 'Z' {
				return name
			}
		}
		return name[7:]
	}
	return name
}

func pdfBoldName(name string) bool {
	l := strings.ToLower(name)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi", "extrabold", "ultrabold"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// Font descriptor flags.
const (
	pdfFlagSymbolic  = 1 << 2
	pdfFlagForceBold = 1 << 18
)

// pdfReadStream returns a stream's decoded bytes, at most limit of them. A
// filter the library does not know or a corrupt stream gives what could
// be read.
func pdfReadStream(v pdf.Value, limit int64) []byte {
	data, _ := pdfReadStreamErr(v, limit)
	return data
}

// pdfReadStreamErr is pdfReadStream that also says why a stream could not
// be read to its end.
func pdfReadStreamErr(v pdf.Value, limit int64) (data []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			data, err = nil, fmt.Errorf("%v", x)
		}
	}()
	if v.Kind() != pdf.Stream {
		return nil, nil
	}
	rc := v.Reader()
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, limit))
}

// pdfLoadFont reads a font dictionary. It never fails: what is missing gets
// defaults (a simple font with 0.5 em glyphs and Latin-1 text).
func pdfLoadFont(fd pdf.Value) *pdfFont {
	f := &pdfFont{scale: 0.001, ascent: pdfDefAscent, descent: pdfDefDescent, missing: 0.5, dw: 1}
	sub := fd.Key("Subtype").Name()
	f.name = pdfStripSubset(fd.Key("BaseFont").Name())
	desc := fd.Key("FontDescriptor")
	if sub == "Type0" {
		f.cid = true
		df := fd.Key("DescendantFonts").Index(0)
		if f.name == "" {
			f.name = pdfStripSubset(df.Key("BaseFont").Name())
		}
		desc = df.Key("FontDescriptor")
		f.dw = 1
		if v := df.Key("DW"); v.Kind() == pdf.Integer || v.Kind() == pdf.Real {
			f.dw = v.Float64() * 0.001
		}
		f.cidWidths = pdfReadCIDWidths(df.Key("W"))
		enc := fd.Key("Encoding")
		if enc.Kind() == pdf.Stream {
			m := pdfParseCMap(pdfReadStream(enc, pdfMaxCMap))
			f.space = m.space
			f.cidOf = m
		}
	}
	if sub == "Type3" {
		fm := fd.Key("FontMatrix")
		if fm.Len() == 6 && fm.Index(0).Float64() != 0 {
			f.scale = fm.Index(0).Float64()
			d := fm.Index(3).Float64()
			bb := fd.Key("FontBBox")
			if bb.Len() == 4 && d != 0 {
				a, de := bb.Index(3).Float64()*d, bb.Index(1).Float64()*d
				if a > 0 && a < 3 {
					f.ascent = a
				}
				if de < 0 && de > -3 {
					f.descent = de
				}
			}
		}
	}
	flags := desc.Key("Flags").Int64()
	if a := desc.Key("Ascent").Float64() * 0.001; a != 0 {
		if a < 0 {
			a = -a
		}
		if a < 3 {
			f.ascent = a
		}
	}
	if d := desc.Key("Descent").Float64() * 0.001; d != 0 {
		if d > 0 {
			d = -d
		}
		if d > -3 {
			f.descent = d
		}
	}
	f.bold = pdfBoldName(f.name) || desc.Key("FontWeight").Float64() >= 600 || flags&pdfFlagForceBold != 0
	if tu := fd.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = pdfParseCMap(pdfReadStream(tu, pdfMaxCMap))
		if f.cid && f.space == nil && f.cidOf == nil && len(f.toUni.space) > 0 && fd.Key("Encoding").Name() != "Identity-H" && fd.Key("Encoding").Name() != "Identity-V" {
			// A predefined CMap we do not carry: the ToUnicode codespace
			// is the best guess at code lengths.
			f.space = f.toUni.space
		}
	}
	if f.cid {
		if f.toUni == nil {
			f.gidText = pdfGIDText(fd.Key("DescendantFonts").Index(0))
		}
		return f
	}

	// Simple font widths.
	if mw := desc.Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
		f.missing = mw.Float64() * f.scale
	} else if strings.Contains(strings.ToLower(f.name), "courier") {
		f.missing = 0.6
	}
	first := int(fd.Key("FirstChar").Int64())
	ws := fd.Key("Widths")
	for i, n := 0, ws.Len(); i < n; i++ {
		c := first + i
		if c < 0 || c > 255 {
			continue
		}
		f.widths[c] = ws.Index(i).Float64() * f.scale
		f.hasWidth[c] = true
	}

	// Simple font encoding, used where ToUnicode is silent.
	var enc [256]string
	base := &pdfStandard
	if sub == "TrueType" || flags&pdfFlagSymbolic != 0 {
		base = &pdfWinAnsi
	}
	e := fd.Key("Encoding")
	switch e.Kind() {
	case pdf.Name:
		if b := pdfBaseEncoding(e.Name()); b != nil {
			base = b
		}
	case pdf.Dict:
		if b := pdfBaseEncoding(e.Key("BaseEncoding").Name()); b != nil {
			base = b
		}
	}
	enc = *base
	if sub == "TrueType" && flags&pdfFlagSymbolic != 0 && e.Kind() == pdf.Null {
		// Symbolic TrueType fonts without an encoding use codes as-is.
		for c := 0x20; c < 256; c++ {
			enc[c] = string(rune(c))
		}
	}
	if e.Kind() == pdf.Dict {
		d := e.Key("Differences")
		code := 0
		for i, n := 0, d.Len(); i < n; i++ {
			v := d.Index(i)
			switch v.Kind() {
			case pdf.Integer, pdf.Real:
				code = int(v.Float64())
			case pdf.Name:
				if code >= 0 && code < 256 {
					enc[code] = pdfGlyphText(v.Name())
				}
				code++
			}
		}
	}
	f.enc = &enc
	if ws.Len() == 0 {
		pdfStandardWidths(f)
	}
	return f
}

// pdfWinAnsiCode is the WinAnsi code of each text the encoding has.
var pdfWinAnsiCode = func() map[string]int {
	m := map[string]int{}
	for c := 32; c < 256; c++ {
		if t := pdfWinAnsi[c]; t != "" {
			if _, ok := m[t]; !ok {
				m[t] = c
			}
		}
	}
	return m
}()

// pdfStandardWidths gives a font without /Widths (one of the standard
// 14, or a stand-in such as Arial) the metrics of its standard face,
// glyph by glyph through its encoding; other fonts get 0.5 em glyphs.
func pdfStandardWidths(f *pdfFont) {
	name := strings.ToLower(f.name)
	bold := strings.Contains(name, "bold") || strings.Contains(name, "black")
	italic := strings.Contains(name, "italic") || strings.Contains(name, "oblique")
	var face string
	switch {
	case strings.Contains(name, "courier"):
		for c := 0; c < 256; c++ {
			f.widths[c], f.hasWidth[c] = 0.6, true
		}
		return
	case strings.Contains(name, "helvetica") || strings.Contains(name, "arial"):
		face = "Helvetica"
		switch {
		case bold && italic:
			face += "-BoldOblique"
		case bold:
			face += "-Bold"
		case italic:
			face += "-Oblique"
		}
	case strings.Contains(name, "times"):
		face = "Times-Roman"
		switch {
		case bold && italic:
			face = "Times-BoldItalic"
		case bold:
			face = "Times-Bold"
		case italic:
			face = "Times-Italic"
		}
	}
	ws := pdfStdWidths[face]
	for c := 0; c < 256; c++ {
		w := f.missing
		if ws != nil && f.enc != nil {
			if code, ok := pdfWinAnsiCode[f.enc[c]]; ok && ws[code-32] != 0 {
				w = float64(ws[code-32]) / 1000
			}
		} else if c == ' ' {
			w = 0.25
		}
		f.widths[c], f.hasWidth[c] = w, true
	}
}

// pdfReadCIDWidths reads a CIDFont /W array: "c [w1 w2 ...]" and
// "cfirst clast w" entries.
func pdfReadCIDWidths(w pdf.Value) map[uint32]float64 {
	m := map[uint32]float64{}
	n := w.Len()
	const maxEntries = 1 << 20
	for i := 0; i < n && len(m) < maxEntries; {
		c := w.Index(i)
		if c.Kind() != pdf.Integer && c.Kind() != pdf.Real {
			i++
			continue
		}
		start := c.Float64()
		if start < 0 {
			i++
			continue
		}
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j, k := 0, min(next.Len(), maxEntries); j < k; j++ {
				m[uint32(start)+uint32(j)] = next.Index(j).Float64() * 0.001
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := next.Float64()
		wd := w.Index(i+2).Float64() * 0.001
		if last-start < maxEntries && start < 1<<32 {
			for k := 0; k <= int(last-start) && len(m) < maxEntries; k++ {
				m[uint32(start)+uint32(k)] = wd
			}
		}
		i += 3
	}
	return m
}
