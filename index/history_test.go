package index

import (
	"context"
	"encoding/json"
	"errors"
	"html"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rccplans"
)

// A small build: one goal through a 2019–2021 plan, its 2021 follow-up
// (two sections, one with a hostile title) and the 2022–2024 plan; a
// record of another region with no links.
var (
	histOld = rccplans.Record{DocID: "plan19", SourceFile: "plan19.pdf", Page: 4, Region: "Region X", RCC: "RCC Norr", Kind: "handlingsplan",
		PeriodFrom: 2019, PeriodTo: 2021, Chapter: "2. Kontaktsjuksköterska", Goal: "Alla patienter ska ha en namngiven kontaktsjuksköterska", Status: rccplans.StatusInProgress}
	histNew = rccplans.Record{DocID: "plan22", SourceFile: "plan22.pdf", Page: 7, Region: "Region X", RCC: "RCC Norr", Kind: "handlingsplan",
		PeriodFrom: 2022, PeriodTo: 2024, Chapter: "3. Patientens ställning", Goal: "Alla patienter har en namngiven kontaktsjuksköterska", Status: rccplans.StatusDone}
	histLone = rccplans.Record{DocID: "planY", SourceFile: "planY.pdf", Page: 2, Region: "Region Y", RCC: "RCC Syd", Kind: "handlingsplan",
		PeriodFrom: 2022, PeriodTo: 2024, Chapter: "1. Prevention", Goal: "Minska tobaksbruket", Status: rccplans.StatusNotStarted}
	histSecA = rccplans.Section{DocID: "fu21", SourceFile: "fu 21.pdf", Page: 5, RCC: "RCC Norr", Kind: "uppfoljning", PeriodFrom: 2019, PeriodTo: 2021,
		FollowUpYear: 2021, Region: "Region X", Number: "1.1.1", Title: "Kontaktsjuksköterska för samtliga cancerpatienter", Text: "Alla har nu en kontaktsjuksköterska."}
	histSecB = rccplans.Section{DocID: "fu21", SourceFile: "fu 21.pdf", Page: 6, RCC: "RCC Norr", Kind: "uppfoljning", PeriodFrom: 2019, PeriodTo: 2021,
		FollowUpYear: 2021, Region: "Region X", Number: "1.1.2", Title: `<script>alert(1)</script> Min vårdplan`, Text: `Text <img src=x onerror=alert(1)>`}
)

func histData() AcrossData {
	recs := []rccplans.Record{histOld, histNew, histLone, hostile}
	secs := []rccplans.Section{histSecA, histSecB}
	links := []rccplans.Link{
		{From: histOld.ID(), To: histSecB.ID(), Kind: rccplans.LinkFollowUp, Score: 0.41, Reason: "areas: patient"},
		{From: histOld.ID(), To: histNew.ID(), Kind: rccplans.LinkLater, Score: 0.8, Reason: "same goal"},
		{From: histOld.ID(), To: histSecA.ID(), Kind: rccplans.LinkFollowUp, Score: 0.7, Reason: "areas: patient; shared words: kontaktsjuksköterska"},
		{From: histOld.ID(), To: "gone#9", Kind: rccplans.LinkFollowUp, Score: 0.9, Reason: "dangling"},
		{From: histNew.ID(), To: histOld.ID(), Kind: rccplans.LinkEarlier, Score: 0.8, Reason: "same goal"},
	}
	area := func(r rccplans.Record) string {
		if strings.Contains(r.Goal, "kontaktsjuksköterska") {
			return "patient"
		}
		return "prevention"
	}
	// The comparison the way the build counts it.
	cmp := Comparison{Areas: []Area{{"prevention", "Prevention och levnadsvanor"}, {"patient", "Kontaktsjuksköterska"}, {"ovrigt", "Övrigt"}},
		Regions: []string{"Region X", "Region Y", hostile.Region}}
	cells := map[string]*CompareCell{}
	for _, r := range recs {
		k := area(r) + "\x00" + r.Region
		if cells[k] == nil {
			cells[k] = &CompareCell{Area: area(r), Region: r.Region, ByStatus: map[string]int{}}
		}
		cells[k].Records++
		cells[k].ByStatus[r.Status]++
	}
	for _, c := range cells {
		cmp.Cells = append(cmp.Cells, *c)
	}
	return AcrossData{Records: recs, Sections: secs, Links: links, Compare: cmp, Area: area}
}

