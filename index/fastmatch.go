package index

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
)

// Free-text queries are trees of term, conjunction and disjunction queries
// (textQuery). bleve answers them document by document through a searcher
// per node, each match a pooled DocumentMatch passed up the tree; on a word
// that most documents contain this machinery is most of a cold search's
// time. fastMatch evaluates such a tree list by list instead: each term's
// postings are read once into a sorted list of documents and scores, and
// lists are merged (disjunction) or intersected (conjunction). Scores are
// bleve's tf-idf, computed the same way and in the same order: the term
// score sqrt(tf)·norm·idf times boost·idf·queryNorm, queryNorm =
// 1/sqrt(Σ (boost·idf)²) over all terms of the query, a disjunction's sum
// times the share of its children that match, a conjunction's sum, each
// node's children taken fewest postings first.
// TestFastMatch compares the two on many queries. Any other query (query
// strings, phrases, ranges, boosted compounds) goes to bleve.

// plan is a query tree fastMatch can evaluate.
type plan struct {
	term, field string
	boost       float64
	and         bool    // conjunction (else disjunction) when kids != nil
	kids        []*plan // nil for a term

	// Set while evaluating a term.
	idf float64
	r   index.TermFieldReader  // when the reader is not a scorch snapshot
	pls []segment.PostingsList // per segment of a scorch snapshot
	n   uint64                 // postings
}

// planOf converts q, or reports that fastMatch cannot evaluate it.
func planOf(q query.Query) (*plan, bool) {
	switch q := q.(type) {
	case *query.TermQuery:
		if q.FieldVal == "" {
			return nil, false
		}
		return &plan{term: q.Term, field: q.FieldVal, boost: q.BoostVal.Value()}, true
	case *query.DisjunctionQuery:
		if q.Min != 0 || q.BoostVal != nil && q.BoostVal.Value() != 1 || len(q.Disjuncts) == 0 {
			return nil, false
		}
		p := &plan{}
		for _, c := range q.Disjuncts {
			k, ok := planOf(c)
			if !ok {
				return nil, false
			}
			p.kids = append(p.kids, k)
		}
		return p, true
	case *query.ConjunctionQuery:
		if q.BoostVal != nil && q.BoostVal.Value() != 1 || len(q.Conjuncts) == 0 {
			return nil, false
		}
		p := &plan{and: true}
		for _, c := range q.Conjuncts {
			k, ok := planOf(c)
			if !ok {
				return nil, false
			}
			p.kids = append(p.kids, k)
		}
		return p, true
	}
	return nil, false
}

// prepare orders each node's children as bleve's searchers do (fewest
// postings first; the order of their scores' sums) and returns the node's
// weight, the sum of its terms' squared weights in that order.
func (p *plan) prepare() float64 {
	if p.kids == nil {
		w := p.boost * p.idf
		return w * w
	}
	// bleve sorts with sort.Sort, an insertion sort for so few children: stable.
	slices.SortStableFunc(p.kids, func(a, b *plan) int { return cmp.Compare(a.count(), b.count()) })
	sum := 0.0
	for _, k := range p.kids {
		sum += k.prepare()
	}
	return sum
}

// count is the number of postings under p, as bleve's searchers count them.
func (p *plan) count() uint64 {
	if p.kids == nil {
		return p.n
	}
	var n uint64
	for _, k := range p.kids {
		n += k.count()
	}
	return n
}

// hits is a sorted list of internal document numbers with their scores.
type hits struct {
	docs   []int32
	scores []float64
}

// fastMatch evaluates p over the reader r; ok is false when it cannot.
func (x *Index) fastMatch(ctx context.Context, r index.IndexReader, p *plan) (s *matchSet, ok bool, err error) {
	total, err := r.DocCount()
	if err != nil || total == 0 {
		return nil, false, err
	}
	var leaves []*plan
	var walk func(p *plan)
	walk = func(p *plan) {
		if p.kids == nil {
			leaves = append(leaves, p)
		}
		for _, k := range p.kids {
			walk(k)
		}
	}
	walk(p)
	defer func() {
		for _, l := range leaves {
			if l.r != nil {
				l.r.Close()
			}
		}
	}()
	// A scorch snapshot's segments are read directly: its term field
	// reader spends as long again per posting on bookkeeping (bytes read,
	// internal ids as bytes).
	snap, direct := r.(*scorch.IndexSnapshot)
	var segs []*scorch.SegmentSnapshot
	var offsets []uint64
	if direct {
		segs, offsets = segmentsOf(snap)
	}
	for _, l := range leaves {
		if direct {
			term := []byte(l.term)
			for _, s := range segs {
				d, err := s.Segment().Dictionary(l.field)
				if err != nil {
					return nil, false, err
				}
				pl, err := d.PostingsList(term, s.Deleted(), nil)
				if err != nil {
					return nil, false, err
				}
				l.pls = append(l.pls, pl)
				l.n += pl.Count()
			}
		} else {
			if l.r, err = r.TermFieldReader(ctx, []byte(l.term), l.field, true, true, false); err != nil {
				return nil, false, err
			}
			l.n = l.r.Count()
		}
		l.idf = 1.0 + math.Log(float64(total)/float64(l.n+1.0))
	}
	qnorm := 1.0 / math.Sqrt(p.prepare())
	if p.kids == nil {
		qnorm = math.NaN() // a lone term searcher is never given a query norm
	}
	e := &evaluation{offsets: offsets}
	defer e.release()
	h, err := e.eval(ctx, p, qnorm, nil)
	if err != nil {
		return nil, false, err
	}
	s = &matchSet{docs: make([]int32, 0, len(h.docs)), scores: make([]float32, 0, len(h.docs))}
	for i, n := range h.docs {
		if int(n) < len(x.cols.ids) && x.cols.ids[n] != "" {
			s.docs = append(s.docs, n)
			s.scores = append(s.scores, float32(h.scores[i]))
		}
	}
	return s, true, nil
}

