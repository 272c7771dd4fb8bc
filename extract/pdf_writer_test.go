package extract

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
)

// A tiny PDF writer for tests: objects, an xref table, content streams.

type pdfWriter struct {
	objs []string
}

// add stores an object body and returns its number.
func (w *pdfWriter) add(body string) int {
	w.objs = append(w.objs, body)
	return len(w.objs)
}

// reserve takes a number for an object written later with set.
func (w *pdfWriter) reserve() int { return w.add("null") }

func (w *pdfWriter) set(n int, body string) { w.objs[n-1] = body }

func (w *pdfWriter) stream(dict, data string) int {
	return w.add(fmt.Sprintf("<<%s /Length %d>>\nstream\n%s\nendstream", dict, len(data), data))
}

// bytes writes the file with root as the catalog.
func (w *pdfWriter) bytes(root int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(w.objs))
	for i, o := range w.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(w.objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(w.objs)+1, root, xref)
	return b.Bytes()
}

type pdfPageSpec struct {
	content  string
	mediaBox string // default "0 0 612 792"
	cropBox  string
	rotate   int
	forms    map[string]pdfFormSpec
}

type pdfFormSpec struct {
	matrix  string // "" for none
	content string
}

type pdfSpec struct {
	pages []pdfPageSpec
	fonts map[string]string // more fonts for every page: name -> font dictionary
}

