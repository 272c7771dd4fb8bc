// Package index is the search side of rccplans: it writes the records,
// sections and abbreviations of one build into a bleve index, and answers
// searches over it from Go, the command line and HTTP.
//
// In: the records, sections and abbreviations of a build (Write). Out: an
// index directory (scorch) that Open reads read-only; Search turns a Request
// (free text or bleve query-string syntax, filters, sort, page) into a Result
// with hits, highlighted snippets and facet counts; Handler serves the JSON
// API and the web page; Live follows a published build and swaps in the next
// one without a restart.
//
// Swedish: text is analysed as bleve's Swedish analyzer does (Snowball
// stems, stop words; å, ä and ö are never folded), by a copy that splits
// plain text in one pass and stems each distinct word once (analyzer.go).
// Free-text words are matched by their normal form (stem without definite endings: "screeningprogram"
// finds "screeningprogrammet") among the words and the compound parts of a
// document; compounds are split with a dictionary made of the corpus's own
// vocabulary into a separate field that is never highlighted (compound.go).
// Abbreviations are expanded both ways from the documents' Förkortningar
// lists plus a curated list (synonyms.go). Highlights are made here, not by
// bleve: document text is HTML-escaped first and only the matched words are
// wrapped in <mark>.
//
// Speed, writing: documents are made from the mapping's field list without
// bleve's reflective mapping walk (documents.go); _all keeps words and
// frequencies but no positions (a phrase without a field is looked for in
// each text field); keyword values are kept as stored columns rather than
// doc values; the compound field leaves out stop words.
//
// Speed, searching: facet counts, filters and sorting come from per-document
// columns read once when an index is opened (columns.go, collect.go). Free
// text is matched list by list from the segments' postings with bleve's
// scores (fastmatch.go); query strings go to bleve's searchers, keyword
// phrases and trailing-* wildcards rewritten as terms and prefixes. Per
// open index, the matches of recent text queries are kept with their
// unfiltered facet counts and relevance order, and recently shown documents
// are kept decoded (cache.go), so paging and faceting a search costs little
// more than its page. Figures: make bench-search (bench_test.go).
//
// Limits: a query-string phrase without a field scores as a disjunction of
// the text fields' phrases, not as one phrase over all text; deep paging
// stops at MaxOffset hits; exports stop at MaxExport and come in document
// order; a word shorter than minPart letters is never a compound part; in
// a tiny corpus a part that never occurs on its own is not known
// ("sjuksköterska" then does not find "kontaktsjuksköterska").
package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"rccplans"
)

// Errors of the package.
var (
	ErrNoIndex   = errors.New("index: no index")
	ErrBadQuery  = errors.New("index: bad query")
	errAnalyzer  = errors.New("index: analyzer missing")
	internalAbbr = []byte("rccplans.abbreviations")
)

// batchSize is the number of documents per bleve batch while writing
// (a variable for tests that want an index of many segments).
var batchSize = 5000

// Write creates a new index in dir (which must not exist) holding the
// records, sections and abbreviations of one build. The abbreviations are
// stored inside the index, so that searches expand them.
func Write(dir string, recs []rccplans.Record, secs []rccplans.Section, abbrs []rccplans.Abbreviation) (err error) {
	if _, err := os.Stat(dir); err == nil {
		return fmt.Errorf("index: %s already exists", dir)
	}
	im, err := newMapping()
	if err != nil {
		return fmt.Errorf("index: mapping: %w", err)
	}
	// unsafe_batch: a batch returns once it is searchable, not once it is
	// on disk, so analysis of the next batch overlaps with persisting this
	// one. The last batch waits until everything is persisted (below); a
	// half-written index is never published anyway (the build writes beside
	// the published one and switches over only when Write has returned).
	idx, err := bleve.NewUsing(dir, im, scorch.Name, scorch.Name, map[string]any{"unsafe_batch": true})
	if err != nil {
		return fmt.Errorf("index: create %s: %w", dir, err)
	}
	defer func() {
		if cerr := idx.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("index: close %s: %w", dir, cerr)
		}
		if err != nil {
			os.RemoveAll(dir)
		}
	}()

	// Garbage is most of what analysis makes; collecting it less often
	// saves a fifth of the build's CPU. Restored when Write returns.
	defer debug.SetGCPercent(debug.SetGCPercent(800))

	dm, err := newDocMaker(im)
	if err != nil {
		return err
	}
	comp := newCompounder()
	comp.learnAll(len(recs)+len(secs), func(i int) string {
		if i < len(recs) {
			return recordTexts(&recs[i])
		}
		s := &secs[i-len(recs)]
		return s.Title + " " + s.Text
	})
	comp.freeze()

	// Batches are built and written by one worker per CPU: scorch builds a
	// batch's segment in the calling goroutine, so parallel batches use
	// every core.
	type chunk struct{ lo, hi int } // over records then sections, by seq
	n := len(recs) + len(secs)
	cw := newColumnWriter(n)
	chunks := make(chan chunk)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := 0; w < cap(errs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range chunks {
				if err := writeChunk(idx, dm, cw, recs, secs, c.lo, c.hi, comp); err != nil {
					errs <- fmt.Errorf("index: write %s: %w", dir, err)
					for range chunks { // drain
					}
					return
				}
			}
		}()
	}
	for lo := 0; lo < n; lo += batchSize {
		chunks <- chunk{lo, min(lo+batchSize, n)}
	}
	close(chunks)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}

	b := idx.NewBatch()
	if abbrs == nil {
		abbrs = []rccplans.Abbreviation{}
	}
	ab, err := json.Marshal(abbrs)
	if err != nil {
		return err
	}
	b.SetInternal(internalAbbr, ab)
	b.SetInternal(internalColumns, cw.encode())
	// Persistence is in order: once the last batch is on disk, all are.
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := idx.Batch(b); err != nil {
		return fmt.Errorf("index: write %s: %w", dir, err)
	}
	if err := <-persisted; err != nil {
		return fmt.Errorf("index: persist %s: %w", dir, err)
	}
	return nil
}

