package extract

import (
	"bytes"
	"compress/zlib"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Recovery of PDFs whose cross-reference data cannot be trusted.
//
// What goes in: the bytes of a file that claims to be a PDF but that
// github.com/ledongthuc/pdf will not open (wrong startxref, garbled or
// missing xref table, truncated file, junk before the header, a header
// version it refuses, objects without endobj, streams whose /Length is
// wrong). What comes out: a new, self-consistent PDF holding every object
// that could be found, with a fresh cross-reference table and trailer.
//
// How, as poppler's and qpdf's reconstruction do: scan the whole file for
// "N G obj" headers; lex each object to its end (skipping stream data by
// its /Length or by the next "endstream", so binary data is never searched
// for headers); keep the last complete definition of every object number
// (incremental updates come later in the file); list the objects kept in
// object streams; take /Root, /Info, /Encrypt and /ID from the last trailer
// (or cross-reference stream) whose /Root names a catalog; failing that use
// the last catalog found, or make one over the root of the page tree, or
// over a new page tree of every page object found (a truncated file loses
// its catalog and page tree first: LibreOffice writes them last).
//
// The same rewriting decrypts (decryptPDF): a file encrypted with the
// standard security handler and an empty user password (revisions 2 to 6:
// RC4 40 to 128 bits, AES-128, AES-256) is written out in the clear, so the
// object layer never decrypts (it gets 40-bit RC4 wrong and cannot do
// AES-256). xrefSound tells, cheaply, whether a file needs rebuilding.
// extract.Read uses all three before the PDF reader; the reader also calls
// repair when the library will not open a file.
//
// Limits: objects inside object streams are found only when the stream is
// unfiltered or FlateDecode without predictor (and, in an encrypted file,
// only with an empty user password). A truncated stream is dropped, not
// salvaged; a stream whose indirect /Length is wrong ends at the first
// "endstream". Work is linear in the input: lexing and searching are
// charged to a budget of a few passes over the data, object numbers are
// capped by the file's size, inflated object streams in all are capped.

const (
	repairMaxObjNum  = 1 << 23  // larger object numbers are junk, not objects
	repairMaxDepth   = 200      // nesting of arrays and dictionaries we parse into
	repairMaxInflate = 64 << 20 // bytes inflated from object streams in all
)

// repairRecover is turned off by the fuzz test, so that a panic in repair
// is found rather than hidden.
var repairRecover = true

// repair rebuilds a PDF whose cross-reference table or startxref is wrong
// by scanning for "N G obj" headers, as poppler and qpdf do. It returns the
// repaired bytes and true, or false when nothing could be rebuilt (no
// objects, or no page tree and no page objects).
func repair(data []byte) (out []byte, ok bool) {
	if repairRecover {
		defer func() {
			// The code below indexes carefully; this is the last line of
			// defence, so that a bug here costs a document, never the run.
			if recover() != nil {
				out, ok = nil, false
			}
		}()
	}
	s := &rpScan{data: data, budget: 8*len(data) + 1<<20, objs: map[int]*rpObj{}}
	s.scanObjects()
	s.scanTrailers()
	s.expandObjectStreams()
	return s.build(nil)
}

// rpSpan is a half-open byte range of data.
type rpSpan struct{ start, end int }

// rpObj is one object definition found in the file.
type rpObj struct {
	num, gen int
	pos      int // where it is defined: the header's offset, or its object stream's
	// Top-level objects:
	bodyStart, bodyEnd int // the value after "obj"
	stream             rpSpan
	isStream           bool
	lengthVal          rpSpan // the /Length value in the stream dictionary, if any
	dictEnd            int    // offset just past the stream dictionary's ">>"
	// Objects in an object stream:
	inStream, index int
	compressed      bool

	keys map[string]rpSpan // top-level keys of its dictionary
	src  []byte            // what keys index into (data, or the inflated stream)
}

type rpScan struct {
	data     []byte
	budget   int // bytes we may still lex or search; stops pathological inputs
	objs     map[int]*rpObj
	trailers []rpTrailer
	inflated int
}

type rpTrailer struct {
	pos  int
	keys map[string]rpSpan
	src  []byte
}

func (s *rpScan) spend(n int) bool {
	s.budget -= n
	return s.budget >= 0
}

// --- lexing -------------------------------------------------------------

const rpWhite = "\x00\t\n\f\r "

func rpSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func rpDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

type rpKind int

const (
	rpEOF rpKind = iota
	rpBad
	rpInt
	rpReal
	rpName
	rpStr
	rpKeyword
	rpDictOpen
	rpDictClose
	rpArrOpen
	rpArrClose
)

type rpTok struct {
	kind       rpKind
	start, end int
}

// rpLexer reads tokens from src; every byte it passes is charged to the
// rpScan's budget, so a file can only cost a bounded number of passes.
type rpLexer struct {
	src []byte
	s   *rpScan
}

func (lx rpLexer) next(p int) rpTok {
	src := lx.src
	p0 := p
	for p < len(src) {
		c := src[p]
		if rpSpace(c) {
			p++
			continue
		}
		if c == '%' {
			for p < len(src) && src[p] != '\n' && src[p] != '\r' {
				p++
			}
			continue
		}
		break
	}
	if p >= len(src) {
		lx.s.spend(p - p0)
		return rpTok{rpEOF, len(src), len(src)}
	}
	t := lx.tok(p)
	if !lx.s.spend(t.end - p0 + 1) {
		return rpTok{rpEOF, len(src), len(src)}
	}
	return t
}

func (lx rpLexer) tok(p int) rpTok {
	src := lx.src
	c := src[p]
	switch c {
	case '(':
		depth := 0
		for i := p; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return rpTok{rpStr, p, i + 1}
				}
			}
		}
		return rpTok{rpBad, p, len(src)}
	case '<':
		if p+1 < len(src) && src[p+1] == '<' {
			return rpTok{rpDictOpen, p, p + 2}
		}
		for i := p + 1; i < len(src); i++ {
			if src[i] == '>' {
				return rpTok{rpStr, p, i + 1}
			}
		}
		return rpTok{rpBad, p, len(src)}
	case '>':
		if p+1 < len(src) && src[p+1] == '>' {
			return rpTok{rpDictClose, p, p + 2}
		}
		return rpTok{rpBad, p, p + 1}
	case '[':
		return rpTok{rpArrOpen, p, p + 1}
	case ']':
		return rpTok{rpArrClose, p, p + 1}
	case ')', '{', '}':
		return rpTok{rpBad, p, p + 1}
	case '/':
		i := p + 1
		for i < len(src) && !rpSpace(src[i]) && !rpDelim(src[i]) {
			i++
		}
		return rpTok{rpName, p, i}
	}
	i := p
	for i < len(src) && !rpSpace(src[i]) && !rpDelim(src[i]) {
		i++
	}
	w := src[p:i]
	switch {
	case rpIsInt(w):
		return rpTok{rpInt, p, i}
	case rpIsReal(w):
		return rpTok{rpReal, p, i}
	}
	return rpTok{rpKeyword, p, i}
}

