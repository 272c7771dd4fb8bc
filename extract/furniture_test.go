package extract

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"rccplans"
)

// repeatedPairs is the rule repeated implements, written the obvious way:
// compare every candidate with every other one. It is the oracle for
// TestRepeated.
func repeatedPairs(cands []furnCand, need int) []bool {
	out := make([]bool, len(cands))
	for i, c := range cands {
		seen := map[int]bool{}
		for _, d := range cands {
			if d.key == c.key && math.Abs(d.y-c.y) <= furnYTol {
				seen[d.page] = true
			}
		}
		out[i] = len(seen) >= need
	}
	return out
}

func TestRepeated(t *testing.T) {
	c := func(page int, key string, y float64) furnCand { return furnCand{page: page, key: key, y: y} }
	tests := []struct {
		name  string
		cands []furnCand
		need  int
		want  []bool
	}{
		{"same key and height on two pages", []furnCand{c(0, "a", 30), c(1, "a", 31)}, 2, []bool{true, true}},
		{"exactly the tolerance apart", []furnCand{c(0, "a", 30), c(1, "a", 30+furnYTol)}, 2, []bool{true, true}},
		{"just beyond the tolerance", []furnCand{c(0, "a", 30), c(1, "a", 30+furnYTol+0.01)}, 2, []bool{false, false}},
		{"other key", []furnCand{c(0, "a", 30), c(1, "b", 30)}, 2, []bool{false, false}},
		{"twice on one page counts once", []furnCand{c(0, "a", 30), c(0, "a", 31)}, 2, []bool{false, false}},
		{"a chain is not transitive", []furnCand{c(0, "a", 30), c(1, "a", 33), c(2, "a", 36)}, 3, []bool{false, true, false}},
		{"from the foot", []furnCand{c(0, "a", -20), c(1, "a", -22), c(2, "a", -40)}, 2, []bool{true, true, false}},
		{"a height that is not finite matches nothing", []furnCand{c(0, "a", math.NaN()), c(1, "a", math.NaN()), c(2, "a", math.Inf(1)), c(3, "a", math.Inf(1))}, 2, []bool{false, false, false, false}},
		{"need above the pages found", []furnCand{c(0, "a", 30), c(1, "a", 30), c(2, "a", 30)}, 4, []bool{false, false, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := repeated(tc.cands, 4, tc.need)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			if oracle := repeatedPairs(tc.cands, tc.need); !reflect.DeepEqual(oracle, tc.want) {
				t.Errorf("pairwise rule gives %v: the case is wrong", oracle)
			}
		})
	}
	// Random candidates, heights on a quarter-point grid so that many
	// fall exactly at the tolerance, few keys so that groups are large.
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		npages := 1 + rng.IntN(30)
		cands := make([]furnCand, rng.IntN(120))
		for i := range cands {
			y := float64(rng.IntN(160)) / 4
			if rng.IntN(2) == 0 {
				y = -y
			}
			cands[i] = c(rng.IntN(npages), fmt.Sprint(rng.IntN(3)), y)
		}
		need := 2 + rng.IntN(npages)
		got, want := repeated(cands, npages, need), repeatedPairs(cands, need)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d (%d pages, need %d): got %v, pairwise %v", round, npages, need, got, want)
		}
	}
}

// furniturePages builds n pages in the shape of a long plan: a running
// head, a chapter title that changes every ten pages, a footer "Sida i av
// n", a bare page number, and body lines, with a little jitter in height
// as real producers have.
func furniturePages(n int) []rccplans.Page {
	rng := rand.New(rand.NewPCG(3, 4))
	pages := make([]rccplans.Page, n)
	for i := range pages {
		j := func() float64 { return rng.Float64() * 1.5 }
		ws := words(40, 20+j(), "Regional cancerplan 2024–2027 Region Exempel", 8, false)
		ws = append(ws, words(40, 40+j(), fmt.Sprintf("Kapitel %d Område %c", i/10+1, 'A'+rune(i/10%26)), 10, true)...)
		ws = append(ws, lines(40, 100, 11, false,
			"Brödtext som beskriver målet och aktiviteten i ord.",
			fmt.Sprintf("Rad %d med en siffra som ändras på varje sida.", i),
			"Ansvarig: processledare och verksamhetschef.")...)
		ws = append(ws, words(40, ph-30+j(), fmt.Sprintf("Sida %d av %d", i+1, n), 8, false)...)
		ws = append(ws, words(pw-60, ph-30+j(), fmt.Sprint(i+1), 8, false)...)
		pages[i] = page(i+1, ws, nil)
	}
	return pages
}

// BenchmarkFurniture shows how furniture detection scales with the pages
// of a document: 2,000 pages against a 200-page reference in the same
// run. A time ratio near 10 is linear; comparing every pair of candidate
// lines, as the detection once did, gives near 100.
//
//	go test ./extract -run '^$' -bench BenchmarkFurniture -benchtime 5x
func BenchmarkFurniture(b *testing.B) {
	const ref, long = 200, 2000
	refPages, longPages := furniturePages(ref), furniturePages(long)
	if marks := furniture(longPages); !marked(marks, len(longPages)) {
		b.Fatal("the running heads and footers of the benchmark pages are not found")
	}
	var tRef, tLong time.Duration
	for b.Loop() {
		start := time.Now()
		furniture(refPages)
		tRef += time.Since(start)
		start = time.Now()
		furniture(longPages)
		tLong += time.Since(start)
	}
	b.ReportMetric(float64(tRef.Microseconds())/float64(b.N), "µs-200p")
	b.ReportMetric(float64(tLong.Microseconds())/float64(b.N), "µs-2000p")
	b.ReportMetric(float64(tLong)/float64(max(tRef, 1)), "time-ratio-2000/200")
}

// marked tells whether every one of n pages has furniture marked.
func marked(marks [][]bool, n int) bool {
	pages := 0
	for _, m := range marks {
		for _, v := range m {
			if v {
				pages++
				break
			}
		}
	}
	return pages == n
}
