package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"rccplans"
)

type goldRows struct {
	Columns []string `json:"columns"`
	Rows    []struct {
		Chapter string            `json:"chapter"`
		Cells   map[string]string `json:"cells"`
	} `json:"rows"`
}

func squashSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func tokenSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		m[strings.Trim(w, ".,;:()-–")] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// scoreRows compares the rows of all tables in l with the gold rows:
// rows found (matched in order with at least half their words shared) and
// field accuracy (cells equal ignoring white space, over every gold cell;
// rows not found count as wrong).
func scoreRows(t *testing.T, l *rccplans.Layout, g goldRows) (found, fields, total int) {
	type orow struct{ cells map[rccplans.Column]string }
	var rows []orow
	for _, b := range l.Blocks {
		if b.Kind != rccplans.BlockTable || b.Table == nil || len(b.Table.Header) == 0 {
			continue
		}
		roles := make([]rccplans.Column, len(b.Table.Header[0]))
		for c, h := range b.Table.Header[0] {
			roles[c] = rccplans.ColumnOf(h)
		}
		for _, r := range b.Table.Rows {
			m := map[rccplans.Column]string{}
			for c, cell := range r.Cells {
				if c < len(roles) {
					m[roles[c]] = cell.Text
				}
			}
			rows = append(rows, orow{m})
		}
	}
	at := 0
	for gi, gr := range g.Rows {
		total += len(g.Columns)
		all := ""
		for _, v := range gr.Cells {
			all += " " + v
		}
		gs := tokenSet(all)
		best, bi := 0.0, -1
		for i := at; i < len(rows) && i < at+8; i++ {
			o := ""
			for _, v := range rows[i].cells {
				o += " " + v
			}
			if s := jaccard(gs, tokenSet(o)); s > best {
				best, bi = s, i
			}
		}
		if bi < 0 || best < 0.5 {
			t.Logf("gold row %d not found (best %.2f)", gi, best)
			continue
		}
		found++
		at = bi + 1
		for _, col := range g.Columns {
			got := rows[bi].cells[rccplans.ColumnOf(col)]
			if squashSpace(got) == squashSpace(gr.Cells[col]) {
				fields++
			} else if testing.Verbose() {
				t.Logf("row %d %s:\n got %q\nwant %q", gi, col, got, gr.Cells[col])
			}
		}
	}
	return found, fields, total
}

// TestTextSeedsAgainstGold reads the two layout-lost plan texts and
// compares their table rows with the gold, row by row in order and cell
// by cell exactly (stricter than rccplans eval, which pairs rows by
// content). The thresholds sit a little under what the reader reaches
// today (000: 97.7% of the rows, 81.4% of the cells; 001: 95.3%, 59.0%);
// the targets, measured with rccplans eval, are 85%/95% (000) and
// 70%/90% (001).
func TestTextSeedsAgainstGold(t *testing.T) {
	tests := []struct {
		stem                string
		minFields, minFound float64
	}{
		{"000_363f1a49b5c57245", 0.80, 0.95},
		{"001_2c1f4fc1918a0a87", 0.56, 0.93},
	}
	for _, tt := range tests {
		t.Run(tt.stem, func(t *testing.T) {
			data, err := os.ReadFile("../fixtures/seeds/" + tt.stem + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			var g goldRows
			gd, err := os.ReadFile("../fixtures/gold/" + tt.stem + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(gd, &g); err != nil {
				t.Fatal(err)
			}
			l, err := Text(tt.stem+".txt", data)
			if err != nil {
				t.Fatal(err)
			}
			found, fields, total := scoreRows(t, l, g)
			fa := float64(fields) / float64(total)
			fr := float64(found) / float64(len(g.Rows))
			t.Logf("%s: rows found %d/%d (%.1f%%), field accuracy %d/%d (%.1f%%)", tt.stem, found, len(g.Rows), 100*fr, fields, total, 100*fa)
			if fa < tt.minFields || fr < tt.minFound {
				t.Errorf("field accuracy %.3f (min %.2f), rows found %.3f (min %.2f)", fa, tt.minFields, fr, tt.minFound)
			}
		})
	}
}

func readSeed(stem string) ([]byte, error) {
	return os.ReadFile("../fixtures/seeds/" + stem + ".txt")
}

// BenchmarkText shows how the layout-lost text reader scales with the
// size of a text: seeds/001 eight times over against the seed once, in the
// same run. A time ratio near 8 is linear.
//
//	go test ./extract -run '^$' -bench BenchmarkText -benchtime 2x
func BenchmarkText(b *testing.B) {
	one, err := readSeed("001_2c1f4fc1918a0a87")
	if err != nil {
		b.Fatal(err)
	}
	eight := bytes.Repeat(one, 8)
	var tOne, tEight time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := Text("one.txt", one); err != nil {
			b.Fatal(err)
		}
		tOne += time.Since(start)
		start = time.Now()
		if _, err := Text("eight.txt", eight); err != nil {
			b.Fatal(err)
		}
		tEight += time.Since(start)
	}
	b.ReportMetric(float64(tOne.Milliseconds())/float64(b.N), "ms-1x")
	b.ReportMetric(float64(tEight.Milliseconds())/float64(b.N), "ms-8x")
	b.ReportMetric(float64(tEight)/float64(max(tOne, 1)), "time-ratio-8x/1x")
}

// TestTextSoftHyphens: a soft hyphen at a line's end is a word broken
// there; the hyphen printed after it is the same break.
func TestTextSoftHyphens(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"broken word", []string{"teamen med jour natte\u00ad", "tid i norra länsdelen."}, "teamen med jour nattetid i norra länsdelen."},
		{"hyphen alone after it", []string{"Utvecklings\u00ad", "\u2010", "ledare primär\u00ad", "vård"}, "Utvecklingsledare primärvård"},
		{"hyphen opening the next line", []string{"Verksamhets\u00ad", "\u2010chef onkologi"}, "Verksamhetschef onkologi"},
		{"inside a line", []string{"boknings\u00adflöde för alla"}, "bokningsflöde för alla"},
		{"a hyphen without a soft one stays", []string{"Chef", "\u2010", "vård"}, "Chef \u2010 vård"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ss []string
			for _, ln := range ptSoftHyphens(ptSplit(strings.Join(tt.in, "\n"), false)) {
				ss = append(ss, ln.s)
			}
			if got := rccplans.JoinLines(ss); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
