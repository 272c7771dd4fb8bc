package corpus

import (
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"

	"rccplans"
	"rccplans/extract"
	"rccplans/index"
)

// Options configure Build. Only Out is required.
type Options struct {
	Out           string   // output folder (see publish.go for its layout)
	Sources       []Source // nil: DefaultSources, the embedded fixture corpus
	SourcesName   string   // for the report: the manifest's file name
	Jobs          int      // documents read in parallel (default GOMAXPROCS)
	Keep          int      // published builds kept (default 3)
	Force         bool     // publish even when the quality gate objects
	NoCache       bool     // read every document again (the cache is still refreshed)
	IndexOptional bool     // a failing search index is a warning, not a failed build
	Fetcher       *Fetcher
	Extract       extract.Options
	Logger        *zap.Logger                        // nil: no logs
	Progress      func(done, total int, file string) // after each document; called from one goroutine at a time
	Now           func() time.Time                   // clock (tests)

	// Test seams.
	extractFn  func(ctx context.Context, name string, data []byte, opt extract.Options) (*rccplans.Document, error)
	discoverFn func(base string, data []byte) ([]Entry, error)
	hook       func(stage string)
}

// ErrGate: the quality gate refused the build; the previous build stays.
var ErrGate = errors.New("corpus: quality gate")

// Build reads every source, writes a new build beside the published one
// and publishes it by switching out/current, unless the quality gate
// refuses it. Whatever happens, the previously published build stays
// complete and readable until the switch.
//
// A build folder holds records.jsonl, sections.jsonl, abbreviations.jsonl
// (spec JSON Lines), documents.json, changes.jsonl, links.jsonl,
// compare.json, rccplans.xlsx, the search index (index/) and report.json.
//
// The report is never nil; its ExitCode tells how the run ended (Exit*
// constants). The error explains any code other than ExitOK.
func Build(ctx context.Context, opt Options) (*Report, error) {
	b := &builder{opt: opt}
	b.defaults()
	err := b.run(ctx)
	return b.rep, err
}

type builder struct {
	opt   Options
	log   *zap.Logger
	rep   *Report
	store *Store
	cache *Cache
	prev  *published

	fetchMu  sync.Mutex
	fetchLog map[string]fetchEntry
}

