package extract

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"rccplans"
)

func textBlocksOf(t *testing.T, s string) []rccplans.Block {
	t.Helper()
	l, err := Text("t.txt", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return l.Blocks
}

// tableRowsOf reads s and returns the cell texts of its last table.
func tableRowsOf(t *testing.T, s string) ([][]string, *rccplans.Table) {
	t.Helper()
	bs := textBlocksOf(t, s)
	var tb *rccplans.Table
	for _, bl := range bs {
		if bl.Table != nil {
			tb = bl.Table
		}
	}
	if tb == nil {
		t.Fatalf("no table: %q", kinds(bs))
	}
	var got [][]string
	for _, r := range tb.Rows {
		var row []string
		for _, c := range r.Cells {
			row = append(row, c.Text)
		}
		got = append(got, row)
	}
	return got, tb
}

func kinds(bs []rccplans.Block) []string {
	var out []string
	for _, b := range bs {
		switch b.Kind {
		case rccplans.BlockTable:
			out = append(out, "T")
		case rccplans.BlockHeading:
			out = append(out, "H:"+b.Text)
		default:
			out = append(out, "P:"+b.Text)
		}
	}
	return out
}

func TestTextProse(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"numbered heading and paragraph", "1.1 Bakgrund till planen\nFörsta raden av texten\nfortsätter här.\n",
			[]string{"H:1.1 Bakgrund till planen", "P:Första raden av texten fortsätter här."}},
		{"wrapped heading title", "2.1 Kontaktsjuksköterska för samtliga cancerpatienter i\nnorra sjukvårdsregionen\n\nText.\n",
			[]string{"H:2.1 Kontaktsjuksköterska för samtliga cancerpatienter i norra sjukvårdsregionen", "P:Text."}},
		{"line-end hyphen re-joined", "Ett långt ord som vård-\nprogrammet bryts.\n", []string{"P:Ett långt ord som vårdprogrammet bryts."}},
		{"url cut at a hyphen", "finns på https://example.se/vara-\nuppdrag/register/\n", []string{"P:finns på https://example.se/vara-uppdrag/register/"}},
		{"table of contents dropped", "Innehåll\n\n1.1 Ett ..................... 2\n\n1.2 Två ..................... 3\n\n1.3 Tre ..................... 4\n\n1.1 Ett\nBrödtext.\n",
			[]string{"H:Innehåll", "H:1.1 Ett", "P:Brödtext."}},
		{"bare page numbers dropped", "Text på sidan ett.\n\n7\n\n Text på sidan två.\n", []string{"P:Text på sidan ett.", "P:Text på sidan två."}},
		{"running head repeated at page tops dropped", "HUVUD\n\nA ett.\n HUVUD\n\nB två.\n HUVUD\n\nC tre.\n HUVUD\n\nD fyra.\n",
			[]string{"P:A ett.", "P:B två.", "P:C tre.", "P:D fyra."}},
		{"a repeated word that runs on is content", "Text.\n Norra\nsjukvårdsregionen ska A.\n Norra\nsjukvårdsregionen ska B.\n Norra\nsjukvårdsregionen ska C.\n",
			[]string{"P:Text.", "P:Norra sjukvårdsregionen ska A.", "P:Norra sjukvårdsregionen ska B.", "P:Norra sjukvårdsregionen ska C."}},
		{"kapitel label and chapter title", "KAPITEL 2\n\nUppföljning\n\n2.1 Rubrik\nText.\n",
			[]string{"H:KAPITEL 2", "H:Uppföljning", "H:2.1 Rubrik", "P:Text."}},
		{"bullets are own paragraphs", "Vi gör så här:\n\uf0b7 första punkten\n\uf0b7 andra punkten\n",
			[]string{"P:Vi gör så här:", "P:första punkten", "P:andra punkten"}},
		{"a sentence starting with a number is no heading", "Det ökade till\n85 procent av alla.\n", []string{"P:Det ökade till 85 procent av alla."}},
		{"numeric table", "Tabell 1. Andel\n\n2020 2021\n\nRiket 73 % 75 %\n\nNorr 70 % 71 %\n\nKälla: X\n",
			[]string{"P:Tabell 1. Andel", "T", "P:Källa: X"}},
		{"closing footer printed twice dropped", "Text.\n\nRegionala cancercentrum i samverkan för cancervården.\nMed patienter och närstående för hela människan.\n\nwww.example.se\n\nRegionala cancercentrum i samverkan för cancervården.\nMed patienter och närstående för hela människan.\n\nwww.example.se\n",
			[]string{"P:Text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kinds(textBlocksOf(t, tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTextNumericTable(t *testing.T) {
	bs := textBlocksOf(t, "2020 2021\n\nRiket 73 % 75 %\n\nNorra regionen 70 % 71 %\n")
	if len(bs) != 1 || bs[0].Table == nil {
		t.Fatalf("blocks %q", kinds(bs))
	}
	tb := bs[0].Table
	if !reflect.DeepEqual(tb.Header, [][]string{{"", "2020", "2021"}}) {
		t.Errorf("header %q", tb.Header)
	}
	if got := tb.Rows[1].Cells; got[0].Text != "Norra regionen" || got[2].Text != "71 %" {
		t.Errorf("row %v", got)
	}
}

func TestTextHeaderGrouping(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []rccplans.Column
	}{
		{"one line", "Område Uppdrag/Mål enligt RCC Mellansverige Aktivitet från RCC Aktivitet i RV Ansvarig-Tidsram Status",
			[]rccplans.Column{rccplans.ColArea, rccplans.ColGoal, rccplans.ColRCCActivity, rccplans.ColActivity, rccplans.ColResponsibleTime, rccplans.ColStatus}},
		{"wrapped in narrow cells", "Mål Nuläge\nMätbar\n\nmålnivå\n\nAktiviteter för\n\nmåluppfyllelse\nAnsvarig Tidsplan\n\nUppfölj-\n\nning*\nUtvärdering\nDet ska finnas",
			[]rccplans.Column{rccplans.ColGoal, rccplans.ColCurrentState, rccplans.ColTarget, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColFollowUp, rccplans.ColEvaluation}},
		{"prose is no header", "Målet är att alla ska ha en kontaktsjuksköterska.", nil},
		{"a last word naming no role after a one-word title is a column of its own", "Mål Aktivitet Ansvarig Status Kommentar",
			[]rccplans.Column{rccplans.ColGoal, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColStatus, rccplans.ColUnknown}},
		{"the same in capitals", "NR MÅL AKTIVITET ANSVARIG TIDSPLAN STATUS KOMMENTAR",
			[]rccplans.Column{rccplans.ColNumber, rccplans.ColGoal, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColStatus, rccplans.ColUnknown}},
		{"too few named columns before it", "Mål Status Kommentar", nil},
		{"a title's head naming no role alone on its line, the rest going on in lower case", "Mål för perioden\nFörväntat\nresultat Så här gör vi Vem Senast Lägesrapport\nDen regionala",
			[]rccplans.Column{rccplans.ColGoal, rccplans.ColTarget, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColStatus}},
		{"a one-title line over a header line is not its first line", "Område A. Jämlik vård för alla\nNr Mål Aktivitet Ansvarig Status", nil},
		{"a wrapped header's first line holds several titles' heads", "Område Mätbar\nmålnivå Aktivitet Ansvarig Status",
			[]rccplans.Column{rccplans.ColArea, rccplans.ColTarget, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColStatus}},
		{"a title wrapped before its unit", "Nr Mål Aktivitet Ansvarig Klart\nGenomfört\n(%)\n1.1",
			[]rccplans.Column{rccplans.ColNumber, rccplans.ColGoal, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColStatus}},
		{"titles with their translations after a slash", "Nr Goal / Mål Activity / Aktivitet Responsible / Ansvarig Klart / Due Status",
			[]rccplans.Column{rccplans.ColNumber, rccplans.ColGoal, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColStatus}},
		{"a capitalised line whose lower-case continuation names no role ends the header", "Mål Aktivitet Ansvarig\nGenomföra\nutbildningsdagar Status klar",
			[]rccplans.Column{rccplans.ColGoal, rccplans.ColActivity, rccplans.ColResponsible}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := ptLines([]byte(tt.in))
			_, roles, _, ok := ptHeader(lines, 0)
			if !ok {
				roles = nil
			}
			if !reflect.DeepEqual(roles, tt.want) {
				t.Errorf("roles %v, want %v", roles, tt.want)
			}
		})
	}
}

