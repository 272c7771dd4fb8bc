package index

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// Highlights are made here rather than by bleve's highlighter, for three
// reasons: words found through the compound field (which has no positions
// worth showing) are marked too; the escaping is ours to see (document text
// is HTML-escaped piece by piece and only <mark> is added); and no term
// vectors have to be loaded for display.

const (
	snippetBefore = 80  // bytes of context before the first mark
	snippetLen    = 300 // bytes of a snippet
)

// marker decides which words of a text to mark.
type marker struct {
	an      analyzers
	stems   []string   // stems of the query words
	phrases [][]string // stems of the words of each phrase
	memo    map[string]string
}

func newMarker(ws, phrases []string, an analyzers) *marker {
	m := &marker{an: an, memo: map[string]string{}}
	for _, w := range ws {
		if s := norm(w); s != "" {
			m.stems = append(m.stems, s)
		}
	}
	for _, p := range phrases {
		var ps []string
		for _, w := range words(p) {
			ps = append(ps, m.stem(w))
		}
		if len(ps) > 0 {
			m.phrases = append(m.phrases, ps)
		}
	}
	if len(m.stems) == 0 && len(m.phrases) == 0 {
		return nil
	}
	return m
}

// stem returns the normal form of a lower-cased word.
func (m *marker) stem(w string) string {
	if s, ok := m.memo[w]; ok {
		return s
	}
	s := norm(w)
	m.memo[w] = s
	return s
}

// word reports whether the lower-cased document word w matches query stem s:
// same stem, a longer word starting with it, or a compound containing it.
func (m *marker) word(w, s string) bool {
	// A word whose normal form is s starts with s (see may): most words
	// are passed over without computing theirs.
	if !strings.Contains(w, s) {
		return false
	}
	return utf8.RuneCountInString(s) >= minPrefix || m.stem(w) == s
}

// may reports whether text can have a word to mark. A normal form is a
// prefix of its word (the stemmer and norm only take endings off:
// TestNormIsPrefix), so a word that matches a query stem contains it, and
// so does the lower-cased text: most fields of most hits are passed over
// without splitting them into words.
func (m *marker) may(text string) bool {
	lower := strings.ToLower(text)
	for _, s := range m.stems {
		if strings.Contains(lower, s) {
			return true
		}
	}
	for _, p := range m.phrases {
		if strings.Contains(lower, p[0]) {
			return true
		}
	}
	return false
}

type span struct{ start, end int }

// token is a word of a text with its byte span.
type token struct {
	term       string // lower-cased
	Start, End int
}

// tokens splits text into words (letters and digits) with their spans, as
// words does; much cheaper than the analyzer's Unicode segmenter.
func tokens(text string) []token {
	out := make([]token, 0, len(text)/6+1) // about a word per six bytes of Swedish
	start := -1
	for i, r := range text {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && start < 0 {
			start = i
		} else if !letter && start >= 0 {
			out = append(out, token{strings.ToLower(text[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, token{strings.ToLower(text[start:]), start, len(text)})
	}
	return out
}

// marks returns the byte spans of text to mark, in order.
func (m *marker) marks(text string) []span {
	if !m.may(text) {
		return nil
	}
	toks := tokens(text)
	marked := make([]bool, len(toks))
	for i, t := range toks {
		w := t.term
		for _, s := range m.stems {
			if m.word(w, s) {
				marked[i] = true
				break
			}
		}
	}
	for _, p := range m.phrases {
		for i := 0; i+len(p) <= len(toks); i++ {
			ok := true
			for j, s := range p {
				if t := toks[i+j].term; !strings.HasPrefix(t, s) || m.stem(t) != s {
					ok = false
					break
				}
			}
			if ok {
				for j := range p {
					marked[i+j] = true
				}
			}
		}
	}
	var out []span
	for i, t := range toks {
		if marked[i] {
			out = append(out, span{t.Start, t.End})
		}
	}
	return out
}

// snippet cuts one fragment of text around its first marks: escaped text
// with the marked words in <mark>. "" when nothing is marked.
func snippet(text string, marks []span) string {
	if len(marks) == 0 {
		return ""
	}
	start := marks[0].start - snippetBefore
	if start <= 0 {
		start = 0
	} else if i := strings.IndexByte(text[start:marks[0].start], ' '); i >= 0 {
		start += i + 1
	}
	end := start + snippetLen
	if end < marks[0].end {
		end = marks[0].end
	}
	if end >= len(text) {
		end = len(text)
	} else if i := strings.LastIndexByte(text[marks[0].end:end], ' '); i >= 0 {
		end = marks[0].end + i
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("… ")
	}
	at := start
	for _, s := range marks {
		if s.start < at || s.end > end {
			continue
		}
		b.WriteString(html.EscapeString(text[at:s.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.start:s.end]))
		b.WriteString("</mark>")
		at = s.end
	}
	b.WriteString(html.EscapeString(text[at:end]))
	if end < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

// textFields returns the highlightable fields of a hit, by field name.
func textFields(h Hit) [][2]string {
	if r := h.Record; r != nil {
		return [][2]string{{"goal", r.Goal}, {"activity", r.Activity}, {"rcc_activity", r.RCCActivity},
			{"current_state", r.CurrentState}, {"target", r.Target}, {"responsible", r.Responsible},
			{"area", r.Area}, {"chapter", r.Chapter}, {"section", r.Section}, {"timeframe", r.Timeframe},
			{"status_raw", r.StatusRaw}, {"follow_up", r.FollowUp}, {"evaluation", r.Evaluation}}
	}
	if s := h.Section; s != nil {
		return [][2]string{{"title", s.Title}, {"text", s.Text}}
	}
	return nil
}

func highlight(h Hit, m *marker, _ analyzers) map[string][]string {
	out := map[string][]string{}
	if m == nil {
		return out
	}
	for _, f := range textFields(h) {
		if f[1] == "" {
			continue
		}
		if s := snippet(f[1], m.marks(f[1])); s != "" {
			out[f[0]] = []string{s}
		}
	}
	return out
}

// Labels are the Swedish names of fields, for the page and the exports.
var Labels = map[string]string{
	"type": "Typ", "region": "Region", "rcc": "RCC", "kind": "Dokumenttyp", "status": "Status",
	"period": "Period", "chapter": "Kapitel", "section": "Avsnitt", "area_code": "Områdeskod", "area": "Område",
	"goal_number": "Målnummer", "goal": "Mål", "current_state": "Nuläge", "target": "Målnivå",
	"rcc_activity": "Aktivitet från RCC", "activity": "Aktivitet", "responsible": "Ansvarig",
	"timeframe": "Tidsplan", "status_raw": "Status (som skrivet)", "follow_up": "Uppföljning",
	"evaluation": "Utvärdering", "title": "Rubrik", "text": "Text", "source_file": "Källa", "page": "Sida",
	"doc_id": "Dokument", "number": "Nummer", "follow_up_year": "Uppföljningsår",
	"period_from": "Period från", "period_to": "Period till",
}

// ValueLabels are the Swedish names of facet values that are codes.
var ValueLabels = map[string]string{
	"record": "Aktivitet", "section": "Uppföljningsavsnitt",
	rccplans.StatusNotStarted: "Ej påbörjad", rccplans.StatusInProgress: "Pågående",
	rccplans.StatusDone: "Klar", rccplans.StatusOnHold: "Vilande",
}
