package extract

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"rccplans"
	"rccplans/fixtures"
)

// goldCells is the part of a gold file these tests compare: the printed
// table, row by row, in gold column order.
type goldCells struct {
	Columns []string `json:"columns"`
	Rows    []struct {
		Chapter string            `json:"chapter"`
		Section string            `json:"section"`
		Cells   map[string]string `json:"cells"`
	} `json:"rows"`
}

func loadGold(t *testing.T, stem string) goldCells {
	t.Helper()
	b, err := fs.ReadFile(fixtures.FS, "gold/"+stem+".json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldCells
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// bodyRows is every body row of every table in reading order, with the
// chapter and section headings above it (the nearest heading of the
// shallowest and deepest level seen since the table's chapter).
func bodyRows(l *rccplans.Layout) [][]string {
	var out [][]string
	for _, b := range l.Blocks {
		if b.Kind != rccplans.BlockTable {
			continue
		}
		for _, r := range b.Table.Rows {
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, c.Text)
			}
			out = append(out, cells)
		}
	}
	return out
}

// cellScore compares the tables of a layout with the gold cells: rows
// found, and cells equal to the gold text exactly.
func cellScore(t *testing.T, l *rccplans.Layout, g goldCells) (rows, right, total int, wrong []string) {
	got := bodyRows(l)
	rows = len(got)
	for i, gr := range g.Rows {
		for j, col := range g.Columns {
			total++
			if i >= len(got) || j >= len(got[i]) {
				wrong = append(wrong, fmt.Sprintf("row %d %s: missing", i+1, col))
				continue
			}
			if got[i][j] == gr.Cells[col] {
				right++
			} else {
				wrong = append(wrong, fmt.Sprintf("row %d %s:\n   got  %q\n   want %q", i+1, col, got[i][j], gr.Cells[col]))
			}
		}
	}
	return rows, right, total, wrong
}

// TestGoldCells reads the Word originals and the markdown seed and checks
// every table cell against the gold annotation: the same rows, and at
// least 98% of the cells exactly as printed.
func TestGoldCells(t *testing.T) {
	tests := []struct {
		name, file, stem string
		read             func(string, []byte) (*rccplans.Layout, error)
	}{
		{"docx 000", "corpus/000_363f1a49b5c57245-word.docx", "000_363f1a49b5c57245", DOCX},
		{"docx 001", "corpus/001_2c1f4fc1918a0a87-word.docx", "001_2c1f4fc1918a0a87", DOCX},
		{"docx 003", "corpus/003_9c6630dc416cd882-word.docx", "003_9c6630dc416cd882", DOCX},
		{"markdown 003", "seeds/003_9c6630dc416cd882.txt", "003_9c6630dc416cd882", Markdown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := fs.ReadFile(fixtures.FS, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			l, err := tt.read(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Warnings) > 0 {
				t.Errorf("warnings: %v", l.Warnings)
			}
			g := loadGold(t, tt.stem)
			rows, right, total, wrong := cellScore(t, l, g)
			t.Logf("%s: rows %d/%d, cells %d/%d (%.1f%%)", tt.name, rows, len(g.Rows), right, total, 100*float64(right)/float64(total))
			if rows != len(g.Rows) {
				t.Errorf("rows: got %d, want %d", rows, len(g.Rows))
			}
			if float64(right) < 0.98*float64(total) {
				t.Errorf("cells right %d/%d, below 98%%:\n%s", right, total, strings.Join(wrong, "\n"))
			} else if len(wrong) > 0 {
				t.Logf("wrong cells:\n%s", strings.Join(wrong, "\n"))
			}
		})
	}
}

// seedAsHTML writes the markdown seed as the HTML page it was converted
// from might have been: headings as <hN>, tab rows as table rows, lists as
// <ul>/<ol>, emphasis as <strong>/<em>. The HTML reader must read the
// same tables from it as the markdown reader reads from the seed.
func seedAsHTML(src string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><body>\n")
	open := ""
	closeOpen := func() {
		if open != "" {
			b.WriteString("</" + open + ">\n")
			open = ""
		}
	}
	inline := func(s string) string {
		s = autolink.ReplaceAllString(s, `<a href="$1">$1</a>`)
		s = strongStars.ReplaceAllString(s, "<strong>$1</strong>")
		return emStar.ReplaceAllString(s, "$1<em>$2</em>$3")
	}
	for _, ln := range strings.Split(src, "\n") {
		t := strings.TrimSpace(ln)
		switch {
		case t == "":
			closeOpen()
		case strings.Contains(ln, "\t"):
			if open != "table" {
				closeOpen()
				b.WriteString("<table>\n")
				open = "table"
			}
			b.WriteString("<tr>")
			for _, c := range strings.Split(ln, "\t") {
				b.WriteString("<td>" + c + "</td>")
			}
			b.WriteString("</tr>\n")
		case atxHeading.MatchString(t):
			closeOpen()
			m := atxHeading.FindStringSubmatch(t)
			fmt.Fprintf(&b, "<h%d>%s</h%d>\n", len(m[1]), m[2], len(m[1]))
		case listItem.MatchString(ln):
			m := listItem.FindStringSubmatch(ln)
			kind, item := "ul", "<li>"+inline(m[3])+"</li>"
			if m[2] != "" {
				kind = "ol"
				item = fmt.Sprintf(`<li value="%s">%s</li>`, strings.TrimRight(m[2], ".)"), inline(m[3]))
			}
			if open != kind {
				closeOpen()
				b.WriteString("<" + kind + ">\n")
				open = kind
			}
			b.WriteString(item + "\n")
		default:
			closeOpen()
			b.WriteString("<p>" + inline(t) + "</p>\n")
		}
	}
	closeOpen()
	b.WriteString("</body></html>\n")
	return b.String()
}

// TestHTMLSeed reads seeds/003 rewritten as HTML and checks its tables
// against the gold cells, and that the appendix keeps its goal numbers.
func TestHTMLSeed(t *testing.T) {
	data, err := fs.ReadFile(fixtures.FS, "seeds/003_9c6630dc416cd882.txt")
	if err != nil {
		t.Fatal(err)
	}
	l, err := HTML("003.html", []byte(seedAsHTML(string(data))))
	if err != nil {
		t.Fatal(err)
	}
	g := loadGold(t, "003_9c6630dc416cd882")
	rows, right, total, wrong := cellScore(t, l, g)
	t.Logf("html 003: rows %d/%d, cells %d/%d", rows, len(g.Rows), right, total)
	if rows != len(g.Rows) || right != total {
		t.Errorf("rows %d/%d, cells %d/%d:\n%s", rows, len(g.Rows), right, total, strings.Join(wrong, "\n"))
	}
	md, err := Markdown("003.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := strings.Join(outline(l.Blocks), "\n"), strings.Join(outline(md.Blocks), "\n"); a != b {
		t.Errorf("HTML and markdown outlines differ:\nhtml:\n%s\nmarkdown:\n%s", a, b)
	}
}
