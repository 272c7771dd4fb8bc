package corpus

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"rccplans"
)

// LinkOptions tunes Links. The zero value uses the defaults.
type LinkOptions struct {
	// MinScore keeps weak links out; default 0.30.
	MinScore float64
	// MaxPerRecord caps the links of one kind per record; default 3.
	MaxPerRecord int
}

func (o LinkOptions) minScore() float64 {
	if o.MinScore > 0 {
		return o.MinScore
	}
	return 0.30
}

func (o LinkOptions) maxPerRecord() int {
	if o.MaxPerRecord > 0 {
		return o.MaxPerRecord
	}
	return 3
}

// Links connects every record to the follow-up sections that report on it
// and to the records of earlier and later plans of the same region that
// carry the same goal.
//
// A follow-up section is a candidate only when it reports on the record's
// own region (same RCC, same region name) and the follow-up is not older
// than the plan's period start minus one (a 2021 follow-up of the 2019–2021
// plan may report on goals the 2022–2024 plan carries on). Its score mixes
// the national areas both share (headings: "Prevention och tidig
// diagnostik" ~ "Cancerprevention och tidig upptäckt") and the tf-idf
// cosine of their words; a record and a section that share no area need a
// high text similarity. Record-to-record links need the same region,
// another document, another period, and a similar goal.
//
// The result is sorted by From, Kind, descending Score, To.
func Links(recs []rccplans.Record, secs []rccplans.Section, opt LinkOptions) []rccplans.Link {
	v := newVectorizer()
	recVec := make([]termVec, len(recs))
	goalVec := make([]termVec, len(recs))
	for _, r := range recs {
		v.add(r.Chapter, r.Section, r.Area, r.Goal, r.Activity, r.RCCActivity)
	}
	for _, s := range secs {
		v.add(s.Title, s.Text)
	}
	for i, r := range recs {
		recVec[i] = v.vec(r.Chapter, r.Section, r.Area, r.Goal, r.Activity, r.RCCActivity)
		goalVec[i] = v.vec(r.Area, r.Goal)
	}
	secVec := make([]termVec, len(secs))
	secTitleAreas := make([][]string, len(secs))
	for i, s := range secs {
		secVec[i] = v.vec(s.Title, s.Text)
		secTitleAreas[i] = AreasOf(s.Title)
	}

	var out []rccplans.Link
	for i, r := range recs {
		areas := recordAreas(r)
		var cands []rccplans.Link
		for j, s := range secs {
			if !sameRegion(r.Region, s.Region) || (r.RCC != "" && s.RCC != "" && r.RCC != s.RCC) {
				continue
			}
			if s.FollowUpYear > 0 && r.PeriodFrom > 0 && s.FollowUpYear < r.PeriodFrom-1 {
				continue
			}
			shared, cover := coverage(areas, secTitleAreas[j])
			text := recVec[i].cosine(secVec[j])
			score := 0.6*cover + 0.4*text
			if len(shared) == 0 {
				score = text // no shared area: the words must carry it alone
			}
			if score < opt.minScore() {
				continue
			}
			cands = append(cands, rccplans.Link{From: r.ID(), To: s.ID(), Kind: rccplans.LinkFollowUp,
				Score: round3(score), Reason: reason("follow-up for "+s.Region, shared, recVec[i].shared(secVec[j], 4))})
		}
		out = append(out, best(cands, opt.maxPerRecord())...)

		var earlier, later []rccplans.Link
		for j, o := range recs {
			if j == i || o.DocID == r.DocID || !sameRegion(r.Region, o.Region) || o.PeriodFrom == r.PeriodFrom || o.PeriodFrom == 0 || r.PeriodFrom == 0 {
				continue
			}
			score := goalVec[i].cosine(goalVec[j])
			if r.AreaCode != "" && r.AreaCode == o.AreaCode {
				score = math.Min(1, score+0.15)
			}
			if score < math.Max(opt.minScore(), 0.45) {
				continue
			}
			l := rccplans.Link{From: r.ID(), To: o.ID(), Score: round3(score),
				Reason: reason(fmt.Sprintf("same goal in the %d–%d plan", o.PeriodFrom, o.PeriodTo), nil, goalVec[i].shared(goalVec[j], 4))}
			if o.PeriodFrom < r.PeriodFrom {
				l.Kind = rccplans.LinkEarlier
				earlier = append(earlier, l)
			} else {
				l.Kind = rccplans.LinkLater
				later = append(later, l)
			}
		}
		out = append(out, best(earlier, opt.maxPerRecord())...)
		out = append(out, best(later, opt.maxPerRecord())...)
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.From != y.From {
			return x.From < y.From
		}
		if x.Kind != y.Kind {
			return x.Kind < y.Kind
		}
		if x.Score != y.Score {
			return x.Score > y.Score
		}
		return x.To < y.To
	})
	return out
}