func rpIsInt(w []byte) bool {
	if len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	if len(w) == 0 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func rpIsReal(w []byte) bool {
	if len(w) > 0 && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	dot, digits := 0, 0
	for _, c := range w {
		switch {
		case c == '.':
			dot++
		case c >= '0' && c <= '9':
			digits++
		default:
			return false
		}
	}
	return dot == 1 && digits > 0
}

func (lx rpLexer) text(t rpTok) []byte { return lx.src[t.start:t.end] }

func (lx rpLexer) isKeyword(t rpTok, kw string) bool {
	return t.kind == rpKeyword && string(lx.text(t)) == kw
}

// value parses one object starting at p and returns the token after it
// is to start at end. For a dictionary, keys maps its top-level keys to
// their values' spans. ok is false for anything that is not a value.
func (lx rpLexer) value(p, depth int) (end int, keys map[string]rpSpan, ok bool) {
	t := lx.next(p)
	switch t.kind {
	case rpInt:
		// "N G R" is one value.
		t2 := lx.next(t.end)
		if t2.kind == rpInt {
			t3 := lx.next(t2.end)
			if lx.isKeyword(t3, "R") {
				return t3.end, nil, true
			}
		}
		return t.end, nil, true
	case rpReal, rpName, rpStr:
		return t.end, nil, true
	case rpKeyword:
		switch string(lx.text(t)) {
		case "true", "false", "null":
			return t.end, nil, true
		}
		return t.end, nil, false
	case rpArrOpen:
		if depth >= repairMaxDepth {
			return t.end, nil, false
		}
		p = t.end
		for {
			t := lx.next(p)
			switch t.kind {
			case rpArrClose:
				return t.end, nil, true
			case rpEOF, rpBad, rpDictClose:
				return t.end, nil, false
			}
			e, _, ok := lx.value(p, depth+1)
			if !ok {
				return e, nil, false
			}
			p = e
		}
	case rpDictOpen:
		if depth >= repairMaxDepth {
			return t.end, nil, false
		}
		keys = map[string]rpSpan{}
		p = t.end
		for {
			k := lx.next(p)
			switch k.kind {
			case rpDictClose:
				return k.end, keys, true
			case rpName:
			default:
				return k.end, nil, false
			}
			e, _, ok := lx.value(k.end, depth+1)
			if !ok {
				return e, nil, false
			}
			v := lx.next(k.end) // start of the value, past white space
			keys[string(lx.text(k)[1:])] = rpSpan{v.start, e}
			p = e
		}
	}
	return t.end, nil, false
}

// --- scanning ------------------------------------------------------------

// rpObjHeader reports whether "obj" at i ends an "N G obj" header and
// returns the header's offset, object number and generation.
func rpObjHeader(data []byte, i int) (start, num, gen int, ok bool) {
	if i+3 < len(data) && !rpSpace(data[i+3]) && !rpDelim(data[i+3]) {
		return 0, 0, 0, false
	}
	j := i
	digits := func() (int, int, bool) { // value, start
		e := j
		for j > 0 && data[j-1] >= '0' && data[j-1] <= '9' && e-j < 10 {
			j--
		}
		if j == e {
			return 0, 0, false
		}
		n, err := strconv.Atoi(string(data[j:e]))
		return n, j, err == nil
	}
	spaces := func() bool {
		e := j
		for j > 0 && rpSpace(data[j-1]) && e-j < 64 {
			j--
		}
		return j < e
	}
	if !spaces() {
		return 0, 0, 0, false
	}
	gen, _, ok1 := digits()
	if !ok1 || !spaces() {
		return 0, 0, 0, false
	}
	num, start, ok2 := digits()
	if !ok2 {
		return 0, 0, 0, false
	}
	if start > 0 && !rpSpace(data[start-1]) && !rpDelim(data[start-1]) {
		return 0, 0, 0, false
	}
	if num <= 0 || num >= repairMaxObjNum || gen > 65535 {
		return 0, 0, 0, false
	}
	return start, num, gen, true
}

func (s *rpScan) scanObjects() {
	data := s.data
	lx := rpLexer{data, s}
	for p := 0; p < len(data); {
		k := bytes.Index(data[p:], []byte("obj"))
		if k < 0 || !s.spend(k) {
			return
		}
		i := p + k
		p = i + 3
		start, num, gen, ok := rpObjHeader(data, i)
		if !ok {
			continue
		}
		o := &rpObj{num: num, gen: gen, pos: start, bodyStart: i + 3, src: data}
		if end, ok := s.lexObject(lx, o); ok {
			s.add(o)
			p = end
		}
	}
}

// add keeps o unless a definition of its number comes later in the file.
func (s *rpScan) add(o *rpObj) {
	if old, ok := s.objs[o.num]; ok && old.pos > o.pos {
		return
	}
	s.objs[o.num] = o
}

// lexObject finds the end of the object whose body starts at o.bodyStart
// and returns where scanning resumes. ok is false for an object cut short.
func (s *rpScan) lexObject(lx rpLexer, o *rpObj) (resume int, ok bool) {
	data := s.data
	end, keys, ok := lx.value(o.bodyStart, 0)
	if !ok {
		return 0, false
	}
	o.bodyEnd, o.keys = end, keys
	t := lx.next(end)
	switch {
	case lx.isKeyword(t, "endobj"):
		return t.end, true
	case lx.isKeyword(t, "stream") && keys != nil:
	case t.kind == rpEOF:
		return 0, false
	default:
		// Missing endobj: the object ends where its value does (poppler
		// accepts this too); the next header is found by the scan.
		return end, true
	}
	o.isStream, o.dictEnd = true, end
	o.lengthVal = keys["Length"]
	ds := t.end
	if ds < len(data) && data[ds] == '\r' {
		ds++
	}
	if ds < len(data) && data[ds] == '\n' {
		ds++
	}
	de := -1
	if n, ok := s.intAt(data, keys["Length"]); ok && n >= 0 && n <= len(data)-ds {
		if e := lx.next(ds + n); lx.isKeyword(e, "endstream") {
			de = ds + n
		}
	}
	if de < 0 {
		k := bytes.Index(data[ds:], []byte("endstream"))
		if k < 0 {
			s.spend(len(data) - ds)
			return 0, false
		}
		if !s.spend(k) {
			return 0, false
		}
		de = ds + k
		// The end-of-line before endstream is not data.
		if de > ds && data[de-1] == '\n' {
			de--
		}
		if de > ds && data[de-1] == '\r' {
			de--
		}
	}
	o.stream = rpSpan{ds, de}
	e := lx.next(de)
	resume = e.end // past endstream
	if t := lx.next(resume); lx.isKeyword(t, "endobj") {
		resume = t.end
	}
	return resume, true
}

// intAt reads an integer value, following "N G R" to an object already
// found (stream lengths are often written after their stream).
func (s *rpScan) intAt(src []byte, sp rpSpan) (int, bool) {
	if sp.end <= sp.start || sp.end > len(src) {
		return 0, false
	}
	v := bytes.TrimSpace(src[sp.start:sp.end])
	if n, err := strconv.Atoi(string(v)); err == nil {
		return n, true
	}
	num, gen, ok := rpParseRef(v)
	if !ok {
		return 0, false
	}
	o, ok := s.objs[num]
	if !ok || o.gen != gen || o.compressed || o.isStream {
		return 0, false
	}
	n, err := strconv.Atoi(string(bytes.TrimSpace(o.src[o.bodyStart:o.bodyEnd])))
	return n, err == nil
}

// rpParseRef reads "N G R".
func rpParseRef(v []byte) (num, gen int, ok bool) {
	f := bytes.Fields(v)
	if len(f) != 3 || string(f[2]) != "R" {
		return 0, 0, false
	}
	num, err1 := strconv.Atoi(string(f[0]))
	gen, err2 := strconv.Atoi(string(f[1]))
	return num, gen, err1 == nil && err2 == nil && num > 0 && gen >= 0
}

// scanTrailers collects "trailer" dictionaries; cross-reference streams
// (whose dictionaries are trailers too) were found as objects.
func (s *rpScan) scanTrailers() {
	data := s.data
	lx := rpLexer{data, s}
	for p := 0; p < len(data); {
		k := bytes.Index(data[p:], []byte("trailer"))
		if k < 0 || !s.spend(k) {
			break
		}
		i := p + k
		p = i + 7
		if _, keys, ok := lx.value(p, 0); ok && keys != nil {
			s.trailers = append(s.trailers, rpTrailer{i, keys, data})
		}
	}
	for _, o := range s.objs {
		if o.isStream && s.name(o.src, o.keys["Type"]) == "XRef" {
			s.trailers = append(s.trailers, rpTrailer{o.pos, o.keys, o.src})
		}
	}
	slices.SortFunc(s.trailers, func(a, b rpTrailer) int { return a.pos - b.pos })
}

func (s *rpScan) name(src []byte, sp rpSpan) string {
	if sp.end <= sp.start || sp.end > len(src) {
		return ""
	}
	v := bytes.TrimSpace(src[sp.start:sp.end])
	if len(v) < 2 || v[0] != '/' {
		return ""
	}
	return string(v[1:])
}

// --- object streams --------------------------------------------------------

// expandObjectStreams lists the objects held in object streams.
func (s *rpScan) expandObjectStreams() {
	var strms []*rpObj
	for _, o := range s.objs {
		if o.isStream && s.name(o.src, o.keys["Type"]) == "ObjStm" {
			strms = append(strms, o)
		}
	}
	slices.SortFunc(strms, func(a, b *rpObj) int { return a.pos - b.pos })
	var key *rpKey
	if enc := s.encryptKeys(); enc != nil {
		key = s.emptyPasswordKey(enc)
		if key == nil {
			return // encrypted with a real password: cannot look inside
		}
	}
	for _, st := range strms {
		s.expandObjectStream(st, key)
	}
}

func (s *rpScan) expandObjectStream(st *rpObj, key *rpKey) {
	raw := s.data[st.stream.start:st.stream.end]
	if key != nil {
		raw = key.decrypt(st.num, st.gen, raw)
		if raw == nil {
			return
		}
	}
	switch f := bytes.TrimSpace(s.spanBytes(st.src, st.keys["Filter"])); string(f) {
	case "":
	case "/FlateDecode", "[/FlateDecode]", "[ /FlateDecode ]":
		if len(bytes.TrimSpace(s.spanBytes(st.src, st.keys["DecodeParms"]))) > 0 {
			return
		}
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return
		}
		left := repairMaxInflate - s.inflated
		b, _ := io.ReadAll(io.LimitReader(zr, int64(left)+1))
		if len(b) > left {
			return
		}
		s.inflated += len(b)
		raw = b
	default:
		return
	}
	n, ok1 := s.intAt(st.src, st.keys["N"])
	first, ok2 := s.intAt(st.src, st.keys["First"])
	if !ok1 || !ok2 || n <= 0 || first < 0 || first > len(raw) || n > len(raw) {
		return
	}
	lx := rpLexer{raw, s}
	p := 0
	for i := 0; i < n; i++ {
		t1 := lx.next(p)
		t2 := lx.next(t1.end)
		if t1.kind != rpInt || t2.kind != rpInt {
			return
		}
		p = t2.end
		num, _ := strconv.Atoi(string(lx.text(t1)))
		off, _ := strconv.Atoi(string(lx.text(t2)))
		if num <= 0 || num >= repairMaxObjNum || off < 0 || first+off >= len(raw) {
			continue
		}
		o := &rpObj{num: num, pos: st.pos, compressed: true, inStream: st.num, index: i,
			bodyStart: first + off, src: raw}
		end, keys, ok := lx.value(first+off, 0)
		if !ok {
			continue
		}
		o.bodyEnd, o.keys = end, keys
		// An object stream's own objects do not override a top-level
		// definition of the same number found later in the file, but do
		// override ones before the stream.
		if old, ok := s.objs[num]; ok && (old.pos > st.pos || old.pos == st.pos && !old.compressed) {
			continue
		}
		s.objs[num] = o
	}
}

