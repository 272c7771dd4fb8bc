package normalize

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"rccplans"
)

// Metadata is read from the document's own front matter: the blocks of its
// first pages (for inputs without pages, the first blocks) before the
// first table.
const (
	frontPages  = 2  // pages searched for the title, region and RCC
	frontBlocks = 40 // blocks searched when the input has no pages
)

// rccNames maps the ways an RCC is written to its model name. Longest
// first: "RCC Sydöst" must not be read as "RCC Syd".
var rccNames = []struct {
	re  *regexp.Regexp
	rcc string
}{
	{regexp.MustCompile(`(?i)\b(?:rcc|regionalt cancercentrum)[\s-]+sydöst`), "RCC Sydöst"},
	{regexp.MustCompile(`(?i)\b(?:rcc|regionalt cancercentrum)[\s-]+stockholm(?:[\s-]+gotland)?`), "RCC Stockholm Gotland"},
	{regexp.MustCompile(`(?i)\b(?:rcc|regionalt cancercentrum)[\s-]+mellansverige`), "RCC Mellansverige"},
	{regexp.MustCompile(`(?i)\b(?:rcc|regionalt cancercentrum)[\s-]+norr`), "RCC Norr"},
	{regexp.MustCompile(`(?i)\b(?:rcc|regionalt cancercentrum)[\s-]+syds?(?:[^\p{L}]|$)`), "RCC Syd"},
	{regexp.MustCompile(`(?i)\b(?:rcc|regionalt cancercentrum)[\s-]+väst`), "RCC Väst"},
}

// healthRegions maps the six sjukvårdsregioner (and their older names) to
// the RCC that serves them.
var healthRegions = []struct {
	re  *regexp.Regexp
	rcc string
}{
	{regexp.MustCompile(`(?i)\bsydöstra sjukvårdsregion`), "RCC Sydöst"},
	{regexp.MustCompile(`(?i)\bnorra sjukvårdsregion`), "RCC Norr"},
	{regexp.MustCompile(`(?i)\bsödra sjukvårdsregion`), "RCC Syd"},
	{regexp.MustCompile(`(?i)\bvästra sjukvårdsregion`), "RCC Väst"},
	{regexp.MustCompile(`(?i)\b(?:mellersta|mellansvenska) sjukvårdsregion|uppsala[\s-]+örebro sjukvårdsregion`), "RCC Mellansverige"},
	{regexp.MustCompile(`(?i)\bstockholm[\s-]+gotlands? sjukvårdsregion|sjukvårdsregion stockholm[\s-]+gotland`), "RCC Stockholm Gotland"},
}

// regions are Sweden's 21 regions as their plans name them, with the RCC
// whose sjukvårdsregion they belong to. Used for the region field and as
// the last resort for the RCC.
var regions = []struct{ name, rcc string }{
	{"Jämtland Härjedalen", "RCC Norr"}, {"Västernorrland", "RCC Norr"},
	{"Västerbotten", "RCC Norr"}, {"Norrbotten", "RCC Norr"},
	{"Uppsala", "RCC Mellansverige"}, {"Sörmland", "RCC Mellansverige"},
	{"Värmland", "RCC Mellansverige"}, {"Örebro län", "RCC Mellansverige"},
	{"Västmanland", "RCC Mellansverige"}, {"Dalarna", "RCC Mellansverige"},
	{"Gävleborg", "RCC Mellansverige"},
	{"Stockholm", "RCC Stockholm Gotland"}, {"Gotland", "RCC Stockholm Gotland"},
	{"Östergötland", "RCC Sydöst"}, {"Jönköpings län", "RCC Sydöst"},
	{"Kalmar län", "RCC Sydöst"},
	{"Kronoberg", "RCC Syd"}, {"Blekinge", "RCC Syd"}, {"Skåne", "RCC Syd"},
	{"Halland", "RCC Väst"}, {"Västra Götalandsregionen", "RCC Väst"},
}