func best(ls []rccplans.Link, n int) []rccplans.Link {
	sort.SliceStable(ls, func(a, b int) bool {
		if ls[a].Score != ls[b].Score {
			return ls[a].Score > ls[b].Score
		}
		return ls[a].To < ls[b].To
	})
	if len(ls) > n {
		ls = ls[:n]
	}
	return ls
}

func reason(what string, areas, terms []string) string {
	parts := []string{what}
	if len(areas) > 0 {
		parts = append(parts, "areas: "+strings.Join(areas, ", "))
	}
	if len(terms) > 0 {
		parts = append(parts, "shared words: "+strings.Join(terms, ", "))
	}
	return strings.Join(parts, "; ")
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

// sameRegion compares region names loosely: "Region Jämtland Härjedalen"
// and "Region Jämtland-Härjedalen", "Västerbotten" and "Region
// Västerbotten" are the same region.
func sameRegion(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	return regionKey(a) == regionKey(b)
}

func regionKey(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "region ")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '–' }), " ")
}

// coverage is how much of a section's areas (from its title) the record's
// weighted areas cover, and which areas they share. A section title is
// specific ("Förstärkt palliativ vård"), a record's areas are broad.
func coverage(rec map[string]float64, sec []string) ([]string, float64) {
	if len(sec) == 0 {
		return nil, 0
	}
	var shared []string
	var sum float64
	for _, a := range sec {
		if w := rec[a]; w > 0 {
			shared = append(shared, a)
			sum += w
		}
	}
	return shared, sum / float64(len(sec))
}

// vectorizer builds tf-idf vectors over light Swedish stems.
type vectorizer struct {
	df   map[string]int
	docs int
}

type termVec map[string]float64

func newVectorizer() *vectorizer { return &vectorizer{df: map[string]int{}} }

func (v *vectorizer) add(texts ...string) {
	v.docs++
	seen := map[string]bool{}
	for _, t := range texts {
		for _, s := range stems(t) {
			if !seen[s] {
				seen[s] = true
				v.df[s]++
			}
		}
	}
}

func (v *vectorizer) vec(texts ...string) termVec {
	tf := map[string]float64{}
	for _, t := range texts {
		for _, s := range stems(t) {
			tf[s]++
		}
	}
	var norm float64
	for s, n := range tf {
		w := (1 + math.Log(n)) * math.Log(1+float64(v.docs)/float64(1+v.df[s]))
		tf[s] = w
		norm += w * w
	}
	norm = math.Sqrt(norm)
	if norm > 0 {
		for s := range tf {
			tf[s] /= norm
		}
	}
	return tf
}

func (a termVec) cosine(b termVec) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	var dot float64
	for s, w := range a {
		dot += w * b[s]
	}
	return dot
}

// shared lists the n heaviest terms both vectors hold, for the reason.
func (a termVec) shared(b termVec, n int) []string {
	type tw struct {
		t string
		w float64
	}
	var ts []tw
	for s, w := range a {
		if bw, ok := b[s]; ok {
			ts = append(ts, tw{s, w * bw})
		}
	}
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].w != ts[j].w {
			return ts[i].w > ts[j].w
		}
		return ts[i].t < ts[j].t
	})
	var out []string
	for i := 0; i < len(ts) && i < n; i++ {
		out = append(out, ts[i].t)
	}
	return out
}

// stopwords are Swedish function words and the words every plan repeats.
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`och i att för av med som på till en ett det den de är ska skall samt om från vid inom har kan
	alla sina sin sitt under efter eller mer nya ny genom mellan även också där detta dessa denna vara varit blir bli bör
	region regionen regionens rcc cancer cancervården cancervård mål arbete arbeta arbetet utifrån enligt varje bland ut inte
	så än när hur vad vilka vilken sker finns få får kommer mot per år`) {
		stopwords[w] = true
	}
}

// suffixes are stripped, longest first, while a stem of four letters
// remains: enough for "sjuksköterskor" and "sjuksköterskan" to meet.
var suffixes = []string{"arnas", "ernas", "ornas", "heten", "arna", "erna", "orna", "ande", "ende", "het", "ens", "are", "ar", "er", "or", "en", "et", "na", "a", "e", "s"}

func stems(text string) []string {
	var out []string
	for _, w := range areaWords(text) {
		w = strings.Trim(w, "-")
		if len([]rune(w)) < 3 || stopwords[w] {
			continue
		}
		for _, suf := range suffixes {
			if strings.HasSuffix(w, suf) && len([]rune(w))-len([]rune(suf)) >= 4 {
				w = strings.TrimSuffix(w, suf)
				break
			}
		}
		out = append(out, w)
	}
	return out
}
