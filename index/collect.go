package index

import (
	"container/heap"
	"context"
	"fmt"
	"sort"
	"strconv"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// collect runs the text query (nil: every document) and, in one pass over
// its matches, applies the filters from the columns, counts the facets
// (multi-select: a document that fails only field F's filter still counts
// for F's facet) and keeps the best hits up to the page asked for.
func (x *Index) collect(ctx context.Context, text query.Query, r Request, facets bool) (total int, top []scored, counts map[string][]Count, err error) {
	c := x.cols
	flt := compileFilters(c, r.Filters)
	// Per facet (in Facets order): its column, its counts, and which
	// filter (index into flt) is its own, -1 for none.
	fcols := make([]*column, len(Facets))
	cnt := make([][]int, len(Facets))
	own := make([]int, len(Facets))
	for i, f := range Facets {
		fcols[i] = c.cols[facetField(f)]
		cnt[i] = make([]int, len(fcols[i].dict))
		own[i] = -1
		for j := range flt {
			if flt[j].name == f {
				own[i] = j
			}
		}
	}
	k := r.Page * r.Size
	h := &hitHeap{less: x.order(r)}
	visit := func(n int, score float64) {
		failed := -1
		for i := range flt {
			if !flt[i].ok(c, n) {
				if failed >= 0 {
					return // fails two filters: counts nowhere
				}
				failed = i
			}
		}
		if facets {
			for i, col := range fcols {
				if failed >= 0 && own[i] != failed {
					continue
				}
				if v := col.value(n); v >= 0 {
					cnt[i][v]++
				}
			}
		}
		if failed >= 0 {
			return
		}
		total++
		if len(h.items) < k {
			heap.Push(h, scored{n, score})
		} else if s := (scored{n, score}); h.less(s, h.items[0]) {
			h.items[0] = s
			heap.Fix(h, 0)
		}
	}
	if text == nil {
		for i, n := range c.live {
			if i%4096 == 0 && ctx.Err() != nil {
				return 0, nil, nil, ctx.Err()
			}
			visit(n, 0)
		}
	} else {
		ms, err := x.matches(ctx, r.Query, text)
		if err != nil {
			return 0, nil, nil, err
		}
		for i, n := range ms.docs {
			if i%4096 == 0 && ctx.Err() != nil {
				return 0, nil, nil, ctx.Err()
			}
			visit(int(n), float64(ms.scores[i]))
		}
	}
	// The heap holds the best k, worst first.
	items := h.items
	sort.Slice(items, func(i, j int) bool { return h.less(items[i], items[j]) })
	from := (r.Page - 1) * r.Size
	if from < len(items) {
		top = items[from:]
	}
	if facets {
		counts = map[string][]Count{}
		for i, f := range Facets {
			col := fcols[i]
			out := []Count{}
			for v, n := range cnt[i] {
				if n > 0 {
					out = append(out, Count{Value: col.dict[v], Count: n})
				}
			}
			sort.Slice(out, func(i, j int) bool {
				if out[i].Count != out[j].Count {
					return out[i].Count > out[j].Count
				}
				return out[i].Value < out[j].Value
			})
			if len(out) > facetSize {
				out = out[:facetSize]
			}
			counts[f] = out
		}
	}
	return total, top, counts, nil
}

// match calls visit for every document the query matches, with its score.
func (x *Index) match(ctx context.Context, q query.Query, visit func(n int, score float64)) error {
	adv, err := x.bleve.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	s, err := q.Searcher(searchContext(ctx), r, x.bleve.Mapping(), search.SearcherOptions{})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadQuery, err)
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0), IndexReader: r}
	for i := 0; ; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			return nil
		}
		if n := internalNumber(dm.IndexInternalID); n >= 0 && n < len(x.cols.ids) && x.cols.ids[n] != "" {
			visit(n, dm.Score)
		}
		sctx.DocumentMatchPool.Put(dm)
	}
}