func (b *builder) defaults() {
	o := &b.opt
	if o.Jobs <= 0 {
		o.Jobs = runtime.GOMAXPROCS(0)
	}
	if o.Keep <= 0 {
		o.Keep = 3
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Fetcher == nil {
		o.Fetcher = &Fetcher{}
	}
	if o.extractFn == nil {
		o.extractFn = Extract
	}
	if o.discoverFn == nil {
		o.discoverFn = Discover
	}
	if o.Sources == nil {
		o.Sources = DefaultSources()
		if o.SourcesName == "" {
			o.SourcesName = "(default: embedded fixture corpus)"
		}
	}
	b.log = o.Logger
	if b.log == nil {
		b.log = zap.NewNop()
	}
	start := o.Now().UTC()
	b.rep = &Report{
		RunID:            start.Format("20060102T150405.000000Z"),
		Started:          start,
		Sources:          o.SourcesName,
		ExtractorVersion: ExtractorVersion,
		RecordsByRegion:  map[string]int{},
		Index:            "not built",
	}
}

func (b *builder) hook(stage string) {
	if b.opt.hook != nil {
		b.opt.hook(stage)
	}
}

// finish sets the exit code and the end time.
func (b *builder) finish(code int, err error) error {
	b.rep.ExitCode = code
	if err != nil {
		b.rep.Error = err.Error()
	}
	b.rep.Finished = b.opt.Now().UTC()
	b.rep.DurationMS = b.rep.Finished.Sub(b.rep.Started).Milliseconds()
	return err
}

func (b *builder) run(ctx context.Context) error {
	if b.opt.Out == "" {
		return b.finish(ExitConfig, fmt.Errorf("%w: no output folder", ErrSources))
	}
	out, err := filepath.Abs(b.opt.Out)
	if err != nil {
		return b.finish(ExitConfig, err)
	}
	b.rep.Out = out
	lock, err := AcquireLock(out)
	if errors.Is(err, ErrLocked) {
		return b.finish(ExitLocked, err)
	}
	if err != nil {
		return b.finish(ExitConfig, err)
	}
	defer lock.Release()
	code, err := b.locked(ctx, out)
	if b.store != nil && b.fetchLog != nil {
		// what was fetched is in the store whether or not this build was
		// published: remember the validators either way
		if werr := b.store.writeFetchLog(b.fetchLog); werr != nil {
			b.log.Warn("cannot write the fetch log", zap.Error(werr))
		}
	}
	b.finish(code, err)
	if werr := writeJSON(filepath.Join(out, lastRunName), b.rep); werr != nil {
		b.log.Warn("cannot write last-run report", zap.Error(werr))
	}
	return err
}

func (b *builder) locked(ctx context.Context, out string) (int, error) {
	cleanPartial(out)
	b.store = &Store{Dir: filepath.Join(out, storeDir)}
	b.cache = &Cache{Dir: filepath.Join(out, cacheDir), Program: binaryIdentity()}
	b.fetchLog = b.store.readFetchLog()
	if cur, err := Current(out); err == nil {
		p, err := readPublished(cur)
		if err != nil {
			// An unreadable previous build cannot be compared with or
			// carried over; build as if there were none, and say so.
			b.log.Warn("previous build unreadable; building from scratch", zap.String("dir", cur), zap.Error(err))
		} else {
			b.prev = p
			b.rep.Previous = cur
		}
	}
	if b.prev == nil {
		b.prev = &published{}
	}

	srcs, failedListings := b.resolve(ctx)
	if ctx.Err() != nil {
		return ExitInterrupted, ctx.Err()
	}
	b.hook("resolved")
	docs := b.readAll(ctx, srcs)
	if ctx.Err() != nil {
		return ExitInterrupted, ctx.Err()
	}
	results, recs, secs, abbrs := b.assemble(docs, failedListings)
	b.hook("assembled")

	id := b.rep.RunID
	final := filepath.Join(out, buildsDir, id)
	for n := 2; ; n++ { // two runs in one microsecond: keep both
		if _, err := os.Stat(final); errors.Is(err, os.ErrNotExist) {
			break
		}
		id = fmt.Sprintf("%s-%d", b.rep.RunID, n)
		final = filepath.Join(out, buildsDir, id)
	}
	partial := final + partialSuffix
	if err := os.MkdirAll(partial, 0o755); err != nil {
		return ExitNotPublished, err
	}
	b.rep.DocumentList = results
	if err := b.write(ctx, partial, results, recs, secs, abbrs); err != nil {
		os.RemoveAll(partial)
		if ctx.Err() != nil {
			return ExitInterrupted, ctx.Err()
		}
		return ExitNotPublished, err
	}
	b.hook("written")
	if ctx.Err() != nil {
		os.RemoveAll(partial)
		return ExitInterrupted, ctx.Err()
	}
	if len(b.rep.Gate) > 0 && !b.opt.Force {
		rejected := final + rejectedSuffix
		b.rep.Build = rejected
		err := fmt.Errorf("%w: %s", ErrGate, strings.Join(b.rep.Gate, "; "))
		b.finish(ExitNotPublished, err)
		writeJSON(filepath.Join(partial, ReportFile), b.rep)
		if rerr := os.Rename(partial, rejected); rerr != nil {
			os.RemoveAll(partial)
		}
		prune(out, b.opt.Keep)
		return ExitNotPublished, err
	}
	code := ExitOK
	var err error
	if len(b.rep.Failures) > 0 {
		code = ExitPartial
		err = fmt.Errorf("corpus: %d source(s) failed; previous results kept where there were any", len(b.rep.Failures))
	}
	b.rep.Build = final
	b.rep.Published = true
	b.finish(code, err)
	if werr := writeJSON(filepath.Join(partial, ReportFile), b.rep); werr != nil {
		os.RemoveAll(partial)
		b.rep.Published = false
		return ExitNotPublished, werr
	}
	if perr := os.Rename(partial, final); perr != nil {
		os.RemoveAll(partial)
		b.rep.Published = false
		return ExitNotPublished, perr
	}
	if perr := publish(out, id); perr != nil {
		b.rep.Published = false
		return ExitNotPublished, perr
	}
	b.hook("published")
	prune(out, b.opt.Keep)
	b.collectGarbage(out)
	return code, err
}

// resolve expands folders and reads listing pages into the documents to
// build, in manifest order, each location once.
func (b *builder) resolve(ctx context.Context) ([]docSource, map[string]error) {
	var out []docSource
	seen := map[string]bool{}
	add := func(d docSource) {
		if !seen[d.Key] {
			seen[d.Key] = true
			out = append(out, d)
		}
	}
	failed := map[string]error{}
	for _, s := range b.opt.Sources {
		if ctx.Err() != nil {
			return nil, nil
		}
		switch s.Kind {
		case SourceDocument:
			if isURL(s.Location) {
				add(docSource{Key: s.Location, Name: nameOr(s.Meta.Name, s.Location), Meta: s.Meta})
				continue
			}
			files, err := expandLocal(s.Location)
			if err != nil {
				// Reading it will fail again and report it as a failed
				// document, keeping its previous results.
				add(docSource{Key: s.Location, Name: nameOr(s.Meta.Name, s.Location), Meta: s.Meta})
				continue
			}
			for _, f := range files {
				m := s.Meta
				if len(files) > 1 {
					m.Name = "" // one name cannot name a folder's files
				}
				add(docSource{Key: f, Name: nameOr(m.Name, f), Meta: m})
			}
		case SourceListing:
			t0 := time.Now()
			data, _, _, err := b.acquire(ctx, s.Location, false)
			var entries []Entry
			if err == nil {
				entries, err = discoverSafe(b.opt.discoverFn, s.Location, data)
			}
			if err != nil {
				if ctx.Err() != nil {
					return nil, nil
				}
				failed[s.Location] = err
				b.log.Error("listing failed", zap.String("listing", s.Location), zap.Error(err))
				continue
			}
			n := 0
			for _, e := range entries {
				if e.URL == "" {
					continue
				}
				loc, err := resolveLocation(e.URL, "")
				if err != nil || !isURL(loc) {
					continue // a listing may link anything; only web documents are built
				}
				n++
				add(docSource{Key: loc, Name: nameOr(s.Meta.Name, loc), Meta: s.Meta, Defaults: entryMeta(e), Via: s.Location})
			}
			b.log.Info("listing", zap.String("listing", s.Location), zap.Int("entries", len(entries)),
				zap.Int("documents", n), zap.Duration("duration", time.Since(t0)))
		}
	}
	return out, failed
}

func nameOr(name, loc string) string {
	if name != "" {
		return name
	}
	return baseName(loc)
}

// discoverSafe calls Discover, turning a panic on a strange page into an
// error: one bad listing must not stop the nightly build.
func discoverSafe(discover func(string, []byte) ([]Entry, error), loc string, data []byte) (es []Entry, err error) {
	defer func() {
		if r := recover(); r != nil {
			es, err = nil, fmt.Errorf("corpus: discover %s: panic: %v", loc, r)
		}
	}()
	return discover(loc, data)
}

func entryMeta(e Entry) Meta {
	m := Meta{RCC: e.RCC, PeriodFrom: e.PeriodFrom, PeriodTo: e.PeriodTo, FollowUpYear: e.FollowUpYear}
	switch e.Kind {
	case rccplans.KindCancerplan, rccplans.KindHandlingsplan, rccplans.KindUppfoljning, rccplans.KindAktivitetplan:
		m.Kind = e.Kind
	}
	return m
}

// acquire gets the bytes of a location: a local or embedded file, or a
// URL fetched conditionally against the copy in the store. document asks
// for the content check (a .pdf link must give a PDF).
func (b *builder) acquire(ctx context.Context, loc string, document bool) (data []byte, how string, sum string, err error) {
	if !isURL(loc) {
		data, err = readLocal(loc)
		if err != nil {
			return nil, "", "", err
		}
		return data, "local", "", nil
	}
	b.fetchMu.Lock()
	prev, had := b.fetchLog[loc]
	b.fetchMu.Unlock()
	var v Validators
	if had && !b.opt.NoCache {
		if _, err := b.store.Get(prev.SHA256, prev.Ext); err == nil {
			v = prev.Validators
		}
	}
	resp, err := b.opt.Fetcher.Get(ctx, loc, v)
	if err != nil {
		return nil, "", "", err
	}
	if resp.NotModified {
		data, err = b.store.Get(prev.SHA256, prev.Ext)
		if err == nil {
			return data, "not_modified", prev.SHA256, nil
		}
		// the copy went missing between the check and now: fetch in full
		if resp, err = b.opt.Fetcher.Get(ctx, loc, Validators{}); err != nil {
			return nil, "", "", err
		}
	}
	if document {
		if err := checkDocument(resp.URL, resp.ContentType, resp.Data); err != nil {
			return nil, "", "", err
		}
	}
	sum, rel, err := b.store.Put(resp.Data)
	if err != nil {
		return nil, "", "", err
	}
	b.fetchMu.Lock()
	b.fetchLog[loc] = fetchEntry{Validators: resp.Validators, SHA256: sum, Ext: filepath.Ext(rel)}
	b.fetchMu.Unlock()
	return resp.Data, "fetched", sum, nil
}

// docRun is one document's outcome before assembly.
type docRun struct {
	src docSource
	res DocumentResult
	doc *rccplans.Document
	err error
}

// readAll reads the documents on Jobs workers; results keep source order.
func (b *builder) readAll(ctx context.Context, srcs []docSource) []docRun {
	runs := make([]docRun, len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	var progMu sync.Mutex
	done := 0
	for w := 0; w < min(b.opt.Jobs, max(len(srcs), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				runs[i] = b.readOne(ctx, srcs[i])
				progMu.Lock()
				done++
				if b.opt.Progress != nil {
					b.opt.Progress(done, len(srcs), srcs[i].Name)
				}
				progMu.Unlock()
			}
		}()
	}
	for i := range srcs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return runs
}

func (b *builder) readOne(ctx context.Context, src docSource) (r docRun) {
	t0 := time.Now()
	r.src = src
	r.res = DocumentResult{Source: src.Key, Via: src.Via, File: src.Name, Status: DocOK}
	defer func() {
		r.res.DurationMS = time.Since(t0).Milliseconds()
		if ctx.Err() != nil {
			return
		}
		if r.err != nil {
			b.log.Error("document failed", zap.String("file", src.Name), zap.String("source", src.Key),
				zap.Error(r.err), zap.Duration("duration", time.Since(t0)))
			return
		}
		b.log.Info("document", zap.String("file", src.Name), zap.Int("pages", r.res.Pages),
			zap.Int("records", r.res.Records), zap.Int("sections", r.res.Sections),
			zap.Int("warnings", len(r.res.Warnings)), zap.Bool("cached", r.res.Cached),
			zap.String("fetch", r.res.Fetch), zap.Duration("duration", time.Since(t0)))
	}()
	data, how, _, err := b.acquire(ctx, src.Key, true)
	if err != nil {
		r.err = rccplans.Located(src.Name, 0, err)
		return r
	}
	r.res.Fetch = how
	sum, rel, err := b.store.Put(data)
	if err != nil {
		r.err = err
		return r
	}
	r.res.SHA256, r.res.Object = sum, filepath.ToSlash(filepath.Join(storeDir, rel))
	var doc *rccplans.Document
	var xerr error
	if e, ok := b.cache.get(sum, b.opt.Extract); ok && !b.opt.NoCache {
		r.res.Cached = true
		doc = e.Document
		if e.Err != "" {
			// the message already names the file: keep it as it was
			xerr = &rccplans.Error{File: src.Name, Err: errors.New(strings.TrimPrefix(e.Err, src.Name+": "))}
		}
	} else {
		x0 := time.Now()
		doc, xerr = b.extractSafe(ctx, src.Name, data)
		if ctx.Err() != nil {
			r.err = ctx.Err()
			return r
		}
		// A document that ran into the time bound may pass on a quieter
		// night: that failure is not the bytes' fault and is not cached.
		timedOut := xerr != nil && time.Since(x0) >= b.extractTimeout()*9/10
		if !timedOut {
			if err := b.cache.put(sum, b.opt.Extract, doc, xerr); err != nil {
				b.log.Warn("cannot cache", zap.String("file", src.Name), zap.Error(err))
			}
		}
	}
	if doc == nil {
		if xerr == nil {
			xerr = errors.New("extractor returned nothing")
		}
		r.err = rccplans.Located(src.Name, 0, xerr)
		return r
	}
	if xerr != nil {
		// partly read: the document counts, the damage is a warning
		doc.Warnings = append(doc.Warnings, rccplans.Warning{File: src.Name, Message: xerr.Error()})
	}
	setIdentity(doc, src, sum)
	r.doc = doc
	fillResult(&r.res, doc)
	return r
}

func (b *builder) extractTimeout() time.Duration {
	if b.opt.Extract.Timeout > 0 {
		return b.opt.Extract.Timeout
	}
	return extract.DefaultTimeout
}

// extractSafe runs the extractor and turns a panic into an error: bad
// input never stops the build.
func (b *builder) extractSafe(ctx context.Context, name string, data []byte) (doc *rccplans.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("extractor panic: %v", p)
		}
	}()
	return b.opt.extractFn(ctx, name, data, b.opt.Extract)
}

