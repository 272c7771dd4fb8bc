package index

import (
	"container/list"
	"context"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Faceted browsing asks the same text query again and again with other
// filters, pages and sorts. The documents a text matches (and their scores)
// depend only on the text and the index, so they are kept per index in a
// small LRU; filters, facets, sorting and paging are then computed from the
// columns in memory. The cache is bounded by the number of documents held.

// matchSet is the result of one text query: internal numbers and scores.
type matchSet struct {
	docs   []int32
	scores []float32 // nil: no scores (everything)

	// Kept with the set, computed when first asked for (collect.go).
	countOnce sync.Once
	counts    map[string][]Count // facet counts without filters
	orderOnce sync.Once
	order     []int32      // positions in docs, in the set's natural order
	uses      atomic.Int32 // requests that asked for the natural order
}

const maxCachedDocs = 4 << 20 // documents over all cached sets (about 48 MB with their order)

type matchCache struct {
	mu    sync.Mutex
	ll    *list.List // of *cacheEntry, most recent first
	m     map[string]*list.Element
	total int
	// running are the searches under way, by key.
	running map[string]*flight
}

type cacheEntry struct {
	key string
	set *matchSet
}

func (c *matchCache) get(key string) *matchSet {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[key]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*cacheEntry).set
	}
	return nil
}

func (c *matchCache) put(key string, s *matchSet) {
	if len(s.docs) > maxCachedDocs/4 {
		return // one huge set would flush everything else
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m, c.ll = map[string]*list.Element{}, list.New()
	}
	if _, ok := c.m[key]; ok {
		return
	}
	c.m[key] = c.ll.PushFront(&cacheEntry{key, s})
	c.total += len(s.docs)
	for c.total > maxCachedDocs && c.ll.Len() > 1 {
		e := c.ll.Back()
		ce := e.Value.(*cacheEntry)
		c.ll.Remove(e)
		delete(c.m, ce.key)
		c.total -= len(ce.set.docs)
	}
}

// matches returns the documents the text query q (made from the request
// text key) matches, from the cache when it has them. Requests that miss
// on the same key at once wait for the first one's search rather than
// each running it (a popular query after a swap, or 16 clients at once).
func (x *Index) matches(ctx context.Context, key string, q query.Query) (*matchSet, error) {
	if x.noCache {
		return x.search1(ctx, q)
	}
	if s := x.cache.get(key); s != nil {
		return s, nil
	}
	x.cache.mu.Lock()
	if x.cache.running == nil {
		x.cache.running = map[string]*flight{}
	}
	if f, ok := x.cache.running[key]; ok {
		x.cache.mu.Unlock()
		select {
		case <-f.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if f.err == nil {
			return f.set, nil
		}
		return x.search1(ctx, q) // its search failed (perhaps cancelled): ours may not
	}
	f := &flight{done: make(chan struct{})}
	x.cache.running[key] = f
	x.cache.mu.Unlock()

	f.set, f.err = x.search1(ctx, q)
	if f.err == nil {
		x.cache.put(key, f.set)
	}
	x.cache.mu.Lock()
	delete(x.cache.running, key)
	x.cache.mu.Unlock()
	close(f.done)
	return f.set, f.err
}

// flight is one search under way for the cache.
type flight struct {
	done chan struct{}
	set  *matchSet
	err  error
}

// search1 runs the text query once.
func (x *Index) search1(ctx context.Context, q query.Query) (*matchSet, error) {
	if p, ok := planOf(q); ok {
		s, ok, err := x.fast(ctx, p)
		if err != nil || ok {
			return s, err
		}
	}
	s := &matchSet{}
	err := x.match(ctx, q, func(n int, score float64) {
		s.docs = append(s.docs, int32(n))
		s.scores = append(s.scores, float32(score))
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// fast evaluates a free-text query's plan (fastmatch.go).
func (x *Index) fast(ctx context.Context, p *plan) (*matchSet, bool, error) {
	adv, err := x.bleve.Advanced()
	if err != nil {
		return nil, false, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, false, err
	}
	defer r.Close()
	return x.fastMatch(searchContext(ctx), r, p)
}

// docCache keeps recently shown documents decoded (their Hit without score
// and highlights): the first pages of common searches show the same
// documents again and again, and reading and decoding a stored source is
// most of the cost of a page. A read-only index's documents never change.
// Bounded by maxCachedHits; when full it starts again empty.
type docCache struct {
	mu sync.RWMutex
	m  map[int]Hit
}

const maxCachedHits = 8192

func (c *docCache) get(n int) (Hit, bool) {
	c.mu.RLock()
	h, ok := c.m[n]
	c.mu.RUnlock()
	return h, ok
}

func (c *docCache) put(n int, h Hit) {
	h.Score, h.Highlights = 0, nil
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedHits {
		c.m = make(map[int]Hit, 1024)
	}
	c.m[n] = h
	c.mu.Unlock()
}
