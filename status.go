package rccplans

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The status vocabulary: how plans print a status and the four values it
// maps to. normalize reads Status and Uppföljning cells with StatusOf; the
// layout-lost text reader ends a row at a line that is only a status
// (StatusPhrase). One table for both, so a status word learnt for one
// reader is known to the other.

// statusWords maps the leading word of a printed status (lower case, any
// inflection that starts so) to its normalised value. Longer prefixes are
// tried first, so "ej påbörjad" wins over "påbörjad".
var statusWords = []struct{ prefix, status string }{
	{"ej påbörja", StatusNotStarted},
	{"inte påbörja", StatusNotStarted},
	{"ej starta", StatusNotStarted},
	{"inte starta", StatusNotStarted},
	{"ej påbörjat arbete", StatusNotStarted},
	{"ej införd", StatusNotStarted},
	{"ej infört", StatusNotStarted},
	{"ej genomförd", StatusNotStarted},
	{"ej genomfört", StatusNotStarted},
	{"ej igång", StatusNotStarted},
	{"ej i gång", StatusNotStarted},
	{"inte igång", StatusNotStarted},
	{"inte i gång", StatusNotStarted},
	{"i gång", StatusInProgress},
	{"igångsatt", StatusInProgress},
	{"färdigställ", StatusDone},
	{"stoppa", StatusOnHold},  // "Stoppad"
	{"parkera", StatusOnHold}, // "Parkerad"
	{"åtgärdad", StatusDone},
	{"igång", StatusInProgress},
	{"avklara", StatusDone},     // "Avklarad"
	{"senarelag", StatusOnHold}, // "Senarelagd": postponed
	{"skjut", StatusOnHold},     // "Skjuten till 2027", "Skjuts upp"
	{"vänteläge", StatusOnHold},
	{"väntar", StatusOnHold},
	{"uppstartad", StatusInProgress}, // started up: under way
	{"uppstartat", StatusInProgress},
	{"uppstart", StatusNotStarted},
	{"ej inled", StatusNotStarted},
	{"inte inled", StatusNotStarted},
	{"inled", StatusInProgress}, // "Inledd": begun
	{"planera", StatusNotStarted},
	{"påbörja", StatusInProgress},
	{"pågå", StatusInProgress},
	{"pågående", StatusInProgress},
	{"startad", StatusInProgress},
	{"under arbete", StatusInProgress},
	{"under genomförande", StatusInProgress},
	{"delvis", StatusInProgress},
	// A delayed measure is still under way ("Försenad", "Försenat").
	{"försena", StatusInProgress},
	{"genomförd delvis", StatusInProgress}, // done in part: still going on
	{"genomfört delvis", StatusInProgress},
	{"fortlöpande", StatusInProgress},
	{"stående", StatusInProgress}, // "Stående uppdrag": a standing assignment, carried on
	{"klar", StatusDone},
	{"genomförs", StatusInProgress}, // is being carried out, not has been
	{"genomför", StatusDone},
	{"infört", StatusDone},
	{"införd", StatusDone},
	{"uppnått", StatusDone},
	{"uppnådd", StatusDone},
	{"uppfyllt", StatusDone},
	{"uppfylld", StatusDone},
	{"avslutad", StatusDone},
	{"avslutat", StatusDone},
	{"implementerad", StatusDone},
	{"implementerat", StatusDone},
	{"färdig", StatusDone},
	{"slutför", StatusDone},
	{"fullföljd", StatusDone},
	{"fullföljt", StatusDone},
	{"utförd", StatusDone},
	{"utfört", StatusDone},
	{"avvakta", StatusOnHold},
	{"inväntar", StatusOnHold}, // "Inväntar beslut"
	{"löpande", StatusInProgress},
	{"vilande", StatusOnHold},
	{"vilar", StatusOnHold},
	{"pausa", StatusOnHold},
	{"paus", StatusOnHold},
	{"framskjut", StatusOnHold},
	// English, alone or after a slash ("Klar/Done")
	{"not started", StatusNotStarted},
	{"ongoing", StatusInProgress},
	{"in progress", StatusInProgress},
	{"started", StatusInProgress},
	{"delayed", StatusInProgress},
	{"on hold", StatusOnHold},
	{"paused", StatusOnHold},
	{"done", StatusDone},
	{"completed", StatusDone},
	{"complete", StatusDone},
	{"finished", StatusDone},
}

// statusLetters are the one-letter levels of a follow-up column:
// Uppnått mål (U), Pågående arbete (P), Ej påbörjat arbete (E).
var statusLetters = map[string]string{
	"u": StatusDone,
	"p": StatusInProgress,
	"e": StatusNotStarted,
}