func (s *rpScan) spanBytes(src []byte, sp rpSpan) []byte {
	if sp.end <= sp.start || sp.end > len(src) {
		return nil
	}
	return src[sp.start:sp.end]
}

// --- choosing the root -----------------------------------------------------

// ref returns the object an "N G R" value names, if it was found.
func (s *rpScan) ref(src []byte, sp rpSpan) *rpObj {
	num, gen, ok := rpParseRef(s.spanBytes(src, sp))
	if !ok {
		return nil
	}
	o := s.objs[num]
	if o == nil || o.gen != gen {
		return nil
	}
	return o
}

func (s *rpScan) typeOf(o *rpObj) string { return s.name(o.src, o.keys["Type"]) }

// goodCatalog: a catalog whose page tree root was found.
func (s *rpScan) goodCatalog(o *rpObj) bool {
	if o == nil || o.keys == nil || o.isStream {
		return false
	}
	p := s.ref(o.src, o.keys["Pages"])
	return p != nil && s.typeOf(p) == "Pages"
}

// sorted returns the objects kept, in file order.
func (s *rpScan) sorted() []*rpObj {
	all := make([]*rpObj, 0, len(s.objs))
	for _, o := range s.objs {
		all = append(all, o)
	}
	slices.SortFunc(all, func(a, b *rpObj) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return a.index - b.index
	})
	return all
}

