package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	rp "rccplans"
	"rccplans/corpus"
	"rccplans/index"
)

// acrossBuild writes a small published build the way `rccplans build`
// lays it out: records, sections, links.jsonl (from the real linker),
// compare.json and the index. withDerived false leaves out links.jsonl and
// compare.json (a build from before they existed).
func acrossBuild(t *testing.T, withDerived bool) (out string, recs []rp.Record, secs []rp.Section, links []rp.Link) {
	t.Helper()
	out = t.TempDir()
	build := filepath.Join(out, "builds", "b1")
	if err := os.MkdirAll(build, 0o755); err != nil {
		t.Fatal(err)
	}
	recs = []rp.Record{
		{DocID: "p1", SourceFile: "p1.pdf", Page: 3, Region: "Region X", RCC: "RCC Norr", Kind: "handlingsplan", PeriodFrom: 2022, PeriodTo: 2024,
			Chapter: "2. Kontaktsjuksköterska och Min vårdplan", Goal: "Alla cancerpatienter ska erbjudas en namngiven kontaktsjuksköterska", Status: rp.StatusInProgress},
		{DocID: "p1", SourceFile: "p1.pdf", Page: 5, Region: "Region X", RCC: "RCC Norr", Kind: "handlingsplan", PeriodFrom: 2022, PeriodTo: 2024,
			Chapter: "4. Palliativ vård", Goal: "Brytpunktssamtal dokumenteras för alla i palliativ vård", Status: rp.StatusDone},
		{DocID: "p2", SourceFile: "p2.pdf", Page: 1, Region: "Region Y", RCC: "RCC Syd", Kind: "handlingsplan", PeriodFrom: 2022, PeriodTo: 2024,
			Chapter: "1. Prevention", Goal: "Minska tobaksbruket bland unga", Status: ""},
	}
	secs = []rp.Section{
		{DocID: "f1", SourceFile: "f1.pdf", Page: 8, RCC: "RCC Norr", Kind: "uppfoljning", PeriodFrom: 2022, PeriodTo: 2024, FollowUpYear: 2023,
			Region: "Region X", Number: "1.1.1", Title: "Kontaktsjuksköterska för samtliga cancerpatienter",
			Text: "Alla cancerpatienter erbjuds en namngiven kontaktsjuksköterska och Min vårdplan."},
	}
	links = corpus.Links(recs, secs, corpus.LinkOptions{})
	if _, err := corpus.WriteJSONL(filepath.Join(build, corpus.RecordsFile), recs); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.WriteJSONL(filepath.Join(build, corpus.SectionsFile), secs); err != nil {
		t.Fatal(err)
	}
	if withDerived {
		if _, err := corpus.WriteJSONL(filepath.Join(build, corpus.LinksFile), links); err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(corpus.Compare(recs))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(build, corpus.CompareFile), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := index.Write(filepath.Join(build, index.IndexDir), recs, secs, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("builds", "b1"), filepath.Join(out, "current")); err != nil {
		t.Fatal(err)
	}
	return out, recs, secs, links
}

func TestServeAcross(t *testing.T) {
	for _, tt := range []struct {
		name    string
		derived bool
		links   bool // the contact-nurse goal links to its follow-up
	}{
		{"published links and compare.json", true, true},
		{"older build: compared from records, no links", false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, recs, secs, links := acrossBuild(t, tt.derived)
			if tt.links && !hasLink(links, recs[0].ID(), secs[0].ID()) {
				t.Fatalf("the linker did not link the fixture: %v", links)
			}
			live, err := index.OpenLiveWith(out, loadAcross)
			if err != nil {
				t.Fatal(err)
			}
			defer live.Close()
			h := index.Handler(index.Options{Searcher: live, Build: live.Build, Across: live.Across})

			// The comparison: the API and the page count what compare.json
			// (the build's own count of records.jsonl) counts.
			m := corpus.Compare(recs)
			if tt.derived {
				data, err := os.ReadFile(filepath.Join(out, "current", corpus.CompareFile))
				if err != nil {
					t.Fatal(err)
				}
				m = &corpus.Matrix{}
				if err := json.Unmarshal(data, m); err != nil {
					t.Fatal(err)
				}
			}
			want := map[string]int{}
			for _, c := range m.Cells {
				want[c.Area+"|"+c.Region] = c.Records
			}
			var api index.Comparison
			if code := getJSON(t, h, "/api/compare", &api); code != http.StatusOK {
				t.Fatalf("/api/compare: %d", code)
			}
			got := map[string]int{}
			for _, c := range api.Cells {
				got[c.Area+"|"+c.Region] = c.Records
			}
			if len(got) != len(want) {
				t.Errorf("API cells %v, want %v", got, want)
			}
			for k, n := range want {
				if got[k] != n {
					t.Errorf("API %s: %d, want %d", k, got[k], n)
				}
			}
			titles := map[string]bool{}
			for _, a := range api.Areas {
				titles[a.Title] = a.Title != "" && a.Title != a.Key
			}
			if len(api.Areas) != len(corpus.NationalAreas)+1 || !titles["Palliativ vård"] {
				t.Errorf("areas %+v", api.Areas)
			}
			body := getBody(t, h, "/compare")
			for k, n := range want {
				area, region, _ := strings.Cut(k, "|")
				re := regexp.MustCompile(`(?s)<tr data-area="` + regexp.QuoteMeta(area) + `">.*?data-region="` + regexp.QuoteMeta(region) + `" data-count="(\d+)"`)
				m := re.FindStringSubmatch(body)
				if m == nil || m[1] != strconv.Itoa(n) {
					t.Errorf("page %s: %v, want %d", k, m, n)
				}
			}

			// The history of the contact-nurse goal.
			var hist index.History
			if code := getJSON(t, h, "/api/record?id="+url.QueryEscape(recs[0].ID()), &hist); code != http.StatusOK {
				t.Fatalf("/api/record: %d", code)
			}
			var follow []index.Event
			for _, e := range hist.Timeline {
				if e.Kind == rp.LinkFollowUp {
					follow = append(follow, e)
				}
			}
			if tt.links && (len(follow) != 1 || follow[0].ID != secs[0].ID() || follow[0].Year != 2023 || follow[0].Source != "/source/f1.pdf#page=8") {
				t.Errorf("follow-ups %+v", follow)
			}
			if !tt.links && len(hist.Timeline) != 1 {
				t.Errorf("timeline without links %+v", hist.Timeline)
			}
			page := getBody(t, h, "/record?id="+url.QueryEscape(recs[0].ID()))
			if strings.Contains(page, "1.1.1 Kontaktsjuksköterska för samtliga") != tt.links {
				t.Errorf("record page, follow-up shown: %v", !tt.links)
			}
		})
	}
}

func hasLink(links []rp.Link, from, to string) bool {
	for _, l := range links {
		if l.From == from && l.To == to {
			return true
		}
	}
	return false
}

func getBody(t *testing.T, h http.Handler, target string) string {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
	if w.Code != http.StatusOK {
		t.Fatalf("%s: %d %s", target, w.Code, w.Body)
	}
	return w.Body.String()
}

func getJSON(t *testing.T, h http.Handler, target string, v any) int {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
	if w.Code == http.StatusOK {
		if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
			t.Fatalf("%s: %v", target, err)
		}
	}
	return w.Code
}
