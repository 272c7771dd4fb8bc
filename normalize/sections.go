package normalize

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// Sections of follow-up reports.
//
// A section starts at every heading that carries a number ("1.1 Title",
// "1.3.4 Title"; a Heading block from any reader, or, for readers that
// did not rank headings, by the numbering pattern alone) and runs until
// the next numbered heading or the next chapter-level heading ("KAPITEL 2",
// "Bilaga 1.2 …", a heading ranked at or above the section's own level).
// Unnumbered lower headings inside a section ("Klinisk patologi") are
// kept as paragraphs of its text. Headings without body text of their own
// give no section.
//
// The region a section reports on comes from the enclosing
// "Uppföljningsrapport från Region X" heading. Sections outside such an
// appendix report on the common level: on the sjukvårdsregion when their
// chapter speaks about "<norra/södra/…> sjukvårdsregionen" (the follow-up
// chapter), otherwise on the RCC that issued the report (background).
// A heading's title wrapped into a second heading block of the same rank
// (PDF headings are read line by line) is joined.
//
// How good it is: on the follow-up report (seeds/004 as text and its
// PDF) all 43 numbered sections are found with their region; titles 43
// and texts 43 (text) / 42 (PDF, one word the PDF reader joins across a
// hyphen) equal the gold ignoring white space (TestSections*AgainstGold).
// A report a region issues about itself (the document's region is no RCC)
// reports on that region in every section outside such an appendix.
//
// Limits: a region is only recognised in "… från/för Region X" headings;
// a common chapter is put on the sjukvårdsregion only when it names it
// ("norra sjukvårdsregionen") at least twice; unnumbered sections (a
// report that only uses bold run-in titles) give none.