// encryptKeys returns the trailer keys of the last trailer naming an
// /Encrypt dictionary, or nil for a file that is not encrypted.
func (s *rpScan) encryptKeys() *rpTrailer {
	for i := len(s.trailers) - 1; i >= 0; i-- {
		if _, ok := s.trailers[i].keys["Encrypt"]; ok {
			return &s.trailers[i]
		}
	}
	return nil
}

// looksEncrypted: an encryption dictionary exists although no trailer
// names it; without the trailer's /ID its key cannot be derived.
func (s *rpScan) looksEncrypted() bool {
	for _, o := range s.objs {
		if o.keys != nil && s.name(o.src, o.keys["Filter"]) == "Standard" && o.keys["O"] != (rpSpan{}) && o.keys["U"] != (rpSpan{}) {
			return true
		}
	}
	return false
}

// --- output ----------------------------------------------------------------

// build writes the objects kept with a new cross-reference table; with
// dec, strings and streams are written decrypted and /Encrypt dropped.
func (s *rpScan) build(dec *rpDecrypt) ([]byte, bool) {
	// Object numbers beyond what the file could hold are junk; they would
	// make the new xref table huge.
	maxNum := (len(s.data)+s.inflated)/4 + 4096
	for n, o := range s.objs {
		if o.isStream && s.typeOf(o) == "XRef" || n > maxNum {
			delete(s.objs, n) // old cross-reference data, replaced by ours
		}
	}
	if len(s.objs) == 0 {
		return nil, false
	}
	var root *rpObj
	var trailer *rpTrailer
	for i := len(s.trailers) - 1; i >= 0 && root == nil; i-- {
		t := &s.trailers[i]
		if c := s.ref(t.src, t.keys["Root"]); s.goodCatalog(c) {
			root, trailer = c, t
		}
	}
	all := s.sorted()
	if root == nil {
		for i := len(all) - 1; i >= 0; i-- {
			if s.typeOf(all[i]) == "Catalog" && s.goodCatalog(all[i]) {
				root = all[i]
				break
			}
		}
	}
	enc := s.encryptKeys()
	if enc == nil && s.looksEncrypted() {
		return nil, false
	}
	if trailer == nil {
		trailer = enc
	}

	next := 1
	for n := range s.objs {
		next = max(next, n+1)
	}
	type extra struct {
		num  int
		body string
	}
	var extras []extra
	rootNum, rootGen := 0, 0
	if root != nil {
		rootNum, rootGen = root.num, root.gen
	} else {
		// No usable catalog: one over the root of the page tree, or over
		// a new tree of every page found.
		var pages *rpObj
		for i := len(all) - 1; i >= 0; i-- {
			o := all[i]
			if s.typeOf(o) == "Pages" && !o.isStream {
				if par := s.ref(o.src, o.keys["Parent"]); par == nil || s.typeOf(par) != "Pages" {
					pages = o
					break
				}
			}
		}
		pagesRef := ""
		if pages != nil {
			pagesRef = fmt.Sprintf("%d %d R", pages.num, pages.gen)
		} else {
			var kids bytes.Buffer
			n := 0
			for _, o := range all {
				if s.typeOf(o) == "Page" && !o.isStream {
					fmt.Fprintf(&kids, " %d %d R", o.num, o.gen)
					n++
				}
			}
			if n == 0 {
				return nil, false
			}
			extras = append(extras, extra{next, fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s ] >>", n, kids.Bytes())})
			pagesRef = fmt.Sprintf("%d 0 R", next)
			next++
		}
		extras = append(extras, extra{next, "<< /Type /Catalog /Pages " + pagesRef + " >>"})
		rootNum = next
		next++
	}

	var out bytes.Buffer
	out.Grow(len(s.data) + 64*len(all) + 1024)
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	type entry struct {
		typ         byte // 1 in file, 2 in an object stream
		off, gen    int
		strm, index int
	}
	size := next
	xref := make([]entry, size+1) // +1: room for an xref stream object
	compressed := false
	for _, o := range all {
		if o.compressed {
			if st := s.objs[o.inStream]; st == nil || st.compressed {
				continue
			}
			xref[o.num] = entry{typ: 2, strm: o.inStream, index: o.index}
			compressed = true
			continue
		}
		if dec != nil && o.num == dec.dictNum {
			continue // the encryption dictionary of a file now plain
		}
		xref[o.num] = entry{typ: 1, off: out.Len(), gen: o.gen}
		fmt.Fprintf(&out, "%d %d obj\n", o.num, o.gen)
		text := func(b []byte) []byte { return b }
		if dec != nil {
			text = func(b []byte) []byte { return dec.strings(s, o.num, o.gen, b) }
		}
		if !o.isStream {
			out.Write(text(bytes.TrimLeft(s.data[o.bodyStart:o.bodyEnd], rpWhite)))
			out.WriteString("\nendobj\n")
			continue
		}
		data := s.data[o.stream.start:o.stream.end]
		if dec != nil && dec.stms && !(dec.plainMeta && s.typeOf(o) == "Metadata") {
			data = dec.key.decrypt(o.num, o.gen, data)
		}
		// The stream dictionary with /Length set to the data found.
		n := strconv.Itoa(len(data))
		if l := o.lengthVal; l.end > l.start {
			out.Write(text(bytes.TrimLeft(s.data[o.bodyStart:l.start], rpWhite)))
			out.WriteString(n)
			out.Write(text(s.data[l.end:o.dictEnd]))
		} else {
			out.Write(text(bytes.TrimLeft(s.data[o.bodyStart:o.dictEnd-2], rpWhite)))
			out.WriteString(" /Length " + n + " >>")
		}
		out.WriteString("\nstream\n")
		out.Write(data)
		out.WriteString("\nendstream\nendobj\n")
	}
	for _, e := range extras {
		xref[e.num] = entry{typ: 1, off: out.Len()}
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", e.num, e.body)
	}

	var tr bytes.Buffer
	fmt.Fprintf(&tr, "/Root %d %d R", rootNum, rootGen)
	for _, k := range []string{"Info", "Encrypt", "ID"} {
		src := trailer
		if k == "Encrypt" || k == "ID" {
			src = enc // keys must come from the trailer naming /Encrypt
			if src == nil {
				src = trailer
			}
		}
		if src == nil || k == "Encrypt" && dec != nil {
			continue
		}
		v := s.spanBytes(src.src, src.keys[k])
		if len(v) == 0 {
			continue
		}
		if k == "Info" && s.ref(src.src, src.keys[k]) == nil {
			continue // a dangling /Info is worse than none
		}
		fmt.Fprintf(&tr, " /%s ", k)
		tr.Write(v)
	}

	start := out.Len()
	if !compressed {
		fmt.Fprintf(&out, "xref\n0 %d\n", size)
		for i := 0; i < size; i++ {
			e := xref[i]
			if e.typ == 1 {
				fmt.Fprintf(&out, "%010d %05d n\r\n", e.off, e.gen)
			} else {
				out.WriteString("0000000000 65535 f\r\n")
			}
		}
		fmt.Fprintf(&out, "trailer\n<< /Size %d %s >>\n", size, tr.Bytes())
	} else {
		// A cross-reference stream: only it can point into object
		// streams. Widths 1, 4, 4.
		xnum := size
		xref[xnum] = entry{typ: 1, off: start}
		size++
		rows := make([]byte, 0, 9*size)
		for i := 0; i < size; i++ {
			e := xref[i]
			var a, b uint32
			switch e.typ {
			case 1:
				a, b = uint32(e.off), uint32(e.gen)
			case 2:
				a, b = uint32(e.strm), uint32(e.index)
			default:
				b = 65535
			}
			rows = append(rows, e.typ)
			rows = binary.BigEndian.AppendUint32(rows, a)
			rows = binary.BigEndian.AppendUint32(rows, b)
		}
		fmt.Fprintf(&out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 4] /Length %d %s >>\nstream\n",
			xnum, size, len(rows), tr.Bytes())
		out.Write(rows)
		out.WriteString("\nendstream\nendobj\n")
	}
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), true
}

