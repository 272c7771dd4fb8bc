package corpus

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"rccplans/extract"
)

// Entry is one document an RCC listing page names.
type Entry struct {
	RCC          string `json:"rcc"`
	Title        string `json:"title"`
	Kind         string `json:"kind"` // cancerplan, handlingsplan, uppfoljning, processplan, utvecklingsplan, annat
	PeriodFrom   int    `json:"period_from"`
	PeriodTo     int    `json:"period_to"`
	FollowUpYear int    `json:"follow_up_year"`
	URL          string `json:"url,omitempty"` // absolute where the page gives a link
}

// Entry kinds.
const (
	EntryCancerplan      = "cancerplan"
	EntryHandlingsplan   = "handlingsplan"
	EntryUppfoljning     = "uppfoljning"
	EntryProcessplan     = "processplan"
	EntryUtvecklingsplan = "utvecklingsplan"
	EntryAnnat           = "annat"
)

// Discover reads a listing page and returns the documents it lists, in
// page order. base (the page's own address, may be "") resolves relative
// links and, when its path names an RCC (/norr/, /syd/ …), gives the RCC
// of entries listed before any heading names one.
//
// The page may be HTML or its text conversion. In HTML the entries are the
// links that stand alone in their paragraph or list item, or that point at
// a document file; headings are <h1>–<h6>. In text the links are gone and
// are told from headings by what follows them: a heading is followed by
// its prose, a list, a link note ("PDF-filer, öppnas i nytt fönster") or
// an annotated link, and a line naming several documents ("Tidigare
// cancerplaner") heads a list; a link is followed by another link, the
// next heading or an empty paragraph. A link annotation "(pdf, öppnas i
// nytt fönster)" marks a link in both forms and is dropped from the title.
//
// The RCC of an entry is the last one a heading, or the prose that opens a
// new section, names ("norra sjukvårdsregionen", "RCC Sydöst"); a heading
// right above such prose opens the section with it. A plan listed without
// a period takes the period its own heading prints, or for the plan kinds
// the one the section's prose gives ("gäller från och med 2022 till och
// med 2024"). A section that links no plan document but whose heading
// names one ("Regional utvecklingsplan för Västra sjukvårdsregionen")
// lists that plan under its heading.
//
// Known limits: in text, a last link that prints no period and is
// followed by prose reads as a heading (unless an empty paragraph
// separates them); an RCC named only in body text of another section
// moves the entries after it.
func Discover(base string, data []byte) (entries []Entry, err error) {
	defer func() {
		if r := recover(); r != nil {
			entries, err = nil, fmt.Errorf("corpus: discover: %v", r)
		}
	}()
	var baseURL *url.URL
	if base != "" {
		if baseURL, err = url.Parse(base); err != nil {
			return nil, fmt.Errorf("corpus: discover: base %q: %w", base, err)
		}
	}
	data = extract.UTF8(data)
	var lines []pageLine
	if looksHTML(data) {
		lines, err = htmlPageLines(data, baseURL)
		if err != nil {
			return nil, fmt.Errorf("corpus: discover: %w", err)
		}
	} else {
		lines = textPageLines(string(data))
	}
	return discoverLines(lines, rccFromURL(baseURL)), nil
}

// lineRole is what a line of a listing page is.
type lineRole int

const (
	roleSpacer  lineRole = iota // an empty paragraph: a visual gap
	roleHeading                 // a heading
	roleProse                   // running text, never an entry
	roleNote                    // a link note: "PDF-filer, öppnas i nytt fönster"
	roleBullet                  // a list item that is no link
	roleLink                    // a link to a listed document
	roleTitle                   // text only: a heading or a link, to be told apart
)

type pageLine struct {
	text      string
	role      lineRole
	url       string
	annotated bool // carried a link annotation such as "(pdf)"
	item      bool // a list item naming a document: a link, never a heading
	image     bool // a link with no text but an image
}

func looksHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 4096)]))
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	for _, tag := range []string{"<!doctype html", "<html", "<body", "<div", "<a ", "<p", "<h1", "<h2", "<ul", "<section", "<main", "<article"} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return false
}

