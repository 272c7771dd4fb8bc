// Package normalize turns a rccplans.Layout (headings, paragraphs and
// tables in reading order) into the common model: records for plan tables,
// sections for follow-up reports, abbreviations, and the document's
// metadata (title, region, rcc, kind, period, follow-up year) read from
// its own front matter.
//
// What goes in: blocks as any reader makes them. Plan tables are found by
// their header words (rccplans.ColumnOf), never by a region's wording;
// each body row becomes one record with Område codes, goal numbers,
// combined "Ansvar: … Status: …" and "Ansvarig-Tidsram" cells split and
// the status normalised (Status). Chapter and section come from the
// headings above a table (see outline.go).
//
// What does not become a record: tables whose header names no goal or
// activity column (numeric tables in reports), header rows repeated on a
// later page, template rows that explain the columns (detected by a
// status cell that lists several statuses), and sub-heading rows inside a
// table (they become the section of the rows below). A goal printed on a
// line of its own over a table without a goal column (a heading, or a row
// across the table: "1.2 Alla vårdcentraler ska … .", "Mål 2: …") is the
// goal and goal number of the rows below it, not a section. A short title
// across a table without an Område column (a band row, merged or alone in
// its first cell, or a title row the reader split off the table, marked
// Block.Band) is the area of the rows below it; in capitals it stays a
// sub-heading. A table printing the column names down the left (one small
// table per goal: "Mål | 1.1 …", "Aktivitet | …", "Status | Pågår") is
// read as the plan table it stands for, one record per run of labels.
//
// An appendix of completed goals (a heading that says the goals under it
// are done or no longer relevant, followed by a numbered list) is kept as
// records with status "done", status_raw "", the appendix's top heading as
// chapter and the list's heading as section, so that a search still finds
// them and a reader can tell them from the plan's own rows.
//
// Known limits: the chapter/section rule is by the shape of the heading
// tree and can take a lone wrapper heading for a chapter when a plan has no
// sections and no numbered chapters; a time in a combined responsible-time
// cell is split only at its end; a band in a table without an Område
// column is always read as an area, though a plan may mean a section; a
// label table is found only when every row opens with a column name.
package normalize

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"rccplans"
)

// Document reduces a layout to the common model. It never fails: what it
// cannot place comes back as warnings on the document.
func Document(l *rccplans.Layout) (doc *rccplans.Document) {
	doc = &rccplans.Document{SourceFile: l.SourceFile, Format: l.Format, Pages: l.NumPages}
	defer func() {
		// A bug here must not lose the document: keep what was read.
		if p := recover(); p != nil {
			doc.Warnings = append(doc.Warnings, rccplans.Warning{File: l.SourceFile, Message: fmt.Sprintf("normalize: internal error: %v", p)})
		}
	}()
	meta(l, doc)
	doc.Records, doc.Warnings = records(l, doc.Title, doc.Kind)
	doc.Records = append(doc.Records, completedGoals(l, doc.Title)...)
	vocab := hyphenated(l)
	for i := range doc.Records {
		r := &doc.Records[i]
		restoreRecordHyphens(r, vocab)
		r.Region, r.RCC, r.Kind, r.PeriodFrom, r.PeriodTo = doc.Region, doc.RCC, doc.Kind, doc.PeriodFrom, doc.PeriodTo
		r.SourceFile = l.SourceFile
	}
	// A plan's numbered chapters are not report sections: sections are
	// read from documents without plan records (follow-up reports).
	if len(doc.Records) == 0 || doc.Kind == rccplans.KindUppfoljning {
		doc.Sections = sections(l, doc)
	}
	doc.Abbreviations = abbreviations(l)
	if len(doc.Records) == 0 && len(doc.Sections) == 0 && (doc.Kind == rccplans.KindHandlingsplan || doc.Kind == rccplans.KindAktivitetplan) {
		// an action plan without a single activity row: its tables are
		// set in a way the readers do not know, and an analyst must hear
		// of it rather than find an empty file in the export
		doc.Warnings = append(doc.Warnings, rccplans.Warning{File: l.SourceFile,
			Message: "normalize: an action plan with no plan table found: no records (its tables may be set in a way the readers do not know)"})
	}
	return doc
}

// segment is a run of body rows of one plan table under one outline node.
type segment struct {
	node  *node
	table int // index of the plan table it comes from
	recs  []rccplans.Record
}