// --- encryption (only to look inside object streams) -------------------------

// rpKey is the key of the standard security handler (PDF 32000-1, 7.6.3)
// for the empty user password.
type rpKey struct {
	key    []byte
	aes    bool
	aes256 bool // revisions 5 and 6: the file key is every object's key
}

var rpPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// emptyPasswordKey derives the file key (Algorithm 2) and checks it
// against /U (Algorithms 4 and 5); nil when the user password is not empty
// or the handler is not one we know (revisions 2 to 4).
func (s *rpScan) emptyPasswordKey(t *rpTrailer) *rpKey {
	src, keys := t.src, t.keys
	if o := s.ref(t.src, t.keys["Encrypt"]); o != nil {
		src, keys = o.src, o.keys
	}
	if keys == nil {
		lx := rpLexer{t.src, s}
		sp := t.keys["Encrypt"]
		if _, k, ok := lx.value(sp.start, 0); ok {
			keys = k
		}
	}
	if keys == nil || s.name(src, keys["Filter"]) != "Standard" {
		return nil
	}
	r, _ := s.intAt(src, keys["R"])
	v, _ := s.intAt(src, keys["V"])
	p, okP := s.intAt(src, keys["P"])
	bits, ok := s.intAt(src, keys["Length"])
	if !ok {
		bits = 40
	}
	O := rpString(s.spanBytes(src, keys["O"]))
	U := rpString(s.spanBytes(src, keys["U"]))
	if r == 5 || r == 6 {
		return rpKeyAES256(r, U, rpString(s.spanBytes(src, keys["UE"])))
	}
	id := s.firstID(t)
	if r < 2 || r > 4 || !okP || len(O) < 32 || len(U) < 16 || id == nil || bits%8 != 0 || bits < 40 || bits > 128 {
		return nil
	}
	n := bits / 8
	if r == 2 {
		n = 5
	}
	isAES := v == 4 && bytes.Contains(s.spanBytes(src, keys["CF"]), []byte("AESV2"))
	h := md5.New()
	h.Write(rpPad)
	h.Write(O[:32])
	h.Write(binary.LittleEndian.AppendUint32(nil, uint32(int32(p))))
	h.Write(id)
	if r == 4 && bytes.Equal(bytes.TrimSpace(s.spanBytes(src, keys["EncryptMetadata"])), []byte("false")) {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for i := 0; i < 50; i++ {
			k := md5.Sum(key[:n])
			key = k[:]
		}
	}
	key = key[:n]
	var u []byte
	if r == 2 {
		c, _ := rc4.NewCipher(key)
		u = make([]byte, 32)
		c.XORKeyStream(u, rpPad)
	} else {
		h := md5.New()
		h.Write(rpPad)
		h.Write(id)
		u = h.Sum(nil)
		k1 := make([]byte, len(key))
		for i := 0; i <= 19; i++ {
			for j := range key {
				k1[j] = key[j] ^ byte(i)
			}
			c, _ := rc4.NewCipher(k1)
			c.XORKeyStream(u, u)
		}
	}
	if !bytes.HasPrefix(U, u) {
		return nil
	}
	return &rpKey{key: key, aes: isAES}
}