var (
	// annotation is a link note at the end of a title: "(pdf, öppnas i
	// nytt fönster)", "(pdf)", "(PDF, 2 MB)".
	annotation = regexp.MustCompile(`(?i)\s*\((?:[^()]*(?:pdf|docx?|xlsx?|pptx?|öppnas|fönster|\d\s*[km]b)[^()]*)\)\s*$`)
	// noteLine is a line that only tells how links open.
	noteLine   = regexp.MustCompile(`(?i)^(?:pdf[- ]?filer?|dokument|filer|länkar)?[ ,]*(?:öppnas|som öppnas) i (?:ett )?nytt fönster\.?$|^(?i:pdf[- ]?filer?)[ ,.:]*$`)
	bulletMark = regexp.MustCompile(`^\s*(?:[•·▪◦‣∙*]|[-–](?:\s))\s*`)
	// pluralDocs are words that name several documents: a line holding
	// one heads a list ("Tidigare uppföljningar av cancerplaner").
	pluralDocs = regexp.MustCompile(`(?i)(?:planer|uppföljningar|rapporter|dokumenten?|bilagor)(?:$|[^\p{L}])`)
	navLine    = regexp.MustCompile(`(?i)^(?:till|gå till|hoppa till|tillbaka till)\s`)
)

// textPageLines splits a text conversion into lines with roles; the ones
// that may be a heading or a link are settled by what follows.
func textPageLines(s string) []pageLine {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var out []pageLine
	for _, raw := range strings.Split(s, "\n") {
		if strings.TrimFunc(raw, func(r rune) bool { return r == ' ' || r == '\t' }) == "" {
			continue // a blank line only separates
		}
		t := strings.Join(strings.Fields(raw), " ")
		if t == "" {
			out = append(out, pageLine{role: roleSpacer})
			continue
		}
		out = append(out, classifyText(t))
	}
	// A title line is a heading when what follows belongs to it.
	for i := range out {
		if out[i].role != roleTitle {
			continue
		}
		next, nextText := roleSpacer, ""
		var nextAnnotated bool
		if i+1 < len(out) {
			next, nextText = out[i+1].role, out[i+1].text
			nextAnnotated = out[i+1].annotated || out[i+1].item
		}
		heading := false
		switch {
		case out[i].annotated || out[i].item:
		case navLine.MatchString(out[i].text):
			heading = true // a skip link is no document
		case next == roleProse && i > 0 && out[i-1].role == roleLink && findPeriod(out[i].text).from != 0 && rccNamed(nextText) == "":
			// The last of a list of links, with the page's closing prose
			// after it: it continues the list (it names a plan period)
			// and the prose opens no new section.
		case next == roleProse || next == roleNote || next == roleBullet:
			heading = true
		case next == roleTitle && nextAnnotated:
			heading = true
		case pluralDocs.MatchString(out[i].text) && findPeriod(out[i].text).from == 0:
			heading = true
		}
		if heading {
			out[i].role = roleHeading
		} else {
			out[i].role = roleLink
		}
	}
	return out
}

func classifyText(t string) pageLine {
	if m := bulletMark.FindString(t); m != "" && len(m) < len(t) {
		item := strings.TrimSpace(t[len(m):])
		if annotation.MatchString(item) {
			return pageLine{text: item, role: roleTitle, annotated: true}
		}
		if Kind(item) != EntryAnnat && !pluralDocs.MatchString(item) {
			// a list of links to plans, converted with its bullets
			return pageLine{text: item, role: roleTitle, item: true}
		}
		return pageLine{text: item, role: roleBullet}
	}
	if annotation.MatchString(t) {
		return pageLine{text: t, role: roleTitle, annotated: true}
	}
	if noteLine.MatchString(t) {
		return pageLine{text: t, role: roleNote}
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?:;", last) || utf8.RuneCountInString(t) > 160 {
		return pageLine{text: t, role: roleProse}
	}
	return pageLine{text: t, role: roleTitle}
}

// htmlPageLines walks a page's DOM into lines: headings, standalone links,
// list items and prose, with links resolved against base.
func htmlPageLines(data []byte, base *url.URL) ([]pageLine, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	w := &pageWalker{base: base, ids: map[string]*html.Node{}}
	w.index(root, 0)
	w.walk(root, 0)
	return w.out, nil
}

type pageWalker struct {
	base *url.URL
	out  []pageLine
	ids  map[string]*html.Node // elements by id, for tab panels' labels
}

