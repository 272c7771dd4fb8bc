package index

import (
	"context"
	"encoding/binary"
	"errors"
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
	// facetRows[n*len(Facets)+i] is document n's value number of facet
	// Facets[i] (-1 for none).
	facetRows []int32
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
	// Indexes written since the columns were kept with them (Write) have
	// no doc values: each document's values come from the stored columns
	// by its build sequence number (its id).
	stored, err := readStoredColumns(b)
	if err != nil {
		return nil, err
	}
	var dvr index.DocValueReader
	if stored == nil {
		if dvr, err = r.DocValueReader(columnFields); err != nil {
			return nil, err
		}
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
		set := func(field string, v string) {
			col := c.cols[field]
			if col == nil {
				return
			}
			k, ok := col.index[v]
			if !ok {
				k = int32(len(col.dict))
				col.dict = append(col.dict, v)
				col.index[v] = k
			}
			col.doc[n] = k
		}
		if stored != nil {
			seq, err := strconv.Atoi(id[1:])
			if err != nil || seq < 0 {
				return nil, fmt.Errorf("index: document id %q is no build sequence number", id)
			}
			for i, f := range columnFields {
				if v, ok := stored.value(i, seq); ok {
					set(f, v)
				}
			}
		} else if err := dvr.VisitDocValues(dm.IndexInternalID, func(field string, term []byte) { set(field, string(term)) }); err != nil {
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
	// The facet values again, a row per document: counting every facet of
	// a match reads one row instead of a value from each column.
	c.facetRows = make([]int32, len(c.ids)*len(Facets))
	for fi, f := range Facets {
		col := c.cols[facetField(f)]
		for n := range c.ids {
			c.facetRows[n*len(Facets)+fi] = col.value(n)
		}
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

// Stored columns: Write keeps every document's keyword values (columnFields,
// by build sequence number) inside the index, so the keyword fields need
// no doc values, which cost the segment builder a twentieth of a build.
// Encoding: per field, the distinct values (uvarint length, bytes), then
// per document uvarint(value number + 1), 0 for none.

var internalColumns = []byte("rccplans.columns")

// columnWriter gathers the values while documents are written.
type columnWriter struct {
	vals [][]string // field (columnFields order) -> seq -> value
}

func newColumnWriter(n int) *columnWriter {
	w := &columnWriter{vals: make([][]string, len(columnFields))}
	for i := range w.vals {
		w.vals[i] = make([]string, n)
	}
	return w
}

// columnOf maps an index field to its position in columnFields.
var columnOf = func() map[string]int {
	m := map[string]int{}
	for i, f := range columnFields {
		m[f] = i
	}
	return m
}()

// set records document seq's value of index field f (safe for concurrent
// use on distinct seqs).
func (w *columnWriter) set(seq int, f, v string) {
	if i, ok := columnOf[f]; ok {
		w.vals[i][seq] = v
	}
}

func (w *columnWriter) encode() []byte {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(columnFields)))
	b = binary.AppendUvarint(b, uint64(len(w.vals[0])))
	for _, vs := range w.vals {
		num := map[string]uint64{}
		var dict []string
		for _, v := range vs {
			if _, ok := num[v]; !ok && v != "" {
				num[v] = uint64(len(dict))
				dict = append(dict, v)
			}
		}
		b = binary.AppendUvarint(b, uint64(len(dict)))
		for _, v := range dict {
			b = binary.AppendUvarint(b, uint64(len(v)))
			b = append(b, v...)
		}
		for _, v := range vs {
			if v == "" {
				b = binary.AppendUvarint(b, 0)
			} else {
				b = binary.AppendUvarint(b, num[v]+1)
			}
		}
	}
	return b
}

// storedColumns are decoded stored columns.
type storedColumns struct {
	dicts [][]string
	vals  [][]uint32 // field -> seq -> value number + 1
}

func (s *storedColumns) value(field, seq int) (string, bool) {
	if seq >= len(s.vals[field]) {
		return "", false
	}
	k := s.vals[field][seq]
	if k == 0 {
		return "", false
	}
	return s.dicts[field][k-1], true
}

var errColumns = errors.New("index: stored columns damaged")

// readStoredColumns reads the stored columns, nil when the index has none.
func readStoredColumns(b bleve.Index) (*storedColumns, error) {
	raw, err := b.GetInternal(internalColumns)
	if err != nil || len(raw) == 0 {
		return nil, err
	}
	next := func() (uint64, error) {
		v, n := binary.Uvarint(raw)
		if n <= 0 {
			return 0, errColumns
		}
		raw = raw[n:]
		return v, nil
	}
	nf, err := next()
	if err != nil || nf != uint64(len(columnFields)) {
		return nil, errColumns
	}
	nd, err := next()
	if err != nil || nd > uint64(len(raw)) {
		return nil, errColumns
	}
	s := &storedColumns{}
	for range nf {
		nv, err := next()
		if err != nil || nv > uint64(len(raw)) {
			return nil, errColumns
		}
		dict := make([]string, nv)
		for i := range dict {
			l, err := next()
			if err != nil || l > uint64(len(raw)) {
				return nil, errColumns
			}
			dict[i], raw = string(raw[:l]), raw[l:]
		}
		vals := make([]uint32, nd)
		for i := range vals {
			k, err := next()
			if err != nil || k > nv {
				return nil, errColumns
			}
			vals[i] = uint32(k)
		}
		s.dicts = append(s.dicts, dict)
		s.vals = append(s.vals, vals)
	}
	return s, nil
}
