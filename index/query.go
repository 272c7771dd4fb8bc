package index

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"rccplans"
)

// Bounds on a request. They protect the server; the command line uses them too.
const (
	MaxQuery    = 500    // bytes of query text
	MaxSize     = 100    // hits per page
	DefaultSize = 20     // hits per page when not given
	MaxOffset   = 10000  // deepest hit a page may start at
	MaxExport   = 100000 // hits in one export
	maxValues   = 50     // filter values per field
	facetSize   = 50     // buckets per facet
)

// Facets are the filterable fields, in display order. "chapter" filters and
// facets on the chapter as printed; "period" on "2022–2024", or a year
// ("2023") matches every period that contains it.
var Facets = []string{"type", "region", "rcc", "kind", "status", "period", "chapter"}

// Filters that are not facets.
var extraFilters = []string{"area_code", "doc_id", "source_file"}

// facetField maps a filter name to its index field.
func facetField(name string) string {
	if name == "chapter" {
		return fieldChap
	}
	return name
}

// IsFilter reports whether name is a filter Search understands.
func IsFilter(name string) bool {
	for _, f := range Facets {
		if f == name {
			return true
		}
	}
	for _, f := range extraFilters {
		if f == name {
			return true
		}
	}
	return false
}

// Sorts lists the sort orders a request may ask for; "" is relevance (or
// document order for an empty query).
var Sorts = []string{"", "region", "status", "period", "-period", "doc"}

// Request is one search. The zero value lists everything.
type Request struct {
	Query   string              // free text, or bleve query-string syntax (see Syntax)
	Filters map[string][]string // facet name -> accepted values (OR within a field, AND across)
	Sort    string              // one of Sorts
	Page    int                 // 1-based
	Size    int                 // hits per page, ≤ MaxSize
}

// Result is the answer to a Request; its JSON is the /api/search contract.
type Result struct {
	Total  uint64             `json:"total"`
	Page   int                `json:"page"`
	Size   int                `json:"size"`
	Query  string             `json:"query"`
	Syntax string             `json:"syntax"` // "text" or "query_string"
	TookMS float64            `json:"took_ms"`
	Hits   []Hit              `json:"hits"`
	Facets map[string][]Count `json:"facets"`
}

// Count is one facet bucket.
type Count struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Hit is one record or section with its highlights. Its JSON is the
// record's (or section's) own export JSON plus "id", "score" and "highlights".
type Hit struct {
	ID      string
	Score   float64
	Record  *rccplans.Record  // set for records
	Section *rccplans.Section // set for sections
	// Highlights maps a field to snippets: HTML-escaped document text in
	// which the matched words are wrapped in <mark>…</mark>.
	Highlights map[string][]string

	src string // the stored JSON of Record or Section, as written
}

// MarshalJSON writes the hit as its record or section with the extras.
func (h Hit) MarshalJSON() ([]byte, error) {
	var body []byte
	var err error
	if h.src != "" {
		body = []byte(h.src)
	} else if h.Record != nil {
		body, err = json.Marshal(h.Record)
	} else if h.Section != nil {
		body, err = json.Marshal(h.Section)
	} else {
		body = []byte("{}")
	}
	if err != nil {
		return nil, err
	}
	hl := h.Highlights
	if hl == nil {
		hl = map[string][]string{}
	}
	extra, err := json.Marshal(struct {
		ID         string              `json:"id"`
		Score      float64             `json:"score"`
		Highlights map[string][]string `json:"highlights"`
	}{h.ID, h.Score, hl})
	if err != nil {
		return nil, err
	}
	body = body[:len(body)-1]
	if len(body) > 1 {
		body = append(body, ',')
	}
	return append(body, extra[1:]...), nil
}

// SourceFile and Page of the hit, for links to the source document.
func (h Hit) SourceFile() string {
	if h.Record != nil {
		return h.Record.SourceFile
	}
	if h.Section != nil {
		return h.Section.SourceFile
	}
	return ""
}

// PageNumber is the 1-based page the hit starts on, 0 if unknown.
func (h Hit) PageNumber() int {
	if h.Record != nil {
		return h.Record.Page
	}
	if h.Section != nil {
		return h.Section.Page
	}
	return 0
}

// queryStringSyntax spots bleve query-string syntax: field:value, +must,
// -not, "phrases", wildcards, fuzziness, boosts, ranges.
var queryStringSyntax = regexp.MustCompile(`(^|\s)[+-]\S|[\p{L}_]:|["*?~^()]`)

// Syntax tells how Search reads q: "text" (Swedish-aware free text with
// compounds and abbreviations) or "query_string" (bleve's syntax).
func Syntax(q string) string {
	if queryStringSyntax.MatchString(q) {
		return "query_string"
	}
	return "text"
}

