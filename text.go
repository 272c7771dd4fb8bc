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
func JoinLines(lines []string) string { return JoinLinesKnown(lines, nil) }

// JoinLinesKnown is JoinLines with the document's own spelling as
// evidence: when known reports that the hyphenated word ("huvud-halscancer",
// "Utbyggnads-plan") is printed whole somewhere in the document (inside a
// line, see HyphenWords), a line-end hyphen that would make it is kept
// rather than dropped. known may be nil.
func JoinLinesKnown(lines []string, known func(word string) bool) string {
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
		kind := hyphenJoin(prev, ln)
		if kind == joinDrop && known != nil {
			last := prev[strings.LastIndexAny(prev, " \t")+1:]
			if known(strings.Trim(last+strings.Fields(ln)[0], ".,;:()")) {
				kind = joinKeep
			}
		}
		switch kind {
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
	if strings.HasSuffix(prev, "–") && !strings.HasSuffix(prev, " –") {
		// A number range broken at its dash: "(18–" + "24 månader)".
		before, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(prev, "–"))
		after, _ := utf8.DecodeRuneInString(next)
		if unicode.IsDigit(before) && unicode.IsDigit(after) {
			return joinKeep
		}
		return joinSpace
	}
	if !strings.HasSuffix(prev, "-") || strings.HasSuffix(prev, " -") || prev == "-" {
		return joinSpace
	}
	first := strings.Fields(next)[0]
	if suspended[strings.ToLower(strings.Trim(first, ",."))] {
		return joinSpace
	}
	// One of a list of suspended compounds: "urinblåsa-" + "huvud-halscancer".
	if strings.Contains(strings.Trim(first, "-"), "-") {
		return joinSpace
	}
	// A compound that already has a hyphen keeps the one at the line end
	// too: "prehab-rehab-" + "mottagning".
	stem := strings.TrimSuffix(prev, "-")
	if last := stem[strings.LastIndexAny(stem, " \t")+1:]; strings.Contains(last, "-") {
		return joinKeep
	}
	before, _ := utf8.DecodeLastRuneInString(stem)
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

// HyphenWords collects the words printed with an inner hyphen inside a
// line ("huvud-halscancer", "Utbyggnads-plan"): the evidence
// JoinLinesKnown uses to keep a line-end hyphen. Line-final words are
// left out, since their hyphen may be a break.
func HyphenWords(lines []string) map[string]bool {
	out := map[string]bool{}
	for _, ln := range lines {
		f := strings.Fields(ln)
		for i, w := range f {
			if i == len(f)-1 {
				break
			}
			w = strings.Trim(w, ".,;:()")
			if j := strings.Index(w, "-"); j > 0 && j < len(w)-1 {
				out[w] = true
			}
		}
	}
	return out
}