var (
	// "2022–2024", "2024 - 2026", "2023–24", "2019—2021".
	yearRe   = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
	periodRe = regexp.MustCompile(`\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)?\d\d)\b`)
	// "gäller från och med 2022 till och med 2024", "för perioden 2022 till 2024".
	periodWordsRe = regexp.MustCompile(`(?i)\b((?:19|20)\d\d)\s+(?:till och med|till|tom\.?|t\.o\.m\.?)\s+((?:19|20)\d\d)\b`)
	// "Uppföljning för 2021 av", "Uppföljning (2023)", "uppföljning 2021".
	followUpRe = regexp.MustCompile(`(?i)\buppföljning(?:en)?\s+(?:för\s+|av\s+|år\s+)?\(?((?:19|20)\d\d)\)?`)
	// "Region Blekinge", "Region: Västerbotten", "Regionen Halland".
	regionNameRe = regexp.MustCompile(`\bRegion(?:en)?:?\s+(\p{Lu}[\p{L}-]+(?:\s+(?:län|\p{Lu}[\p{L}-]+))?)`)
	// A title given by label: "Rapportens titel: …", "Titel: …".
	titleLabelRe = regexp.MustCompile(`(?i)^(?:rapportens |dokumentets |planens )?titel:\s*(.+)$`)
	// The publisher given by label: "Rapporten utgiven av: RCC Norr".
	publisherRe = regexp.MustCompile(`(?i)\butgiven av:?\s*(.+)$`)
)

// kindWords give the kind from a title, tried in order: a follow-up of a
// plan is a follow-up; a regional "verksamhetsplan" that implements the
// RCC's cancer plan is the region's handlingsplan.
var kindWords = []struct{ word, kind string }{
	{"uppföljning", rccplans.KindUppfoljning},
	{"aktivitetsplan", rccplans.KindAktivitetplan},
	{"handlingsplan", rccplans.KindHandlingsplan},
	{"verksamhetsplan", rccplans.KindHandlingsplan},
	{"åtgärdsplan", rccplans.KindHandlingsplan},
	{"cancerplan", rccplans.KindCancerplan},
	{"utvecklingsplan", rccplans.KindCancerplan},
}

// front returns the text blocks of the front matter in reading order.
func front(l *rccplans.Layout) []rccplans.Block {
	paged := false
	for _, b := range l.Blocks {
		if b.Page > 0 {
			paged = true
			break
		}
	}
	var out []rccplans.Block
	for i, b := range l.Blocks {
		if paged && b.Page > frontPages || !paged && i >= frontBlocks {
			break
		}
		out = append(out, b)
	}
	return out
}

