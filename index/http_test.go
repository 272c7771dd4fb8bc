package index

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"rccplans"
)

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
	return w
}

func TestAPIShape(t *testing.T) {
	x, _ := openGold(t)
	h := Handler(Options{Searcher: x})
	w := get(t, h, "/api/search?"+url.Values{"q": {"kontaktsjuksköterska"}, "region": {"Region Västmanland"}}.Encode())
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("%d %s: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	var res struct {
		Total  *int             `json:"total"`
		Hits   []map[string]any `json:"hits"`
		Facets map[string][]struct {
			Value *string `json:"value"`
			Count *int    `json:"count"`
		} `json:"facets"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	// 000#0, 000#4, 000#24, 000#25: Västmanland's contact-nurse records.
	if res.Total == nil || *res.Total != 4 || len(res.Hits) != 4 {
		t.Fatalf("total %v, %d hits", res.Total, len(res.Hits))
	}
	for _, hit := range res.Hits {
		for _, k := range []string{"type", "doc_id", "source_file", "page", "region", "rcc", "kind", "goal", "activity", "status", "highlights"} {
			if _, ok := hit[k]; !ok {
				t.Errorf("hit lacks %q: %v", k, hit)
			}
		}
		if hit["region"] != "Region Västmanland" {
			t.Errorf("region %v", hit["region"])
		}
		hl, _ := hit["highlights"].(map[string]any)
		if len(hl) == 0 {
			t.Errorf("no highlights: %v", hit)
		}
		for f, v := range hl {
			snips, _ := v.([]any)
			if len(snips) == 0 || !strings.Contains(snips[0].(string), "<mark>") {
				t.Errorf("highlight %s: %v", f, v)
			}
		}
	}
	for _, f := range []string{"region", "status", "rcc", "kind", "period", "chapter", "type"} {
		cs, ok := res.Facets[f]
		if !ok {
			t.Errorf("no facet %s", f)
		}
		for _, c := range cs {
			if c.Value == nil || c.Count == nil || *c.Count <= 0 {
				t.Errorf("facet %s: bad bucket", f)
			}
		}
	}
	// Multi-select: the region facet still offers the other regions.
	if len(res.Facets["region"]) < 2 {
		t.Errorf("region facet %v", res.Facets["region"])
	}
}

func TestAPIErrors(t *testing.T) {
	x, _ := openGold(t)
	h := Handler(Options{Searcher: x})
	tests := []struct {
		name, method, target string
		code                 int
	}{
		{"long query", "GET", "/api/search?q=" + strings.Repeat("a", MaxQuery+1), http.StatusBadRequest},
		{"bad sort", "GET", "/api/search?sort=x", http.StatusBadRequest},
		{"bad page", "GET", "/api/search?page=x", http.StatusBadRequest},
		{"too deep", "GET", "/api/search?page=100000", http.StatusBadRequest},
		{"bad syntax", "GET", "/api/search?q=" + url.QueryEscape(`goal:"x`), http.StatusBadRequest},
		{"post", "POST", "/api/search?q=x", http.StatusMethodNotAllowed},
		{"delete", "DELETE", "/", http.StatusMethodNotAllowed},
		{"huge size is capped", "GET", "/api/search?size=100000", http.StatusOK},
		{"unknown param ignored", "GET", "/api/search?foo=bar", http.StatusOK},
		{"no such page", "GET", "/nope", http.StatusNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(tc.method, tc.target, nil))
			if w.Code != tc.code {
				t.Errorf("%d, want %d: %s", w.Code, tc.code, w.Body)
			}
		})
	}
	w := get(t, h, "/api/search?size=100000")
	var res Result
	json.Unmarshal(w.Body.Bytes(), &res)
	if res.Size != MaxSize {
		t.Errorf("size %d", res.Size)
	}
}

func TestSecurityHeaders(t *testing.T) {
	x, _ := openGold(t)
	h := Handler(Options{Searcher: x})
	for _, p := range []string{"/", "/api/search", "/export.csv"} {
		w := get(t, h, p)
		for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"} {
			if got := w.Header().Get(k); got != want {
				t.Errorf("%s: %s = %q", p, k, got)
			}
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
	}
}

// hostile is a record whose every text is markup.
var hostile = rccplans.Record{DocID: "x", SourceFile: `<img src=x onerror=alert(1)>.pdf`, Page: 2,
	Region: `Region <script>alert("region")</script>`, RCC: "RCC Norr", Kind: "handlingsplan", Status: "done",
	Goal:     `<script>alert("goal")</script> Kontaktsjuksköterska för alla`,
	Activity: `"><svg onload=alert(1)> utbildning`, Chapter: `</title><script>alert(3)</script>`}

