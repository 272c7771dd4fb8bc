package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/swedish"
)

// Decompounding and word forms. Swedish writes compounds as one word, and
// the Snowball stemmer leaves some forms apart: a search for
// "sjuksköterska" must find "kontaktsjuksköterska", "screeningprogram"
// must find "screeningprogrammet", "palliativ" must find "palliativt".
//
// Every word is reduced to a normal form (norm: the Snowball stem, then the
// definite "-an"/"-et" and the neuter "-t" taken off and a final double
// consonant made single), and compounds are split with a dictionary made of
// the corpus's own vocabulary: a word's tail is a part when its normal form
// is the normal form of a word that occurs on its own somewhere in the
// corpus ("sjuksköterskor" in one plan makes "sjuksköterska" a part of
// "kontaktsjuksköterskan" in another), and its head is a part when both
// head (with or without a linking s) and tail are. The normal forms of the
// words and of their parts go into a separate field (fieldTerms) that is
// searched but never shown or highlighted, so its token positions do not
// matter. A free-text word is one term lookup there: no prefix or wildcard
// expansion, which keeps searches fast on large corpora. bleve's
// dict_compound filter is not used: it computes wrong offsets after å, ä
// and ö.
//
// Limits: a part must be at least minPart letters and the compound at least
// minCompound; a tail that happens to be a word ("ande") is a false part,
// which only widens a search; two words whose normal forms coincide are
// found together.

const (
	minCompound = 8 // shortest word considered a compound, in letters
	minHead     = 3 // shortest head left of a tail
	minPart     = 4 // shortest tail
)

// compounder splits words into tails that are words of the vocabulary.
type compounder struct {
	stems map[string]bool     // stems of every word of the corpus
	memo  map[string][]string // word -> its tails
	seen  map[string]bool     // words already learnt
	// entries: word -> its normal form followed by its tails, once frozen.
	entries map[string][]string
	// frozen: every word of the vocabulary is split; no more writes.
	frozen bool
}

func newCompounder() *compounder {
	return &compounder{stems: map[string]bool{}, memo: map[string][]string{}, seen: map[string]bool{}}
}

// words splits text into lower-cased words, as the index's tokenizer
// does for plain words; cheaper than running the analyzer.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// stem is the Snowball stem of a lower-cased word (no stop-word check: a
// part is never shorter than minPart).
func stem(w string) string {
	env := snowballstem.NewEnv(w)
	swedish.Stem(env)
	return env.Current()
}

// norm is the normal form of a lower-cased word: the stem, without the
// definite -an/-et or neuter -t the stemmer keeps, stemmed again, with a
// final double consonant made single: programmet, programmen, program ->
// program; sjuksköterskan, sjuksköterskor -> sjukskötersk; palliativt ->
// palliativ.
func norm(w string) string {
	s := stem(w)
	for i := 0; i < 3; i++ { // resultatet -> resultat -> result -> resul
		cut := false
		for _, suf := range []string{"an", "et", "t"} {
			if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s)-len(suf) >= minPart {
				s = stem(strings.TrimSuffix(s, suf))
				cut = true
				break
			}
		}
		if !cut {
			break
		}
	}
	if n := len(s); n >= minPart+1 && s[n-1] == s[n-2] && strings.IndexByte("bcdfgjklmnprstv", s[n-1]) >= 0 {
		s = s[:n-1]
	}
	return s
}

// learn adds the words of text to the vocabulary.
func (c *compounder) learn(text string) {
	eachWord(strings.ToLower(text), func(w string) {
		if c.seen[w] || utf8.RuneCountInString(w) < minPart || !isWord(w) {
			return
		}
		c.seen[w] = true
		c.stems[norm(w)] = true
	})
}

