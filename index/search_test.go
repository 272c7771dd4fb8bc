package index

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"rccplans"
)

func searchNames(t *testing.T, x *Index, r Request) ([]string, *Result) {
	t.Helper()
	r.Size = MaxSize
	res, err := x.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("%+v: %v", r, err)
	}
	var names []string
	for _, h := range res.Hits {
		names = append(names, name(h))
	}
	if uint64(len(names)) != res.Total {
		t.Fatalf("%q: %d hits on the page, total %d", r.Query, len(names), res.Total)
	}
	sort.Strings(names)
	return names, res
}

// The records a person would expect for the Done-when queries, read off the
// fixture gold files (NNN#i = row i of gold NNN, NNN§N = section N).
var (
	// Every record and section about contact nurses: "kontaktsjuksköterska",
	// "-skor", "-skorna", "-skans", and KSSK alone (001#11).
	contactNurse = []string{"000#0", "000#24", "000#25", "000#4", "001#11", "001#8", "003#21", "003#3",
		"004§1.1.1", "004§1.2.1", "004§1.3.1", "004§1.3.2", "004§1.3.5", "004§1.3.8", "004§1.4.1", "004§1.4.5", "004§2.1", "004§2.8"}
	// Nurses of every kind: the contact nurses (also 001#11, which says only KSSK) plus "sjuksköterskor",
	// "forskningssjuksköterskor", "specialistsjuksköterskor", "barnsjuksköterskor".
	nurses = append(slices.Clone(contactNurse), "000#11", "000#30", "000#39", "001#15", "001#28", "001#40", "003#23",
		"004§1.2.4", "004§1.2.7", "004§1.2.8", "004§1.3.4", "004§1.3.7")
	// "screeningprogrammet" in Västmanland's prevention rows.
	screening = []string{"000#8", "000#9"}
	// palliative care: "palliativ vård", "palliativa vården", "vård i livets slut … palliativ",
	// and 001#15, the palliative consultation teams under the chapter "… sammanhållen vårdprocess".
	palliative = []string{"000#21", "000#22", "000#30", "000#31", "000#32", "001#15", "003#11", "003#12",
		"004§1.1.7", "004§1.2.7", "004§1.3.7", "004§1.4.7", "004§2.7"}
)

func sorted(s []string) []string { s = slices.Clone(s); sort.Strings(s); return s }

func TestSwedishQueries(t *testing.T) {
	x, _ := openGold(t)
	tests := []struct {
		query   string
		want    []string // exactly these
		include []string // at least these
		exclude []string
	}{
		{query: "kontaktsjuksköterska", want: contactNurse},
		{query: "Kontaktsjuksköterskan", want: contactNurse},
		{query: "KSSK", want: contactNurse},
		{query: "kssk", want: contactNurse},
		{query: "sjuksköterskor", want: nurses},
		{query: "sjuksköterska", want: nurses},
		{query: "screeningprogram", want: screening},
		{query: "screeningprogrammet", want: screening},
		{query: "palliativ vård", want: palliative},
		{query: "palliativa vården", want: palliative},
		// SVF both ways: 000#5 says only "SVF", 003#4 only "standardiserade vårdförlopp".
		{query: "SVF", include: []string{"000#5", "003#4", "004§1.1.4", "004§1.1.5"}},
		{query: "standardiserade vårdförlopp", include: []string{"000#5", "003#4", "004§1.1.4", "004§1.1.5"}},
		// The documents' own Förkortningar (004): MDK, LPO; the curated list for the rest.
		{query: "MDK", include: []string{"000#25", "003#6", "004§1.3.2"}},
		{query: "multidisciplinär konferens", include: []string{"000#25", "003#6"}},
		// å, ä and ö are letters of their own.
		{query: "vardforlopp", want: nil},
		{query: "palliativ vard", want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			got, _ := searchNames(t, x, Request{Query: tc.query})
			if tc.want != nil || (tc.include == nil && tc.exclude == nil) {
				if !reflect.DeepEqual(got, sorted(tc.want)) && !(len(got) == 0 && len(tc.want) == 0) {
					t.Errorf("got  %v\nwant %v", got, sorted(tc.want))
				}
			}
			for _, w := range tc.include {
				if !slices.Contains(got, w) {
					t.Errorf("%s not found; got %v", w, got)
				}
			}
			for _, w := range tc.exclude {
				if slices.Contains(got, w) {
					t.Errorf("%s found", w)
				}
			}
		})
	}
	// Both directions of an abbreviation give the same records.
	a, _ := searchNames(t, x, Request{Query: "SVF"})
	b, _ := searchNames(t, x, Request{Query: "standardiserade vårdförlopp"})
	if !reflect.DeepEqual(a, b) {
		t.Errorf("SVF %v\nstandardiserade vårdförlopp %v", a, b)
	}
}