// meta fills the document's title, region, rcc, kind, period and
// follow-up year.
func meta(l *rccplans.Layout, doc *rccplans.Document) {
	fr := front(l)
	doc.Title = title(fr)
	doc.Kind = kindOf(doc.Title)
	if doc.Kind == "" {
		for _, b := range fr {
			if b.Kind != rccplans.BlockTable {
				if k := kindOf(firstLine(b.Text)); k != "" {
					doc.Kind = k
					break
				}
			}
		}
	}
	doc.PeriodFrom, doc.PeriodTo = period(doc.Title)
	if doc.PeriodFrom == 0 {
		for _, b := range fr {
			if b.Kind != rccplans.BlockTable {
				if f, t := period(b.Text); f != 0 {
					doc.PeriodFrom, doc.PeriodTo = f, t
					break
				}
			}
		}
	}
	if doc.PeriodFrom == 0 && doc.Kind != rccplans.KindUppfoljning {
		// A one-year plan: "Aktivitetsplan cancer 2025". Only the title
		// counts: front matter is full of single years (dates, decisions).
		if ys := yearRe.FindAllString(doc.Title, -1); len(ys) == 1 {
			y, _ := strconv.Atoi(ys[0])
			doc.PeriodFrom, doc.PeriodTo = y, y
		}
	}
	if m := followUpRe.FindStringSubmatch(doc.Title); m != nil {
		doc.FollowUpYear, _ = strconv.Atoi(m[1])
	}
	doc.RCC = rccOf(l, fr, doc.Title)
	doc.Region = regionOf(fr, doc.Title)
	if doc.Region == "" {
		// A document no region signs is the RCC's own (the gold's rule).
		doc.Region = doc.RCC
	}
	if doc.RCC == "" {
		for _, r := range regions {
			if doc.Region == "Region "+r.name || doc.Region == r.name {
				doc.RCC = r.rcc
			}
		}
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// title finds the document title: a labelled title wins; otherwise the
// first heading or short paragraph of the front matter that names a kind
// of plan, joined with the blocks that complete it (a title printed over
// several lines, a period on its own line).
func title(fr []rccplans.Block) string {
	for _, b := range fr {
		if b.Kind == rccplans.BlockTable {
			continue
		}
		for _, ln := range strings.Split(b.Text, "\n") {
			if m := titleLabelRe.FindStringSubmatch(strings.TrimSpace(ln)); m != nil {
				return cleanTitle(m[1])
			}
		}
	}
	// A title names its period or year: a block naming a kind without one (a
	// menu item "Handlingsplan", a breadcrumb "Start Cancervård
	// Handlingsplan") is the title only when no block with a period does.
	first := ""
	for i, b := range fr {
		if b.Kind == rccplans.BlockTable {
			break
		}
		t := oneLine(b.Text)
		if t == "" || len(t) > 220 || kindOf(t) == "" || mailHeader(t) {
			continue
		}
		// Join what completes the title: while it lacks a period, or ends
		// mid-phrase, a short following block belongs to it.
		for j := i + 1; j < len(fr) && j <= i+3; j++ {
			nb := fr[j]
			nt := oneLine(nb.Text)
			if nb.Kind == rccplans.BlockTable || nt == "" || len(nt) > 100 {
				break
			}
			hasPeriod := isPeriod(t)
			if endsDash(t) && nt[0] >= '0' && nt[0] <= '9' {
				hasPeriod = false
			}
			if hasPeriod && !endsOpen(t) {
				break
			}
			if !hasPeriod && !endsOpen(t) && (!isPeriod(nt) || kindOf(nt) != "") {
				break // a block that names a kind is a title of its own
			}
			if endsDash(t) {
				t += nt // "… för 2019–" + "2021"
			} else {
				t += " " + nt
			}
		}
		if yearRe.MatchString(t) {
			return cleanTitle(t)
		}
		if first == "" {
			first = cleanTitle(t)
		}
	}
	return first
}

// mailLabelRe: the labels of an e-mail's header lines.
var mailLabelRe = regexp.MustCompile(`(?:^|\s)(Från|Skickat|Till|Kopia|Ämne|From|Sent|To|Cc|Subject):\s`)

// mailHeader: the text is an e-mail's header (a plan pasted into a mail
// keeps it above): its subject names the plan and its date a year, but
// it is no title.
func mailHeader(t string) bool {
	labels := map[string]bool{}
	for _, m := range mailLabelRe.FindAllStringSubmatch(t, -1) {
		labels[m[1]] = true
	}
	sender := labels["Från"] || labels["From"] || labels["Skickat"] || labels["Sent"]
	return sender && len(labels) >= 2
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// endsOpen reports whether a title line stops mid-phrase: on a
// lower-case function word ("… av den", "… för").
func endsOpen(t string) bool {
	f := strings.Fields(t)
	if len(f) == 0 {
		return false
	}
	if endsDash(t) {
		return true // "… för 2019–" + "2021"
	}
	switch strings.ToLower(f[len(f)-1]) {
	case "av", "den", "det", "för", "och", "i", "inom", "till", "med", "på", "om", "gällande", "antagna", "enligt":
		return true
	}
	return false
}

func cleanTitle(t string) string {
	t = oneLine(strings.Trim(t, "*#_ "))
	return strings.TrimSuffix(t, ".")
}

func kindOf(title string) string {
	t := strings.ToLower(title)
	// A plan "med uppföljning" (with its follow-up columns) is still the
	// plan; the follow-up is what the title adds, not what it is.
	t = withFollowUp.ReplaceAllString(t, " ")
	for _, k := range kindWords {
		if strings.Contains(t, k.word) {
			return k.kind
		}
	}
	return ""
}

// withFollowUp is a follow-up named as a part of a plan: "… med
// uppföljning", "… samt uppföljning 2024", "inklusive uppföljning".
var withFollowUp = regexp.MustCompile(`\b(?:med|samt|inklusive|inkl\.?)\s+(?:årlig\s+)?uppföljning\b`)

// period reads a plan period from text: "2022–2024", "2023–24",
// "från och med 2022 till och med 2024".
// isPeriod: s names a period of years ("2024–2026"), not a date
// ("2026-02-20").
func isPeriod(s string) bool {
	from, _ := period(s)
	return from != 0
}

func period(s string) (from, to int) {
	m := periodRe.FindStringSubmatch(s)
	if m == nil {
		m = periodWordsRe.FindStringSubmatch(s)
	}
	if m == nil {
		return 0, 0
	}
	from, _ = strconv.Atoi(m[1])
	to, _ = strconv.Atoi(m[2])
	if to < 100 {
		to += from / 100 * 100
	}
	if to < from || to-from > 15 {
		return 0, 0
	}
	return from, to
}

// rccOf finds the RCC: named in the title, then in the front matter, then
// in table headers ("Uppdrag/Mål enligt RCC Mellansverige"), then the
// sjukvårdsregion the front matter names, then the RCC named most often in
// the whole document.
func rccOf(l *rccplans.Layout, fr []rccplans.Block, title string) string {
	if r := rccIn(title); r != "" {
		return r
	}
	menu := rccMenu(fr)
	frontText := func(yield func(string) bool) {
		for _, b := range fr {
			if menu[b.Text] {
				continue
			}
			if b.Kind == rccplans.BlockTable {
				for _, h := range b.Table.Header {
					if !yield(strings.Join(h, " ")) {
						return
					}
				}
				continue
			}
			if !yield(b.Text) {
				return
			}
		}
	}
	// A labelled publisher is the surest sign.
	for s := range frontText {
		for _, ln := range strings.Split(s, "\n") {
			if m := publisherRe.FindStringSubmatch(ln); m != nil {
				if r := rccIn(m[1]); r != "" {
					return r
				}
			}
		}
	}
	for s := range frontText {
		if r := rccIn(s); r != "" {
			return r
		}
	}
	for _, b := range l.Blocks {
		if b.Kind == rccplans.BlockTable && b.Table != nil {
			for _, h := range b.Table.Header {
				if r := rccIn(strings.Join(h, " ")); r != "" {
					return r
				}
			}
		}
	}
	for s := range frontText {
		if r := healthRegionIn(s); r != "" {
			return r
		}
	}
	// Most often named anywhere.
	count := map[string]int{}
	best := ""
	for _, b := range l.Blocks {
		texts := []string{b.Text}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row.Cells {
					if !c.Spanned {
						texts = append(texts, c.Text)
					}
				}
			}
		}
		for _, t := range texts {
			for _, n := range rccNames {
				if k := len(n.re.FindAllStringIndex(t, -1)); k > 0 {
					count[n.rcc] += k
					if best == "" || count[n.rcc] > count[best] {
						best = n.rcc
					}
				}
			}
		}
	}
	return best
}

// rccMenu finds the blocks of a site's menu listing the RCCs: two or
// more different RCCs each named alone in a block of its own ("RCC
// Norr", "RCC Sydöst", …). A page without its own <main> keeps its menu,
// and the first RCC there is not the publisher.
func rccMenu(fr []rccplans.Block) map[string]bool {
	alone := map[string]bool{}
	names := map[string]bool{}
	for _, b := range fr {
		if b.Kind == rccplans.BlockTable {
			continue
		}
		t := strings.TrimSpace(b.Text)
		if r := rccIn(t); r != "" && len(strings.Fields(t)) <= 3 {
			alone[b.Text] = true
			names[r] = true
		}
	}
	if len(names) < 2 {
		return nil
	}
	return alone
}

// rccIn returns the first RCC named in s.
func rccIn(s string) string {
	best, at := "", -1
	for _, n := range rccNames {
		if loc := n.re.FindStringIndex(s); loc != nil && (at < 0 || loc[0] < at) {
			best, at = n.rcc, loc[0]
		}
	}
	return best
}

func healthRegionIn(s string) string {
	best, at := "", -1
	for _, n := range healthRegions {
		if loc := n.re.FindStringIndex(s); loc != nil && (at < 0 || loc[0] < at) {
			best, at = n.rcc, loc[0]
		}
	}
	return best
}

// regionOf finds the issuing region: named in the title, or on a line of
// its own in the front matter ("Region Blekinge", "Region: Västerbotten").
// A region named in running text (a table of contents, an introduction)
// is not the issuer.
func regionOf(fr []rccplans.Block, title string) string {
	if r := regionIn(title); r != "" {
		return r
	}
	// the regions named on lines of their own; two or more different
	// ones are the parts of a report about several (an RCC's follow-up
	// with a heading per region), not its issuer
	var found []string
	for _, b := range fr {
		if b.Kind == rccplans.BlockTable {
			continue
		}
		for _, ln := range strings.Split(b.Text, "\n") {
			if r := regionLine(ln); r != "" && !slices.Contains(found, r) {
				found = append(found, r)
			}
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

// regionLine reads a region named on a line of its own ("Region
// Blekinge", "Region: Västerbotten", "Region Västerbotten. Planen är …").
func regionLine(ln string) string {
	ln = oneLine(strings.Trim(ln, "*#_ "))
	if len(strings.Fields(ln)) > 5 {
		// A line that opens with the region as a sentence of its own:
		// "Region Västerbotten. Planen är fastställd …".
		first, _, ok := strings.Cut(ln, ". ")
		if !ok || len(strings.Fields(first)) > 5 {
			return ""
		}
		ln = first
	}
	if r := regionIn(ln); r != "" && strings.HasPrefix(ln, "Region") {
		return r
	}
	for _, reg := range regions {
		if strings.EqualFold(ln, reg.name) && strings.Contains(reg.name, "region") {
			return reg.name
		}
	}
	return ""
}

// regionIn reads "Region X" from s, preferring the known region names (so
// that two-word names are whole and a following word is not taken).
func regionIn(s string) string {
	for _, loc := range regionNameRe.FindAllStringSubmatchIndex(s, -1) {
		rest := s[loc[2]:]
		for _, reg := range regions {
			if strings.HasPrefix(rest, reg.name) {
				if strings.HasSuffix(reg.name, "regionen") {
					return reg.name
				}
				return "Region " + reg.name
			}
		}
		name := s[loc[2]:loc[3]]
		// An unknown region: keep its first word unless the second is
		// plainly part of the name ("län").
		f := strings.Fields(name)
		if len(f) == 2 && f[1] != "län" {
			name = f[0]
		}
		if r := []rune(name); len(r) > 2 && unicode.IsUpper(r[0]) {
			return "Region " + name
		}
	}
	if strings.Contains(s, "Västra Götalandsregionen") {
		return "Västra Götalandsregionen"
	}
	return ""
}

func endsDash(t string) bool {
	return strings.HasSuffix(t, "–") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "—")
}