func (s *rpScan) firstID(t *rpTrailer) []byte {
	lx := rpLexer{t.src, s}
	sp := t.keys["ID"]
	if sp.end <= sp.start {
		return nil
	}
	a := lx.next(sp.start)
	if a.kind != rpArrOpen {
		return nil
	}
	str := lx.next(a.end)
	if str.kind != rpStr {
		return nil
	}
	return rpString(lx.text(str))
}

// decrypt returns the plain data of object num gen (Algorithm 1), or nil.
func (k *rpKey) decrypt(num, gen int, data []byte) []byte {
	if k.aes256 {
		return rpAESDecrypt(k.key, data)
	}
	h := md5.New()
	h.Write(k.key)
	h.Write([]byte{byte(num), byte(num >> 8), byte(num >> 16), byte(gen), byte(gen >> 8)})
	if k.aes {
		h.Write([]byte("sAlT"))
	}
	ok := h.Sum(nil)[:min(len(k.key)+5, 16)]
	if !k.aes {
		c, _ := rc4.NewCipher(ok)
		out := make([]byte, len(data))
		c.XORKeyStream(out, data)
		return out
	}
	if len(data) < 32 || len(data)%aes.BlockSize != 0 {
		return nil
	}
	b, _ := aes.NewCipher(ok)
	out := make([]byte, len(data)-aes.BlockSize)
	cipher.NewCBCDecrypter(b, data[:aes.BlockSize]).CryptBlocks(out, data[aes.BlockSize:])
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= aes.BlockSize {
		out = out[:len(out)-pad]
	}
	return out
}

