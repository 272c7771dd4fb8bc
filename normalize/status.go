package normalize

import (
	"strings"
	"unicode"

	"rccplans"
)

// statusList tells a cell that lists the possible statuses (the template
// row explaining a Status column: "• Ej påbörjad • Påbörjad • Klar") from a
// status: it holds two or more different status values.
func statusList(text string) bool {
	text = dropDot(text)
	parts := strings.FieldsFunc(text, func(r rune) bool { return r == '•' || r == '\uf0b7' || r == '\n' || r == '/' || r == ',' || r == ';' })
	if len(parts) < 2 {
		// Bullets may be lost: try word-wise ("Ej påbörjad Påbörjad Klar").
		parts = splitStatusRun(text)
	}
	seen := map[string]bool{}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		// Every item must be a bare status ("Ej påbörjad"), not a
		// sentence that starts with one.
		s := rccplans.StatusPhrase(p)
		if s == "" && len([]rune(p)) == 1 {
			s = rccplans.StatusOf(p) // a code: "U / P / E"
		}
		// a year makes it a status with a remark ("Pågår, klart 2026"), not a legend
		if s == "" || len(strings.Fields(p)) > 3 || strings.ContainsFunc(p, unicode.IsDigit) {
			return false
		}
		seen[s] = true
	}
	return len(seen) >= 2
}

// splitStatusRun cuts a run of capitalised status words into parts.
func splitStatusRun(text string) []string {
	var parts []string
	var cur []string
	for _, w := range strings.Fields(text) {
		r := []rune(w)
		if len(cur) > 0 && unicode.IsUpper(r[0]) && !(len(cur) == 1 && strings.EqualFold(cur[0], "ej")) {
			parts = append(parts, strings.Join(cur, " "))
			cur = nil
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		parts = append(parts, strings.Join(cur, " "))
	}
	return parts
}

// dropDot takes a coloured dot printed before a status word off it ("●
// Pågår" is Pågår): the dot is the word's colour, no status of its own.
func dropDot(s string) string {
	t := strings.TrimSpace(s)
	for _, d := range []string{"●", "○", "◐", "◑", "◒", "◓", "◔", "◕", "⬤", "🟢", "🟡", "🔴", "🟠"} {
		if rest, ok := strings.CutPrefix(t, d+" "); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest)
		}
	}
	return s
}
