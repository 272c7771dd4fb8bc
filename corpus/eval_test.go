package corpus

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"rccplans"
	"rccplans/extract"
)

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"same", "Öka screening för bröstcancer", "öka  screening, för bröstcancer", 1},
		{"empty both", "", " ", 1},
		{"one empty", "a", "", 0},
		{"disjoint", "alfa beta", "gamma delta", 0},
		{"half", "a b c d", "a b x y", 0.5},
		{"repeats count once each", "a a", "a b", 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Similarity(tt.a, tt.b); got != tt.want {
				t.Errorf("Similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestSameText(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Region  Västmanland", "Region Västmanland", true},
		{"a\n\nb", "a b", true},
		{"Påbörjad", "påbörjad", false},
		{"", " \t", true},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			if got := SameText(tt.a, tt.b); got != tt.want {
				t.Errorf("SameText(%q, %q) = %v", tt.a, tt.b, got)
			}
		})
	}
}

func TestMatchOneToOne(t *testing.T) {
	// Gold 0 likes found 1 best, gold 1 likes found 1 too but less: the
	// best pair wins and gold 1 takes what is left.
	sims := [][]float64{
		{0.5, 0.9, 0},
		{0.6, 0.8, 0},
		{0, 0, 0},
	}
	got := MatchOneToOne(3, 3, func(i, j int) float64 { return sims[i][j] })
	want := [][2]int{{0, 1}, {1, 0}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestSeedOf(t *testing.T) {
	tests := map[string]string{
		"000_363f-word.pdf":          "000_363f",
		"seeds/001_2c1f.txt":         "001_2c1f",
		"003_9c66-open.pdf":          "003_9c66",
		"noext":                      "noext",
		"/a/b/004_ee4b-word.pdf.bak": "004_ee4b",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := SeedOf(in); got != want {
				t.Errorf("SeedOf(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

// recordFromModel builds the record a perfect extraction would give.
func recordFromModel(m map[string]string) rccplans.Record {
	return rccplans.Record{
		Chapter: m["chapter"], Section: m["section"], AreaCode: m["area_code"], Area: m["area"],
		GoalNumber: m["goal_number"], Goal: m["goal"], CurrentState: m["current_state"],
		Target: m["target"], RCCActivity: m["rcc_activity"], Activity: m["activity"],
		Responsible: m["responsible"], Timeframe: m["timeframe"], StatusRaw: m["status_raw"],
		Status: m["status"], FollowUp: m["follow_up"], Evaluation: m["evaluation"],
	}
}

func readGoldFixture(t *testing.T, seed string) *Gold {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "gold", seed+".json"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := ReadGold(data)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestScoreDocument(t *testing.T) {
	g := readGoldFixture(t, "000_363f1a49b5c57245")
	perfect := &rccplans.Document{
		Title: g.Document.Title, Region: g.Document.Region, RCC: g.Document.RCC, Kind: g.Document.Kind,
		PeriodFrom: g.Document.Period.From, PeriodTo: g.Document.Period.To,
	}
	// Reverse order: matching must not depend on it.
	for i := len(g.Rows) - 1; i >= 0; i-- {
		perfect.Records = append(perfect.Records, recordFromModel(g.Rows[i].Model))
	}
	s := ScoreDocument(g, perfect)
	if s.RowRecall() != 1 || s.RowPrecision() != 1 || s.FieldAccuracy() != 1 || s.StatusAccuracy() != 1 || s.MetaRight != s.Meta {
		t.Errorf("perfect extraction scored %+v", s)
	}

	// One status wrong, one row missing, one spurious record.
	broken := *perfect
	broken.Records = append([]rccplans.Record(nil), perfect.Records[1:]...)
	broken.Records[0].Status = "done"
	broken.Records[0].StatusRaw = "Klar"
	broken.Records = append(broken.Records, rccplans.Record{Goal: "något helt annat", Activity: "utan motsvarighet"})
	s = ScoreDocument(g, &broken)
	if s.Matched != len(g.Rows)-1 || s.Found != len(g.Rows) {
		t.Errorf("matched %d found %d, want %d %d", s.Matched, s.Found, len(g.Rows)-1, len(g.Rows))
	}
	if want := len(g.Rows) - 2; s.StatusRight != want {
		t.Errorf("status right %d, want %d", s.StatusRight, want)
	}
	if want := s.Fields - len(ModelFields) - 2; s.FieldsRight != want {
		t.Errorf("fields right %d, want %d", s.FieldsRight, want)
	}

	if s := ScoreDocument(g, nil); s.Matched != 0 || s.FieldsRight != 0 || s.GoldRows != len(g.Rows) {
		t.Errorf("nil document scored %+v", s)
	}
}

func TestScoreCompletedGoals(t *testing.T) {
	g := readGoldFixture(t, "003_9c6630dc416cd882")
	doc := &rccplans.Document{}
	for _, r := range g.Rows {
		doc.Records = append(doc.Records, recordFromModel(r.Model))
	}
	for _, c := range g.CompletedGoals {
		doc.Records = append(doc.Records, rccplans.Record{GoalNumber: c.Number, Goal: c.Text, Status: rccplans.StatusDone})
	}
	s := ScoreDocument(g, doc)
	if s.CompletedFound != len(g.CompletedGoals) || s.Found != len(g.Rows) || s.RowPrecision() != 1 {
		t.Errorf("completed %d/%d, found %d, precision %v", s.CompletedFound, s.GoldCompleted, s.Found, s.RowPrecision())
	}
}

func TestScoreSections(t *testing.T) {
	g := readGoldFixture(t, "004_ee4b379ee5192dfe")
	var secs []rccplans.Section
	for _, gs := range g.Sections {
		secs = append(secs, rccplans.Section{Number: gs.Number, Region: gs.Region, Title: gs.Title, Text: gs.Text})
	}
	secs[0].Text += " extra"
	secs[1].Region = ""
	var abbrs []rccplans.Abbreviation
	for _, a := range g.Abbreviations {
		abbrs = append(abbrs, rccplans.Abbreviation{Short: a.Short, Long: a.Long})
	}
	s := ScoreDocument(g, &rccplans.Document{Sections: secs, Abbreviations: abbrs})
	n := len(g.Sections)
	if s.SectionsMatch != n || s.TitleRight != n || s.TextRight != n-1 || s.RegionRight != n-1 {
		t.Errorf("sections %+v", s)
	}
	if s.AbbrRight != len(g.Abbreviations) {
		t.Errorf("abbreviations right %d of %d", s.AbbrRight, len(g.Abbreviations))
	}
}

func TestScoreCatalog(t *testing.T) {
	g := readGoldFixture(t, "002_a666bb7b6b11eeb1")
	var entries []Entry
	for _, ge := range g.Catalog {
		e := Entry{RCC: ge.RCC, Title: ge.Title, Kind: ge.Kind}
		if ge.Period != nil {
			e.PeriodFrom, e.PeriodTo = ge.Period.From, ge.Period.To
		}
		entries = append(entries, e)
	}
	entries[0].Kind = "annat"
	s := ScoreCatalog(g, entries)
	if s.EntriesMatch != len(g.Catalog) || s.EntriesRight != len(g.Catalog)-1 {
		t.Errorf("catalog matched %d right %d of %d", s.EntriesMatch, s.EntriesRight, len(g.Catalog))
	}
}

func TestEvaluate(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"corpus", "gold"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	gold, err := os.ReadFile(filepath.Join("..", "fixtures", "gold", "000_363f1a49b5c57245.json"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("gold/000_x.json", gold)
	write("corpus/000_x-bad.pdf", []byte("%PDF-1.4 truncated"))
	write("corpus/999_nogold-word.pdf", []byte("%PDF-1.4"))
	scores, err := Evaluate(context.Background(), dir, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 1 || scores[0].File != "000_x-bad.pdf" || scores[0].GoldRows != 43 {
		t.Fatalf("scores %+v", scores)
	}
	if scores[0].Matched != 0 {
		t.Errorf("a broken file matched %d rows", scores[0].Matched)
	}
}

// TestEvaluateTextOfPDFs reads the synthetic plans' PDFs as text pulled
// out with pdftotext, scored against their gold: -raw loses the layout
// (cells in content order, column after column, no empty lines, statuses
// wrapped in their column), -layout keeps the columns by position. The
// floors sit a few points under what the readers reached when they were
// set (raw 90.5% of the rows and 72.9% of the fields, where the text
// reader stood at 71% and 52% before it knew this kind of text; layout
// 77.1% and 68.3%, from 70.5% and 43.5% before text was read by position,
// with 50% precision: a row is still split where a cell centred in a table
// set without empty lines interleaves its lines with the next row's); make
// eval-text prints the figures for every rendering.
func TestEvaluateTextOfPDFs(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts every synthetic plan")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils, installed by make test) not found")
	}
	src := filepath.Join("..", "fixtures", "synthetic")
	pdfs, err := filepath.Glob(filepath.Join(src, "corpus", "*.pdf"))
	if err != nil || len(pdfs) < 5 {
		t.Fatalf("synthetic PDFs: %v %v", pdfs, err)
	}
	tests := []struct {
		mode         string
		rows, fields float64
	}{
		{"raw", 0.85, 0.68},
		{"layout", 0.72, 0.60},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			dir := t.TempDir()
			for _, sub := range []string{"corpus", "gold"} {
				if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for _, p := range pdfs {
				base := strings.TrimSuffix(filepath.Base(p), ".pdf")
				out := filepath.Join(dir, "corpus", base+"-"+tt.mode+".txt")
				if b, err := exec.Command("pdftotext", "-"+tt.mode, p, out).CombinedOutput(); err != nil {
					t.Fatalf("pdftotext %s: %v %s", p, err, b)
				}
				stem := SeedOf(base)
				g, err := os.ReadFile(filepath.Join(src, "gold", stem+".json"))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "gold", stem+".json"), g, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			scores, err := Evaluate(context.Background(), dir, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var total Score
			for _, s := range scores {
				if !strings.HasSuffix(s.File, ".txt") {
					t.Errorf("scored %s, want only the text renderings", s.File)
				}
				total.Add(s)
			}
			t.Logf("%d files: rows %.1f%%, precision %.1f%%, fields %.1f%%, statuses %d/%d", len(scores),
				100*total.RowRecall(), 100*total.RowPrecision(), 100*total.FieldAccuracy(), total.StatusRight, total.GoldRows)
			if len(scores) != len(pdfs) {
				t.Errorf("scored %d files, want %d", len(scores), len(pdfs))
			}
			if total.RowRecall() < tt.rows || total.FieldAccuracy() < tt.fields {
				t.Errorf("rows %.3f, fields %.3f: want at least %.2f and %.2f", total.RowRecall(), total.FieldAccuracy(), tt.rows, tt.fields)
			}
		})
	}
}