// rpString decodes a literal "(...)" or hex "<...>" string token with the
// content-stream lexer's string rules (escapes, octal codes, odd hex).
func rpString(t []byte) []byte {
	t = bytes.TrimSpace(t)
	if len(t) < 2 || t[0] != '(' && t[0] != '<' {
		return nil
	}
	lx := pdfLexer{buf: t}
	o, _, _ := lx.next(0)
	if o.kind != pdfStr {
		return nil
	}
	return o.str
}

// --- decryption --------------------------------------------------------------

// decryptPDF rewrites a PDF encrypted with an empty user password (most
// published encrypted PDFs: they only forbid copying or printing) as a
// plain one, so that the object layer never decrypts. The library derives
// a wrong object key for keys shorter than 88 bits (it does not cut the
// key to n+5 bytes, PDF 32000-1 Algorithm 1) and leaves AES padding in
// strings; doing it here gets both right. false: not encrypted, or not
// with the empty password (the caller reports ErrEncrypted), or not a
// handler we know.
func decryptPDF(data []byte) (out []byte, ok bool) {
	out, err := decryptPDFErr(data)
	return out, err == nil && out != nil
}

// decryptPDFErr is decryptPDF that also tells an encrypted file it cannot
// open (ErrEncrypted: a real user password, or a handler other than the
// standard one) from a plain one (nil, nil).
func decryptPDFErr(data []byte) (out []byte, err error) {
	if !bytes.Contains(data, []byte("/Encrypt")) {
		return nil, nil
	}
	defer func() {
		if recover() != nil {
			out, err = nil, nil
		}
	}()
	s := &rpScan{data: data, budget: 8*len(data) + 1<<20, objs: map[int]*rpObj{}}
	s.scanObjects()
	s.scanTrailers()
	enc := s.encryptKeys()
	if enc == nil {
		return nil, nil
	}
	key := s.emptyPasswordKey(enc)
	if key == nil {
		return nil, s.whyEncrypted(enc)
	}
	dec := &rpDecrypt{key: key, strs: true, stms: true}
	src, keys := enc.src, enc.keys
	if o := s.ref(enc.src, enc.keys["Encrypt"]); o != nil {
		dec.dictNum, src, keys = o.num, o.src, o.keys
	}
	if keys != nil {
		if s.name(src, keys["StmF"]) == "Identity" {
			dec.stms = false
		}
		if s.name(src, keys["StrF"]) == "Identity" {
			dec.strs = false
		}
		dec.plainMeta = bytes.Equal(bytes.TrimSpace(s.spanBytes(src, keys["EncryptMetadata"])), []byte("false"))
	}
	s.expandObjectStreams()
	s.budget += 4*len(data) + 1<<20 // re-lexing the strings
	out, ok := s.build(dec)
	if !ok {
		return nil, nil
	}
	return out, nil
}

// whyEncrypted says why an encrypted file cannot be opened.
func (s *rpScan) whyEncrypted(t *rpTrailer) error {
	src, keys := t.src, t.keys
	if o := s.ref(t.src, t.keys["Encrypt"]); o != nil {
		src, keys = o.src, o.keys
	}
	if keys == nil {
		return nil // not found: leave it to the reader
	}
	if f := s.name(src, keys["Filter"]); f != "Standard" {
		return fmt.Errorf("%w (security handler %s)", ErrEncrypted, f)
	}
	r, _ := s.intAt(src, keys["R"])
	if r < 2 || r > 6 {
		return fmt.Errorf("%w (unknown revision %d of the standard security handler)", ErrEncrypted, r)
	}
	return ErrEncrypted
}

// rpDecrypt is how build writes an encrypted file in the clear.
type rpDecrypt struct {
	key        *rpKey
	strs, stms bool // strings, streams encrypted (not an Identity filter)
	plainMeta  bool // /EncryptMetadata false
	dictNum    int  // the encryption dictionary's object, dropped
}

// strings rewrites every string of b, part of object num gen, decrypted
// (as a hex string); the rest is copied as it is.
func (d *rpDecrypt) strings(s *rpScan, num, gen int, b []byte) []byte {
	if !d.strs || !bytes.ContainsAny(b, "(<") {
		return b
	}
	lx := rpLexer{b, s}
	var out []byte
	last := 0
	for p := 0; ; {
		t := lx.next(p)
		if t.kind == rpEOF {
			break
		}
		p = t.end
		if t.kind != rpStr {
			continue
		}
		out = append(out, b[last:t.start]...)
		plain := d.key.decrypt(num, gen, rpString(lx.text(t)))
		out = fmt.Appendf(out, "<%x>", plain)
		last = t.end
	}
	return append(out, b[last:]...)
}