// TestTextTableRows: a row-major table body with blank lines between
// cells, status words ending rows and Område codes starting them; merged
// Område/Mål cells are copied into the rows they span.
func TestTextTableRows(t *testing.T) {
	in := strings.Join([]string{
		"Område Mål Aktivitet i RV Ansvarig Status",
		"",
		"1.a) Prevention",
		"",
		"Minska insjuknandet i cancer",
		"genom hälsosamma levnadsvanor.",
		"",
		"Sprida kunskap om solvanor",
		"",
		"Region X",
		"",
		"Påbörjad",
		"",
		"Följa upp indikatorer",
		"",
		"Region X",
		"",
		"Klar",
		"",
		"1.b) Screening",
		"",
		"Alla ska erbjudas screening.",
		"",
		"Införa kallelsesystem",
		"",
		"Region Y",
		"",
		"Ej påbörjad",
	}, "\n")
	got, tb := tableRowsOf(t, in)
	want := [][]string{
		{"1.a) Prevention", "Minska insjuknandet i cancer genom hälsosamma levnadsvanor.", "Sprida kunskap om solvanor", "Region X", "Påbörjad"},
		{"1.a) Prevention", "Minska insjuknandet i cancer genom hälsosamma levnadsvanor.", "Följa upp indikatorer", "Region X", "Klar"},
		{"1.b) Screening", "Alla ska erbjudas screening.", "Införa kallelsesystem", "Region Y", "Ej påbörjad"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	if !tb.Rows[1].Cells[0].Spanned {
		t.Error("the copied Område cell is not marked Spanned")
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"", "1.1 Rubrik\nText.\n", "Mål Nuläge Ansvarig\n\nA\n\nB\n\nC\n", "\f\f4 (24)\n", "2020 2021\nA 1 % 2 %\nB 3 % 4 %\n"} {
		f.Add([]byte(s))
	}
	f.Add([]byte(layoutPlan)) // kept layout: read by positions
	for _, stem := range []string{"000_363f1a49b5c57245", "001_2c1f4fc1918a0a87", "004_ee4b379ee5192dfe"} {
		// the start of each seed: whole documents make each run slow
		if data, err := readSeed(stem); err == nil {
			f.Add(data[:min(len(data), 12<<10)])
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Text("fuzz.txt", data)
		if err != nil {
			return
		}
		for _, b := range l.Blocks {
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					if len(r.Cells) != len(b.Table.Header[0]) {
						t.Fatalf("row with %d cells under %d columns", len(r.Cells), len(b.Table.Header[0]))
					}
				}
			}
		}
	})
}

// TestTextBadInput: corrupt variants built in code read without a panic;
// an empty file is an error.
func TestTextBadInput(t *testing.T) {
	seed, err := readSeed("000_363f1a49b5c57245")
	if err != nil {
		t.Fatal(err)
	}
	latin1 := make([]byte, 0, len(seed))
	for _, r := range string(seed[:4000]) {
		if r < 256 {
			latin1 = append(latin1, byte(r))
		}
	}
	tests := []struct {
		name string
		in   []byte
		err  error
	}{
		{"empty", nil, ErrEmpty},
		{"only blank lines", []byte("\n \n\t\n"), ErrEmpty},
		{"truncated mid-rune", seed[:len(seed)/2+1], nil},
		{"latin-1", latin1, nil},
		{"nul bytes", []byte("Mål Nuläge Ansvarig\x00\x00\n\nA\x00\n"), nil},
		{"header only", []byte("Område Mål Aktivitet i RV Ansvarig Status\n"), nil},
		{"form feeds", []byte("\f\f\fText.\f"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Text("bad.txt", tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err %v, want %v", err, tt.err)
			}
			if err == nil && l == nil {
				t.Fatal("no layout and no error")
			}
			if tt.name == "header only" && len(l.Warnings) != 1 {
				t.Errorf("warnings %v, want one for the header without rows", l.Warnings)
			}
		})
	}
}

// TestTextColumnAfterColumn: a table printed cell after cell with an empty
// line after every line (how some viewers copy Word tables), the empty
// last cells of each row printed as a line of blanks.
func TestTextColumnAfterColumn(t *testing.T) {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n\n") }
	line("Mål Nuläge Ansvarig Tidsplan Uppföljning Utvärdering")
	rows := [][]string{
		{"Alla patienter ska|erbjudas en kontakt-|sjuksköterska.", "Kontaktsjuksköterskor finns|för de flesta diagnoserna.", "Verksamhetschef", "2023"},
		{"Screening för tjock-|och ändtarmscancer|ska införas.", "Startar under hösten med en|årskull i hela regionen.", "Processledare", "2024"},
	}
	for _, r := range rows {
		for _, cell := range r {
			for _, l := range strings.Split(cell, "|") {
				line(l)
			}
		}
		b.WriteString("  \n\n")
	}
	all, _ := tableRowsOf(t, b.String())
	var got [][]string
	for _, r := range all {
		got = append(got, r[:4])
	}
	want := [][]string{
		{"Alla patienter ska erbjudas en kontaktsjuksköterska.", "Kontaktsjuksköterskor finns för de flesta diagnoserna.", "Verksamhetschef", "2023"},
		{"Screening för tjock- och ändtarmscancer ska införas.", "Startar under hösten med en årskull i hela regionen.", "Processledare", "2024"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}

// TestTextGlueCuts: where a line may hold two cells, it is cut in pieces
// the split may keep together or put in neighbouring columns.
func TestTextGlueCuts(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		next      string // the line after it, "" for none
		timeCol   int
		statusCol int // -1 without one; the table has 8 columns
		want      []string
		wantAfter []int // emptyAfter per piece
		numCol    int   // the goal-number column, -1 without one
	}{
		{"Ansvarig and Tidsplan on one line", "VC BFM 2023", "", 5, -1, []string{"VC BFM", "2023"}, []int{0, 2}, -1},
		{"a closing Löpande", "Repsektive processledare Löpande", "", 5, -1, []string{"Repsektive processledare", "Löpande"}, []int{0, 2}, -1},
		{"no Tidsplan column: no time cut", "VC BFM 2023", "", -1, -1, []string{"VC BFM 2023"}, []int{2}, -1},
		{"a closing year is a candidate cut (the split may keep it)", "plan fem årskullar 2024", "", 5, -1, []string{"plan fem årskullar", "2024"}, []int{0, 2}, -1},
		{"a whole time is not cut", "2022-2024", "", 5, -1, []string{"2022-2024"}, []int{2}, -1},
		{"two capitalised words: a one-word cell before the next", "Bibehålla Byte av", "", -1, -1, []string{"Bibehålla", "Byte av"}, []int{0, 2}, -1},
		{"an acronym before a name is not cut", "VC Cancercentrum", "", -1, -1, []string{"VC Cancercentrum"}, []int{2}, -1},
		{"a closing status", "Processledare cancer Ej påbörjad", "", -1, 7, []string{"Processledare cancer", "Ej påbörjad"}, []int{0, 2}, -1},
		{"a status word the next line goes on from is text", "Pilot genomförd", "på en enhet med", -1, 7, []string{"Pilot genomförd"}, []int{2}, -1},
		{"a status before the next column's first line", "2026–2027 Genomfört Rapporteras till", "", -1, 6, []string{"2026–2027", "Genomfört", "Rapporteras till"}, []int{0, 0, 2}, -1},
		{"a goal number in its narrow column before the goal", "1.1 Individuell vårdplan ska", "", -1, -1, []string{"1.1", "Individuell vårdplan ska"}, []int{0, 2}, 0},
		{"a status with its reason after a dash", "2027 Pågår – försenad", "", -1, 7, []string{"2027", "Pågår – försenad"}, []int{0, 2}, -1},
		{"a sentence after the dash is no reason", "Pågår – arbetet fortsätter enligt den plan som", "", -1, 7, []string{"Pågår – arbetet fortsätter enligt den plan som"}, []int{2}, -1},
		{"a goal code of a letter and digits before the goal", "A1 Andelen patienter ska öka", "", -1, -1, []string{"A1", "Andelen patienter ska öka"}, []int{0, 2}, 0},
		{"a time before a closing status", "Forskningschef 2026 Ej påbörjad", "", 5, 7, []string{"Forskningschef", "2026", "Ej påbörjad"}, []int{0, 0, 2}, -1},
		{"no number column: the number stays", "1.1 Individuell vårdplan ska", "", -1, -1, []string{"1.1 Individuell vårdplan ska"}, []int{2}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := ptUnit{s: tt.in, n: len([]rune(tt.in)), emptyAfter: 2, rowEnd: true, lead: true}
			us := []ptUnit{u}
			if tt.next != "" {
				us = append(us, ptUnit{s: tt.next, n: len([]rune(tt.next))})
			}
			got := ptGlue(us, 8, tt.statusCol, tt.timeCol, tt.numCol, 1, ptIsStatus)
			if tt.next != "" {
				got = got[:len(got)-1]
			}
			var ss []string
			var after []int
			for x, p := range got {
				ss, after = append(ss, p.s), append(after, p.emptyAfter)
				if x > 0 && (!p.glued || p.lead) {
					t.Errorf("piece %d %q: glued %v lead %v, want a glued piece without a leading blank", x, p.s, p.glued, p.lead)
				}
			}
			if !reflect.DeepEqual(ss, tt.want) || !reflect.DeepEqual(after, tt.wantAfter) {
				t.Errorf("ptGlue(%q) = %q %v, want %q %v", tt.in, ss, after, tt.want, tt.wantAfter)
			}
		})
	}
}

