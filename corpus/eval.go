package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"rccplans"
	"rccplans/extract"
)

// Gold is one gold annotation file (fixtures/gold/SCHEMA.md): what must be
// extracted from one seed and from every corpus rendering of it.
type Gold struct {
	Source         string             `json:"source"`
	Document       GoldDocument       `json:"document"`
	Columns        []string           `json:"columns"`
	Rows           []GoldRow          `json:"rows"`
	Sections       []GoldSection      `json:"sections"`
	Abbreviations  []GoldAbbreviation `json:"abbreviations"`
	Catalog        []GoldEntry        `json:"catalog"`
	CompletedGoals []GoldCompleted    `json:"completed_goals"`
}

// GoldDocument is the gold "document" object.
type GoldDocument struct {
	Title        string      `json:"title"`
	Region       string      `json:"region"`
	RCC          string      `json:"rcc"`
	Kind         string      `json:"kind"`
	Period       *GoldPeriod `json:"period"`
	FollowUpYear *int        `json:"follow_up_year"`
}

// GoldPeriod is a plan period, {"from": 2022, "to": 2024}.
type GoldPeriod struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// GoldRow is one activity row: the cells as printed (keyed by the header
// in Gold.Columns) and the row mapped onto the record model.
type GoldRow struct {
	Chapter string            `json:"chapter"`
	Section string            `json:"section"`
	Cells   map[string]string `json:"cells"`
	Model   map[string]string `json:"model"`
}