// records walks the blocks: headings build the outline, plan tables give
// records placed under it.
func records(l *rccplans.Layout, title, kind string) ([]rccplans.Record, []rccplans.Warning) {
	var (
		warns  []rccplans.Warning
		segs   []*segment
		top    *node // deepest open outline node
		prev   []rccplans.Column
		prevN  int
		levels = headingLevels(l.Blocks)
		seenTb bool
		tables int // plan tables seen
		// goal is a goal printed as a heading or as a row across the
		// table above activity rows that have no goal column; held is
		// such a heading not yet pushed (it is one only if the table
		// below turns out to have a goal column of its own).
		goal *goalLine
		held *heldHeading
		// heldBand is a band heading (rccplans.Block.Band) waiting for
		// the table under it.
		heldBand *heldHeading
		// band is the area named by a row across a table that has no
		// area column, for the rows under it.
		band *areaLine
		// a first column's title head a reader put above the table
		slashHead string
		// a column holding the plan's levels one under the other
		// (hierarchy.go), kept over the parts of its table
		hier *hierarchy
	)
	maxLevel := 0.0
	for _, lv := range levels {
		if lv > maxLevel {
			maxLevel = lv
		}
	}
	push := func(text string, level float64, pseudo bool) {
		for top != nil && (top.pseudo || top.level >= level) {
			if pseudo && !top.pseudo && top.level < level {
				break
			}
			top = top.parent
		}
		// A sub-heading line after the tables of a deepest-rank heading
		// is that heading's sibling, not its child: it starts the next
		// section of the same chapter.
		if pseudo && top != nil && top.direct && top.parent != nil && !top.numbered && top.level >= maxLevel {
			top = top.parent
		}
		top = newNode(text, level, top, pseudo)
	}
	skip := 0 // blocks already read with the one before
	for i, b := range l.Blocks {
		if skip > 0 {
			skip--
			continue
		}
		if held != nil && b.Kind != rccplans.BlockTable {
			push(held.text, held.level, false)
			held = nil
		}
		if heldBand != nil && b.Kind != rccplans.BlockTable {
			push(heldBand.text, heldBand.level, false)
			heldBand = nil
		}
		switch b.Kind {
		case rccplans.BlockHeading:
			t := headingText(b.Text)
			if t == "" {
				continue
			}
			if !seenTb && inTitle(t, title) || headerLike(t) {
				continue
			}
			if strings.HasSuffix(t, "/") && i+1 < len(l.Blocks) && l.Blocks[i+1].Kind == rccplans.BlockTable {
				// the head of the first column's title, broken after its
				// slash by a reader ("Område / Mål / Delmål /" over
				// "Aktivitet"): the title's, not a heading
				slashHead = t
				continue
			}
			if remarkRe.MatchString(t) {
				// "Kommentar: …" printed across a table: a remark on the
				// rows above, no heading of the rows below
				continue
			}
			goal = nil
			if _, ok := bandOf([]string{t, ""}); ok && b.Band && i+1 < len(l.Blocks) && l.Blocks[i+1].Kind == rccplans.BlockTable {
				// A row across the table split off by the reader: the
				// table below decides whether it names their area.
				heldBand = &heldHeading{text: t, level: levels[i]}
				continue
			}
			if g, ok := goalOf(t); ok && i+1 < len(l.Blocks) && l.Blocks[i+1].Kind == rccplans.BlockTable {
				held = &heldHeading{text: t, level: levels[i], goal: g}
				continue
			}
			push(t, levels[i], false)
		case rccplans.BlockParagraph:
			if i+1 < len(l.Blocks) && l.Blocks[i+1].Kind == rccplans.BlockTable && pseudoHeading(b) {
				goal = nil
				push(headingText(b.Text), pseudoLevel, true)
			}
		case rccplans.BlockTable:
			if b.Table == nil {
				continue
			}
			seenTb = true
			tb := b.Table
			ncols := 0
			for _, r := range tb.Rows {
				if len(r.Cells) > ncols {
					ncols = len(r.Cells)
				}
			}
			for _, h := range tb.Header {
				if len(h) > ncols {
					ncols = len(h)
				}
			}
			// Title rows above the header are sub-headings.
			var header [][]string
			for _, h := range tb.Header {
				if t, ok := titleRow(h); ok && rccplans.HeaderScore(h) < 2 {
					push(t, pseudoLevel, true)
					continue
				}
				header = append(header, h)
			}
			if slashHead != "" && len(header) > 0 && len(header[0]) > 0 {
				first := slices.Clone(header[0])
				first[0] = slashHead + " " + first[0]
				header = append([][]string{first}, header[1:]...)
			}
			slashHead = ""
			if _, _, ok := labelTable(tb); ok {
				// Label tables right after it go on with it: a record
				// cut by a page break, or the next records' tables.
				joined := &rccplans.Table{Header: tb.Header, Rows: append([]rccplans.Row(nil), tb.Rows...)}
				for k := i + 1; k < len(l.Blocks) && l.Blocks[k].Kind == rccplans.BlockTable && l.Blocks[k].Table != nil; k++ {
					next := l.Blocks[k].Table
					if _, ok := labelPairs(next); !ok {
						break
					}
					for _, h := range next.Header {
						row := rccplans.Row{Page: l.Blocks[k].Page}
						for _, c := range h {
							row.Cells = append(row.Cells, rccplans.Cell{Text: c})
						}
						joined.Rows = append(joined.Rows, row)
					}
					joined.Rows = append(joined.Rows, next.Rows...)
					skip++
				}
				tb = joined
			}
			rows := tb.Rows
			if lh, lrows, ok := labelTable(tb); ok {
				// Labels down the left, one small table (or one run of
				// labels) per record: read as the table it stands for.
				header, rows, ncols = [][]string{lh}, lrows, len(lh)
			}
			roles := columnsOf(header, ncols)
			if kind == rccplans.KindUppfoljning {
				remarksFollowUp(roles, joinedTitles(header, ncols))
			}
			var newHier *hierarchy
			if roles != nil {
				newHier = hierarchyOf(joinedTitles(header, ncols))
			}
			// A header the reader did not mark: the first body rows
			// (sub-heading rows may come before it).
			for k := 0; roles == nil && k < len(rows) && k < 3; k++ {
				cells := cellTexts(rows[k].Cells)
				if rccplans.HeaderScore(cells) >= 2 {
					if r := columnsOf([][]string{cells}, ncols); r != nil {
						for _, pre := range rows[:k] {
							if t, ok := titleRow(cellTexts(pre.Cells)); ok {
								push(t, pseudoLevel, true)
							}
						}
						roles, rows = r, rows[k+1:]
						newHier = hierarchyOf(joinedTitles([][]string{cells}, ncols))
					}
				}
			}
			if roles != nil {
				roles = areaAsGoal(roles, rows)
			}
			if roles == nil && len(header) == 0 && prev != nil && ncols == prevN {
				// A continuation the reader did not join to its table.
				roles = prev
			} else {
				band = nil
				if hier == nil || newHier == nil || !slices.Equal(hier.titles, newHier.titles) {
					hier = newHier // the same levels' header repeated on a new page goes on with them
				}
			}
			if heldBand != nil {
				if roles != nil && !hasRole(roles, rccplans.ColArea) {
					a, _ := bandOf([]string{heldBand.text, ""})
					band = &a
				} else {
					push(heldBand.text, heldBand.level, false)
				}
				heldBand = nil
			}
			if held != nil {
				if roles != nil && !hasGoalColumn(roles) {
					goal = &held.goal
				} else {
					push(held.text, held.level, false)
				}
				held = nil
			}
			if roles == nil {
				if len(tb.Rows) > 0 {
					warns = append(warns, rccplans.Warning{File: l.SourceFile, Page: b.Page,
						Message: fmt.Sprintf("normalize: table with header %q is not a plan table (no goal or activity column)", strings.Join(firstHeader(tb), " | "))})
				}
				continue
			}
			prev, prevN = roles, ncols
			tables++
			var cur *segment
			var last *rccplans.Row // the row of cur's last record
			for _, row := range rows {
				if hier != nil && hier.level(cellTexts(row.Cells)) {
					last = nil // a level's line: the rows under it are its own
					continue
				}
				if !hasGoalColumn(roles) {
					if t, ok := acrossRow(cellTexts(row.Cells)); ok {
						if g, ok := goalOf(t); ok {
							goal = &g
							cur, last = nil, nil
							continue
						}
					}
				}
				if !hasRole(roles, rccplans.ColArea) {
					// A band naming the area of the rows under it, not a
					// record of its own (one in capitals is a sub-heading,
					// as a Blekinge-style plan sets them).
					if a, ok := bandOf(cellTexts(row.Cells)); ok {
						band = &a
						continue
					}
				}
				if t, ok := titleRow(cellTexts(row.Cells)); ok {
					goal = nil
					push(t, pseudoLevel, true)
					cur, last = nil, nil
					continue
				}
				if cur != nil && last != nil && continuation(*last, row, roles) {
					merged := mergeRows(*last, row)
					if recs, _ := tableRecords(l.SourceFile, planTable{roles: roles, rows: []rccplans.Row{merged}}); len(recs) == 1 {
						cur.recs[len(cur.recs)-1] = recs[0]
						last = &merged
						continue
					}
				}
				recs, w := tableRecords(l.SourceFile, planTable{roles: roles, rows: []rccplans.Row{row}})
				warns = append(warns, w...)
				if len(recs) == 0 {
					continue
				}
				if hier != nil {
					for k := range recs {
						hier.fill(&recs[k])
					}
				}
				if goal != nil {
					for k := range recs {
						if recs[k].Goal == "" && recs[k].GoalNumber == "" {
							recs[k].GoalNumber, recs[k].Goal = goal.number, goal.text
						}
					}
				}
				if band != nil {
					for k := range recs {
						if recs[k].Area == "" && recs[k].AreaCode == "" {
							recs[k].AreaCode, recs[k].Area = band.code, band.title
						}
					}
				}
				if cur == nil {
					if top != nil {
						top.direct = true
					}
					cur = &segment{node: top, table: tables}
					segs = append(segs, cur)
				}
				cur.recs = append(cur.recs, recs...)
				r := row
				last = &r
			}
		}
	}
	// A one-row table above every heading of a plan whose other tables
	// sit under headings is the template that explains the columns.
	if len(segs) > 1 && segs[0].node == nil && segs[0].table == 1 && len(segs[0].recs) == 1 && segs[1].table > 1 && segs[1].node != nil {
		warns = append(warns, rccplans.Warning{File: l.SourceFile, Page: segs[0].recs[0].Page, Message: "normalize: skipped a one-row table before the first chapter (template row)"})
		segs = segs[1:]
	}
	for _, s := range segs {
		markTable(s.node)
	}
	var out []rccplans.Record
	for _, s := range segs {
		ch, sec := place(s.node)
		for _, r := range s.recs {
			r.Chapter, r.Section = ch, sec
			out = append(out, r)
		}
	}
	return out, warns
}