// buildPDF writes a document whose pages share these resources:
//
//	F1  simple TrueType-like font, WinAnsi, every glyph 500 wide, space 250
//	F2  Type0 Identity-H font: CIDs 1,2 are 600,700 wide (/W array form),
//	    3-10 are 400 (range form), others DW 1000; ToUnicode 1->A 2->B,
//	    3-10 -> a..h (bfrange); the name says Bold
//	F3  simple font without ToUnicode: /Differences maps 1..7 to aring
//	    adieresis odieresis Aring Adieresis Odieresis eacute
//	F4  Type3 font, FontMatrix 0.01: glyph 'a' 50 units = 0.5 em
//	F5  Type0 font without ToUnicode; its embedded TrueType program's
//	    cmap maps A B C to glyphs 1 2 3 and å to 4 (every glyph 0.5 em)
//	Im1 an image
func buildPDF(spec pdfSpec) []byte {
	w := &pdfWriter{}
	catalog := w.reserve()
	pagesObj := w.reserve()

	widths := make([]string, 0, 224)
	for c := 32; c < 256; c++ {
		if c == 32 {
			widths = append(widths, "250")
		} else {
			widths = append(widths, "500")
		}
	}
	desc := w.add("<</Type /FontDescriptor /FontName /Test /Flags 32 /Ascent 900 /Descent -200 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /CapHeight 700 /StemV 80>>")
	f1 := w.add(fmt.Sprintf("<</Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Test /FirstChar 32 /LastChar 255 /Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R>>", strings.Join(widths, " "), desc))

	tu := w.stream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"+
		"/CMapName /Test def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"+
		"2 beginbfchar <0001> <0041> <0002> <0042> endbfchar\n"+
		"1 beginbfrange <0003> <000A> <0061> endbfrange\n"+
		"endcmap CMapName currentdict /CMap defineresource pop end end")
	cidDesc := w.add("<</Type /FontDescriptor /FontName /TestCID-Bold /Flags 4 /Ascent 800 /Descent -200 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /CapHeight 700 /StemV 80>>")
	cid := w.add(fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /TestCID-Bold /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW 1000 /W [1 [600 700] 3 10 400]>>", cidDesc))
	f2 := w.add(fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /TestCID-Bold /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", cid, tu))

	f3 := w.add(fmt.Sprintf("<</Type /Font /Subtype /Type1 /BaseFont /Plain /FirstChar 1 /LastChar 7 /Widths [500 500 500 500 500 500 500] /Encoding <</Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /aring /adieresis /odieresis /Aring /Adieresis /Odieresis /eacute]>> /FontDescriptor %d 0 R>>", desc))

	proc := w.stream("", "50 0 d0 0 0 50 50 re f")
	f4 := w.add(fmt.Sprintf("<</Type /Font /Subtype /Type3 /FontMatrix [0.01 0 0 0.01 0 0] /FontBBox [0 0 50 80] /FirstChar 97 /LastChar 97 /Widths [50] /Encoding <</Type /Encoding /Differences [97 /a]>> /CharProcs <</a %d 0 R>> /Resources <<>>>>", proc))

	ttf := pdfTestTrueType(4)
	ttfObj := w.stream(fmt.Sprintf("/Length1 %d", len(ttf)), string(ttf))
	ttDesc := w.add(fmt.Sprintf("<</Type /FontDescriptor /FontName /NoMap /Flags 4 /Ascent 800 /Descent -200 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /CapHeight 700 /StemV 80 /FontFile2 %d 0 R>>", ttfObj))
	ttCID := w.add(fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW 500 /CIDToGIDMap /Identity>>", ttDesc))
	f5 := w.add(fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [%d 0 R]>>", ttCID))

	img := w.stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x80")
	more := ""
	for name, dict := range spec.fonts {
		more += fmt.Sprintf(" /%s %d 0 R", name, w.add(dict))
	}
	fonts := fmt.Sprintf("/Font <</F1 %d 0 R /F2 %d 0 R /F3 %d 0 R /F4 %d 0 R /F5 %d 0 R%s>>", f1, f2, f3, f4, f5, more)

	var kids []string
	for _, p := range spec.pages {
		xobjs := fmt.Sprintf("/Im1 %d 0 R", img)
		for name, f := range p.forms {
			m := ""
			if f.matrix != "" {
				m = "/Matrix [" + f.matrix + "]"
			}
			fo := w.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [-1000 -1000 2000 2000] %s /Resources <<%s>>", m, fonts), f.content)
			xobjs += fmt.Sprintf(" /%s %d 0 R", name, fo)
		}
		content := w.stream("", p.content)
		mb := p.mediaBox
		if mb == "" {
			mb = "0 0 612 792"
		}
		extra := ""
		if p.cropBox != "" {
			extra += " /CropBox [" + p.cropBox + "]"
		}
		if p.rotate != 0 {
			extra += fmt.Sprintf(" /Rotate %d", p.rotate)
		}
		page := w.add(fmt.Sprintf("<</Type /Page /Parent %d 0 R /MediaBox [%s]%s /Resources <<%s /XObject <<%s>>>> /Contents %d 0 R>>", pagesObj, mb, extra, fonts, xobjs, content))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	w.set(pagesObj, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), len(kids)))
	w.set(catalog, fmt.Sprintf("<</Type /Catalog /Pages %d 0 R>>", pagesObj))
	return w.bytes(catalog)
}

// pdfTestTrueType writes a TrueType font program holding only a cmap
// table: format 4 (format 12 when cmapFormat is 12) mapping U+0041-0043
// to glyphs 1-3 and U+00E5 to glyph 4.
func pdfTestTrueType(cmapFormat int) []byte {
	be := binary.BigEndian
	var sub []byte
	if cmapFormat == 12 {
		groups := [][3]uint32{{0x41, 0x43, 1}, {0xE5, 0xE5, 4}}
		sub = make([]byte, 16+12*len(groups))
		be.PutUint16(sub, 12)
		be.PutUint32(sub[4:], uint32(len(sub)))
		be.PutUint32(sub[12:], uint32(len(groups)))
		for i, g := range groups {
			be.PutUint32(sub[16+12*i:], g[0])
			be.PutUint32(sub[20+12*i:], g[1])
			be.PutUint32(sub[24+12*i:], g[2])
		}
	} else {
		type seg struct{ start, end, delta uint16 }
		segs := []seg{{0x41, 0x43, uint16(1 - 0x41 + 0x10000)}, {0xE5, 0xE5, uint16(4 - 0xE5 + 0x10000)}, {0xFFFF, 0xFFFF, 1}}
		n := len(segs)
		sub = make([]byte, 16+8*n)
		be.PutUint16(sub, 4)
		be.PutUint16(sub[2:], uint16(len(sub)))
		be.PutUint16(sub[6:], uint16(2*n))
		for i, s := range segs {
			be.PutUint16(sub[14+2*i:], s.end)
			be.PutUint16(sub[16+2*n+2*i:], s.start)
			be.PutUint16(sub[16+4*n+2*i:], s.delta)
		}
	}
	cmap := make([]byte, 12, 12+len(sub))
	be.PutUint16(cmap[2:], 1)
	be.PutUint16(cmap[4:], 3)
	be.PutUint16(cmap[6:], 1)
	if cmapFormat == 12 {
		be.PutUint16(cmap[6:], 10)
	}
	be.PutUint32(cmap[8:], 12)
	cmap = append(cmap, sub...)
	font := make([]byte, 12+16)
	be.PutUint32(font, 0x00010000)
	be.PutUint16(font[4:], 1)
	copy(font[12:], "cmap")
	be.PutUint32(font[20:], uint32(len(font)))
	be.PutUint32(font[24:], uint32(len(cmap)))
	return append(font, cmap...)
}
