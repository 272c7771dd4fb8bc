package extract

// Single-byte encodings of simple fonts and glyph names, for fonts that
// come without a ToUnicode map. Only what Latin text needs: WinAnsi,
// MacRoman and Standard encodings, and the glyph names of those sets
// (plus "uniXXXX" and "uXXXX" names, read arithmetically).

// pdfWinAnsi80 is WinAnsiEncoding 0x80-0x9F (0xFFFD where undefined); the
// rest of WinAnsi is Latin-1.
var pdfWinAnsi80 = []rune("\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178")

// pdfMacRoman80 is MacRomanEncoding 0x80-0xFF; below is ASCII.
var pdfMacRoman80 = []rune("\u00c4\u00c5\u00c7\u00c9\u00d1\u00d6\u00dc\u00e1\u00e0\u00e2\u00e4\u00e3\u00e5\u00e7\u00e9\u00e8\u00ea\u00eb\u00ed\u00ec\u00ee\u00ef\u00f1\u00f3\u00f2\u00f4\u00f6\u00f5\u00fa\u00f9\u00fb\u00fc\u2020\u00b0\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u2122\u00b4\u00a8\u2260\u00c6\u00d8\u221e\u00b1\u2264\u2265\u00a5\u00b5\u2202\u2211\u220f\u03c0\u222b\u00aa\u00ba\u03a9\u00e6\u00f8\u00bf\u00a1\u00ac\u221a\u0192\u2248\u2206\u00ab\u00bb\u2026\u00a0\u00c0\u00c3\u00d5\u0152\u0153\u2013\u2014\u201c\u201d\u2018\u2019\u00f7\u25ca\u00ff\u0178\u2044\u20ac\u2039\u203a\ufb01\ufb02\u2021\u00b7\u201a\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d3\u00d4\uf8ff\u00d2\u00da\u00db\u00d9\u0131\u02c6\u02dc\u00af\u02d8\u02d9\u02da\u00b8\u02dd\u02db\u02c7")

// pdfStandardHigh is StandardEncoding above 0x7F, by glyph name.
var pdfStandardHigh = map[byte]string{
	0xA1: "exclamdown", 0xA2: "cent", 0xA3: "sterling", 0xA4: "fraction", 0xA5: "yen", 0xA6: "florin",
	0xA7: "section", 0xA8: "currency", 0xA9: "quotesingle", 0xAA: "quotedblleft", 0xAB: "guillemotleft",
	0xAC: "guilsinglleft", 0xAD: "guilsinglright", 0xAE: "fi", 0xAF: "fl", 0xB1: "endash", 0xB2: "dagger",
	0xB3: "daggerdbl", 0xB4: "periodcentered", 0xB6: "paragraph", 0xB7: "bullet", 0xB8: "quotesinglbase",
	0xB9: "quotedblbase", 0xBA: "quotedblright", 0xBB: "guillemotright", 0xBC: "ellipsis", 0xBD: "perthousand",
	0xBF: "questiondown", 0xC1: "grave", 0xC2: "acute", 0xC3: "circumflex", 0xC4: "tilde", 0xC5: "macron",
	0xC6: "breve", 0xC7: "dotaccent", 0xC8: "dieresis", 0xCA: "ring", 0xCB: "cedilla", 0xCD: "hungarumlaut",
	0xCE: "ogonek", 0xCF: "caron", 0xD0: "emdash", 0xE1: "AE", 0xE3: "ordfeminine", 0xE8: "Lslash",
	0xE9: "Oslash", 0xEA: "OE", 0xEB: "ordmasculine", 0xF1: "ae", 0xF5: "dotlessi", 0xF8: "lslash",
	0xF9: "oslash", 0xFA: "oe", 0xFB: "germandbls",
}