func TestPageEscapes(t *testing.T) {
	x := writeSmall(t, []rccplans.Record{hostile}, nil, nil)
	h := Handler(Options{Searcher: x})
	for _, target := range []string{"/", "/?q=kontaktsjuksköterska", "/?q=script", "/?q=" + url.QueryEscape(`<script>alert(1)</script>`),
		"/?region=" + url.QueryEscape(hostile.Region)} {
		w := get(t, h, target)
		body := w.Body.String()
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("%s: %d %s", target, w.Code, body)
		}
		for _, bad := range []string{"<script>alert", "<svg", "<img", "onerror=alert(1)>"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: page contains %q", target, bad)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("%s: escaped script not shown", target)
		}
	}
	// The JSON API escapes too (as \u003c), so it is inert even if misread as HTML.
	w := get(t, h, "/api/search?q=script")
	if strings.Contains(w.Body.String(), "<script") {
		t.Errorf("API: %s", w.Body)
	}
}

func TestPageLinks(t *testing.T) {
	x, _ := openGold(t)
	h := Handler(Options{Searcher: x, XLSX: func(io.Writer, []rccplans.Record, []rccplans.Section) error { return nil }})
	body := get(t, h, "/?q=screeningprogram").Body.String()
	for _, want := range []string{
		`href="/source/000_363f1a49b5c57245.pdf#page=9"`, // 000#8 is on "page" 9 in the test corpus
		`href="/export.csv?q=screeningprogram"`,
		`href="/export.xlsx?q=screeningprogram"`,
		`<mark>screeningprogrammet</mark>`,
		`value="screeningprogram"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	// Facet links toggle one value and keep the rest of the state.
	if !strings.Contains(body, `href="?q=screeningprogram&amp;region=Region&#43;V%C3%A4stmanland"`) {
		t.Errorf("no region facet link in %s", body)
	}
}

func TestSources(t *testing.T) {
	x, _ := openGold(t)
	dir := t.TempDir()
	pdf := filepath.Join(dir, "stored-object.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 test"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	h := Handler(Options{Searcher: x, Build: func() string { return dir }, Sources: func(build string) (map[string]string, error) {
		if build != dir {
			t.Errorf("build %q", build)
		}
		return map[string]string{"plan.pdf": pdf, "remote.pdf": "https://example.org/plan.pdf", "page.html": pdf}, nil
	}})
	tests := []struct {
		target string
		code   int
		body   string
	}{
		{"/source/plan.pdf", 200, "%PDF-1.4 test"},
		{"/source/remote.pdf", 302, ""},
		{"/source/secret.txt", 404, ""},
		{"/source/..%2Fsecret.txt", 404, ""},
		{"/source/%2E%2E", 404, ""},
		{"/source/stored-object.pdf", 404, ""},
		{"/source/../index.go", 404, ""}, // cleaned by the mux to /index.go
	}
	for _, tc := range tests {
		w := get(t, h, tc.target)
		if w.Code != tc.code && !(tc.code == 404 && w.Code/100 == 3 && !strings.HasPrefix(w.Header().Get("Location"), "/source/")) {
			t.Errorf("%s: %d, want %d", tc.target, w.Code, tc.code)
		}
		if tc.body != "" && w.Body.String() != tc.body {
			t.Errorf("%s: body %q", tc.target, w.Body)
		}
		if strings.Contains(w.Body.String(), "secret") {
			t.Errorf("%s: served the secret", tc.target)
		}
	}
	if w := get(t, h, "/source/plan.pdf"); w.Header().Get("Content-Type") != "application/pdf" {
		t.Errorf("content type %q", w.Header().Get("Content-Type"))
	}
	if w := get(t, h, "/source/page.html"); strings.Contains(w.Header().Get("Content-Type"), "html") {
		t.Errorf("an html source is served as html")
	}
	if w := get(t, h, "/source/remote.pdf"); w.Header().Get("Location") != "https://example.org/plan.pdf" {
		t.Errorf("location %q", w.Header().Get("Location"))
	}
}

func TestCSVExport(t *testing.T) {
	x, c := openGold(t)
	h := Handler(Options{Searcher: x})
	w := get(t, h, "/export.csv?region=Region+Blekinge")
	if w.Code != 200 || !strings.HasPrefix(w.Body.String(), "\ufeff") {
		t.Fatalf("%d %.100q", w.Code, w.Body)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(w.Body.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range c.recs {
		if r.Region == "Region Blekinge" {
			n++
		}
	}
	if len(rows) != n+1 || strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Fatalf("%d rows, want %d; header %v", len(rows), n+1, rows[0])
	}
	for _, r := range rows[1:] {
		if r[4] != "Region Blekinge" {
			t.Errorf("row %v", r)
		}
	}
	// Formulas are defused.
	y := writeSmall(t, []rccplans.Record{{Goal: "=HYPERLINK(\"http://x\")", Region: "R"}}, nil, nil)
	w = get(t, Handler(Options{Searcher: y}), "/export.csv")
	if !strings.Contains(w.Body.String(), `'=HYPERLINK`) {
		t.Errorf("formula not defused: %s", w.Body)
	}
}