// evaluation is one fastMatch: the segments' offsets and the lists it
// made, which go back to a pool when it is done (a word most documents
// have makes lists of a megabyte; sixteen searches at once would make the
// garbage collector the bottleneck).
type evaluation struct {
	offsets []uint64
	lists   []*hits
}

var hitsPool = sync.Pool{New: func() any { return new(hits) }}

// list returns an empty list with room for n.
func (e *evaluation) list(n int) *hits {
	h := hitsPool.Get().(*hits)
	if cap(h.docs) < n {
		h.docs, h.scores = make([]int32, 0, n), make([]float64, 0, n)
	}
	h.docs, h.scores = h.docs[:0], h.scores[:0]
	e.lists = append(e.lists, h)
	return h
}

func (e *evaluation) release() {
	for _, h := range e.lists {
		if cap(h.docs) <= 1<<20 {
			hitsPool.Put(h)
		}
	}
	e.lists = nil
}

// eval evaluates p. When within is not nil only the documents in it (a
// sorted list) matter to the caller: terms may leave the others out (a
// conjunction passes each child the documents its children so far have in
// common, so "palliativ vård" reads "vård" only where "palliativ" is).
func (e *evaluation) eval(ctx context.Context, p *plan, qnorm float64, within []int32) (hits, error) {
	if p.kids == nil {
		return e.readTerm(ctx, p, qnorm, within)
	}
	kids := make([]hits, len(p.kids))
	for i, k := range p.kids { // fewest postings first (prepare)
		h, err := e.eval(ctx, k, qnorm, within)
		if err != nil {
			return hits{}, err
		}
		kids[i] = h
		if p.and {
			within = h.docs // what the conjunction can still match
		}
	}
	if ctx.Err() != nil {
		return hits{}, ctx.Err()
	}
	if p.and {
		return e.intersect(kids), nil
	}
	return e.union(kids), nil
}

// readTerm reads one term's postings and scores them as bleve's
// TermQueryScorer does.
func (e *evaluation) readTerm(ctx context.Context, p *plan, qnorm float64, within []int32) (hits, error) {
	if within != nil && p.r == nil && uint64(len(within)) < p.n/4 {
		return e.readTermWithin(p, qnorm, within)
	}
	h := e.list(int(p.n))
	offsets := e.offsets
	weight := 1.0
	if !math.IsNaN(qnorm) {
		weight = p.boost * p.idf * qnorm
	}
	add := func(num uint64, freq uint64, norm float64) {
		score := math.Sqrt(float64(freq)) * norm * p.idf
		if weight != 1.0 {
			score = score * weight
		}
		h.docs = append(h.docs, int32(num))
		h.scores = append(h.scores, score)
	}
	done := func() (hits, error) { return *h, nil }
	if p.r == nil {
		for i, pl := range p.pls {
			it := pl.Iterator(true, true, false, nil)
			for j := 0; ; j++ {
				if j%4096 == 0 && ctx.Err() != nil {
					return hits{}, ctx.Err()
				}
				post, err := it.Next()
				if err != nil {
					return hits{}, err
				}
				if post == nil {
					break
				}
				add(post.Number()+offsets[i], post.Frequency(), postingNorm(post))
			}
		}
		return done()
	}
	var tfd index.TermFieldDoc
	for i := 0; ; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return hits{}, ctx.Err()
		}
		d, err := p.r.Next(tfd.Reset())
		if err != nil {
			return hits{}, err
		}
		if d == nil {
			return done()
		}
		if num := internalNumber(d.ID); num >= 0 {
			add(uint64(num), d.Freq, d.Norm)
		}
	}
}

