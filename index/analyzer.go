package index

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/registry"
)

// analyzerSwedish is bleve's Swedish analyzer made cheaper: the same tokens,
// positions, offsets and terms as sv.AnalyzerName (Unicode word
// segmentation, lower case, Swedish stop words, Snowball stems), which the
// tests and FuzzSwedish check on the fixture texts and random ones.
//
// Two things make it cheaper, and are about a third of an index build's CPU
// with bleve's: plain text (letters and digits of Latin-1 between spaces and
// punctuation that never joins words) is split in one pass instead of by the
// UAX #29 segmenter, and each distinct word goes through the filters (lower
// case, stop words, stemmer) once, after which its term is looked up. Text
// with anything else (other scripts, "t.ex", "2,5", soft hyphens, …) is
// split by bleve's own segmenter, so the two can never differ.
const analyzerSwedish = "rccplans_sv"

func init() {
	if err := registry.RegisterAnalyzer(analyzerSwedish, newSwedish); err != nil {
		panic(err)
	}
}

func newSwedish(config map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
	slow, err := cache.AnalyzerNamed(sv.AnalyzerName)
	if err != nil {
		return nil, err
	}
	d, ok := slow.(*analysis.DefaultAnalyzer)
	if !ok || d.CharFilters != nil {
		return slow, nil // not the analyzer this one copies: use it as it is
	}
	return &svFast{tokenizer: d.Tokenizer, filters: d.TokenFilters, terms: map[string]wordTerm{}}, nil
}

type svFast struct {
	tokenizer analysis.Tokenizer
	filters   []analysis.TokenFilter

	mu    sync.RWMutex
	terms map[string]wordTerm // word as written -> its term
}

// wordTerm is what the filters make of one word.
type wordTerm struct {
	term []byte // shared by every token of the word; nobody writes to a term after analysis
	stop bool
}

// maxTerms bounds the memo (words as written, about 100 bytes each).
const maxTerms = 1 << 20

func (a *svFast) Analyze(input []byte) analysis.TokenStream {
	n, ok := plainWords(input)
	if !ok {
		// The filters work on each token alone, so the memo serves
		// the segmenter's tokens too.
		ts := a.tokenizer.Tokenize(input)
		out := ts[:0]
		for _, tok := range ts {
			if t := a.term(tok.Term); !t.stop {
				tok.Term = t.term
				out = append(out, tok)
			}
		}
		return out
	}
	toks := make([]analysis.Token, 0, n)
	out := make(analysis.TokenStream, 0, n)
	pos := 0
	eachPlainWord(input, func(start, end int, digits bool) {
		pos++
		t := a.term(input[start:end])
		if t.stop {
			return
		}
		typ := analysis.AlphaNumeric
		if digits {
			typ = analysis.Numeric
		}
		toks = append(toks, analysis.Token{Term: t.term, Start: start, End: end, Position: pos, Type: typ})
		out = append(out, &toks[len(toks)-1])
	})
	return out
}

// term runs one word through the filters, once per distinct word.
func (a *svFast) term(w []byte) wordTerm {
	a.mu.RLock()
	t, ok := a.terms[string(w)]
	a.mu.RUnlock()
	if ok {
		return t
	}
	ts := analysis.TokenStream{{Term: append([]byte(nil), w...), Start: 0, End: len(w), Position: 1, Type: analysis.AlphaNumeric}}
	for _, f := range a.filters {
		ts = f.Filter(ts)
	}
	if len(ts) == 0 {
		t = wordTerm{stop: true}
	} else {
		t = wordTerm{term: ts[0].Term}
	}
	a.mu.Lock()
	if len(a.terms) < maxTerms {
		a.terms[string(w)] = t
	}
	a.mu.Unlock()
	return t
}

// wordRune reports whether r is part of a word on the plain path: ASCII
// letters and digits and the letters of Latin-1 (å, ä, ö, é, ü, ß, …).
func wordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0xC0 && r <= 0xFF:
		return r != 0xD7 && r != 0xF7
	}
	return false
}

// joiner reports whether r can join the letters or digits on its two sides
// into one word under UAX #29 (MidLetter, MidNum, MidNumLet, single quote).
func joiner(r rune) bool {
	switch r {
	case '.', ':', ',', ';', '\'', 0xB7, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E, 0xFE13, 0xFE55, 0xFF1A, 0x05F4, 0x2027, 0x037E, 0x0589, 0x060C, 0x060D, 0x066C, 0x07F8, 0x2044, 0xFE10, 0xFE14, 0xFE50, 0xFE54, 0xFF0C, 0xFF1B:
		return true
	}
	return false
}

// plainRune reports whether r, not part of a word, is known to break words
// on both sides under UAX #29: ASCII punctuation and spaces other than '_'
// and a few common marks. Anything else (other scripts, combining marks,
// format characters such as the soft hyphen, '_' which joins words) sends
// the text to the full segmenter.
func plainRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r != '_' && r != 0x7F && (r >= ' ' || r == '\t' || r == '\n' || r == '\r')
	}
	switch r {
	case 0xA0, 0xA7, 0xAB, 0xB0, 0xBB, 0x2013, 0x2014, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x20AC:
		return true
	}
	return false
}

// plainWords reports whether input is plain text that eachPlainWord splits
// exactly as bleve's Unicode tokenizer does, and how many words it has.
func plainWords(input []byte) (int, bool) {
	n := 0
	prevWord := false
	// pending is a joiner right after a word: a word right after it would
	// be joined to that word by UAX #29.
	pending := false
	for i := 0; i < len(input); {
		r, w := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(input[i:])
			if r == utf8.RuneError {
				return 0, false
			}
		}
		i += w
		switch {
		case wordRune(r):
			if pending {
				return 0, false
			}
			if !prevWord {
				n++
			}
			prevWord = true
		case joiner(r):
			pending = prevWord
			prevWord = false
		case plainRune(r):
			pending, prevWord = false, false
		default:
			return 0, false
		}
	}
	return n, true
}

// eachPlainWord calls fn with the byte span of every word of plain input
// (see plainWords), and whether it is all digits.
func eachPlainWord(input []byte, fn func(start, end int, digits bool)) {
	start := -1
	digits := true
	for i := 0; i < len(input); {
		r, w := rune(input[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(input[i:])
		}
		if wordRune(r) {
			if start < 0 {
				start, digits = i, true
			}
			digits = digits && unicode.IsDigit(r)
		} else if start >= 0 {
			fn(start, i, digits)
			start = -1
		}
		i += w
	}
	if start >= 0 {
		fn(start, len(input), digits)
	}
}