// setIdentity sets the source's name and the metadata overrides on a
// (possibly cached) document and everything in it. Manifest metadata
// overrides what extraction found; listing metadata only fills gaps.
func setIdentity(doc *rccplans.Document, src docSource, sum string) {
	doc.SHA256 = sum
	if doc.ID == "" {
		doc.ID = sum[:16]
	}
	doc.SourceFile = src.Name
	m := src.Meta
	pick := func(over, found, def string) string {
		switch {
		case over != "":
			return over
		case found != "":
			return found
		}
		return def
	}
	pickInt := func(over, found, def int) int {
		switch {
		case over != 0:
			return over
		case found != 0:
			return found
		}
		return def
	}
	d := src.Defaults
	doc.Region = pick(m.Region, doc.Region, d.Region)
	doc.RCC = pick(m.RCC, doc.RCC, d.RCC)
	doc.Kind = pick(m.Kind, doc.Kind, d.Kind)
	pf, pt := doc.PeriodFrom, doc.PeriodTo
	doc.PeriodFrom = pickInt(m.PeriodFrom, pf, d.PeriodFrom)
	doc.PeriodTo = pickInt(m.PeriodTo, pt, d.PeriodTo)
	doc.FollowUpYear = pickInt(m.FollowUpYear, doc.FollowUpYear, d.FollowUpYear)
	for i := range doc.Records {
		r := &doc.Records[i]
		r.DocID, r.SourceFile = doc.ID, src.Name
		r.Region = pick(m.Region, r.Region, doc.Region)
		r.RCC = pick(m.RCC, r.RCC, doc.RCC)
		r.Kind = pick(m.Kind, r.Kind, doc.Kind)
		r.PeriodFrom = pickInt(m.PeriodFrom, r.PeriodFrom, doc.PeriodFrom)
		r.PeriodTo = pickInt(m.PeriodTo, r.PeriodTo, doc.PeriodTo)
	}
	for i := range doc.Sections {
		s := &doc.Sections[i]
		s.DocID, s.SourceFile = doc.ID, src.Name
		// a section's region is the one it reports on: not overridden
		s.RCC = pick(m.RCC, s.RCC, doc.RCC)
		s.Kind = pick(m.Kind, s.Kind, doc.Kind)
		s.PeriodFrom = pickInt(m.PeriodFrom, s.PeriodFrom, doc.PeriodFrom)
		s.PeriodTo = pickInt(m.PeriodTo, s.PeriodTo, doc.PeriodTo)
		s.FollowUpYear = pickInt(m.FollowUpYear, s.FollowUpYear, doc.FollowUpYear)
	}
	for i := range doc.Abbreviations {
		doc.Abbreviations[i].DocID, doc.Abbreviations[i].SourceFile = doc.ID, src.Name
	}
}