// TestTextUnwrapStatus: a status wrapped in its narrow column is put back
// on one line; a follow-up code counts only where the table grades by code.
func TestTextUnwrapStatus(t *testing.T) {
	codes := func(s string) bool { return ptIsStatus(s) || ptIsCode(s) }
	tests := []struct {
		name     string
		in       []string
		isStatus func(string) bool
		want     []string
	}{
		{"two-word status over two lines", []string{"HT 2025 Ej", "påbörjad"}, ptIsStatus, []string{"HT 2025", "Ej påbörjad"}},
		{"the first half alone on its line", []string{"2026", "Ej", "påbörjad"}, ptIsStatus, []string{"2026", "", "Ej påbörjad"}},
		{"a one-word status stays", []string{"Chef primärvård", "Påbörjad"}, ptIsStatus, []string{"Chef primärvård", "Påbörjad"}},
		{"a status after a page break is not joined", []string{"HT 2025 Ej", "påbörjad"}, ptIsStatus, []string{"HT 2025 Ej", "påbörjad"}},
		{"codes", []string{"Processledare cancer 2025", "P"}, codes, []string{"Processledare cancer 2025", "P"}},
		{"a status's reason wrapped after its dash", []string{"Forskningschef 2026 Ej påbörjad –", "resursbrist"}, ptIsStatus, []string{"Forskningschef 2026 Ej påbörjad – resursbrist", ""}},
		{"a lower-case line after a dash without a status before it stays", []string{"Genomföra utbildning –", "för alla"}, ptIsStatus, []string{"Genomföra utbildning –", "för alla"}},
		{"a status's head that is a status by itself", []string{"Chef för hälsocentralerna 2025 Delvis", "uppnådd"}, ptIsStatus, []string{"Chef för hälsocentralerna 2025", "Delvis uppnådd"}},
		{"two statuses stay apart", []string{"Klar", "Pågår"}, ptIsStatus, []string{"Klar", "Pågår"}},
		{"a status broken before its year", []string{"2026 Skjuten till", "2027"}, ptIsStatus, []string{"2026 Skjuten till 2027", ""}},
		{"a year after a sentence stays", []string{"Planen gäller till", "2027"}, ptIsStatus, []string{"Planen gäller till", "2027"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []ptLine
			for _, s := range tt.in {
				brk := strings.HasPrefix(s, "\f")
				s = strings.TrimPrefix(s, "\f")
				lines = append(lines, ptLine{s: s, raw: s, brk: brk})
			}
			var got []string
			for _, ln := range ptUnwrapStatus(lines, tt.isStatus) {
				got = append(got, ln.s)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTextCellSignals: the line patterns the split prices.
func TestTextCellSignals(t *testing.T) {
	tests := []struct {
		name string
		re   func(string) bool
		in   string
		want bool
	}{
		{"time start: years", ptTimeStartRe.MatchString, "2023 och", true},
		{"time start: year broken at its dash", ptTimeStartRe.MatchString, "2022-", true},
		{"time start: quarter", ptTimeStartRe.MatchString, "Q 2 2022 för Business Case", true},
		{"time start: Löpande", ptTimeStartRe.MatchString, "Löpande", true},
		{"time start: a percentage is no time", ptTimeStartRe.MatchString, "90% av alla", false},
		{"time start: a longer number is no year", ptTimeStartRe.MatchString, "20230 kronor", false},
		{"time start: a word", ptTimeStartRe.MatchString, "Struktur 2023", false},
		{"time start: a month before the year", ptTimeStartRe.MatchString, "dec 2026 Genomförs", true},
		{"time start: a season", ptTimeStartRe.MatchString, "Hösten 2025", true},
		{"time start: a span of months", ptTimeStartRe.MatchString, "jan–jun 2026 Ej påbörjad", true},
		{"time: a span of months", ptTimeRe.MatchString, "jan–jun 2026", true},
		{"time: a short month", ptTimeRe.MatchString, "jun 2026", true},
		{"time: a span of months without a year", ptTimeRe.MatchString, "jan–jun", false},
		{"time start: a month without a year", ptTimeStartRe.MatchString, "mars och april", false},
		{"year dash", ptYearDashRe.MatchString, "2022-", true},
		{"year dash after words", ptYearDashRe.MatchString, "under 2022 –", true},
		{"word dash is no year dash", ptYearDashRe.MatchString, "vårdprog-", false},
		{"footnote marker ends a line", ptMarkEndRe.MatchString, "kodexen mot cancer. ***", true},
		{"marker alone", ptMarkEndRe.MatchString, "**", true},
		{"a star inside a word", ptMarkEndRe.MatchString, "ning*", false},
		{"lower tail: a word", ptLowerTail, "Bibehålla", true},
		{"lower tail: an acronym", ptLowerTail, "VC", false},
		{"lower tail: a mixed name", ptLowerTail, "LPO-Cancer", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.re(tt.in); got != tt.want {
				t.Errorf("%q: %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestTextRawOrder: text in content order without empty lines (what
// pdftotext -raw prints): numbered goals that look like chapter headings,
// a status wrapped in its column, a status on one line with the cell
// before it.
func TestTextRawOrder(t *testing.T) {
	in := strings.Join([]string{
		"1. Prevention",
		"Målbild Planerade aktiviteter Ansvar Status",
		"1. Palliativ vård ska vara",
		"jämlik och tillgänglig i",
		"hela länet, oavsett",
		"diagnos och boendeform.",
		"Säkerställa att kontaktsjuksköterskor",
		"har avsatt tid för uppdraget i sina",
		"tjänster.",
		"Processledare cancer Ej",
		"påbörjad",
		"2. Fler patienter ska erbjudas",
		"att delta i kliniska studier",
		"via 1177 och vid nybesök.",
		"Rekrytera ytterligare specialistläkare",
		"och skapa utbildningstjänster för",
		"läkare under utbildning.",
		"RCC-samordnare Pågående",
	}, "\n")
	got, _ := tableRowsOf(t, in)
	want := [][]string{
		{"1. Palliativ vård ska vara jämlik och tillgänglig i hela länet, oavsett diagnos och boendeform.", "Säkerställa att kontaktsjuksköterskor har avsatt tid för uppdraget i sina tjänster.", "Processledare cancer", "Ej påbörjad"},
		{"2. Fler patienter ska erbjudas att delta i kliniska studier via 1177 och vid nybesök.", "Rekrytera ytterligare specialistläkare och skapa utbildningstjänster för läkare under utbildning.", "RCC-samordnare", "Pågående"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}

// TestTextSplitFront: the short lines that open a text without empty
// lines are paragraphs of their own, so the title is not run together
// with the region and the first sentences.
func TestTextSplitFront(t *testing.T) {
	long := "Planen beskriver hur regionen arbetar med de mål som RCC har satt i den regionala cancerplanen."
	tests := []struct {
		name string
		in   []string
		want []string // blocks' texts
	}{
		{"title over two lines, region, prose", []string{"Handlingsplan cancer Region Halland 2026–", "2027", "Region Halland", long},
			[]string{"Handlingsplan cancer Region Halland 2026–2027", "Region Halland", long}},
		{"prose from the first line", []string{long, "Det andra stycket börjar här och fortsätter på nästa rad som är lång."},
			[]string{long + " Det andra stycket börjar här och fortsätter på nästa rad som är lång."}},
		{"a short line that runs on", []string{"Planen gäller", "regionens hela cancervård och uppdateras årligen av ledningen för hälso- och sjukvård."},
			[]string{"Planen gäller regionens hela cancervård och uppdateras årligen av ledningen för hälso- och sjukvård."}},
		{"empty lines already", []string{"Handlingsplan 2026", "", long}, []string{"Handlingsplan 2026", long}},
		{"a long title closed by its period, the region under it", []string{"Handlingsplan för cancervården i Region Örebro län 2025–2027", "Region Örebro län", "", long},
			[]string{"Handlingsplan för cancervården i Region Örebro län 2025–2027", "Region Örebro län", long}},
		{"a title over two lines, the region under it", []string{"Regional handlingsplan för cancervården 2024–2026,", "Region Kalmar län", "Region Kalmar län", "", long},
			[]string{"Regional handlingsplan för cancervården 2024–2026, Region Kalmar län", "Region Kalmar län", long}},
		{"a long title, the region under it", []string{"Handlingsplan cancer 2025–2026 för Region Jönköpings län och kommunerna", "Region Jönköpings län", "", long},
			[]string{"Handlingsplan cancer 2025–2026 för Region Jönköpings län och kommunerna", "Region Jönköpings län", long}},
		{"prose whose last line ends a sentence", []string{"Planen beskriver hur regionen arbetar med de mål som RCC har satt i den", "Regionala cancerplanen.", "", long},
			[]string{"Planen beskriver hur regionen arbetar med de mål som RCC har satt i den Regionala cancerplanen.", long}},
		{"a title wrapped after a comma, no empty lines", []string{"Regional handlingsplan cancer 2024–2026,", "Region Kalmar län", "Region Kalmar län", long},
			[]string{"Regional handlingsplan cancer 2024–2026, Region Kalmar län", "Region Kalmar län", long}},
		{"a title wrapped after 'Region'", []string{"Handlingsplan cancer 2024–2026, Region", "Dalarna", "Region Dalarna", long},
			[]string{"Handlingsplan cancer 2024–2026, Region Dalarna", "Region Dalarna", long}},
		{"a title going on in lower case", []string{"Handlingsplan cancer 2025–2027 med", "uppföljning", "Region Gävleborg", long},
			[]string{"Handlingsplan cancer 2025–2027 med uppföljning", "Region Gävleborg", long}},
		{"a numbered heading under the title", []string{"Handlingsplan cancer 2025–2026 med uppföljning, Region Dalarna", "1. Tidig upptäckt", long},
			[]string{"Handlingsplan cancer 2025–2026 med uppföljning, Region Dalarna", "1. Tidig upptäckt", long}},
		{"a table's title under the title", []string{"Handlingsplan cancer 2025–2026 med uppföljning, Region Dalarna", "Kapitel 1. Tidig upptäckt", "Mål Aktivitet Ansvarig Status", "Alla ska ha en plan.", "Införa planen.", "Verksamhetschef", "Klar"},
			[]string{"Handlingsplan cancer 2025–2026 med uppföljning, Region Dalarna", "Kapitel 1. Tidig upptäckt", ""}},
		{"a long title wrapped after a comma, a numbered heading", []string{"Handlingsplan för cancervården 2026–2027,", "Region Örebro län", "1. Tillgänglighet och ledtider", "Den anger vilka åtgärder regionen själv ansvarar för", "under perioden."},
			[]string{"Handlingsplan för cancervården 2026–2027, Region Örebro län", "1. Tillgänglighet och ledtider", "Den anger vilka åtgärder regionen själv ansvarar för under perioden."}},
		{"a long first line with a year that runs on", []string{"Regionen har sedan 2021 arbetat med cancerplanen och fortsätter under 2026", "med nya insatser för patienterna."},
			[]string{"Regionen har sedan 2021 arbetat med cancerplanen och fortsätter under 2026 med nya insatser för patienterna."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range textBlocksOf(t, strings.Join(tt.in, "\n")) {
				got = append(got, b.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestTextSpaceLines: lines of a single blank (empty paragraphs) are
// counted on the line before them, and a cell that runs on past them
// costs more the more of them there are: in text printed column after
// column they stand mostly between cells.
func TestTextSpaceLines(t *testing.T) {
	tests := []struct {
		name   string
		in     string // the body; "|" ends a line, every line is followed by an empty one
		want   []int  // spaceLines per unit
		prices bool   // each further blank line makes running on dearer
	}{
		{"none", "Alla patienter|ska erbjudas", []int{0, 0}, false},
		{"one blank line", "Alla patienter| |ska erbjudas", []int{1, 0}, true},
		{"two blank lines", "Alla patienter| | |ska erbjudas", []int{2, 0}, true},
		{"blank lines at the end", "Alla patienter|ska erbjudas| | | ", []int{0, 3}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []ptLine
			for _, l := range strings.Split(tt.in, "|") {
				lines = append(lines, ptLine{s: strings.TrimSpace(l), raw: l, page: 1}, ptLine{page: 1})
			}
			b := ptPrepare(lines, []string{"Mål", "Nuläge", "Ansvarig"}, []rccplans.Column{rccplans.ColGoal, rccplans.ColCurrentState, rccplans.ColResponsible}, 0)
			if b == nil {
				t.Fatal("no body")
			}
			var got []int
			for _, u := range b.units {
				got = append(got, u.spaceLines)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("spaceLines %v, want %v", got, tt.want)
			}
			if !tt.prices {
				return
			}
			// the same two lines as one cell, with and without the blanks
			plain := []ptUnit{b.units[0], b.units[1]}
			plain[0].spaceLines = 0
			with := ptSegCosts(b.units, b.roles, 60, []float64{30, 30, 30}, b.blankInf, -1, -1, 0, -1, 0, make([]bool, 3), make([]bool, 3))
			without := ptSegCosts(plain, b.roles, 60, []float64{30, 30, 30}, b.blankInf, -1, -1, 0, -1, 0, make([]bool, 3), make([]bool, 3))
			if with[0][2][0] <= without[0][2][0] {
				t.Errorf("a cell across %d blank lines costs %v, without them %v: want dearer", tt.want[0], with[0][2][0], without[0][2][0])
			}
			if tt.want[0] > 1 {
				one := slices.Clone(b.units)
				one[0].spaceLines = 1
				single := ptSegCosts(one, b.roles, 60, []float64{30, 30, 30}, b.blankInf, -1, -1, 0, -1, 0, make([]bool, 3), make([]bool, 3))
				if with[0][2][0] <= single[0][2][0] {
					t.Errorf("across %d blank lines %v, across one %v: want dearer", tt.want[0], with[0][2][0], single[0][2][0])
				}
			}
		})
	}
}

// TestTextEmptyTail: closing columns that every row shown ending leaves
// empty (a plan not yet followed up) are found from the blanks printed
// for them, and a cell in them costs more.
func TestTextEmptyTail(t *testing.T) {
	tests := []struct {
		name  string
		after []int // emptyAfter of the row ends
		want  int
	}{
		{"no row ends", nil, 0},
		{"too few row ends", []int{2, 2, 2}, 0},
		{"every row end with two", []int{2, 2, 3, 2, 2}, 2},
		{"one row of ten with one", []int{2, 2, 2, 2, 1, 2, 2, 2, 2, 2}, 2},
		{"one row of five with one", []int{2, 2, 1, 2, 2}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			us := []ptUnit{{s: "Text", n: 4}}
			for _, e := range tt.after {
				us = append(us, ptUnit{s: "Text", n: 4, startsUp: true}, ptUnit{s: "2024", n: 4, emptyAfter: e, rowEnd: true})
			}
			got := ptEmptyTail(us)
			if got != tt.want {
				t.Errorf("ptEmptyTail = %d, want %d", got, tt.want)
			}
			if got == 0 {
				return
			}
			roles := []rccplans.Column{rccplans.ColGoal, rccplans.ColResponsible, rccplans.ColFollowUp, rccplans.ColEvaluation}
			w := []float64{20, 20, 20, 20}
			none := ptSegCosts(us[:1], roles, 60, w, false, -1, -1, 0, -1, 0, make([]bool, 2), make([]bool, 2))
			tail := ptSegCosts(us[:1], roles, 60, w, false, -1, -1, 0, -1, got, make([]bool, 2), make([]bool, 2))
			for c := range roles {
				if empty := c >= len(roles)-got; empty != (tail[0][1][c] > none[0][1][c]) {
					t.Errorf("column %d: cost %v, without the empty tail %v (empty %v)", c, tail[0][1][c], none[0][1][c], empty)
				}
			}
		})
	}
}

// TestTextWidthEvidence: a Tidsplan cell speaks for its column's width
// only when it starts with a time; other columns' cells always do.
func TestTextWidthEvidence(t *testing.T) {
	tests := []struct {
		name string
		col  int
		in   string
		want bool
	}{
		{"a time in the Tidsplan", 2, "2023 och", true},
		{"Löpande in the Tidsplan", 2, "Löpande", true},
		{"text in the Tidsplan", 2, "Processledare för", false},
		{"text in the Ansvarig", 1, "Processledare för", true},
		{"a time in the Ansvarig", 1, "2023 och", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := []ptLine{{s: tt.in, raw: tt.in, page: 1}, {s: "och mer", raw: "och mer", page: 1}}
			b := ptPrepare(lines, []string{"Mål", "Ansvarig", "Tidsplan"}, []rccplans.Column{rccplans.ColGoal, rccplans.ColResponsible, rccplans.ColTimeframe}, 0)
			if b == nil || b.timeCol != 2 {
				t.Fatalf("body %v", b)
			}
			if got := b.widthEvidence(ptCell{i: 0, j: 2, c: tt.col}); got != tt.want {
				t.Errorf("widthEvidence(%q in column %d) = %v, want %v", tt.in, tt.col, got, tt.want)
			}
		})
	}
}

// TestTextPageStarts: in text with an empty line after every line, a line
// that follows the one before without it and starts with a blank opens a
// page.
func TestTextPageStarts(t *testing.T) {
	tests := []struct {
		name  string
		in    []string // raw lines after ten lines each followed by an empty one; "" is an empty line
		want  []bool   // brk per unit after the ten
		dense bool     // no ten lines before: text without empty lines
	}{
		{"a page start", []string{"LPO-cancer", " Det finns", "", "mer text", ""}, []bool{false, true, false}, false},
		{"a line break inside a cell is no page start", []string{"LPO-cancer", "Det finns", "", "mer text", ""}, []bool{false, false, false}, false},
		{"a leading blank after an empty line is an empty cell", []string{"LPO-cancer", "", " Det finns", "", "mer text", ""}, []bool{false, false, false}, false},
		{"text without empty lines has none", []string{"Alla patienter", "ska erbjudas", "LPO-cancer", " Det finns", "mer text"}, []bool{false, false, false, false, false}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []ptLine
			n := 10
			if tt.dense {
				n = 0
			}
			for range n {
				lines = append(lines, ptLine{s: "alla patienter", raw: "alla patienter ", page: 1}, ptLine{page: 1})
			}
			for _, l := range tt.in {
				lines = append(lines, ptLine{s: strings.TrimSpace(l), raw: l, page: 1})
			}
			b := ptPrepare(lines, []string{"Mål", "Nuläge", "Ansvarig"}, []rccplans.Column{rccplans.ColGoal, rccplans.ColCurrentState, rccplans.ColResponsible}, 0)
			if b == nil {
				t.Fatal("no body")
			}
			var got []bool
			for _, u := range b.units[n:] {
				got = append(got, u.brk)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("page starts %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTextMedianWidths: the widths the starts found are combined column
// by column.
func TestTextMedianWidths(t *testing.T) {
	tests := []struct {
		name  string
		tries [][][]float64
		want  [][]float64
	}{
		{"none", nil, nil},
		{"one", [][][]float64{{{20, 30}}}, [][]float64{{20, 30}}},
		{"odd", [][][]float64{{{20, 9}}, {{24, 18}}, {{21, 9}}}, [][]float64{{21, 9}}},
		{"even: the lower middle", [][][]float64{{{20, 9}}, {{24, 18}}, {{21, 9}}, {{23, 18}}}, [][]float64{{21, 9}}},
		{"a table without a body stays nil", [][][]float64{{nil, {10}}, {nil, {12}}, {nil, {14}}}, [][]float64{nil, {12}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ptMedianOf(tt.tries); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ptMedianOf = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTextCapitalRestart: after a page break, a row cut by it may go on
// in its first column even where the page starts with a capital.
func TestTextCapitalRestart(t *testing.T) {
	tests := []struct {
		name    string
		price   float64
		wantRow int // the row of the page's first line, in the Mål
	}{
		{"a capitalised page start may go on with the cut row's Mål", 0, 1},
		{"at a high price it opens a row", 100, 2},
	}
	mk := func(s string, brk, rowEnd bool) ptUnit {
		f := strings.Fields(s)
		return ptUnit{s: s, n: len([]rune(s)), fw: len([]rune(f[0])), startsUp: true, brk: brk, lead: brk, paraEnd: ptEndsSentence(s), rowEnd: rowEnd}
	}
	us := []ptUnit{
		mk("Alla patienter ska", false, false),
		mk("Finns idag.", false, false),
		mk("VC", false, false),
		mk("Erbjudas vård", true, false), // the page break
		mk("i hela landet.", false, false),
		mk("Finns i norr.", false, false),
		mk("Screening ska", false, false),
		mk("Startar nu.", false, false),
		mk("RCC", false, false),
	}
	us[4].startsUp = false
	us[5].spaceLines, us[7].spaceLines = 2, 2 // blank lines between cells
	roles := []rccplans.Column{rccplans.ColGoal, rccplans.ColCurrentState, rccplans.ColResponsible}
	old := ptCapitalRestart
	defer func() { ptCapitalRestart = old }()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ptCapitalRestart = tt.price
			path, _ := ptPath(us, roles, []float64{20, 20, 20}, false, -1, -1, true, 0, -1, 0)
			rows := 0
			for _, c := range path {
				if c.newRow {
					rows++
				}
				if c.i <= 3 && 3 < c.j && (c.c != 0 || c.i != 3 || rows != tt.wantRow) {
					t.Errorf("the page's first line in %+v (row %d), want a cell of its own in the Mål of row %d (path %v)", c, rows, tt.wantRow, path)
				}
			}
		})
	}
}

// TestTextBands: a numbered (or lettered) line inside a table with no header after it is
// a band across the table (an area printed as a row of its own): the table
// is read in parts under the same header, the band a heading marked Band
// between them. A numbered line followed by a header is a chapter.
func TestTextBands(t *testing.T) {
	for _, mark := range []string{"1", "A"} {
		t.Run("band "+mark, func(t *testing.T) {
			second := string(rune(mark[0] + 1))
			in := strings.Join([]string{
				"Mål Aktivitet Ansvarig Status",
				"Uppföljning",
				"2025",
				mark + ". Förebyggande arbete",
				"Deltagandet ska öka.",
				"Skicka hemtest.",
				"FoU-chef Klar",
				"Rökningen ska minska.",
				"Erbjuda samtal.",
				"Vårdcentralerna Pågår",
				second + ". Tidig upptäckt",
				"Ledtiderna ska kortas.",
				"Kartlägga flödet.",
				"Divisionschef Pågår",
				"3. Vård",
				"Mål Aktivitet Ansvarig Status",
				"Alla ska ha en plan.",
				"Införa planen.",
				"Verksamhetschef Klar",
			}, "\n")
			bs := textBlocksOf(t, in)
			got := kinds(bs)
			// no rows between the header and the first band: no table there
			want := []string{"H:" + mark + ". Förebyggande arbete", "T", "H:" + second + ". Tidig upptäckt", "T", "H:3. Vård", "T"}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("blocks %q, want %q", got, want)
			}
			for _, b := range bs {
				if b.Kind == rccplans.BlockHeading && b.Band != (b.Text != "3. Vård") {
					t.Errorf("%q: band %v", b.Text, b.Band)
				}
			}
			// the parts under the bands keep the first header, its year included
			if h := bs[1].Table.Header[0]; len(h) != 5 || h[4] != "Uppföljning 2025" {
				t.Errorf("header %q, want five columns ending in Uppföljning 2025", h)
			}
		})
	}
}

// TestTextTableTitles: a short line right above a header is its table's
// title, a heading of its own that also ends the table before it; the
// last line of a row or of a page is not.
func TestTextTableTitles(t *testing.T) {
	row := []string{"Alla ska ha en plan.", "Införa planen.", "Verksamhetschef Klar"}
	lines := func(parts ...[]string) string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return strings.Join(out, "\n")
	}
	hdr := []string{"Mål Aktivitet Ansvarig Status"}
	tests := []struct {
		name   string
		in     string
		want   []string
		levels []int // of the headings, in order
	}{
		{"after prose and after a row closed by its status",
			lines([]string{"Planen beskriver arbetet.", "Prevention och tidig upptäckt"}, hdr, row, []string{"Vård och behandling"}, hdr, row),
			[]string{"P:Planen beskriver arbetet.", "H:Prevention och tidig upptäckt", "T", "H:Vård och behandling", "T"}, []int{1, 1}},
		{"a chapter over a section in capitals, then the next section",
			lines([]string{"Planen beskriver arbetet.", "VÅRD I RÄTT TID", "STRÅLBEHANDLING"}, hdr, row, []string{"KIRURGI"}, hdr, row),
			[]string{"P:Planen beskriver arbetet.", "H:VÅRD I RÄTT TID", "H:STRÅLBEHANDLING", "T", "H:KIRURGI", "T"}, []int{1, 2, 2}},
		{"under a numbered chapter",
			lines([]string{"2. Vård", "", "Lungcancer"}, hdr, row),
			[]string{"H:2. Vård", "H:Lungcancer", "T"}, []int{1, 2}},
		{"a status that a Kommentar column follows does not end the row",
			lines([]string{"Mål Aktivitet Ansvarig Status Kommentar"}, row, []string{"Klar i juni", "Mål Aktivitet Ansvarig Status Kommentar"}, row),
			[]string{"T"}, nil},
		{"the end of a page above a header repeated on the next",
			lines(hdr, row, []string{"Rökningen ska minska.", "Erbjuda samtal.", "Vårdcentralerna", "\fMål Aktivitet Ansvarig Status"}, row),
			[]string{"T"}, nil},
		{"a title of several words naming one role over a header line is no header's part",
			lines([]string{"Planen beskriver arbetet.", "Område A. Jämlik vård för alla"}, hdr, row),
			[]string{"P:Planen beskriver arbetet.", "H:Område A. Jämlik vård för alla", "T"}, []int{1}},
		{"after a row closed by a status whose reason wrapped after its dash",
			lines(hdr, []string{"Alla ska ha en plan.", "Införa planen.", "Verksamhetschef Ej påbörjad –", "resursbrist", "Vård och behandling"}, hdr, row),
			[]string{"T", "H:Vård och behandling", "T"}, nil},
		{"a heading numbered without a period right above a header ends the table",
			lines(hdr, row, []string{"2 Vård och behandling"}, hdr, row),
			[]string{"T", "H:2 Vård och behandling", "T"}, nil},
		{"a row's numbered first line closed by its status above a repeated header is no heading",
			lines(hdr, row, []string{"2 Rökningen ska minska Erbjuda samtal Vårdcentralen Klar"}, hdr, row),
			[]string{"T"}, nil},
		{"a paragraph's last line is no title",
			lines([]string{"Planen beskriver arbetet i", "Region Exempel"}, hdr, row),
			[]string{"P:Planen beskriver arbetet i Region Exempel", "T"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs := textBlocksOf(t, tt.in)
			if got := kinds(bs); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("blocks %q, want %q", got, tt.want)
			}
			var levels []int
			for _, b := range bs {
				if b.Kind == rccplans.BlockHeading {
					levels = append(levels, b.Level)
				}
			}
			if tt.levels != nil && !reflect.DeepEqual(levels, tt.levels) {
				t.Errorf("levels %v, want %v", levels, tt.levels)
			}
		})
	}
}

// TestTextRotatedTitles: titles printed turned 90° come as runs of
// one-word lines away from the horizontal ones; they join the header
// (a number column first, the others last) and are no content.
func TestTextRotatedTitles(t *testing.T) {
	body := "1.1 Etablera en mottagning för uppföljning efter\navslutad behandling.\nAlla Forskningschef 2 2026 Pågår"
	tests := []struct {
		name    string
		in      string
		titles  []string
		dropped []string
	}{
		{"after the table, under a one-word heading",
			"Aktivitet Berörda regioner Ansvarig\n" + body + "\nKompetens\nNr\nPrioritet\nKlart\nStatus",
			[]string{"Nr", "Aktivitet", "Berörda regioner", "Ansvarig", "Prioritet", "Klart", "Status"},
			[]string{"Nr", "Prioritet", "Klart", "Status"}},
		{"two copies before the header",
			"Nr\nKlart\nStatus\nNr\nKlart\nStatus\nAktivitet Berörda regioner Ansvarig\n" + body,
			[]string{"Nr", "Aktivitet", "Berörda regioner", "Ansvarig", "Klart", "Status"},
			[]string{"Nr", "Klart", "Status", "Nr", "Klart", "Status"}},
		{"one-word cells naming too few roles are no titles",
			"Mål Aktivitet Ansvarig Status\nAlla ska ha en plan.\nInföra planen.\nForskningschef\nPågår\nKlart\nKvalitetschef\nPlanerad",
			[]string{"Mål", "Aktivitet", "Ansvarig", "Status"}, nil},
		{"without turned titles a line of two roles is no header",
			"Aktivitet Ansvarig\n" + body, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := ptRotated(ptLines([]byte(tt.in)))
			var titles, dropped []string
			for i, ln := range lines {
				if ln.drop {
					dropped = append(dropped, ln.s)
				}
				if ti, _, _, ok := ptHeader(lines, i); ok && titles == nil {
					titles = ti
				}
			}
			if !reflect.DeepEqual(titles, tt.titles) {
				t.Errorf("titles %q, want %q", titles, tt.titles)
			}
			if !reflect.DeepEqual(dropped, tt.dropped) {
				t.Errorf("dropped %q, want %q", dropped, tt.dropped)
			}
		})
	}
	// read whole: the turned titles' cells are found, the runs are no content
	_, tb := tableRowsOf(t, "Aktivitet Berörda regioner Ansvarig\n"+body+"\nNr\nPrioritet\nKlart\nStatus")
	if tb == nil || len(tb.Rows) != 1 || tb.Rows[0].Cells[0].Text != "1.1" || tb.Rows[0].Cells[len(tb.Rows[0].Cells)-1].Text != "Pågår" {
		t.Errorf("table %+v", tb)
	}
}

// TestTextPercentStatus: a status column that counts the share done
// ("Genomfört (%)", its unit wrapped onto a line of its own) closes each
// row with a percentage.
func TestTextPercentStatus(t *testing.T) {
	checkRows(t, []rowsCase{
		{"one cell a line", "Nr Mål Aktivitet Ansvarig Klart\nGenomfört\n(%)\n1.1\nAlla ska ha en plan.\nInföra planen.\nVerksamhetschef\n2026\n50 %\n" +
			"1.2\nRökningen ska minska.\nErbjuda samtal.\nVårdcentralen\n2027\n0 %",
			[][]string{{"1.1", "Alla ska ha en plan.", "Införa planen.", "Verksamhetschef", "2026", "50 %"},
				{"1.2", "Rökningen ska minska.", "Erbjuda samtal.", "Vårdcentralen", "2027", "0 %"}}},
	})
}

// TestTextUnwrapTime: a time broken before its year ("Forskningschef
// dec" / "2026") goes back on the year's line.
func TestTextUnwrapTime(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"a month at the end of the cell before", []string{"Forskningschef dec", "2026"}, []string{"Forskningschef", "dec 2026"}},
		{"a month alone on its line, a status after the year", []string{"mars", "2026 Genomförs"}, []string{"", "mars 2026 Genomförs"}},
		{"a year that goes on with text stays", []string{"Klart i mars", "2026 ska alla ha"}, []string{"Klart i mars", "2026 ska alla ha"}},
		{"no month", []string{"Forskningschef", "2026"}, []string{"Forskningschef", "2026"}},
		{"not over a page break", []string{"Forskningschef dec", "\f2026"}, []string{"Forskningschef dec", "2026"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var lines []ptLine
			for _, s := range tt.in {
				brk := strings.HasPrefix(s, "\f")
				s = strings.TrimPrefix(s, "\f")
				lines = append(lines, ptLine{s: s, raw: s, brk: brk})
			}
			var got []string
			for _, ln := range ptUnwrapTime(lines, ptIsStatus) {
				got = append(got, ln.s)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTextSentenceTail: a status word in lower case that closes the
// sentence the line before left open ("… ska vara" / "genomförd.") is
// the cell's last word, not a status that ends the row.
func TestTextSentenceTail(t *testing.T) {
	checkRows(t, []rowsCase{
		{"the goal's last word", "Mål Aktivitet Ansvarig Status\nScreeningen ska vara\ngenomförd.\nInföra kallelser.\nVerksamhetschef\nKlar\n" +
			"Rökningen ska minska.\nErbjuda samtal.\nVårdcentralen\nPågår",
			[][]string{{"Screeningen ska vara genomförd.", "Införa kallelser.", "Verksamhetschef", "Klar"},
				{"Rökningen ska minska.", "Erbjuda samtal.", "Vårdcentralen", "Pågår"}}},
	})
}

// TestTextYearColumns: a line of years under a header ("Uppföljning" /
// "2025 2026") splits the follow-up column into one status column a
// year; two statuses side by side on a line are cut apart there.
func TestTextYearColumns(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		titles []string
		nStat  int
	}{
		{"a follow-up kept once a year", "Nr Mål Aktivitet Ansvarig Uppföljning\n2025 2026\n1.1 Alla ska ha en plan.",
			[]string{"Nr", "Mål", "Aktivitet", "Ansvarig", "Uppföljning 2025", "Uppföljning 2026"}, 2},
		{"years over no follow-up or status column say nothing", "Nr Mål Aktivitet Ansvarig Tidplan\n2025 2026\n1.1 Alla ska ha en plan.",
			[]string{"Nr", "Mål", "Aktivitet", "Ansvarig", "Tidplan"}, 0},
		{"one year is no split", "Nr Mål Aktivitet Ansvarig Status\n2025\n1.1 Alla ska ha en plan.",
			[]string{"Nr", "Mål", "Aktivitet", "Ansvarig", "Status 2025"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			titles, roles, _, ok := ptHeader(ptLines([]byte(tt.in)), 0)
			if !ok {
				t.Fatal("no header")
			}
			n := 0
			for _, r := range roles {
				if r == rccplans.ColStatus {
					n++
				}
			}
			if !reflect.DeepEqual(titles, tt.titles) || n != tt.nStat {
				t.Errorf("titles %q (%d status columns), want %q (%d)", titles, n, tt.titles, tt.nStat)
			}
		})
	}
	cuts := []struct {
		in      string
		nStatus int
		want    []string
	}{
		{"Forskningschef Löpande Pågår Avvaktar", 2, []string{"Forskningschef", "Löpande", "Pågår", "Avvaktar"}},
		{"Chef 2025 Stående uppdrag Pågår", 2, []string{"Chef", "2025", "Stående uppdrag", "Pågår"}},
		{"Chef 2025 Ej startad Pågår", 2, []string{"Chef", "2025", "Ej startad", "Pågår"}},
		{"Chef 2025 Stående uppdrag Pågår", 1, []string{"Chef", "2025", "Stående uppdrag Pågår"}},
	}
	for _, tt := range cuts {
		us := []ptUnit{{s: tt.in, n: len([]rune(tt.in))}}
		var got []string
		for _, p := range ptGlue(us, 10, 9, 7, 0, tt.nStatus, ptIsStatus) {
			got = append(got, p.s)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ptGlue(%q, %d status columns) = %q, want %q", tt.in, tt.nStatus, got, tt.want)
		}
	}
}

// TestTextLegend: a line that explains the table's marks ends the table
// (the prose reads it); it is no row.
func TestTextLegend(t *testing.T) {
	checkRows(t, []rowsCase{
		{"under the table", "Mål Aktivitet Ansvarig Status\nAlla ska ha en plan.\nInföra planen.\nVerksamhetschef\n✓\n" +
			"Rökningen ska minska.\nErbjuda samtal.\nVårdcentralen\n✗\nFörklaring: ✓ = klart, ✗ = ej påbörjat",
			[][]string{{"Alla ska ha en plan.", "Införa planen.", "Verksamhetschef", "✓"},
				{"Rökningen ska minska.", "Erbjuda samtal.", "Vårdcentralen", "✗"}}},
		{"one mark explained is text", "Mål Aktivitet Ansvarig Status\nAlla ska ha en plan.\nInföra planen.\nVerksamhetschef\n✓\n" +
			"Andelen ska öka där n = antal.\nErbjuda samtal.\nVårdcentralen\n✗",
			[][]string{{"Alla ska ha en plan.", "Införa planen.", "Verksamhetschef", "✓"},
				{"Andelen ska öka där n = antal.", "Erbjuda samtal.", "Vårdcentralen", "✗"}}},
	})
}

// TestTextSpannedGoal: without Område codes, a row that opens after its
// goal shares the goal (and target) above: merged cells printed once.
func TestTextSpannedGoal(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string
	}{
		{"a second activity under one goal", "Mål Aktivitet Ansvarig Status\nAlla ska ha\nen plan för\nvården.\nInföra planen på alla enheter i regionen\nunder året.\nVerksamhetschef\nKlar\n" +
			"Utbilda personalen på alla enheter i regionen\ni rutinen.\nVårdcentralen\nPågår\nRökningen\nska minska.\nErbjuda samtal till alla som röker inför\noperation.\nVårdcentralen\nPågår",
			[][]string{{"Alla ska ha en plan för vården.", "Införa planen på alla enheter i regionen under året.", "Verksamhetschef", "Klar"},
				{"Alla ska ha en plan för vården.", "Utbilda personalen på alla enheter i regionen i rutinen.", "Vårdcentralen", "Pågår"},
				{"Rökningen ska minska.", "Erbjuda samtal till alla som röker inför operation.", "Vårdcentralen", "Pågår"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, tb := tableRowsOf(t, tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("rows\n got %q\nwant %q", got, tt.want)
			}
			if !tb.Rows[1].Cells[0].Spanned || tb.Rows[0].Cells[0].Spanned {
				t.Errorf("spanned: row 1 %v, row 2 %v; want false, true", tb.Rows[0].Cells[0].Spanned, tb.Rows[1].Cells[0].Spanned)
			}
		})
	}
}

// TestTextGluedSkip: in a table whose rows open with a number, a cell
// that opens on the line of the cell before it and skips a column pays
// for the column left empty on a line holding its neighbours; tables
// without a number column do not.
func TestTextGluedSkip(t *testing.T) {
	mk := func(s string, glued bool, cost float64) ptUnit {
		return ptUnit{s: s, n: len([]rune(s)), fw: len([]rune(strings.Fields(s)[0])), startsUp: true, glued: glued, splitCost: cost,
			status: ptIsStatus(s), timeLike: ptTimeRe.MatchString(s), timeStart: ptTimeStartRe.MatchString(s)}
	}
	// "Forskningschef 2026 Klar": nothing for the column between the
	// time and the status
	us := []ptUnit{mk("1.1", false, 0), mk("Etablera en mottagning.", true, 0),
		mk("Forskningschef", false, 0), mk("2026", true, 0.3), mk("Klar", true, 0)}
	tail := []rccplans.Column{rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColUnknown, rccplans.ColStatus}
	cost := func(first rccplans.Column, price float64) float64 {
		old := ptGluedSkip
		ptGluedSkip = price
		defer func() { ptGluedSkip = old }()
		_, c := ptPath(us, append([]rccplans.Column{first}, tail...), nil, false, -1, 5, false, 0, 3, 0)
		return c
	}
	if on, off := cost(rccplans.ColNumber, 1), cost(rccplans.ColNumber, 0); on <= off {
		t.Errorf("number first: cost %.2f priced, %.2f unpriced; want the priced dearer", on, off)
	}
	if on, off := cost(rccplans.ColGoal, 1), cost(rccplans.ColGoal, 0); on != off {
		t.Errorf("goal first: cost %.2f priced, %.2f unpriced; want them equal", on, off)
	}
}

// TestTextResponsibleSentences: activities listed in one cell, the
// statuses a parallel list: the second and third activity are items of
// the Aktivitet cell, not sentences of the Ansvarig after it.
func TestTextResponsibleSentences(t *testing.T) {
	acts := "Göra en behovsanalys för läkare och\nanalytiker till 2030.\n" +
		"Utöka de palliativa teamen med jour nattetid i\nnorra och södra länsdelen.\n" +
		"Införa ett gemensamt bokningsflöde för alla\nutredningar mellan röntgen och mottagningarna.\n"
	checkRows(t, []rowsCase{
		{"three activities, one responsible", "Mål Aktiviteter Ansvarig Status\nRegionen ska ha en plan för\nkompetensförsörjning.\n" + acts +
			"Enheten för FoU Klar\nKlar\nPågår\nNärstående ska erbjudas stöd under\nsjukdomstiden.\n" +
			"Erbjuda rökavvänjning via hälsocentralerna och\nfölja upp andelen rökfria vid operation.\n" +
			"Erbjuda samtal med kurator och skicka ett\nbrev efter dödsfall.\nChef patologi Pågår\nKlar",
			[][]string{{"Regionen ska ha en plan för kompetensförsörjning.", strings.Join(strings.Fields(acts), " "), "Enheten för FoU", "Klar Klar Pågår"},
				{"Närstående ska erbjudas stöd under sjukdomstiden.", "Erbjuda rökavvänjning via hälsocentralerna och följa upp andelen rökfria vid operation. Erbjuda samtal med kurator och skicka ett brev efter dödsfall.", "Chef patologi", "Pågår Klar"}}},
	})
}

// TestTextStatusNotLast: where columns follow the Status (a comment, the
// goal printed last), a status does not end its row.
func TestTextStatusNotLast(t *testing.T) {
	type row struct{ act, resp, status, comment, goal []string }
	rows := []row{
		{[]string{"Utöka de palliativa teamen med jour", "nattetid i norra länsdelen."}, []string{"Chef för", "hälsocentralerna"}, []string{"Pågår"},
			[]string{"Pilotverksamheten har utvärderats med goda resultat,", "men införandet kräver utbildning av fler", "medarbetare under våren."},
			[]string{"Väntetiden till patologisvar ska vara", "högst tio arbetsdagar."}},
		{[]string{"Starta en rådgivningslinje för", "sjuksköterskor i hemsjukvården."}, []string{"FoU-enheten"}, []string{"Klar"},
			[]string{"Insatsen är genomförd enligt plan. Resultaten visar en", "tydlig förbättring och arbetssättet har spridits till två", "andra förvaltningar."},
			[]string{"Närstående ska erbjudas stöd under", "sjukdomstiden och efter dödsfall."}},
		{[]string{"Kartlägga vilka diagnosgrupper som", "saknar kontaktsjuksköterska."}, []string{"Processledare SVF"}, []string{"Ej påbörjad"},
			[]string{"Ingen aktivitet under perioden. Ansvarig enhet har", "prioriterat arbetet med ledtider inom SVF."},
			[]string{"Fler patienter ska tillfrågas om att", "delta i kliniska studier."}},
	}
	var in []string
	var want [][]string
	for _, r := range rows {
		in = append(in, r.act...)
		// the responsible, status and the comment's first line on one line
		in = append(in, r.resp[:len(r.resp)-1]...)
		in = append(in, r.resp[len(r.resp)-1]+" "+r.status[0]+" "+r.comment[0])
		in = append(in, r.comment[1:]...)
		in = append(in, r.goal...)
		var cells []string
		for _, c := range [][]string{r.act, r.resp, r.status, r.comment, r.goal} {
			cells = append(cells, strings.Join(c, " "))
		}
		want = append(want, cells)
	}
	text := "Aktivitet Ansvarig Status Kommentar vid uppföljning Mål\n" + strings.Join(in, "\n")
	got, _ := tableRowsOf(t, text)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}

// TestTextBandOrChapter: a numbered line is a chapter, not a band across
// the table, when a header follows after prose however long, and a band
// when rows closed by statuses follow.
func TestTextBandOrChapter(t *testing.T) {
	prose := []string{"Åtgärderna har tagits fram tillsammans med", "verksamheterna och patientföreträdare och", "primärvården. De prioriteras efter förväntad nytta",
		"för patienterna och efter de resurser som finns.", "Tabellen nedan visar åtgärderna med ansvar och", "aktuellt läge."}
	rows := []string{"Deltagandet ska öka.", "Skicka hemtest.", "FoU-chef Klar", "Rökningen ska minska.", "Erbjuda samtal.", "Vårdcentralerna Pågår"}
	header := "Nr Åtgärd Ansvar Status"
	tests := []struct {
		name string
		in   []string
		want bool
	}{
		{"prose of six lines, then a header", append(append([]string{"2. Delaktighet"}, prose...), header), false},
		{"prose of two lines, then a header", append(append([]string{"2. Delaktighet"}, prose[:2]...), header), false},
		{"rows with statuses, then a header", append(append([]string{"2. Tidig upptäckt"}, rows...), header), true},
		{"rows with statuses, no header", append([]string{"2. Tidig upptäckt"}, rows...), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := ptSplit(strings.Join(tt.in, "\n"), false)
			if got := ptBand(lines, 0); got != tt.want {
				t.Errorf("band %v, want %v", got, tt.want)
			}
		})
	}
}

// TestTextSpanNote: a labelled comment printed across all columns under
// a row ("Kommentar: …") is no row and no cell of the rows around it.
func TestTextSpanNote(t *testing.T) {
	head := "Mål Aktivitet Ansvarig Status\nAlla ska ha en plan för\nvården i regionen.\nInföra planen på alla\nenheter under året.\nVerksamhetschef Klar\n"
	next := "Rökningen ska minska\ninför operation.\nErbjuda samtal till alla\nsom röker.\nVårdcentralen Pågår"
	rows := [][]string{{"Alla ska ha en plan för vården i regionen.", "Införa planen på alla enheter under året.", "Verksamhetschef", "Klar"},
		{"Rökningen ska minska inför operation.", "Erbjuda samtal till alla som röker.", "Vårdcentralen", "Pågår"}}
	tests := []struct {
		name string
		in   string
		want [][]string
	}{
		{"a comment across the table", head + "Kommentar: Finansieringen för 2027 är inte beslutad; aktiviteterna kan behöva prioriteras om.\n" + next, rows},
		{"a short labelled line is a cell", head + "Obs: alla enheter.\n" + next, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := tableRowsOf(t, tt.in)
			if tt.want == nil {
				if strings.Contains(fmt.Sprint(got), "Obs:") {
					return
				}
				t.Fatalf("rows %q: the labelled line is gone", got)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestTextWrapInterval: the widths a cell's lines are consistent with; a
// one-line cell speaks only when it is a piece of a line printed with its
// neighbours.
func TestTextWrapInterval(t *testing.T) {
	u := func(s string, glued, piece bool) ptUnit {
		return ptUnit{s: s, n: utf8.RuneCountInString(s), fw: utf8.RuneCountInString(strings.Fields(s)[0]), startsUp: !ptStartsLower(s), glued: glued, piece: piece}
	}
	tests := []struct {
		name   string
		in     []ptUnit
		lo, hi float64
		ok     bool
	}{
		{"wrapped in lower case", []ptUnit{u("Utvecklingsledare", false, false), u("primärvård", false, false)}, 17, 27, true},
		{"a whole line alone", []ptUnit{u("Chef för hälsocentralerna", false, false)}, 25, 1 << 20, false},
		{"a piece before a glued one", []ptUnit{u("Verksamhetschef onkologi", false, true)}, 24, 1 << 20, true},
		{"a glued piece", []ptUnit{u("Chef patologi", true, true)}, 13, 1 << 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi, ok := ptWrapInterval(tt.in)
			if lo != tt.lo || hi != tt.hi || ok != tt.ok {
				t.Errorf("got %v, %v, %v; want %v, %v, %v", lo, hi, ok, tt.lo, tt.hi, tt.ok)
			}
		})
	}
}

// TestTextSlashTitle: a title of levels joined by slashes, broken after
// a slash ("Område / Mål / Delmål /" / "Aktivitet"), is one column named
// by its last level, not a title over the header nor a column a level.
func TestTextSlashTitle(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		titles []string
		roles  []rccplans.Column
	}{
		{"broken after a slash", "Område / Mål / Delmål /\nAktivitet\nAnsvarig Tidsangivelse Status\n1. Levnadsvanor",
			[]string{"Område / Mål / Delmål / Aktivitet", "Ansvarig", "Tidsangivelse", "Status"},
			[]rccplans.Column{rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColStatus}},
		{"on one line", "Område / Aktivitet Ansvarig Tidsplan Status\n1. Levnadsvanor",
			[]string{"Område / Aktivitet", "Ansvarig", "Tidsplan", "Status"},
			[]rccplans.Column{rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColStatus}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			titles, roles, _, ok := ptHeader(ptSplit(tt.in, false), 0)
			if !ok || !reflect.DeepEqual(titles, tt.titles) || !reflect.DeepEqual(roles, tt.roles) {
				t.Errorf("got %q %q %v, want %q %q", titles, roles, ok, tt.titles, tt.roles)
			}
		})
	}
}

// TestTextLearnStatuses: a table's own status word, printed after a time
// at the end of a line in two rows or more where the Tidsplan comes
// right before a closing Status.
func TestTextLearnStatuses(t *testing.T) {
	roles := []rccplans.Column{rccplans.ColGoal, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColTimeframe, rccplans.ColStatus}
	tests := []struct {
		name  string
		in    string
		roles []rccplans.Column
		want  []string
	}{
		{"twice after a time", "Alla ska ha en plan.\nProcessledare SVF Löpande Avbruten\nRökningen ska minska.\nChef patologi 2026–2027 Avbruten", roles, []string{"Avbruten"}},
		{"once is no evidence", "Alla ska ha en plan.\nProcessledare SVF Löpande Avbruten\nChef patologi 2026 Klar", roles, nil},
		{"known statuses are not learned", "Chef 2026 Klar\nChef 2027 Klar", roles, nil},
		{"no Tidsplan before the Status", "Chef 2026 Avbruten\nChef 2027 Avbruten", []rccplans.Column{rccplans.ColGoal, rccplans.ColActivity, rccplans.ColResponsible, rccplans.ColStatus}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for w := range ptLearnStatuses(ptSplit(tt.in, false), tt.roles, len(tt.roles)-1) {
				got = append(got, w)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// rowsCase is a text and the table rows it reads as (tableRowsOf).
type rowsCase struct {
	name string
	in   string
	want [][]string
}

// checkRows reads each case's text and compares its table rows.
func checkRows(t *testing.T, tests []rowsCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := tableRowsOf(t, tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
