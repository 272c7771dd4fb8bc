package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// Abbreviations: the entries of a document's "Förkortningar" list.
//
// The list starts at a heading (or a one-line paragraph) named like
// "Förkortningar", "Förkortningslista" or "Förkortningar och begrepp",
// numbered or not, and runs to the next heading. Entries are printed as
// "BMA: biomedicinsk analytiker", "KSSK – kontaktsjuksköterska",
// "UmU Umeå universitet" (short form, then a space) or as the rows of a
// two-column table. A paragraph that holds several entries run together
// (a page break joined them) is split at each "SHORT:".
//
// On the seeds: all 21 entries of the follow-up report (text and PDF) and
// all 6 of the Västerbotten plan, nothing else. Limits: a long form that
// wraps onto a line of its own in a PDF whose reader splits it into two
// paragraphs loses its second line; a short form needs two capitals or
// at most four letters ("Nus").

var (
	abbrHeadRe = regexp.MustCompile(`^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?i:förkortningar|förkortningslista|förkortningar och begrepp|begrepp och förkortningar|ordlista och förkortningar|förkortningar och definitioner)\s*:?$`)
	// "SHORT: long", "SHORT – long", "SHORT - long", "SHORT = long"
	abbrSepRe = regexp.MustCompile(`^(\S{1,16}?)\s*(?::|\s[–—=-])\s*(\S.*)$`)
	// the start of a further entry inside a run-together paragraph
	abbrNextRe = regexp.MustCompile(`\s(\p{Lu}[\p{L}\d/&-]{0,15}):\s`)
)

func abbreviations(l *rccplans.Layout) []rccplans.Abbreviation {
	if l == nil {
		return nil
	}
	var out []rccplans.Abbreviation
	seen := map[string]bool{}
	add := func(short, long string) {
		short, long = strings.TrimSpace(short), strings.TrimSpace(strings.TrimRight(long, " ;,"))
		if short == "" || long == "" || seen[short+"\x00"+long] {
			return
		}
		seen[short+"\x00"+long] = true
		out = append(out, rccplans.Abbreviation{SourceFile: l.SourceFile, Short: short, Long: long})
	}
	in := false
	for _, b := range l.Blocks {
		text := strings.TrimSpace(b.Text)
		switch b.Kind {
		case rccplans.BlockHeading:
			in = abbrHeadRe.MatchString(text)
			continue
		case rccplans.BlockTable:
			if in && b.Table != nil {
				for _, r := range b.Table.Rows {
					if len(r.Cells) >= 2 && isShortForm(r.Cells[0].Text) {
						add(r.Cells[0].Text, r.Cells[1].Text)
					}
				}
			}
			continue
		}
		if abbrHeadRe.MatchString(text) {
			in = true
			continue
		}
		if !in {
			continue
		}
		n := 0
		for _, entry := range splitEntries(text) {
			if short, long, ok := abbrEntry(entry); ok {
				add(short, long)
				n++
			}
		}
		if n == 0 {
			in = false // prose after the list
		}
	}
	return out
}

// splitEntries cuts a paragraph that holds "A: x B: y" into entries.
func splitEntries(text string) []string {
	if _, _, ok := abbrEntry(text); !ok {
		return []string{text}
	}
	var parts []string
	for {
		loc := abbrNextRe.FindStringIndex(text)
		if loc == nil {
			break
		}
		parts = append(parts, text[:loc[0]])
		text = text[loc[0]+1:]
	}
	return append(parts, text)
}

// abbrEntry reads one "SHORT: long" / "SHORT – long" / "SHORT long" entry.
func abbrEntry(s string) (short, long string, ok bool) {
	s = strings.TrimSpace(s)
	if m := abbrSepRe.FindStringSubmatch(s); m != nil && isShortForm(m[1]) {
		return m[1], m[2], true
	}
	// "UmU Umeå universitet": a short form, a space, the long form
	short, long, found := strings.Cut(s, " ")
	if found && isShortForm(short) && !strings.HasSuffix(long, ".") && utf8.RuneCountInString(long) <= 120 {
		r, _ := utf8.DecodeRuneInString(strings.TrimSpace(long))
		// "Det finns …" is prose: a short form without two capitals needs
		// a capitalised long form ("Nus Norrlands universitetssjukhus")
		if unicode.IsLetter(r) && (capitals(short) >= 2 || unicode.IsUpper(r)) {
			return short, long, true
		}
	}
	return "", "", false
}

// isShortForm: a token with at least two capitals among at most 16
// characters ("KSSK", "UmU", "PET-DT", "KVÅ"), or a capitalised token of
// up to four letters ("Nus").
func isShortForm(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 16 || strings.ContainsAny(s, " \t") {
		return false
	}
	upper, letters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r), r == '-', r == '/', r == '&', r == '.':
		default:
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	return letters > 0 && unicode.IsUpper(first) && (upper >= 2 || n <= 4)
}

func capitals(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}