func fillResult(res *DocumentResult, doc *rccplans.Document) {
	res.DocID, res.SHA256, res.Format, res.Title = doc.ID, doc.SHA256, doc.Format, doc.Title
	res.Region, res.RCC, res.Kind = doc.Region, doc.RCC, doc.Kind
	res.PeriodFrom, res.PeriodTo, res.FollowUpYear = doc.PeriodFrom, doc.PeriodTo, doc.FollowUpYear
	res.Pages, res.Records, res.Sections, res.Abbreviations = doc.Pages, len(doc.Records), len(doc.Sections), len(doc.Abbreviations)
	res.Warnings = doc.Warnings
}

// assemble puts the documents together in source order: failed ones
// carry their previous results, duplicates are dropped, the quality gate
// is checked and the counts filled in.
func (b *builder) assemble(runs []docRun, failedListings map[string]error) ([]DocumentResult, []rccplans.Record, []rccplans.Section, []rccplans.Abbreviation) {
	prevBy := map[string]*DocumentResult{}
	for i := range b.prev.Documents {
		prevBy[b.prev.Documents[i].Source] = &b.prev.Documents[i]
	}
	var (
		results []DocumentResult
		recs    []rccplans.Record
		secs    []rccplans.Section
		abbrs   []rccplans.Abbreviation
	)
	bySum := map[string]string{}
	carry := func(res *DocumentResult, p *DocumentResult) {
		b.loadPrevious()
		// The carried records name the previous bytes (doc_id, pages);
		// SHA256 stays what was read now, so a changed file still shows.
		res.PreviousKept = true
		res.DocID, res.Object, res.Link = p.DocID, p.Object, p.Link
		if res.SHA256 == "" {
			res.SHA256 = p.SHA256
		}
		res.Format, res.Title, res.Region, res.RCC, res.Kind = p.Format, p.Title, p.Region, p.RCC, p.Kind
		res.PeriodFrom, res.PeriodTo, res.FollowUpYear, res.Pages = p.PeriodFrom, p.PeriodTo, p.FollowUpYear, p.Pages
		res.Records, res.Sections, res.Abbreviations = 0, 0, 0
		for _, r := range b.prev.Records {
			if r.DocID == p.DocID && r.SourceFile == p.File {
				recs = append(recs, r)
				res.Records++
			}
		}
		for _, s := range b.prev.Sections {
			if s.DocID == p.DocID && s.SourceFile == p.File {
				secs = append(secs, s)
				res.Sections++
			}
		}
		for _, a := range b.prev.Abbreviations {
			if a.DocID == p.DocID && a.SourceFile == p.File {
				abbrs = append(abbrs, a)
				res.Abbreviations++
			}
		}
	}
	rep := b.rep
	for i := range runs {
		r := &runs[i]
		res := r.res
		if r.src.Key == "" { // never read (interrupted)
			continue
		}
		rep.Documents.Seen++
		p := prevBy[r.src.Key]
		switch {
		case res.SHA256 == "":
		case p == nil:
			rep.Documents.New++
		case p.SHA256 != res.SHA256:
			rep.Documents.Changed++
		default:
			rep.Documents.Unchanged++
		}
		if r.err != nil {
			res.Status, res.Error = DocFailed, r.err.Error()
			rep.Documents.Failed++
			rep.Failures = append(rep.Failures, res.Error)
			if res.SHA256 != "" {
				res.DocID = res.SHA256[:16]
			}
			if p != nil && p.Records+p.Sections+p.Abbreviations > 0 {
				carry(&res, p)
			}
			results = append(results, res)
			continue
		}
		if res.Cached {
			rep.Documents.Cached++
		} else {
			rep.Documents.Extracted++
		}
		if first, dup := bySum[res.SHA256]; dup {
			res.Status, res.DuplicateOf = DocDuplicate, first
			res.Records, res.Sections, res.Abbreviations = 0, 0, 0
			results = append(results, res)
			continue
		}
		bySum[res.SHA256] = r.src.Key
		if isURL(r.src.Key) {
			res.Link = r.src.Key
		} else {
			res.Link = filepath.ToSlash(filepath.Join("..", "..", res.Object))
		}
		// The quality gate: a document that gave records (or, a follow-up
		// report, sections) last time and gives none now has most likely
		// met a reader that broke, not a plan that emptied.
		switch {
		case p != nil && p.Records > 0 && res.Records == 0:
			rep.Gate = append(rep.Gate, fmt.Sprintf("%s gave %d records last time and none now", res.File, p.Records))
		case p != nil && p.Sections > 0 && res.Sections == 0:
			rep.Gate = append(rep.Gate, fmt.Sprintf("%s gave %d sections last time and none now", res.File, p.Sections))
		}
		recs = append(recs, r.doc.Records...)
		secs = append(secs, r.doc.Sections...)
		abbrs = append(abbrs, r.doc.Abbreviations...)
		rep.Warnings += len(res.Warnings)
		results = append(results, res)
	}
	// Documents found last time on a listing page that could not be read
	// this time are not gone: keep them as failed, with their results.
	listed := map[string]bool{}
	for _, res := range results {
		listed[res.Source] = true
	}
	for i := range b.prev.Documents {
		p := &b.prev.Documents[i]
		if p.Via == "" || listed[p.Source] || failedListings[p.Via] == nil {
			continue
		}
		res := DocumentResult{Source: p.Source, Via: p.Via, File: p.File, Status: DocFailed,
			Error: fmt.Sprintf("listing page failed: %v", failedListings[p.Via])}
		carry(&res, p)
		rep.Documents.Seen++
		rep.Documents.Failed++
		results = append(results, res)
	}
	for loc, err := range failedListings {
		rep.Failures = append(rep.Failures, fmt.Sprintf("listing %s: %v", loc, err))
	}
	sort.Strings(rep.Failures[max(0, len(rep.Failures)-len(failedListings)):])
	for i := range b.prev.Documents {
		if !listed[b.prev.Documents[i].Source] && failedListings[b.prev.Documents[i].Via] == nil {
			rep.Documents.Gone++
		}
	}
	for _, r := range recs {
		rep.RecordsByRegion[r.Region]++
	}
	rep.Records, rep.Sections, rep.Abbreviations = len(recs), len(secs), len(abbrs)
	return results, recs, secs, abbrs
}