var (
	secNumRe    = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.*)$`)
	regionRe    = regexp.MustCompile(`(?i:uppföljningsrapport|rapport|uppföljning)\s+(?:från|för)\s+(Region\s+\p{Lu}[\p{L}\-]*(?:[\s\-]+\p{Lu}[\p{L}\-]*)*)`)
	chapterRe   = regexp.MustCompile(`^(?i:kapitel)\s+\d{1,2}$|,\s*(?i:kapitel)\s+\d{1,2}$|^(?i:bilaga)\b`)
	sjvRegionRe = regexp.MustCompile(`(?i:\b(norra|södra|sydöstra|västra|mellersta|stockholm-gotlands|stockholms)\s+sjukvårdsregionen)`)
)

type secDraft struct {
	sec        rccplans.Section
	level      int
	blockLevel int     // the heading block's own rank (0: unknown)
	size       float64 // the heading's font size where known
	paras      []string
	chap       int // index of the enclosing chapter
}

func sections(l *rccplans.Layout, doc *rccplans.Document) []rccplans.Section {
	if l == nil {
		return nil
	}
	var (
		drafts []*secDraft
		cur    *secDraft
		region string // from the enclosing "Uppföljningsrapport från Region X"
		chap   int
	)
	for _, b := range l.Blocks {
		switch b.Kind {
		case rccplans.BlockHeading, rccplans.BlockParagraph:
		default:
			continue // tables: their caption and source lines are paragraphs
		}
		text := strings.TrimSpace(b.Text)
		if text == "" {
			continue
		}
		num, title := headingNumber(text)
		isHeading := b.Kind == rccplans.BlockHeading
		if !isHeading && num != "" && !looksLikeTitle(title) {
			num = ""
		}
		if !isHeading && num == "" {
			if cur != nil {
				cur.paras = append(cur.paras, text)
			}
			continue
		}
		if num == "" || chapterRe.MatchString(text) {
			// an unnumbered heading: chapter-level ones close the section
			level := b.Level
			if m := regionRe.FindStringSubmatch(text); m != nil {
				region = cleanRegion(m[1])
				cur = nil
				continue
			}
			if isHeading {
				// a heading that is a region's name and nothing else
				// ("Region Kalmar län"): the sections under it report on it
				if r := regionIn(text); r != "" && sameName(r, text) {
					region = r
					cur = nil
					continue
				}
			}
			// a title wrapped into a second heading block of the same rank
			// (PDF headings are read line by line)
			if cur != nil && isHeading && len(cur.paras) == 0 && cur.sec.Page == b.Page && !chapterRe.MatchString(text) &&
				!isStructural(text) && b.Level == cur.blockLevel && (startsLowerCase(text) || b.Size > 0 && b.Size == cur.size) {
				cur.sec.Title = strings.TrimSpace(cur.sec.Title + " " + text)
				continue
			}
			chapterish := chapterRe.MatchString(text) || (level > 0 && cur != nil && level <= cur.level)
			if chapterish {
				cur = nil
				if !strings.HasPrefix(strings.ToLower(text), "bilaga") {
					chap++
					region = ""
				}
				continue
			}
			if cur != nil {
				cur.paras = append(cur.paras, text)
			}
			continue
		}
		level := b.Level
		if level == 0 {
			level = strings.Count(num, ".") + 1
		}
		cur = &secDraft{level: level, blockLevel: b.Level, size: b.Size, chap: chap}
		cur.sec = rccplans.Section{Page: b.Page, Number: num, Title: title, Region: region}
		drafts = append(drafts, cur)
	}
	// the common level of each chapter: sections outside a region's
	// report, grouped by chapter and by the first part of their number
	group := func(d *secDraft) string {
		top, _, _ := strings.Cut(d.sec.Number, ".")
		return fmt.Sprint(d.chap, "/", top)
	}
	chapText := map[string]*strings.Builder{}
	for _, d := range drafts {
		if d.sec.Region != "" {
			continue
		}
		k := group(d)
		if chapText[k] == nil {
			chapText[k] = &strings.Builder{}
		}
		chapText[k].WriteString(d.sec.Title + "\n" + strings.Join(d.paras, "\n") + "\n")
	}
	chapRegion := map[string]string{}
	for k, b := range chapText {
		chapRegion[k] = sjukvardsregion(b.String())
	}
	var out []rccplans.Section
	for _, d := range drafts {
		if len(d.paras) == 0 {
			continue
		}
		s := d.sec
		switch {
		case s.Region != "":
		case doc != nil && doc.Region != "" && doc.Region != doc.RCC:
			s.Region = doc.Region // a region's own report: every section is about it
		default:
			s.Region = chapRegion[group(d)]
			if s.Region == "" && doc != nil {
				s.Region = firstNonEmpty(doc.RCC, doc.Region)
			}
		}
		s.Text = strings.Join(d.paras, "\n\n")
		if doc != nil {
			s.DocID, s.SourceFile = doc.ID, doc.SourceFile
			s.RCC, s.Kind = doc.RCC, doc.Kind
			s.PeriodFrom, s.PeriodTo, s.FollowUpYear = doc.PeriodFrom, doc.PeriodTo, doc.FollowUpYear
		}
		if s.SourceFile == "" {
			s.SourceFile = l.SourceFile
		}
		out = append(out, s)
	}
	return out
}

// headingNumber splits "1.3.4 Title" into its number and title.
func headingNumber(s string) (num, title string) {
	m := secNumRe.FindStringSubmatch(s)
	if m == nil {
		return "", s
	}
	title = strings.TrimSpace(m[2])
	r, _ := utf8.DecodeRuneInString(title)
	if !unicode.IsUpper(r) {
		return "", s
	}
	return m[1], title
}

// looksLikeTitle: a paragraph that starts with a number is a heading only
// when the rest is short and no sentence.
func looksLikeTitle(t string) bool {
	return utf8.RuneCountInString(t) <= 120 && !strings.HasSuffix(t, ".") && !strings.Contains(t, ". ")
}

var structuralRe = regexp.MustCompile(`^(?i:förkortningar|innehåll|innehållsförteckning|bakgrund|inledning|sammanfattning)`)

func isStructural(s string) bool { return structuralRe.MatchString(s) }

// sjukvardsregion names the sjukvårdsregion a chapter speaks about when it
// does so at least twice ("norra sjukvårdsregionen" -> "Norra
// sjukvårdsregionen"); "" otherwise.
func sjukvardsregion(text string) string {
	count := map[string]int{}
	best, n := "", 0
	for _, m := range sjvRegionRe.FindAllStringSubmatch(text, -1) {
		k := strings.ToLower(m[1])
		count[k]++
		if count[k] > n {
			best, n = k, count[k]
		}
	}
	if n < 2 {
		return ""
	}
	r, size := utf8.DecodeRuneInString(best)
	return string(unicode.ToUpper(r)) + best[size:] + " sjukvårdsregionen"
}

// sameName: the heading text is the region's name, give or take case
// and a closing colon.
func sameName(region, text string) bool {
	return strings.EqualFold(strings.TrimRight(strings.TrimSpace(text), ":"), region)
}

func cleanRegion(s string) string {
	return strings.Join(strings.Fields(strings.TrimRight(s, ".:,;")), " ")
}

func startsLowerCase(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
