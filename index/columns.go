package index

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// Facet counts and filters are computed here, not by bleve's facet builder:
// bleve reads every hit's doc values from compressed chunks for every facet
// field, which is most of a search's time on a large result. An index is
// read-only and its internal document numbers never change, so Open reads
// each document's keyword values once into columns (one small integer per
// document and field) and a search then counts and filters in memory.

// column holds one keyword field: its distinct values and each document's.
type column struct {
	dict  []string         // value number -> value
	index map[string]int32 // value -> value number
	doc   []int32          // internal document number -> value number, -1 for none
}

func (c *column) value(doc int) int32 {
	if doc < len(c.doc) {
		return c.doc[doc]
	}
	return -1
}

// columns are the per-document values of one open index.
type columns struct {
	ids      []string // internal number -> external id ("" for no document)
	live     []int    // internal numbers of all documents, in external-id order
	rank     []int32  // internal number -> position in live (document order)
	from, to []int16  // period years
	cols     map[string]*column
}

// columnFields are the keyword fields kept in columns (index field names).
var columnFields = []string{fieldType, "region", "rcc", "kind", "status", fieldChap, "area_code", "doc_id", "source_file", fieldPeriod}

func internalNumber(id index.IndexInternalID) int {
	if len(id) != 8 {
		return -1
	}
	var n uint64
	for _, b := range id {
		n = n<<8 | uint64(b)
	}
	return int(n)
}

// searchContext is the context bleve's own search gives its searchers.
func searchContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, search.GetScoringModelCallbackKey,
		search.GetScoringModelCallbackFn(func() string { return index.DefaultScoringModel }))
}

// readColumns visits every document of the index once.
func readColumns(b bleve.Index) (*columns, error) {
	adv, err := b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	c := &columns{cols: map[string]*column{}}
	for _, f := range columnFields {
		c.cols[f] = &column{index: map[string]int32{}}
	}
	dvr, err := r.DocValueReader(columnFields)
	if err != nil {
		return nil, err
	}
	ctx := searchContext(context.Background())
	s, err := bleve.NewMatchAllQuery().Searcher(ctx, r, b.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0)}
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		n := internalNumber(dm.IndexInternalID)
		if n < 0 {
			return nil, fmt.Errorf("index: unexpected internal id %x", dm.IndexInternalID)
		}
		id, err := r.ExternalID(dm.IndexInternalID)
		if err != nil {
			return nil, err
		}
		for len(c.ids) <= n {
			c.ids = append(c.ids, "")
			c.from = append(c.from, 0)
			c.to = append(c.to, 0)
			for _, col := range c.cols {
				col.doc = append(col.doc, -1)
			}
		}
		c.ids[n] = id
		err = dvr.VisitDocValues(dm.IndexInternalID, func(field string, term []byte) {
			col := c.cols[field]
			if col == nil {
				return
			}
			v := string(term)
			k, ok := col.index[v]
			if !ok {
				k = int32(len(col.dict))
				col.dict = append(col.dict, v)
				col.index[v] = k
			}
			col.doc[n] = k
		})
		if err != nil {
			return nil, err
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	// Period years from the period keyword ("2022–2024", "2023").
	pc := c.cols[fieldPeriod]
	for n := range c.ids {
		if k := pc.value(n); k >= 0 {
			f, t := parsePeriod(pc.dict[k])
			c.from[n], c.to[n] = int16(f), int16(t)
		}
	}
	for n, id := range c.ids {
		if id != "" {
			c.live = append(c.live, n)
		}
	}
	// Ids sort in build order (docID).
	sortByID(c.live, c.ids)
	c.rank = make([]int32, len(c.ids))
	for i, n := range c.live {
		c.rank[n] = int32(i)
	}
	return c, nil
}

func parsePeriod(p string) (from, to int) {
	a, b, ok := strings.Cut(p, "–")
	from, _ = strconv.Atoi(a)
	if !ok {
		return from, from
	}
	to, _ = strconv.Atoi(b)
	return from, to
}