func (w *pageWalker) index(n *html.Node, depth int) {
	if depth > 512 {
		return
	}
	if n.Type == html.ElementNode {
		if id := attrOf(n, "id"); id != "" {
			if _, dup := w.ids[id]; !dup {
				w.ids[id] = n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.index(c, depth+1)
	}
}

// panelRCC names the RCC of a tab panel: by the tab that labels it
// (aria-labelledby), or by its own id ("norr", "sydost"). Pages that list
// every RCC's documents in tabs often print no heading naming the RCC
// inside the panel.
func (w *pageWalker) panelRCC(n *html.Node) string {
	if id := attrOf(n, "aria-labelledby"); id != "" {
		if l, ok := w.ids[id]; ok {
			if r := rccNamed(nodeText(l)); r != "" {
				return r
			}
		}
	}
	if attrOf(n, "role") == "tabpanel" || attrOf(n, "aria-labelledby") != "" {
		if r := rccNamed(attrOf(n, "aria-label")); r != "" {
			return r
		}
	}
	if r, ok := rccURLPaths[strings.ToLower(attrOf(n, "id"))]; ok {
		return r
	}
	return ""
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var rec func(x *html.Node, depth int)
	rec = func(x *html.Node, depth int) {
		if depth > 64 {
			return
		}
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			b.WriteByte(' ')
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			rec(c, depth+1)
		}
	}
	rec(n, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

var pageSkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Nav: true, atom.Footer: true, atom.Svg: true, atom.Button: true, atom.Form: true, atom.Select: true,
}

// pageLeaf are the elements read as one line each.
var pageLeaf = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Dt: true, atom.Dd: true, atom.Td: true, atom.Th: true, atom.Figcaption: true,
	atom.Caption: true, atom.Blockquote: true,
}

func (w *pageWalker) walk(n *html.Node, depth int) {
	if depth > 512 {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && pageSkip[c.DataAtom]:
		case c.Type == html.ElementNode && pageLeaf[c.DataAtom] && !hasLeafInside(c, depth):
			w.leaf(c)
		case c.Type == html.ElementNode && c.DataAtom == atom.A:
			w.leaf(c) // a link standing outside any paragraph
		case c.Type == html.TextNode:
			if t := strings.Join(strings.Fields(c.Data), " "); t != "" {
				w.out = append(w.out, proseOrTitle(t))
			} else if strings.ContainsRune(c.Data, '\u00a0') {
				w.out = append(w.out, pageLine{role: roleSpacer})
			}
		default:
			if c.Type == html.ElementNode {
				if r := w.panelRCC(c); r != "" {
					w.out = append(w.out, pageLine{text: r, role: roleHeading})
				}
			}
			w.walk(c, depth+1)
		}
	}
}

func hasLeafInside(n *html.Node, depth int) bool {
	if depth > 512 {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (pageLeaf[c.DataAtom] || c.DataAtom == atom.Ul || c.DataAtom == atom.Ol || c.DataAtom == atom.Div || c.DataAtom == atom.Table) {
			return true
		}
		if hasLeafInside(c, depth+1) {
			return true
		}
	}
	return false
}

// proseOrTitle is a line of loose text in HTML: prose, or a short line
// that may be a heading but is never a link.
func proseOrTitle(t string) pageLine {
	l := classifyText(t)
	if l.role == roleTitle {
		l.role = roleHeading
		if l.annotated {
			l.role = roleProse
		}
	}
	return l
}

type pageLink struct {
	text, href string
	image      bool
}