// learnAll adds the words of n texts to the vocabulary, as learn does for
// each, with one worker per CPU: the words of a large build take long
// enough to stem to hold up the writers that wait for the vocabulary.
func (c *compounder) learnAll(n int, text func(i int) string) {
	workers := min(runtime.GOMAXPROCS(0), max(n/256, 1))
	found := make([]map[string]struct{}, workers)
	parallel(workers, func(p int) {
		set := map[string]struct{}{}
		for i := p; i < n; i += workers {
			eachWord(strings.ToLower(text(i)), func(w string) {
				if _, ok := set[w]; ok || utf8.RuneCountInString(w) < minPart || !isWord(w) {
					return
				}
				set[w] = struct{}{}
			})
		}
		found[p] = set
	})
	var fresh []string
	for _, set := range found {
		for w := range set {
			if !c.seen[w] {
				c.seen[w] = true
				fresh = append(fresh, w)
			}
		}
	}
	norms := make([]string, len(fresh))
	parallel(workers, func(p int) {
		for i := p; i < len(fresh); i += workers {
			norms[i] = norm(fresh[i])
		}
	})
	for _, s := range norms {
		c.stems[s] = true
	}
}

// freeze splits every word of the vocabulary once, one worker per CPU;
// after it, tails and parts only read and may run concurrently.
func (c *compounder) freeze() {
	c.frozen = true // split keeps no memo from here on
	words := make([]string, 0, len(c.seen))
	for w := range c.seen {
		words = append(words, w)
	}
	workers := min(runtime.GOMAXPROCS(0), max(len(words)/256, 1))
	parts := make([]map[string][]string, workers)
	parallel(workers, func(p int) {
		m := make(map[string][]string, len(words)/workers+1)
		for i := p; i < len(words); i += workers {
			m[words[i]] = append([]string{norm(words[i])}, c.split(words[i])...)
		}
		parts[p] = m
	})
	c.entries = make(map[string][]string, len(words))
	for _, m := range parts {
		maps.Copy(c.entries, m)
	}
}

// parallel runs fn(0) … fn(n-1) at once and waits for them.
func parallel(n int, fn func(p int)) {
	var wg sync.WaitGroup
	for p := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(p)
		}()
	}
	wg.Wait()
}

// tails returns the parts of word w found in the vocabulary, longest first.
func (c *compounder) tails(w string) []string {
	if p, ok := c.memo[w]; ok {
		return p
	}
	return c.split(w)
}

func (c *compounder) split(w string) []string {
	var out []string
	if utf8.RuneCountInString(w) >= minCompound && isWord(w) {
		runes := 0
		for i := range w {
			if runes >= minHead && utf8.RuneCountInString(w[i:]) >= minPart {
				if tail := norm(w[i:]); c.stems[tail] {
					out = append(out, tail)
					head := w[:i]
					if utf8.RuneCountInString(head) >= minPart {
						if h := norm(head); c.stems[h] {
							out = append(out, h)
						} else if h := norm(strings.TrimSuffix(head, "s")); strings.HasSuffix(head, "s") && c.stems[h] {
							out = append(out, h)
						}
					}
				}
			}
			runes++
		}
	}
	if !c.frozen { // frozen: read-only, shared by the writers
		c.memo[w] = out
	}
	return out
}

// terms returns the normal forms of every word of the texts and of their
// compound parts, space separated and without repeats: the value of
// fieldTerms. Swedish stop words are left out (wordQuery never looks one
// up), which spares the index a posting per stop word and document. (Their order does not matter: fieldTerms has no positions
// worth using; sorting is the cheapest way to drop repeats.)
func (c *compounder) terms(texts ...string) string {
	ts := make([]string, 0, 64)
	for _, text := range texts {
		eachWord(strings.ToLower(text), func(w string) {
			if stopWords[w] {
				return // never searched: a free-text stop word is left out of the query
			}
			if c.frozen {
				if e, ok := c.entries[w]; ok {
					ts = append(ts, e...)
					return
				}
			}
			ts = append(ts, norm(w))
			ts = append(ts, c.tails(w)...)
		})
	}
	slices.Sort(ts)
	ts = slices.Compact(ts)
	n := len(ts)
	for _, t := range ts {
		n += len(t)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// stopWords are bleve's Swedish stop words, as its analyzer drops them.
var stopWords = func() analysis.TokenMap {
	m := analysis.NewTokenMap()
	if err := m.LoadBytes(sv.SwedishStopWords); err != nil {
		panic(err)
	}
	return m
}()

// eachWord calls fn for every word of the lower-cased text, as words
// splits it, without making the slice.
func eachWord(text string, fn func(w string)) {
	start := -1
	for i, r := range text {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				if start < 0 {
					start = i
				}
				continue
			}
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(text[start:])
	}
}

// isWord reports whether w is made of letters only (no digits, no codes).
func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
