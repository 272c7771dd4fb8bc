package rccplans

import "testing"

func TestJoinLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"plain", []string{"Det ska finnas", "en plan"}, "Det ska finnas en plan"},
		{"broken word", []string{"enligt vårdprog-", "rammet"}, "enligt vårdprogrammet"},
		{"capital compound", []string{"SVF-", "Cancer"}, "SVF-Cancer"},
		{"abbreviation compound", []string{"HPV-", "vaccinationsprogrammet"}, "HPV-vaccinationsprogrammet"},
		{"suspended", []string{"tjock-", "och ändtarm"}, "tjock- och ändtarm"},
		{"compound with a hyphen already", []string{"en prehab-rehab-", "mottagning"}, "en prehab-rehab-mottagning"},
		{"number range at en dash", []string{"(18–", "24 månader)"}, "(18–24 månader)"},
		{"en dash between words", []string{"Region X –", "ansvar"}, "Region X – ansvar"},
		{"list of suspended compounds", []string{"prostata-penis- urinblåsa-", "huvud-halscancer"}, "prostata-penis- urinblåsa- huvud-halscancer"},
		{"blank lines dropped", []string{"a", "  ", "b"}, "a b"},
		{"lone dash", []string{"-", "Regionerna"}, "- Regionerna"},
		{"space dash", []string{"RCC -", "Regionerna"}, "RCC - Regionerna"},
		{"nothing", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := JoinLines(tt.lines); got != tt.want {
				t.Errorf("JoinLines(%q) = %q, want %q", tt.lines, got, tt.want)
			}
		})
	}
}

func TestJoinLinesKnown(t *testing.T) {
	known := HyphenWords([]string{"finns för huvud-halscancer och", "en Utbyggnads-plan i", "slutar med vårdprog-"})
	if known["vårdprog-"] || !known["huvud-halscancer"] || !known["Utbyggnads-plan"] {
		t.Fatalf("HyphenWords = %v", known)
	}
	has := func(w string) bool { return known[w] }
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"för huvud-", "halscancer samt"}, "för huvud-halscancer samt"},
		{[]string{"2022–05 Utbyggnads-", "plan 4 år"}, "2022–05 Utbyggnads-plan 4 år"},
		{[]string{"vårdprog-", "rammet."}, "vårdprogrammet."},
	}
	for _, tt := range tests {
		if got := JoinLinesKnown(tt.lines, has); got != tt.want {
			t.Errorf("JoinLinesKnown(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}

func FuzzJoinLines(f *testing.F) {
	f.Add("vårdprog-", "rammet")
	f.Add("(18–", "24")
	f.Add("-", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		out := JoinLines([]string{a, b})
		if len(out) > len(a)+len(b)+1 {
			t.Errorf("JoinLines grew the text: %q + %q -> %q", a, b, out)
		}
	})
}