// Normalize checks a request and fills in defaults.
func (r Request) Normalize() (Request, error) {
	r.Query = strings.TrimSpace(r.Query)
	if len(r.Query) > MaxQuery {
		return r, fmt.Errorf("%w: longer than %d bytes", ErrBadQuery, MaxQuery)
	}
	if !utf8.ValidString(r.Query) {
		return r, fmt.Errorf("%w: not UTF-8", ErrBadQuery)
	}
	if r.Page < 1 {
		r.Page = 1
	}
	if r.Size <= 0 {
		r.Size = DefaultSize
	}
	if r.Size > MaxSize {
		r.Size = MaxSize
	}
	if r.Page-1 > MaxOffset/r.Size { // not (Page-1)*Size: that can overflow
		return r, fmt.Errorf("%w: page %d is past the last %d hits", ErrBadQuery, r.Page, MaxOffset)
	}
	ok := false
	for _, s := range Sorts {
		ok = ok || s == r.Sort
	}
	if !ok {
		return r, fmt.Errorf("%w: unknown sort %q", ErrBadQuery, r.Sort)
	}
	clean := map[string][]string{}
	for k, vs := range r.Filters {
		if !IsFilter(k) {
			return r, fmt.Errorf("%w: unknown filter %q", ErrBadQuery, k)
		}
		if len(vs) > maxValues {
			return r, fmt.Errorf("%w: more than %d values for %s", ErrBadQuery, maxValues, k)
		}
		seen := map[string]bool{}
		for _, v := range vs {
			v = strings.TrimSpace(v)
			if v != "" && !seen[v] && utf8.ValidString(v) && len(v) <= MaxQuery {
				seen[v] = true
				clean[k] = append(clean[k], v)
			}
		}
		sort.Strings(clean[k])
	}
	r.Filters = clean
	return r, nil
}

// Search runs a request.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	if !x.acquire() {
		return nil, fmt.Errorf("%w: %s is closed", ErrNoIndex, x.dir)
	}
	defer x.release()
	return x.search(ctx, r)
}

// searcher is what the exports need of bleve: an index or an alias.
type searcher interface {
	SearchInContext(ctx context.Context, req *bleve.SearchRequest) (*bleve.SearchResult, error)
}