// goalLine is a goal printed on a line of its own above its activities.
type goalLine struct{ number, text string }

// heldHeading is a heading that reads as a goal, waiting for the table
// under it.
type heldHeading struct {
	text  string
	level float64
	goal  goalLine
}

// goalLabel opens a goal line by name: "Mål 1.2: …", "Delmål: …".
var goalLabel = regexp.MustCompile(`(?i)^(?:mål|delmål|målsättning|målbild)\s*(\d{1,2}(?:\.\d{1,2})*)?\s*[:–-]\s*(\p{Lu}.*)$`)

// goalOf reads a heading or a row across a table as a goal: a numbered
// sentence ("1.2 Alla vårdcentraler ska … ." — a section title is no
// sentence) or a line that says it is a goal ("Mål 2: …"). The caller
// takes it for one only above activity rows of a table without a goal
// column.
func goalOf(t string) (goalLine, bool) {
	t = strings.Join(strings.Fields(t), " ")
	if m := goalLabel.FindStringSubmatch(t); m != nil {
		return goalLine{m[1], m[2]}, true
	}
	n, g := SplitGoal(t)
	if n == "" || !strings.HasSuffix(g, ".") || len(strings.Fields(g)) < 4 {
		return goalLine{}, false
	}
	return goalLine{n, g}, true
}

