package corpus

import (
	"strings"
	"testing"

	"rccplans"
)

func TestAreasOf(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"chapter with two areas", "1. Prevention och tidig diagnostik", []string{"prevention", "screening"}},
		{"phrase spends its words", "Tidig diagnostik i primärvården", []string{"screening"}},
		{"compound inside a word", "Alla ska erbjudas kontaktsjuksköterskor", []string{"patient"}},
		{"short term must start the word", "SVF-förloppen och ledtider", []string{"svf"}},
		{"upper case heading", "PALLIATIV VÅRD OCH VÅRD I LIVETS SLUTSKEDE", []string{"palliativ"}},
		{"å ä ö are letters", "Nivåstrukturering", []string{"nivastrukturering"}},
		{"nothing", "Övriga frågor", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AreasOf(tt.in)
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("AreasOf(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// The Västerbotten plan (2022–2024) against RCC Norr's follow-up of 2021:
// records must link to the follow-up section of their own region for the
// area their chapter shares with it, and never to another region.
func TestLinksPlanToFollowUp(t *testing.T) {
	recs, secs := goldCorpus(t, "000_363f1a49b5c57245", "001_2c1f4fc1918a0a87", "003_9c6630dc416cd882", "004_ee4b379ee5192dfe")
	links := Links(recs, secs, LinkOptions{})

	recByID := map[string]rccplans.Record{}
	for _, r := range recs {
		recByID[r.ID()] = r
	}
	secByID := map[string]rccplans.Section{}
	for _, s := range secs {
		secByID[s.ID()] = s
	}
	bestSection := map[string]string{} // record ID -> section number of its best follow-up link
	for _, l := range links {
		if l.Score < 0.30 || l.Reason == "" {
			t.Errorf("weak or unexplained link kept: %+v", l)
		}
		r := recByID[l.From]
		if l.Kind != rccplans.LinkFollowUp {
			t.Errorf("link of kind %s in a corpus with one plan per region: %+v", l.Kind, l)
			continue
		}
		s, ok := secByID[l.To]
		if !ok {
			t.Fatalf("link to unknown section %q", l.To)
		}
		if s.Region != r.Region {
			t.Errorf("record of %s links to a section on %s (%s %s)", r.Region, s.Region, s.Number, s.Title)
		}
		if _, seen := bestSection[l.From]; !seen { // links come best first per record
			bestSection[l.From] = s.Number
		}
	}
	// Chapter of the Västerbotten plan -> the follow-up section on the same
	// area in "Bilaga 1.1 Uppföljningsrapport från Region Västerbotten".
	want := map[string]string{
		"1. Prevention och tidig diagnostik":               "1.1.2", // Cancerprevention och tidig upptäckt
		"2. Patienter och närstående":                      "1.1.1", // Kontaktsjuksköterska för samtliga cancerpatienter
		"3. Kunskapsstyrning och sammanhållen vårdprocess": "1.1.5", // Kunskapsstyrning
		"5. Kompetensförsörjning":                          "1.1.4", // Förstärkning av kompetens och resurser
	}
	n := 0
	for _, r := range recs {
		w, ok := want[r.Chapter]
		if r.Region != "Region Västerbotten" || !ok {
			continue
		}
		n++
		if got := bestSection[r.ID()]; got != w {
			t.Errorf("%s / %.50q: best follow-up section %q, want %q", r.Chapter, r.Goal, got, w)
		}
	}
	if n == 0 {
		t.Fatal("no Västerbotten records in the shared chapters")
	}
	// Regions with no follow-up in the corpus get no follow-up links.
	for _, l := range links {
		if reg := recByID[l.From].Region; reg == "Region Västmanland" || reg == "Region Blekinge" {
			t.Errorf("%s record linked to %s", reg, l.To)
		}
	}
}

func TestLinksAcrossPlans(t *testing.T) {
	rec := func(doc string, from, to int, area, goal string) rccplans.Record {
		return rccplans.Record{DocID: doc, Region: "Region Test", RCC: "RCC Norr", PeriodFrom: from, PeriodTo: to, AreaCode: area, Goal: goal}
	}
	recs := []rccplans.Record{
		rec("old", 2019, 2021, "2.a", "Alla cancerpatienter ska erbjudas en namngiven kontaktsjuksköterska"),
		rec("old", 2019, 2021, "3.b", "Screening för tjock- och ändtarmscancer ska införas"),
		rec("new", 2022, 2024, "2.a", "Alla cancerpatienter ska ha en namngiven kontaktsjuksköterska och Min vårdplan"),
		rec("new", 2022, 2024, "7", "Nivåstrukturering av kirurgi"),
		{DocID: "other", Region: "Region Annan", PeriodFrom: 2022, PeriodTo: 2024, AreaCode: "2.a", Goal: "Alla cancerpatienter ska erbjudas en namngiven kontaktsjuksköterska"},
	}
	links := Links(recs, nil, LinkOptions{})
	var got []string
	for _, l := range links {
		got = append(got, l.Kind+":"+l.From[:3]+"->"+l.To[:3])
	}
	want := []string{"earlier_plan:new->old", "later_plan:old->new"}
	if len(got) != 2 {
		t.Fatalf("links = %v (%+v), want %v", got, links, want)
	}
	for i := range want {
		if got[i] != want[i] && got[1-i] != want[i] {
			t.Errorf("links = %v, want %v", got, want)
		}
	}
}

func TestCompareCountsRecords(t *testing.T) {
	recs, _ := goldCorpus(t, "000_363f1a49b5c57245", "001_2c1f4fc1918a0a87", "003_9c6630dc416cd882")
	m := Compare(recs)
	perRegion := map[string]int{}
	for _, r := range recs {
		perRegion[r.Region]++
	}
	got := map[string]int{}
	total := 0
	for _, c := range m.Cells {
		got[c.Region] += c.Records
		total += c.Records
		sum := 0
		for _, n := range c.ByStatus {
			sum += n
		}
		if sum != c.Records {
			t.Errorf("%s/%s: statuses add up to %d, records %d", c.Region, c.Area, sum, c.Records)
		}
	}
	if total != len(recs) {
		t.Errorf("matrix holds %d records, want %d", total, len(recs))
	}
	for reg, n := range perRegion {
		if got[reg] != n {
			t.Errorf("%s: %d records in the matrix, want %d", reg, got[reg], n)
		}
	}
	if c := m.Cell("palliativ", "Region Västmanland"); c == nil || c.Records != 3 {
		t.Errorf("Västmanland palliativ vård (4.c.iv, three rows) = %+v", c)
	}
}