// loadPrevious reads the previous build's records, sections and
// abbreviations; unreadable, they count as none.
func (b *builder) loadPrevious() {
	if err := b.prev.load(); err != nil {
		b.log.Warn("previous build's records unreadable", zap.String("dir", b.prev.Dir), zap.Error(err))
	}
}

// write puts every output of the build into dir: the JSON Lines, the
// change report, documents.json, the workbook and the index.
func (b *builder) write(ctx context.Context, dir string, docs []DocumentResult, recs []rccplans.Record, secs []rccplans.Section, abbrs []rccplans.Abbreviation) error {
	t0 := time.Now()
	var sums []string
	for _, f := range []func() (string, error){
		func() (string, error) { return WriteJSONL(filepath.Join(dir, RecordsFile), recs) },
		func() (string, error) { return WriteJSONL(filepath.Join(dir, SectionsFile), secs) },
		func() (string, error) { return WriteJSONL(filepath.Join(dir, AbbreviationsFile), abbrs) },
	} {
		s, err := f()
		if err != nil {
			return err
		}
		sums = append(sums, s)
	}
	b.rep.RecordsSHA256 = sums[0]
	b.rep.DataSHA256 = Sum([]byte(strings.Join(sums, "\n")))
	b.rep.Binary = binaryIdentity()

	// Byte-identical records cannot differ record by record: then only
	// the documents are compared, and the previous records stay unread.
	var changes []Change
	if p := b.prev.Report; b.prev.Dir == "" || p != nil && p.RecordsSHA256 == b.rep.RecordsSHA256 {
		// first build: every document is new, and listing each of its
		// records as "appeared" would bury the report
		changes = diff(b.prev.Documents, docs, nil, nil)
	} else {
		b.loadPrevious()
		changes = diff(b.prev.Documents, docs, b.prev.Records, recs)
	}
	b.rep.Changes = countChanges(changes)
	if _, err := WriteJSONL(filepath.Join(dir, ChangesFile), changes); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(dir, DocumentsFile), docs); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	matrix := Compare(recs)
	if err := b.writeDerived(dir, recs, secs, matrix); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	t1 := time.Now()
	if err := b.writeWorkbook(dir, Workbook{
		Records: recs, Sections: secs, Documents: docs, Changes: changes, Matrix: matrix, RunID: b.rep.RunID,
	}); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	t2 := time.Now()
	if err := b.writeIndex(dir, recs, secs, abbrs); err != nil {
		return err
	}
	b.log.Debug("outputs written", zap.String("dir", dir), zap.Duration("jsonl", t1.Sub(t0)),
		zap.Duration("workbook", t2.Sub(t1)), zap.Duration("index", time.Since(t2)), zap.String("index_state", b.rep.Index))
	return nil
}

