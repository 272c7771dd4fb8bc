package extract

import (
	"reflect"
	"testing"

	"rccplans"
)

// twinTables: two tables side by side on a landscape page, each under its
// own heading, their headers on one line.
const twinTables = `Handlingsplan cancer 2026

Prevention                                                    Tidig upptäckt
Mål                Aktivitet          Ansvarig     Status     Mål                Aktivitet          Ansvarig     Status
Alla ska           Skicka kallelser   Chefläkare   Pågår      Ledtiderna ska     Mäta ledtider.     Enhetschef   Klar
screenas.          till alla.                                 kortas.
                                                              Fler ska delta.    Informera.         Chefläkare   Pågår
Fler ska sluta     Erbjuda samtal.    Enhetschef   Klar
röka.

Uppföljningen sker årligen i ledningsgruppen och rapporteras till nämnden i december varje år.
`

func TestTextLayoutTwin(t *testing.T) {
	l, err := Text("plan-layout.txt", []byte(twinTables))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var rows [][][]string
	for _, b := range l.Blocks {
		switch b.Kind {
		case rccplans.BlockTable:
			got = append(got, "table")
			var rs [][]string
			for _, r := range b.Table.Rows {
				var cs []string
				for _, c := range r.Cells {
					cs = append(cs, c.Text)
				}
				rs = append(rs, cs)
			}
			rows = append(rows, rs)
		case rccplans.BlockHeading:
			got = append(got, "# "+b.Text)
		default:
			got = append(got, b.Text)
		}
	}
	want := []string{"Handlingsplan cancer 2026", "# Prevention", "table", "# Tidig upptäckt", "table",
		"Uppföljningen sker årligen i ledningsgruppen och rapporteras till nämnden i december varje år."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks\n got %q\nwant %q", got, want)
	}
	wantRows := [][][]string{
		{{"Alla ska screenas.", "Skicka kallelser till alla.", "Chefläkare", "Pågår"}, {"Fler ska sluta röka.", "Erbjuda samtal.", "Enhetschef", "Klar"}},
		{{"Ledtiderna ska kortas.", "Mäta ledtider.", "Enhetschef", "Klar"}, {"Fler ska delta.", "Informera.", "Chefläkare", "Pågår"}},
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Errorf("rows\n got %q\nwant %q", rows, wantRows)
	}
}

func TestTextLayoutTwinHeader(t *testing.T) {
	cols := func(titles ...string) []tlColumn {
		var out []tlColumn
		for n, s := range titles {
			out = append(out, tlColumn{title: []string{s}, start: 20 * n, end: 20*n + len(s), left: 20 * n})
		}
		return out
	}
	tests := []struct {
		name string
		cols []tlColumn
		want int
	}{
		{"the same roles twice", cols("Mål", "Aktivitet", "Ansvarig", "Status", "Mål", "Aktivitet", "Ansvarig", "Status"), 4},
		{"one table", cols("Mål", "Aktivitet", "Ansvarig", "Status"), 0},
		{"other roles on the right", cols("Mål", "Aktivitet", "Ansvarig", "Status", "Kommentar", "Klart"), 0},
		{"two columns of one role in a table", cols("Mål", "Aktivitet", "Aktivitet", "Status"), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tlTwin(tt.cols); got != tt.want {
				t.Errorf("tlTwin = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestTextLayoutSplitAt(t *testing.T) {
	tests := []struct {
		name        string
		raw         string
		cut         int
		left, right string
	}{
		{"both sides", "Alla ska     Skicka        Ledtiderna ska   Mäta", 27, "Alla ska     Skicka", "                           Ledtiderna ska   Mäta"},
		{"the right only", "                           Fler ska delta.", 27, "", "                           Fler ska delta."},
		{"the left only", "röka.", 27, "röka.", ""},
		{"the right a little left of its column after a gutter", "Alla ska     Skicka      Ledtiderna", 27, "Alla ska     Skicka", "                         Ledtiderna"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, r := tlSplitAt(ptLine{raw: tt.raw, s: tt.raw}, tt.cut)
			if l.raw != tt.left || r.raw != tt.right {
				t.Errorf("tlSplitAt = %q, %q; want %q, %q", l.raw, r.raw, tt.left, tt.right)
			}
		})
	}
}