// acrossRow returns the text of a row that holds one text across the
// table: merged over every cell, or alone in the first cell.
func acrossRow(cells []string) (string, bool) {
	if len(cells) < 2 || cells[0] == "" {
		return "", false
	}
	for _, c := range cells[1:] {
		if c != "" && c != cells[0] {
			return "", false
		}
	}
	return cells[0], true
}

// labelTable reads a table printed with its column names down the left
// ("Mål | 1.1 …", "Aktivitet | …", "Status | Pågår"): every row, header
// included, opens with a short cell naming a column role, three or more
// roles in all, a goal or an activity among them. It returns the header
// those labels make and one row per record: a record ends where a label
// comes again. A label cell spanning into the value's columns (tables of
// slightly different widths read as one grid) is skipped: the value is
// the first other text of the row.
func labelTable(tb *rccplans.Table) ([]string, []rccplans.Row, bool) {
	pairs, ok := labelPairs(tb)
	if !ok {
		return nil, nil, false
	}
	var labels []string
	index := map[rccplans.Column]int{}
	core := false
	for _, p := range pairs {
		c := rccplans.ColumnOf(p.label)
		if _, ok := index[c]; !ok {
			index[c] = len(labels)
			labels = append(labels, p.label)
		}
		core = core || c == rccplans.ColGoal || c == rccplans.ColActivity || c == rccplans.ColRCCActivity
	}
	if len(labels) < 3 || !core {
		return nil, nil, false
	}
	var rows []rccplans.Row
	var cur *rccplans.Row
	filled := map[int]bool{}
	for _, p := range pairs {
		j := index[rccplans.ColumnOf(p.label)]
		if cur == nil || filled[j] {
			rows = append(rows, rccplans.Row{Page: p.page, Cells: make([]rccplans.Cell, len(labels))})
			cur, filled = &rows[len(rows)-1], map[int]bool{}
		}
		if cur.Page == 0 {
			cur.Page = p.page
		}
		cur.Cells[j].Text, filled[j] = p.value, true
	}
	return labels, rows, true
}