// GoldSection is one numbered section of a follow-up report.
type GoldSection struct {
	Number string `json:"number"`
	Region string `json:"region"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

// GoldAbbreviation is one entry of a Förkortningar list.
type GoldAbbreviation struct {
	Short string `json:"short"`
	Long  string `json:"long"`
}

// GoldEntry is one document a listing page names.
type GoldEntry struct {
	RCC          string      `json:"rcc"`
	Title        string      `json:"title"`
	Kind         string      `json:"kind"`
	Period       *GoldPeriod `json:"period"`
	FollowUpYear *int        `json:"follow_up_year"`
}

// GoldCompleted is one goal of an appendix of completed goals.
type GoldCompleted struct {
	Number string `json:"number"`
	Text   string `json:"text"`
}

// ReadGold parses one gold file.
func ReadGold(data []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("corpus: gold: %w", err)
	}
	return &g, nil
}

// IsCatalog reports whether the gold describes a listing page (evaluated
// with Discover) rather than a plan or report (evaluated with Extract).
func (g *Gold) IsCatalog() bool { return g.Document.Kind == "katalog" || len(g.Catalog) > 0 }

// ModelFields are the record fields the gold "model" objects carry, in
// spec order. Field accuracy is counted over these.
var ModelFields = []string{
	"chapter", "section", "area_code", "area", "goal_number", "goal",
	"current_state", "target", "rcc_activity", "activity", "responsible",
	"timeframe", "status_raw", "status", "follow_up", "evaluation",
}

// RecordField returns the record's value of a model field by its JSON name.
func RecordField(r *rccplans.Record, name string) string {
	switch name {
	case "chapter":
		return r.Chapter
	case "section":
		return r.Section
	case "area_code":
		return r.AreaCode
	case "area":
		return r.Area
	case "goal_number":
		return r.GoalNumber
	case "goal":
		return r.Goal
	case "current_state":
		return r.CurrentState
	case "target":
		return r.Target
	case "rcc_activity":
		return r.RCCActivity
	case "activity":
		return r.Activity
	case "responsible":
		return r.Responsible
	case "timeframe":
		return r.Timeframe
	case "status_raw":
		return r.StatusRaw
	case "status":
		return r.Status
	case "follow_up":
		return r.FollowUp
	case "evaluation":
		return r.Evaluation
	}
	return ""
}

// SameText reports whether two texts are equal ignoring white space (the
// gold's comparison rule).
func SameText(a, b string) bool { return squeeze(a) == squeeze(b) }

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Score is the comparison of one extraction with its gold. Counts, not
// ratios, so that files add up into a total.
type Score struct {
	File string `json:"file"`
	Kind string `json:"kind"` // plan, report, catalog
	Err  string `json:"error,omitempty"`

	// Records against gold rows.
	GoldRows    int `json:"gold_rows"`
	Found       int `json:"found"`   // records extracted (appendix records excluded)
	Matched     int `json:"matched"` // gold rows matched one-to-one
	Fields      int `json:"fields"`  // gold model fields (all gold rows)
	FieldsRight int `json:"fields_right"`
	StatusRight int `json:"status_right"` // gold rows whose status (and status_raw) is right
	// FieldErrors counts wrong fields by name, for finding where losses are.
	FieldErrors map[string]int `json:"field_errors,omitempty"`
	// Diffs lists every wrong field of a matched row and every unmatched
	// gold row and record (for `rccplans eval --diff`).
	Diffs []Diff `json:"diffs,omitempty"`

	// Completed-goal appendix: gold entries, and extracted records that
	// match one (by goal number and text) rather than a plan row.
	GoldCompleted  int `json:"gold_completed,omitempty"`
	CompletedFound int `json:"completed_found,omitempty"`

	// Document metadata: title, region, rcc, kind, period, follow-up year.
	Meta      int      `json:"meta"`
	MetaRight int      `json:"meta_right"`
	MetaWrong []string `json:"meta_wrong,omitempty"`

	// Follow-up report sections, matched by number.
	GoldSections  int `json:"gold_sections,omitempty"`
	SectionsFound int `json:"sections_found,omitempty"` // extracted sections
	SectionsMatch int `json:"sections_matched,omitempty"`
	RegionRight   int `json:"region_right,omitempty"`
	TitleRight    int `json:"title_right,omitempty"`
	TextRight     int `json:"text_right,omitempty"`

	// Abbreviations, matched by short form.
	GoldAbbr  int `json:"gold_abbreviations,omitempty"`
	AbbrFound int `json:"abbreviations_found,omitempty"` // extracted entries
	AbbrMatch int `json:"abbreviations_matched,omitempty"`
	AbbrRight int `json:"abbreviations_right,omitempty"`

	// Catalog entries (listing pages), matched by title.
	GoldEntries  int `json:"gold_entries,omitempty"`
	EntriesFound int `json:"entries_found,omitempty"`
	EntriesMatch int `json:"entries_matched,omitempty"`
	EntriesRight int `json:"entries_right,omitempty"` // rcc, kind and period right
}

// Diff is one difference between gold and extraction. Row is the 1-based
// gold row (0 for a record no gold row matched); Record the 1-based record.
type Diff struct {
	Row    int    `json:"row"`
	Record int    `json:"record"`
	Field  string `json:"field"` // "" for a whole row missed or extra
	Want   string `json:"want"`
	Got    string `json:"got"`
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// RowRecall is the share of gold rows matched by a record.
func (s Score) RowRecall() float64 { return ratio(s.Matched, s.GoldRows) }

// RowPrecision is the share of extracted records that match a gold row.
func (s Score) RowPrecision() float64 { return ratio(s.Matched, s.Found) }

// FieldAccuracy is the share of gold model fields extracted exactly
// (ignoring white space); unmatched gold rows count all fields wrong.
func (s Score) FieldAccuracy() float64 { return ratio(s.FieldsRight, s.Fields) }

// StatusAccuracy is the share of gold rows with status and status_raw right.
func (s Score) StatusAccuracy() float64 { return ratio(s.StatusRight, s.GoldRows) }

// Add sums another score's counts into s (for the total).
func (s *Score) Add(o Score) {
	s.GoldRows += o.GoldRows
	s.Found += o.Found
	s.Matched += o.Matched
	s.Fields += o.Fields
	s.FieldsRight += o.FieldsRight
	s.StatusRight += o.StatusRight
	for k, v := range o.FieldErrors {
		if s.FieldErrors == nil {
			s.FieldErrors = map[string]int{}
		}
		s.FieldErrors[k] += v
	}
	s.GoldCompleted += o.GoldCompleted
	s.CompletedFound += o.CompletedFound
	s.Meta += o.Meta
	s.MetaRight += o.MetaRight
	s.GoldSections += o.GoldSections
	s.SectionsFound += o.SectionsFound
	s.SectionsMatch += o.SectionsMatch
	s.RegionRight += o.RegionRight
	s.TitleRight += o.TitleRight
	s.TextRight += o.TextRight
	s.GoldAbbr += o.GoldAbbr
	s.AbbrFound += o.AbbrFound
	s.AbbrMatch += o.AbbrMatch
	s.AbbrRight += o.AbbrRight
	s.GoldEntries += o.GoldEntries
	s.EntriesFound += o.EntriesFound
	s.EntriesMatch += o.EntriesMatch
	s.EntriesRight += o.EntriesRight
}

// ScoreDocument compares an extracted document with its gold. doc may be
// nil (the extraction failed): everything then counts as missed.
func ScoreDocument(g *Gold, doc *rccplans.Document) Score {
	s := Score{Kind: "plan", FieldErrors: map[string]int{}}
	if len(g.Sections) > 0 || g.Document.Kind == rccplans.KindUppfoljning {
		s.Kind = "report"
	}
	if doc == nil {
		doc = &rccplans.Document{}
	}
	scoreMeta(&s, g, doc)
	scoreRows(&s, g, doc.Records)
	scoreSections(&s, g, doc.Sections)
	scoreAbbreviations(&s, g, doc.Abbreviations)
	if len(s.FieldErrors) == 0 {
		s.FieldErrors = nil
	}
	return s
}

func scoreMeta(s *Score, g *Gold, doc *rccplans.Document) {
	check := func(name string, ok bool) {
		s.Meta++
		if ok {
			s.MetaRight++
		} else {
			s.MetaWrong = append(s.MetaWrong, name)
		}
	}
	gd := g.Document
	check("title", SameText(gd.Title, doc.Title))
	check("region", SameText(gd.Region, doc.Region))
	check("rcc", gd.RCC == doc.RCC)
	check("kind", gd.Kind == doc.Kind)
	var from, to int
	if gd.Period != nil {
		from, to = gd.Period.From, gd.Period.To
	}
	check("period", from == doc.PeriodFrom && to == doc.PeriodTo)
	fy := 0
	if gd.FollowUpYear != nil {
		fy = *gd.FollowUpYear
	}
	check("follow_up_year", fy == doc.FollowUpYear)
}

// rowKey is the text rows are matched on: what identifies an activity row.
func rowKey(get func(string) string) (primary, secondary string) {
	primary = strings.Join([]string{get("area_code"), get("area"), get("goal_number"), get("goal"), get("rcc_activity"), get("activity")}, " ")
	secondary = strings.Join([]string{get("current_state"), get("target"), get("responsible"), get("timeframe"), get("status_raw"), get("follow_up")}, " ")
	return primary, secondary
}

func scoreRows(s *Score, g *Gold, recs []rccplans.Record) {
	s.GoldRows = len(g.Rows)
	s.Fields = len(g.Rows) * len(ModelFields)
	s.GoldCompleted = len(g.CompletedGoals)

	// Records that stand for an entry of a completed-goal appendix are
	// neither plan rows nor noise: count them apart.
	var plan []rccplans.Record
	if len(g.CompletedGoals) > 0 {
		used := make([]bool, len(g.CompletedGoals))
		for _, r := range recs {
			hit := -1
			for i, c := range g.CompletedGoals {
				if !used[i] && c.Number == r.GoalNumber && Similarity(c.Text, r.Goal+" "+r.Activity+" "+r.StatusRaw) >= 0.6 {
					hit = i
					break
				}
			}
			if hit >= 0 {
				used[hit] = true
				s.CompletedFound++
				continue
			}
			plan = append(plan, r)
		}
	} else {
		plan = recs
	}
	s.Found = len(plan)

	gp := make([]string, len(g.Rows))
	gs := make([]string, len(g.Rows))
	for i, row := range g.Rows {
		m := row.Model
		gp[i], gs[i] = rowKey(func(k string) string { return m[k] })
	}
	rp := make([]string, len(plan))
	rs := make([]string, len(plan))
	for j := range plan {
		r := &plan[j]
		rp[j], rs[j] = rowKey(func(k string) string { return RecordField(r, k) })
	}
	pairs := MatchOneToOne(len(g.Rows), len(plan), func(i, j int) float64 {
		p := Similarity(gp[i], rp[j])
		if p < 0.5 {
			return 0
		}
		sim := 0.8*p + 0.2*Similarity(gs[i], rs[j])
		// Document order breaks ties between rows that share their text
		// (a merged Mål over several rows with empty activities).
		if len(g.Rows) > 1 && len(plan) > 1 {
			d := float64(i)/float64(len(g.Rows)-1) - float64(j)/float64(len(plan)-1)
			if d < 0 {
				d = -d
			}
			sim -= 0.01 * d
		}
		return sim
	})
	matched := make(map[int]int, len(pairs))
	recMatched := make(map[int]bool, len(pairs))
	for _, p := range pairs {
		matched[p[0]] = p[1]
		recMatched[p[1]] = true
	}
	s.Matched = len(pairs)
	for i, row := range g.Rows {
		j, ok := matched[i]
		if !ok {
			for _, f := range ModelFields {
				s.FieldErrors[f]++
			}
			s.Diffs = append(s.Diffs, Diff{Row: i + 1, Want: gp[i]})
			continue
		}
		r := &plan[j]
		for _, f := range ModelFields {
			if SameText(row.Model[f], RecordField(r, f)) {
				s.FieldsRight++
			} else {
				s.FieldErrors[f]++
				s.Diffs = append(s.Diffs, Diff{Row: i + 1, Record: j + 1, Field: f, Want: row.Model[f], Got: RecordField(r, f)})
			}
		}
		if row.Model["status"] == r.Status && SameText(row.Model["status_raw"], r.StatusRaw) {
			s.StatusRight++
		}
	}
	for j := range plan {
		if !recMatched[j] {
			s.Diffs = append(s.Diffs, Diff{Record: j + 1, Got: rp[j]})
		}
	}
}

func scoreSections(s *Score, g *Gold, secs []rccplans.Section) {
	s.GoldSections = len(g.Sections)
	s.SectionsFound = len(secs)
	pairs := MatchOneToOne(len(g.Sections), len(secs), func(i, j int) float64 {
		if g.Sections[i].Number != secs[j].Number {
			return 0
		}
		return 0.5 + 0.5*Similarity(g.Sections[i].Title, secs[j].Title)
	})
	s.SectionsMatch = len(pairs)
	for _, p := range pairs {
		gs, es := g.Sections[p[0]], secs[p[1]]
		if SameText(gs.Region, es.Region) {
			s.RegionRight++
		}
		if SameText(gs.Title, es.Title) {
			s.TitleRight++
		}
		if SameText(gs.Text, es.Text) {
			s.TextRight++
		}
	}
}

func scoreAbbreviations(s *Score, g *Gold, abbrs []rccplans.Abbreviation) {
	s.GoldAbbr = len(g.Abbreviations)
	s.AbbrFound = len(abbrs)
	pairs := MatchOneToOne(len(g.Abbreviations), len(abbrs), func(i, j int) float64 {
		if !SameText(g.Abbreviations[i].Short, abbrs[j].Short) {
			return 0
		}
		return 0.5 + 0.5*Similarity(g.Abbreviations[i].Long, abbrs[j].Long)
	})
	s.AbbrMatch = len(pairs)
	for _, p := range pairs {
		if SameText(g.Abbreviations[p[0]].Long, abbrs[p[1]].Long) {
			s.AbbrRight++
		}
	}
}

// ScoreCatalog compares the entries Discover found on a listing page with
// the gold catalog: entries are matched by title; an entry is right when
// its rcc, kind and period are.
func ScoreCatalog(g *Gold, entries []Entry) Score {
	s := Score{Kind: "catalog", GoldEntries: len(g.Catalog), EntriesFound: len(entries)}
	pairs := MatchOneToOne(len(g.Catalog), len(entries), func(i, j int) float64 {
		sim := Similarity(g.Catalog[i].Title, entries[j].Title)
		if sim < 0.5 {
			return 0
		}
		if g.Catalog[i].RCC == entries[j].RCC {
			sim += 0.1
		}
		return sim
	})
	s.EntriesMatch = len(pairs)
	for _, p := range pairs {
		ge, e := g.Catalog[p[0]], entries[p[1]]
		var from, to int
		if ge.Period != nil {
			from, to = ge.Period.From, ge.Period.To
		}
		if ge.RCC == e.RCC && ge.Kind == e.Kind && from == e.PeriodFrom && to == e.PeriodTo {
			s.EntriesRight++
		}
	}
	return s
}

// MatchOneToOne pairs items of two lists (n gold, m found) one-to-one,
// best similarity first; pairs with similarity <= 0 are never made. It
// returns [gold index, found index] pairs in gold order.
func MatchOneToOne(n, m int, sim func(i, j int) float64) [][2]int {
	type cand struct {
		i, j int
		s    float64
	}
	var cs []cand
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			if v := sim(i, j); v > 0 {
				cs = append(cs, cand{i, j, v})
			}
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].s > cs[b].s })
	gi := make([]bool, n)
	fj := make([]bool, m)
	var out [][2]int
	for _, c := range cs {
		if gi[c.i] || fj[c.j] {
			continue
		}
		gi[c.i], fj[c.j] = true, true
		out = append(out, [2]int{c.i, c.j})
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// Similarity is the Dice coefficient of the two texts' word multisets
// (lower-cased letters and digits): 1 for the same words, 0 for none in
// common. Two empty texts are alike (1).
func Similarity(a, b string) float64 {
	ta, tb := words(a), words(b)
	if len(ta) == 0 && len(tb) == 0 {
		return 1
	}
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	count := make(map[string]int, len(ta))
	for _, w := range ta {
		count[w]++
	}
	common := 0
	for _, w := range tb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ta)+len(tb))
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// SeedOf is the seed a corpus or seed file belongs to: its name up to the
// first '-' or '.' ("001_2c1f…-chromium.pdf" -> "001_2c1f…").
func SeedOf(name string) string {
	name = filepath.Base(name)
	if i := strings.IndexAny(name, "-."); i >= 0 {
		return name[:i]
	}
	return name
}

// Evaluate extracts every document in dir/corpus and dir/seeds that has a
// gold file (dir/gold/<seed>.json) and scores it; listing pages (catalog
// gold) are read with Discover instead. Files come in name order, corpus
// first. A file that fails to extract is scored as found empty, with the
// error in Score.Err.
func Evaluate(ctx context.Context, dir string, opt extract.Options) ([]Score, error) {
	var out []Score
	golds := map[string]*Gold{}
	for _, sub := range []string{"corpus", "seeds"} {
		ents, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return out, fmt.Errorf("corpus: eval: %w", err)
		}
		for _, e := range ents {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			if err := ctx.Err(); err != nil {
				return out, err
			}
			seed := SeedOf(e.Name())
			g, ok := golds[seed]
			if !ok {
				data, err := os.ReadFile(filepath.Join(dir, "gold", seed+".json"))
				if err == nil {
					g, err = ReadGold(data)
					if err != nil {
						return out, fmt.Errorf("corpus: eval: %s: %w", seed, err)
					}
				}
				golds[seed] = g
			}
			if g == nil {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			if err != nil {
				return out, fmt.Errorf("corpus: eval: %w", err)
			}
			out = append(out, EvaluateFile(ctx, e.Name(), data, g, opt))
		}
	}
	return out, nil
}

// EvaluateFile scores one file against its gold. A panic in a stage is
// caught and reported in Score.Err so that one bad reader does not stop
// the evaluation of the others.
func EvaluateFile(ctx context.Context, name string, data []byte, g *Gold, opt extract.Options) (s Score) {
	defer func() {
		if p := recover(); p != nil {
			if g.IsCatalog() {
				s = ScoreCatalog(g, nil)
			} else {
				s = ScoreDocument(g, nil)
			}
			s.File = name
			s.Err = fmt.Sprintf("panic: %v", p)
		}
	}()
	if g.IsCatalog() {
		entries, err := Discover("", data)
		s = ScoreCatalog(g, entries)
		s.File = name
		if err != nil {
			s.Err = err.Error()
		}
		return s
	}
	doc, err := Extract(ctx, name, data, opt)
	s = ScoreDocument(g, doc)
	s.File = name
	if err != nil {
		s.Err = err.Error()
	}
	return s
}