// writeWorkbook writes rccplans.xlsx, or links the previous build's when
// everything it shows is the same (the second night in a row without
// changes: no changes either time).
func (b *builder) writeWorkbook(dir string, w Workbook) error {
	h := sha256.New()
	enc := json.NewEncoder(h)
	fmt.Fprintln(h, b.rep.DataSHA256, b.rep.Binary)
	for _, d := range w.Documents {
		d.Cached, d.Fetch, d.DurationMS = false, "", 0 // not shown
		enc.Encode(d)
	}
	enc.Encode(w.Changes)
	b.rep.WorkbookSHA256 = hex.EncodeToString(h.Sum(nil))
	target := filepath.Join(dir, WorkbookFile)
	if p := b.prev.Report; p != nil && p.WorkbookSHA256 == b.rep.WorkbookSHA256 {
		if os.Link(filepath.Join(b.prev.Dir, WorkbookFile), target) == nil {
			return nil
		}
	}
	return WriteWorkbook(target, w)
}

// sameData tells whether the previous build was made by this same program
// from exactly the same records, sections and abbreviations: then what is
// derived from them (index, links, comparison) can be taken over.
func (b *builder) sameData() bool {
	p := b.prev.Report
	return p != nil && p.DataSHA256 == b.rep.DataSHA256 && p.Binary != "" && p.Binary == b.rep.Binary
}

