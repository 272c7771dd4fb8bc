package extract

import (
	"errors"
	"strings"
	"testing"

	"rccplans"
)

// orgDump renders blocks compactly: "h1 text", "p text", "T a|b / c|d"
// with header rows first and "/" before each body row.
func orgDump(bls []rccplans.Block) []string {
	var out []string
	for _, b := range bls {
		switch b.Kind {
		case rccplans.BlockHeading:
			out = append(out, "h"+string(rune('0'+b.Level))+" "+b.Text)
		case rccplans.BlockParagraph:
			out = append(out, "p "+b.Text)
		case rccplans.BlockTable:
			var parts []string
			for _, h := range b.Table.Header {
				parts = append(parts, strings.Join(h, "|"))
			}
			for _, r := range b.Table.Rows {
				var cs []string
				for _, c := range r.Cells {
					cs = append(cs, c.Text)
				}
				parts = append(parts, "/ "+strings.Join(cs, "|"))
			}
			out = append(out, "T "+strings.Join(parts, " "))
		}
	}
	return out
}

func TestOrg(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{
			name:  "keywords, comments and outline",
			input: "#+TITLE: Plan för *cancervården*\n#+AUTHOR: X\n#+OPTIONS: toc:nil\n# a comment\n\nText som\nbryts.\n* Kapitel 1 Start :tag:\n** TODO [#A] Screening\n- punkt ett\n#+BEGIN_COMMENT\ndold\n#+END_COMMENT\n",
			want:  []string{"h1 Plan för cancervården", "p Text som bryts.", "h2 Kapitel 1 Start", "h3 Screening", "p punkt ett"},
		},
		{
			name:  "no title: stars are the levels",
			input: "* Kapitel 1\n** Avsnitt\ntext [[https://x.se][länk]] och /kursiv/ men a/b/c\n",
			want:  []string{"h1 Kapitel 1", "h2 Avsnitt", "p text länk och kursiv men a/b/c"},
		},
		{
			name:  "table of a row a line",
			input: "| Mål | Status |\n|-----+--------|\n| a   | Klar   |\n| b   | Pågår  |\n",
			want:  []string{"T Mål|Status / a|Klar / b|Pågår"},
		},
		{
			name:  "table of a row a line under a bottom rule",
			input: "|-----+--------|\n| Mål | Status |\n|-----+--------|\n| a   | Klar   |\n| b   | Pågår  |\n|-----+--------|\n",
			want:  []string{"T Mål|Status / a|Klar / b|Pågår"},
		},
		{
			name: "rows wrapped between rules",
			input: "| Område       | Mål       | Status |\n|--------------+-----------+--------|\n" +
				"| 2.1 Tjock-   | Fler ska  | Klar   |\n| och ändtarm  | delta.    |        |\n|--------------+-----------+--------|\n" +
				"| 2.2 Levnads- | Färre     | Pågår  |\n| vanor        | röker.    |        |\n|--------------+-----------+--------|\n",
			want: []string{"T Område|Mål|Status / 2.1 Tjock- och ändtarm|Fler ska delta.|Klar / 2.2 Levnadsvanor|Färre röker.|Pågår"},
		},
		{
			name: "a one-row table reads as the document's wrapped tables",
			input: "| A | B |\n|---+---|\n| x | y |\n|---+---|\n| z | w |\n|---+---|\n\n" +
				"| A   | B    |\n|-----+------|\n| ett | två  |\n| tre | fyra |\n|-----+------|\n",
			want: []string{"T A|B / x|y / z|w", "T A|B / ett tre|två fyra"},
		},
		{
			name:  "wrapped header",
			input: "| Ansvarig   | Status   |\n| (funktion) | dec 2025 |\n|------------+----------|\n| RCC        | Klar     |\n",
			want:  []string{"T Ansvarig (funktion)|Status dec 2025 / RCC|Klar"},
		},
		{
			name:  "property drawer and block",
			input: "* Rubrik\n:PROPERTIES:\n:ID: 1\n:END:\n#+BEGIN_QUOTE\nCiterad text.\n#+END_QUOTE\n",
			want:  []string{"h1 Rubrik", "p Citerad text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Org("t.org", []byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			got := orgDump(l.Blocks)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestOrgEmpty(t *testing.T) {
	for _, in := range []string{"", "#+TITLE:\n# kommentar\n", "|---+---|\n"} {
		if _, err := Org("t.org", []byte(in)); !errors.Is(err, ErrNoText) {
			t.Errorf("Org(%q) err = %v, want ErrNoText", in, err)
		}
	}
}

// FuzzOrg: whatever the text, the org reader returns, and every table it
// gives is rectangular.
func FuzzOrg(f *testing.F) {
	f.Add([]byte("#+TITLE: Plan\n* Kapitel 1\n** Avsnitt\n| Mål | Status |\n|-----+--------|\n| a   | Klar   |\n| b   | Pågår  |\n|-----+--------|\n"))
	f.Add([]byte("| A | B |\n|---+---|\n| x- | y |\n| z | *w* |\n|---+---|\n| 1 |\n|---|\n:PROPERTIES:\n#+BEGIN_SRC\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Org("fuzz.org", data)
		if err != nil {
			var le *rccplans.Error
			if !errors.As(err, &le) || le.File != "fuzz.org" {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, b := range l.Blocks {
			if b.Kind != rccplans.BlockTable {
				continue
			}
			w := -1
			for _, h := range b.Table.Header {
				if w >= 0 && len(h) != w {
					t.Fatalf("ragged header %q", b.Table.Header)
				}
				w = len(h)
			}
			for _, r := range b.Table.Rows {
				if w >= 0 && len(r.Cells) != w {
					t.Fatalf("ragged row %+v", r)
				}
				w = len(r.Cells)
			}
		}
	})
}
