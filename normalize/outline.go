package normalize

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"rccplans"
)

// The outline: headings form a tree (by level), plan tables hang under the
// heading above them. A table's chapter and section come from that tree by
// shape rather than by level numbers, because readers rank headings
// differently (markdown "##" vs "###", font sizes, Word styles) and plans
// put their chapters at different depths:
//
//   - the height of a heading is how many heading levels lie between it
//     and the deepest plan table below it (1 = tables straight under it);
//   - a table's chapter is its highest ancestor of height at most 2: a
//     heading whose children are tables or headings with tables; the
//     ancestor between that chapter and the table, if any, is its section;
//   - wrapper headings above the chapters ("AKTIVITETSPLAN") and the
//     document title are neither;
//   - numbered headings ("1. Prevention …", "…, Kapitel 3") are chapters
//     even when a wrapper above them would qualify by height.
//
// Sub-headings printed inside a table (a row holding only an upper-case
// title) and short bold or upper-case lines right above a table are
// section-level nodes of their own.
type node struct {
	text     string
	level    float64
	parent   *node
	height   int // -1: no plan table below
	pseudo   bool
	numbered bool
	direct   bool // a plan table sits straight under it
}

// pseudoLevel ranks sub-headings found inside or right above tables below
// every real heading.
const pseudoLevel = 1000

var chapterNumber = regexp.MustCompile(`^(?:\d{1,2}\.?\s+\p{Lu}|(?i:kapitel)\s+\d)|,\s*(?i:kapitel)\s+\d{1,2}$`)

func newNode(text string, level float64, parent *node, pseudo bool) *node {
	return &node{text: text, level: level, parent: parent, height: -1, pseudo: pseudo, numbered: chapterNumber.MatchString(text)}
}

// chain returns the node's ancestors from the top down, itself last.
func (n *node) chain() []*node {
	var out []*node
	for ; n != nil; n = n.parent {
		out = append(out, n)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// markTable records a plan table under n: every ancestor's height grows to
// at least its distance from the table.
func markTable(n *node) {
	for d := 1; n != nil; n, d = n.parent, d+1 {
		if n.height < d {
			n.height = d
		}
	}
}

// place gives a table under n its chapter and section.
func place(n *node) (chapter, section string) {
	c := n.chain()
	if len(c) == 0 {
		return "", ""
	}
	ci := -1
	for i, a := range c {
		if a.height >= 0 && a.height <= 2 {
			ci = i
			break
		}
	}
	if ci < 0 {
		ci = len(c) - 1
	}
	// A numbered heading below the chosen one is the real chapter.
	for i := ci + 1; i < len(c); i++ {
		if c[i].numbered && !c[ci].numbered && !c[i].pseudo {
			ci = i
			break
		}
	}
	chapter = c[ci].text
	if ci+1 < len(c) {
		section = c[len(c)-1].text
	}
	return chapter, section
}

// headingLevels gives every heading block an effective level: its own
// when the reader ranked it, else by font size (larger is higher), else 1.
func headingLevels(blocks []rccplans.Block) map[int]float64 {
	var sizes []float64
	for _, b := range blocks {
		if b.Kind == rccplans.BlockHeading && b.Level == 0 && b.Size > 0 {
			sizes = append(sizes, b.Size)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(sizes)))
	var ranks []float64
	for _, s := range sizes {
		if len(ranks) == 0 || ranks[len(ranks)-1]-s > 0.5 {
			ranks = append(ranks, s)
		}
	}
	out := map[int]float64{}
	for i, b := range blocks {
		if b.Kind != rccplans.BlockHeading {
			continue
		}
		switch {
		case b.Level > 0:
			out[i] = float64(b.Level)
		case b.Size > 0:
			r := 0
			for r < len(ranks)-1 && ranks[r]-b.Size > 0.5 {
				r++
			}
			out[i] = float64(r + 1)
		default:
			out[i] = 1
		}
	}
	return out
}

// headingText is a heading as the model keeps it: one line, without
// markup a reader left.
func headingText(s string) string {
	s = cleanCell(s)
	s = strings.Trim(s, "#*_ ")
	return strings.TrimSuffix(strings.TrimSpace(s), ":")
}

// pseudoHeading tells a paragraph that is a sub-heading printed as a line
// of its own right above a table: short, no full stop, bold or upper case.
func pseudoHeading(b rccplans.Block) bool {
	t := cleanCell(b.Text)
	if t == "" || b.Note || len([]rune(t)) > 120 || strings.HasSuffix(t, ".") || strings.Count(b.Text, "\n") > 2 {
		return false
	}
	if b.Bold || isUpper(t) {
		return true
	}
	// Markup left by a reader: "**Title**", "<b>Title</b>".
	raw := strings.TrimSpace(b.Text)
	return strings.HasPrefix(raw, "**") && strings.HasSuffix(raw, "**") ||
		strings.HasPrefix(strings.ToLower(raw), "<b>") && strings.HasSuffix(strings.ToLower(raw), "</b>")
}

// inTitle reports whether a heading is (part of) the document title.
func inTitle(text, title string) bool {
	t := squeezeSpace(text)
	return t != "" && title != "" && strings.Contains(squeezeSpace(title), strings.TrimSuffix(t, "."))
}

func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// headerLike tells a "heading" that is really a table's header line set in
// bold ("Målbild Planerade aktiviteter Nuläge och ansvar Uppföljning"):
// three or more different column roles among its words.
func headerLike(text string) bool {
	w := strings.Fields(text)
	if len(w) < 3 || len(w) > 20 {
		return false
	}
	seen := map[rccplans.Column]bool{}
	for i := range w {
		if c := rccplans.ColumnOf(w[i]); c != rccplans.ColUnknown {
			seen[c] = true
		} else if i+1 < len(w) {
			if c := rccplans.ColumnOf(w[i] + " " + w[i+1]); c != rccplans.ColUnknown {
				seen[c] = true
			}
		}
	}
	return len(seen) >= 3
}
