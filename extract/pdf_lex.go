package extract

import (
	"bytes"
	"math"
)

// The content-stream lexer. pdf.Interpret would do for well-formed
// streams, but it panics on inline image data and on stray delimiters and
// allocates a pdf.Value per operand; page content is the hot loop of the
// reader, so operands are read here straight from the decoded bytes into
// a reused slice. The same lexer reads CMaps (ToUnicode and embedded
// encodings), whose PostScript dressing needs no evaluation.

type pdfOpKind uint8

const (
	pdfNull pdfOpKind = iota
	pdfNum
	pdfStr
	pdfNameOp
	pdfArray
	pdfDictOp
	pdfBool
)

// pdfOperand is one value before an operator. str holds string bytes or a
// name without its slash; arr holds array elements (dicts are skipped and
// kept only as their kind).
type pdfOperand struct {
	kind pdfOpKind
	num  float64
	str  []byte
	arr  []pdfOperand
}

// pdfMaxNesting bounds arrays and dicts inside a content stream.
const pdfMaxNesting = 32

type pdfLexer struct {
	buf     []byte
	pos     int
	maxArgs int // operands kept before an operator; 0 means 64

	stack []pdfOperand // array elements being read
	arena []pdfOperand // array elements of the current operator's operands
}

func pdfIsWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func pdfIsDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (lx *pdfLexer) skipSpace() {
	for lx.pos < len(lx.buf) {
		c := lx.buf[lx.pos]
		if pdfIsWhite(c) {
			lx.pos++
			continue
		}
		if c == '%' {
			for lx.pos < len(lx.buf) && lx.buf[lx.pos] != '\n' && lx.buf[lx.pos] != '\r' {
				lx.pos++
			}
			continue
		}
		return
	}
}

// next reads one token. It returns the operand or, for a bare keyword,
// ok=false and the keyword in kw. At the end of input it returns
// eof=true.
func (lx *pdfLexer) next(depth int) (o pdfOperand, kw []byte, eof bool) {
	lx.skipSpace()
	// Stray closing delimiters are skipped (in a loop: a run of them
	// must not grow the stack).
	for lx.pos < len(lx.buf) {
		if c := lx.buf[lx.pos]; c != ']' && c != '>' && c != ')' && c != '{' && c != '}' {
			break
		}
		lx.pos++
		lx.skipSpace()
	}
	if lx.pos >= len(lx.buf) {
		return o, nil, true
	}
	c := lx.buf[lx.pos]
	switch {
	case c == '(':
		lx.pos++
		return pdfOperand{kind: pdfStr, str: lx.literal()}, nil, false
	case c == '<':
		if lx.pos+1 < len(lx.buf) && lx.buf[lx.pos+1] == '<' {
			lx.pos += 2
			// A dict is kept only as its /ActualText, in str; num is 1
			// when it has one.
			actual, ok := lx.skipDict(depth + 1)
			return pdfOperand{kind: pdfDictOp, str: actual, num: pdfB2F(ok)}, nil, false
		}
		lx.pos++
		return pdfOperand{kind: pdfStr, str: lx.hex()}, nil, false
	case c == '/':
		lx.pos++
		start := lx.pos
		for lx.pos < len(lx.buf) && !pdfIsWhite(lx.buf[lx.pos]) && !pdfIsDelim(lx.buf[lx.pos]) {
			lx.pos++
		}
		return pdfOperand{kind: pdfNameOp, str: pdfUnescapeName(lx.buf[start:lx.pos])}, nil, false
	case c == '[':
		lx.pos++
		// Elements gather on lx.stack (an inner array's are moved out
		// before the outer's continue) and end up side by side in
		// lx.arena, both reused from operator to operator.
		mark := len(lx.stack)
		done := func() (pdfOperand, []byte, bool) {
			start := len(lx.arena)
			lx.arena = append(lx.arena, lx.stack[mark:]...)
			lx.stack = lx.stack[:mark]
			return pdfOperand{kind: pdfArray, arr: lx.arena[start:len(lx.arena):len(lx.arena)]}, nil, false
		}
		for {
			if depth >= pdfMaxNesting {
				lx.skipTo(']')
				return done()
			}
			lx.skipSpace()
			if lx.pos >= len(lx.buf) {
				return done()
			}
			if lx.buf[lx.pos] == ']' {
				lx.pos++
				return done()
			}
			e, k, end := lx.next(depth + 1)
			if end {
				return done()
			}
			if k != nil {
				switch string(k) {
				case "true", "false":
					lx.stack = append(lx.stack, pdfOperand{kind: pdfBool, num: pdfB2F(string(k) == "true")})
				case "null":
					lx.stack = append(lx.stack, pdfOperand{})
				}
				continue // other keywords inside an array are noise
			}
			lx.stack = append(lx.stack, e)
		}
	}
	// A number or a keyword.
	start := lx.pos
	for lx.pos < len(lx.buf) && !pdfIsWhite(lx.buf[lx.pos]) && !pdfIsDelim(lx.buf[lx.pos]) {
		lx.pos++
	}
	tok := lx.buf[start:lx.pos]
	if f, ok := pdfParseNumber(tok); ok {
		return pdfOperand{kind: pdfNum, num: f}, nil, false
	}
	return pdfOperand{}, tok, false
}

