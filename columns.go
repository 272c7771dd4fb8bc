package rccplans

import (
	"slices"
	"strings"
	"unicode"
)

// Column is the role a plan table's column plays in the model. Header
// wording differs between regions ("Aktivitet i RV", "Aktiviteter för
// måluppfyllelse", "Planerade aktiviteter"); the role does not.
type Column string

const (
	ColUnknown          Column = ""
	ColArea             Column = "area"              // Område: "3.c.ii) Screening ..."
	ColGoal             Column = "goal"              // Mål, Målbild, Uppdrag/Mål enligt RCC
	ColCurrentState     Column = "current_state"     // Nuläge
	ColTarget           Column = "target"            // Mätbar målnivå
	ColRCCActivity      Column = "rcc_activity"      // Aktivitet från RCC
	ColActivity         Column = "activity"          // Aktivitet i RV, Planerade aktiviteter
	ColResponsible      Column = "responsible"       // Ansvarig
	ColResponsibleTime  Column = "responsible_time"  // Ansvarig-Tidsram (split later)
	ColTimeframe        Column = "timeframe"         // Tidsplan, Tidsram
	ColStatus           Column = "status"            // Status
	ColStateResponsible Column = "state_responsible" // Nuläge och ansvar ("Ansvar: … Status: …")
	ColFollowUp         Column = "follow_up"         // Uppföljning (may hold U/P/E)
	ColEvaluation       Column = "evaluation"        // Utvärdering
	ColNumber           Column = "number"            // Nr, #, Mål nr: the goal number in a column of its own
)

// HeaderKey folds a printed header cell into a comparable key: lower case,
// footnote stars dropped, a word broken inside a narrow column re-joined
// ("Uppfölj- ning*" -> "uppföljning"), white space collapsed. å, ä and ö
// stay letters of their own.
func HeaderKey(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if r == '*' || r == '\u00ad' {
			return -1
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	f := strings.Fields(s)
	var out []string
	for i := 0; i < len(f); i++ {
		w := f[i]
		// "uppfölj-" "ning": a hyphen at the end of a fragment followed by
		// a lower-case continuation is a break, not a compound.
		for strings.HasSuffix(w, "-") && i+1 < len(f) && len(w) > 1 && f[i+1] != "och" && startsLower(f[i+1]) {
			w = strings.TrimSuffix(w, "-") + f[i+1]
			i++
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// ColumnOf maps a printed header to its role, or ColUnknown. Order matters:
// the more specific wordings are tried first.
func ColumnOf(header string) Column {
	k := HeaderKey(header)
	if k == "" {
		return ColUnknown
	}
	c := columnOfKey(k)
	if c == ColUnknown && strings.Contains(k, " ") {
		// A word broken without a hyphen inside a narrow column
		// ("Uppföljnin g", "Tidspl an").
		c = columnOfKey(strings.ReplaceAll(k, " ", ""))
	}
	return c
}

func columnOfKey(k string) Column {
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(k, s) {
				return true
			}
		}
		return false
	}
	words := strings.FieldsFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	word := func(ws ...string) bool {
		for _, w := range words {
			for _, x := range ws {
				if w == x {
					return true
				}
			}
		}
		return false
	}
	if c, ok := englishTitles[k]; ok {
		return c
	}
	switch {
	case k == "#" || word("nr", "nummer", "målnummer", "målnr", "id") && len(words) <= 2 || numberWord(words):
		return ColNumber
	case len(words) > 0 && (words[0] == "status" || words[0] == "statusbedömning"):
		return ColStatus // "Status per aktivitet": what the title opens with is what the column holds
	case has("nuläge") && has("ansvar"):
		return ColStateResponsible
	case has("nuläge", "utgångsläge", "utgångsvärde", "läget idag"):
		return ColCurrentState
	case has("målnivå", "mätbar", "målvärde", "indikator", "mätetal", "effektmål", "förväntat resultat"):
		return ColTarget
	case has("ansvar") && has("tid"):
		return ColResponsibleTime
	case has("ansvar") || word("vem", "ägare", "utförare"):
		return ColResponsible
	case word("kommentar", "kommentarer") && hasYear(words):
		return ColFollowUp // "Kommentar 2026": what the year's follow-up says
	case has("lägesrapport", "lägesbedömning", "genomförandegrad") || has("%") && word("genomfört", "genomförd", "klart", "färdigt"):
		// "Genomfört (%)": the share done. Not the word alone, which is
		// a status value, no title
		return ColStatus
	case has("tidsplan", "tidplan", "tidsram", "tidpunkt", "tidsperiod", "tidsangivelse", "klart när", "genomförs under", "klar år", "klart år") ||
		word("när", "tid", "datum", "deadline", "klart", "senast", "period"):
		return ColTimeframe
	case endsWord(words, "område", "området", "områden") || word("fokus", "tema") && len(words) <= 2:
		// Compounds name the area, whatever they start with:
		// "Insatsområde" is no activity, "Målområde" no goal; so do
		// "Fokus" and "Tema" ("Fokus 1: Prevention")
		return ColArea
	case has("aktivitet", "åtgärd", "insats") && has("rcc") && !has("region", " rv", "i rv"):
		return ColRCCActivity
	case has("aktivitet", "åtgärd", "insats", "så gör vi", "så här gör vi", "hur gör vi"):
		return ColActivity
	case has("mål", "uppdrag"):
		return ColGoal
	case has("status") || word("läge"):
		return ColStatus // "Läge": how far the activity has come
	case has("uppföljning"):
		return ColFollowUp
	case has("utvärdering"):
		return ColEvaluation
	}
	return ColUnknown
}

// HeaderScore tells how much a row of cells looks like a plan table's
// header: the number of distinct known roles among its cells.
// englishTitles are column titles in English, as plans print them beside
// the Swedish ones ("Goal / Mål", "Activity / Aktivitet").
var englishTitles = map[string]Column{
	"goal": ColGoal, "goals": ColGoal, "objective": ColGoal, "objectives": ColGoal,
	"activity": ColActivity, "activities": ColActivity, "action": ColActivity, "actions": ColActivity,
	"responsible": ColResponsible, "owner": ColResponsible,
	"timeline": ColTimeframe, "timeframe": ColTimeframe, "time frame": ColTimeframe, "schedule": ColTimeframe,
	"due": ColTimeframe, "due date": ColTimeframe,
	"target": ColTarget, "indicator": ColTarget,
	"current state": ColCurrentState, "baseline": ColCurrentState,
	"follow-up": ColFollowUp, "follow up": ColFollowUp,
	"area": ColArea, "focus area": ColArea,
}

// hasYear: one of the words is a year.
func hasYear(words []string) bool {
	return slices.ContainsFunc(words, isYear)
}

// numberWord: a title of one word that is a number's compound
// ("Aktivitetsnr", "Insatsnummer"): the number column, not the activity.
func numberWord(words []string) bool {
	if len(words) != 1 {
		return false
	}
	w := words[0]
	return len([]rune(w)) > 4 && (strings.HasSuffix(w, "nr") || strings.HasSuffix(w, "nummer"))
}

func HeaderScore(cells []string) int {
	seen := map[Column]bool{}
	for _, c := range cells {
		if col := ColumnOf(c); col != ColUnknown {
			seen[col] = true
		}
	}
	return len(seen)
}

// endsWord reports whether a word ends in one of the suffixes.
func endsWord(words []string, suffixes ...string) bool {
	for _, w := range words {
		for _, s := range suffixes {
			if strings.HasSuffix(w, s) {
				return true
			}
		}
	}
	return false
}
