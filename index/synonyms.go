package index

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"rccplans"
)

// Abbreviations work both ways: a search for "KSSK" also finds
// "kontaktsjuksköterska" and the other way round. The pairs come from the
// documents' own Förkortningar lists (stored with the index, see Write) and
// from the short list below of abbreviations that plans use without
// spelling them out. Expansion happens on the query side, so a new build's
// lists take effect with that build.

// curated are abbreviations common in Swedish cancer-care plans.
var curated = []rccplans.Abbreviation{
	{Short: "KSSK", Long: "kontaktsjuksköterska"},
	{Short: "SVF", Long: "standardiserade vårdförlopp"},
	{Short: "SVF", Long: "standardiserat vårdförlopp"},
	{Short: "MDK", Long: "multidisciplinär konferens"},
	{Short: "MDT", Long: "multidisciplinär konferens"},
	{Short: "LPO", Long: "lokalt programområde"},
	{Short: "NPO", Long: "nationellt programområde"},
	{Short: "RPO", Long: "regionalt programområde"},
	{Short: "RCC", Long: "regionalt cancercentrum"},
	{Short: "MVP", Long: "Min vårdplan"},
	{Short: "PROM", Long: "patientrapporterade utfallsmått"},
	{Short: "PREM", Long: "patientrapporterade erfarenhetsmått"},
	{Short: "HPV", Long: "humant papillomvirus"},
	{Short: "OPT", Long: "organiserad prostatacancertestning"},
	{Short: "NVP", Long: "nationellt vårdprogram"},
	{Short: "SKR", Long: "Sveriges Kommuner och Regioner"},
}

// synonyms maps lower-cased short forms to long forms and back.
type synonyms struct {
	long  map[string][]string // "kssk" -> ["kontaktsjuksköterska"]
	short map[string][]string // "kontaktsjuksköterska" -> ["kssk"]
	// longWords holds each long form as its lower-cased words, for
	// finding long forms inside a query.
	longWords [][]string
}

func newSynonyms(abbrs []rccplans.Abbreviation, a analyzers) *synonyms {
	s := &synonyms{long: map[string][]string{}, short: map[string][]string{}}
	seen := map[[2]string]bool{}
	for _, ab := range append(append([]rccplans.Abbreviation{}, curated...), abbrs...) {
		short := strings.ToLower(strings.TrimSpace(ab.Short))
		long := strings.ToLower(strings.Join(strings.Fields(ab.Long), " "))
		if short == "" || long == "" || short == long || len([]rune(short)) < 2 {
			continue
		}
		// Keep the long form to its first clause: "positronemissionstomografi, PET, kombinerad ..."
		if i := strings.IndexAny(long, ",(;"); i > 0 {
			long = strings.TrimSpace(long[:i])
		}
		k := [2]string{short, long}
		if seen[k] || long == "" {
			continue
		}
		seen[k] = true
		s.long[short] = append(s.long[short], long)
		s.short[long] = append(s.short[long], short)
	}
	for long := range s.short {
		var words []string
		for _, t := range a.lower.Analyze([]byte(long)) {
			words = append(words, string(t.Term))
		}
		if len(words) > 0 {
			s.longWords = append(s.longWords, words)
		}
	}
	// Longest first, so "standardiserade vårdförlopp" wins over a one-word form.
	sort.Slice(s.longWords, func(i, j int) bool {
		if len(s.longWords[i]) != len(s.longWords[j]) {
			return len(s.longWords[i]) > len(s.longWords[j])
		}
		return strings.Join(s.longWords[i], " ") < strings.Join(s.longWords[j], " ")
	})
	return s
}

// concept is one unit of a free-text query: a word, or a run of words that
// is the long form of an abbreviation, with the forms that mean the same.
type concept struct {
	words []string // as typed, lower-cased
	alts  []string // other forms: long forms of a short one, short forms of a long one
}

// concepts splits lower-cased query words into concepts. A single word
// also takes the short forms of long forms that contain it as a part, as
// the index finds compounds: "sjuksköterskor" takes KSSK
// (kontaktsjuksköterska). stem gives the prefix stem of a word.
func (s *synonyms) concepts(words []string, stem func(string) string) []concept {
	var out []concept
	for i := 0; i < len(words); {
		matched := false
		for _, lw := range s.longWords {
			if len(lw) > len(words)-i || !equalWords(lw, words[i:i+len(lw)]) {
				continue
			}
			long := strings.Join(lw, " ")
			out = append(out, concept{words: lw, alts: s.short[long]})
			i += len(lw)
			matched = true
			break
		}
		if matched {
			continue
		}
		c := concept{words: words[i : i+1], alts: s.long[words[i]]}
		if st := stem(words[i]); utf8.RuneCountInString(st) >= minPrefix {
			for _, lw := range s.longWords {
				if len(lw) != 1 || !strings.Contains(lw[0], st) || lw[0] == words[i] {
					continue
				}
				for _, short := range s.short[lw[0]] {
					if !slices.Contains(c.alts, short) {
						c.alts = append(c.alts, short)
					}
				}
			}
		}
		out = append(out, c)
		i++
	}
	return out
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