// filter is one field's filter compiled against the columns.
type filter struct {
	name  string
	col   *column
	allow []bool  // by value number
	years []int16 // period filter: any of these years inside the period
	terms bool    // period filter also has period values ("2022–2024")
}

func compileFilters(c *columns, fs map[string][]string) []filter {
	names := make([]string, 0, len(fs))
	for k, vs := range fs {
		if len(vs) > 0 {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var out []filter
	for _, name := range names {
		col := c.cols[facetField(name)]
		f := filter{name: name, col: col, allow: make([]bool, len(col.dict))}
		for _, v := range fs[name] {
			if name == fieldPeriod && yearRe.MatchString(v) {
				y, _ := strconv.Atoi(v)
				f.years = append(f.years, int16(y))
				continue
			}
			if k, ok := col.index[v]; ok {
				f.allow[k] = true
			}
		}
		out = append(out, f)
	}
	return out
}

func (f *filter) ok(c *columns, n int) bool {
	if v := f.col.value(n); v >= 0 && f.allow[v] {
		return true
	}
	for _, y := range f.years {
		if c.from[n] > 0 && c.from[n] <= y && y <= c.to[n] {
			return true
		}
	}
	return false
}

type scored struct {
	n     int
	score float64
}

// order gives the hit order of a request: better first.
func (x *Index) order(r Request) func(a, b scored) bool {
	c := x.cols
	byRank := func(a, b scored) bool { return c.rank[a.n] < c.rank[b.n] }
	byCol := func(field string, desc bool) func(a, b scored) bool {
		col := c.cols[field]
		return func(a, b scored) bool {
			va, vb := col.value(a.n), col.value(b.n)
			if va != vb {
				if va < 0 || vb < 0 {
					return vb < 0 // no value last
				}
				if col.dict[va] != col.dict[vb] {
					return (col.dict[va] < col.dict[vb]) != desc
				}
			}
			if a.score != b.score {
				return a.score > b.score
			}
			return byRank(a, b)
		}
	}
	switch r.Sort {
	case "region":
		return byCol("region", false)
	case "status":
		return byCol("status", false)
	case "period", "-period":
		desc := r.Sort == "-period"
		return func(a, b scored) bool {
			fa, fb := c.from[a.n], c.from[b.n]
			if fa != fb {
				if fa == 0 || fb == 0 {
					return fb == 0
				}
				return (fa < fb) != desc
			}
			if a.score != b.score {
				return a.score > b.score
			}
			return byRank(a, b)
		}
	case "doc":
		return byRank
	}
	if r.Query == "" {
		return byRank
	}
	return func(a, b scored) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		return byRank(a, b)
	}
}

// hitHeap keeps the best k hits with the worst on top.
type hitHeap struct {
	items []scored
	less  func(a, b scored) bool
}

func (h *hitHeap) Len() int           { return len(h.items) }
func (h *hitHeap) Less(i, j int) bool { return h.less(h.items[j], h.items[i]) }
func (h *hitHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *hitHeap) Push(v any)         { h.items = append(h.items, v.(scored)) }
func (h *hitHeap) Pop() any {
	v := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return v
}

// load reads the stored source of the given documents.
func (x *Index) load(ns []scored) ([]Hit, error) {
	out := make([]Hit, 0, len(ns))
	for _, s := range ns {
		id := x.cols.ids[s.n]
		doc, err := x.bleve.Document(id)
		if err != nil {
			return nil, err
		}
		var src string
		if doc != nil {
			doc.VisitFields(func(f index.Field) {
				if f.Name() == fieldSource {
					src = string(f.Value())
				}
			})
		}
		dm := &search.DocumentMatch{ID: id, Score: s.score, Fields: map[string]any{fieldSource: src}}
		h, err := hitOf(dm)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

func sortByID(ns []int, ids []string) {
	sort.Slice(ns, func(i, j int) bool { return ids[ns[i]] < ids[ns[j]] })
}
