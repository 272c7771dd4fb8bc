package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Område codes: a chapter number, then dotted parts (letters, roman
// numerals, digits), closed by ")" or ".)" ("3.c.ii) Screening …",
// "4.a.) Register", "6) Forskning"), or a dotted code followed by a space
// ("3.c.ii Screening"), or a bare "5. Title", or a capital letter closed
// by "." or ")" ("A. Screening").
var (
	areaParen  = regexp.MustCompile(`^(\d{1,2}(?:\.[0-9A-Za-z]{1,6})*)\.?\s?\)\s*(.*)$`)
	areaDotted = regexp.MustCompile(`^(\d{1,2}(?:\.[0-9a-z]{1,6})+)\.?\s+(\S.*)$`)
	areaBare   = regexp.MustCompile(`^(\d{1,2})\.\s+(\p{Lu}.*)$`)
	areaOnly   = regexp.MustCompile(`^(\d{1,2}(?:\.[0-9a-z]{1,6})*)\.?\)?()$`)
	// a lettered area: "A. Screening", "B) Levnadsvanor"
	areaLetter = regexp.MustCompile(`^(\p{Lu})[.)]\s+(\p{Lu}.*)$`)
)

// SplitArea splits an Område cell into its code (without the closing ")"
// or ".") and its title. A note printed after the title in the same cell
// ("… (SVF) Se separat handlingsplan finns.") is not part of the title.
func SplitArea(s string) (code, title string) {
	s = strings.Join(strings.Fields(s), " ")
	for _, re := range []*regexp.Regexp{areaParen, areaDotted, areaBare, areaOnly, areaLetter} {
		if m := re.FindStringSubmatch(s); m != nil {
			code, s = strings.TrimRight(m[1], "."), m[2]
			break
		}
	}
	return code, dropTrailingNote(s)
}

// dropTrailingNote cuts a trailing sentence off a heading-like title: a
// title does not end with a full stop, so when the text does, the last
// run that starts with a capital word and holds no other capital is a
// note ("Standardiserade vårdförlopp (SVF) Se separat handlingsplan
// finns." -> "Standardiserade vårdförlopp (SVF)").
func dropTrailingNote(s string) string {
	if !strings.HasSuffix(s, ".") {
		return s
	}
	w := strings.Fields(s)
	if len(w) < 4 {
		return s
	}
	cut := -1
	for i := len(w) - 1; i > 0; i-- {
		r, _ := utf8.DecodeRuneInString(w[i])
		if unicode.IsUpper(r) {
			cut = i
			break
		}
	}
	if cut <= 0 || len(w)-cut < 3 {
		return s
	}
	head := strings.Join(w[:cut], " ")
	if strings.ContainsAny(head, ".!?:") {
		return s
	}
	return head
}

// goalNumber: "5. Region Blekinge …", "12) Alla …"; at most three digits so
// that a year ("2024 ska …") is never a number.
var goalNumber = regexp.MustCompile(`^(\d{1,3})\s?[.)]\s+(\S.*)$`)

// goalDotted: a goal numbered within its chapter, "2.3 Alla …" (the
// number closed by a space, or by "." or ")"). The text must start with a
// capital so that a decimal ("2.5 procent …") is never a number, and be a
// sentence (a full stop, or five words or more): a short label under a
// dotted code ("1.2 Förbättrad diagnostik") is a heading or an area.
// goalLabelled is a goal that names itself with its number: "Mål 3.2:
// Text", "Delmål 1: Text".
var goalLabelled = regexp.MustCompile(`^(?i:mål|delmål)\s+(\d{1,2}(?:\.\d{1,2}){0,3})\s*:\s+(\S.*)$`)

var goalDotted = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){1,3})(?:\.|\s?\))?\s+(\p{Lu}.*)$`)

// SplitGoal splits a printed goal number off a goal text.
func SplitGoal(s string) (number, goal string) {
	s = strings.Join(strings.Fields(s), " ")
	if m := goalLabelled.FindStringSubmatch(s); m != nil {
		return m[1], m[2] // "Mål 3.2: Text"
	}
	if m := goalDotted.FindStringSubmatch(s); m != nil && (strings.HasSuffix(m[2], ".") || len(strings.Fields(m[2])) >= 5) {
		return m[1], m[2]
	}
	m := goalNumber.FindStringSubmatch(s)
	if m == nil {
		return "", s
	}
	r, _ := utf8.DecodeRuneInString(m[2])
	if !unicode.IsLetter(r) && r != '"' && r != '«' && r != '(' {
		return "", s
	}
	return m[1], m[2]
}
