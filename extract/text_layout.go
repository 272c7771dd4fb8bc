package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"rccplans"
)

// Text that kept its layout: pdftotext -layout, a viewer's "save as
// formatted text", a fixed-width print. Each column of a table stands at
// the same character position on every line, padded with spaces, and a
// cell's lines stand under each other. Such text is read as positioned
// words, one character one unit wide and one line one unit high, and goes
// through the PDF's table reconstruction (Blocks): aligned columns, a
// header of known column words, rows told apart by the lines between them,
// running heads and footers repeated on every page (a form feed starts a
// page).
//
// Known limits: there are no fonts, so a borderless table needs a header
// of known column words (Blocks' rule for tables without a bold header);
// a cell wider than its column in proportional print may be shifted by a
// character or two, which the alignment tolerates up to half a word gap.

// Positions of a character cell of kept-layout text, in points: an
// average glyph of a 10 pt face and a line spacing of 1.2.
const (
	tlSize    = 10.0
	tlAdvance = 5.0
	tlLeading = 12.0
)

// tlGapRe is a gap of three spaces or more between two printed characters:
// the gutter between two columns.
var tlGapRe = regexp.MustCompile(`\S {3,}\S`)

// layoutKept tells text that kept its layout: at least a tenth of its
// printed lines, and five of them, hold a column gutter. Text whose layout
// was lost has single spaces between words.
func layoutKept(s string) bool {
	printed, gutters := 0, 0
	for _, ln := range strings.Split(s, "\n") {
		if strings.TrimSpace(ln) == "" {
			continue
		}
		printed++
		if tlGapRe.MatchString(strings.ReplaceAll(ln, "\t", "        ")) {
			gutters++
		}
	}
	return gutters >= 5 && 10*gutters >= printed
}

// layoutPages turns kept-layout text into positioned pages: words at their
// character positions, and lines cut at gutters (two spaces or more), as
// the PDF reader cuts a line at a wide gap.
func layoutPages(s string) []rccplans.Page {
	var pages []rccplans.Page
	for n, text := range strings.Split(s, "\f") {
		p := rccplans.Page{Number: n + 1}
		rows := strings.Split(strings.TrimRight(text, "\n"), "\n")
		width := 0
		top := -tlLeading
		for _, row := range rows {
			width = max(width, utf8.RuneCountInString(row))
			// an empty line is vertical space, not a line of text: half a
			// line, so a gap between two rows of a table stays smaller than
			// the gap that ends it
			if strings.TrimSpace(row) == "" {
				top += tlLeading / 2
				continue
			}
			top += tlLeading
			var line *rccplans.Line
			col, prevEnd := 0, -10
			for _, w := range tlWords(row) {
				col = w.col
				word := rccplans.Word{
					Box:  rccplans.Box{X0: float64(col) * tlAdvance, X1: float64(col+w.n) * tlAdvance, Y0: top, Y1: top + tlSize},
					Text: w.s, Size: tlSize,
				}
				p.Words = append(p.Words, word)
				if line == nil || col-prevEnd >= 2 {
					p.Lines = append(p.Lines, rccplans.Line{Box: word.Box, Size: tlSize})
					line = &p.Lines[len(p.Lines)-1]
				} else {
					line.X1 = word.X1
					line.Text += " "
				}
				line.Text += word.Text
				line.Words = append(line.Words, word)
				prevEnd = col + w.n
			}
		}
		p.Width = float64(max(width, 1)) * tlAdvance
		p.Height = max(top+tlLeading, tlLeading)
		if len(p.Words) > 0 || n == 0 {
			pages = append(pages, p)
		}
	}
	for i := range pages {
		pages[i].Number = i + 1
	}
	return pages
}

// tlWord is a run of printed characters and its character position.
type tlWord struct {
	s      string
	col, n int
}

func tlWords(row string) []tlWord {
	var out []tlWord
	col, start := 0, -1
	var b strings.Builder
	for _, r := range row {
		if r == ' ' || r == '\u00a0' || r == '\t' {
			if start >= 0 {
				out = append(out, tlWord{b.String(), start, col - start})
				b.Reset()
				start = -1
			}
			if r == '\t' {
				col = (col/8+1)*8 - 1 // to the next tab stop
			}
		} else if unicode.IsControl(r) {
			continue // takes no place
		} else {
			if start < 0 {
				start = col
			}
			b.WriteRune(r)
		}
		col++
	}
	if start >= 0 {
		out = append(out, tlWord{b.String(), start, col - start})
	}
	return out
}
