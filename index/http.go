package index

import (
	"bytes"
	"context"
	"embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"rccplans"
)

//go:embed web
var webFS embed.FS

// Searcher is what the handler needs: an *Index or a *Live.
type Searcher interface {
	Search(ctx context.Context, r Request) (*Result, error)
	Each(ctx context.Context, r Request, limit int, fn func(Hit) error) error
}

// Options configure Handler.
type Options struct {
	Searcher Searcher
	// Build returns the folder of the build being served, passed to
	// Sources; nil means "".
	Build func() string
	// Sources maps the source_file names of a build to where the document
	// is: an http(s) URL (the page redirects there) or a local file path
	// (served). Only names it lists are served, so no request can reach
	// another file. Nil serves no source documents.
	Sources func(build string) (map[string]string, error)
	// XLSX writes records and sections as a workbook (the build's
	// spreadsheet writer); nil offers no XLSX export.
	XLSX func(w io.Writer, recs []rccplans.Record, secs []rccplans.Section) error
	// Across returns the records, follow-ups, links and comparison of the
	// build being served (Live.Across); nil offers no record history
	// (/record, /api/record) and no comparison (/compare, /api/compare).
	Across func() (*Across, error)
	// Timeout bounds the page and the API (default 10 s); exports get six times as long.
	Timeout time.Duration
}

// Handler serves the web page (/), the JSON API (/api/search), a record's
// history (/record?id=ID, /api/record?id=ID), regions side by side
// (/compare, /api/compare), the exports (/export.csv, /export.xlsx), the
// source documents (/source/NAME) and the pages' style sheet. Everything is read-only: only GET and HEAD are allowed.
func Handler(o Options) http.Handler {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.Build == nil {
		o.Build = func() string { return "" }
	}
	parse := func(name string) *template.Template {
		return template.Must(template.New(name).Funcs(funcs).ParseFS(webFS, "web/"+name))
	}
	s := &server{o: o, page: parse("page.html"), record: parse("record.html"), compare: parse("compare.html"), busy: make(chan struct{}, runtime.GOMAXPROCS(0))}
	mux := http.NewServeMux()
	timed := func(h http.HandlerFunc) http.Handler {
		return http.TimeoutHandler(h, o.Timeout, "timeout\n")
	}
	mux.Handle("GET /{$}", timed(s.servePage))
	mux.Handle("GET /api/search", timed(s.serveAPI))
	mux.Handle("GET /record", timed(s.serveRecordPage))
	mux.Handle("GET /api/record", timed(s.serveRecordAPI))
	mux.Handle("GET /compare", timed(s.serveComparePage))
	mux.Handle("GET /api/compare", timed(s.serveCompareAPI))
	mux.HandleFunc("GET /export.csv", s.serveCSV)
	mux.HandleFunc("GET /export.xlsx", s.serveXLSX)
	mux.HandleFunc("GET /source/{name}", s.serveSource)
	mux.HandleFunc("GET /static/style.css", s.serveCSS)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	return secure(mux)
}

// NewServer wraps a handler in an http.Server with timeouts on every phase
// of a request and a cap on header size.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      90 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}

// secure adds the security headers and refuses anything but GET and HEAD.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		if !strings.HasPrefix(r.URL.Path, "/source/") {
			// Not on source documents: Chromium's PDF viewer does not run under default-src 'none'.
			hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		}
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD")
			http.Error(w, "read-only", http.StatusMethodNotAllowed)
			return
		}
		if len(r.URL.RawQuery) > 4*MaxQuery+2048 {
			http.Error(w, "query too long", http.StatusRequestURITooLong)
			return
		}
		h.ServeHTTP(w, r)
	})
}

type server struct {
	o                     Options
	page, record, compare *template.Template
	busy                  chan struct{} // searches running at once: one per CPU
}