// statusMarks are statuses printed as a traffic-light colour or a tick,
// which stand alone in their cell. The colours follow the common legend
// (grön = genomförd, gul = pågår, röd = ej påbörjad); a plan whose legend
// reads otherwise (red for "delayed") gets not_started where on_hold or
// in_progress would be right.
var statusMarks = map[string]string{
	"grön": StatusDone, "grönt": StatusDone,
	"gul": StatusInProgress, "gult": StatusInProgress,
	"röd": StatusNotStarted, "rött": StatusNotStarted,
	"✓": StatusDone, "✔": StatusDone, "☑": StatusDone, "✅": StatusDone,
	"✗": StatusNotStarted, "✘": StatusNotStarted, "✕": StatusNotStarted, "❌": StatusNotStarted, "☐": StatusNotStarted,
	// Harvey balls: empty, partly filled, full
	"○": StatusNotStarted, "◔": StatusInProgress, "◐": StatusInProgress, "◑": StatusInProgress,
	"◒": StatusInProgress, "◓": StatusInProgress, "◕": StatusInProgress, "●": StatusDone,
}

// statusPercent reads a status printed as the share done: "0 %" is not
// started, "100 %" done, anything between in progress. ok is false for
// text that is not a percentage alone.
func statusPercent(t string) (string, bool) {
	n, ok := strings.CutSuffix(strings.TrimSpace(t), "%")
	n = strings.TrimSpace(n)
	if !ok || n == "" || len(n) > 3 {
		return "", false
	}
	v := 0
	for _, r := range n {
		if r < '0' || r > '9' {
			return "", false
		}
		v = v*10 + int(r-'0')
	}
	switch {
	case v == 0:
		return StatusNotStarted, true
	case v >= 100:
		return StatusDone, true
	}
	return StatusInProgress, true
}

// statusLead are words that may stand before the status word without
// making the text a remark ("Arbetet pågår", "Är genomfört").
var statusLead = map[string]bool{"arbete": true, "arbetet": true, "är": true, "har": true, "projektet": true, "status": true}

// StatusOf normalises a printed status to not_started, in_progress, done or
// on_hold, or "" when the text is not a status. The status word must lead
// the text ("Pågår klinisk forskning …" is in progress; "När inte målet …"
// is a remark, not a status).
func StatusOf(raw string) string {
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
	if s, ok := statusPercent(t); ok {
		return s
	}
	// a coloured dot printed before the word ("● Pågår"): the word tells
	if r, size := utf8.DecodeRuneInString(t); statusMarks[string(r)] != "" && size < len(t) && t[size] == ' ' {
		return StatusOf(t[size+1:])
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

// statusFiller are the words a status phrase holds besides its status
// word ("Ej påbörjat arbete", "Uppnått mål").
var statusFiller = map[string]bool{"beslut": true, "uppdrag": true, "till": true, "ej": true, "inte": true, "mål": true, "målet": true, "arbete": true, "arbetet": true, "är": true}

// statusTimes are statuses that alone on a line are as often a time
// ("Tidsplan: Löpande"): a status in a Status cell, never a line's status
// phrase.
var statusTimes = map[string]bool{"löpande": true, "fortlöpande": true}

// statusEndings are the endings a status stem takes as a word of its own
// ("pågå-r", "planera-d", "påbörja-t", "genomför-da", "implementerad-e").
// Not "-a": "Genomföra", "Klara" start an activity; and a stem that ends
// in -a is alone an infinitive ("Planera", "Påbörja"), not a status.
var statusEndings = map[string]bool{"": true, "en": true, "d": true, "t": true, "r": true, "s": true, "de": true, "da": true, "ts": true, "e": true}

// StatusPhrase is the status of a text that is a status and nothing else:
// status words with the filler of a status phrase, a year after them
// ("Ej påbörjat arbete", "Delvis genomförd", "Genomförd 2025", "Grön",
// "✓"); "" for anything more ("Planera utbildning", "Pågår sedan hösten")
// and for the one-letter codes U/P/E, which are statuses only in a column
// that grades by code.
func StatusPhrase(s string) string {
	t := cleanStatus(s)
	// "Klar/Done": a status in two languages
	ws := strings.FieldsFunc(t, func(r rune) bool { return unicode.IsSpace(r) || r == '/' })
	if len(ws) == 0 || len(ws) > 4 {
		return ""
	}
	seen := false // a status word came: years may follow
	for i := 0; i < len(ws); i++ {
		w := strings.Trim(ws[i], ".,:;!")
		if i+1 < len(ws) && multiWord(w+" "+strings.Trim(ws[i+1], ".,:;!")) {
			seen = true // "On hold", "Not started"
			i++
			continue
		}
		switch {
		case statusMarks[w] != "" || statusWord(w):
			seen = true
		case statusFiller[w] || w == "delvis":
		case seen && isYear(w):
		default:
			return ""
		}
	}
	if !seen {
		return ""
	}
	return StatusOf(s)
}

// multiWord: p is a status of two words that neither is alone ("on
// hold", "in progress").
func multiWord(p string) bool {
	for _, sw := range statusWords {
		if sw.prefix == p {
			return true
		}
	}
	return false
}

// statusWord: w is a status stem with at most an inflection after it.
func statusWord(w string) bool {
	for _, sw := range statusWords {
		if strings.Contains(sw.prefix, " ") || statusTimes[sw.prefix] {
			continue
		}
		if rest, ok := strings.CutPrefix(w, sw.prefix); ok && statusEndings[rest] && !(rest == "" && strings.HasSuffix(sw.prefix, "a")) {
			return true
		}
	}
	return false
}

func isYear(w string) bool {
	if len(w) != 4 || (w[:2] != "19" && w[:2] != "20") {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