// labelPair is one row of a label table: the column's name, its text.
type labelPair struct {
	label, value string
	page         int
}

// labelPairs reads every row of tb (header included) as a label and its
// value; ok is false when some row opens with no short column name.
func labelPairs(tb *rccplans.Table) ([]labelPair, bool) {
	var pairs []labelPair
	add := func(cells []string, page int) bool {
		if len(cells) < 2 {
			return false
		}
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			return true // an empty row (a header left empty by a page break)
		}
		label := cleanCell(cells[0])
		if label == "" || len(strings.Fields(label)) > 4 || rccplans.ColumnOf(label) == rccplans.ColUnknown {
			return false
		}
		value := ""
		for _, c := range cells[1:] {
			if c = cleanCell(c); c != "" && c != label {
				value = c
				break
			}
		}
		pairs = append(pairs, labelPair{label, value, page})
		return true
	}
	for _, h := range tb.Header {
		if !add(h, 0) {
			return nil, false
		}
	}
	for _, r := range tb.Rows {
		if !add(cellTexts(r.Cells), r.Page) {
			return nil, false
		}
	}
	return pairs, len(pairs) > 0
}

// areaLine is an area printed as a band across a table above its rows.
type areaLine struct{ code, title string }

// bandOf reads a row across a table (merged over every cell, or alone in
// the first cell) as the area of the rows under it: a short title, not a
// sentence, not in capitals (a sub-heading), not a numbered goal sentence
// and not a status. The caller
// takes it for one only in a table without an area column; with one, such
// a row stays a sub-heading (titleRow).
func bandOf(cells []string) (areaLine, bool) {
	t, ok := acrossRow(cells)
	if !ok || len([]rune(t)) > 80 || len(strings.Fields(t)) > 10 || isUpper(t) {
		return areaLine{}, false
	}
	// A footnote marker after a sentence ("… lungcancerscreening. **")
	// does not make it a title.
	if end := strings.TrimRight(t, "*† "); strings.HasSuffix(end, ".") || strings.HasSuffix(end, "!") || strings.HasSuffix(end, "?") || rccplans.StatusPhrase(t) != "" || !hasLetters(t) {
		return areaLine{}, false
	}
	if _, ok := goalOf(t); ok {
		return areaLine{}, false
	}
	code, title := SplitArea(t)
	return areaLine{code, title}, true
}