func TestRanking(t *testing.T) {
	x, _ := openGold(t)
	// The record that names contact nurses most should come first.
	_, res := searchNames(t, x, Request{Query: "kontaktsjuksköterska", Filters: map[string][]string{"type": {"record"}}})
	if len(res.Hits) == 0 || res.Hits[0].Record == nil {
		t.Fatal("no record hits")
	}
	if !strings.Contains(strings.ToLower(res.Hits[0].Record.Goal+res.Hits[0].Record.Area+res.Hits[0].Record.Activity), "kontaktsjuksköterska") {
		t.Errorf("first hit does not name kontaktsjuksköterska: %+v", res.Hits[0].Record)
	}
}

// matches applies a request's filters to a record or section the way the
// index should, for the expected counts.
func matches(filters map[string][]string, skip string, kv map[string]string, from, to int) bool {
	for k, vs := range filters {
		if k == skip {
			continue
		}
		ok := false
		for _, v := range vs {
			if k == "period" && len(v) == 4 {
				y, _ := strconv.Atoi(v)
				ok = ok || (from <= y && y <= to && from > 0)
			} else {
				ok = ok || kv[k] == v
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func values(r *rccplans.Record, s *rccplans.Section) (map[string]string, int, int) {
	if r != nil {
		return map[string]string{"type": "record", "region": r.Region, "rcc": r.RCC, "kind": r.Kind, "status": r.Status,
			"period": period(r.PeriodFrom, r.PeriodTo), "chapter": r.Chapter, "area_code": r.AreaCode, "doc_id": r.DocID,
			"source_file": r.SourceFile}, r.PeriodFrom, r.PeriodTo
	}
	return map[string]string{"type": "section", "region": s.Region, "rcc": s.RCC, "kind": s.Kind,
		"period": period(s.PeriodFrom, s.PeriodTo), "doc_id": s.DocID, "source_file": s.SourceFile}, s.PeriodFrom, s.PeriodTo
}

// TestFacetCounts: the facet counts equal counts over the same records
// (records.jsonl and sections.jsonl of the build) under the same filters; a
// field with a filter of its own is counted under the other filters only
// (multi-select).
func TestFacetCounts(t *testing.T) {
	x, c := openGold(t)
	tests := []map[string][]string{
		{},
		{"region": {"Region Västmanland"}},
		{"region": {"Region Västmanland", "Region Blekinge"}},
		{"status": {"in_progress"}},
		{"status": {"in_progress", "not_started"}, "rcc": {"RCC Mellansverige", "RCC Syd"}},
		{"kind": {"uppfoljning"}, "region": {"Region Norrbotten"}},
		{"period": {"2023"}},
		{"period": {"2019–2021"}},
		{"chapter": {"Prevention och tidig diagnostik, Kapitel 3"}},
		{"type": {"record"}, "status": {"done"}},
	}
	for _, filters := range tests {
		b, _ := json.Marshal(filters)
		t.Run(string(b), func(t *testing.T) {
			res, err := x.Search(context.Background(), Request{Filters: filters})
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]map[string]int{}
			total := 0
			count := func(kv map[string]string, from, to int) {
				if matches(filters, "", kv, from, to) {
					total++
				}
				for _, f := range Facets {
					skip := ""
					if len(filters[f]) > 0 {
						skip = f
					}
					if kv[f] != "" && matches(filters, skip, kv, from, to) {
						if want[f] == nil {
							want[f] = map[string]int{}
						}
						want[f][kv[f]]++
					}
				}
			}
			for i := range c.recs {
				count(values(&c.recs[i], nil))
			}
			for i := range c.secs {
				count(values(nil, &c.secs[i]))
			}
			if int(res.Total) != total {
				t.Errorf("total %d, want %d", res.Total, total)
			}
			for _, f := range Facets {
				got := map[string]int{}
				for _, cn := range res.Facets[f] {
					got[cn.Value] = cn.Count
				}
				w := want[f]
				if w == nil {
					w = map[string]int{}
				}
				if !reflect.DeepEqual(got, w) {
					t.Errorf("facet %s: got %v, want %v", f, got, w)
				}
			}
		})
	}
}

// An empty query with filters lists every matching record, in document order.
func TestEmptyQueryLists(t *testing.T) {
	x, c := openGold(t)
	var want []string
	for i := range c.recs {
		if c.recs[i].Region == "Region Blekinge" {
			want = append(want, c.recs[i].DocID+"#"+strconv.Itoa(c.recs[i].Page-1))
		}
	}
	res, err := x.Search(context.Background(), Request{Filters: map[string][]string{"region": {"Region Blekinge"}}, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, name(h))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	// Paging walks the same list.
	var paged []string
	for p := 1; ; p++ {
		res, err := x.Search(context.Background(), Request{Filters: map[string][]string{"region": {"Region Blekinge"}}, Size: 7, Page: p})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			break
		}
		for _, h := range res.Hits {
			paged = append(paged, name(h))
		}
	}
	if !reflect.DeepEqual(paged, want) {
		t.Errorf("paged %v\nwant %v", paged, want)
	}
}

func TestQueryString(t *testing.T) {
	x, _ := openGold(t)
	tests := []struct {
		query string
		want  func(h Hit) bool
		err   error
	}{
		{`+region:"Region Blekinge" +palliativ`, func(h Hit) bool { return h.Record != nil && h.Record.Region == "Region Blekinge" }, nil},
		{`status:done`, func(h Hit) bool { return h.Record != nil && h.Record.Status == "done" }, nil},
		{`"palliativ vård" -region:"Region Västmanland"`, func(h Hit) bool { return h.Region() != "Region Västmanland" }, nil},
		{`screening*`, func(h Hit) bool { return true }, nil},
		{`goal:"unclosed`, nil, ErrBadQuery},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			if Syntax(tc.query) != "query_string" {
				t.Fatalf("Syntax(%q) = %s", tc.query, Syntax(tc.query))
			}
			res, err := x.Search(context.Background(), Request{Query: tc.query, Size: 100})
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if res.Total == 0 {
				t.Fatal("no hits")
			}
			for _, h := range res.Hits {
				if !tc.want(h) {
					t.Errorf("unexpected hit %s", name(h))
				}
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		in   Request
		want Request
		err  error
	}{
		{"defaults", Request{}, Request{Page: 1, Size: DefaultSize, Filters: map[string][]string{}}, nil},
		{"size capped", Request{Size: 5000}, Request{Page: 1, Size: MaxSize, Filters: map[string][]string{}}, nil},
		{"query too long", Request{Query: strings.Repeat("a", MaxQuery+1)}, Request{}, ErrBadQuery},
		{"too deep", Request{Page: MaxOffset, Size: 100}, Request{}, ErrBadQuery},
		{"unknown filter", Request{Filters: map[string][]string{"password": {"x"}}}, Request{}, ErrBadQuery},
		{"unknown sort", Request{Sort: "random"}, Request{}, ErrBadQuery},
		{"not utf-8", Request{Query: "\xff"}, Request{}, ErrBadQuery},
		{"filters cleaned", Request{Filters: map[string][]string{"region": {" B ", "A", "", "A"}}},
			Request{Page: 1, Size: DefaultSize, Filters: map[string][]string{"region": {"A", "B"}}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.in.Normalize()
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err == nil && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestNorm(t *testing.T) {
	tests := []struct {
		forms []string
	}{
		{[]string{"program", "programmet", "programmen", "programmets"}},
		{[]string{"sjuksköterska", "sjuksköterskan", "sjuksköterskor", "sjuksköterskorna", "sjuksköterskans"}},
		{[]string{"palliativ", "palliativa", "palliativt"}},
		{[]string{"vård", "vården", "vårdens"}},
		{[]string{"resultat", "resultatet"}},
	}
	for _, tc := range tests {
		for _, f := range tc.forms[1:] {
			if norm(f) != norm(tc.forms[0]) {
				t.Errorf("norm(%q) = %q, norm(%q) = %q", f, norm(f), tc.forms[0], norm(tc.forms[0]))
			}
		}
	}
	// å, ä and ö stay letters of their own.
	for _, p := range [][2]string{{"vård", "vard"}, {"för", "for"}, {"mål", "mal"}} {
		if norm(p[0]) == norm(p[1]) {
			t.Errorf("%s and %s have the same normal form", p[0], p[1])
		}
	}
}

func TestSyntax(t *testing.T) {
	tests := []struct{ q, want string }{
		{"kontaktsjuksköterska", "text"},
		{"palliativ vård", "text"},
		{"PET-DT", "text"},
		{"patient-och närstående", "text"},
		{"goal:vård", "query_string"},
		{`"palliativ vård"`, "query_string"},
		{"vård*", "query_string"},
		{"+region:x", "query_string"},
		{"cancer -prostata", "query_string"},
	}
	for _, tc := range tests {
		if got := Syntax(tc.q); got != tc.want {
			t.Errorf("Syntax(%q) = %s, want %s", tc.q, got, tc.want)
		}
	}
}

// writeSmall writes an index of the given records into a temp folder.
func writeSmall(t testing.TB, recs []rccplans.Record, secs []rccplans.Section, abbrs []rccplans.Abbreviation) *Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	if err := Write(dir, recs, secs, abbrs); err != nil {
		t.Fatal(err)
	}
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func TestHighlightEscapes(t *testing.T) {
	x := writeSmall(t, []rccplans.Record{{DocID: "d", SourceFile: "a.pdf", Page: 3, Region: "Region X",
		Goal: `<script>alert("x")</script> Alla patienter ska ha en namngiven kontaktsjuksköterska & <b>Min vårdplan</b>`}}, nil, nil)
	for _, q := range []string{"kontaktsjuksköterska", "KSSK", "script", "Min vårdplan"} {
		res, err := x.Search(context.Background(), Request{Query: q})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("%s: %v %+v", q, err, res)
		}
		hl := res.Hits[0].Highlights["goal"]
		if len(hl) != 1 {
			t.Fatalf("%s: highlights %v", q, res.Hits[0].Highlights)
		}
		s := hl[0]
		stripped := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
		if strings.Contains(s, "<script") || strings.Contains(s, "<b>") || !strings.Contains(stripped, "&lt;b&gt;") || !strings.Contains(s, "&amp;") {
			t.Errorf("%s: not escaped: %s", q, s)
		}
		if strings.Count(s, "<mark>") == 0 || strings.Count(s, "<mark>") != strings.Count(s, "</mark>") {
			t.Errorf("%s: marks: %s", q, s)
		}
		if strings.ContainsAny(stripped, "<>") {
			t.Errorf("%s: raw angle bracket left: %s", q, s)
		}
	}
}

func TestHitJSON(t *testing.T) {
	h := Hit{ID: "r1", Score: 1.5, Record: &rccplans.Record{Region: "Region X", Goal: "g"}, Highlights: map[string][]string{"goal": {"<mark>g</mark>"}}}
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	if m["type"] != "record" || m["region"] != "Region X" || m["goal"] != "g" || m["id"] != "r1" || m["highlights"] == nil || m["status"] != "" {
		t.Errorf("%s", b)
	}
}

func TestWriteRefusesExisting(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, nil, nil, nil); err == nil {
		t.Fatal("Write into an existing folder succeeded")
	}
}

func TestOpenMissing(t *testing.T) {
	if _, err := Open(t.TempDir()); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("err %v, want ErrNoIndex", err)
	}
}

func TestDecompounding(t *testing.T) {
	c := newCompounder()
	c.learn("sjuksköterskor program vård screening kontakt forskning")
	c.freeze()
	tests := []struct {
		word string
		want []string
	}{
		{"kontaktsjuksköterska", []string{"sjukskötersk", "kontak"}},          // normal forms of tail and head
		{"forskningssjuksköterskorna", []string{"sjukskötersk", "forskning"}}, // linking s
		{"cancervården", []string{"vård"}},                                    // "cancer" is no word here
		{"screeningprogrammet", []string{"program", "screening"}},
		{"sjuksköterskor", nil}, // a word of its own, no head
		{"vård", nil},
		{"2022–2024", nil},
	}
	for _, tc := range tests {
		if got := c.tails(tc.word); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("tails(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
