package index

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
)

// analyzerPair gives rccplans' Swedish analyzer and bleve's, from one mapping.
func analyzerPair(t testing.TB) (fast, slow analysis.Analyzer) {
	t.Helper()
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	fast, slow = im.AnalyzerNamed(analyzerSwedish), im.AnalyzerNamed(sv.AnalyzerName)
	if fast == nil || slow == nil {
		t.Fatal("analyzer missing")
	}
	if _, ok := fast.(*svFast); !ok {
		t.Fatalf("%s is %T, not the plain-text analyzer", analyzerSwedish, fast)
	}
	return fast, slow
}

func tokenString(ts analysis.TokenStream) string {
	s := ""
	for _, t := range ts {
		s += fmt.Sprintf("%q@%d[%d:%d]%d ", t.Term, t.Position, t.Start, t.End, t.Type)
	}
	return s
}

// sameAnalysis fails unless both analyzers give the same tokens for text.
func sameAnalysis(t *testing.T, fast, slow analysis.Analyzer, text string) {
	t.Helper()
	// bleve's lower-case filter may write into its input: each gets a copy.
	got := tokenString(fast.Analyze([]byte(text)))
	want := tokenString(slow.Analyze([]byte(text)))
	if got != want {
		t.Errorf("%q:\ngot  %s\nwant %s", text, got, want)
	}
}

func TestSwedishAnalyzer(t *testing.T) {
	fast, slow := analyzerPair(t)
	tests := []struct {
		name  string
		input string
		plain bool // split on the plain path (else by bleve's segmenter)
	}{
		{"empty", "", true},
		{"words", "Kontaktsjuksköterskan och screeningprogrammet", true},
		{"stop words only", "och i på att", true},
		{"upper case", "ÅTGÄRD KSSK Östergötland ÄR", true},
		{"digits and letters", "covid19 2024 19covid 3a", true},
		{"dash and slash", "2022–2024 PET-DT och/eller", true},
		{"punctuation", `(SVF) "citat", slut. Början: «x» § 3 … 50 % 10 €`, true},
		{"joiner between spaces", "a . b , c : d", true},
		{"joiner at the ends", ".start slut.", true},
		{"abbreviation with dot", "t.ex. enligt", false},
		{"decimal comma", "2,5 procent", false},
		{"colon inside a word", "S:t Göran", false},
		{"apostrophe inside", "Hodgkin's lymfom", false},
		{"curly apostrophe", "Hodgkin’s lymfom", false},
		{"underscore", "a_b c_", false},
		{"soft hyphen", "screening\u00adprogram", false},
		{"other script", "Москва и Göteborg", false},
		{"combining mark", "cafe\u0301 bar", false},
		{"ideographs", "癌症 vård", false},
		{"invalid utf-8", "vård \xff slut", false},
		{"control character", "a\x00b", false},
		{"ordinal indicator", "1ª plan", false},
		{"newlines and tabs", "rad ett\r\nrad två\ttabb", true},
		{"no-break space", "RCC\u00a0Norr", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, ok := plainWords([]byte(tc.input)); ok != tc.plain {
				t.Errorf("plain path %v, want %v", ok, tc.plain)
			}
			sameAnalysis(t, fast, slow, tc.input)
			sameAnalysis(t, fast, slow, tc.input) // the second time from the memo
		})
	}
}

// TestSwedishAnalyzerCorpus compares the two analyzers on every text of
// the fixture corpus.
func TestSwedishAnalyzerCorpus(t *testing.T) {
	fast, slow := analyzerPair(t)
	c := loadGold(t)
	plain := 0
	n := 0
	check := func(texts ...string) {
		for _, s := range texts {
			n++
			if _, ok := plainWords([]byte(s)); ok {
				plain++
			}
			sameAnalysis(t, fast, slow, s)
		}
	}
	for _, r := range c.recs {
		check(r.Goal, r.Activity, r.RCCActivity, r.CurrentState, r.Target, r.Responsible, r.Area, r.Chapter,
			r.Section, r.Timeframe, r.StatusRaw, r.FollowUp, r.Evaluation)
	}
	for _, s := range c.secs {
		check(s.Title, s.Text)
	}
	// Most texts should take the plain path, or the analyzer saves nothing.
	if plain*10 < n*8 {
		t.Errorf("only %d of %d texts on the plain path", plain, n)
	}
}

