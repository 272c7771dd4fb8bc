package normalize

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"rccplans"
)

// planTable is a table whose header was recognised: the role of each
// column, and the body rows to read.
type planTable struct {
	roles []rccplans.Column
	rows  []rccplans.Row
}

// columnsOf maps a table's header rows onto roles. A header wrapped into
// several ruled rows is joined per column first ("Mätbar" + "målnivå").
// It returns nil when the header names neither a goal nor an activity.
func columnsOf(header [][]string, ncols int) []rccplans.Column {
	if len(header) == 0 || ncols == 0 {
		return nil
	}
	joined := joinedTitles(header, ncols)
	roles := make([]rccplans.Column, ncols)
	for c, h := range joined {
		roles[c] = rccplans.ColumnOf(h)
	}
	if h := hierarchyOf(joined); h != nil {
		roles[h.col] = h.leaf() // its other levels are lines of their own
	}
	perYear(roles, joined)
	if !isPlan(roles) {
		return nil
	}
	return roles
}

// joinedTitles joins each column's title over the header's rows.
func joinedTitles(header [][]string, ncols int) []string {
	joined := make([]string, ncols)
	for c := 0; c < ncols; c++ {
		var parts []string
		for _, h := range header {
			if c < len(h) {
				t := strings.TrimSpace(h[c])
				if t != "" && (len(parts) == 0 || parts[len(parts)-1] != t) {
					parts = append(parts, t)
				}
			}
		}
		joined[c] = strings.Join(parts, " ")
	}
	return joined
}

// perYear reads a status or follow-up column kept once a year
// ("Uppföljning" over "2025 | 2026"): each holds the status at that
// year's follow-up, so the latest year's is the row's status and the
// earlier ones have no field of the model (their text stays in the
// cells). Other columns split by year (a Tidplan drawn as a calendar)
// are left as they are.
func perYear(roles []rccplans.Column, titles []string) {
	for _, role := range []rccplans.Column{rccplans.ColStatus, rccplans.ColFollowUp} {
		latest, year, n := -1, "", 0
		for c, r := range roles {
			if r != role {
				continue
			}
			n++
			ys := yearRe.FindAllString(titles[c], -1)
			if len(ys) != 1 {
				return // a column of the group without one year of its own
			}
			if ys[0] > year {
				latest, year = c, ys[0]
			}
		}
		if n < 2 {
			continue
		}
		for c, r := range roles {
			switch {
			case r != role:
			case c == latest:
				roles[c] = rccplans.ColStatus
			default:
				roles[c] = rccplans.ColUnknown
			}
		}
	}
}

// isPlan: a plan table has a goal or an activity column and at least one
// other known column.
func isPlan(roles []rccplans.Column) bool {
	seen := map[rccplans.Column]bool{}
	core := false
	for _, r := range roles {
		if r == rccplans.ColUnknown {
			continue
		}
		seen[r] = true
		switch r {
		case rccplans.ColGoal, rccplans.ColActivity, rccplans.ColRCCActivity:
			core = true
		}
	}
	return core && len(seen) >= 2
}

// isHeaderRow tells a body row that repeats the header (a header printed
// again on a later page and not dropped by the reader).
func isHeaderRow(cells []rccplans.Cell, roles []rccplans.Column) bool {
	texts := make([]string, len(cells))
	for i, c := range cells {
		texts[i] = c.Text
	}
	n := 0
	for i, t := range texts {
		if t == "" {
			continue
		}
		if i < len(roles) && roles[i] != rccplans.ColUnknown && rccplans.ColumnOf(t) == roles[i] && len(strings.Fields(t)) <= 6 {
			n++
		} else if len(strings.Fields(t)) > 6 {
			return false
		}
	}
	return n >= 2
}

// titleRow returns the text of a row that is a sub-heading printed inside
// a table: one text across the row (in its first cell or merged over every
// column), short, and not a sentence.
func titleRow(cells []string) (string, bool) {
	text := ""
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if text == "" {
			text = c
			continue
		}
		if c != text || i == 0 {
			return "", false
		}
	}
	if text == "" || len(cells) < 2 || len([]rune(text)) > 120 || strings.HasSuffix(text, ".") {
		return "", false
	}
	// Alone in the first cell it must look like a heading (upper case);
	// merged over all columns it is one whatever its case.
	merged := true
	for _, c := range cells {
		if strings.TrimSpace(c) != text {
			merged = false
		}
	}
	if !merged && !isUpper(text) {
		return "", false
	}
	if goalNumber.MatchString(text) {
		if _, g := SplitGoal(text); g != text {
			return "", false // a numbered goal standing alone is a row
		}
	}
	return text, true
}

func isUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return letters >= 3
}

// record maps one body row onto a record. ok is false for rows that are
// not activity rows (empty, a repeated header, a template row that
// explains the columns).
func record(cells []rccplans.Cell, roles []rccplans.Column) (rec rccplans.Record, ok bool, why string) {
	texts := map[rccplans.Column][]string{}
	any := false
	allSame := true
	for _, c := range cells {
		allSame = allSame && c.Text == cells[0].Text
	}
	for i, c := range cells {
		if i >= len(roles) {
			break
		}
		t := cleanCell(c.Text)
		if t == "" {
			continue
		}
		if i > 0 && c.Spanned && !allSame && t == cleanCell(cells[i-1].Text) {
			// a cell merged across two columns is the first one's: the
			// reader copies its text into each position it covers
			continue
		}
		if roles[i] != rccplans.ColUnknown {
			any = true
		}
		texts[roles[i]] = append(texts[roles[i]], t)
	}
	if !any {
		return rec, false, ""
	}
	get := func(c rccplans.Column) string { return strings.Join(texts[c], " ") }

	// each cell on its own: two status columns (two years, two
	// levels) hold two statuses without listing them
	for _, c := range []rccplans.Column{rccplans.ColStatus, rccplans.ColStateResponsible, rccplans.ColFollowUp, rccplans.ColResponsibleTime} {
		for _, t := range texts[c] {
			// a status per activity is no list of the statuses
			if statusList(t) && len(splitStatusRun(t)) != len(sentences(get(rccplans.ColActivity))) {
				return rec, false, "template row listing the statuses"
			}
		}
	}

	rec.AreaCode, rec.Area = SplitArea(get(rccplans.ColArea))
	rec.GoalNumber, rec.Goal = SplitGoal(get(rccplans.ColGoal))
	if n := strings.TrimRight(get(rccplans.ColNumber), ".)"); n != "" && rec.GoalNumber == "" {
		rec.GoalNumber = n
	}
	rec.CurrentState = get(rccplans.ColCurrentState)
	rec.Target = get(rccplans.ColTarget)
	rec.RCCActivity = get(rccplans.ColRCCActivity)
	rec.Activity = get(rccplans.ColActivity)
	rec.Responsible = get(rccplans.ColResponsible)
	rec.Timeframe = get(rccplans.ColTimeframe)
	rec.FollowUp = get(rccplans.ColFollowUp)
	rec.Evaluation = get(rccplans.ColEvaluation)

	if t := get(rccplans.ColResponsibleTime); t != "" {
		resp, tf := SplitTime(t)
		rec.Responsible = joinText(rec.Responsible, resp)
		rec.Timeframe = joinText(rec.Timeframe, tf)
	}
	hasStatusCol, hasTimeCol := false, false
	for _, r := range roles {
		switch r {
		case rccplans.ColStatus, rccplans.ColStateResponsible:
			hasStatusCol = true
		case rccplans.ColTimeframe:
			hasTimeCol = true
		}
	}
	if hasTimeCol && rec.Timeframe == "" && rec.Responsible != "" {
		// The time printed at the foot of the Ansvarig cell (or read into
		// it by a reader that lost the column border) while the time
		// column is empty: "VC BFM 2023".
		if resp, tf := SplitTime(rec.Responsible); tf != "" && resp != "" && onlyTime(tf) {
			rec.Responsible, rec.Timeframe = resp, tf
		}
	}
	if t := get(rccplans.ColStateResponsible); t != "" {
		state, resp, status := SplitStateResponsible(t)
		rec.CurrentState = joinText(rec.CurrentState, state)
		rec.Responsible = joinText(rec.Responsible, resp)
		rec.StatusRaw = status
	}
	if t := get(rccplans.ColStatus); t != "" {
		rec.StatusRaw = joinText(rec.StatusRaw, dropDot(t))
	}
	rec.Status = rccplans.StatusOf(rec.StatusRaw)
	if !hasStatusCol && rec.FollowUp != "" {
		// A follow-up column filled with the levels U/P/E (or a status
		// word) carries the row's status.
		if s := rccplans.StatusOf(rec.FollowUp); s != "" {
			rec.StatusRaw, rec.Status = rec.FollowUp, s
		}
	}
	return rec, true, ""
}

