package normalize

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"

	"rccplans"
	"rccplans/extract"
)

// goldSections is the part of a gold file (fixtures/gold/SCHEMA.md) the
// section and abbreviation tests compare.
type goldSections struct {
	Document struct {
		RCC    string `json:"rcc"`
		Kind   string `json:"kind"`
		Period struct {
			From int `json:"from"`
			To   int `json:"to"`
		} `json:"period"`
		FollowUpYear int `json:"follow_up_year"`
	} `json:"document"`
	Sections []struct {
		Number, Region, Title, Text string
	} `json:"sections"`
	Abbreviations []struct {
		Short, Long string
	} `json:"abbreviations"`
}

func readGold(t *testing.T, stem string) goldSections {
	t.Helper()
	data, err := os.ReadFile("../fixtures/gold/" + stem + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldSections
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// squash drops all white space: the gold compares titles and texts
// "ignoring white space".
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func seedDoc(g goldSections) *rccplans.Document {
	return &rccplans.Document{RCC: g.Document.RCC, Kind: g.Document.Kind, PeriodFrom: g.Document.Period.From,
		PeriodTo: g.Document.Period.To, FollowUpYear: g.Document.FollowUpYear}
}

// TestSectionsSeedAgainstGold reads the follow-up report's text seed and
// compares its sections with the gold: every numbered section found with
// its region, and title and text equal (ignoring white space) for at
// least 95% of them (issue 3).
func TestSectionsSeedAgainstGold(t *testing.T) {
	const stem = "004_ee4b379ee5192dfe"
	data, err := os.ReadFile("../fixtures/seeds/" + stem + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	l, err := extract.Text(stem+".txt", data)
	if err != nil {
		t.Fatal(err)
	}
	checkSections(t, l, readGold(t, stem))
}

// TestSectionsPDFAgainstGold: the same report as a PDF, through the PDF
// reader's blocks (headings by font size and weight).
func TestSectionsPDFAgainstGold(t *testing.T) {
	const stem = "004_ee4b379ee5192dfe"
	data, err := os.ReadFile("../fixtures/corpus/" + stem + "-word.pdf")
	if err != nil {
		t.Fatal(err)
	}
	l, err := extract.Read(context.Background(), stem+"-word.pdf", data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSections(t, l, readGold(t, stem))
}

func checkSections(t *testing.T, l *rccplans.Layout, g goldSections) {
	t.Helper()
	got := sections(l, seedDoc(g))
	byNum := map[string]rccplans.Section{}
	for _, s := range got {
		if _, dup := byNum[s.Number]; dup {
			t.Errorf("section %s found twice", s.Number)
		}
		byNum[s.Number] = s
	}
	found, regions, titles, texts := 0, 0, 0, 0
	for _, w := range g.Sections {
		s, ok := byNum[w.Number]
		if !ok {
			t.Errorf("section %s %q not found", w.Number, w.Title)
			continue
		}
		found++
		if s.Region == w.Region {
			regions++
		} else {
			t.Errorf("section %s: region %q, want %q", w.Number, s.Region, w.Region)
		}
		if squash(s.Title) == squash(w.Title) {
			titles++
		} else {
			t.Logf("section %s: title %q, want %q", w.Number, s.Title, w.Title)
		}
		if squash(s.Text) == squash(w.Text) {
			texts++
		} else {
			t.Logf("section %s: text differs:\n got %q\nwant %q", w.Number, s.Text, w.Text)
		}
		if s.RCC != g.Document.RCC || s.FollowUpYear != g.Document.FollowUpYear || s.PeriodFrom != g.Document.Period.From {
			t.Errorf("section %s: metadata %q %d %d", w.Number, s.RCC, s.FollowUpYear, s.PeriodFrom)
		}
	}
	if len(got) != len(g.Sections) {
		t.Errorf("%d sections, want %d", len(got), len(g.Sections))
	}
	n := len(g.Sections)
	t.Logf("sections found %d/%d, regions %d/%d, titles %d/%d, texts %d/%d", found, n, regions, n, titles, n, texts, n)
	if titles*100 < 95*n || texts*100 < 95*n {
		t.Errorf("titles %d/%d, texts %d/%d: want at least 95%% each", titles, n, texts, n)
	}
}