// pdfASCIINames are the glyph names of 0x20-0x7E.
var pdfASCIINames = []string{
	"space", "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "quotesingle",
	"parenleft", "parenright", "asterisk", "plus", "comma", "hyphen", "period", "slash",
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"colon", "semicolon", "less", "equal", "greater", "question", "at",
	"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
	"bracketleft", "backslash", "bracketright", "asciicircum", "underscore", "grave",
	"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
	"braceleft", "bar", "braceright", "asciitilde",
}

// pdfLatin1Names are the glyph names of U+00A1-U+00FF.
var pdfLatin1Names = []string{
	"exclamdown", "cent", "sterling", "currency", "yen", "brokenbar", "section", "dieresis", "copyright",
	"ordfeminine", "guillemotleft", "logicalnot", "sfthyphen", "registered", "macron", "degree", "plusminus",
	"twosuperior", "threesuperior", "acute", "mu", "paragraph", "periodcentered", "cedilla", "onesuperior",
	"ordmasculine", "guillemotright", "onequarter", "onehalf", "threequarters", "questiondown",
	"Agrave", "Aacute", "Acircumflex", "Atilde", "Adieresis", "Aring", "AE", "Ccedilla", "Egrave", "Eacute",
	"Ecircumflex", "Edieresis", "Igrave", "Iacute", "Icircumflex", "Idieresis", "Eth", "Ntilde", "Ograve",
	"Oacute", "Ocircumflex", "Otilde", "Odieresis", "multiply", "Oslash", "Ugrave", "Uacute", "Ucircumflex",
	"Udieresis", "Yacute", "Thorn", "germandbls", "agrave", "aacute", "acircumflex", "atilde", "adieresis",
	"aring", "ae", "ccedilla", "egrave", "eacute", "ecircumflex", "edieresis", "igrave", "iacute",
	"icircumflex", "idieresis", "eth", "ntilde", "ograve", "oacute", "ocircumflex", "otilde", "odieresis",
	"divide", "oslash", "ugrave", "uacute", "ucircumflex", "udieresis", "yacute", "thorn", "ydieresis",
}

// pdfOtherNames are glyph names outside ASCII and Latin-1 that Latin text uses.
var pdfOtherNames = map[string]rune{
	"Euro": 0x20AC, "quotesinglbase": 0x201A, "florin": 0x0192, "quotedblbase": 0x201E, "ellipsis": 0x2026,
	"dagger": 0x2020, "daggerdbl": 0x2021, "circumflex": 0x02C6, "perthousand": 0x2030, "Scaron": 0x0160,
	"guilsinglleft": 0x2039, "OE": 0x0152, "Zcaron": 0x017D, "quoteleft": 0x2018, "quoteright": 0x2019,
	"quotedblleft": 0x201C, "quotedblright": 0x201D, "bullet": 0x2022, "endash": 0x2013, "emdash": 0x2014,
	"tilde": 0x02DC, "trademark": 0x2122, "scaron": 0x0161, "guilsinglright": 0x203A, "oe": 0x0153,
	"zcaron": 0x017E, "Ydieresis": 0x0178, "fi": 0xFB01, "fl": 0xFB02, "ff": 0xFB00, "ffi": 0xFB03,
	"ffl": 0xFB04, "minus": 0x2212, "fraction": 0x2044, "dotlessi": 0x0131, "Lslash": 0x0141,
	"lslash": 0x0142, "nbspace": 0x00A0, "nonbreakingspace": 0x00A0, "ring": 0x02DA, "caron": 0x02C7,
	"breve": 0x02D8, "dotaccent": 0x02D9, "hungarumlaut": 0x02DD, "ogonek": 0x02DB, "middot": 0x00B7,
	"Omega": 0x2126, "approxequal": 0x2248, "notequal": 0x2260, "lessequal": 0x2264,
	"greaterequal": 0x2265, "infinity": 0x221E, "partialdiff": 0x2202, "summation": 0x2211,
	"product": 0x220F, "pi": 0x03C0, "integral": 0x222B, "radical": 0x221A, "lozenge": 0x25CA,
	"Delta": 0x2206, "apple": 0xF8FF, "hyphenminus": 0x002D, "softhyphen": 0x00AD, "periodcentered": 0x00B7,
	"arrowright": 0x2192, "arrowleft": 0x2190, "checkmark": 0x2713, "square": 0x25A1, "filledbox": 0x25A0,
	"H18533": 0x25CF, "circle": 0x25CB, "triangle": 0x25B2, "mu1": 0x00B5, "Dcroat": 0x0110, "dcroat": 0x0111,
}

