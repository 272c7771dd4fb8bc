package extract

import (
	"encoding/binary"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// Text for Type0 fonts that come without a ToUnicode map: their codes are
// CIDs, CIDs map to glyph ids (/CIDToGIDMap), and the embedded TrueType
// font's own 'cmap' table, inverted, maps glyph ids back to Unicode. This
// is what poppler does; without it such text is lost.

// pdfMaxFontBytes bounds an embedded font read for its cmap.
const pdfMaxFontBytes = 32 << 20

// pdfGIDText builds the CID -> text map of a CIDFontType2 from its
// embedded font program. nil when there is none or it has no usable cmap.
func pdfGIDText(cidFont pdf.Value) func(cid uint32) string {
	ff := cidFont.Key("FontDescriptor").Key("FontFile2")
	if ff.Kind() != pdf.Stream {
		return nil
	}
	runes := pdfTrueTypeGlyphRunes(pdfReadStream(ff, pdfMaxFontBytes))
	if len(runes) == 0 {
		return nil
	}
	var cidToGID []byte
	if m := cidFont.Key("CIDToGIDMap"); m.Kind() == pdf.Stream {
		cidToGID = pdfReadStream(m, 1<<20)
	}
	return func(cid uint32) string {
		gid := cid
		if cidToGID != nil {
			i := int(cid) * 2
			if i+1 >= len(cidToGID) {
				return ""
			}
			gid = uint32(cidToGID[i])<<8 | uint32(cidToGID[i+1])
		}
		if r, ok := runes[gid]; ok {
			return string(r)
		}
		return ""
	}
}

// pdfTrueTypeGlyphRunes inverts a TrueType font's Unicode cmap subtable
// (format 4 or 12) into glyph id -> rune. Malformed data gives what could
// be read.
func pdfTrueTypeGlyphRunes(font []byte) map[uint32]rune {
	be := binary.BigEndian
	if len(font) < 12 {
		return nil
	}
	n := int(be.Uint16(font[4:]))
	var cmap []byte
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil
		}
		if string(font[rec:rec+4]) == "cmap" {
			off, length := int(be.Uint32(font[rec+8:])), int(be.Uint32(font[rec+12:]))
			if off < 0 || length < 0 || off > len(font) {
				return nil
			}
			cmap = font[off:min(len(font), off+length)]
			break
		}
	}
	if len(cmap) < 4 {
		return nil
	}
	// Pick the best Unicode subtable: (3,10) or (0,4+) full repertoire,
	// else (3,1) or (0,x) BMP.
	best, bestRank := -1, 0
	for i, k := 0, int(be.Uint16(cmap[2:])); i < k; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		plat, enc, off := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:]), int(be.Uint32(cmap[rec+4:]))
		rank := 0
		switch {
		case plat == 3 && enc == 10, plat == 0 && enc >= 4:
			rank = 3
		case plat == 3 && enc == 1, plat == 0:
			rank = 2
		}
		if rank > bestRank && off >= 0 && off < len(cmap) {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return nil
	}
	t := cmap[best:]
	out := map[uint32]rune{}
	add := func(gid uint32, r rune) {
		if gid == 0 || !unicode.IsPrint(r) {
			return
		}
		if old, ok := out[gid]; ok && old < r {
			return // keep the lowest code point (a letter before its PUA twin)
		}
		out[gid] = r
	}
	if len(t) < 2 {
		return nil
	}
	switch be.Uint16(t) {
	case 4:
		if len(t) < 14 {
			return nil
		}
		segs := int(be.Uint16(t[6:])) / 2
		ends, starts := 14, 14+2*segs+2
		deltas, ranges := starts+2*segs, starts+4*segs
		if ranges+2*segs > len(t) {
			return nil
		}
		for s := 0; s < segs; s++ {
			end, start := uint32(be.Uint16(t[ends+2*s:])), uint32(be.Uint16(t[starts+2*s:]))
			delta, ro := uint32(be.Uint16(t[deltas+2*s:])), int(be.Uint16(t[ranges+2*s:]))
			if start > end || end == 0xFFFF && start == 0xFFFF {
				continue
			}
			for c := start; c <= end; c++ {
				var gid uint32
				if ro == 0 {
					gid = (c + delta) & 0xFFFF
				} else {
					at := ranges + 2*s + ro + 2*int(c-start)
					if at+2 > len(t) {
						break
					}
					gid = uint32(be.Uint16(t[at:]))
					if gid != 0 {
						gid = (gid + delta) & 0xFFFF
					}
				}
				add(gid, rune(c))
			}
		}
	case 12:
		if len(t) < 16 {
			return nil
		}
		groups := int(be.Uint32(t[12:]))
		for g := 0; g < groups && 16+12*g+12 <= len(t); g++ {
			rec := t[16+12*g:]
			start, end, gid := be.Uint32(rec), be.Uint32(rec[4:]), be.Uint32(rec[8:])
			if end < start || end-start > 0x10000 || end > unicode.MaxRune {
				continue
			}
			for c := start; c <= end; c++ {
				add(gid+c-start, rune(c))
			}
		}
	}
	return out
}
