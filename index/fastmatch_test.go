package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// TestFastMatch: fastMatch finds the documents bleve's searchers find, with
// the same scores, for free-text queries of every shape (words, compounds,
// abbreviations both ways, long forms, stop words, words no document has).
func TestFastMatch(t *testing.T) {
	x, _ := openGold(t)
	ctx := context.Background()
	tests := []string{"kontaktsjuksköterska", "KSSK", "sjuksköterskor", "screeningprogram", "palliativ vård", "SVF",
		"standardiserade vårdförlopp", "multidisciplinär konferens MDK", "cancer", "och cancer", "rehabilitering prevention",
		"Min vårdplan", "patienter närstående utveckling", "xyzzy", "cancer xyzzy", "vård", "2022", "Region Västmanland"}
	for _, q := range tests {
		t.Run(q, func(t *testing.T) {
			text, _, err := textQuery(q, x.syn, x.an)
			if err != nil {
				t.Fatal(err)
			}
			p, ok := planOf(text)
			if !ok {
				t.Fatalf("no plan for %q", q)
			}
			got, ok, err := x.fast(ctx, p)
			if err != nil || !ok {
				t.Fatalf("fast: %v %v", ok, err)
			}
			want := &matchSet{}
			if err := x.match(ctx, text, func(n int, score float64) {
				want.docs = append(want.docs, int32(n))
				want.scores = append(want.scores, float32(score))
			}); err != nil {
				t.Fatal(err)
			}
			if len(got.docs) != len(want.docs) {
				t.Fatalf("%d matches, bleve %d", len(got.docs), len(want.docs))
			}
			for i := range got.docs {
				if got.docs[i] != want.docs[i] || got.scores[i] != want.scores[i] {
					t.Fatalf("match %d: doc %d score %v, bleve doc %d score %v", i, got.docs[i], got.scores[i], want.docs[i], want.scores[i])
				}
			}
		})
	}
	// Other queries are left to bleve.
	for _, q := range []query.Query{bleve.NewQueryStringQuery("goal:vård"), bleve.NewMatchPhraseQuery("palliativ vård"), bleve.NewMatchNoneQuery()} {
		if _, ok := planOf(q); ok {
			t.Errorf("%T has a plan", q)
		}
	}
}