// leaf reads one paragraph, list item or heading.
func (w *pageWalker) leaf(n *html.Node) {
	var links []pageLink
	var b strings.Builder
	bold := true
	var rec func(x *html.Node, inA *pageLink, inBold bool, depth int)
	rec = func(x *html.Node, inA *pageLink, inBold bool, depth int) {
		if depth > 512 {
			return
		}
		switch x.Type {
		case html.TextNode:
			b.WriteString(x.Data)
			if inA != nil {
				inA.text += x.Data
			}
			if strings.TrimSpace(x.Data) != "" && !inBold {
				bold = false
			}
			return
		case html.ElementNode:
			if pageSkip[x.DataAtom] {
				return
			}
			switch x.DataAtom {
			case atom.A:
				if inA == nil {
					l := &pageLink{href: attrOf(x, "href")}
					for c := x.FirstChild; c != nil; c = c.NextSibling {
						rec(c, l, inBold, depth+1)
					}
					if strings.TrimSpace(l.text) == "" {
						l.image = true
						l.text = imageAlt(x)
					}
					links = append(links, *l)
					return
				}
			case atom.B, atom.Strong:
				inBold = true
			case atom.Br:
				b.WriteByte(' ')
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			rec(c, inA, inBold, depth+1)
		}
	}
	rec(n, nil, false, 0)
	text := strings.Join(strings.Fields(b.String()), " ")
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if text != "" {
			w.out = append(w.out, pageLine{text: text, role: roleHeading})
		}
		for _, l := range links {
			if u, ok := w.docURL(l.href); ok && isFileURL(u) {
				w.out = append(w.out, w.linkLine(l, u))
			}
		}
		return
	}
	if text == "" && len(links) == 0 {
		if strings.ContainsRune(b.String(), '\u00a0') {
			w.out = append(w.out, pageLine{role: roleSpacer})
		}
		return
	}
	// One link that is the whole paragraph (its annotation aside) is a
	// listed document; links inside prose count only when they point at
	// a document file.
	if len(links) == 1 {
		rest := strings.Replace(text, strings.Join(strings.Fields(links[0].text), " "), "", 1)
		rest = strings.TrimSpace(annotation.ReplaceAllString(rest, ""))
		if u, ok := w.docURL(links[0].href); ok && utf8.RuneCountInString(rest) <= 3 {
			l := w.linkLine(links[0], u)
			if annotation.MatchString(text) {
				l.annotated = true
			}
			w.out = append(w.out, l)
			return
		}
	}
	switch {
	case text == "":
	case n.DataAtom == atom.Li:
		w.out = append(w.out, pageLine{text: text, role: roleBullet})
	case bold && len(links) == 0 && classifyText(text).role == roleTitle:
		w.out = append(w.out, pageLine{text: text, role: roleHeading})
	default:
		w.out = append(w.out, pageLine{text: text, role: roleProse})
	}
	for _, l := range links {
		if u, ok := w.docURL(l.href); ok && isFileURL(u) {
			w.out = append(w.out, w.linkLine(l, u))
		}
	}
}

func (w *pageWalker) linkLine(l pageLink, u string) pageLine {
	t := strings.Join(strings.Fields(l.text), " ")
	return pageLine{text: t, role: roleLink, url: u, annotated: annotation.MatchString(t), image: l.image}
}

// docURL resolves a link and tells whether it can be a listed document:
// no in-page anchor, mail address or script.
func (w *pageWalker) docURL(href string) (string, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return "", false
	}
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	default:
		return "", false
	}
	if w.base != nil {
		u = w.base.ResolveReference(u)
	}
	return u.String(), true
}

