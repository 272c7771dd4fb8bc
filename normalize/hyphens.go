package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// A reader joins a word broken by a line-end hyphen ("huvud-" + "halscancer"
// -> "huvudhalscancer"); but when the document prints the hyphenated form
// inside a line elsewhere ("huvud-halscancer"), the hyphen was the word's
// own. restoreHyphens puts it back in the records, using the document's
// spelling as the evidence (the rule the gold annotations follow).

// hyphenWord is a word with an inner hyphen between two lower-case letters.
var hyphenWord = regexp.MustCompile(`[\p{L}]+(?:-[\p{L}]+)+`)

// hyphenated collects the glued forms of the document's hyphenated words:
// "huvudhalscancer" -> "huvud-halscancer".
func hyphenated(l *rccplans.Layout) map[string]string {
	out := map[string]string{}
	add := func(text string) {
		for _, w := range hyphenWord.FindAllString(text, -1) {
			if !lowerJoints(w) {
				continue
			}
			glued := strings.ReplaceAll(w, "-", "")
			if _, seen := out[glued]; !seen {
				out[glued] = w
			}
		}
	}
	for _, b := range l.Blocks {
		add(b.Text)
		if b.Table == nil {
			continue
		}
		for _, r := range b.Table.Rows {
			for _, c := range r.Cells {
				if !c.Spanned {
					add(c.Text)
				}
			}
		}
	}
	return out
}

// lowerJoints: every hyphen of w sits between lower-case letters (the
// only joins a reader drops a hyphen at).
func lowerJoints(w string) bool {
	for i := strings.IndexByte(w, '-'); i >= 0; {
		before, _ := utf8.DecodeLastRuneInString(w[:i])
		after, _ := utf8.DecodeRuneInString(w[i+1:])
		if !unicode.IsLower(before) || !unicode.IsLower(after) {
			return false
		}
		j := strings.IndexByte(w[i+1:], '-')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return true
}

// restoreHyphens rewrites glued forms in s to the document's hyphenated
// spelling.
func restoreHyphens(s string, vocab map[string]string) string {
	if len(vocab) == 0 || s == "" {
		return s
	}
	return wordRe.ReplaceAllStringFunc(s, func(w string) string {
		if h, ok := vocab[w]; ok {
			return h
		}
		return w
	})
}

var wordRe = regexp.MustCompile(`[\p{L}]+`)

func restoreRecordHyphens(r *rccplans.Record, vocab map[string]string) {
	for _, f := range []*string{&r.Area, &r.Goal, &r.CurrentState, &r.Target, &r.RCCActivity, &r.Activity,
		&r.Responsible, &r.Timeframe, &r.FollowUp, &r.Evaluation} {
		*f = restoreHyphens(*f, vocab)
	}
}