// RequestFromURL reads a Request from URL parameters: q, page, size, sort
// and one parameter per filter (repeated for several values).
func RequestFromURL(v url.Values) (Request, error) {
	r := Request{Query: v.Get("q"), Sort: v.Get("sort"), Filters: map[string][]string{}}
	var err error
	if p := v.Get("page"); p != "" {
		if r.Page, err = strconv.Atoi(p); err != nil {
			return r, fmt.Errorf("%w: page %q", ErrBadQuery, p)
		}
	}
	if p := v.Get("size"); p != "" {
		if r.Size, err = strconv.Atoi(p); err != nil {
			return r, fmt.Errorf("%w: size %q", ErrBadQuery, p)
		}
	}
	for k, vs := range v {
		if IsFilter(k) {
			r.Filters[k] = vs
		}
	}
	return r.Normalize()
}

// URL is the inverse of RequestFromURL: the query string of a request.
func (r Request) URL() url.Values {
	v := url.Values{}
	if r.Query != "" {
		v.Set("q", r.Query)
	}
	for k, vs := range r.Filters {
		for _, x := range vs {
			v.Add(k, x)
		}
	}
	if r.Sort != "" {
		v.Set("sort", r.Sort)
	}
	if r.Page > 1 {
		v.Set("page", strconv.Itoa(r.Page))
	}
	if r.Size != 0 && r.Size != DefaultSize {
		v.Set("size", strconv.Itoa(r.Size))
	}
	return v
}

