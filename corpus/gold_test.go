package corpus

import (
	"encoding/json"
	"io/fs"
	"testing"

	"rccplans"
	"rccplans/fixtures"
)

// goldDoc is the part of a gold annotation (fixtures/gold/SCHEMA.md) the
// corpus tests read: records and sections as the extraction should give
// them, independent of the extractors' current quality.
type goldDoc struct {
	Document struct {
		Region string `json:"region"`
		RCC    string `json:"rcc"`
		Kind   string `json:"kind"`
		Period *struct {
			From int `json:"from"`
			To   int `json:"to"`
		} `json:"period"`
		FollowUpYear int `json:"follow_up_year"`
	} `json:"document"`
	Rows []struct {
		Model rccplans.Record `json:"model"`
	} `json:"rows"`
	Sections []rccplans.Section `json:"sections"`
}

// goldCorpus loads the records and sections of the named gold files as a
// build would publish them.
func goldCorpus(t testing.TB, names ...string) ([]rccplans.Record, []rccplans.Section) {
	t.Helper()
	var recs []rccplans.Record
	var secs []rccplans.Section
	for _, name := range names {
		b, err := fs.ReadFile(fixtures.FS, "gold/"+name+".json")
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d := g.Document
		from, to := 0, 0
		if d.Period != nil {
			from, to = d.Period.From, d.Period.To
		}
		for i, row := range g.Rows {
			r := row.Model
			r.DocID, r.SourceFile, r.Page = name, name+".pdf", i+1
			r.Region, r.RCC, r.Kind, r.PeriodFrom, r.PeriodTo = d.Region, d.RCC, d.Kind, from, to
			recs = append(recs, r)
		}
		for _, s := range g.Sections {
			s.DocID, s.SourceFile = name, name+".pdf"
			s.RCC, s.Kind, s.PeriodFrom, s.PeriodTo, s.FollowUpYear = d.RCC, d.Kind, from, to, d.FollowUpYear
			secs = append(secs, s)
		}
	}
	return recs, secs
}