func histHandler(t *testing.T) http.Handler {
	d := histData()
	x := writeSmall(t, d.Records, d.Sections, nil)
	a := NewAcross(d)
	return Handler(Options{Searcher: x, Across: func() (*Across, error) { return a, nil }})
}

func TestRecordAPI(t *testing.T) {
	h := histHandler(t)
	type step struct{ kind, id string }
	tests := []struct {
		name string
		id   string
		code int
		want []step
	}{
		{"plan with follow-ups and a later plan", histOld.ID(), http.StatusOK, []step{
			{EventPlan, histOld.ID()}, {rccplans.LinkFollowUp, histSecA.ID()}, {rccplans.LinkFollowUp, histSecB.ID()}, {rccplans.LinkLater, histNew.ID()}}},
		{"later plan looks back", histNew.ID(), http.StatusOK, []step{{rccplans.LinkEarlier, histOld.ID()}, {EventPlan, histNew.ID()}}},
		{"no links", histLone.ID(), http.StatusOK, []step{{EventPlan, histLone.ID()}}},
		{"unknown id", "nope-000000000000", http.StatusNotFound, nil},
		{"a section is no record", histSecA.ID(), http.StatusNotFound, nil},
		{"no id", "", http.StatusBadRequest, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(t, h, "/api/record?"+url.Values{"id": {tt.id}}.Encode())
			if w.Code != tt.code || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
				t.Fatalf("%d %s: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
			}
			if tt.code != http.StatusOK {
				var e map[string]string
				if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e["error"] == "" {
					t.Errorf("error body %s", w.Body)
				}
				return
			}
			if strings.Contains(w.Body.String(), "<script") {
				t.Errorf("API not escaped: %s", w.Body)
			}
			var res struct {
				ID       string         `json:"id"`
				Record   map[string]any `json:"record"`
				Timeline []struct {
					Kind    string          `json:"kind"`
					Year    int             `json:"year"`
					ID      string          `json:"id"`
					Title   string          `json:"title"`
					Status  string          `json:"status"`
					Score   float64         `json:"score"`
					Reason  string          `json:"reason"`
					Href    string          `json:"href"`
					Source  string          `json:"source"`
					Section *map[string]any `json:"section"`
				} `json:"timeline"`
			}
			if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			if res.ID != tt.id || res.Record["type"] != "record" || res.Record["goal"] == nil {
				t.Errorf("head: %s %v", res.ID, res.Record)
			}
			var got []step
			year := 0
			for _, e := range res.Timeline {
				got = append(got, step{e.Kind, e.ID})
				if e.Year < year {
					t.Errorf("not in time order: %d after %d", e.Year, year)
				}
				year = e.Year
				switch e.Kind {
				case rccplans.LinkFollowUp:
					if e.Section == nil || (*e.Section)["number"] == nil || e.Year != 2021 || e.Score == 0 || e.Reason == "" ||
						!strings.HasPrefix(e.Source, "/source/fu%2021.pdf#page=") || e.Title == "" {
						t.Errorf("follow-up step %+v", e)
					}
				case rccplans.LinkEarlier, rccplans.LinkLater:
					if e.Status == "" || e.Score == 0 || e.Href != RecordHref(e.ID) {
						t.Errorf("plan step %+v", e)
					}
				case EventPlan:
					if e.ID != tt.id || e.Score != 0 || e.Href == "" || e.Source == "" {
						t.Errorf("own step %+v", e)
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("timeline %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("step %d: %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestRecordPage(t *testing.T) {
	h := histHandler(t)
	tests := []struct {
		name string
		id   string
		code int
		want []string
		bad  []string
	}{
		{"timeline", histOld.ID(), http.StatusOK, []string{
			`data-kind="follow_up" data-id="fu21#1.1.1"`, `data-kind="later_plan"`, `href="/record?id=` + histNew.ID() + `"`,
			`&lt;script&gt;alert(1)&lt;/script&gt; Min vårdplan`, `href="/source/fu%2021.pdf#page=5"`, `Pågående`, `Klar`, `0.70`,
		}, []string{"<script>alert", "<img src", "no-links"}},
		{"no links", histLone.ID(), http.StatusOK, []string{`id="no-links"`, `Minska tobaksbruket`, `Ej påbörjad`}, []string{`data-kind="follow_up"`}},
		{"unknown id", "nope", http.StatusNotFound, []string{`id="error"`, `nope`}, []string{`id="timeline"`}},
		{"hostile id", `<script>alert(1)</script>`, http.StatusNotFound, []string{`&lt;script&gt;`}, []string{"<script>alert"}},
		{"hostile record", hostile.ID(), http.StatusOK, []string{`&lt;script&gt;alert(&#34;goal&#34;)&lt;/script&gt;`, `id="no-links"`},
			[]string{"<script>alert", "<svg", "<img"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := get(t, h, "/record?"+url.Values{"id": {tt.id}}.Encode())
			body := w.Body.String()
			if w.Code != tt.code || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
				t.Fatalf("%d: %s", w.Code, body)
			}
			for _, s := range tt.want {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %s", s)
				}
			}
			for _, s := range tt.bad {
				if strings.Contains(body, s) {
					t.Errorf("page has %s", s)
				}
			}
		})
	}
}

// Every record hit of the search page links to its history; sections do not.
func TestHitLinksHistory(t *testing.T) {
	h := histHandler(t)
	body := get(t, h, "/?q=kontaktsjuksköterska").Body.String()
	for _, r := range []rccplans.Record{histOld, histNew, hostile} {
		if !strings.Contains(body, `href="/record?id=`+r.ID()+`"`) {
			t.Errorf("no history link for %s", r.ID())
		}
	}
	if n := strings.Count(body, `class="history"`); n != 3 {
		t.Errorf("%d history links, want 3 (records only)", n)
	}
	// A server without the data offers no links and no pages.
	x := writeSmall(t, []rccplans.Record{histOld}, nil, nil)
	plain := Handler(Options{Searcher: x})
	if strings.Contains(get(t, plain, "/").Body.String(), "/record?") {
		t.Error("history link without Across")
	}
	for _, target := range []string{"/record?id=" + histOld.ID(), "/api/record?id=" + histOld.ID(), "/compare", "/api/compare"} {
		if w := get(t, plain, target); w.Code != http.StatusNotFound {
			t.Errorf("%s without Across: %d", target, w.Code)
		}
	}
}

var cellRe = regexp.MustCompile(`(?s)<tr data-area="([^"]*)">(.*?)</tr>`)
var countRe = regexp.MustCompile(`<td class="cell" data-region="([^"]*)" data-count="(\d+)">`)

func TestCompare(t *testing.T) {
	h := histHandler(t)
	d := histData()
	w := get(t, h, "/api/compare")
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	var api Comparison
	if err := json.Unmarshal(w.Body.Bytes(), &api); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	total := 0
	for _, c := range d.Compare.Cells {
		want[c.Area+"|"+c.Region] = c.Records
		total += c.Records
	}
	got := map[string]int{}
	for _, c := range api.Cells {
		got[c.Area+"|"+c.Region] = c.Records
	}
	if len(got) != len(want) || len(api.Areas) != 3 || len(api.Regions) != 3 {
		t.Errorf("API %+v", api)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("API %s: %d, want %d", k, got[k], n)
		}
	}
	// Cells come in area order: prevention before patient.
	if len(api.Cells) > 0 && api.Cells[0].Area != "prevention" {
		t.Errorf("first cell %+v", api.Cells[0])
	}

	w = get(t, h, "/compare")
	body := w.Body.String()
	if w.Code != http.StatusOK {
		t.Fatalf("%d %s", w.Code, body)
	}
	page := map[string]int{}
	for _, row := range cellRe.FindAllStringSubmatch(body, -1) {
		for _, c := range countRe.FindAllStringSubmatch(row[2], -1) {
			n, _ := strconv.Atoi(c[2])
			if n > 0 {
				page[html.UnescapeString(row[1])+"|"+html.UnescapeString(c[1])] = n
			}
		}
	}
	if len(page) != len(want) {
		t.Errorf("page cells %v, want %v", page, want)
	}
	for k, n := range want {
		if page[k] != n {
			t.Errorf("page %s: %d, want %d", k, page[k], n)
		}
	}
	if !strings.Contains(body, `id="grand-total">`+strconv.Itoa(total)+`<`) {
		t.Errorf("no grand total %d", total)
	}
	// The area with no records anywhere is no row; the status breakdown
	// shows; a region's markup is text.
	if strings.Contains(body, `data-area="ovrigt"`) || !strings.Contains(body, "Klar 1") || strings.Contains(body, "<script") {
		t.Errorf("rows: %s", body)
	}
	// A cell's count lists its records exactly; its search link finds
	// the region's records under the cell's chapters.
	m := regexp.MustCompile(`data-region="Region X" data-count="2"><a href="([^"]*)" class="count">2</a> <a href="([^"]*)" class="search"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no links for patient × Region X in %s", body)
	}
	unescape := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "&amp;", "&"), "&#43;", "+") }
	target, _, _ := strings.Cut(unescape(m[1]), "#")
	list := getBody(t, h, target)
	if !strings.Contains(list, `id="cell"`) || strings.Count(list, `href="/record?id=`) != 2 ||
		!strings.Contains(list, RecordHref(histOld.ID())) || !strings.Contains(list, RecordHref(histNew.ID())) {
		t.Errorf("cell list %s: %s", m[1], list)
	}
	u, err := url.Parse(unescape(m[2]))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Path != "/" || q.Get("region") != "Region X" || q.Get("type") != "record" || len(q["chapter"]) != 2 {
		t.Errorf("cell search link %s", u)
	}
	w = get(t, h, "/api/search?"+u.RawQuery)
	var res struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || res.Total != 2 {
		t.Errorf("cell search %s: %v %s", u.RawQuery, err, w.Body)
	}
	// An unknown cell lists nothing.
	for _, target := range []string{"/compare?area=nope&region=Region+X", "/compare?area=patient&region=Region+Z", "/compare?area=patient&region=Region+Y"} {
		if strings.Contains(getBody(t, h, target), `id="cell"`) {
			t.Errorf("%s: empty cell listed", target)
		}
	}
}

// The history and comparison are swapped with the index: after a new
// build is published and reloaded, both answer from it.
func TestLiveAcross(t *testing.T) {
	out := t.TempDir()
	loads := 0
	load := func(build string) (*Across, error) {
		loads++
		if strings.HasSuffix(build, "broken") {
			return nil, errors.New("links.jsonl: bad line")
		}
		region := "Region " + filepath.Base(build)
		r := rccplans.Record{DocID: filepath.Base(build), SourceFile: filepath.Base(build) + ".pdf", Page: 1, Region: region, Goal: "Kontaktsjuksköterska för alla"}
		return NewAcross(AcrossData{Records: []rccplans.Record{r},
			Compare: Comparison{Regions: []string{region}, Cells: []CompareCell{{Area: "patient", Region: region, Records: 1}}}}), nil
	}
	l, err := OpenLiveWith(out, load)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.Across(); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("before any build: %v", err)
	}
	h := Handler(Options{Searcher: l, Across: l.Across})
	if w := get(t, h, "/api/compare"); w.Code != http.StatusServiceUnavailable {
		t.Errorf("before any build: %d", w.Code)
	}
	for _, id := range []string{"a", "b"} {
		publish(t, out, id, "Region "+id, 1)
		if swapped, err := l.Reload(); !swapped || err != nil {
			t.Fatalf("build %s: %v %v", id, swapped, err)
		}
		a, err := l.Across()
		if err != nil {
			t.Fatal(err)
		}
		if c := a.Comparison(); len(c.Regions) != 1 || c.Regions[0] != "Region "+id {
			t.Errorf("build %s: comparison %+v", id, c)
		}
		// The index and the history answer from the same build.
		res, err := l.Search(context.Background(), Request{})
		if err != nil || res.Total != 1 {
			t.Fatalf("build %s: %v", id, err)
		}
		if w := get(t, h, "/api/record?id="+url.QueryEscape(res.Hits[0].Record.ID())); w.Code != http.StatusOK {
			t.Errorf("build %s: history of its own hit: %d %s", id, w.Code, w.Body)
		}
	}
	if loads != 2 {
		t.Errorf("%d loads, want one per build", loads)
	}
	// A build whose data does not load is still searched; its history
	// pages say why they are missing.
	publish(t, out, "broken", "Region C", 1)
	if swapped, err := l.Reload(); !swapped || err != nil {
		t.Fatalf("broken: %v %v", swapped, err)
	}
	if _, err := l.Search(context.Background(), Request{}); err != nil {
		t.Errorf("search on a build without history: %v", err)
	}
	if _, err := l.Across(); !errors.Is(err, ErrNoAcross) {
		t.Errorf("broken build: %v", err)
	}
	w := get(t, h, "/compare")
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "links.jsonl: bad line") {
		t.Errorf("broken build: %d %s", w.Code, w.Body)
	}
}

func getBody(t *testing.T, h http.Handler, target string) string {
	t.Helper()
	w := get(t, h, target)
	if w.Code != http.StatusOK {
		t.Fatalf("%s: %d %s", target, w.Code, w.Body)
	}
	return w.Body.String()
}