// writeDerived writes links.jsonl (records to follow-ups and to other
// plans) and compare.json (national areas × regions), or links the
// previous build's files when the data is the same.
func (b *builder) writeDerived(dir string, recs []rccplans.Record, secs []rccplans.Section, m *Matrix) error {
	if b.sameData() {
		ok := true
		for _, f := range []string{LinksFile, CompareFile} {
			if err := os.Link(filepath.Join(b.prev.Dir, f), filepath.Join(dir, f)); err != nil {
				ok = false
			}
		}
		if ok {
			b.rep.Links = b.prev.Report.Links
			return nil
		}
		os.Remove(filepath.Join(dir, LinksFile))
		os.Remove(filepath.Join(dir, CompareFile))
	}
	links := Links(recs, secs, LinkOptions{})
	if _, err := WriteJSONL(filepath.Join(dir, LinksFile), links); err != nil {
		return err
	}
	b.rep.Links = len(links)
	return writeJSON(filepath.Join(dir, CompareFile), m)
}

// writeIndex builds the search index, or links the previous one when the
// same program indexed exactly the same data (a no-change run).
func (b *builder) writeIndex(dir string, recs []rccplans.Record, secs []rccplans.Section, abbrs []rccplans.Abbreviation) error {
	target := filepath.Join(dir, IndexDir)
	if p := b.prev.Report; b.sameData() && (p.Index == "ok" || p.Index == "reused") {
		if err := linkTree(filepath.Join(b.prev.Dir, IndexDir), target); err == nil {
			b.rep.Index = "reused"
			return nil
		}
		os.RemoveAll(target)
	}
	err := index.Write(target, recs, secs, abbrs)
	if err == nil {
		b.rep.Index = "ok"
		return nil
	}
	os.RemoveAll(target)
	b.rep.Index = "failed: " + err.Error()
	if b.opt.IndexOptional {
		b.log.Warn("search index not built", zap.Error(err))
		return nil
	}
	return fmt.Errorf("corpus: search index: %w", err)
}