func status(err error) int {
	switch {
	case errors.Is(err, ErrBadQuery):
		return http.StatusBadRequest
	case errors.Is(err, ErrNoIndex):
		return http.StatusServiceUnavailable
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// search runs a search once a slot is free: as many run at once as there
// are CPUs, the others wait their turn (until their request's deadline).
// A search is CPU work; sixteen sharing two cores all finish late, while
// queued ones finish in turn: the slowest answers come sooner
// (BenchmarkSearchHTTP, 16 clients, every query cold: p99 40–55 ms
// against 46–68 ms without the slots in the same runs) and memory stays
// bounded under a burst.
func (s *server) search(ctx context.Context, req Request) (*Result, error) {
	select {
	case s.busy <- struct{}{}:
		defer func() { <-s.busy }()
		return s.o.Searcher.Search(ctx, req)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (s *server) serveAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	req, err := RequestFromURL(r.URL.Query())
	var res *Result
	if err == nil {
		res, err = s.search(r.Context(), req)
	}
	if err != nil {
		w.WriteHeader(status(err))
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	b, err := res.appendJSON(make([]byte, 0, 64<<10))
	if err != nil {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(true) // snippets carry <mark>; keep the JSON inert in any context
		enc.Encode(res)
		return
	}
	w.Write(b)
}

// appendJSON appends what json.Encoder (escaping HTML) writes for r, without
// its second pass over every hit: the encoder re-reads and compacts what a
// Marshaler returns, and a hit is its stored JSON, written by json.Marshal
// (compact, HTML-escaped) and decoded once already when the hit was loaded,
// plus extras from json.Marshal. TestResultJSON checks that both give the
// same bytes.
func (r *Result) appendJSON(b []byte) ([]byte, error) {
	head, err := json.Marshal(struct {
		Total  uint64  `json:"total"`
		Page   int     `json:"page"`
		Size   int     `json:"size"`
		Query  string  `json:"query"`
		Syntax string  `json:"syntax"`
		TookMS float64 `json:"took_ms"`
	}{r.Total, r.Page, r.Size, r.Query, r.Syntax, r.TookMS})
	if err != nil {
		return nil, err
	}
	b = append(b, head[:len(head)-1]...)
	b = append(b, `,"hits":`...)
	if r.Hits == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, h := range r.Hits {
			if i > 0 {
				b = append(b, ',')
			}
			hb, err := h.MarshalJSON()
			if err != nil {
				return nil, err
			}
			b = append(b, hb...)
		}
		b = append(b, ']')
	}
	fb, err := json.Marshal(r.Facets)
	if err != nil {
		return nil, err
	}
	b = append(b, `,"facets":`...)
	b = append(b, fb...)
	return append(b, "}\n"...), nil
}

// pageData is what page.html renders.
type pageData struct {
	Req     Request
	Res     *Result
	Err     string
	Facets  []facetView
	Hits    []hitView
	Pages   []pageLink
	Prev    string
	Next    string
	CSV     string
	XLSX    string
	Sorts   []sortOption
	Filters [][2]string // hidden inputs: the current filters
	Clear   string
	Across  bool // record history and comparison pages are offered
}

type facetView struct {
	Name, Label string
	Values      []facetValue
}

type facetValue struct {
	Value, Label, Href string
	Count              int
	On                 bool
}

type hitView struct {
	Hit
	Title    template.HTML
	Meta     []string
	Fields   []fieldView
	Source   string
	PageNo   int
	TypeName string
	History  string // the record's history page
}

type fieldView struct {
	Label string
	HTML  template.HTML
}

type pageLink struct {
	N    int
	Href string
	On   bool
}

type sortOption struct {
	Value, Label string
	On           bool
}

var sortLabels = map[string]string{"": "Relevans", "region": "Region", "status": "Status", "period": "Period (äldst först)", "-period": "Period (nyast först)", "doc": "Dokumentordning"}

func (s *server) servePage(w http.ResponseWriter, r *http.Request) {
	d := pageData{Across: s.o.Across != nil}
	req, err := RequestFromURL(r.URL.Query())
	d.Req = req
	if err == nil {
		d.Res, err = s.search(r.Context(), req)
	}
	code := http.StatusOK
	if err != nil {
		code = status(err)
		d.Err = err.Error()
	}
	for _, so := range Sorts {
		d.Sorts = append(d.Sorts, sortOption{so, sortLabels[so], so == req.Sort})
	}
	for k, vs := range req.Filters {
		for _, v := range vs {
			d.Filters = append(d.Filters, [2]string{k, v})
		}
	}
	clear := req
	clear.Filters, clear.Page = nil, 1
	d.Clear = "?" + clear.URL().Encode()
	exp := req
	exp.Page, exp.Size = 1, 0
	d.CSV = "/export.csv?" + exp.URL().Encode()
	if s.o.XLSX != nil {
		d.XLSX = "/export.xlsx?" + exp.URL().Encode()
	}
	if d.Res != nil {
		d.Facets = facetViews(req, d.Res)
		for _, h := range d.Res.Hits {
			v := viewHit(h)
			if d.Across && h.Record != nil {
				v.History = RecordHref(h.Record.ID())
			}
			d.Hits = append(d.Hits, v)
		}
		d.Pages, d.Prev, d.Next = pages(req, d.Res.Total)
	}
	var buf bytes.Buffer
	if err := s.page.Execute(&buf, d); err != nil {
		http.Error(w, "page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func facetViews(req Request, res *Result) []facetView {
	var out []facetView
	for _, f := range Facets {
		fv := facetView{Name: f, Label: Labels[f]}
		on := map[string]bool{}
		for _, v := range req.Filters[f] {
			on[v] = true
		}
		seen := map[string]bool{}
		add := func(value string, count int) {
			seen[value] = true
			next := toggle(req, f, value)
			label := value
			if l, ok := ValueLabels[value]; ok {
				label = l
			}
			fv.Values = append(fv.Values, facetValue{Value: value, Label: label, Count: count, On: on[value], Href: "?" + next.URL().Encode()})
		}
		for _, c := range res.Facets[f] {
			add(c.Value, c.Count)
		}
		// A selected value with no hits under the other filters stays visible, so it can be removed.
		for _, v := range req.Filters[f] {
			if !seen[v] {
				add(v, 0)
			}
		}
		if len(fv.Values) > 0 {
			out = append(out, fv)
		}
	}
	return out
}

// toggle adds value to the field's filter, or removes it; back to page 1.
func toggle(req Request, field, value string) Request {
	next := req
	next.Page = 1
	next.Filters = map[string][]string{}
	for k, vs := range req.Filters {
		next.Filters[k] = append([]string(nil), vs...)
	}
	vs := next.Filters[field]
	for i, v := range vs {
		if v == value {
			next.Filters[field] = append(vs[:i:i], vs[i+1:]...)
			return next
		}
	}
	next.Filters[field] = append(vs, value)
	return next
}

func pages(req Request, total uint64) (links []pageLink, prev, next string) {
	size := req.Size
	last := int((total + uint64(size) - 1) / uint64(size))
	if maxPage := MaxOffset/size + 1; last > maxPage {
		last = maxPage
	}
	if last <= 1 {
		return nil, "", ""
	}
	at := func(n int) string {
		p := req
		p.Page = n
		return "?" + p.URL().Encode()
	}
	lo, hi := max(1, req.Page-4), min(last, req.Page+4)
	for n := lo; n <= hi; n++ {
		links = append(links, pageLink{n, at(n), n == req.Page})
	}
	if req.Page > 1 {
		prev = at(req.Page - 1)
	}
	if req.Page < last {
		next = at(req.Page + 1)
	}
	return links, prev, next
}

// plainSnippet is escaped text cut to n bytes at a space.
func plainSnippet(s string, n int) template.HTML {
	if len(s) > n {
		cut := strings.LastIndexByte(s[:n], ' ')
		if cut < n/2 {
			cut = n
			for cut > 0 && !utf8RuneStart(s[cut]) {
				cut--
			}
		}
		s = s[:cut] + " …"
	}
	return template.HTML(template.HTMLEscapeString(s))
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func viewHit(h Hit) hitView {
	v := hitView{Hit: h, Source: h.SourceFile(), PageNo: h.PageNumber()}
	hl := func(field, text string, n int) template.HTML {
		if s, ok := h.Highlights[field]; ok && len(s) > 0 {
			return template.HTML(s[0]) // escaped by snippet, only <mark> added
		}
		return plainSnippet(text, n)
	}
	shown := map[string]bool{}
	if r := h.Record; r != nil {
		v.TypeName = "record"
		title, tf := r.Goal, "goal"
		if title == "" {
			title, tf = r.Activity, "activity"
		}
		v.Title = hl(tf, title, 300)
		shown[tf] = true
		v.Meta = nonEmpty(r.Region, r.RCC, r.Kind, period(r.PeriodFrom, r.PeriodTo), statusLabel(r.Status, r.StatusRaw), strings.TrimSpace(r.AreaCode+" "+r.Area), r.Chapter)
		if r.Activity != "" && tf != "activity" {
			v.Fields = append(v.Fields, fieldView{Labels["activity"], hl("activity", r.Activity, 300)})
			shown["activity"] = true
		}
	} else if s := h.Section; s != nil {
		v.TypeName = "section"
		v.Title = hl("title", strings.TrimSpace(s.Number+" "+s.Title), 300)
		if _, ok := h.Highlights["title"]; ok {
			v.Title = template.HTML(template.HTMLEscapeString(s.Number+" ")) + template.HTML(h.Highlights["title"][0])
		}
		shown["title"] = true
		v.Meta = nonEmpty(s.Region, s.RCC, s.Kind, period(s.PeriodFrom, s.PeriodTo), followUp(s.FollowUpYear))
		v.Fields = append(v.Fields, fieldView{Labels["text"], hl("text", s.Text, 400)})
		shown["text"] = true
	}
	for _, f := range textFields(h) {
		if shown[f[0]] {
			continue
		}
		if s, ok := h.Highlights[f[0]]; ok && len(s) > 0 {
			v.Fields = append(v.Fields, fieldView{Labels[f[0]], template.HTML(s[0])})
		}
	}
	return v
}

func followUp(y int) string {
	if y == 0 {
		return ""
	}
	return "uppföljning " + strconv.Itoa(y)
}

func statusLabel(st, raw string) string {
	if l, ok := ValueLabels[st]; ok {
		return l
	}
	return raw
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

var funcs = template.FuncMap{
	"sourceHref": sourceHref,
}

// exportRequest reads the request of an export: the page's state, all pages.
func (s *server) exportRequest(w http.ResponseWriter, r *http.Request) (Request, context.Context, context.CancelFunc, bool) {
	req, err := RequestFromURL(r.URL.Query())
	if err != nil {
		http.Error(w, err.Error(), status(err))
		return req, nil, nil, false
	}
	ctx, cancel := context.WithTimeout(r.Context(), 6*s.o.Timeout)
	return req, ctx, cancel, true
}

// CSVHeader is the header row of the CSV export: the record fields, then
// the section fields records do not have.
var CSVHeader = []string{"type", "doc_id", "source_file", "page", "region", "rcc", "kind", "period_from", "period_to",
	"chapter", "section", "area_code", "area", "goal_number", "goal", "current_state", "target", "rcc_activity",
	"activity", "responsible", "timeframe", "status_raw", "status", "follow_up", "evaluation",
	"follow_up_year", "number", "title", "text"}

// CSVRow is one hit as a CSV row under CSVHeader.
func CSVRow(h Hit) []string {
	n := func(i int) string {
		if i == 0 {
			return ""
		}
		return strconv.Itoa(i)
	}
	if r := h.Record; r != nil {
		return []string{"record", r.DocID, r.SourceFile, n(r.Page), r.Region, r.RCC, r.Kind, n(r.PeriodFrom), n(r.PeriodTo),
			r.Chapter, r.Section, r.AreaCode, r.Area, r.GoalNumber, r.Goal, r.CurrentState, r.Target, r.RCCActivity,
			r.Activity, r.Responsible, r.Timeframe, r.StatusRaw, r.Status, r.FollowUp, r.Evaluation, "", "", "", ""}
	}
	s := h.Section
	return []string{"section", s.DocID, s.SourceFile, n(s.Page), s.Region, s.RCC, s.Kind, n(s.PeriodFrom), n(s.PeriodTo),
		"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", n(s.FollowUpYear), s.Number, s.Title, s.Text}
}

// cell defuses text a spreadsheet would run as a formula.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (s *server) serveCSV(w http.ResponseWriter, r *http.Request) {
	req, ctx, cancel, ok := s.exportRequest(w, r)
	if !ok {
		return
	}
	defer cancel()
	// Collect first: a failure then still gets a proper status.
	var rows [][]string
	err := s.o.Searcher.Each(ctx, req, MaxExport, func(h Hit) error {
		row := CSVRow(h)
		for i := range row {
			row[i] = cell(row[i])
		}
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		http.Error(w, err.Error(), status(err))
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="rccplans.csv"`)
	io.WriteString(w, "\ufeff") // Excel reads UTF-8 only with a BOM
	cw := csv.NewWriter(w)
	cw.Write(CSVHeader)
	cw.WriteAll(rows)
}

func (s *server) serveXLSX(w http.ResponseWriter, r *http.Request) {
	if s.o.XLSX == nil {
		http.Error(w, "no spreadsheet writer in this server", http.StatusNotFound)
		return
	}
	req, ctx, cancel, ok := s.exportRequest(w, r)
	if !ok {
		return
	}
	defer cancel()
	var recs []rccplans.Record
	var secs []rccplans.Section
	err := s.o.Searcher.Each(ctx, req, MaxExport, func(h Hit) error {
		if h.Record != nil {
			recs = append(recs, *h.Record)
		} else if h.Section != nil {
			secs = append(secs, *h.Section)
		}
		return nil
	})
	if err != nil {
		http.Error(w, err.Error(), status(err))
		return
	}
	var buf bytes.Buffer
	if err := s.o.XLSX(&buf, recs, secs); err != nil {
		http.Error(w, "xlsx: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="rccplans.xlsx"`)
	w.Write(buf.Bytes())
}

// serveSource serves a source document by its source_file name, only if
// the build's Sources lists it: no name can reach another file.
func (s *server) serveSource(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if s.o.Sources == nil || name == "" || strings.ContainsAny(name, "/\\\x00") || name == "." || name == ".." {
		http.NotFound(w, r)
		return
	}
	m, err := s.o.Sources(s.o.Build())
	if err != nil {
		http.Error(w, "sources: "+err.Error(), status(err))
		return
	}
	where, ok := m[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if u, err := url.Parse(where); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		http.Redirect(w, r, u.String(), http.StatusFound)
		return
	}
	f, err := os.Open(where)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(strings.ToLower(path.Ext(name)))
	if ct == "" {
		ct = mime.TypeByExtension(strings.ToLower(filepath.Ext(where)))
	}
	if ct == "" || strings.HasPrefix(ct, "text/html") {
		ct = "application/octet-stream" // never let a document run as a page of ours
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", "inline; filename*=UTF-8''"+url.PathEscape(name))
	http.ServeContent(w, r, name, st.ModTime(), f)
}

func (s *server) serveCSS(w http.ResponseWriter, r *http.Request) {
	data, _ := webFS.ReadFile("web/style.css")
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	w.Write(data)
}
