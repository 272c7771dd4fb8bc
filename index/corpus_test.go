package index

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"rccplans"
)

// The test corpus is made of the fixture gold files: every "model" row
// becomes a record (with the document's region, rcc, kind and period), every
// gold section a section, every abbreviation an abbreviation. Record i of
// gold file NNN_… gets DocID "NNN" and Page i+1, so tests can name records
// as "NNN#i" (row index in the gold file).

type goldFile struct {
	Source   string `json:"source"`
	Document struct {
		Region       string `json:"region"`
		RCC          string `json:"rcc"`
		Kind         string `json:"kind"`
		FollowUpYear int    `json:"follow_up_year"`
		Period       *struct {
			From int `json:"from"`
			To   int `json:"to"`
		} `json:"period"`
	} `json:"document"`
	Rows []struct {
		Model rccplans.Record `json:"model"`
	} `json:"rows"`
	Sections []struct {
		Number string `json:"number"`
		Region string `json:"region"`
		Title  string `json:"title"`
		Text   string `json:"text"`
	} `json:"sections"`
	Abbreviations []rccplans.Abbreviation `json:"abbreviations"`
}

type testCorpus struct {
	recs  []rccplans.Record
	secs  []rccplans.Section
	abbrs []rccplans.Abbreviation
}

func loadGold(t testing.TB) testCorpus {
	t.Helper()
	files, err := filepath.Glob("../fixtures/gold/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	sort.Strings(files)
	var c testCorpus
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		id := filepath.Base(f)[:3]
		src := strings.TrimSuffix(g.Source, filepath.Ext(g.Source)) + ".pdf"
		from, to := 0, 0
		if g.Document.Period != nil {
			from, to = g.Document.Period.From, g.Document.Period.To
		}
		for i, row := range g.Rows {
			r := row.Model
			r.DocID, r.SourceFile, r.Page = id, src, i+1
			r.Region, r.RCC, r.Kind, r.PeriodFrom, r.PeriodTo = g.Document.Region, g.Document.RCC, g.Document.Kind, from, to
			c.recs = append(c.recs, r)
		}
		for i, s := range g.Sections {
			c.secs = append(c.secs, rccplans.Section{DocID: id, SourceFile: src, Page: i + 1, RCC: g.Document.RCC,
				Kind: g.Document.Kind, PeriodFrom: from, PeriodTo: to, FollowUpYear: g.Document.FollowUpYear,
				Region: s.Region, Number: s.Number, Title: s.Title, Text: s.Text})
		}
		for _, a := range g.Abbreviations {
			a.DocID, a.SourceFile = id, src
			c.abbrs = append(c.abbrs, a)
		}
	}
	return c
}

var (
	goldOnce  sync.Once
	goldIndex *Index
	goldData  testCorpus
	goldErr   error
	goldDir   string
)

// openGold writes the gold corpus into an index once per test binary.
func openGold(t testing.TB) (*Index, testCorpus) {
	t.Helper()
	goldOnce.Do(func() {
		goldData = loadGold(t)
		goldDir, goldErr = os.MkdirTemp("", "rccplans-index-test-")
		if goldErr != nil {
			return
		}
		dir := filepath.Join(goldDir, "index")
		if goldErr = Write(dir, goldData.recs, goldData.secs, goldData.abbrs); goldErr != nil {
			return
		}
		goldIndex, goldErr = Open(dir)
	})
	if goldErr != nil {
		t.Fatal(goldErr)
	}
	return goldIndex, goldData
}

func TestMain(m *testing.M) {
	code := m.Run()
	if goldIndex != nil {
		goldIndex.Close()
	}
	if goldDir != "" {
		os.RemoveAll(goldDir)
	}
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// name gives a hit's test name: "000#24" for record row 24 of gold 000,
// "004§2.1" for a section.
func name(h Hit) string {
	if h.Record != nil {
		return h.Record.DocID + "#" + itoa(h.Record.Page-1)
	}
	return h.Section.DocID + "§" + h.Section.Number
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