// linkTree recreates the folder src at dst with hard links (copies where
// links are refused). The index files are not written once built.
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if err := os.Link(p, to); err == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
}

// binaryIdentity names the running program: its Go build ID (which
// follows the code, not the file's time: `make run` rebuilds the same
// binary each time), or else its size and modification time.
func binaryIdentity() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if sec := f.Section(".note.go.buildid"); sec != nil {
			if data, err := sec.Data(); err == nil && len(data) > 16 {
				return "go:" + Sum(data)[:32]
			}
		}
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d-%d", st.Size(), st.ModTime().UnixNano())
}

// collectGarbage removes the stored documents and cached results that no
// kept build refers to and no fetched URL stands for, and the caches of
// other extractor versions: a nightly job must not fill the disk with
// every version of every plan.
func (b *builder) collectGarbage(out string) {
	keep := map[string]bool{}
	builds, _ := filepath.Glob(filepath.Join(out, buildsDir, "*"))
	for _, dir := range builds {
		data, err := os.ReadFile(filepath.Join(dir, DocumentsFile))
		if err != nil {
			if !strings.HasSuffix(dir, partialSuffix) {
				return // a build we cannot read may need anything: keep all
			}
			continue
		}
		var docs []DocumentResult
		if json.Unmarshal(data, &docs) != nil {
			return
		}
		for _, d := range docs {
			keep[d.SHA256] = true
			if d.Object != "" { // carried results of a failed document link their old bytes
				sum, _, _ := strings.Cut(filepath.Base(d.Object), ".")
				keep[sum] = true
			}
		}
	}
	for _, e := range b.fetchLog {
		keep[e.SHA256] = true
	}
	removed := 0
	for _, pattern := range []string{
		filepath.Join(out, storeDir, "objects", "*", "*"),
		filepath.Join(out, cacheDir, ExtractorVersion, "*", "*.json"),
	} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			sum, _, _ := strings.Cut(filepath.Base(f), ".")
			if sumRE.MatchString(sum) && !keep[sum] && os.Remove(f) == nil {
				removed++
			}
		}
	}
	versions, _ := os.ReadDir(filepath.Join(out, cacheDir))
	for _, v := range versions {
		if v.IsDir() && v.Name() != ExtractorVersion {
			os.RemoveAll(filepath.Join(out, cacheDir, v.Name()))
		}
	}
	if removed > 0 {
		b.log.Debug("removed unused stored documents and cache entries", zap.Int("files", removed))
	}
}