func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// htmlTag matches the simple inline tags a web conversion leaves in cells.
var htmlTag = regexp.MustCompile(`(?i)</?(?:p|b|i|u|em|strong|span|br|ul|ol|li|div|font|sup|sub)\b[^<>]*/?>`)

// cleanCell collapses white space and drops inline HTML a reader left.
func cleanCell(s string) string {
	if strings.ContainsRune(s, '<') {
		s = htmlTag.ReplaceAllString(s, " ")
	}
	return strings.Join(strings.Fields(s), " ")
}

// Labels inside a "Nuläge och ansvar" cell.
var (
	ansvarLabel = regexp.MustCompile(`(?i)\bansvar(?:ig)?\s*:`)
	statusLabel = regexp.MustCompile(`(?i)\bstatus\s*:`)
)

// SplitStateResponsible reads a combined cell "… Ansvar: X Status: Y":
// the text before the first label is the current state, X the
// responsible, Y the status as printed.
func SplitStateResponsible(s string) (state, responsible, status string) {
	s = cleanCell(s)
	a := ansvarLabel.FindStringIndex(s)
	st := statusLabel.FindStringIndex(s)
	switch {
	case a == nil && st == nil:
		return s, "", ""
	case a == nil:
		return strings.TrimSpace(s[:st[0]]), "", strings.TrimSpace(s[st[1]:])
	case st == nil:
		return strings.TrimSpace(s[:a[0]]), strings.TrimSpace(s[a[1]:]), ""
	case a[0] < st[0]:
		return strings.TrimSpace(s[:a[0]]), strings.TrimSpace(s[a[1]:st[0]]), strings.TrimSpace(s[st[1]:])
	default:
		return strings.TrimSpace(s[:st[0]]), strings.TrimSpace(s[a[1]:]), strings.TrimSpace(s[st[1]:a[0]])
	}
}

// Time expressions that may end a combined "Ansvarig-Tidsram" cell.
var timeToken = regexp.MustCompile(`(?i)^(?:` +
	`(?:19|20)\d\d(?:\s*[-–—/]\s*(?:(?:19|20)?\d\d))?[.,]?` + // 2022, 2022–2024, 2023–24, 2022–05
	`|(?:q|kv|kvartal|t|tertial)\s?[1-4]` + // Q2 (2023 follows)
	`|(?:ht|vt)[-\s]?(?:(?:19|20)?\d\d)?` + // HT 2023, VT24
	`|löpande|kontinuerligt|årligen|årlig|fortlöpande|återkommande|månadsvis|kvartalsvis|veckovis` +
	`|(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)` +
	`)$`)

// openRange is a year range broken after its dash: "2022– 2024".
var openRange = regexp.MustCompile(`\b((?:19|20)\d\d)\s*([-–—])\s+((?:19|20)?\d\d)\b`)

// quarterWord names a part of the year whose number follows it apart.
var quarterWord = map[string]bool{"q": true, "kv": true, "kvartal": true, "t": true, "tertial": true}

// timeLead are words that may open a time part ("under 2023", "senast
// Q2 2024", "hösten 2023").
var timeLead = map[string]bool{
	"under": true, "senast": true, "från": true, "fr.o.m.": true, "from": true, "till": true, "t.o.m.": true, "tom": true,
	"klart": true, "klar": true, "start": true, "hösten": true, "våren": true, "sommaren": true, "vintern": true,
	"början": true, "slutet": true, "mitten": true, "av": false,
}

// SplitTime splits the time part off the end of a combined
// responsible-and-time cell where it is plainly a time: a year or range,
// a quarter or term, "Löpande", with at most a few words after it
// ("2022–05 Utbyggnadsplan 4 år"). Otherwise all of it is responsible.
func SplitTime(s string) (responsible, timeframe string) {
	s = openRange.ReplaceAllString(cleanCell(s), "$1$2$3")
	w := strings.Fields(s)
	for i := 0; i < len(w); i++ {
		if !timeToken.MatchString(strings.Trim(w[i], "()")) {
			continue
		}
		if len(w)-i > 5 {
			continue
		}
		// A year inside parentheses belongs to the text before it.
		if strings.HasPrefix(w[i], "(") {
			continue
		}
		j := i
		for j > 0 {
			if timeLead[strings.ToLower(w[j-1])] {
				j--
				continue
			}
			// a quarter or tertial written apart: "kvartal 2 2025", "Q 2 2024"
			if j > 1 && quarterWord[strings.ToLower(w[j-2])] && len(w[j-1]) == 1 && w[j-1] >= "1" && w[j-1] <= "4" {
				j -= 2
				continue
			}
			break
		}
		return strings.Join(w[:j], " "), strings.Join(w[j:], " ")
	}
	return s, ""
}