func pdfB2F(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// pdfParseNumber reads PDF numbers, including the odd forms producers write
// ("-.5", "4.", "--3").
func pdfParseNumber(tok []byte) (float64, bool) {
	if len(tok) == 0 {
		return 0, false
	}
	c := tok[0]
	if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
		return 0, false
	}
	// Fast path: plain integers and decimals.
	neg := false
	i := 0
	for i < len(tok) && (tok[i] == '-' || tok[i] == '+') {
		if tok[i] == '-' {
			neg = !neg
		}
		i++
	}
	var v float64
	digits := 0
	for ; i < len(tok) && tok[i] >= '0' && tok[i] <= '9'; i++ {
		v = v*10 + float64(tok[i]-'0')
		digits++
	}
	if i < len(tok) && tok[i] == '.' {
		i++
		scale := 0.1
		for ; i < len(tok) && tok[i] >= '0' && tok[i] <= '9'; i++ {
			v += float64(tok[i]-'0') * scale
			scale /= 10
			digits++
		}
	}
	if digits > 0 && i+1 < len(tok) && (tok[i] == 'e' || tok[i] == 'E') {
		// Not PDF, but some producers write exponents ("1e-05").
		i++
		eneg := false
		if tok[i] == '-' || tok[i] == '+' {
			eneg = tok[i] == '-'
			i++
		}
		e := 0
		for ; i < len(tok) && tok[i] >= '0' && tok[i] <= '9' && e < 400; i++ {
			e = e*10 + int(tok[i]-'0')
		}
		if i == len(tok) && e < 300 {
			if eneg {
				e = -e
			}
			v *= math.Pow(10, float64(e))
		} else {
			return 0, false
		}
	}
	if i == len(tok) && digits > 0 {
		if neg {
			v = -v
		}
		return v, true
	}
	return 0, false
}

func (lx *pdfLexer) skipTo(c byte) {
	for lx.pos < len(lx.buf) && lx.buf[lx.pos] != c {
		lx.pos++
	}
	if lx.pos < len(lx.buf) {
		lx.pos++
	}
}

// skipDict skips a dictionary after its "<<" (marked-content property
// lists, inline image parameters read elsewhere).
// It keeps one entry: the /ActualText of a marked-content property list
// (ok reports whether there was one).
func (lx *pdfLexer) skipDict(depth int) (actual []byte, ok bool) {
	wantText := false
	for {
		lx.skipSpace()
		if lx.pos >= len(lx.buf) {
			return
		}
		if lx.buf[lx.pos] == '>' {
			lx.pos++
			if lx.pos < len(lx.buf) && lx.buf[lx.pos] == '>' {
				lx.pos++
			}
			return
		}
		if depth >= pdfMaxNesting {
			lx.pos++
			continue
		}
		o, _, _ := lx.next(depth)
		if wantText && o.kind == pdfStr {
			actual, ok = o.str, true
		}
		wantText = o.kind == pdfNameOp && string(o.str) == "ActualText"
	}
}

func (lx *pdfLexer) literal() []byte {
	var out []byte
	depth := 1
	start := lx.pos
	simple := true
	for lx.pos < len(lx.buf) {
		c := lx.buf[lx.pos]
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				if simple {
					out = lx.buf[start:lx.pos]
				}
				lx.pos++
				return out
			}
		case '\\':
			if simple {
				out = append([]byte(nil), lx.buf[start:lx.pos]...)
				simple = false
			}
			lx.pos++
			if lx.pos >= len(lx.buf) {
				return out
			}
			e := lx.buf[lx.pos]
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if lx.pos+1 < len(lx.buf) && lx.buf[lx.pos+1] == '\n' {
					lx.pos++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := 0
				for k := 0; k < 3 && lx.pos < len(lx.buf) && lx.buf[lx.pos] >= '0' && lx.buf[lx.pos] <= '7'; k++ {
					v = v*8 + int(lx.buf[lx.pos]-'0')
					lx.pos++
				}
				out = append(out, byte(v))
				continue
			default:
				out = append(out, e)
			}
			lx.pos++
			continue
		}
		if !simple {
			out = append(out, c)
		}
		lx.pos++
	}
	if simple {
		out = lx.buf[start:lx.pos]
	}
	return out
}

func pdfUnhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (lx *pdfLexer) hex() []byte {
	var out []byte
	hi := -1
	for lx.pos < len(lx.buf) {
		c := lx.buf[lx.pos]
		lx.pos++
		if c == '>' {
			break
		}
		d := pdfUnhex(c)
		if d < 0 {
			continue
		}
		if hi < 0 {
			hi = d
		} else {
			out = append(out, byte(hi<<4|d))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return out
}

func pdfUnescapeName(b []byte) []byte {
	if bytes.IndexByte(b, '#') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			h, l := pdfUnhex(b[i+1]), pdfUnhex(b[i+2])
			if h >= 0 && l >= 0 {
				out = append(out, byte(h<<4|l))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return out
}

// skipInlineImage skips the data of an inline image after "ID": up to an
// "EI" that stands alone between white space (or the end).
func (lx *pdfLexer) skipInlineImage() {
	if lx.pos < len(lx.buf) && pdfIsWhite(lx.buf[lx.pos]) {
		lx.pos++
	}
	for {
		i := bytes.Index(lx.buf[lx.pos:], []byte("EI"))
		if i < 0 {
			lx.pos = len(lx.buf)
			return
		}
		at := lx.pos + i
		before := at == 0 || pdfIsWhite(lx.buf[at-1])
		after := at+2 >= len(lx.buf) || pdfIsWhite(lx.buf[at+2]) || pdfIsDelim(lx.buf[at+2])
		lx.pos = at + 2
		if before && after {
			return
		}
	}
}

// run calls do for every operator with its operands. Operand slices are
// reused between calls: do must copy what it keeps. An inline image
// (BI ... ID data EI) is skipped whole. do returning false stops.
func (lx *pdfLexer) run(do func(op string, args []pdfOperand) bool) {
	max := lx.maxArgs
	if max == 0 {
		max = 64
	}
	args := make([]pdfOperand, 0, 16)
	for {
		o, kw, eof := lx.next(0)
		if eof {
			return
		}
		if kw == nil {
			if len(args) < max {
				args = append(args, o)
			}
			continue
		}
		switch string(kw) {
		case "true", "false":
			args = append(args, pdfOperand{kind: pdfBool, num: pdfB2F(string(kw) == "true")})
			continue
		case "null":
			args = append(args, pdfOperand{})
			continue
		case "BI":
			// Parameters up to ID, then binary data.
			for {
				_, k, end := lx.next(0)
				if end {
					return
				}
				if string(k) == "ID" {
					break
				}
			}
			lx.skipInlineImage()
			if !do("BI", nil) {
				return
			}
			args = args[:0]
			continue
		}
		if !do(pdfOpName(kw), args) {
			return
		}
		args = args[:0]
		if len(lx.arena) > 4096 {
			lx.arena = nil // let a huge one go
		}
		lx.arena = lx.arena[:0]
	}
}

// pdfStr names an operator without allocating for the common ones.
func pdfOpName(kw []byte) string {
	switch string(kw) {
	case "Tj":
		return "Tj"
	case "TJ":
		return "TJ"
	case "Td":
		return "Td"
	case "TD":
		return "TD"
	case "Tm":
		return "Tm"
	case "Tf":
		return "Tf"
	case "BT":
		return "BT"
	case "ET":
		return "ET"
	case "re":
		return "re"
	case "f":
		return "f"
	case "m":
		return "m"
	case "l":
		return "l"
	case "c":
		return "c"
	case "S":
		return "S"
	case "n":
		return "n"
	case "W":
		return "W"
	case "q":
		return "q"
	case "Q":
		return "Q"
	case "cm":
		return "cm"
	case "rg":
		return "rg"
	case "RG":
		return "RG"
	case "g":
		return "g"
	case "G":
		return "G"
	case "w":
		return "w"
	case "h":
		return "h"
	case "Tc":
		return "Tc"
	case "Tw":
		return "Tw"
	case "T*":
		return "T*"
	case "BDC":
		return "BDC"
	case "EMC":
		return "EMC"
	case "gs":
		return "gs"
	case "Do":
		return "Do"
	case "sc":
		return "sc"
	case "scn":
		return "scn"
	case "cs":
		return "cs"
	}
	return string(kw)
}
