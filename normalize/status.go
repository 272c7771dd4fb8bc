package normalize

import (
	"strings"
	"unicode"

	"rccplans"
)

// statusWords maps the leading word of a printed status (lower case, any
// inflection that starts so) to its normalised value. Longer prefixes are
// tried first, so "ej påbörjad" wins over "påbörjad".
var statusWords = []struct{ prefix, status string }{
	{"ej påbörja", rccplans.StatusNotStarted},
	{"inte påbörja", rccplans.StatusNotStarted},
	{"ej starta", rccplans.StatusNotStarted},
	{"inte starta", rccplans.StatusNotStarted},
	{"ej påbörjat arbete", rccplans.StatusNotStarted},
	{"ej införd", rccplans.StatusNotStarted},
	{"ej infört", rccplans.StatusNotStarted},
	{"ej genomförd", rccplans.StatusNotStarted},
	{"ej genomfört", rccplans.StatusNotStarted},
	{"uppstart", rccplans.StatusNotStarted},
	{"planera", rccplans.StatusNotStarted},
	{"påbörja", rccplans.StatusInProgress},
	{"pågå", rccplans.StatusInProgress},
	{"pågående", rccplans.StatusInProgress},
	{"startad", rccplans.StatusInProgress},
	{"under arbete", rccplans.StatusInProgress},
	{"under genomförande", rccplans.StatusInProgress},
	{"delvis", rccplans.StatusInProgress},
	{"klar", rccplans.StatusDone},
	{"genomför", rccplans.StatusDone},
	{"infört", rccplans.StatusDone},
	{"införd", rccplans.StatusDone},
	{"uppnått", rccplans.StatusDone},
	{"uppnådd", rccplans.StatusDone},
	{"uppfyllt", rccplans.StatusDone},
	{"uppfylld", rccplans.StatusDone},
	{"avslutad", rccplans.StatusDone},
	{"avslutat", rccplans.StatusDone},
	{"implementerad", rccplans.StatusDone},
	{"implementerat", rccplans.StatusDone},
	{"färdig", rccplans.StatusDone},
	{"avvakta", rccplans.StatusOnHold},
	{"vilande", rccplans.StatusOnHold},
	{"vilar", rccplans.StatusOnHold},
	{"pausa", rccplans.StatusOnHold},
	{"paus", rccplans.StatusOnHold},
	{"framskjut", rccplans.StatusOnHold},
}

// statusLetters are the one-letter levels of a follow-up column:
// Uppnått mål (U), Pågående arbete (P), Ej påbörjat arbete (E).
var statusLetters = map[string]string{
	"u": rccplans.StatusDone,
	"p": rccplans.StatusInProgress,
	"e": rccplans.StatusNotStarted,
}

// statusMarks are statuses printed as a traffic-light colour or a tick,
// which stand alone in their cell. The colours follow the common legend
// (grön = genomförd, gul = pågår, röd = ej påbörjad); a plan whose legend
// reads otherwise (red for "delayed") gets not_started where on_hold or
// in_progress would be right.
var statusMarks = map[string]string{
	"grön": rccplans.StatusDone, "grönt": rccplans.StatusDone,
	"gul": rccplans.StatusInProgress, "gult": rccplans.StatusInProgress,
	"röd": rccplans.StatusNotStarted, "rött": rccplans.StatusNotStarted,
	"✓": rccplans.StatusDone, "✔": rccplans.StatusDone, "☑": rccplans.StatusDone, "✅": rccplans.StatusDone,
}

// statusLead are words that may stand before the status word without
// making the text a remark ("Arbetet pågår", "Är genomfört").
var statusLead = map[string]bool{"arbete": true, "arbetet": true, "är": true, "har": true, "projektet": true, "status": true}

// Status normalises a printed status to not_started, in_progress, done or
// on_hold, or "" when the text is not a status. The status word must lead
// the text ("Pågår klinisk forskning …" is in progress; "När inte målet …"
// is a remark, not a status).
func Status(raw string) string {
	t := cleanStatus(raw)
	if t == "" {
		return ""
	}
	if s, ok := statusLetters[strings.TrimRight(t, ".:;")]; ok {
		return s
	}
	if s, ok := statusMarks[strings.TrimRight(t, ".:;!")]; ok {
		return s
	}
	// "U – uppnått", "P: pågående arbete".
	if len(t) > 2 && strings.ContainsRune(" :–-.", rune(t[1])) {
		if s, ok := statusLetters[t[:1]]; ok {
			rest := strings.TrimLeft(t[1:], " :–-.")
			if st := leadingStatus(rest); st == "" || st == s {
				return s
			}
		}
	}
	if s := leadingStatus(t); s != "" {
		return s
	}
	// One lead word ("Arbetet pågår").
	if i := strings.IndexByte(t, ' '); i > 0 && statusLead[t[:i]] {
		return leadingStatus(strings.TrimSpace(t[i+1:]))
	}
	return ""
}

func leadingStatus(t string) string {
	for _, w := range statusWords {
		if strings.HasPrefix(t, w.prefix) {
			return w.status
		}
	}
	return ""
}

// cleanStatus lower-cases and drops list bullets, dashes and brackets
// around a status.
func cleanStatus(raw string) string {
	t := strings.ToLower(strings.Join(strings.Fields(raw), " "))
	return strings.TrimFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("•-–—*·()[]\"'", r) || r == '\uf0b7'
	})
}

// statusList tells a cell that lists the possible statuses (the template
// row explaining a Status column: "• Ej påbörjad • Påbörjad • Klar") from a
// status: it holds two or more different status values.
func statusList(text string) bool {
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
		s := Status(p)
		if s == "" || len(strings.Fields(p)) > 3 || !onlyStatusWords(p) {
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

// statusFiller are the words a status phrase holds besides its status
// word ("Ej påbörjat arbete", "Uppnått mål").
var statusFiller = map[string]bool{"ej": true, "inte": true, "mål": true, "målet": true, "arbete": true, "arbetet": true, "är": true}

func onlyStatusWords(p string) bool {
	for _, w := range strings.Fields(p) {
		if Status(w) == "" && !statusFiller[strings.ToLower(strings.Trim(w, ".,:;()"))] {
			return false
		}
	}
	return true
}