// readTermWithin scores the term's postings of the documents in within
// only, skipping to each in the segments' postings (p.pls).
func (e *evaluation) readTermWithin(p *plan, qnorm float64, within []int32) (hits, error) {
	h := e.list(len(within))
	weight := 1.0
	if !math.IsNaN(qnorm) {
		weight = p.boost * p.idf * qnorm
	}
	seg := -1
	var it segment.PostingsIterator
	var cur struct {
		num, freq uint64
		norm      float64
		ok        bool // cur holds the iterator's last posting
		done      bool // the segment has no more postings
	}
	for _, d := range within {
		n := uint64(d)
		if seg < 0 || seg+1 < len(e.offsets) && n >= e.offsets[seg+1] {
			for seg+1 < len(e.offsets) && n >= e.offsets[seg+1] {
				seg++
			}
			it = p.pls[seg].Iterator(true, true, false, nil)
			cur.ok, cur.done = false, false
		}
		if cur.done {
			continue
		}
		local := n - e.offsets[seg]
		// An iterator may not be sent back to or onto its last posting.
		if !cur.ok || local > cur.num {
			post, err := it.Advance(local)
			if err != nil {
				return hits{}, err
			}
			if post == nil {
				cur.done = true
				continue
			}
			cur.num, cur.freq, cur.norm, cur.ok = post.Number(), post.Frequency(), postingNorm(post), true
		}
		if cur.num != local {
			continue
		}
		score := math.Sqrt(float64(cur.freq)) * cur.norm * p.idf
		if weight != 1.0 {
			score = score * weight
		}
		h.docs = append(h.docs, d)
		h.scores = append(h.scores, score)
	}
	return *h, nil
}

// normTable holds zap's norm, 1/sqrt(field length) rounded to float32,
// for the common lengths: computing it is a tenth of a cold search.
var normTable = func() (t [4096]float64) {
	for i := range t {
		t[i] = float64(float32(1.0 / math.Sqrt(float64(i))))
	}
	return t
}()

// postingNorm is post.Norm(), from the table when zap gives the field length.
func postingNorm(post segment.Posting) float64 {
	if p, ok := post.(*zap.Posting); ok {
		if l := p.NormUint64(); l < uint64(len(normTable)) {
			return normTable[l]
		}
	}
	return post.Norm()
}

// union merges sorted lists: a document's score is the sum of its scores
// in the lists, in list order, times the share of lists it is in.
func (e *evaluation) union(ls []hits) hits {
	if len(ls) == 1 {
		return ls[0] // coord 1/1
	}
	if len(ls) == 2 {
		return e.union2(ls[0], ls[1])
	}
	n := 0
	for _, l := range ls {
		n += len(l.docs)
	}
	out := e.list(n)
	at := make([]int, len(ls))
	for {
		min := int32(math.MaxInt32)
		for i, l := range ls {
			if at[i] < len(l.docs) && l.docs[at[i]] < min {
				min = l.docs[at[i]]
			}
		}
		if min == math.MaxInt32 {
			return *out
		}
		sum := 0.0
		count := 0
		for i, l := range ls {
			if at[i] < len(l.docs) && l.docs[at[i]] == min {
				sum += l.scores[at[i]]
				count++
				at[i]++
			}
		}
		out.docs = append(out.docs, min)
		out.scores = append(out.scores, sum*(float64(count)/float64(len(ls))))
	}
}

// union2 is union of two lists, the common case (a word's two forms).
func (e *evaluation) union2(a, b hits) hits {
	out := e.list(len(a.docs) + len(b.docs))
	i, j := 0, 0
	for i < len(a.docs) && j < len(b.docs) {
		switch da, db := a.docs[i], b.docs[j]; {
		case da < db:
			out.docs = append(out.docs, da)
			out.scores = append(out.scores, a.scores[i]*0.5)
			i++
		case db < da:
			out.docs = append(out.docs, db)
			out.scores = append(out.scores, b.scores[j]*0.5)
			j++
		default:
			out.docs = append(out.docs, da)
			out.scores = append(out.scores, (a.scores[i]+b.scores[j])*1.0) // coord 2/2, as bleve multiplies
			i++
			j++
		}
	}
	for ; i < len(a.docs); i++ {
		out.docs = append(out.docs, a.docs[i])
		out.scores = append(out.scores, a.scores[i]*0.5)
	}
	for ; j < len(b.docs); j++ {
		out.docs = append(out.docs, b.docs[j])
		out.scores = append(out.scores, b.scores[j]*0.5)
	}
	return *out
}

// intersect keeps the documents in every list, with the sum of their
// scores in list order.
func (e *evaluation) intersect(ls []hits) hits {
	if len(ls) == 1 {
		return ls[0]
	}
	short := 0
	for i, l := range ls {
		if len(l.docs) < len(ls[short].docs) {
			short = i
		}
	}
	out := e.list(len(ls[short].docs))
	at := make([]int, len(ls))
next:
	for _, d := range ls[short].docs {
		for i, l := range ls {
			j := at[i]
			for j < len(l.docs) && l.docs[j] < d {
				j++
			}
			at[i] = j
			if j == len(l.docs) {
				return *out
			}
			if l.docs[j] != d {
				continue next
			}
		}
		sum := 0.0
		for i, l := range ls {
			sum += l.scores[at[i]]
		}
		out.docs = append(out.docs, d)
		out.scores = append(out.scores, sum)
	}
	return *out
}

// segmentsOf lists a snapshot's segments and the index-wide number of the
// first document of each.
func segmentsOf(snap *scorch.IndexSnapshot) ([]*scorch.SegmentSnapshot, []uint64) {
	segs := snap.Segments()
	offsets := make([]uint64, len(segs))
	var at uint64
	for i, s := range segs {
		offsets[i] = at
		at += s.Segment().Count()
	}
	return segs, offsets
}