// writeChunk indexes documents lo..hi (records first, then sections) as one batch.
func writeChunk(idx bleve.Index, dm *docMaker, cw *columnWriter, recs []rccplans.Record, secs []rccplans.Section, lo, hi int, comp *compounder) error {
	b := idx.NewBatch()
	for seq := lo; seq < hi; seq++ {
		var vs []fieldValue
		var id string
		var err error
		if seq < len(recs) {
			vs, err = recordValues(&recs[seq], comp)
			id = docID("r", seq)
		} else {
			vs, err = sectionValues(&secs[seq-len(recs)], comp)
			id = docID("s", seq)
		}
		if err != nil {
			return err
		}
		for _, v := range vs {
			for _, p := range dm.plans[v.name] {
				if !p.number {
					cw.set(seq, p.name, v.text)
				}
			}
		}
		if err := b.IndexAdvanced(dm.doc(id, vs)); err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
	}
	return idx.Batch(b)
}

// docID gives documents ids that sort in build order.
func docID(kind string, seq int) string { return fmt.Sprintf("%s%08d", kind, seq) }

func recordTexts(r *rccplans.Record) string {
	return r.Goal + " " + r.Activity + " " + r.RCCActivity + " " + r.CurrentState + " " + r.Target + " " +
		r.Responsible + " " + r.Area + " " + r.Chapter + " " + r.Section + " " + r.FollowUp + " " + r.Evaluation
}

func period(from, to int) string {
	switch {
	case from == 0 && to == 0:
		return ""
	case to == 0 || to == from:
		return strconv.Itoa(from)
	case from == 0:
		return strconv.Itoa(to)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

// Index is an open, read-only index.
type Index struct {
	bleve bleve.Index
	syn   *synonyms
	an    analyzers
	dir   string
	cols  *columns
	cache matchCache
	docs  docCache
	// all is the match set of the empty query, made once.
	allOnce sync.Once
	all     *matchSet
	// noCache turns the match cache off (benchmarks of cold searches).
	noCache bool

	// mu is held shared by every search and exclusively by Close, so an
	// index swapped out by Live closes only when its last search is done.
	mu     sync.RWMutex
	closed bool
}

func (x *Index) acquire() bool {
	x.mu.RLock()
	if x.closed {
		x.mu.RUnlock()
		return false
	}
	return true
}

func (x *Index) release() { x.mu.RUnlock() }

// Open opens the index in dir read-only. It never opens an index that a
// build still writes: the build holds bolt's exclusive lock until Write
// returns, and published builds are complete.
func Open(dir string) (*Index, error) {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return nil, fmt.Errorf("%w in %s", ErrNoIndex, dir)
	}
	b, err := bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", dir, err)
	}
	x, err := wrap(b, dir)
	if err != nil {
		b.Close()
		return nil, err
	}
	return x, nil
}

func wrap(b bleve.Index, dir string) (*Index, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	an, err := newAnalyzers(im)
	if err != nil {
		return nil, err
	}
	var abbrs []rccplans.Abbreviation
	raw, err := b.GetInternal(internalAbbr)
	if err != nil {
		return nil, fmt.Errorf("index: %s: abbreviations: %w", dir, err)
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &abbrs); err != nil {
			return nil, fmt.Errorf("index: %s: abbreviations: %w", dir, err)
		}
	}
	cols, err := readColumns(b)
	if err != nil {
		return nil, fmt.Errorf("index: %s: %w", dir, err)
	}
	return &Index{bleve: b, syn: newSynonyms(abbrs, an), an: an, dir: dir, cols: cols}, nil
}

// Dir is the directory the index was opened from.
func (x *Index) Dir() string { return x.dir }

// Close closes the index once the searches under way are done.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return nil
	}
	x.closed = true
	return x.bleve.Close()
}
