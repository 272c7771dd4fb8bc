package extract

import (
	"reflect"
	"strings"
	"testing"

	"rccplans"
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
		{"a cell running on for pages, indented", strings.Repeat("Mål      Aktivitet      Status\n", 5) + strings.Repeat("         en aktivitet som fortsätter\n", 80), true},
		{"few gutters in long prose", strings.Repeat("Mål      Aktivitet      Status\n", 5) + strings.Repeat("en mening i löptext\n", 80), false},
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

// interleavedPlan: cells centred in their rows, so pdftotext interleaves
// their lines; a title wrapped above and below the header line; a heading
// between two tables.
const interleavedPlan = `Handlingsplan cancer 2026

1. Prevention
                              Mätbar
Mål                           målnivå       Aktivitet               Ansvarig

                                            Kartlägga nuläget
Levnadsvanor ska tas                        tillsammans med
upp med alla patienter.       Minst 80      verksamheterna.         Processledare
                              procent

Screening ska erbjudas        Alla          Skicka kallelser.       RCC-samordnare


2. Vård

Mål                           Mätbar målnivå Aktivitet              Ansvarig

Kontaktsjuksköterska ska      Alla          Anställa två.           Verksamhetschef
finnas.
`

// labelPlan: every goal its own small table that names the columns down
// its left, the text beside each name (centred on it when it wraps).
const labelPlan = `Handlingsplan cancer 2026

1. Tillgänglig vård
                                    1.1 Alla patienter ska ha en bedömning
 Mål
                                    inom en månad efter diagnos.

 Aktivitet                          Inrätta en studieenhet.

 Ansvarig                           Chef för palliativ vård

 Status                             Ej påbörjad

 Mål                                1.2 Vårdplan för alla.

 Aktivitet                          Införa ett beslutsstöd.

 Ansvarig                           Hälso- och sjukvårdsdirektör

 Status                             Pågår
`

// bandPlan: numbered bands across the table (areas printed as rows of
// their own) between rows set off by empty lines.
const bandPlan = `Handlingsplan cancer 2026

Mål                        Aktivitet               Ansvarig           Status


1. Förebyggande arbete


Deltagandet ska öka.       Skicka hemtest.         FoU-chef           Klar


Rökningen ska minska.      Erbjuda samtal.         Vårdcentralerna    Pågår


2. Tidig upptäckt


Ledtiderna ska kortas.     Kartlägga flödet.       Divisionschef      Pågår


Fler ska screenas.         Skicka kallelser.       RCC-samordnare     Ej påbörjad
`

// tightPlan: rows set without empty lines; a goal printed once for the
// activities under it.
const tightPlan = `Handlingsplan cancer 2026

Mål                                   Aktivitet                             Ansvarig            Status
Multidisciplinära konferenser ska     Informera patienter om                RCC-samordnare      Pågår
hållas för alla patienter.            möjligheten att delta i studier.
                                      Utse en ansvarig samordnare per       Chef primärvård     Pågående
                                      verksamhetsområde.
Inrapporteringen ska vara             Säkerställa att                       Hälso- och          Ej påbörjad
fullständig.                          kontaktsjuksköterskor har tid.        sjukvårdsdirektör
`

// centredPlan: cells centred in their rows and no empty lines between
// the rows (Chromium, Word): the lines of neighbouring rows follow one
// another, a one-line status stands at the middle of its row.
const centredPlan = `Handlingsplan cancer 2026

Område          Mål                            Aktivitet                    Status
                                               Införa ett gemensamt
                Levnadsvanor ska tas upp       arbetssätt för bedömning
Levnadsvanor    med alla patienter inför och   av rehabiliteringsbehov      Avvaktar
                under cancerbehandling.        med hjälp av checklista.
                                               Utbilda medarbetare.
                                               Utbilda berörda
                Screening ska erbjudas         medarbetare i
Screening                                      primärvården om tidiga       Pågår
                alla kvinnor.                  tecken på cancer och
                                               remissvägar.
`

// spannedPlan: a goal printed once, centred over the two activities it
// has; an Område broken over lines interleaved with the goal's.
const spannedPlan = `Handlingsplan cancer 2026

Område     Mål                      Aktivitet                    Ansvarig           Status

                                    Följa upp ledtider per
                                    diagnos varje kvartal.       Processledare      Klart
           Cancerrehabilitering ska
5.a)       erbjudas utifrån en
           strukturerad
Kontakt-   behovsbedömning vid
sjuksköt.  diagnos.                 Införa ett gemensamt
                                    arbetssätt för bedömning.    Chef primärvård    Pågår
                                    Med checklista.

                                    Rekrytera läkare.            Enhetschef         Klart
6) Läkemedel Alla ska ha en plan.
`

// goalsAcross: goals printed across the table over their activities, a
// list in a cell, and the next chapter's table right under its heading
// without empty lines.
const goalsAcross = `Handlingsplan cancer 2026

1. Tillgänglighet
Åtgärd                                            Ansvarig              Klart        Status
1.1 Uppföljningen efter avslutad behandling ska följa nationella riktlinjer.
Följa upp andelen patienter med Min vårdplan,     Processägare          Q4 2026      Pågår
kvartalsvis.
– Införa digital symtomrapportering för           Processägare          Q4 2026      Ej startad
patienter under cytostatikabehandling.
– Utse och utbilda cancerombud på samtliga
vårdcentraler.
2. Kvalitet
Åtgärd                                            Ansvarig              Klart        Status
2.1 Alla vårdcentraler ska ha en utsedd cancerombud med avsatt tid.
Kartlägga flödet för remisser till röntgen.       Chefläkare            2027         Avslutad
`

// numberedGoals: goals numbered in the first column, each row after an
// empty line, the first words of a goal cell on a line of their own.
const numberedGoals = `Handlingsplan cancer 2026

Målbild                    Planerade aktiviteter                    Ansvar                         Status

1. Palliativ vård ska vara
jämlik och tillgänglig i Säkerställa att kontaktsjuksköterskor
hela länet.                har avsatt tid för uppdraget.            Processledare cancer           Ej påbörjad

2. Barn som anhöriga ska
uppmärksammas.             Utbilda berörda medarbetare.             Hälso- och sjukvårdsdirektör   Klart

3. Screening ska           Skicka kallelser.                        RCC-samordnare                 Pågår
erbjudas alla.             Följa upp.
`

// groupTitle: a group title over two sub-titles an empty line below it,
// and a row printed two characters left of the others.
const groupTitle = `Handlingsplan cancer 2026

Mål                          Aktivitet                      Ansvarig          Uppföljning 2025

                                                                              Status     Kommentar

Minst 90 % ska ha en         Kartlägga flödet för           Kvalitetsstrateg  Pågår      Klar i juni
aktuell vårdplan.            remisser.

Alla ska screenas.           Sprida information om          Verksamhetschef Delvis     Klar i juni
                             solskydd.                      onkologi      genomförd

Patienter ska få stöd.       Utse cancerombud.              Chefläkare        Genomförd  Försenad
`

// groupYears: a group title over the years it spans, an empty line
// below, the second year past the title's end.
const groupYears = `Handlingsplan cancer 2026

Mål                          Aktivitet                      Ansvarig          Uppföljning

                                                                              2025           2026

Minst 90 % ska ha en         Kartlägga flödet för           Kvalitetsstrateg  Pågår          Klar
aktuell vårdplan.            remisser.

Alla ska screenas.           Sprida information om          Verksamhetschef   Pågår          Pågår
                             solskydd.

Patienter ska få stöd.       Utse cancerombud.              Chefläkare        Ej påbörjad    Pågår
`

// areaOverBreak: rows without empty lines, an Område printed once for
// its rows; the next page opens with a row of the same Område.
const areaOverBreak = `Handlingsplan cancer 2026

Område          Mål                            Aktivitet                 Status
4.1 Prevention  Levnadsvanor ska tas upp.      Kartlägga nuläget         Pågår
                Screening ska erbjudas         Skicka kallelser.         Klart
                alla kvinnor.
` + "\f" + `Område          Mål                            Aktivitet                 Status
                Alla ska ha en plan.           Utse samordnare.          Pågår
4.2 Diagnostik  Ledtiderna ska kortas.         Följa upp ledtider.       Ej påbörjad
`

// firstAfterSentence: rows without empty lines; the line above a row's
// first leaves the first column empty, and a cell of the new row starts
// in lower case.
const firstAfterSentence = `Handlingsplan cancer 2026

Mål                        Aktivitet                  Ansvarig
Alla ska screenas.         Skicka kallelser           chef primärvård
                           till alla.
Regionen ska ha en plan.   Ta fram en plan.           processledare
                           Följa upp den.
Ledtiderna ska kortas.     Mäta ledtider.             chefläkare
Alla ska ha en kontakt.    Utse kontakter.            enhetschef
`

// squeezedRow: one row's Ansvarig printed one space after its activity,
// two characters left of its column; the activities of the rows below
// have words that start right of the activity's start (after a single
// space) and that no word runs across: a column starts where a line's
// text starts after a gutter.
const squeezedRow = `Handlingsplan cancer 2026

Mål                 Aktivitet                 Ansvarig          Status

Alla ska screenas.  Kartlägga nuläget så ta RCC-samordnare      Pågår
                    fram en plan.

Ledtiderna ska      Skicka kallelser för alla Processledare     Klar
kortas.             i länet.

Fler ska delta.     Utbilda personal.         Enhetschef        Pågår
`

// numberColumn: rows without empty lines under a column of numbers; a
// number opens a row even when another cell of its line starts in lower
// case.
const numberColumn = `Handlingsplan cancer 2026

Nr   Mål                      Aktivitet               Ansvarig
1.1  Alla ska screenas.       Skicka kallelser        Processledare
                              till alla.
1.2  Ledtiderna ska kortas    Mäta ledtider.          Chefläkare
     med en vecka.
1.3  Fler ska delta           utbilda personal.       Enhetschef
     i studier.
1.4  Alla ska ha en plan.     Ta fram planer.         Chefläkare
`

// numberedAreas: rows without empty lines whose first column opens each
// cell with a number ("4)") and its name on the line below; the
// responsible is written in lower case, so no row opens by capitals.
const numberedAreas = `Handlingsplan cancer 2026

Område               Mål                     Aktivitet             Ansvarig
4)                   Alla ska screenas       Skicka kallelser.     chefläkare
Kompetens            i hela länet            Följa upp.
                     varje år.
4)                   Ledtiderna ska kortas   Mäta ledtider.        enhetschef
Kompetens            med en vecka.
5)                   Fler ska delta.         Utbilda personal.     chefläkare
Rehabilitering
`

// bandOverCentred: a band across the table over a row whose activity is
// centred in it, so the row's first line holds that column alone.
const bandOverCentred = `Handlingsplan cancer 2026

Mål                     Aktivitet              Ansvarig        Status

1. Prevention

Alla ska screenas.      Skicka kallelser.      Processledare   Pågår

Fler ska sluta röka.    Erbjuda samtal.        Enhetschef      Klar

2. Tidig upptäckt

                        Kartlägga nuläget
Ledtiderna ska kortas.  tillsammans med        Chefläkare      Klar
                        verksamheterna.

Alla ska ha en plan.    Ta fram planer.        Enhetschef      Pågår
`

// titleAboveRepeated: the header repeated on the next page with a
// title's first part above its main line, over a cell that goes on from
// the page before.
const titleAboveRepeated = `Handlingsplan cancer 2026

                                                              Uppföljning
Mål                  Aktivitet          Ansvarig      Status
                                                              2025

Alla ska screenas.   Skicka kallelser.  Processledare Klar    Enligt plan

Fler ska sluta       Erbjuda samtal om  Enhetschef    Pågår   Försenad
röka.                levnadsvanor vid
` + "\f" + `                                                              Uppföljning
Mål                  Aktivitet          Ansvarig      Status
                                                              2025

                     nybesök.

Alla ska ha en plan. Ta fram planer.    Chefläkare    Klar    Enligt plan
`

// squeezedLowerCase: rows without empty lines; one row's responsible,
// written in lower case, is set one space after its activity's text.
const squeezedLowerCase = `Handlingsplan cancer 2026

Område          Mål                     Aktivitet                   Ansvarig        Status
Prevention      Alla ska screenas       Skicka kallelser.           Processledare   Pågår
                i hela länet.
                Fler ska sluta röka.    Erbjuda samtal om tobak och chefläkare      Klar
                                        alkohol.
                Alla ska ha en plan.    Ta fram planer.             Enhetschef      Pågår
                Ledtiderna ska kortas.  Mäta ledtider.              Chefläkare      Klar
`

// besideTables: tables set right of paragraphs printed beside them, the
// second with a paragraph's line beside its header.
const besideTables = `Handlingsplan cancer 2026

Prevention
                                        Aktivitet                     Ansvarig          Status
Gruppen leder arbetet i länet
och rapporterar varje månad.            Skicka kallelser till         Processledare     Pågår
Den följer upp planen.                  alla kvinnor.
                                        Erbjuda samtal om tobak.      Enhetschef        Klar
Arbetet sker i samverkan                Ta fram planer.               Chefläkare        Pågår
med kommunerna.


Diagnostik
Uppföljningen sker årligen,             Aktivitet                     Ansvarig          Status
i samband med rapporten.                Mäta ledtider.                Chefläkare        Klar
                                        Följa upp väntetider.         Enhetschef        Pågår
`

// spanningGoal: rows without empty lines; the goal, printed once for the
// two rows it spans, runs on beside the second row's first line.
const spanningGoal = `Handlingsplan cancer 2026

Mål                       Status        Ansvarig          Aktivitet                 När
Alla ska erbjudas ett     Pågår         Chefläkare        Starta grupper vid        2026
samtal om levnadsvanor                                    två sjukhus.
och kost.                 Klar          Enhetschef        Utbilda personal.         2027
Ledtiderna ska kortas.    Pågår         Processledare     Mäta ledtider.            2026
Fler ska delta.           Klar          Enhetschef        Utbilda personal.         2027
`

// squeezedResponsible: one row's responsible printed one space after the
// activity's last word, left of its column, its second word below in the
// column.
const squeezedResponsible = `Handlingsplan cancer 2026

Mål                   Aktivitet                     Ansvarig          Status

Alla ska screenas.    Skicka kallelser till alla    Processledare     Pågår
                      kvinnor i länet.

Fler ska delta.       Utbilda personal om tobak Chef                  Klar
                      och alkohol.                  primärvård

Ledtider ska kortas.  Mäta ledtider.                Enhetschef        Pågår
`

// cutUnderRepeated: a cell cut by the page break goes on in lower case
// right under the header repeated (at other positions) on the next page.
const cutUnderRepeated = `Handlingsplan cancer 2026

Mål                   Aktivitet                   Ansvarig        Status
Alla ska screenas.    Skicka kallelser.           Processledare   Pågår
Fler ska delta.       Utse en ansvarig            Chefläkare      Klar
                      samordnare per
` + "\f" + `Mål                       Aktivitet                   Ansvarig        Status
                          verksamhetsområde och
                          följa upp arbetet.
Ledtider ska kortas.      Mäta ledtider.              Enhetschef      Pågår
Alla ska ha en plan.      Ta fram planer.             Chefläkare      Klar
`

// numbersApart: the first column prints each goal's number apart at its
// left edge, beside the middle of the goal's text.
const numbersApart = `Handlingsplan cancer 2026

Mål                          Aktivitet              Ansvarig

      Alla ska erbjudas      Skicka kallelser       Processledare
1.1   samtal om tobak        till alla
      och alkohol.           i länet.

      Ledtiderna ska         Mäta ledtider          Chefläkare
1.2   kortas med en          varje månad
      vecka.                 och år.

      Fler ska delta         Utbilda
1.3                          personal               Enhetschef
      i studier.             i länet.
`

// squeezedOpener: a cell's capitalised first word printed one space after
// the text of the column to its left, its lower-case rest in its column.
const squeezedOpener = `Handlingsplan cancer 2026

Insats                        Mål                         Ansvarig

Utbilda personal om tobak.    Alla ska sluta röka.        Chefläkare

Genomföra en workshop om Alla vårdcentraler ska ha        Enhetschef
rehabilitering.               en plan.

Mäta ledtider.                Ledtider ska kortas.        Processledare
`

// titleLeftOfText: two titles set one space apart ('Område Mål'), the
// second's text far right of it, more lines of it than of the next column.
const titleLeftOfText = `Handlingsplan cancer 2026

Område Mål                                Aktivitet             Ansvarig
Prevention   Alla ska screenas            Skicka kallelser.     Processledare
             i hela länet
             varje år.
             Fler ska delta i             Utbilda personal.     Enhetschef
             studier och
             forskning.
Diagnostik   Ledtider ska                 Mäta ledtider.        Chefläkare
             kortas.
             Alla ska ha                  Ta fram planer.       Enhetschef
             en plan.
`

// rowCutByEmptyLines: empty lines inside a row (its Område centred beside
// them), the row going on in lower case below them.
const rowCutByEmptyLines = `Handlingsplan cancer 2026

Område       Mål                    Aktivitet           Ansvarig        Status

             Alla ska screenas      Skicka kallelser    Divisionschef   Ej
Prevention


             i hela länet.          till alla.          medicin         påbörjad

             Fler ska delta.        Utbilda personal.   Enhetschef      Klar

             Ledtider ska kortas.   Mäta ledtider.      Chefläkare      Pågår
`

func TestTextLayoutKeptTable(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		pages  int
		header []string
		want   [][]string
	}{
		{"empty lines between rows, header repeated on the next page", layoutPlan, 2, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Levnadsvanor ska tas upp med alla patienter.", "Kartlägga nuläget tillsammans med verksamheterna.", "Processledare cancer", "Pågår"},
			{"Alla vårdcentraler ska ha ett cancerombud.", "Utse cancerombud.", "Enhetschef", "Klar"},
			{"Screening ska erbjudas alla kvinnor.", "Skicka kallelser.", "RCC-samordnare", "Ej påbörjad"},
		}},
		{"interleaved cells, wrapped titles, a heading between tables", interleavedPlan, 1, []string{"Mål", "Mätbar målnivå", "Aktivitet", "Ansvarig"}, [][]string{
			{"Levnadsvanor ska tas upp med alla patienter.", "Minst 80 procent", "Kartlägga nuläget tillsammans med verksamheterna.", "Processledare"},
			{"Screening ska erbjudas", "Alla", "Skicka kallelser.", "RCC-samordnare"},
			{"Kontaktsjuksköterska ska finnas.", "Alla", "Anställa två.", "Verksamhetschef"},
		}},
		{"a band across the table between empty lines is a row of its own, not a heading that ends it", bandPlan, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"1. Förebyggande arbete", "", "", ""},
			{"Deltagandet ska öka.", "Skicka hemtest.", "FoU-chef", "Klar"},
			{"Rökningen ska minska.", "Erbjuda samtal.", "Vårdcentralerna", "Pågår"},
			{"2. Tidig upptäckt", "", "", ""},
			{"Ledtiderna ska kortas.", "Kartlägga flödet.", "Divisionschef", "Pågår"},
			{"Fler ska screenas.", "Skicka kallelser.", "RCC-samordnare", "Ej påbörjad"},
		}},
		{"label tables: the column names down the left of each goal's table", labelPlan, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"1.1 Alla patienter ska ha en bedömning inom en månad efter diagnos.", "Inrätta en studieenhet.", "Chef för palliativ vård", "Ej påbörjad"},
			{"1.2 Vårdplan för alla.", "Införa ett beslutsstöd.", "Hälso- och sjukvårdsdirektör", "Pågår"},
		}},
		{"label tables on a page set right of the margin", tlIndent(labelPlan, 14), 1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"1.1 Alla patienter ska ha en bedömning inom en månad efter diagnos.", "Inrätta en studieenhet.", "Chef för palliativ vård", "Ej påbörjad"},
			{"1.2 Vårdplan för alla.", "Införa ett beslutsstöd.", "Hälso- och sjukvårdsdirektör", "Pågår"},
		}},
		{"rows without empty lines, a goal over two activities", tightPlan, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Multidisciplinära konferenser ska hållas för alla patienter.", "Informera patienter om möjligheten att delta i studier.", "RCC-samordnare", "Pågår"},
			{"Multidisciplinära konferenser ska hållas för alla patienter.", "Utse en ansvarig samordnare per verksamhetsområde.", "Chef primärvård", "Pågående"},
			{"Inrapporteringen ska vara fullständig.", "Säkerställa att kontaktsjuksköterskor har tid.", "Hälso- och sjukvårdsdirektör", "Ej påbörjad"},
		}},
		{"centred cells without empty lines: rows anchored by the status", centredPlan, 1, []string{"Område", "Mål", "Aktivitet", "Status"}, [][]string{
			{"Levnadsvanor", "Levnadsvanor ska tas upp med alla patienter inför och under cancerbehandling.", "Införa ett gemensamt arbetssätt för bedömning av rehabiliteringsbehov med hjälp av checklista. Utbilda medarbetare.", "Avvaktar"},
			{"Screening", "Screening ska erbjudas alla kvinnor.", "Utbilda berörda medarbetare i primärvården om tidiga tecken på cancer och remissvägar.", "Pågår"},
		}},
		{"a goal centred over two rows is theirs both", spannedPlan, 1, []string{"Område", "Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"5.a) Kontaktsjuksköt.", "Cancerrehabilitering ska erbjudas utifrån en strukturerad behovsbedömning vid diagnos.", "Följa upp ledtider per diagnos varje kvartal.", "Processledare", "Klart"},
			{"5.a) Kontaktsjuksköt.", "Cancerrehabilitering ska erbjudas utifrån en strukturerad behovsbedömning vid diagnos.", "Införa ett gemensamt arbetssätt för bedömning. Med checklista.", "Chef primärvård", "Pågår"},
			{"6) Läkemedel", "Alla ska ha en plan.", "Rekrytera läkare.", "Enhetschef", "Klart"},
		}},
		{"goals across the table, a list in a cell, a table under a heading", goalsAcross, 1, []string{"Åtgärd", "Ansvarig", "Klart", "Status"}, [][]string{
			{"1.1 Uppföljningen efter avslutad behandling ska följa nationella riktlinjer.", "", "", ""},
			{"Följa upp andelen patienter med Min vårdplan, kvartalsvis.", "Processägare", "Q4 2026", "Pågår"},
			{"– Införa digital symtomrapportering för patienter under cytostatikabehandling. – Utse och utbilda cancerombud på samtliga vårdcentraler.", "Processägare", "Q4 2026", "Ej startad"},
			{"2.1 Alla vårdcentraler ska ha en utsedd cancerombud med avsatt tid.", "", "", ""},
			{"Kartlägga flödet för remisser till röntgen.", "Chefläkare", "2027", "Avslutad"},
		}},
		{"numbered goals in the first column are cells, not headings", numberedGoals, 1, []string{"Målbild", "Planerade aktiviteter", "Ansvar", "Status"}, [][]string{
			{"1. Palliativ vård ska vara jämlik och tillgänglig i hela länet.", "Säkerställa att kontaktsjuksköterskor har avsatt tid för uppdraget.", "Processledare cancer", "Ej påbörjad"},
			{"2. Barn som anhöriga ska uppmärksammas.", "Utbilda berörda medarbetare.", "Hälso- och sjukvårdsdirektör", "Klart"},
			{"3. Screening ska erbjudas alla.", "Skicka kallelser. Följa upp.", "RCC-samordnare", "Pågår"},
		}},
		{"a group title split by its sub-titles, a row set off its columns", groupTitle, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Uppföljning 2025 Status", "Uppföljning 2025 Kommentar"}, [][]string{
			{"Minst 90 % ska ha en aktuell vårdplan.", "Kartlägga flödet för remisser.", "Kvalitetsstrateg", "Pågår", "Klar i juni"},
			{"Alla ska screenas.", "Sprida information om solskydd.", "Verksamhetschef onkologi", "Delvis genomförd", "Klar i juni"},
			{"Patienter ska få stöd.", "Utse cancerombud.", "Chefläkare", "Genomförd", "Försenad"},
		}},
		{"a group title split by the years under it", groupYears, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Uppföljning 2025", "Uppföljning 2026"}, [][]string{
			{"Minst 90 % ska ha en aktuell vårdplan.", "Kartlägga flödet för remisser.", "Kvalitetsstrateg", "Pågår", "Klar"},
			{"Alla ska screenas.", "Sprida information om solskydd.", "Verksamhetschef", "Pågår", "Pågår"},
			{"Patienter ska få stöd.", "Utse cancerombud.", "Chefläkare", "Ej påbörjad", "Pågår"},
		}},
		{"a page opens with a row under the Område above", areaOverBreak, 2, []string{"Område", "Mål", "Aktivitet", "Status"}, [][]string{
			{"4.1 Prevention", "Levnadsvanor ska tas upp.", "Kartlägga nuläget", "Pågår"},
			{"4.1 Prevention", "Screening ska erbjudas alla kvinnor.", "Skicka kallelser.", "Klart"},
			{"4.1 Prevention", "Alla ska ha en plan.", "Utse samordnare.", "Pågår"},
			{"4.2 Diagnostik", "Ledtiderna ska kortas.", "Följa upp ledtider.", "Ej påbörjad"},
		}},
		{"the first column starts a cell after its finished sentence", firstAfterSentence, 1, []string{"Mål", "Aktivitet", "Ansvarig"}, [][]string{
			{"Alla ska screenas.", "Skicka kallelser till alla.", "chef primärvård"},
			{"Regionen ska ha en plan.", "Ta fram en plan. Följa upp den.", "processledare"},
			{"Ledtiderna ska kortas.", "Mäta ledtider.", "chefläkare"},
			{"Alla ska ha en kontakt.", "Utse kontakter.", "enhetschef"},
		}},
		{"a column starts where text starts after a gutter, not inside a cell's line", squeezedRow, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Alla ska screenas.", "Kartlägga nuläget så ta fram en plan.", "RCC-samordnare", "Pågår"},
			{"Ledtiderna ska kortas.", "Skicka kallelser för alla i länet.", "Processledare", "Klar"},
			{"Fler ska delta.", "Utbilda personal.", "Enhetschef", "Pågår"},
		}},
		{"a number in a column of numbers opens a row", numberColumn, 1, []string{"Nr", "Mål", "Aktivitet", "Ansvarig"}, [][]string{
			{"1.1", "Alla ska screenas.", "Skicka kallelser till alla.", "Processledare"},
			{"1.2", "Ledtiderna ska kortas med en vecka.", "Mäta ledtider.", "Chefläkare"},
			{"1.3", "Fler ska delta i studier.", "utbilda personal.", "Enhetschef"},
			{"1.4", "Alla ska ha en plan.", "Ta fram planer.", "Chefläkare"},
		}},
		{"a number opening the first column opens a row under a cell that opened with one", numberedAreas, 1, []string{"Område", "Mål", "Aktivitet", "Ansvarig"}, [][]string{
			{"4) Kompetens", "Alla ska screenas i hela länet varje år.", "Skicka kallelser. Följa upp.", "chefläkare"},
			{"4) Kompetens", "Ledtiderna ska kortas med en vecka.", "Mäta ledtider.", "enhetschef"},
			{"5) Rehabilitering", "Fler ska delta.", "Utbilda personal.", "chefläkare"},
		}},
		{"levels down the first column between empty lines are rows of their own, not headings that end the table", levelsPlan, 1, []string{"Aktivitet", "Ansvarig", "Tid", "Status"}, [][]string{
			{"1. Prevention och tidig upptäckt", "", "", ""},
			{"1.1 Alla ska ha en vårdplan.", "", "", ""},
			{"– Ta fram en mall för vårdplanen.", "Chefläkare", "2026", "Pågår"},
			{"– Följa upp andelen.", "Enhetschef", "2027", "Klar"},
			{"2. Vård", "", "", ""},
			{"2.1 Fler ska delta.", "", "", ""},
			{"– Informera.", "Chefläkare", "2026", "Pågår"},
			{"– Följa upp.", "Enhetschef", "2027", "Klar"},
		}},
		{"titles alone on lines of their own above the header's main line", staggeredTitles, 1, []string{"Nr", "Aktivitet", "Berörda", "Ansvarig", "Prioritet", "Klart", "Status"}, [][]string{
			{"1.1", "Skicka kallelser till alla.", "Alla", "Chefläkare", "2", "2026", "Klar"},
			{"1.2", "Mäta ledtider.", "Kalmar", "Enhetschef", "1", "2027", "Pågår"},
			{"2.1", "Utbilda personal.", "Alla", "Chefläkare", "3", "2026", "Pågår"},
		}},
		{"a row between empty lines set right of the table's column", rowSetRight, 1, []string{"Aktivitet", "Kommentar", "Mål"}, [][]string{
			{"Kartlägga flödet.", "Arbetet går enligt plan.", "Alla ska screenas."},
			{"Mäta ledtider.", "Resultaten har i år spridits till andra två förvaltningar.", "Ledtiderna ska kortas med en vecka."},
			{"Utbilda personal.", "Klart i juni.", "Fler ska delta."},
		}},
		{"a status a line beside as many activities: a row per activity", parallelLists, 1, []string{"Mål", "Aktiviteter", "Ansvar", "Status per aktivitet"}, [][]string{
			{"Alla ska screenas i hela länet.", "Skicka kallelser till alla.", "Chef för vårdcentralerna", "Klar"},
			{"Alla ska screenas i hela länet.", "Följa upp deltagandet varje år.", "Chef för vårdcentralerna", "Pågår"},
			{"Alla ska screenas i hela länet.", "Utbilda personal.", "Chef för vårdcentralerna", "Ej påbörjad"},
			{"Ledtiderna ska kortas i hela länet.", "Mäta ledtider varje månad.", "Chefläkare", "Pågår"},
			{"Fler ska delta.", "Informera om studier.", "Enhetschef", "Klar"},
			{"Alla ska ha en plan.", "Ta fram planer.", "Enhetschef", "Klar"},
		}},
		{"a note across the table between its rows is no row and ends no table", notedRows, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Alla ska screenas.", "Skicka kallelser.", "Processledare", "Pågår"},
			{"Fler ska sluta röka.", "Erbjuda samtal.", "Enhetschef", "Klar"},
			{"Ledtiderna ska kortas.", "Kartlägga flödet.", "Chefläkare", "Pågår"},
			{"Alla ska ha en plan.", "Ta fram planer.", "Enhetschef", "Klar"},
		}},
		{"a band over a row whose first line holds one column", bandOverCentred, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"1. Prevention", "", "", ""},
			{"Alla ska screenas.", "Skicka kallelser.", "Processledare", "Pågår"},
			{"Fler ska sluta röka.", "Erbjuda samtal.", "Enhetschef", "Klar"},
			{"2. Tidig upptäckt", "", "", ""},
			{"Ledtiderna ska kortas.", "Kartlägga nuläget tillsammans med verksamheterna.", "Chefläkare", "Klar"},
			{"Alla ska ha en plan.", "Ta fram planer.", "Enhetschef", "Pågår"},
		}},
		{"a repeated header's title above its main line is the header's, and the cell below goes on", titleAboveRepeated, 2, []string{"Mål", "Aktivitet", "Ansvarig", "Status", "Uppföljning 2025"}, [][]string{
			{"Alla ska screenas.", "Skicka kallelser.", "Processledare", "Klar", "Enligt plan"},
			{"Fler ska sluta röka.", "Erbjuda samtal om levnadsvanor vid nybesök.", "Enhetschef", "Pågår", "Försenad"},
			{"Alla ska ha en plan.", "Ta fram planer.", "Chefläkare", "Klar", "Enligt plan"},
		}},
		{"a lower-case cell run on from the column to its left under an empty line opens a row", squeezedLowerCase, 1, []string{"Område", "Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Prevention", "Alla ska screenas i hela länet.", "Skicka kallelser.", "Processledare", "Pågår"},
			{"Prevention", "Fler ska sluta röka.", "Erbjuda samtal om tobak och alkohol.", "chefläkare", "Klar"},
			{"Prevention", "Alla ska ha en plan.", "Ta fram planer.", "Enhetschef", "Pågår"},
			{"Prevention", "Ledtiderna ska kortas.", "Mäta ledtider.", "Chefläkare", "Klar"},
		}},
		{"tables beside paragraphs: the paragraphs' lines are no cells", besideTables, 1, []string{"Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Skicka kallelser till alla kvinnor.", "Processledare", "Pågår"},
			{"Erbjuda samtal om tobak.", "Enhetschef", "Klar"},
			{"Ta fram planer.", "Chefläkare", "Pågår"},
			{"Mäta ledtider.", "Chefläkare", "Klar"},
			{"Följa upp väntetider.", "Enhetschef", "Pågår"},
		}},
		{"a goal spanning two rows runs on beside the second", spanningGoal, 1, []string{"Mål", "Status", "Ansvarig", "Aktivitet", "När"}, [][]string{
			{"Alla ska erbjudas ett samtal om levnadsvanor och kost.", "Pågår", "Chefläkare", "Starta grupper vid två sjukhus.", "2026"},
			{"Alla ska erbjudas ett samtal om levnadsvanor och kost.", "Klar", "Enhetschef", "Utbilda personal.", "2027"},
			{"Ledtiderna ska kortas.", "Pågår", "Processledare", "Mäta ledtider.", "2026"},
			{"Fler ska delta.", "Klar", "Enhetschef", "Utbilda personal.", "2027"},
		}},
		{"a cell set one space after the text of the column to its left, past where that text ends", squeezedResponsible, 1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Alla ska screenas.", "Skicka kallelser till alla kvinnor i länet.", "Processledare", "Pågår"},
			{"Fler ska delta.", "Utbilda personal om tobak och alkohol.", "Chef primärvård", "Klar"},
			{"Ledtider ska kortas.", "Mäta ledtider.", "Enhetschef", "Pågår"},
		}},
		{"a cell going on under the repeated header is no title's part, and goes on with its row", cutUnderRepeated, 2, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Alla ska screenas.", "Skicka kallelser.", "Processledare", "Pågår"},
			{"Fler ska delta.", "Utse en ansvarig samordnare per verksamhetsområde och följa upp arbetet.", "Chefläkare", "Klar"},
			{"Ledtider ska kortas.", "Mäta ledtider.", "Enhetschef", "Pågår"},
			{"Alla ska ha en plan.", "Ta fram planer.", "Chefläkare", "Klar"},
		}},
		{"a number printed apart beside its goal's text opens the goal", numbersApart, 1, []string{"Mål", "Aktivitet", "Ansvarig"}, [][]string{
			{"1.1 Alla ska erbjudas samtal om tobak och alkohol.", "Skicka kallelser till alla i länet.", "Processledare"},
			{"1.2 Ledtiderna ska kortas med en vecka.", "Mäta ledtider varje månad och år.", "Chefläkare"},
			{"1.3 Fler ska delta i studier.", "Utbilda personal i länet.", "Enhetschef"},
		}},
		{"a capitalised word one space before the next column's lower-case text opens its cell", squeezedOpener, 1, []string{"Insats", "Mål", "Ansvarig"}, [][]string{
			{"Utbilda personal om tobak.", "Alla ska sluta röka.", "Chefläkare"},
			{"Genomföra en workshop om rehabilitering.", "Alla vårdcentraler ska ha en plan.", "Enhetschef"},
			{"Mäta ledtider.", "Ledtider ska kortas.", "Processledare"},
		}},
		{"a column does not start in the first quarter of the way from the title before", titleLeftOfText, 1, []string{"Område", "Mål", "Aktivitet", "Ansvarig"}, [][]string{
			{"Prevention", "Alla ska screenas i hela länet varje år.", "Skicka kallelser.", "Processledare"},
			{"Prevention", "Fler ska delta i studier och forskning.", "Utbilda personal.", "Enhetschef"},
			{"Diagnostik", "Ledtider ska kortas.", "Mäta ledtider.", "Chefläkare"},
			{"Diagnostik", "Alla ska ha en plan.", "Ta fram planer.", "Enhetschef"},
		}},
		{"a row goes on in lower case past empty lines", rowCutByEmptyLines, 1, []string{"Område", "Mål", "Aktivitet", "Ansvarig", "Status"}, [][]string{
			{"Prevention", "Alla ska screenas i hela länet.", "Skicka kallelser till alla.", "Divisionschef medicin", "Ej påbörjad"},
			{"Prevention", "Fler ska delta.", "Utbilda personal.", "Enhetschef", "Klar"},
			{"Prevention", "Ledtider ska kortas.", "Mäta ledtider.", "Chefläkare", "Pågår"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Text("plan-layout.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if l.NumPages != tt.pages {
				t.Errorf("pages %d, want %d", l.NumPages, tt.pages)
			}
			var got [][]string
			for _, b := range l.Blocks {
				if b.Table == nil {
					continue
				}
				if !reflect.DeepEqual(b.Table.Header[0], tt.header) {
					t.Errorf("header %q, want %q", b.Table.Header[0], tt.header)
				}
				for _, r := range b.Table.Rows {
					var row []string
					for _, c := range r.Cells {
						row = append(row, c.Text)
					}
					got = append(got, row)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestTextLayoutHeadingAbove: a lone line at the margin over a table
// header is the table's heading; a paragraph's last line, an indented
// line and a sentence are not.
func TestTextLayoutHeadingAbove(t *testing.T) {
	const header = "Mål                  Aktivitet            Status\n"
	const row = "Alla ska screenas.   Skicka kallelser.    Pågår\n"
	tests := []struct {
		name string
		in   string
		want []string // heading texts before the table
	}{
		{"lone line over the header", "Plan\n\n\nPrevention\n" + header + row, []string{"Prevention"}},
		{"one empty line between", "Plan\n\nTidig upptäckt\n\n" + header + row, []string{"Tidig upptäckt"}},
		{"numbered keeps its depth", "Plan\n\n2.1 Screening\n" + header + row, []string{"2.1 Screening"}},
		{"last line of a paragraph", "Plan\n\nPlanen beskriver arbetet med\nde regionala målen\n" + header + row, nil},
		{"a sentence", "Plan\n\nSe tabellen nedan.\n" + header + row, nil},
		{"indented", "Plan\n\n                     Prevention\n" + header + row, nil},
		{"a heading over a paragraph that introduces the table", "Plan\n\n\nTidig diagnostik\nTabellen nedan sammanfattar de aktiviteter som regionen planerar.\n\n" + header + row, []string{"Tidig diagnostik"}},
		{"a paragraph's first line is no heading", "Plan\n\nTabellen nedan sammanfattar de aktiviteter\nsom regionen planerar under perioden.\n\n" + header + row, nil},
		{"a chapter over its section", "Plan\n\n\nVÅRD I RÄTT TID\nSTRÅLBEHANDLING\n" + header + row, []string{"VÅRD I RÄTT TID", "STRÅLBEHANDLING"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Text("plan-layout.txt", []byte(strings.Repeat(tt.in, 1)+"\n"+strings.Repeat("Text   med   luckor\n", 5)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range l.Blocks {
				if b.Kind == rccplans.BlockTable {
					break
				}
				if b.Kind == rccplans.BlockHeading {
					got = append(got, b.Text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("headings %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTextLayoutAssign: each word goes to the column it starts in, or to
// the next one when it opens a cell printed just left of that column.
func TestTextLayoutAssign(t *testing.T) {
	cols := []tlColumn{{left: 0}, {left: 20}, {left: 40}}
	tests := []struct {
		name string
		raw  string
		want []string
	}{
		{"by start", "Alla ska screenas   Skicka kallelser    Pågår", []string{"Alla ska screenas", "Skicka kallelser", "Pågår"}},
		{"a capital two left of its column", "jämlik och vård i Säkerställa att      Klart", []string{"jämlik och vård i", "Säkerställa att", "Klart"}},
		{"a lower-case word running over stays", "tillgänglighet inomkontakt              Klart", []string{"tillgänglighet inomkontakt", "", "Klart"}},
		{"a short word right before the column stays", "Alla vårdcentraler Ska ha     x         Klart", []string{"Alla vårdcentraler Ska", "ha x", "Klart"}},
		{"a cell after a gutter a little left of its column", "Genomföra en     Processledare        Klart", []string{"Genomföra en", "Processledare", "Klart"}},
		{"a word after one space a little left stays", "Genomföra en bra informationskampanj    Klart", []string{"Genomföra en bra informationskampanj", "", "Klart"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tlAssign(tt.raw, cols); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("tlAssign = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTextLayoutTitleLine: the lines around a header's main line that
// hold parts of its titles.
func TestTextLayoutTitleLine(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		n    int // titles on the main line; 0: a line below it
		want bool
	}{
		{"titles and continuations", "Mätbar        målnivå", 0, true},
		{"a title's unnamed first word next to a named title", "Prioriterat            Ansvarig", 4, true},
		{"an unnamed word below the main line", "Prioriterat            Ansvarig", 0, false},
		{"a heading in wide letter spacing", "Tidig      upptäckt      och      diagnostik", 6, false},
		{"a table row", "Väntetiden    till strålbehandling    Genomföra    Processledare", 6, false},
		{"a sentence", "Se nedan.      Ansvarig", 4, false},
		{"a cell's last words below a repeated header", "         och 74 år.", 0, false},
		{"a title's lower-case part below", "         ansvarig", 0, true},
		{"a title's qualifier in brackets below", "          funktion          (enligt RCC)          senast", 0, true},
		{"words in brackets among other words are no title", "          (se nedan) Övrigt arbete", 0, false},
		{"a numbered heading in wide letter spacing", "3.     Målområden      och      åtgärder", 6, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ln := ptLine{s: strings.TrimSpace(tt.raw), raw: tt.raw}
			if got := tlTitleLine(ln, tt.n); got != tt.want {
				t.Errorf("tlTitleLine = %v, want %v", got, tt.want)
			}
		})
	}
}

// spacedHeading: two tables on one page, the second under a heading in
// wide letter spacing right over its header.
const spacedHeading = `Handlingsplan cancer 2026

Nr    Mål                     Aktivitet               Ansvarig
1.1   Alla ska screenas.      Skicka kallelser.       Processledare
1.2   Ledtiderna ska kortas.  Mäta ledtider.          Chefläkare


Behandling    och     uppföljning
Nr    Mål                     Aktivitet               Ansvarig
2.1   Fler ska delta.         Utbilda personal.       Enhetschef
2.2   Alla ska ha en plan.    Ta fram planer.         Chefläkare
`

// levelsPlan: a hierarchy printed down the first column, told by
// indentation ("1. Prevention" over "1.1 Alla …" over activities with
// their other cells beside them), blocks between empty lines; a numbered
// heading over a paragraph after the table ends it.
const levelsPlan = `Handlingsplan cancer 2026

Aktivitet                 Ansvarig          Tid          Status


1. Prevention och
tidig upptäckt


   1.1 Alla ska ha en
   vårdplan.


      – Ta fram en mall   Chefläkare        2026         Pågår
      för vårdplanen.


      – Följa upp         Enhetschef        2027         Klar
      andelen.


2. Vård


   2.1 Fler ska delta.


      – Informera.        Chefläkare        2026         Pågår


      – Följa upp.        Enhetschef        2027         Klar


3. Uppföljning

Planen följs upp av ledningsgruppen varje år och rapporteras till nämnden i december.
`

// staggeredTitles: titles printed rotated, each alone on a line of its
// own at its own height, over the header's main line; two tables on a
// page, each under its heading.
const staggeredTitles = `Handlingsplan cancer 2026

Prevention
 Nr


                                                                                 Prioritet


                                                                                            Klart


                                                                                                     Status
       Aktivitet                          Berörda                    Ansvarig

 1.1   Skicka kallelser till alla.       Alla                       Chefläkare   2          2026     Klar

 1.2   Mäta ledtider.                    Kalmar                     Enhetschef   1          2027     Pågår


Behandling
 Nr


                                                                                 Prioritet


                                                                                            Klart


                                                                                                     Status
       Aktivitet                          Berörda                    Ansvarig

 2.1   Utbilda personal.                 Alla                       Chefläkare   3          2026     Pågår
`

// rowSetRight: a row between empty lines sets its last column further
// right than the table does, and the column to its left runs on one
// space before where the table has that column ("andra två").
const rowSetRight = `Handlingsplan cancer 2026

Aktivitet           Kommentar                               Mål

Kartlägga flödet.   Arbetet går enligt plan.                Alla ska screenas.

Mäta ledtider.      Resultaten har i år spridits till andra två  Ledtiderna ska
                    förvaltningar.                               kortas med
                                                                 en vecka.

Utbilda personal.   Klart i juni.                           Fler ska delta.
`

// parallelLists: a status a line, one under the other, beside a cell
// listing as many activities (a row per activity, the goal and the
// responsible repeated); the second block's statuses stand at its rows'
// first lines, lines apart, so it is read row by row.
const parallelLists = `Handlingsplan cancer 2026

Mål                      Aktiviteter                   Ansvar             Status per
                                                                          aktivitet
Alla ska screenas i      Skicka kallelser till alla.   Chef för           Klar
hela länet.              Följa upp deltagandet         vårdcentralerna    Pågår
                         varje år.                                        Ej påbörjad
                         Utbilda personal.

Ledtiderna ska kortas    Mäta ledtider                 Chefläkare         Pågår
i hela länet.            varje månad.
Fler ska delta.          Informera om studier.         Enhetschef         Klar

Alla ska ha en plan.     Ta fram planer.               Enhetschef         Klar
`

// indentedHeadings: two tables on a page, rows without empty lines,
// each under a heading set two characters right of the margin.
const indentedHeadings = `Handlingsplan cancer 2026


  Prevention
Mål                      Aktivitet                 Ansvarig             Status
Alla ska screenas.       Skicka kallelser.         Processledare        Pågår
Fler ska sluta röka.     Erbjuda samtal.           Enhetschef           Klar


  Behandling
Mål                      Aktivitet                 Ansvarig             Status
Ledtiderna ska kortas.   Kartlägga flödet.         Chefläkare           Pågår
Alla ska ha en plan.     Ta fram planer.           Enhetschef           Klar
`

// notedRows: a note printed across the table between two rows, from the
// margin over every column, with the rows going on under it.
const notedRows = `Handlingsplan cancer 2026

Prevention

Mål                      Aktivitet                 Ansvarig             Status
Alla ska screenas.       Skicka kallelser.         Processledare        Pågår
Fler ska sluta röka.     Erbjuda samtal.           Enhetschef           Klar
Notering: finansieringen av aktiviteterna ovan är inte beslutad för nästa år.
Ledtiderna ska kortas.   Kartlägga flödet.         Chefläkare           Pågår
Alla ska ha en plan.     Ta fram planer.           Enhetschef           Klar
`

// TestTextLayoutBlocks: the blocks around kept-layout tables. The
// paragraphs printed beside a table are read as paragraphs before it,
// under the heading over both; a heading in wide letter spacing over a
// header ends the table above and is the next one's heading.
func TestTextLayoutBlocks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // from the first heading: headings (#) and paragraphs in order, tables as "table"
	}{
		{"paragraphs beside two tables", besideTables, []string{
			"# Prevention",
			"Gruppen leder arbetet i länet och rapporterar varje månad. Den följer upp planen.",
			"Arbetet sker i samverkan med kommunerna.", "table",
			"# Diagnostik", "Uppföljningen sker årligen, i samband med rapporten.", "table",
		}},
		{"a heading in wide letter spacing between two tables", spacedHeading, []string{
			"# Handlingsplan cancer 2026", "table", "# Behandling och uppföljning", "table",
		}},
		{"a table at the margin keeps its first column", layoutPlan, []string{
			"# 1. Prevention", "table",
		}},
		{"a numbered heading over a paragraph ends a table of levels down its first column", levelsPlan, []string{
			"# Handlingsplan cancer 2026", "table", "# 3. Uppföljning", "Planen följs upp av ledningsgruppen varje år och rapporteras till nämnden i december.",
		}},
		{"a heading over titles standing alone above a header ends the table above", staggeredTitles, []string{
			"# Prevention", "table", "# Behandling", "table",
		}},
		{"a heading two characters right of the margin over the next header ends the table above", indentedHeadings, []string{
			"# Prevention", "table", "# Behandling", "table",
		}},
		{"a note across the table between its rows is a paragraph after it", notedRows, []string{
			"# Prevention", "table", "Notering: finansieringen av aktiviteterna ovan är inte beslutad för nästa år.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Text("plan-layout.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range l.Blocks {
				if got == nil && b.Kind != rccplans.BlockHeading {
					continue // the title's lines are the prose reader's
				}
				switch b.Kind {
				case rccplans.BlockTable:
					got = append(got, "table")
				case rccplans.BlockHeading:
					got = append(got, "# "+b.Text)
				default:
					got = append(got, b.Text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// tlIndent sets every printed line of s n characters right (a page a
// fixed-pitch print sets right of the margin).
func tlIndent(s string, n int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = strings.Repeat(" ", n) + l
		}
	}
	return strings.Join(lines, "\n")
}
