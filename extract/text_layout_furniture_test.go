package extract

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// runningPages are pages under a head printed at both margins (a long
// run of spaces between) over a foot with the date: a header, lines
// repeated mid-page, and "Slut" at each foot, printed mid-page too.
func runningPages(n int) []ptLine {
	ln := func(s string, page int) ptLine { return ptLine{s: strings.TrimSpace(s), raw: s, page: page} }
	var lines []ptLine
	for p := 1; p <= n; p++ {
		lines = append(lines,
			ln(runningHead(p), p),
			ln("Mål      Aktivitet      Status", p),
			ln("Mitt på sidan", p), ln("Mitt på sidan", p), ln("Mitt på sidan", p),
			ln("Slut", p),
			ln(fmt.Sprintf("Uppdaterad 2026-0%d-01", p), p))
	}
	lines[2] = ln("Slut", 1) // a line at the pages' feet printed mid-page too
	return lines
}

func runningHead(p int) string {
	return "Plan för cancervården" + strings.Repeat(" ", 60) + "Sida " + fmt.Sprint(p)
}

func TestTextLayoutRunning(t *testing.T) {
	tests := []struct {
		name  string
		lines []ptLine
		want  []string // the lines dropped
	}{
		// the heads and feet go (a head's printed line runs long); the
		// header repeated on each page, lines repeated mid-page and a
		// line at the feet printed mid-page too stay
		{"three pages", runningPages(3), []string{runningHead(1), "Uppdaterad 2026-01-01", runningHead(2), "Uppdaterad 2026-02-01", runningHead(3), "Uppdaterad 2026-03-01"}},
		{"two pages are too few to tell", runningPages(2), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slicesCloneLines(tt.lines)
			var dropped []string
			for _, l := range tlRunning(tt.lines) {
				if l.drop {
					dropped = append(dropped, l.s)
				}
			}
			if !reflect.DeepEqual(dropped, tt.want) {
				t.Errorf("dropped %q, want %q", dropped, tt.want)
			}
			if !reflect.DeepEqual(tt.lines, in) {
				t.Error("tlRunning changed its input")
			}
		})
	}
}

func slicesCloneLines(ls []ptLine) []ptLine { return append([]ptLine(nil), ls...) }
