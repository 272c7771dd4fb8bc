package index

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// TestFastMatch: fastMatch finds the documents bleve's searchers find, with
// the same scores, for free-text queries of every shape (words, compounds,
// abbreviations both ways, long forms, stop words, words no document has).
func TestFastMatch(t *testing.T) {
	gold, c := openGold(t)
	// The same corpus in many segments: batches of 7 documents, and
	// scorch told not to merge them.
	defer func(n, m int, o mergeplan.MergePlanOptions) {
		batchSize, scorch.DefaultMinSegmentsForInMemoryMerge, mergeplan.DefaultMergePlanOptions = n, m, o
	}(batchSize, scorch.DefaultMinSegmentsForInMemoryMerge, mergeplan.DefaultMergePlanOptions)
	batchSize = 7
	scorch.DefaultMinSegmentsForInMemoryMerge = 1 << 30
	mergeplan.DefaultMergePlanOptions.MaxSegmentsPerTier = 1 << 20
	dir := filepath.Join(t.TempDir(), "index")
	if err := Write(dir, c.recs, c.secs, c.abbrs); err != nil {
		t.Fatal(err)
	}
	many, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer many.Close()
	if adv, _ := many.bleve.Advanced(); adv != nil {
		r, _ := adv.Reader()
		if snap, ok := r.(*scorch.IndexSnapshot); !ok || len(snap.Segments()) < 3 {
			n := -1
			if ok {
				n = len(snap.Segments())
			}
			t.Errorf("the many-segment index has %d segments", n)
		}
		r.Close()
	}
	ctx := context.Background()
	tests := []string{"kontaktsjuksköterska", "KSSK", "sjuksköterskor", "screeningprogram", "palliativ vård", "SVF",
		"standardiserade vårdförlopp", "multidisciplinär konferens MDK", "cancer", "och cancer", "rehabilitering prevention",
		"Min vårdplan", "patienter närstående utveckling", "xyzzy", "cancer xyzzy", "vård", "2022", "Region Västmanland",
		"palliativ vård cancer", "kontaktsjuksköterska patient", "vård patient region"}
	for _, x := range []*Index{gold, many} {
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
				// Through bleve's term field readers (a reader that is not a scorch snapshot).
				adv, _ := x.bleve.Advanced()
				r, err := adv.Reader()
				if err != nil {
					t.Fatal(err)
				}
				defer r.Close()
				p, _ = planOf(text)
				viaReaders, ok, err := x.fastMatch(searchContext(ctx), struct{ index.IndexReader }{r}, p)
				if err != nil || !ok {
					t.Fatalf("fastMatch through readers: %v %v", ok, err)
				}
				if !slices.Equal(viaReaders.docs, got.docs) || !slices.Equal(viaReaders.scores, got.scores) {
					t.Errorf("through term field readers: %d matches, directly %d", len(viaReaders.docs), len(got.docs))
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
	}
	// Other queries are left to bleve.
	for _, q := range []query.Query{bleve.NewQueryStringQuery("goal:vård"), bleve.NewMatchPhraseQuery("palliativ vård"), bleve.NewMatchNoneQuery()} {
		if _, ok := planOf(q); ok {
			t.Errorf("%T has a plan", q)
		}
	}
}

// TestSimplify: simplified query strings find the same documents with the
// same scores as bleve's own reading of them.
func TestSimplify(t *testing.T) {
	x, _ := openGold(t)
	for q, want := range map[string]string{`region:"Region Västmanland"`: "*query.TermQuery", `goal:screening*`: "*query.PrefixQuery",
		`goal:"palliativ vård"`: "*query.MatchPhraseQuery", `chapter_key:"Kapitel 2"`: "*query.MatchPhraseQuery", `goal:s*g`: "*query.WildcardQuery"} {
		parsed, err := bleve.NewQueryStringQuery(q).Parse()
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%T", simplify(parsed).(*query.BooleanQuery).Should.(*query.DisjunctionQuery).Disjuncts[0]); got != want {
			t.Errorf("%s: %s, want %s", q, got, want)
		}
	}
	ctx := context.Background()
	for _, q := range []string{`+goal:screening* +region:"Region Västmanland"`, `region:"Region Västmanland"`, `region:"Region Västmanland"^3 vård`,
		`-region:"Region Västmanland" cancer`, `status:done`, `goal:patient*`, `patient*`, `goal:scr?ening*`, `activity:"patient*"`,
		`kind:"handlingsplan" OR region:"Region Blekinge"`, `+chapter_key:"Patientens medverkan, Kapitel 2" närstående` /* bleve finds nothing: no analyzer of its own */, `goal:"palliativ vård"`} {
		t.Run(q, func(t *testing.T) {
			want := &matchSet{}
			if err := x.match(ctx, bleve.NewQueryStringQuery(q), func(n int, score float64) {
				want.docs = append(want.docs, int32(n))
				want.scores = append(want.scores, float32(score))
			}); err != nil {
				t.Fatal(err)
			}
			text, _, err := textQuery(q, x.syn, x.an)
			if err != nil {
				t.Fatal(err)
			}
			got := &matchSet{}
			if err := x.match(ctx, text, func(n int, score float64) {
				got.docs = append(got.docs, int32(n))
				got.scores = append(got.scores, float32(score))
			}); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.docs, want.docs) || !slices.Equal(got.scores, want.scores) {
				t.Errorf("got %v %v\nwant %v %v", got.docs, got.scores, want.docs, want.scores)
			}
			if len(want.docs) == 0 && !strings.Contains(q, "scr?ening") && !strings.Contains(q, "chapter_key") {
				t.Errorf("no matches: the test says nothing")
			}
		})
	}
}

// TestPhrasesInAll: a phrase without a field finds what it found when _all
// kept positions (an index made by bleve's mapping from the same values).
func TestPhrasesInAll(t *testing.T) {
	x, c := openGold(t)
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	old, err := bleve.New(filepath.Join(t.TempDir(), "old"), im)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	comp := newCompounder()
	comp.freeze()
	b := old.NewBatch()
	add := func(id string, vs []fieldValue) {
		m := map[string]any{}
		for _, v := range vs {
			if v.num {
				m[v.name] = v.n
			} else {
				m[v.name] = v.text
			}
		}
		if err := b.Index(id, m); err != nil {
			t.Fatal(err)
		}
	}
	for i := range c.recs {
		vs, _ := recordValues(&c.recs[i], comp)
		add(docID("r", i), vs)
	}
	for i := range c.secs {
		vs, _ := sectionValues(&c.secs[i], comp)
		add(docID("s", len(c.recs)+i), vs)
	}
	if err := old.Batch(b); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range []string{`"palliativ vård"`, `"standardiserade vårdförlopp"`, `"Min vårdplan"`, `"närstående erbjuds det stöd"`,
		`"och i"`, `"kontaktsjuksköterska"`, `+"palliativ vård" +region:"Region Västmanland"`, `"patient och närstående"^2 cancer`,
		`-"palliativ vård" vård`, `_all:"palliativ vård"`} {
		t.Run(q, func(t *testing.T) {
			req := bleve.NewSearchRequestOptions(bleve.NewQueryStringQuery(q), 10000, 0, false)
			res, err := old.Search(req)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, h := range res.Hits {
				want = append(want, h.ID)
			}
			text, _, err := textQuery(q, x.syn, x.an)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			if err := x.match(ctx, text, func(n int, _ float64) { got = append(got, x.cols.ids[n]) }); err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("got  %v\nwant %v", got, want)
			}
			if len(want) == 0 && q != `"och i"` {
				t.Error("no matches: the test says nothing")
			}
		})
	}
}