// tableRecords reads the records of one plan table. Chapter and section
// are set by the caller.
func tableRecords(file string, pt planTable) (recs []rccplans.Record, warns []rccplans.Warning) {
	for _, row := range pt.rows {
		if isHeaderRow(row.Cells, pt.roles) {
			continue
		}
		rec, ok, why := record(row.Cells, pt.roles)
		if !ok {
			if why != "" {
				warns = append(warns, rccplans.Warning{File: file, Page: row.Page, Message: fmt.Sprintf("normalize: skipped %s", why)})
			}
			continue
		}
		rec.Page = row.Page
		recs = append(recs, perActivity(rec)...)
	}
	return recs, warns
}

// perActivity splits a row whose status cell holds one status for each
// of its activities (a list in one cell, the statuses a parallel list:
// "Igångsatt Färdigställd" beside two activities) into a record per
// activity, the goal and the rest repeated. It takes as many statuses as
// the activity cell has sentences; anything else stays one record.
func perActivity(rec rccplans.Record) []rccplans.Record {
	statuses := splitStatusRun(rec.StatusRaw)
	if len(statuses) < 2 {
		return []rccplans.Record{rec}
	}
	for _, s := range statuses {
		if rccplans.StatusPhrase(s) == "" {
			return []rccplans.Record{rec}
		}
	}
	acts := sentences(rec.Activity)
	if len(acts) != len(statuses) {
		return []rccplans.Record{rec}
	}
	out := make([]rccplans.Record, len(acts))
	for i := range acts {
		r := rec
		r.Activity, r.StatusRaw, r.Status = acts[i], statuses[i], rccplans.StatusOf(statuses[i])
		out[i] = r
	}
	return out
}

// sentences cuts text after a word that ends a sentence (".", "!", "?")
// where a capitalised word follows.
func sentences(text string) []string {
	var out []string
	var cur []string
	ws := strings.Fields(text)
	for i, w := range ws {
		cur = append(cur, w)
		if i+1 < len(ws) && strings.ContainsAny(w[len(w)-1:], ".!?") && startsUpper(ws[i+1]) {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// continuation tells a row that is the rest of the row before it, cut by a
// page break and not joined by the reader: it starts on a later page, it
// brings no goal or Område of its own (empty, or copies of a merged cell),
// and either the row before lacks the status the table has a column for,
// or the row has no goal at all (not even a merged copy).
func continuation(prev, row rccplans.Row, roles []rccplans.Column) bool {
	if row.Page <= prev.Page || prev.Page == 0 {
		return false
	}
	identity, ownGoal, copied := false, false, false
	statusCol, prevStatus, rowHasText := false, false, false
	for i, c := range row.Cells {
		if i >= len(roles) {
			break
		}
		t := strings.TrimSpace(c.Text)
		switch roles[i] {
		case rccplans.ColArea, rccplans.ColGoal:
			identity = true
			if t != "" && !c.Spanned {
				ownGoal = true
			}
			if c.Spanned {
				copied = true
			}
		case rccplans.ColStatus, rccplans.ColStateResponsible:
			statusCol = true
			if i < len(prev.Cells) && strings.TrimSpace(prev.Cells[i].Text) != "" {
				prevStatus = true
			}
		}
		if t != "" && !c.Spanned {
			rowHasText = true
		}
	}
	if !identity || ownGoal || !rowHasText {
		return false
	}
	if statusCol {
		return !prevStatus
	}
	return !copied
}

// mergeRows joins a continuation into the row before it, cell by cell; a
// copy of a merged cell is not repeated.
func mergeRows(prev, row rccplans.Row) rccplans.Row {
	out := rccplans.Row{Page: prev.Page, Cells: make([]rccplans.Cell, len(prev.Cells))}
	copy(out.Cells, prev.Cells)
	for i, c := range row.Cells {
		if i >= len(out.Cells) {
			out.Cells = append(out.Cells, c)
			continue
		}
		if c.Spanned || strings.TrimSpace(c.Text) == "" {
			continue
		}
		out.Cells[i].Text = rccplans.JoinLines([]string{out.Cells[i].Text, c.Text})
	}
	return out
}

// onlyTime reports whether every word of s is part of a time expression
// ("2023", "Q2 2024", "under 2023", "Löpande").
func onlyTime(s string) bool {
	for _, w := range strings.Fields(s) {
		if !timeToken.MatchString(strings.Trim(w, "()")) && !timeLead[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
