package index

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/swedish"
)

// Decompounding. Swedish writes compounds as one word: a search for
// "sjuksköterska" must find "kontaktsjuksköterska", "screeningprogram" must
// find "screeningprogrammet". The Snowball stemmer handles neither.
//
// The dictionary is the corpus's own vocabulary: a word's tail is a part when
// the tail, stemmed, is the stem of a word that occurs on its own somewhere in
// the corpus ("sjuksköterskor" in one plan makes "sjuksköterska" a part of
// "kontaktsjuksköterskan" in another). The tails of every word of a document
// go into a separate field (fieldParts) that is searched but never shown or
// highlighted, so its token positions do not matter. bleve's dict_compound
// filter is not used: it computes wrong offsets after å, ä and ö.
//
// Limits: only tails are split off (the head of "screeningprogrammet" is
// found by a prefix search on the whole word instead); a part must be at
// least minPart letters; a tail that happens to be a word ("ande") is a
// false part, which only widens a search.

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

// learn adds the words of text to the vocabulary.
func (c *compounder) learn(text string) {
	for _, w := range words(text) {
		if c.seen[w] || utf8.RuneCountInString(w) < minPart || !isWord(w) {
			continue
		}
		c.seen[w] = true
		c.stems[stem(w)] = true
	}
}

// freeze splits every word of the vocabulary once; after it, tails and
// parts only read and may run concurrently.
func (c *compounder) freeze() {
	for w := range c.seen {
		c.split(w)
	}
	c.frozen = true
}

// tails returns the parts of word w found in the vocabulary, longest first.
func (c *compounder) tails(w string) []string {
	if p, ok := c.memo[w]; ok || c.frozen {
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
				tail := w[i:]
				if c.stems[stem(tail)] {
					out = append(out, tail)
				}
			}
			runes++
		}
	}
	c.memo[w] = out
	return out
}

// parts returns the compound tails of every word of the texts, space separated
// and without repeats: the value of fieldParts.
func (c *compounder) parts(texts ...string) string {
	seen := map[string]bool{}
	var out []string
	for _, text := range texts {
		for _, w := range words(text) {
			if seen[w] {
				continue
			}
			seen[w] = true
			for _, p := range c.tails(w) {
				if !seen["\x00"+p] {
					seen["\x00"+p] = true
					out = append(out, p)
				}
			}
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
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
