package normalize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rccplans"
)

// goldPlan is the part of a gold file (fixtures/gold/SCHEMA.md) that the
// record tests use.
type goldPlan struct {
	Document struct {
		Title string `json:"title"`
	} `json:"document"`
	Columns []string `json:"columns"`
	Rows    []struct {
		Chapter string            `json:"chapter"`
		Section string            `json:"section"`
		Cells   map[string]string `json:"cells"`
		Model   map[string]string `json:"model"`
	} `json:"rows"`
}

var modelFields = []string{
	"chapter", "section", "area_code", "area", "goal_number", "goal",
	"current_state", "target", "rcc_activity", "activity", "responsible",
	"timeframe", "status_raw", "status", "follow_up", "evaluation",
}

func field(r rccplans.Record, name string) string {
	return map[string]string{
		"chapter": r.Chapter, "section": r.Section, "area_code": r.AreaCode, "area": r.Area,
		"goal_number": r.GoalNumber, "goal": r.Goal, "current_state": r.CurrentState, "target": r.Target,
		"rcc_activity": r.RCCActivity, "activity": r.Activity, "responsible": r.Responsible,
		"timeframe": r.Timeframe, "status_raw": r.StatusRaw, "status": r.Status,
		"follow_up": r.FollowUp, "evaluation": r.Evaluation,
	}[name]
}

// layoutFromGold builds the layout a perfect reader would give for a gold
// file: the title, then per chapter a level-1 heading, per section a
// level-2 heading, and a table with the gold header and cells.
func layoutFromGold(g goldPlan) *rccplans.Layout {
	l := &rccplans.Layout{SourceFile: "gold", Format: "test"}
	l.Blocks = append(l.Blocks, rccplans.Block{Kind: rccplans.BlockHeading, Level: 1, Text: g.Document.Title})
	var tb *rccplans.Table
	chapter, section := "\x00", "\x00"
	for _, row := range g.Rows {
		if row.Chapter != chapter {
			chapter, section = row.Chapter, "\x00"
			if chapter != "" {
				l.Blocks = append(l.Blocks, rccplans.Block{Kind: rccplans.BlockHeading, Level: 1, Text: chapter})
			}
			tb = nil
		}
		if row.Section != section {
			section = row.Section
			if section != "" {
				l.Blocks = append(l.Blocks, rccplans.Block{Kind: rccplans.BlockHeading, Level: 2, Text: section})
			}
			tb = nil
		}
		if tb == nil {
			tb = &rccplans.Table{Header: [][]string{g.Columns}}
			l.Blocks = append(l.Blocks, rccplans.Block{Kind: rccplans.BlockTable, Table: tb})
		}
		var cells []rccplans.Cell
		for _, c := range g.Columns {
			cells = append(cells, rccplans.Cell{Text: row.Cells[c]})
		}
		tb.Rows = append(tb.Rows, rccplans.Row{Cells: cells})
	}
	return l
}

// otherWording is how other regions print the same columns.
var otherWording = map[string]string{
	"Område":                               "Fokusområde",
	"Uppdrag/Mål enligt RCC Mellansverige": "Mål enligt cancerplanen",
	"Aktivitet från RCC":                   "Aktiviteter RCC",
	"Aktivitet i RV":                       "Aktivitet i regionen",
	"Ansvarig-Tidsram":                     "Ansvar och tidsram",
	"Mål":                                  "Målsättning",
	"Mätbar målnivå":                       "Målvärde",
	"Aktiviteter för måluppfyllelse":       "Åtgärder",
	"Tidsplan":                             "Tidplan",
	"Uppföljning":                          "Uppfölj- ning*",
	"Målbild":                              "Delmål",
	"Planerade aktiviteter":                "Insatser",
	"Nuläge och ansvar":                    "Nuläge/ansvar",
}

// reword gives the layout other header words, splits each header over
// two printed rows (as a wrapped header comes out of a ruled table), and
// replaces heading levels by font sizes.
func reword(l *rccplans.Layout) *rccplans.Layout {
	out := &rccplans.Layout{SourceFile: l.SourceFile, Format: l.Format}
	for _, b := range l.Blocks {
		switch b.Kind {
		case rccplans.BlockHeading:
			b.Size = float64(20 - 3*b.Level)
			b.Level = 0
		case rccplans.BlockTable:
			tb := *b.Table
			top := make([]string, len(tb.Header[0]))
			bottom := make([]string, len(tb.Header[0]))
			for i, h := range tb.Header[0] {
				if w, ok := otherWording[h]; ok {
					h = w
				}
				f := strings.Fields(h)
				top[i] = strings.Join(f[:(len(f)+1)/2], " ")
				bottom[i] = strings.Join(f[(len(f)+1)/2:], " ")
			}
			tb.Header = [][]string{top, bottom}
			b.Table = &tb
		}
		out.Blocks = append(out.Blocks, b)
	}
	return out
}

func TestRecordsFromGoldLayout(t *testing.T) {
	files, _ := filepath.Glob("../fixtures/gold/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldPlan
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatal(err)
		}
		if len(g.Rows) == 0 {
			continue
		}
		for _, variant := range []string{"as printed", "other wording"} {
			t.Run(filepath.Base(f)+"/"+variant, func(t *testing.T) {
				l := layoutFromGold(g)
				if variant != "as printed" {
					l = reword(l)
				}
				doc := Document(l)
				if len(doc.Records) != len(g.Rows) {
					t.Fatalf("%d records, want %d", len(doc.Records), len(g.Rows))
				}
				total, right := 0, 0
				for i, row := range g.Rows {
					for _, name := range modelFields {
						total++
						got := field(doc.Records[i], name)
						if strings.Join(strings.Fields(got), " ") == strings.Join(strings.Fields(row.Model[name]), " ") {
							right++
							continue
						}
						t.Logf("row %d %s: got %q, want %q", i+1, name, got, row.Model[name])
						if name == "status" {
							t.Errorf("row %d: status %q, want %q", i+1, got, row.Model[name])
						}
					}
				}
				if acc := float64(right) / float64(total); acc < 0.99 {
					t.Errorf("field accuracy %.4f (%d/%d), want >= 0.99", acc, right, total)
				}
			})
		}
	}
}
