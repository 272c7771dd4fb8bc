package index

import (
	"container/heap"
	"context"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// collect runs the text query (nil: every document) and, over its matches,
// applies the filters from the columns, counts the facets (multi-select: a
// document that fails only field F's filter still counts for F's facet)
// and keeps the best hits up to the page asked for.
//
// The work is column by column in tight loops rather than document by
// document through closures. A match set without filters is the common
// case of browsing (other pages, other sorts): its facet counts and its
// relevance order are computed once per set and kept with it (cache.go),
// so such a request costs only its page.
func (x *Index) collect(ctx context.Context, text query.Query, r Request, facets bool) (total int, top []scored, counts map[string][]Count, err error) {
	c := x.cols
	var ms *matchSet
	if text == nil {
		ms = x.everything()
	} else if ms, err = x.matches(ctx, r.Query, text); err != nil {
		return 0, nil, nil, err
	}
	flt := compileFilters(c, r.Filters)
	k := r.Page * r.Size
	from := (r.Page - 1) * r.Size
	if len(flt) == 0 {
		if facets {
			counts = cloneCounts(ms.facetCounts(c))
		}
		// The first use of a set keeps the best k in a heap; a set asked
		// again (a cached one: other pages) is sorted once and sliced.
		if x.natural(r, text == nil) && ms.uses.Add(1) > 1 {
			ord := ms.ordered(c)
			for i := from; i < k && i < len(ord); i++ {
				top = append(top, ms.hit(int(ord[i])))
			}
			return len(ms.docs), top, counts, nil
		}
		h := &hitHeap{less: x.order(r)}
		for i := range ms.docs {
			if i%4096 == 0 && ctx.Err() != nil {
				return 0, nil, nil, ctx.Err()
			}
			h.offer(ms.hit(i), k)
		}
		return len(ms.docs), h.page(from), counts, nil
	}

	// fail[i] has bit j set when document ms.docs[i] fails filter j.
	fp := failPool.Get().(*[]uint16)
	defer failPool.Put(fp)
	if cap(*fp) < len(ms.docs) {
		*fp = make([]uint16, len(ms.docs))
	}
	fail := (*fp)[:len(ms.docs)]
	clear(fail)
	for j := range flt {
		if ctx.Err() != nil {
			return 0, nil, nil, ctx.Err()
		}
		f := &flt[j]
		bit := uint16(1) << j
		col := f.col.doc
		if len(f.years) == 0 {
			for i, n := range ms.docs {
				if v := col[n]; v < 0 || !f.allow[v] {
					fail[i] |= bit
				}
			}
			continue
		}
		for i, n := range ms.docs {
			if !f.ok(c, int(n)) {
				fail[i] |= bit
			}
		}
	}
	if facets {
		// A document that fails only facet F's own filter still counts
		// for F (multi-select): byBit maps a filter's bit to its facet.
		var byBit [16]int
		for i := range byBit {
			byBit[i] = -1
		}
		for j := range flt {
			for fi, f := range Facets {
				if flt[j].name == f {
					byBit[j] = fi
				}
			}
		}
		cnt := facetCounters(c)
		nf := len(Facets)
		rows := c.facetRows
		for i, n := range ms.docs {
			m := fail[i]
			if m == 0 {
				for fi, v := range rows[int(n)*nf : int(n)*nf+nf] {
					if v >= 0 {
						cnt[fi][v]++
					}
				}
			} else if m&(m-1) == 0 {
				if fi := byBit[bits.TrailingZeros16(m)]; fi >= 0 {
					if v := rows[int(n)*nf+fi]; v >= 0 {
						cnt[fi][v]++
					}
				}
			}
		}
		counts = map[string][]Count{}
		for fi, f := range Facets {
			counts[f] = countList(c.cols[facetField(f)], cnt[fi])
		}
	}
	h := &hitHeap{less: x.order(r)}
	for i, m := range fail {
		if m == 0 {
			total++
			h.offer(ms.hit(i), k)
		}
	}
	return total, h.page(from), counts, nil
}

// failPool holds the filter masks of finished requests (one per match,
// up to the size of the index): less garbage to collect under load.
var failPool = sync.Pool{New: func() any { return new([]uint16) }}

// natural reports whether the request's order is the order a match set
// keeps (relevance, or document order for everything).
func (x *Index) natural(r Request, all bool) bool {
	if all {
		return r.Sort == "" || r.Sort == "doc"
	}
	return r.Sort == "" && r.Query != ""
}

// everything is the match set of the empty query: every document in
// document order.
func (x *Index) everything() *matchSet {
	x.allOnce.Do(func() {
		s := &matchSet{docs: make([]int32, len(x.cols.live))}
		for i, n := range x.cols.live {
			s.docs[i] = int32(n)
		}
		x.all = s
	})
	return x.all
}

// hit is the i-th match with its score.
func (s *matchSet) hit(i int) scored {
	sc := scored{n: int(s.docs[i])}
	if s.scores != nil {
		sc.score = float64(s.scores[i])
	}
	return sc
}

// facetCounts are the set's facet counts without filters, counted once.
func (s *matchSet) facetCounts(c *columns) map[string][]Count {
	s.countOnce.Do(func() {
		// Column by column: without filters that is the tighter loop.
		s.counts = map[string][]Count{}
		for _, f := range Facets {
			col := c.cols[facetField(f)]
			cnt := make([]int, len(col.dict))
			d := col.doc
			for _, n := range s.docs {
				if v := d[n]; v >= 0 {
					cnt[v]++
				}
			}
			s.counts[f] = countList(col, cnt)
		}
	})
	return s.counts
}

// ordered returns the positions of the set's matches in its natural order
// (score, then document order; document order without scores), sorted once.
func (s *matchSet) ordered(c *columns) []int32 {
	s.orderOnce.Do(func() {
		ord := make([]int32, len(s.docs))
		for i := range ord {
			ord[i] = int32(i)
		}
		slices.SortFunc(ord, func(a, b int32) int {
			if s.scores != nil && s.scores[a] != s.scores[b] {
				if s.scores[a] > s.scores[b] {
					return -1
				}
				return 1
			}
			return int(c.rank[s.docs[a]]) - int(c.rank[s.docs[b]])
		})
		s.order = ord
	})
	return s.order
}

// facetCounters gives a zero count per value of each facet, in Facets order.
func facetCounters(c *columns) [][]int {
	cnt := make([][]int, len(Facets))
	for fi, f := range Facets {
		cnt[fi] = make([]int, len(c.cols[facetField(f)].dict))
	}
	return cnt
}

// countList turns one facet's counts into buckets: most first, at most facetSize.
func countList(col *column, cnt []int) []Count {
	out := []Count{}
	for v, n := range cnt {
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
	return out
}

// cloneCounts copies kept counts, so that a caller may change its result.
func cloneCounts(m map[string][]Count) map[string][]Count {
	out := make(map[string][]Count, len(m))
	for k, v := range m {
		out[k] = slices.Clone(v)
	}
	return out
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

// load reads the stored source of the given documents. With a scorch
// snapshot it goes straight to the document's segment by its internal
// number; bleve's Document(id) would first look the id up in every segment.
func (x *Index) load(ns []scored) ([]Hit, error) {
	out := make([]Hit, 0, len(ns))
	if len(ns) == 0 {
		return out, nil
	}
	var segs []*scorch.SegmentSnapshot
	var offsets []uint64
	opened := false
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	open := func() { // only when some document is not in the cache
		opened = true
		adv, err := x.bleve.Advanced()
		if err != nil {
			return
		}
		r, err := adv.Reader()
		if err != nil {
			return
		}
		snap, ok := r.(*scorch.IndexSnapshot)
		if !ok {
			r.Close()
			return
		}
		closers = append(closers, r)
		segs, offsets = segmentsOf(snap)
	}
	for _, s := range ns {
		if h, ok := x.docs.get(s.n); ok {
			h.Score = s.score
			out = append(out, h)
			continue
		}
		if !opened {
			open()
		}
		id := x.cols.ids[s.n]
		src, err := x.source(id, uint64(s.n), segs, offsets)
		if err != nil {
			return nil, err
		}
		h, err := hitOf(&search.DocumentMatch{ID: id, Score: s.score, Fields: map[string]any{fieldSource: src}})
		if err != nil {
			return nil, err
		}
		x.docs.put(s.n, h)
		out = append(out, h)
	}
	return out, nil
}

// source reads one document's stored source.
func (x *Index) source(id string, n uint64, segs []*scorch.SegmentSnapshot, offsets []uint64) (string, error) {
	var src string
	if len(segs) > 0 {
		i := sort.Search(len(offsets), func(i int) bool { return offsets[i] > n }) - 1
		if i >= 0 {
			sameID := false
			err := segs[i].VisitDocument(n-offsets[i], func(name string, _ byte, val []byte, _ []uint64) bool {
				switch name {
				case "_id":
					sameID = string(val) == id
				case fieldSource:
					src = string(val)
				}
				return true
			})
			if err != nil {
				return "", err
			}
			if sameID && src != "" {
				return src, nil
			}
			src = "" // not where expected: ask bleve
		}
	}
	doc, err := x.bleve.Document(id)
	if err != nil {
		return "", err
	}
	if doc != nil {
		doc.VisitFields(func(f index.Field) {
			if f.Name() == fieldSource {
				src = string(f.Value())
			}
		})
	}
	return src, nil
}

func sortByID(ns []int, ids []string) {
	sort.Slice(ns, func(i, j int) bool { return ids[ns[i]] < ids[ns[j]] })
}

// offer keeps s if it is among the best k so far.
func (h *hitHeap) offer(s scored, k int) {
	if len(h.items) < k {
		heap.Push(h, s)
	} else if k > 0 && h.less(s, h.items[0]) {
		h.items[0] = s
		heap.Fix(h, 0)
	}
}

// page returns the kept hits from position from on, best first.
func (h *hitHeap) page(from int) []scored {
	items := h.items
	sort.Slice(items, func(i, j int) bool { return h.less(items[i], items[j]) })
	if from < len(items) {
		return items[from:]
	}
	return nil
}
