package extract

import (
	"reflect"
	"strings"
	"testing"
)

// layoutPlan is a plan table as pdftotext -layout prints it: columns at
// fixed positions, cells over several lines, empty lines between rows, a
// form feed and the header again on the next page.
const layoutPlan = `Handlingsplan cancer 2026–2027
Region Exempel

1. Prevention

Mål                       Aktivitet                    Ansvarig          Status

Levnadsvanor ska tas      Kartlägga nuläget            Processledare     Pågår
upp med alla patienter.   tillsammans med              cancer
                          verksamheterna.

Alla vårdcentraler ska    Utse cancerombud.            Enhetschef        Klar
ha ett cancerombud.
` + "\f" + `Mål                       Aktivitet                    Ansvarig          Status

Screening ska erbjudas    Skicka kallelser.            RCC-samordnare    Ej påbörjad
alla kvinnor.
`

func TestLayoutKept(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"pdftotext -layout", layoutPlan, true},
		{"layout lost: single spaces", strings.Join([]string{"Mål Aktivitet Ansvarig Status", "Levnadsvanor ska tas", "upp med alla patienter.", "Kartlägga nuläget", "Processledare cancer", "Pågår"}, "\n"), false},
		{"a few indented lines in prose", "Rubrik\n\nText   med   mellanrum.\nMer text.\nOch mer.\nSlut.\n", false},
		{"tabs as gutters", strings.Repeat("Mål\tAktivitet\tStatus\n", 6), true},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := layoutKept(tt.in); got != tt.want {
				t.Errorf("layoutKept = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestTextLayoutKeptTable(t *testing.T) {
	l, err := Text("plan-layout.txt", []byte(layoutPlan))
	if err != nil {
		t.Fatal(err)
	}
	if l.NumPages != 2 || len(l.Pages) != 2 {
		t.Errorf("pages %d (%d), want 2", l.NumPages, len(l.Pages))
	}
	var got [][]string
	tables := 0
	for _, b := range l.Blocks {
		if b.Table == nil {
			continue
		}
		tables++
		if want := []string{"Mål", "Aktivitet", "Ansvarig", "Status"}; !reflect.DeepEqual(b.Table.Header[0], want) {
			t.Errorf("header %q, want %q", b.Table.Header[0], want)
		}
		for _, r := range b.Table.Rows {
			var row []string
			for _, c := range r.Cells {
				row = append(row, c.Text)
			}
			got = append(got, row)
		}
	}
	want := [][]string{
		{"Levnadsvanor ska tas upp med alla patienter.", "Kartlägga nuläget tillsammans med verksamheterna.", "Processledare cancer", "Pågår"},
		{"Alla vårdcentraler ska ha ett cancerombud.", "Utse cancerombud.", "Enhetschef", "Klar"},
		{"Screening ska erbjudas alla kvinnor.", "Skicka kallelser.", "RCC-samordnare", "Ej påbörjad"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows (%d tables)\n got %q\nwant %q", tables, got, want)
	}
}
