package extract

import (
	"strings"
	"testing"

	"rccplans"
)

// TestTextTimeWordInGoal: a line that is only a time word costs a goal
// cell the price of a Tidsplan's text put in the Mål when it opens a line
// of its own ("Årligen"), but not when it goes on with the goal's
// sentence in lower case ("… ska presenteras" / "årligen."): that is the
// goal's own word, and the price cut such goals off their rows. The cell
// is priced against the same cell with a plain word in place of the time.
func TestTextTimeWordInGoal(t *testing.T) {
	mk := func(s string) ptUnit {
		f := strings.Fields(s)
		return ptUnit{s: s, n: len([]rune(s)), fw: len([]rune(f[0])), startsUp: !ptStartsLower(s),
			paraEnd: ptEndsSentence(s), timeLike: ptTimeRe.MatchString(s), timeStart: ptTimeStartRe.MatchString(s)}
	}
	roles := []rccplans.Column{rccplans.ColGoal, rccplans.ColCurrentState, rccplans.ColTimeframe}
	price := func(lines []string) float64 {
		var us []ptUnit
		for _, l := range lines {
			us = append(us, mk(l))
		}
		n := len(us)
		seg := ptSegCosts(us, roles, 60, []float64{24, 24, 10}, false, -1, -1, 0, 2, 0, make([]bool, n+1), make([]bool, n+1))
		return seg[0][n][0] // all the lines as one Mål cell
	}
	tests := []struct {
		name        string
		lines       []string
		plain       string // the time line's stand-in
		wantSurplus float64
	}{
		{"a lower-case time word ends the goal's sentence", []string{"Data ska presenteras", "årligen."}, "samlat.", 0},
		{"a capitalised time on a line of its own", []string{"Data ska presenteras.", "Årligen"}, "Samlat", 2},
		{"a year on a line of its own", []string{"Data ska presenteras.", "2026"}, "Alla", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain := append([]string(nil), tt.lines...)
			plain[len(plain)-1] = tt.plain
			if got := price(tt.lines) - price(plain); got != tt.wantSurplus {
				t.Errorf("the time line costs the goal %.2f more than a plain word, want %.2f", got, tt.wantSurplus)
			}
		})
	}
}