func (x *Index) search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	r, err := r.Normalize()
	if err != nil {
		return nil, err
	}
	text, marks, err := textQuery(r.Query, x.syn, x.an)
	if err != nil {
		return nil, err
	}
	total, top, facets, err := x.collect(ctx, text, r, true)
	if err != nil {
		return nil, err
	}
	hits, err := x.load(top)
	if err != nil {
		return nil, err
	}
	out := &Result{Total: uint64(total), Page: r.Page, Size: r.Size, Query: r.Query, Syntax: Syntax(r.Query),
		Hits: hits, Facets: facets}
	if r.Query == "" {
		out.Syntax = "text"
	}
	for i := range out.Hits {
		out.Hits[i].Highlights = highlight(out.Hits[i], marks, x.an)
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

func hitOf(dm *search.DocumentMatch) (Hit, error) {
	src, _ := dm.Fields[fieldSource].(string)
	h := Hit{ID: dm.ID, Score: dm.Score, src: src}
	if src == "" {
		return h, fmt.Errorf("index: hit %s has no stored source", dm.ID)
	}
	if strings.HasPrefix(dm.ID, "s") {
		h.Section = new(rccplans.Section)
		return h, json.Unmarshal([]byte(src), h.Section)
	}
	h.Record = new(rccplans.Record)
	return h, json.Unmarshal([]byte(src), h.Record)
}

func conjoin(text query.Query, filters []query.Query) query.Query {
	qs := filters
	if text != nil {
		qs = append([]query.Query{text}, filters...)
	}
	switch len(qs) {
	case 0:
		return bleve.NewMatchAllQuery()
	case 1:
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// filterQueries gives one query per filtered field, leaving out skip.
func filterQueries(filters map[string][]string, skip string) []query.Query {
	names := make([]string, 0, len(filters))
	for k := range filters {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []query.Query
	for _, k := range names {
		if k == skip || len(filters[k]) == 0 {
			continue
		}
		var alts []query.Query
		for _, v := range filters[k] {
			alts = append(alts, valueQuery(k, v))
		}
		var q query.Query
		if len(alts) == 1 {
			q = alts[0]
		} else {
			q = bleve.NewDisjunctionQuery(alts...)
		}
		// Filters select; they should not move the ranking.
		if b, ok := q.(query.BoostableQuery); ok {
			b.SetBoost(0.001)
		}
		out = append(out, q)
	}
	return out
}

var yearRe = regexp.MustCompile(`^\d{4}$`)

func valueQuery(field, v string) query.Query {
	if field == fieldPeriod && yearRe.MatchString(v) {
		y, _ := strconv.ParseFloat(v, 64)
		yes := true
		from := bleve.NewNumericRangeInclusiveQuery(nil, &y, nil, &yes)
		from.SetField("period_from")
		to := bleve.NewNumericRangeInclusiveQuery(&y, nil, &yes, nil)
		to.SetField("period_to")
		return bleve.NewConjunctionQuery(from, to)
	}
	t := bleve.NewTermQuery(v)
	t.SetField(facetField(field))
	return t
}

// textQuery turns the query text into a bleve query (nil for an empty query)
// and the matcher that marks highlighted words.
func textQuery(q string, syn *synonyms, an analyzers) (query.Query, *marker, error) {
	if q == "" {
		return nil, nil, nil
	}
	if Syntax(q) == "query_string" {
		parsed, err := bleve.NewQueryStringQuery(q).Parse()
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %v", ErrBadQuery, err)
		}
		return simplify(parsed), newMarker(queryStringWords(q), nil, an), nil
	}
	var qw []string
	for _, t := range an.lower.Analyze([]byte(q)) {
		qw = append(qw, string(t.Term))
	}
	cs := syn.concepts(qw, norm)
	var must []query.Query
	var hlWords, hlPhrases []string
	for _, c := range cs {
		var alts []query.Query
		if len(c.words) == 1 {
			if wq := wordQuery(c.words[0], an); wq != nil {
				alts = append(alts, wq)
				hlWords = append(hlWords, c.words[0])
			}
		} else if aq := allWords(c.words, an); aq != nil {
			alts = append(alts, aq)
			hlPhrases = append(hlPhrases, strings.Join(c.words, " "))
		}
		for _, a := range c.alts {
			ws := words(a)
			if len(ws) == 1 {
				if wq := wordQuery(ws[0], an); wq != nil {
					alts = append(alts, wq)
					hlWords = append(hlWords, ws[0])
				}
			} else if aq := allWords(ws, an); aq != nil {
				alts = append(alts, aq)
				hlPhrases = append(hlPhrases, a)
			}
		}
		switch len(alts) {
		case 0: // a stop word alone
		case 1:
			must = append(must, alts[0])
		default:
			must = append(must, bleve.NewDisjunctionQuery(alts...))
		}
	}
	m := newMarker(hlWords, hlPhrases, an)
	switch len(must) {
	case 0:
		// Only stop words: search them literally rather than list everything.
		return bleve.NewMatchNoneQuery(), m, nil
	case 1:
		return must[0], m, nil
	}
	// Every word must match. (No phrase boost: checking positions costs a
	// quarter of a search's time; the query-string syntax has phrases.)
	return bleve.NewConjunctionQuery(must...), m, nil
}

// allWords finds a run of words (a long form such as "standardiserade
// vårdförlopp") by all its words, in any order: far cheaper than a phrase.
func allWords(ws []string, an analyzers) query.Query {
	var qs []query.Query
	for _, w := range ws {
		if wq := wordQuery(w, an); wq != nil {
			qs = append(qs, wq)
		}
	}
	switch len(qs) {
	case 0:
		return nil
	case 1:
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// minPrefix is the shortest normal form that highlights the words
// containing it; shorter ones highlight whole words only.
const minPrefix = 5

// wordQuery finds one word: its normal form among the words and compound
// parts of fieldTerms, and its stem as a whole word, which ranks higher.
func wordQuery(w string, an analyzers) query.Query {
	s := an.stem(w)
	if s == "" {
		return nil // a stop word
	}
	t := bleve.NewTermQuery(norm(w))
	t.SetField(fieldTerms)
	exact := bleve.NewTermQuery(s)
	exact.SetField(fieldAll)
	exact.SetBoost(2)
	return bleve.NewDisjunctionQuery(t, exact)
}

// isKeyword holds the fields a query string reads with the keyword
// analyzer (one token per value). Not chapter_key: a query names it by its
// index name, for which the mapping has no analyzer of its own.
// (Made when first used: the mapping needs the analyzers registered by init.)
var isKeyword = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	im, err := newMapping()
	if err != nil {
		return m
	}
	for _, f := range keywordFields {
		m[f] = im.AnalyzerNameForPath(f) == keyword.Name
	}
	return m
})

// allFields are the fields in _all.
func allFields() []string {
	return append(append([]string{}, recordText...), sectionText...)
}

// simplify rewrites a parsed query string for this index. A phrase without
// a field is looked for in each text field, since _all keeps no positions
// (allField; bleve matches a phrase within one field anyway, so the same
// documents match; scores are the fields' own). And the parts that bleve
// answers the slow way become ones that find the same documents with the
// same scores:
// a phrase on a keyword field (region:"Region Skåne") is its one term, so
// no term vectors are read to check positions; a wildcard that only ends in
// * (goal:screening*) is a prefix, so no automaton is built. (A one-term
// phrase scores as its term; both the wildcard and the prefix score as the
// disjunction of the same terms.) TestSimplify compares them.
func simplify(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		if q.Must != nil {
			q.Must = simplify(q.Must)
		}
		if q.Should != nil {
			q.Should = simplify(q.Should)
		}
		if q.MustNot != nil {
			q.MustNot = simplify(q.MustNot)
		}
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = simplify(c)
		}
	case *query.DisjunctionQuery:
		for i, c := range q.Disjuncts {
			q.Disjuncts[i] = simplify(c)
		}
	case *query.MatchPhraseQuery:
		if (q.FieldVal == "" || q.FieldVal == fieldAll) && q.Analyzer == "" && q.Fuzziness == 0 {
			// _all has no positions (allField): the phrase in any text field.
			var qs []query.Query
			for _, f := range allFields() {
				p := bleve.NewMatchPhraseQuery(q.MatchPhrase)
				p.SetField(f)
				p.BoostVal = q.BoostVal
				qs = append(qs, p)
			}
			return bleve.NewDisjunctionQuery(qs...)
		}
		if isKeyword()[q.FieldVal] && q.MatchPhrase != "" && q.Analyzer == "" && q.Fuzziness == 0 {
			t := bleve.NewTermQuery(q.MatchPhrase)
			t.SetField(q.FieldVal)
			t.BoostVal = q.BoostVal
			return t
		}
	case *query.WildcardQuery:
		if p, ok := strings.CutSuffix(q.Wildcard, "*"); ok && p != "" && !strings.ContainsAny(p, `*?\`) {
			pq := bleve.NewPrefixQuery(p)
			pq.SetField(q.FieldVal)
			pq.BoostVal = q.BoostVal
			return pq
		}
	}
	return q
}

var qsToken = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}\-]*`)

// queryStringWords picks the words of a query string for highlighting,
// leaving out field names, operators and ranges.
func queryStringWords(q string) []string {
	var out []string
	for _, loc := range qsToken.FindAllStringIndex(q, -1) {
		w := q[loc[0]:loc[1]]
		if loc[1] < len(q) && q[loc[1]] == ':' {
			continue // a field name
		}
		switch w {
		case "AND", "OR", "NOT", "TO":
			continue
		}
		out = append(out, strings.ToLower(w))
	}
	return out
}

// Each calls fn for every hit of r in document order, up to limit hits
// (MaxExport when limit ≤ 0), without highlights or facets: the exports.
func (x *Index) Each(ctx context.Context, r Request, limit int, fn func(Hit) error) error {
	if !x.acquire() {
		return fmt.Errorf("%w: %s is closed", ErrNoIndex, x.dir)
	}
	defer x.release()
	return each(ctx, x.bleve, x.syn, x.an, r, limit, fn)
}

func each(ctx context.Context, b searcher, syn *synonyms, an analyzers, r Request, limit int, fn func(Hit) error) error {
	r.Page, r.Size = 1, 1
	r, err := r.Normalize()
	if err != nil {
		return err
	}
	if limit <= 0 || limit > MaxExport {
		limit = MaxExport
	}
	text, _, err := textQuery(r.Query, syn, an)
	if err != nil {
		return err
	}
	q := conjoin(text, filterQueries(r.Filters, ""))
	var after []string
	for n := 0; n < limit; {
		size := min(1000, limit-n)
		req := bleve.NewSearchRequestOptions(q, size, 0, false)
		req.Fields = []string{fieldSource}
		req.SortBy([]string{"_id"})
		req.Score = "none"
		req.SearchAfter = after
		res, err := b.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("index: export: %w", err)
		}
		for _, dm := range res.Hits {
			h, err := hitOf(dm)
			if err != nil {
				return err
			}
			if err := fn(h); err != nil {
				return err
			}
		}
		n += len(res.Hits)
		if len(res.Hits) < size {
			break
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
	return nil
}

// Region of the hit.
func (h Hit) Region() string {
	if h.Record != nil {
		return h.Record.Region
	}
	if h.Section != nil {
		return h.Section.Region
	}
	return ""
}
