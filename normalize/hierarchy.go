package normalize

import (
	"regexp"
	"strings"

	"rccplans"
)

// A plan may print its levels one under the other in one column, told
// apart by indentation, numbering and labels, with only the activities
// filling the other columns:
//
//	Område / Mål / Delmål / Aktivitet | Ansvarig | Tid | Läge
//	1. Levnadsvanor                   |          |     |
//	  1.1 Alla ska erbjudas …         |          |     |
//	    Delmål: Minst 70 % …          |          |     |
//	      – Följa upp andelen …       | FoU      | 2027| Pågår
//
// The column's title names the levels, outermost first. A line alone in
// the column sets its level (a label names it, an area code or a goal
// number tells it, or it is the next level down), the levels under it
// start again, and each activity row takes the levels above it.

// hierarchy is the state of one such column while its rows are read.
type hierarchy struct {
	col    int
	levels []rccplans.Column // outermost first; the last is the row's own (the leaf)
	titles []string          // the levels' titles, as HeaderKey
	cur    []string          // the text of each level above the current row
	last   int               // the level set last, -1 before any
}

// levelSep splits a title naming several levels.
var levelSep = regexp.MustCompile(`\s*[/>»]\s*`)

// levelLabel is a label that opens a level's line ("Delmål: …").
var levelLabel = regexp.MustCompile(`^(\p{L}[\p{L} ]{1,30}):\s*(\S.*)$`)

// hierarchyOf finds a column whose title names two or more levels
// ("Område / Mål / Delmål / Aktivitet"); nil when there is none. A role
// named twice is two names for one column ("Uppdrag/Mål"), unless the
// second is a Delmål under a Mål: the measurable target. Levels are
// areas, goals, targets and activities.
func hierarchyOf(titles []string) *hierarchy {
	for c, t := range titles {
		parts := levelSep.Split(strings.TrimSpace(t), -1)
		if len(parts) < 2 {
			continue
		}
		h := &hierarchy{col: c, last: -1}
		seen := map[rccplans.Column]bool{}
		ok := true
		for _, p := range parts {
			role := rccplans.ColumnOf(p)
			if k := rccplans.HeaderKey(p); seen[rccplans.ColGoal] && (strings.HasPrefix(k, "delmål") || strings.HasPrefix(k, "undermål")) {
				role = rccplans.ColTarget // a sub-goal under the goal: its measurable part
			}
			switch role {
			case rccplans.ColArea, rccplans.ColGoal, rccplans.ColTarget, rccplans.ColActivity:
			default:
				ok = false // "Tidsram/Ansvarig": two columns' worth, no levels
			}
			if !ok || seen[role] {
				ok = false // "Uppdrag/Mål": two names for one column
				break
			}
			seen[role] = true
			h.levels = append(h.levels, role)
			h.titles = append(h.titles, rccplans.HeaderKey(p))
		}
		if ok && (seen[rccplans.ColActivity] || seen[rccplans.ColGoal]) {
			h.cur = make([]string, len(h.levels))
			return h
		}
	}
	return nil
}

// leaf is the role of the column for the rows that fill the others.
func (h *hierarchy) leaf() rccplans.Column { return h.levels[len(h.levels)-1] }

// level reads a row that holds a level's line: text in the column and
// nothing in the others. It sets that level and clears the ones under it.
func (h *hierarchy) level(cells []string) bool {
	if h.col >= len(cells) || cells[h.col] == "" {
		return false
	}
	for c, t := range cells {
		if c != h.col && t != "" {
			return false
		}
	}
	text := cells[h.col]
	at := -1
	if m := levelLabel.FindStringSubmatch(text); m != nil {
		key := rccplans.HeaderKey(m[1])
		for i, t := range h.titles[:len(h.titles)-1] {
			if key == t {
				at, text = i, m[2]
			}
		}
	}
	if at < 0 {
		at = h.levelOf(text)
	}
	if at < 0 {
		return false
	}
	h.cur[at] = text
	for i := at + 1; i < len(h.cur); i++ {
		h.cur[i] = ""
	}
	h.last = at
	return true
}

// levelOf tells the level of an unlabelled line: an area by its code
// ("1. Levnadsvanor"), a goal by its number ("1.1 Alla …"), otherwise
// the level under the one set last. -1 for none (the leaf's level).
func (h *hierarchy) levelOf(text string) int {
	if code, _ := SplitArea(text); code != "" && !strings.Contains(code, ".") {
		if i := h.index(rccplans.ColArea); i >= 0 {
			return i
		}
	}
	if n, _ := SplitGoal(text); n != "" {
		if i := h.index(rccplans.ColGoal); i >= 0 {
			return i
		}
	}
	if next := h.last + 1; next < len(h.levels)-1 {
		return next
	}
	return -1
}

func (h *hierarchy) index(role rccplans.Column) int {
	for i, r := range h.levels[:len(h.levels)-1] {
		if r == role {
			return i
		}
	}
	return -1
}

// fill gives a record read from an activity row the levels above it,
// where its own row left them empty, and takes the list sign off its
// leaf's text.
func (h *hierarchy) fill(rec *rccplans.Record) {
	for i, role := range h.levels[:len(h.levels)-1] {
		t := h.cur[i]
		if t == "" {
			continue
		}
		switch role {
		case rccplans.ColArea:
			if rec.Area == "" && rec.AreaCode == "" {
				rec.AreaCode, rec.Area = SplitArea(t)
			}
		case rccplans.ColGoal:
			if rec.Goal == "" && rec.GoalNumber == "" {
				rec.GoalNumber, rec.Goal = SplitGoal(t)
			}
		case rccplans.ColTarget:
			if rec.Target == "" {
				rec.Target = t
			}
		case rccplans.ColCurrentState:
			if rec.CurrentState == "" {
				rec.CurrentState = t
			}
		}
	}
	switch h.leaf() {
	case rccplans.ColActivity:
		rec.Activity = trimListSign(rec.Activity)
	case rccplans.ColGoal:
		rec.Goal = trimListSign(rec.Goal)
	}
}

// trimListSign takes a dash or bullet off the front of a list item.
func trimListSign(s string) string {
	for _, p := range []string{"– ", "- ", "— ", "• ", "· "} {
		if t, ok := strings.CutPrefix(s, p); ok {
			return strings.TrimSpace(t)
		}
	}
	return s
}