func FuzzSwedishAnalyzer(f *testing.F) {
	for _, s := range []string{"Kontaktsjuksköterskan och KSSK", "t.ex. 2,5", "S:t Göran", "a_b", "2022–2024", "screening\u00adprogram", "Москва", "\xff"} {
		f.Add(s)
	}
	c := loadGold(f)
	for i, r := range c.recs {
		if i%7 == 0 {
			f.Add(r.Goal + " " + r.Activity)
		}
	}
	fast, slow := analyzerPair(f)
	f.Fuzz(func(t *testing.T, s string) {
		sameAnalysis(t, fast, slow, s)
	})
}

// BenchmarkSwedishAnalyzer: the fixture texts through rccplans' analyzer
// and, as the reference, through bleve's Swedish analyzer.
func BenchmarkSwedishAnalyzer(b *testing.B) {
	fast, slow := analyzerPair(b)
	c := loadGold(b)
	var texts [][]byte
	for _, r := range c.recs {
		for _, s := range []string{r.Goal, r.Activity, r.RCCActivity, r.CurrentState, r.Target, r.Responsible, r.Area, r.Chapter, r.Section, r.FollowUp, r.Evaluation} {
			texts = append(texts, []byte(s))
		}
	}
	for _, a := range []struct {
		name string
		an   analysis.Analyzer
	}{{"rccplans", fast}, {"reference-bleve-sv", slow}} {
		b.Run(a.name, func(b *testing.B) {
			buf := make([]byte, 0, 4096)
			for i := 0; i < b.N; i++ {
				for _, t := range texts {
					buf = append(buf[:0], t...) // bleve's lower-casing writes into its input
					a.an.Analyze(buf)
				}
			}
		})
	}
}

// TestNormIsPrefix: the normal form of a word is a prefix of it, which the
// highlighter's quick test (marker.may) relies on. Every word of the fixture
// corpus and a few forms that change most.
func TestNormIsPrefix(t *testing.T) {
	c := loadGold(t)
	seen := map[string]bool{}
	check := func(text string) {
		for _, w := range words(text) {
			if seen[w] {
				continue
			}
			seen[w] = true
			if n := norm(w); !strings.HasPrefix(w, n) {
				t.Errorf("norm(%q) = %q, not a prefix", w, n)
			}
		}
	}
	for _, r := range c.recs {
		check(recordTexts(&r) + " " + r.Timeframe + " " + r.StatusRaw)
	}
	for _, s := range c.secs {
		check(s.Title + " " + s.Text)
	}
	check("programmet programmen resultatet palliativt sjuksköterskan fullt löst kallt hemmet stadd bygd ständigt 2024 covid19 ÅÄÖ")
	if len(seen) < 1000 {
		t.Errorf("only %d words checked", len(seen))
	}
}

// TestStopWordsNeverSearched: the index leaves stop words out of the
// compound field because a free-text query never looks one up.
func TestStopWordsNeverSearched(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	an, err := newAnalyzers(im)
	if err != nil {
		t.Fatal(err)
	}
	if len(stopWords) < 100 {
		t.Fatalf("%d stop words", len(stopWords))
	}
	for w := range stopWords {
		if q := wordQuery(w, an); q != nil {
			t.Errorf("stop word %q is searched", w)
		}
	}
	if c := newCompounder(); c.terms("och vården i regionen") != "region vård" {
		t.Errorf("terms: %q", c.terms("och vården i regionen"))
	}
}
