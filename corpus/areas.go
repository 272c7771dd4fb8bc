package corpus

import (
	"strings"
	"unicode"

	"rccplans"
)

// NationalArea is one of the areas every RCC cancer plan answers,
// whatever the region calls its chapters. Regions are compared on these.
type NationalArea struct {
	Key   string // stable identifier, used in exports
	Title string // Swedish display title
	// Terms are lower-case word prefixes or phrases that place a text in
	// the area. A term with a space is a phrase; otherwise it matches the
	// start of a word or, for compounds, anywhere inside a word of at
	// least len(term)+3 letters ("kontaktsjuksköterskorna" holds
	// "sjukskötersk").
	Terms []string
}

// NationalAreas is the documented mapping from headings and text to areas.
// Order is the display order. It is deliberately small and generic: the
// words are those of the national cancer strategy and the RCC plans, not of
// any one region's document.
var NationalAreas = []NationalArea{
	{"prevention", "Prevention och levnadsvanor", []string{"prevention", "förebygg", "levnadsvan", "hälsofrämj", "tobak", "alkohol", "fysisk aktivitet", "hpv-vaccin"}},
	{"screening", "Screening och tidig upptäckt", []string{"screening", "tidig upptäckt", "tidig diagnostik", "tidigt", "prostatacancertestning", "cellprov", "mammografi", "organiserad testning"}},
	{"arftlig", "Ärftlig cancer och genetik", []string{"ärftlig", "genetisk", "gentest", "cancergenetik"}},
	{"patient", "Kontaktsjuksköterska, Min vårdplan och patientmedverkan", []string{"kontaktsjukskötersk", "min vårdplan", "patientmedverkan", "närstående", "patientens medverkan", "patientfokus", "patientprocess", "patientöversikt", "delaktig"}},
	{"svf", "Standardiserade vårdförlopp och ledtider", []string{"standardiserade vårdförlopp", "svf", "ledtid", "väntetid", "vårdförlopp"}},
	{"diagnostik", "Diagnostik", []string{"diagnostik", "patologi", "radiologi", "bilddiagnostik", "pet-dt", "endoskopi"}},
	{"kunskapsstyrning", "Kunskapsstyrning, vårdprogram och register", []string{"kunskapsstyrning", "vårdprogram", "kvalitetsregist", "register", "vårdprocess", "multidisciplinär", "mdk", "lpo", "programområde"}},
	{"lakemedel", "Cancerläkemedel", []string{"läkemedel", "cancerläkemedel"}},
	{"rehabilitering", "Cancerrehabilitering", []string{"rehabilitering", "cancerrehab", "sena komplikationer", "sena effekter"}},
	{"palliativ", "Palliativ vård", []string{"palliativ", "livets slutskede", "brytpunkt"}},
	{"kompetens", "Kompetensförsörjning", []string{"kompetens", "utbildning", "bemanning", "rekryter"}},
	{"forskning", "Forskning och innovation", []string{"forskning", "innovation", "klinisk studie", "kliniska studier", "studier"}},
	{"digitalisering", "Digitalisering och distansöverbryggande teknik", []string{"digital", "distans", "e-tjänst", "it-stöd", "vård på distans"}},
	{"nivastrukturering", "Nivåstrukturering och jämlik vård", []string{"nivåstrukturering", "koncentration", "jämlik vård", "regional nivå"}},
	{"barn", "Barn och unga", []string{"barn och unga", "barncancer", "barnonkologi"}},
	{"ledning", "Ledning, styrning och uppföljning", []string{"ledning och styrning", "ledning", "verksamhetsutveckling"}},
}

// OtherArea is the key of records no area term places.
const OtherArea = "ovrigt"

// AreasOf returns the keys of the national areas a text mentions, in
// NationalAreas order. Phrases are matched first and their words are then
// spent: "tidig diagnostik" is screening, not also diagnostik.
func AreasOf(text string) []string {
	words := areaWords(text)
	if len(words) == 0 {
		return nil
	}
	joined := " " + strings.Join(words, " ") + " "
	hit := map[string]bool{}
	for _, a := range NationalAreas {
		for _, t := range a.Terms {
			if strings.Contains(t, " ") && strings.Contains(joined, " "+t) {
				hit[a.Key] = true
				joined = strings.ReplaceAll(joined, " "+t, " ")
			}
		}
	}
	words = strings.Fields(joined)
	var keys []string
	for _, a := range NationalAreas {
		if !hit[a.Key] {
			for _, t := range a.Terms {
				if !strings.Contains(t, " ") && termIn(t, words) {
					hit[a.Key] = true
					break
				}
			}
		}
		if hit[a.Key] {
			keys = append(keys, a.Key)
		}
	}
	return keys
}

// RecordArea places a record in one national area: the first area its
// headings name (section, area, chapter: the most specific first), else the
// area its goal and activity mention most, else OtherArea.
func RecordArea(r rccplans.Record) string {
	for _, h := range []string{r.Section, r.Area, r.Chapter} {
		if a := AreasOf(h); len(a) > 0 {
			return a[0]
		}
	}
	if a := AreasOf(r.Goal + " " + r.Activity); len(a) > 0 {
		return a[0]
	}
	return OtherArea
}

// recordAreas weighs the areas a record belongs to: 1 for an area its
// headings name (a chapter "Prevention och tidig diagnostik" is both
// prevention and screening), 0.6 for one only its goal names (a palliative
// goal under a chapter on kunskapsstyrning).
func recordAreas(r rccplans.Record) map[string]float64 {
	out := map[string]float64{}
	for _, h := range []string{r.Section, r.Area, r.Chapter} {
		for _, a := range AreasOf(h) {
			out[a] = 1
		}
	}
	for _, a := range AreasOf(r.Goal) {
		if out[a] == 0 {
			out[a] = 0.6
		}
	}
	return out
}

func appendNew(dst []string, keys ...string) []string {
	for _, k := range keys {
		found := false
		for _, d := range dst {
			if d == k {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, k)
		}
	}
	return dst
}

func termIn(term string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(w, term) {
			return true
		}
		// Compounds: Swedish writes "kontaktsjuksköterska",
		// "bröstcancerscreening". A long enough term inside a longer word
		// counts; short terms (svf, mdk) must start the word.
		if len(term) >= 6 && len(w) >= len(term)+3 && strings.Contains(w, term) {
			return true
		}
	}
	return false
}

// areaWords lower-cases text and splits it into words of letters, digits
// and inner hyphens.
func areaWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r))
	})
}
