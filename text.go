package rccplans

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// JoinLines joins the printed lines of one cell or paragraph with single
// spaces, re-joining a word broken by a line-end hyphen ("vårdprog-" +
// "rammet" -> "vårdprogrammet") while keeping real compounds: a hyphen after
// a capital or digit ("SVF-" + "Cancer" -> "SVF-Cancer") and a suspended
// compound ("tjock-" + "och" -> "tjock- och") keep it.
func JoinLines(lines []string) string {
	var b strings.Builder
	for _, ln := range lines {
		ln = strings.Join(strings.Fields(ln), " ")
		if ln == "" {
			continue
		}
		if b.Len() == 0 {
			b.WriteString(ln)
			continue
		}
		prev := b.String()
		switch hyphenJoin(prev, ln) {
		case joinDrop:
			s := strings.TrimSuffix(prev, "-")
			b.Reset()
			b.WriteString(s)
		case joinKeep:
		default:
			b.WriteByte(' ')
		}
		b.WriteString(ln)
	}
	return b.String()
}

type joinKind int

const (
	joinSpace joinKind = iota // ordinary line break: a space
	joinDrop                  // broken word: drop the hyphen, no space
	joinKeep                  // compound broken at its hyphen: keep it, no space
)

// suspended are the words after which "X- " is a suspended compound
// ("barn- och ungdomsmedicin").
var suspended = map[string]bool{"och": true, "eller": true, "samt": true, "som": true, "till": true, "&": true}

func hyphenJoin(prev, next string) joinKind {
	if !strings.HasSuffix(prev, "-") || strings.HasSuffix(prev, " -") || prev == "-" {
		return joinSpace
	}
	first := strings.Fields(next)[0]
	if suspended[strings.ToLower(strings.Trim(first, ",."))] {
		return joinSpace
	}
	before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(prev, "-"))
	after, _ := utf8.DecodeRuneInString(next)
	switch {
	case unicode.IsLower(before) && unicode.IsLower(after):
		return joinDrop
	case unicode.IsLetter(after) || unicode.IsDigit(after):
		// "SVF-" + "Cancer", "HPV-" + "vaccinationsprogrammet", "(18–" ...
		return joinKeep
	}
	return joinSpace
}