func isFileURL(u string) bool {
	p := strings.ToLower(u)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	for _, ext := range []string{".pdf", ".docx", ".doc", ".xlsx", ".xls", ".pptx", ".odt"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

func imageAlt(n *html.Node) string {
	var alt string
	var rec func(x *html.Node)
	rec = func(x *html.Node) {
		if alt != "" {
			return
		}
		if x.Type == html.ElementNode && x.DataAtom == atom.Img {
			alt = attrOf(x, "alt")
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(alt), " ")
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// rccPatterns tell which RCC a text names. Word edges are Unicode letters
// (Go's \b would split "sydöst" after "syd").
var rccPatterns = []struct {
	rcc string
	re  *regexp.Regexp
}{
	{"RCC Norr", wordRe(`norr|norra sjukvårdsregion\p{L}*|norra regionen|norrland\p{L}*|norra sjukvårdsregionförbundet`)},
	{"RCC Mellansverige", wordRe(`mellansverige\p{L}*|uppsala[- –]örebro`)},
	{"RCC Stockholm Gotland", wordRe(`stockholm\p{L}*|gotland\p{L}*`)},
	{"RCC Sydöst", wordRe(`sydöst\p{L}*|sydöstra`)},
	{"RCC Syd", wordRe(`syds?|södra sjukvårdsregion\p{L}*|södra regionen|södra regionvårdsnämnden`)},
	{"RCC Väst", wordRe(`västs?|västra sjukvårdsregion\p{L}*|västra götaland\p{L}*|vgr`)},
}

func wordRe(alt string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + alt + `)(?:$|[^\p{L}\p{N}])`)
}

// rccNamed is the one RCC a text names, or "" for none or several.
func rccNamed(s string) string {
	found := ""
	for _, p := range rccPatterns {
		if p.re.MatchString(s) {
			if found != "" {
				return ""
			}
			found = p.rcc
		}
	}
	return found
}

// rccURLPaths are the path segments the RCCs' own pages sit under.
var rccURLPaths = map[string]string{
	"norr": "RCC Norr", "uppsala-orebro": "RCC Mellansverige", "mellansverige": "RCC Mellansverige",
	"stockholm-gotland": "RCC Stockholm Gotland", "syd": "RCC Syd", "sydost": "RCC Sydöst", "vast": "RCC Väst",
}

func rccFromURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	for _, seg := range strings.Split(strings.ToLower(u.Path), "/") {
		if r, ok := rccURLPaths[seg]; ok {
			return r
		}
	}
	return ""
}

// period is a plan period; from == 0 when none.
type period struct{ from, to int }

var (
	yearRange = regexp.MustCompile(`((?:19|20)\d\d)\s*(?:[-–—‐−]|/|\s(?:till(?: och med)?|t\.?o\.?m\.?)\s)\s*((?:19|20)?\d\d)(?:$|[^\d])`)
	fromTo    = regexp.MustCompile(`(?i)från(?: och med| o\.?m\.?)?\s+(?:år\s+)?((?:19|20)\d\d)\s+(?:till(?: och med)?|t\.?o\.?m\.?)\s+((?:19|20)\d\d)`)
	gluedYear = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d\d)((?:19|20)\d\d)(?:$|[^\d])`)
	oneYear   = regexp.MustCompile(`(?:^|[^\d])((?:19|20)\d\d)(?:$|[^\d])`)
)

// findPeriod reads the first plan period a text prints: "2022–2024",
// "2023-25", "från och med 2022 till och med 2024", or the dash lost
// ("20162018").
func findPeriod(s string) period {
	best, at := period{}, len(s)+1
	try := func(re *regexp.Regexp) {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			from, _ := strconv.Atoi(s[m[2]:m[3]])
			toS := s[m[4]:m[5]]
			to, _ := strconv.Atoi(toS)
			if len(toS) == 2 {
				to += from / 100 * 100
			}
			if to > from && to-from <= 10 && m[2] < at {
				best, at = period{from, to}, m[2]
				return
			}
		}
	}
	try(fromTo)
	try(yearRange)
	try(gluedYear)
	return best
}

// followUpYear is the year a follow-up reports on: "(2023)", "för 2023",
// any year outside the plan period's own text.
func followUpYear(s string) int {
	for _, re := range []*regexp.Regexp{fromTo, yearRange, gluedYear} {
		s = re.ReplaceAllString(s, " ")
	}
	if m := oneYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// kindWords classify a title by the first document word it holds
// ("Uppföljning … av cancerplanen" is a follow-up, "Bilaga 1 Målnivåer
// till utvecklingsplan" an appendix).
var kindWords = []struct {
	stem, kind string
}{
	{"uppföljning", EntryUppfoljning}, {"uppfoljning", EntryUppfoljning}, {"årsuppföljning", EntryUppfoljning},
	{"processplan", EntryProcessplan}, {"utvecklingsplan", EntryUtvecklingsplan},
	{"handlingsplan", EntryHandlingsplan}, {"aktivitetsplan", EntryHandlingsplan}, {"verksamhetsplan", EntryHandlingsplan},
	{"cancerplan", EntryCancerplan}, {"cancerstrategi", EntryCancerplan},
	{"bilaga", EntryAnnat}, {"rapport", EntryAnnat}, {"karta", EntryAnnat}, {"kartor", EntryAnnat},
	{"utvärdering", EntryAnnat}, {"sammanfattning", EntryAnnat}, {"presentation", EntryAnnat},
	{"remiss", EntryAnnat}, {"mall", EntryAnnat}, {"protokoll", EntryAnnat},
}

// Kind classifies a listed document's title.
func Kind(title string) string {
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, k := range kindWords {
			if strings.Contains(w, k.stem) {
				return k.kind
			}
		}
	}
	return EntryAnnat
}

func planKind(k string) bool {
	return k == EntryCancerplan || k == EntryUtvecklingsplan || k == EntryHandlingsplan
}

// discoverLines turns the lines into entries: RCC sections first, then
// entries with their periods.
func discoverLines(lines []pageLine, defaultRCC string) []Entry {
	rccAt := sectionRCCs(lines, defaultRCC)
	type found struct {
		Entry
		line int
	}
	var out []found
	anyRCC := false
	for i, ln := range lines {
		if rccAt[i] != "" {
			anyRCC = true
		}
		if ln.role != roleLink || ln.text == "" && !ln.image {
			continue
		}
		title := strings.TrimSpace(annotation.ReplaceAllString(ln.text, ""))
		if ln.image {
			// An image link (a cover) is named by the heading above it.
			if h := headingBefore(lines, rccAt, i); h != "" {
				title = h
			}
		}
		if title == "" || rccNamed(title) != "" && utf8.RuneCountInString(title) < 25 && Kind(title) == EntryAnnat {
			continue // a tab or menu link named after an RCC
		}
		e := Entry{RCC: rccAt[i], Title: title, Kind: Kind(title), URL: ln.url}
		out = append(out, found{e, i})
	}
	// A section that links no plan lists the plan its heading names.
	sections := map[string]bool{}
	for _, f := range out {
		if planKind(f.Kind) {
			sections[f.RCC] = true
		}
	}
	for i, ln := range lines {
		r := rccAt[i]
		if ln.role != roleHeading || r == "" || sections[r] || !planKind(Kind(ln.text)) {
			continue
		}
		sections[r] = true
		f := found{Entry{RCC: r, Title: ln.text, Kind: Kind(ln.text)}, i}
		k := len(out)
		for j, o := range out {
			if o.line > i {
				k = j
				break
			}
		}
		out = append(out[:k], append([]found{f}, out[k:]...)...)
	}
	var entries []Entry
	seen := map[string]bool{}
	for _, f := range out {
		if anyRCC && f.RCC == "" {
			continue // the page's own preamble: navigation, its title
		}
		e := f.Entry
		p := findPeriod(e.Title)
		if p.from == 0 {
			p = inheritedPeriod(lines, rccAt, f.line, e.Kind)
		}
		e.PeriodFrom, e.PeriodTo = p.from, p.to
		if e.Kind == EntryUppfoljning {
			e.FollowUpYear = followUpYear(e.Title)
		}
		key := e.RCC + "\x00" + strings.ToLower(e.Title) + "\x00" + e.URL
		if seen[key] {
			continue
		}
		seen[key] = true
		entries = append(entries, e)
	}
	return entries
}

// headingBefore is the nearest heading above line i in its section.
func headingBefore(lines []pageLine, rccAt []string, i int) string {
	for j := i - 1; j >= 0 && rccAt[j] == rccAt[i]; j-- {
		if lines[j].role == roleHeading {
			return lines[j].text
		}
	}
	return ""
}

// inheritedPeriod is the period of an entry that prints none: its own
// heading's, or for a plan the one the section's prose gives, nearest
// before it, else after it.
func inheritedPeriod(lines []pageLine, rccAt []string, i int, kind string) period {
	for j := i - 1; j >= 0 && rccAt[j] == rccAt[i]; j-- {
		if lines[j].role == roleHeading {
			if p := findPeriod(lines[j].text); p.from != 0 {
				return p
			}
			break
		}
	}
	if !planKind(kind) {
		return period{}
	}
	prosePeriod := func(j int) period {
		if lines[j].role != roleProse || !strings.Contains(strings.ToLower(lines[j].text), "plan") {
			return period{}
		}
		return findPeriod(lines[j].text)
	}
	for j := i - 1; j >= 0 && rccAt[j] == rccAt[i]; j-- {
		if p := prosePeriod(j); p.from != 0 {
			return p
		}
	}
	for j := i + 1; j < len(lines) && rccAt[j] == rccAt[i]; j++ {
		if p := prosePeriod(j); p.from != 0 {
			return p
		}
	}
	return period{}
}

// sectionRCCs gives every line the RCC of its section. A heading naming an
// RCC opens its section; so does prose naming an RCC not met before
// (a tab that starts with text), together with the heading right above
// it. A list naming several RCCs (the tab bar) opens nothing.
func sectionRCCs(lines []pageLine, cur string) []string {
	out := make([]string, len(lines))
	seen := map[string]bool{}
	if cur != "" {
		seen[cur] = true
	}
	for i, ln := range lines {
		r := ""
		switch ln.role {
		case roleHeading:
			r = rccNamed(ln.text)
		case roleProse, roleLink:
			if n := rccNamed(ln.text); n != "" && !seen[n] {
				r = n
			}
		}
		if r != "" && r != cur {
			start := i
			if ln.role == roleProse && i > 0 && lines[i-1].role == roleHeading && rccNamed(lines[i-1].text) == "" {
				start = i - 1
			}
			for j := start; j < i; j++ {
				out[j] = r
			}
			cur = r
			seen[r] = true
		}
		out[i] = cur
	}
	return out
}