func hasLetters(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

func hasRole(roles []rccplans.Column, c rccplans.Column) bool {
	for _, r := range roles {
		if r == c {
			return true
		}
	}
	return false
}

// areaAsGoal reads an area column as the goal column when the table has
// no goal column and the column holds sentences: a "Målområde" filled
// with "Hälsosamtal … ska omfatta frågor om cancerprevention." states
// goals; an area is a name ("Prevention", "3.a Screening") and ends with
// no period. It takes two thirds of the column's filled cells.
func areaAsGoal(roles []rccplans.Column, rows []rccplans.Row) []rccplans.Column {
	a := slices.Index(roles, rccplans.ColArea)
	if a < 0 || hasGoalColumn(roles) {
		return roles
	}
	filled, sentences := 0, 0
	for _, r := range rows {
		if a >= len(r.Cells) {
			continue
		}
		t := strings.TrimRight(cleanCell(r.Cells[a].Text), "* ")
		if t == "" {
			continue
		}
		filled++
		if strings.HasSuffix(t, ".") && len(strings.Fields(t)) >= 5 {
			sentences++
		}
	}
	if filled == 0 || 3*sentences < 2*filled {
		return roles
	}
	out := slices.Clone(roles)
	out[a] = rccplans.ColGoal
	return out
}

// remarksFollowUp: in a follow-up report, a column of remarks
// ("Kommentar") beside the statuses is what the follow-up says of each
// row; in a plan it is only a remark, with no field of its own.
func remarksFollowUp(roles []rccplans.Column, titles []string) {
	if roles == nil || hasRole(roles, rccplans.ColFollowUp) {
		return
	}
	for c, t := range titles {
		k := rccplans.HeaderKey(t)
		if roles[c] == rccplans.ColUnknown && (k == "kommentar" || k == "kommentarer") {
			roles[c] = rccplans.ColFollowUp
			return
		}
	}
}

// remarkRe: a labelled remark ("Kommentar: …", "Anm. …", "Obs! …").
var remarkRe = regexp.MustCompile(`^(?i:kommentar(?:er)?|anmärkning|anm|obs|observera|notering|not)\s*[:.!]\s*\S`)

func hasGoalColumn(roles []rccplans.Column) bool {
	for _, r := range roles {
		if r == rccplans.ColGoal {
			return true
		}
	}
	return false
}

func cellTexts(cells []rccplans.Cell) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = cleanCell(c.Text)
	}
	return out
}

func firstHeader(tb *rccplans.Table) []string {
	if len(tb.Header) > 0 {
		return tb.Header[0]
	}
	if len(tb.Rows) > 0 {
		return cellTexts(tb.Rows[0].Cells)
	}
	return nil
}

// completedHeading names an appendix of goals that are reached or dropped:
// "Mål som är avklarade eller inte längre relevanta", "Uppnådda mål".
var completedHeading = regexp.MustCompile(`(?i)\b(?:avklarade|uppnådda|uppfyllda|genomförda|slutförda|avslutade|klara)\b[^.]*\bmål\b|\bmål\b[^.]*\b(?:avklarade|uppnådda|uppfyllda|genomförda|slutförda|avslutade|klara|inte längre (?:är )?relevanta)\b`)

// listItem is one numbered list line: "5. Screeningprogram …".
var listItem = regexp.MustCompile(`^(\d{1,3})[.)]\s+(\S.*)$`)

// completedGoals reads the numbered goals listed under a completed-goal
// heading up to the next heading of the same or a higher rank.
func completedGoals(l *rccplans.Layout, title string) []rccplans.Record {
	levels := headingLevels(l.Blocks)
	var out []rccplans.Record
	var stack []struct {
		text  string
		level float64
	}
	in := false
	var inLevel float64
	var chapter, section string
	for i, b := range l.Blocks {
		if b.Kind == rccplans.BlockHeading {
			t := headingText(b.Text)
			lv := levels[i]
			if in && lv <= inLevel {
				in = false
			}
			if t == "" || inTitle(t, title) && len(stack) == 0 {
				continue
			}
			for len(stack) > 0 && stack[len(stack)-1].level >= lv {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, struct {
				text  string
				level float64
			}{t, lv})
			if completedHeading.MatchString(t) {
				in, inLevel = true, lv
				chapter, section = stack[0].text, t
			}
			continue
		}
		if !in {
			continue
		}
		if b.Kind == rccplans.BlockTable {
			in = false
			continue
		}
		for _, ln := range strings.Split(b.Text, "\n") {
			ln = cleanCell(strings.TrimLeft(strings.TrimSpace(ln), "-•*\uf0b7 "))
			m := listItem.FindStringSubmatch(ln)
			if m == nil {
				if len(out) > 0 && ln != "" && out[len(out)-1].Page == b.Page && !strings.HasSuffix(out[len(out)-1].Goal, ".") {
					out[len(out)-1].Goal += " " + ln
				}
				continue
			}
			out = append(out, rccplans.Record{Page: b.Page, Chapter: chapter, Section: section,
				GoalNumber: m[1], Goal: m[2], Status: rccplans.StatusDone})
		}
	}
	return out
}