// rpAESDecrypt: AES-CBC with the IV in front and PKCS#5 padding; nil when
// the data cannot be that.
func rpAESDecrypt(key, data []byte) []byte {
	if len(data) < 2*aes.BlockSize || len(data)%aes.BlockSize != 0 {
		return nil
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(data)-aes.BlockSize)
	cipher.NewCBCDecrypter(b, data[:aes.BlockSize]).CryptBlocks(out, data[aes.BlockSize:])
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= aes.BlockSize {
		out = out[:len(out)-pad]
	}
	return out
}

// rpKeyAES256 checks the empty user password against /U and unwraps the
// file key from /UE (ISO 32000-2, Algorithms 2.A and 2.B; revision 5 is
// the deprecated Adobe extension with a plain SHA-256).
func rpKeyAES256(r int, U, UE []byte) *rpKey {
	if len(U) < 48 || len(UE) < 32 {
		return nil
	}
	hash := func(salt []byte) []byte {
		if r == 5 {
			h := sha256.Sum256(salt)
			return h[:]
		}
		return rpHash2B(nil, salt, nil)
	}
	if !bytes.Equal(hash(U[32:40]), U[:32]) {
		return nil
	}
	b, err := aes.NewCipher(hash(U[40:48]))
	if err != nil {
		return nil
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(b, make([]byte, aes.BlockSize)).CryptBlocks(key, UE[:32])
	return &rpKey{key: key, aes: true, aes256: true}
}

// rpHash2B is the revision 6 password hash (ISO 32000-2, Algorithm 2.B).
func rpHash2B(pw, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	for i := 0; ; i++ {
		k1 := bytes.Repeat(append(append(append([]byte(nil), pw...), k...), udata...), 64)
		b, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(b, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, c := range e[:16] {
			sum += int(c)
		}
		switch sum % 3 {
		case 0:
			x := sha256.Sum256(e)
			k = x[:]
		case 1:
			x := sha512.Sum384(e)
			k = x[:]
		default:
			x := sha512.Sum512(e)
			k = x[:]
		}
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}

// --- checking the cross-reference table --------------------------------------

// xrefSound reports whether data's last startxref points at a classic
// cross-reference table whose entries in use (along its /Prev chain) each
// point at the header of the object they name. The library trusts the
// table and fails object by object when an offset is wrong, which costs
// pages; a damaged table is better rebuilt before. Cross-reference streams
// are not checked (true). Cost: one look per entry, entries capped.
func xrefSound(data []byte) bool {
	tail := data[max(0, len(data)-1024):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return false
	}
	s := &rpScan{data: data, budget: 64 << 20, objs: map[int]*rpObj{}}
	lx := rpLexer{data, s}
	t := lx.next(len(data) - len(tail) + i + len("startxref"))
	off, err := strconv.Atoi(string(lx.text(t)))
	if t.kind != rpInt || err != nil {
		return false
	}
	checked := 0
	for section := 0; section < 32; section++ {
		if off <= 0 || off >= len(data) {
			return false
		}
		t := lx.next(off)
		if lx.isKeyword(t, "xref") {
			p := t.end
			for {
				a := lx.next(p)
				if lx.isKeyword(a, "trailer") {
					p = a.end
					break
				}
				b := lx.next(a.end)
				start, err1 := strconv.Atoi(string(lx.text(a)))
				n, err2 := strconv.Atoi(string(lx.text(b)))
				if a.kind != rpInt || b.kind != rpInt || err1 != nil || err2 != nil || n < 0 {
					return false
				}
				p = b.end
				for k := 0; k < n; k++ {
					o := lx.next(p)
					g := lx.next(o.end)
					u := lx.next(g.end)
					p = u.end
					if o.kind != rpInt || g.kind != rpInt || u.kind != rpKeyword {
						return false
					}
					if string(lx.text(u)) != "n" || checked > 200000 {
						continue
					}
					checked++
					at, _ := strconv.Atoi(string(lx.text(o)))
					gen, _ := strconv.Atoi(string(lx.text(g)))
					if !objAt(data, at, start+k, gen) {
						return false
					}
				}
			}
			_, keys, ok := lx.value(p, 0)
			if !ok || keys == nil {
				return false
			}
			prev, ok := s.intAt(data, keys["Prev"])
			if !ok {
				return true
			}
			off = prev
			continue
		}
		// A cross-reference stream: the library checks it; sound if it is
		// at least an object.
		k := bytes.Index(data[off:min(len(data), off+40)], []byte("obj"))
		if k < 0 || t.kind != rpInt {
			return false
		}
		_, _, _, ok := rpObjHeader(data, off+k)
		return ok
	}
	return false
}

// objAt: data holds "num gen obj" at off.
func objAt(data []byte, off, num, gen int) bool {
	if off < 0 || off >= len(data) {
		return false
	}
	w := data[off:min(len(data), off+48)]
	f := bytes.Fields(w)
	if len(f) < 3 {
		return false
	}
	third := f[2]
	if len(third) > 3 {
		third = third[:3]
	}
	return string(f[0]) == strconv.Itoa(num) && string(f[1]) == strconv.Itoa(gen) && string(third) == "obj"
}