// pdfGlyphRunes maps every glyph name above to its rune.
var pdfGlyphRunes = func() map[string]rune {
	m := make(map[string]rune, 400)
	for i, n := range pdfASCIINames {
		m[n] = rune(0x20 + i)
	}
	for i, n := range pdfLatin1Names {
		m[n] = rune(0xA1 + i)
	}
	for n, r := range pdfOtherNames {
		m[n] = r
	}
	m["sfthyphen"] = 0x00AD
	return m
}()

// pdfGlyphText gives the text of a glyph name: a known name, uniXXXX
// (possibly several code points), uXXXX[XX], or a name with a suffix
// ("a.sc", "f_i" ligatures). Unknown names give "".
func pdfGlyphText(name string) string {
	if r, ok := pdfGlyphRunes[name]; ok {
		return string(r)
	}
	if i := pdfIndexByte(name, '.'); i > 0 {
		return pdfGlyphText(name[:i])
	}
	if pdfIndexByte(name, '_') > 0 {
		var s string
		start := 0
		for i := 0; i <= len(name); i++ {
			if i == len(name) || name[i] == '_' {
				t := pdfGlyphText(name[start:i])
				if t == "" {
					return ""
				}
				s += t
				start = i + 1
			}
		}
		return s
	}
	if len(name) >= 7 && name[:3] == "uni" && (len(name)-3)%4 == 0 {
		var rs []rune
		for i := 3; i < len(name); i += 4 {
			v, ok := pdfHexValue(name[i : i+4])
			if !ok {
				return ""
			}
			rs = append(rs, rune(v))
		}
		return string(rs)
	}
	if len(name) >= 5 && len(name) <= 7 && name[0] == 'u' {
		if v, ok := pdfHexValue(name[1:]); ok && v < 0x110000 {
			return string(rune(v))
		}
	}
	return ""
}

func pdfIndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func pdfHexValue(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		d := pdfUnhex(s[i])
		if d < 0 {
			return 0, false
		}
		v = v<<4 | d
	}
	return v, len(s) > 0
}

// Base encodings as code -> text (nil entries: undefined).
func pdfBaseEncoding(name string) *[256]string {
	switch name {
	case "MacRomanEncoding":
		return &pdfMacRoman
	case "StandardEncoding":
		return &pdfStandard
	case "WinAnsiEncoding":
		return &pdfWinAnsi
	}
	return nil
}

var pdfWinAnsi, pdfMacRoman, pdfStandard = func() (w, m, s [256]string) {
	for c := 0x20; c < 0x7F; c++ {
		w[c], m[c], s[c] = string(rune(c)), string(rune(c)), string(rune(c))
	}
	for c := 0x80; c < 0xA0; c++ {
		if r := pdfWinAnsi80[c-0x80]; r != 0xFFFD {
			w[c] = string(r)
		}
	}
	for c := 0xA0; c < 0x100; c++ {
		w[c] = string(rune(c))
	}
	w[0xA0] = " "
	w[0xAD] = "-"
	for c := 0x80; c < 0x100; c++ {
		m[c] = string(pdfMacRoman80[c-0x80])
	}
	m[0xCA] = " "
	s[0x27] = "\u2019"
	s[0x60] = "\u2018"
	for c, n := range pdfStandardHigh {
		s[c] = pdfGlyphText(n)
	}
	return
}()
