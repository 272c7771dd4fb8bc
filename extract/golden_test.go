package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkGolden compares got with the golden file, or rewrites the file
// under -update. A difference is reported at its first line, which is
// where a reviewer starts reading.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if got == string(want) {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	line := func(ls []string) string {
		if i < len(ls) {
			return ls[i]
		}
		return "(end)"
	}
	t.Errorf("%s differs at line %d (run with -update after checking the change):\n got  %.200s\n want %.200s", golden, i+1, line(g), line(w))
}