func TestXLSXExport(t *testing.T) {
	x, _ := openGold(t)
	if w := get(t, Handler(Options{Searcher: x}), "/export.xlsx"); w.Code != http.StatusNotFound {
		t.Errorf("no writer: %d", w.Code)
	}
	var gotRecs, gotSecs int
	h := Handler(Options{Searcher: x, XLSX: func(w io.Writer, recs []rccplans.Record, secs []rccplans.Section) error {
		gotRecs, gotSecs = len(recs), len(secs)
		_, err := io.WriteString(w, "PK")
		return err
	}})
	w := get(t, h, "/export.xlsx?q=kontaktsjuksköterska")
	if w.Code != 200 || w.Body.String() != "PK" || !strings.Contains(w.Header().Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("%d %q", w.Code, w.Body)
	}
	if gotRecs+gotSecs != len(contactNurse) || gotSecs != 10 {
		t.Errorf("exported %d records, %d sections", gotRecs, gotSecs)
	}
}

func TestRequestURLRoundTrip(t *testing.T) {
	r := Request{Query: "palliativ vård", Filters: map[string][]string{"region": {"A", "B"}, "status": {"done"}}, Sort: "region", Page: 3, Size: 50}
	back, err := RequestFromURL(r.URL())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := r.Normalize()
	if back.Query != want.Query || back.Sort != want.Sort || back.Page != want.Page || back.Size != want.Size ||
		strings.Join(back.Filters["region"], ",") != "A,B" || strings.Join(back.Filters["status"], ",") != "done" {
		t.Errorf("%+v", back)
	}
}

// TestResultJSON: the API writes a result as json.Encoder (escaping HTML) would.
func TestResultJSON(t *testing.T) {
	x, _ := openGold(t)
	for _, r := range []Request{{}, {Query: "kontaktsjuksköterska"}, {Query: "script"}, {Query: "palliativ vård", Page: 2, Size: 3},
		{Query: "xyzzy"}, {Query: `+region:"Region Västmanland" screening*`}, {Filters: map[string][]string{"status": {"done"}}}} {
		res, err := x.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(true)
		if err := enc.Encode(res); err != nil {
			t.Fatal(err)
		}
		got, err := res.appendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%+v:\ngot  %s\nwant %s", r, got, want.Bytes())
		}
		res.Hits = nil
		want.Reset()
		enc.Encode(res)
		if got, _ := res.appendJSON(nil); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("no hits:\ngot  %s\nwant %s", got, want.Bytes())
		}
	}
}

// slowSearcher counts the searches running at once and holds each until
// release is closed.
type slowSearcher struct {
	mu            sync.Mutex
	running, most int
	started       chan struct{}
	release       chan struct{}
}

func (s *slowSearcher) Search(ctx context.Context, r Request) (*Result, error) {
	s.mu.Lock()
	s.running++
	s.most = max(s.most, s.running)
	s.mu.Unlock()
	s.started <- struct{}{}
	<-s.release
	s.mu.Lock()
	s.running--
	s.mu.Unlock()
	return &Result{}, nil
}

func (s *slowSearcher) Each(ctx context.Context, r Request, limit int, fn func(Hit) error) error {
	return nil
}

// TestSearchSlots: no more searches run at once than there are CPUs; the
// others wait their turn, and a request whose deadline passes while it
// waits gets 503 without running.
func TestSearchSlots(t *testing.T) {
	cpus := runtime.GOMAXPROCS(0)
	s := &slowSearcher{started: make(chan struct{}, 64), release: make(chan struct{})}
	h := Handler(Options{Searcher: s, Timeout: time.Minute})
	n := cpus + 3
	var wg sync.WaitGroup
	codes := make([]int, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", "/api/search?q=x", nil))
			codes[i] = w.Code
		}()
	}
	for range cpus {
		<-s.started
	}
	select {
	case <-s.started:
		t.Fatalf("more than %d searches started at once", cpus)
	case <-time.After(100 * time.Millisecond):
	}
	// a request that cannot wait
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/search?q=x", nil).WithContext(ctx))
	if w.Code != http.StatusServiceUnavailable {
		t.Errorf("waiting past its deadline: %d, want 503", w.Code)
	}
	close(s.release)
	wg.Wait()
	for i, c := range codes {
		if c != http.StatusOK {
			t.Errorf("request %d: %d", i, c)
		}
	}
	if s.most != cpus {
		t.Errorf("at most %d searches at once, want %d", s.most, cpus)
	}
}
