package normalize

import (
	"reflect"
	"strings"
	"testing"

	"rccplans"
)

func TestStatusList(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"• Ej påbörjad • Påbörjad • Klar", true},
		{"Ej påbörjad Påbörjad Klar", true},
		{"Ej påbörjad\nPåbörjad\nKlar", true},
		{"Påbörjad", false},
		{"Ej Påbörjad", false},
		{"Pågår klinisk forskning, klart 2024", false},
		{"", false},
		{"● Pågår", false},
		{"● Ej påbörjad ● Pågår ● Klar", true}, // a legend of dots still lists them
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := statusList(tt.text); got != tt.want {
				t.Errorf("statusList(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestSplitArea(t *testing.T) {
	tests := []struct {
		in, code, title string
	}{
		{"3.c.ii) Screening för bröstcancer", "3.c.ii", "Screening för bröstcancer"},
		{"4.a.) Register", "4.a", "Register"},
		{"4.c.i.) Standardiserade vårdförlopp (SVF) Se separat handlingsplan finns.", "4.c.i", "Standardiserade vårdförlopp (SVF)"},
		{"6) Klinisk cancerforskning och innovation", "6", "Klinisk cancerforskning och innovation"},
		{"2.a)Patientmedverkan", "2.a", "Patientmedverkan"},
		{"3.1 Prevention", "3.1", "Prevention"},
		{"5. Kompetensförsörjning", "5", "Kompetensförsörjning"},
		{"3.c.vi) Tidig diagnostik av prostatacancer /OPCT, Organiserad Prostatacancertestning", "3.c.vi", "Tidig diagnostik av prostatacancer /OPCT, Organiserad Prostatacancertestning"},
		{"Screening för tjock-och ändtarmscancer.", "", "Screening för tjock-och ändtarmscancer."},
		{"Palliativ vård", "", "Palliativ vård"},
		{"2022 års satsning", "", "2022 års satsning"},
		{"", "", ""},
		{"3.c.ii", "3.c.ii", ""},
		{"7)", "7", ""},
		{"A. Screening", "A", "Screening"},
		{"B) Levnadsvanor och prevention", "B", "Levnadsvanor och prevention"},
		{"A. b. c", "", "A. b. c"},
		{"Å. Ålands samverkan", "Å", "Ålands samverkan"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			code, title := SplitArea(tt.in)
			if code != tt.code || title != tt.title {
				t.Errorf("SplitArea(%q) = %q, %q; want %q, %q", tt.in, code, title, tt.code, tt.title)
			}
		})
	}
}

func TestSplitGoal(t *testing.T) {
	tests := []struct {
		in, number, goal string
	}{
		{"5. Region Blekinge uppfyller målen", "5", "Region Blekinge uppfyller målen"},
		{"12) Alla patienter ska erbjudas", "12", "Alla patienter ska erbjudas"},
		{"1. Organiserad prostatacancer testning (OPT)", "1", "Organiserad prostatacancer testning (OPT)"},
		{"2024 ska även 90% av alla gentestas", "", "2024 ska även 90% av alla gentestas"},
		{"2.3 Alla vårdcentraler ska ha ett cancerombud", "2.3", "Alla vårdcentraler ska ha ett cancerombud"},
		{"1.2. Ledtiden ska halveras.", "1.2", "Ledtiden ska halveras."},
		{"3.1.2) Fler patienter deltar i studier", "3.1.2", "Fler patienter deltar i studier"},
		{"2.5 procent av budgeten avsätts", "", "2.5 procent av budgeten avsätts"},
		{"1.5 miljoner kronor", "", "1.5 miljoner kronor"},
		{"90% av patienterna", "", "90% av patienterna"},
		{"1.2 Förbättrad diagnostik", "", "1.2 Förbättrad diagnostik"},
		{"3. 2024 nås målet", "", "3. 2024 nås målet"},
		{"Det ska finnas", "", "Det ska finnas"},
		{"Mål 3.2: Alla ska erbjudas en plan.", "3.2", "Alla ska erbjudas en plan."},
		{"Delmål 1: Minst 70 procent", "1", "Minst 70 procent"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, g := SplitGoal(tt.in)
			if n != tt.number || g != tt.goal {
				t.Errorf("SplitGoal(%q) = %q, %q; want %q, %q", tt.in, n, g, tt.number, tt.goal)
			}
		})
	}
}

func TestSplitTime(t *testing.T) {
	tests := []struct {
		in, resp, time string
	}{
		{"Region Västmanland med stöd av RCC Mellansverige 2022–2024", "Region Västmanland med stöd av RCC Mellansverige", "2022–2024"},
		{"RCC Mellansverige med stöd av regionerna 2022–23", "RCC Mellansverige med stöd av regionerna", "2022–23"},
		{"- Regionerna med stöd av RCC Mellansverige 2022–05 Utbyggnads-plan 4 år", "- Regionerna med stöd av RCC Mellansverige", "2022–05 Utbyggnads-plan 4 år"},
		{"Verksamhetschef Löpande", "Verksamhetschef", "Löpande"},
		{"Processledare Q2 2023", "Processledare", "Q2 2023"},
		{"Processledare HT 2023", "Processledare", "HT 2023"},
		{"Kirurgkliniken under 2024", "Kirurgkliniken", "under 2024"},
		{"Kvinnosjukvården kvartal 2 2025", "Kvinnosjukvården", "kvartal 2 2025"},
		{"Processledare Q 3 2024", "Processledare", "Q 3 2024"},
		{"Team 2 2025", "Team 2", "2025"},
		{"2023", "", "2023"},
		{"Region Västmanland Barn som närstående - vägledning för vårdpersonal, Dok 41992", "Region Västmanland Barn som närstående - vägledning för vårdpersonal, Dok 41992", ""},
		{"Enligt Cancerplanen 2022–2024 ansvarar regionerna för att genomföra arbetet i sin helhet", "Enligt Cancerplanen 2022–2024 ansvarar regionerna för att genomföra arbetet i sin helhet", ""},
		{"- RCC Mellansverige - Regionerna", "- RCC Mellansverige - Regionerna", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, tf := SplitTime(tt.in)
			if r != tt.resp || tf != tt.time {
				t.Errorf("SplitTime(%q) = %q, %q; want %q, %q", tt.in, r, tf, tt.resp, tt.time)
			}
		})
	}
}

func TestSplitStateResponsible(t *testing.T) {
	tests := []struct {
		in, state, resp, status string
	}{
		{"Ansvar: Projektägare och styrgrupp. Status: Pågående", "", "Projektägare och styrgrupp.", "Pågående"},
		{"<b>Ansvar:</b> Verksamhetschefer och LPPL. <b>Status:</b>", "", "Verksamhetschefer och LPPL.", ""},
		{"Ansvar: Status: Avvaktar införandet.", "", "", "Avvaktar införandet."},
		{"Ansvar: Hälso- och sjukvårdsledningen.", "", "Hälso- och sjukvårdsledningen.", ""},
		{"Tre av fem kliniker klara. Ansvar: VC Status: Pågår", "Tre av fem kliniker klara.", "VC", "Pågår"},
		{"Status: Klar Ansvarig: LPO", "", "LPO", "Klar"},
		{"Nuläget beskrivs här", "Nuläget beskrivs här", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, r, st := SplitStateResponsible(tt.in)
			if s != tt.state || r != tt.resp || st != tt.status {
				t.Errorf("SplitStateResponsible(%q) = %q, %q, %q; want %q, %q, %q", tt.in, s, r, st, tt.state, tt.resp, tt.status)
			}
		})
	}
}

func para(page int, text string) rccplans.Block {
	return rccplans.Block{Kind: rccplans.BlockParagraph, Page: page, Text: text}
}

func heading(page, level int, text string) rccplans.Block {
	return rccplans.Block{Kind: rccplans.BlockHeading, Page: page, Level: level, Text: text}
}

func TestMeta(t *testing.T) {
	type want struct {
		title, region, rcc, kind string
		from, to, followUp       int
	}
	tests := []struct {
		name   string
		blocks []rccplans.Block
		want   want
	}{
		{
			name: "verksamhetsplan with the period on the next line",
			blocks: []rccplans.Block{
				para(1, "Verksamhetsplan för Region Västmanland gällande den antagna"),
				para(1, "Cancerplanen 2022–2024."),
				para(1, "Verksamhetsplanen är uppbyggd med kapitelindelning på liknande sätt som Cancerplanen."),
				{Kind: rccplans.BlockTable, Page: 1, Table: &rccplans.Table{Header: [][]string{{"Område", "Uppdrag/Mål enligt RCC Mellansverige", "Status"}}}},
			},
			want: want{"Verksamhetsplan för Region Västmanland gällande den antagna Cancerplanen 2022–2024", "Region Västmanland", "RCC Mellansverige", "handlingsplan", 2022, 2024, 0},
		},
		{
			name: "a one-year title, a line with a date under it",
			blocks: []rccplans.Block{
				heading(1, 1, "Handlingsplan cancer 2026 – Region Värmland"),
				para(1, "Uppdaterad 2026-02-20. Ansvarig för planen: regional cancersamordnare."),
				{Kind: rccplans.BlockTable, Page: 1, Table: &rccplans.Table{Header: [][]string{{"Mål", "Aktivitet", "Status"}}}},
			},
			want: want{"Handlingsplan cancer 2026 – Region Värmland", "Region Värmland", "RCC Mellansverige", "handlingsplan", 2026, 2026, 0},
		},
		{
			name: "a plan pasted into an e-mail: the mail's header is no title",
			blocks: []rccplans.Block{
				para(1, "Från: Anna Lind <anna@region.se> Skickat: den 12 december 2025 14:03 Till: Cancerrådet Ämne: VB: Handlingsplan cancervården – status"),
				para(1, "Hej alla! Här är vår handlingsplan, som bygger på RCC Mellansveriges regionala cancerplan."),
				para(1, "Handlingsplan för cancervården Region Örebro län 2025–2026"),
				{Kind: rccplans.BlockTable, Page: 1, Table: &rccplans.Table{Header: [][]string{{"Mål", "Aktivitet", "Status"}}}},
			},
			want: want{"Handlingsplan för cancervården Region Örebro län 2025–2026", "Region Örebro län", "RCC Mellansverige", "handlingsplan", 2025, 2026, 0},
		},
		{
			name: "region as the first sentence of a line, rcc named after it",
			blocks: []rccplans.Block{
				heading(1, 1, "Regional handlingsplan cancer 2026–2028"),
				para(1, "Region Västerbotten. Planen är fastställd av nämnden och bygger på planen från RCC Norr."),
				{Kind: rccplans.BlockTable, Page: 1, Table: &rccplans.Table{Header: [][]string{{"Område", "Insats", "Mål", "Status"}}}},
			},
			want: want{"Regional handlingsplan cancer 2026–2028", "Region Västerbotten", "RCC Norr", "handlingsplan", 2026, 2028, 0},
		},
		{
			name: "region on a line of its own, rcc from the sjukvårdsregion",
			blocks: []rccplans.Block{
				heading(1, 1, "Lokal handlingsplan för cancervården 2022–2024"),
				para(1, "Region: Västerbotten"),
				heading(1, 2, "Bakgrund"),
				para(1, "Förbundsdirektionen godkände en ny cancerplan för norra sjukvårdsregionen för perioden 2022–2024."),
			},
			want: want{"Lokal handlingsplan för cancervården 2022–2024", "Region Västerbotten", "RCC Norr", "handlingsplan", 2022, 2024, 0},
		},
		{
			name: "title over two headings, rcc in the introduction (genitive)",
			blocks: []rccplans.Block{
				para(0, "Region Blekinge"),
				heading(0, 1, "Aktivitetsplan cancersjukdomar"),
				heading(0, 2, "2024 - 2026"),
				para(0, "Den utgår från RCC Syds cancerplan för Södra sjukvårdsregionen 2022–2025."),
			},
			want: want{"Aktivitetsplan cancersjukdomar 2024 - 2026", "Region Blekinge", "RCC Syd", "aktivitetsplan", 2024, 2026, 0},
		},
		{
			name: "follow-up report by an RCC, labelled title",
			blocks: []rccplans.Block{
				heading(1, 1, "Uppföljning för 2021 av den sjukvårdsregionala cancerplanen för 2019–2021"),
				para(1, "Fastställd av Norra sjukvårdsregionförbundets förbundsdirektion 2022-06-15"),
				para(2, "Rapportens titel: Uppföljning för 2021 av den sjukvårdsregionala cancerplanen för 2019–2021."),
				para(2, "Rapporten utgiven av: RCC Norr"),
				para(2, "Bilaga 1.1 Uppföljningsrapport från Region Västerbotten ........ 9"),
			},
			want: want{"Uppföljning för 2021 av den sjukvårdsregionala cancerplanen för 2019–2021", "RCC Norr", "RCC Norr", "uppfoljning", 2019, 2021, 2021},
		},
		{
			name: "one-year plan: the title's single year is the period, dates elsewhere are not",
			blocks: []rccplans.Block{
				heading(1, 1, "Aktivitetsplan cancer 2025"),
				para(1, "Region Östergötland"),
				para(1, "Beslutad av regionstyrelsen 2024-11-20."),
			},
			want: want{"Aktivitetsplan cancer 2025", "Region Östergötland", "RCC Sydöst", "aktivitetsplan", 2025, 2025, 0},
		},
		{
			name: "RCC Sydöst is not RCC Syd; region gives nothing more",
			blocks: []rccplans.Block{
				heading(1, 1, "Regional cancerplan 2024–2026"),
				para(1, "Regionalt cancercentrum sydöst"),
			},
			want: want{"Regional cancerplan 2024–2026", "RCC Sydöst", "RCC Sydöst", "cancerplan", 2024, 2026, 0},
		},
		{
			name: "RCC from the region when nothing names it",
			blocks: []rccplans.Block{
				heading(1, 1, "Handlingsplan för cancervården i Region Jämtland Härjedalen 2023–2025"),
			},
			want: want{"Handlingsplan för cancervården i Region Jämtland Härjedalen 2023–2025", "Region Jämtland Härjedalen", "RCC Norr", "handlingsplan", 2023, 2025, 0},
		},
		{
			name:   "nothing known",
			blocks: []rccplans.Block{para(1, "Protokoll")},
			want:   want{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &rccplans.Document{}
			meta(&rccplans.Layout{Blocks: tt.blocks}, doc)
			got := want{doc.Title, doc.Region, doc.RCC, doc.Kind, doc.PeriodFrom, doc.PeriodTo, doc.FollowUpYear}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// table builds a table block from a header and rows of cell texts.
func table(page int, header []string, rows ...[]string) rccplans.Block {
	tb := &rccplans.Table{}
	if header != nil {
		tb.Header = [][]string{header}
	}
	for _, r := range rows {
		var cells []rccplans.Cell
		for _, c := range r {
			cells = append(cells, rccplans.Cell{Text: c})
		}
		tb.Rows = append(tb.Rows, rccplans.Row{Page: page, Cells: cells})
	}
	return rccplans.Block{Kind: rccplans.BlockTable, Page: page, Table: tb}
}

func TestDocumentRecords(t *testing.T) {
	type rec struct{ chapter, section, goal, activity, status string }
	hdr := []string{"Mål", "Aktivitet", "Ansvarig", "Status"}
	tests := []struct {
		name   string
		blocks []rccplans.Block
		want   []rec
	}{
		{
			name: "template table before the chapters; repeated header row",
			blocks: []rccplans.Block{
				heading(1, 1, "Handlingsplan 2022–2024"),
				table(1, hdr, []string{"Här står målet", "Här står aktiviteten", "Vem", "• Ej påbörjad • Påbörjad • Klar"}),
				heading(2, 1, "1. Prevention"),
				table(2, hdr, []string{"Mål A", "Akt A", "VC", "Påbörjad"}, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, []string{"Mål A", "Akt B", "VC", "Klar"}),
			},
			want: []rec{{"1. Prevention", "", "Mål A", "Akt A", "in_progress"}, {"1. Prevention", "", "Mål A", "Akt B", "done"}},
		},
		{
			name: "template table without a status list, before the chapters",
			blocks: []rccplans.Block{
				heading(1, 1, "Handlingsplan 2022–2024"),
				table(1, hdr, []string{"Här står målet", "Här står aktiviteten", "Vem", "Status"}),
				heading(2, 1, "1. Prevention"),
				table(2, hdr, []string{"Mål A", "Akt A", "VC", "Påbörjad"}),
			},
			want: []rec{{"1. Prevention", "", "Mål A", "Akt A", "in_progress"}},
		},
		{
			name: "wrapper heading, chapters with and without sections, sub-heading row in a table",
			blocks: []rccplans.Block{
				heading(0, 1, "Aktivitetsplan 2024 - 2026"),
				heading(0, 2, "AKTIVITETSPLAN"),
				heading(0, 3, "PREVENTION"),
				heading(0, 4, "SCREENING"),
				table(0, hdr, []string{"1. Mål A", "Akt A", "VC", ""}),
				table(0, hdr, []string{"SUB-RUBRIK", "", "", ""}, []string{"2. Mål B", "Akt B", "VC", "Pågående"}),
				heading(0, 2, "FORSKNING"),
				table(0, hdr, []string{"3. Mål C", "Akt C", "VC", ""}),
			},
			want: []rec{
				{"PREVENTION", "SCREENING", "Mål A", "Akt A", ""},
				{"PREVENTION", "SUB-RUBRIK", "Mål B", "Akt B", "in_progress"},
				{"FORSKNING", "", "Mål C", "Akt C", ""},
			},
		},
		{
			name: "numeric table is not a plan table; header wrapped over two rows",
			blocks: []rccplans.Block{
				heading(1, 1, "Kapitel 1"),
				table(1, []string{"", "2020", "2021"}, []string{"Riket", "73 %", "75 %"}),
				{Kind: rccplans.BlockTable, Page: 2, Table: &rccplans.Table{
					Header: [][]string{{"Mål", "Aktiviteter för", "Uppfölj-"}, {"", "måluppfyllelse", "ning*"}},
					Rows:   []rccplans.Row{{Page: 2, Cells: []rccplans.Cell{{Text: "Mål D"}, {Text: "Akt D"}, {Text: "P"}}}},
				}},
			},
			want: []rec{{"Kapitel 1", "", "Mål D", "Akt D", "in_progress"}},
		},
	}
	act := []string{"Åtgärd", "Ansvarig", "Klart senast", "Status"}
	tests = append(tests, []struct {
		name   string
		blocks []rccplans.Block
		want   []rec
	}{
		{
			name: "numbered goal sentences as headings over tables without a goal column",
			blocks: []rccplans.Block{
				heading(1, 1, "Handlingsplan 2026–2027"),
				heading(1, 2, "1. Tillgänglighet"),
				heading(1, 3, "1.1 Alla vårdcentraler ska ha ett cancerombud."),
				table(1, act, []string{"Utse ombud", "VC", "2026", "Pågår"}),
				table(2, act, []string{"Utbilda ombud", "VC", "2026", "Klar"}),
				heading(2, 3, "1.2 Ledtiden ska halveras jämfört med 2023."),
				table(2, act, []string{"Kartlägga flödet", "RPO", "2027", "Ej startad"}),
			},
			want: []rec{
				{"1. Tillgänglighet", "", "Alla vårdcentraler ska ha ett cancerombud.", "Utse ombud", "in_progress"},
				{"1. Tillgänglighet", "", "Alla vårdcentraler ska ha ett cancerombud.", "Utbilda ombud", "done"},
				{"1. Tillgänglighet", "", "Ledtiden ska halveras jämfört med 2023.", "Kartlägga flödet", "not_started"},
			},
		},
		{
			name: "goal rows across a table without a goal column",
			blocks: []rccplans.Block{
				heading(1, 1, "Handlingsplan 2026–2027"),
				heading(1, 2, "Tillgänglighet"),
				table(1, act,
					[]string{"1.1 Alla vårdcentraler ska ha ett cancerombud.", "1.1 Alla vårdcentraler ska ha ett cancerombud.", "1.1 Alla vårdcentraler ska ha ett cancerombud.", "1.1 Alla vårdcentraler ska ha ett cancerombud."},
					[]string{"Utse ombud", "VC", "2026", "Pågår"},
					[]string{"Mål 1.2: Ledtiden ska halveras", "", "", ""},
					[]string{"Kartlägga flödet", "RPO", "2027", "Ej startad"}),
			},
			want: []rec{
				{"Tillgänglighet", "", "Alla vårdcentraler ska ha ett cancerombud.", "Utse ombud", "in_progress"},
				{"Tillgänglighet", "", "Ledtiden ska halveras", "Kartlägga flödet", "not_started"},
			},
		},
		{
			name: "numbered headings that are no goal sentence, or over a goal column, stay sections",
			blocks: []rccplans.Block{
				heading(1, 1, "Handlingsplan 2026–2027"),
				heading(1, 2, "1. Tillgänglighet"),
				heading(1, 3, "1.1 Screening"),
				table(1, act, []string{"Utse ombud", "VC", "2026", "Pågår"}),
				heading(1, 3, "1.2 Alla vårdcentraler ska ha ett cancerombud."),
				table(1, hdr, []string{"Mål E", "Akt E", "VC", "Klar"}),
			},
			want: []rec{
				{"1. Tillgänglighet", "1.1 Screening", "", "Utse ombud", "in_progress"},
				{"1. Tillgänglighet", "1.2 Alla vårdcentraler ska ha ett cancerombud.", "Mål E", "Akt E", "done"},
			},
		},
	}...)
	sized := func(size float64, text string) rccplans.Block {
		return rccplans.Block{Kind: rccplans.BlockHeading, Page: 1, Size: size, Bold: true, Text: text}
	}
	tests = append(tests, struct {
		name   string
		blocks []rccplans.Block
		want   []rec
	}{
		name: "unranked headings ranked by size; another region's header words",
		blocks: []rccplans.Block{
			sized(20, "Regional handlingsplan 2025–2027"),
			sized(16, "Tidig upptäckt"),
			sized(13, "Screening"),
			table(1, []string{"Fokusområde", "Delmål", "Åtgärder", "Ansvarig", "Tidplan", "Status/kommentar"},
				[]string{"Screening", "Öka deltagandet", "Påminnelser", "VC", "2026", "Pågår, klart 2026"}),
			sized(13, "Prostata"),
			table(1, []string{"Fokusområde", "Delmål", "Åtgärder", "Ansvarig", "Tidplan", "Status/kommentar"},
				[]string{"OPT", "Införa OPT", "Pilot", "RPO", "2025", "Ej startad"}),
		},
		want: []rec{{"Tidig upptäckt", "Screening", "Öka deltagandet", "Påminnelser", "in_progress"}, {"Tidig upptäckt", "Prostata", "Införa OPT", "Pilot", "not_started"}},
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document(&rccplans.Layout{SourceFile: "x", Blocks: tt.blocks})
			var got []rec
			for _, r := range doc.Records {
				got = append(got, rec{r.Chapter, r.Section, r.Goal, r.Activity, r.Status})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d records %+v, want %+v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("record %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestCompletedGoals(t *testing.T) {
	blocks := []rccplans.Block{
		heading(0, 1, "Aktivitetsplan 2024 - 2026"),
		heading(0, 2, "KAPITEL"),
		table(0, []string{"Målbild", "Planerade aktiviteter"}, []string{"1. Mål A", "Akt A"}),
		heading(0, 2, "Bilaga 1."),
		heading(0, 3, "Revidering 2025–11"),
		heading(0, 4, "Mål som är avklarade eller inte längre relevanta:"),
		para(0, "1. Region inför samtal. Infört.\n5. Screeningprogram för tjock-och ändtarmscancer."),
		heading(0, 2, "Övrigt"),
		para(0, "3. Inte ett mål."),
	}
	doc := Document(&rccplans.Layout{Blocks: blocks})
	if len(doc.Records) != 3 {
		t.Fatalf("got %d records: %+v", len(doc.Records), doc.Records)
	}
	c := doc.Records[1]
	if c.GoalNumber != "1" || c.Goal != "Region inför samtal. Infört." || c.Status != rccplans.StatusDone ||
		c.Chapter != "Bilaga 1." || c.Section != "Mål som är avklarade eller inte längre relevanta" {
		t.Errorf("completed goal: %+v", c)
	}
	if doc.Records[2].GoalNumber != "5" {
		t.Errorf("second completed goal: %+v", doc.Records[2])
	}
}

func FuzzDocument(f *testing.F) {
	f.Add("3.c.ii) Screening", "5. Region X uppfyller", "Ansvar: VC Status: Påbörjad", "VC 2022–2024")
	f.Add("", "", "", "")
	f.Add("4.a.) ", "12)", "Status: Ansvar:", "Q2")
	f.Fuzz(func(t *testing.T, area, goal, state, resp string) {
		l := &rccplans.Layout{Blocks: []rccplans.Block{
			heading(1, 1, goal),
			table(1, []string{"Område", "Mål", "Nuläge och ansvar", "Ansvarig-Tidsram"}, []string{area, goal, state, resp}),
		}}
		doc := Document(l)
		for _, w := range doc.Warnings {
			if strings.Contains(w.Message, "internal error") {
				t.Fatalf("panic: %s", w.Message)
			}
		}
	})
}

func TestTimeInResponsible(t *testing.T) {
	hdr := []string{"Mål", "Aktivitet", "Ansvarig", "Tidsplan"}
	tests := []struct {
		row        []string
		resp, time string
	}{
		{[]string{"M", "A", "VC BFM 2023", ""}, "VC BFM", "2023"},
		{[]string{"M", "A", "Processledare Löpande", ""}, "Processledare", "Löpande"},
		{[]string{"M", "A", "VC BFM 2023", "2024"}, "VC BFM 2023", "2024"},
		{[]string{"M", "A", "Enligt beslut 2023 års plan", ""}, "Enligt beslut 2023 års plan", ""},
		{[]string{"M", "A", "2023", ""}, "2023", ""},
	}
	for _, tt := range tests {
		t.Run(tt.row[2], func(t *testing.T) {
			doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{table(1, hdr, tt.row)}})
			if len(doc.Records) != 1 {
				t.Fatalf("%d records", len(doc.Records))
			}
			r := doc.Records[0]
			if r.Responsible != tt.resp || r.Timeframe != tt.time {
				t.Errorf("got %q, %q; want %q, %q", r.Responsible, r.Timeframe, tt.resp, tt.time)
			}
		})
	}
}

func TestRCCIn(t *testing.T) {
	tests := map[string]string{
		"enligt RCC Mellansverige":                "RCC Mellansverige",
		"RCC Syds cancerplan":                     "RCC Syd",
		"RCC Syd.":                                "RCC Syd",
		"RCC Sydöst":                              "RCC Sydöst",
		"Regionalt cancercentrum sydöst":          "RCC Sydöst",
		"RCC Stockholm-Gotland":                   "RCC Stockholm Gotland",
		"Regionalt cancercentrum väst":            "RCC Väst",
		"rcc norr och RCC Väst":                   "RCC Norr",
		"Regional cancerplan för Västra Götaland": "",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := rccIn(in); got != want {
				t.Errorf("rccIn(%q) = %q, want %q", in, got, want)
			}
			if got := rccIn(in + " RCC Sydöst"); want == "" && got != "RCC Sydöst" {
				t.Errorf("Sydöst after %q read as %q", in, got)
			}
		})
	}
}

func TestRestoreHyphens(t *testing.T) {
	l := &rccplans.Layout{Blocks: []rccplans.Block{
		para(1, "Representanter för huvud-halscancer och patient-och närstående; SVF-samordnare."),
	}}
	vocab := hyphenated(l)
	tests := []struct{ in, want string }{
		{"lungcancer och huvudhalscancer samt", "lungcancer och huvud-halscancer samt"},
		{"patientoch närstående", "patient-och närstående"},
		{"SVFsamordnare", "SVFsamordnare"},
		{"huvudhalscancern", "huvudhalscancern"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := restoreHyphens(tt.in, vocab); got != tt.want {
				t.Errorf("restoreHyphens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKindOf(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Uppföljning av handlingsplan för cancervården 2021", rccplans.KindUppfoljning},
		{"Handlingsplan cancer 2025–2027 med uppföljning", rccplans.KindHandlingsplan},
		{"Aktivitetsplan 2025 samt uppföljning 2024", rccplans.KindAktivitetplan},
		{"Handlingsplan inklusive årlig uppföljning", rccplans.KindHandlingsplan},
		{"Lägesrapport och handlingsplan cancer 2026", rccplans.KindHandlingsplan},
		{"Regional cancerplan 2023–2026", rccplans.KindCancerplan},
		{"Årsrapport", ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := kindOf(tt.title); got != tt.want {
				t.Errorf("kindOf(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

// TestAreaBands: a row across a table without an Område column (kept in
// the table, or split off by the reader as a Band heading) names the area
// of the rows under it; it is no record, and with an area column, or as a
// sentence, it is what it was before (a heading, a goal row, a record).
func TestAreaBands(t *testing.T) {
	type rec struct{ chapter, section, areaCode, area, goal, activity string }
	hdr := []string{"Mål", "Aktivitet", "Ansvarig", "Status"}
	withArea := []string{"Område", "Mål", "Aktivitet", "Status"}
	band := func(page, level int, text string) rccplans.Block {
		b := heading(page, level, text)
		b.Band = true
		return b
	}
	tests := []struct {
		name   string
		blocks []rccplans.Block
		want   []rec
	}{
		{
			name: "band rows alone in the first cell of a borderless table",
			blocks: []rccplans.Block{
				heading(1, 1, "Aktiviteter 2026"),
				table(1, hdr,
					[]string{"A. Levnadsvanor", "", "", ""},
					[]string{"Mål A", "Akt A", "VC", "Pågår"},
					[]string{"B. Screening och tidig upptäckt", "", "", ""},
					[]string{"Mål B", "Akt B", "VC", "Klar"}),
			},
			want: []rec{{"Aktiviteter 2026", "", "A", "Levnadsvanor", "Mål A", "Akt A"}, {"Aktiviteter 2026", "", "B", "Screening och tidig upptäckt", "Mål B", "Akt B"}},
		},
		{
			name: "a numbered band merged over the row, as a Word table gives it",
			blocks: []rccplans.Block{
				heading(1, 1, "Insatser"),
				table(1, hdr,
					[]string{"1. Förebyggande arbete", "1. Förebyggande arbete", "1. Förebyggande arbete", "1. Förebyggande arbete"},
					[]string{"Mål A", "Akt A", "VC", "Pågår"}),
			},
			want: []rec{{"Insatser", "", "1", "Förebyggande arbete", "Mål A", "Akt A"}},
		},
		{
			name: "band headings split off a ruled table",
			blocks: []rccplans.Block{
				heading(1, 1, "Insatser"),
				table(1, hdr, []string{"Mål A", "Akt A", "VC", "Pågår"}),
				band(1, 3, "2. Tidig upptäckt"),
				table(1, hdr, []string{"Mål B", "Akt B", "VC", "Klar"}),
				band(2, 3, "3.a) Rehabilitering"),
				table(2, hdr, []string{"Mål C", "Akt C", "VC", "Klar"}),
			},
			want: []rec{{"Insatser", "", "", "", "Mål A", "Akt A"}, {"Insatser", "", "2", "Tidig upptäckt", "Mål B", "Akt B"}, {"Insatser", "", "3.a", "Rehabilitering", "Mål C", "Akt C"}},
		},
		{
			name: "a band heading over a table with an area column is a heading",
			blocks: []rccplans.Block{
				heading(1, 1, "Insatser"),
				band(1, 2, "Prevention"),
				table(1, withArea, []string{"Levnadsvanor", "Mål A", "Akt A", "Pågår"}),
			},
			want: []rec{{"Insatser", "Prevention", "", "Levnadsvanor", "Mål A", "Akt A"}},
		},
		{
			name: "a goal sentence alone in the first cell stays a row, footnote marker or not",
			blocks: []rccplans.Block{
				heading(1, 1, "Insatser"),
				table(1, hdr,
					[]string{"Regionen ska genomföra en förstudie för screening. **", "", "", ""},
					[]string{"Mål A", "Akt A", "VC", "Pågår"}),
			},
			want: []rec{{"Insatser", "", "", "", "Regionen ska genomföra en förstudie för screening. **", ""}, {"Insatser", "", "", "", "Mål A", "Akt A"}},
		},
		{
			name: "a merged row in capitals, in the table or split off it, is a sub-heading",
			blocks: []rccplans.Block{
				heading(1, 1, "PREVENTION"),
				table(1, hdr, []string{"SCREENING", "SCREENING", "SCREENING", "SCREENING"}, []string{"Mål A", "Akt A", "VC", "Pågår"}),
				band(1, 3, "REHABILITERING"),
				table(1, hdr, []string{"Mål B", "Akt B", "VC", "Pågår"}),
			},
			want: []rec{{"PREVENTION", "SCREENING", "", "", "Mål A", "Akt A"}, {"PREVENTION", "REHABILITERING", "", "", "Mål B", "Akt B"}},
		},
		{
			name: "a merged mixed-case row is a band",
			blocks: []rccplans.Block{
				heading(1, 1, "Insatser"),
				table(1, hdr, []string{"Levnadsvanor", "Levnadsvanor", "Levnadsvanor", "Levnadsvanor"}, []string{"Mål A", "Akt A", "VC", "Pågår"}),
			},
			want: []rec{{"Insatser", "", "", "Levnadsvanor", "Mål A", "Akt A"}},
		},
		{
			name: "an upper-case row across the table is still a sub-heading",
			blocks: []rccplans.Block{
				heading(1, 1, "PREVENTION"),
				table(1, hdr, []string{"SCREENING", "", "", ""}, []string{"Mål A", "Akt A", "VC", "Pågår"}),
			},
			want: []rec{{"PREVENTION", "SCREENING", "", "", "Mål A", "Akt A"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document(&rccplans.Layout{SourceFile: "x", Blocks: tt.blocks})
			var got []rec
			for _, r := range doc.Records {
				got = append(got, rec{r.Chapter, r.Section, r.AreaCode, r.Area, r.Goal, r.Activity})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d records %+v, want %+v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("record %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestLabelTables: tables printing the column names down the left, one
// record per small table or per run of labels, read as the plan table
// they stand for.
func TestLabelTables(t *testing.T) {
	type rec struct{ goalNumber, goal, activity, responsible, status string }
	card := func(page int, rows ...[]string) rccplans.Block { return table(page, rows[0], rows[1:]...) }
	tests := []struct {
		name   string
		blocks []rccplans.Block
		want   []rec
	}{
		{
			name: "one small table per record",
			blocks: []rccplans.Block{
				heading(1, 1, "1. Tillgänglig vård"),
				card(1, []string{"Mål", "1.1 Alla ska få en vårdplan."}, []string{"Aktivitet", "Ta fram en rutin."}, []string{"Ansvarig", "Chefläkare"}, []string{"Status", "Pågår"}),
				card(1, []string{"Mål", "1.2 Fler ska delta i studier."}, []string{"Aktivitet", "Inrätta en studieenhet."}, []string{"Ansvarig", "FoU-chef"}, []string{"Status", "Klar"}),
			},
			want: []rec{{"1.1", "Alla ska få en vårdplan.", "Ta fram en rutin.", "Chefläkare", "in_progress"}, {"1.2", "Fler ska delta i studier.", "Inrätta en studieenhet.", "FoU-chef", "done"}},
		},
		{
			name: "records in one grid, labels spanning into the values, a record cut by a page break (an empty header row on the next page)",
			blocks: []rccplans.Block{
				heading(1, 1, "Insatser"),
				table(1, []string{"Mål", "Mål A.", "Mål A."},
					[]string{"Aktivitet", "Akt A.", "Akt A."}, []string{"Status", "Pågår", "Pågår"},
					[]string{"Mål", "Mål", "Mål B."}, []string{"Aktivitet", "Aktivitet", "Akt B."}),
				table(2, []string{"", ""}, []string{"Status", "Ej påbörjad"}),
			},
			want: []rec{{"", "Mål A.", "Akt A.", "", "in_progress"}, {"", "Mål B.", "Akt B.", "", "not_started"}},
		},
		{
			name: "a numeric table and a plan table are no label tables",
			blocks: []rccplans.Block{
				heading(1, 1, "Insatser"),
				table(1, []string{"", "2020", "2021"}, []string{"Riket", "73 %", "75 %"}),
				table(1, []string{"Mål", "Aktivitet", "Ansvarig", "Status"}, []string{"Mål C.", "Akt C.", "VC", "Klar"}),
			},
			want: []rec{{"", "Mål C.", "Akt C.", "VC", "done"}},
		},
		{
			name: "two labels are not enough",
			blocks: []rccplans.Block{
				heading(1, 1, "Insatser"),
				table(1, []string{"Mål", "Mål D."}, []string{"Aktivitet", "Akt D."}),
			},
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document(&rccplans.Layout{SourceFile: "x", Blocks: tt.blocks})
			var got []rec
			for _, r := range doc.Records {
				got = append(got, rec{r.GoalNumber, r.Goal, r.Activity, r.Responsible, r.Status})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d records %+v, want %+v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("record %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestTitleWithPeriod: a block naming a kind of plan without a period (a
// menu item, a breadcrumb) is the title only when no block names one with
// its period.
func TestTitleWithPeriod(t *testing.T) {
	para := func(s string) rccplans.Block { return rccplans.Block{Kind: rccplans.BlockParagraph, Text: s} }
	tests := []struct {
		name   string
		blocks []rccplans.Block
		want   string
	}{
		{"menu item before the title", []rccplans.Block{para("4. Handlingsplan"), para("Handlingsplan för cancervården i Region Dalarna 2025–2027"), para("Planen beskriver …")},
			"Handlingsplan för cancervården i Region Dalarna 2025–2027"},
		{"breadcrumb before the title", []rccplans.Block{para("Start Cancervård Handlingsplan"), para("Handlingsplan cancer 2026")}, "Handlingsplan cancer 2026"},
		{"no period anywhere: the first", []rccplans.Block{para("Handlingsplan för cancervården"), para("Region Dalarna")}, "Handlingsplan för cancervården"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := title(tt.blocks); got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPerYear: a status or follow-up column kept once a year under one
// title gives the row the latest year's status; two status cells are not
// the template row that lists the statuses. A Tidplan split by year is
// left alone.
func TestPerYear(t *testing.T) {
	tests := []struct {
		name       string
		header     [][]string
		row        []string
		statusRaw  string
		status     string
		followUp   string
		timeframe  string
		wantRecord bool
	}{
		{"follow-up per year, latest wins",
			[][]string{{"Mål", "Aktivitet", "Uppföljning", "Uppföljning"}, {"Mål", "Aktivitet", "2025", "2026"}},
			[]string{"M", "A", "Pågår", "Avvaktar"}, "Avvaktar", rccplans.StatusOnHold, "", "", true},
		{"years in either order",
			[][]string{{"Mål", "Aktivitet", "Status 2026", "Status 2025"}},
			[]string{"M", "A", "Klar", "Pågår"}, "Klar", rccplans.StatusDone, "", "", true},
		{"one follow-up column keeps its text",
			[][]string{{"Mål", "Aktivitet", "Uppföljning"}},
			[]string{"M", "A", "P"}, "P", rccplans.StatusInProgress, "P", "", true},
		{"a template row is still one cell listing the statuses",
			[][]string{{"Mål", "Aktivitet", "Status"}},
			[]string{"M", "A", "Ej påbörjad / Pågår / Klar"}, "", "", "", "", false},
		{"a Tidplan per year is no status",
			[][]string{{"Mål", "Aktivitet", "Tidplan", "Tidplan"}, {"Mål", "Aktivitet", "2025", "2026"}},
			[]string{"M", "A", "X", ""}, "", "", "", "X", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := &rccplans.Table{Header: tt.header, Rows: []rccplans.Row{{Page: 1}}}
			for _, c := range tt.row {
				tab.Rows[0].Cells = append(tab.Rows[0].Cells, rccplans.Cell{Text: c})
			}
			doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{{Kind: rccplans.BlockTable, Page: 1, Table: tab}}})
			if len(doc.Records) != 1 {
				if tt.wantRecord {
					t.Fatalf("%d records, want 1", len(doc.Records))
				}
				return
			}
			if !tt.wantRecord {
				t.Fatalf("a record from a template row: %+v", doc.Records[0])
			}
			r := doc.Records[0]
			if r.StatusRaw != tt.statusRaw || r.Status != tt.status || r.FollowUp != tt.followUp || r.Timeframe != tt.timeframe {
				t.Errorf("status %q/%q follow-up %q time %q; want %q/%q %q %q", r.StatusRaw, r.Status, r.FollowUp, r.Timeframe, tt.statusRaw, tt.status, tt.followUp, tt.timeframe)
			}
		})
	}
}

// TestAreaAsGoal: a column whose title names the area holds the goals
// when the table has no goal column and its cells are sentences; names
// stay the area.
func TestAreaAsGoal(t *testing.T) {
	tests := []struct {
		name       string
		header     []string
		cells      []string // the first column, one per row
		area, goal string   // of the first record
	}{
		{"sentences in a Målområde", []string{"Målområde", "Insats", "Status"},
			[]string{"Hälsosamtal för 40-åringar ska omfatta frågor om cancer.", "Väntetiderna till behandling ska halveras till 2027."},
			"", "Hälsosamtal för 40-åringar ska omfatta frågor om cancer."},
		{"names in a Målområde", []string{"Målområde", "Insats", "Status"},
			[]string{"Prevention", "Tidig upptäckt av cancer"},
			"Prevention", ""},
		{"an area beside a goal column stays the area", []string{"Område", "Mål", "Insats"},
			[]string{"Alla patienter ska erbjudas en kontaktsjuksköterska.", "Väntetiderna till behandling ska halveras till 2027."},
			"Alla patienter ska erbjudas en kontaktsjuksköterska.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rows [][]string
			for _, c := range tt.cells {
				row := make([]string, len(tt.header))
				row[0], row[len(row)-1] = c, "Pågår"
				row[1] = "Starta en grupp för prehabilitering."
				if tt.header[1] == "Mål" {
					row[2] = row[1]
					row[1] = "Målet för raden."
				}
				rows = append(rows, row)
			}
			doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{table(1, tt.header, rows...)}})
			if len(doc.Records) != len(tt.cells) {
				t.Fatalf("%d records", len(doc.Records))
			}
			r := doc.Records[0]
			goal := r.Goal
			if tt.header[1] == "Mål" {
				goal = "" // the goal column's own text
			}
			if r.Area != tt.area || goal != tt.goal {
				t.Errorf("area %q goal %q; want %q, %q", r.Area, goal, tt.area, tt.goal)
			}
		})
	}
}

// TestRemarkRows: a labelled remark printed across a table ("Kommentar:
// …"), which a reader may give as a heading between two parts of the
// table, is no section of the rows below it; a heading is.
func TestRemarkRows(t *testing.T) {
	hdr := []string{"Mål", "Aktivitet", "Status"}
	tests := []struct {
		heading string
		section string
	}{
		{"Kommentar: Finansieringen är inte beslutad.", ""},
		{"Anm. Gäller även privata vårdgivare", ""},
		{"Obs! Ny tidplan", ""},
		{"Kommunikation och samverkan", "Kommunikation och samverkan"},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{
				{Kind: rccplans.BlockHeading, Page: 1, Level: 1, Text: "1. Prevention"},
				table(1, hdr, []string{"M1", "A1", "Pågår"}),
				{Kind: rccplans.BlockHeading, Page: 1, Level: 2, Text: tt.heading},
				table(1, hdr, []string{"M2", "A2", "Klar"}),
			}})
			if len(doc.Records) != 2 {
				t.Fatalf("%d records", len(doc.Records))
			}
			if got := doc.Records[1].Section; got != tt.section {
				t.Errorf("section %q, want %q", got, tt.section)
			}
		})
	}
}

// TestSeveralRegions: an RCC's follow-up page that keeps the site's menu
// of RCCs and has a heading per region it reports on: the publisher is
// the RCC the text names, not the menu's first; no region issues it; the
// sections under a region's heading report on that region.
func TestSeveralRegions(t *testing.T) {
	p := func(s string) rccplans.Block { return rccplans.Block{Kind: rccplans.BlockParagraph, Text: s} }
	h := func(lvl int, s string) rccplans.Block {
		return rccplans.Block{Kind: rccplans.BlockHeading, Level: lvl, Text: s}
	}
	l := &rccplans.Layout{Blocks: []rccplans.Block{
		p("RCC Norr"), p("RCC Väst"), p("RCC Sydöst"),
		h(1, "Uppföljning 2025 av den regionala cancerplanen 2024–2027"),
		p("Regionalt cancercentrum sydöst följer upp hur regionerna arbetar."),
		h(2, "Region Jönköpings län"),
		h(3, "1.1 Kontaktsjuksköterskor"), p("Andelen ökar."),
		h(2, "Region Kalmar län"),
		h(3, "2.1 Screening"), p("Deltagandet är 71 procent."),
	}}
	doc := Document(l)
	if doc.RCC != "RCC Sydöst" || doc.Region != "RCC Sydöst" {
		t.Errorf("rcc %q region %q, want RCC Sydöst for both", doc.RCC, doc.Region)
	}
	want := map[string]string{"1.1": "Region Jönköpings län", "2.1": "Region Kalmar län"}
	if len(doc.Sections) != len(want) {
		t.Fatalf("%d sections", len(doc.Sections))
	}
	for _, s := range doc.Sections {
		if s.Region != want[s.Number] {
			t.Errorf("section %s region %q, want %q", s.Number, s.Region, want[s.Number])
		}
	}
}

// TestPerActivity: a row whose activities are a list in one cell and
// whose statuses are a parallel list gives a record per activity; a
// status cell that lists the statuses beside one activity is still the
// template row; mismatched counts stay one record.
func TestPerActivity(t *testing.T) {
	hdr := []string{"Mål", "Aktiviteter", "Ansvar", "Status per aktivitet"}
	tests := []struct {
		name       string
		activity   string
		status     string
		activities []string
		statuses   []string
	}{
		{"one status per activity", "Kartlägga behoven. Införa bokning.", "Igångsatt Färdigställd",
			[]string{"Kartlägga behoven.", "Införa bokning."}, []string{"in_progress", "done"}},
		{"the same status twice", "Kartlägga behoven. Införa bokning.", "Ej påbörjad Ej påbörjad",
			[]string{"Kartlägga behoven.", "Införa bokning."}, []string{"not_started", "not_started"}},
		{"a template row", "Beskriv aktiviteten.", "Ej påbörjad / Påbörjad / Klar", nil, nil},
		{"more statuses than activities", "Kartlägga behoven och införa bokning.", "Ej påbörjad Pågår",
			nil, nil},
		{"one status", "Kartlägga behoven. Införa bokning.", "Pågår",
			[]string{"Kartlägga behoven. Införa bokning."}, []string{"in_progress"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{table(1, hdr, []string{"Målet", tt.activity, "FoU", tt.status})}})
			var acts, sts []string
			for _, r := range doc.Records {
				acts, sts = append(acts, r.Activity), append(sts, r.Status)
				if r.Goal != "Målet" || r.Responsible != "FoU" {
					t.Errorf("goal %q responsible %q not repeated", r.Goal, r.Responsible)
				}
			}
			if !reflect.DeepEqual(acts, tt.activities) || !reflect.DeepEqual(sts, tt.statuses) {
				t.Errorf("activities %q statuses %q; want %q %q", acts, sts, tt.activities, tt.statuses)
			}
		})
	}
}

// TestHierarchyColumn: one column holding the plan's levels one under
// the other ("Område / Mål / Delmål / Aktivitet"): the lines alone in it
// set the area (by its code), the goal (by its number) and the Delmål
// (by its label, the target under a goal); each activity row takes them,
// without its list sign; a new goal clears the Delmål above it.
func TestHierarchyColumn(t *testing.T) {
	hdr := []string{"Område / Mål / Delmål / Aktivitet", "Ansvarig", "Tid", "Status"}
	rows := [][]string{
		{"1. Levnadsvanor", "", "", ""},
		{"1.1 Alla patienter ska erbjudas en vårdplan.", "", "", ""},
		{"Delmål: Minst 70 % senast 2026", "", "", ""},
		{"– Följa upp andelen.", "FoU", "2027", "Pågår"},
		{"– Ta fram en mall.", "Chef", "2026", "Klar"},
		{"1.2 Väntetiderna ska minska.", "", "", ""},
		{"– Mäta ledtider.", "Samordnare", "2026", "Pågår"},
		{"2. Palliativ vård", "", "", ""},
		{"2.1 Alla ska ha en plan.", "", "", ""},
		{"Delmål: 90 %", "", "", ""},
		{"• Utbilda personal.", "Chef", "2027", "Ej påbörjad"},
	}
	type rec struct{ areaCode, area, num, goal, target, activity, responsible string }
	want := []rec{
		{"1", "Levnadsvanor", "1.1", "Alla patienter ska erbjudas en vårdplan.", "Minst 70 % senast 2026", "Följa upp andelen.", "FoU"},
		{"1", "Levnadsvanor", "1.1", "Alla patienter ska erbjudas en vårdplan.", "Minst 70 % senast 2026", "Ta fram en mall.", "Chef"},
		{"1", "Levnadsvanor", "1.2", "Väntetiderna ska minska.", "", "Mäta ledtider.", "Samordnare"},
		{"2", "Palliativ vård", "2.1", "Alla ska ha en plan.", "90 %", "Utbilda personal.", "Chef"},
	}
	doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{table(1, hdr, rows...)}})
	var got []rec
	for _, r := range doc.Records {
		got = append(got, rec{r.AreaCode, r.Area, r.GoalNumber, r.Goal, r.Target, r.Activity, r.Responsible})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records\n got %+v\nwant %+v", got, want)
	}
	// a title with one level is an ordinary column
	if h := hierarchyOf([]string{"Mål", "Aktivitet"}); h != nil {
		t.Errorf("hierarchy in a plain header: %+v", h)
	}
	if h := hierarchyOf([]string{"Mål/Aktivitet", "Ansvarig"}); h == nil || h.leaf() != rccplans.ColActivity {
		t.Errorf("Mål/Aktivitet: %+v", h)
	}
}

// TestMergedAcross: a cell merged across two columns, copied by the
// reader into both, belongs to the first; merged down a column it is
// each row's; a band across every column is no record.
func TestMergedAcross(t *testing.T) {
	hdr := []string{"Mål", "Nuläge", "Målnivå", "Aktivitet"}
	tab := &rccplans.Table{Header: [][]string{hdr}, Rows: []rccplans.Row{
		{Page: 1, Cells: []rccplans.Cell{{Text: "M1"}, {Text: "88 procent"}, {Text: "88 procent", Spanned: true}, {Text: "A1"}}},
		{Page: 1, Cells: []rccplans.Cell{{Text: "M1", Spanned: true}, {Text: "88 procent", Spanned: true}, {Text: "88 procent", Spanned: true}, {Text: "A2"}}},
		{Page: 1, Cells: []rccplans.Cell{{Text: "M2"}, {Text: "Saknas"}, {Text: "90 procent"}, {Text: "A3"}}},
	}}
	doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{{Kind: rccplans.BlockTable, Page: 1, Table: tab}}})
	type rec struct{ goal, state, target, activity string }
	var got []rec
	for _, r := range doc.Records {
		got = append(got, rec{r.Goal, r.CurrentState, r.Target, r.Activity})
	}
	want := []rec{{"M1", "88 procent", "", "A1"}, {"M1", "88 procent", "", "A2"}, {"M2", "Saknas", "90 procent", "A3"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records\n got %+v\nwant %+v", got, want)
	}
}

// TestRemarksInFollowUp: in a follow-up report a "Kommentar" column is
// the follow-up's text; in a plan it has no field.
func TestRemarksInFollowUp(t *testing.T) {
	hdr := []string{"Mål", "Aktivitet", "Status", "Kommentar"}
	for _, tt := range []struct {
		title, want string
	}{
		{"Uppföljning 2025 av handlingsplanen för cancervården 2024–2026", "Klart enligt plan."},
		{"Handlingsplan för cancervården 2024–2026", ""},
	} {
		t.Run(tt.title, func(t *testing.T) {
			doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{
				heading(1, 1, tt.title),
				table(1, hdr, []string{"M", "A", "Klar", "Klart enligt plan."}),
			}})
			if len(doc.Records) != 1 {
				t.Fatalf("%d records", len(doc.Records))
			}
			if got := doc.Records[0].FollowUp; got != tt.want {
				t.Errorf("follow_up %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEmptyPlanWarns: an action plan from which no record comes is said
// so in a warning; a follow-up report with sections and a plan with
// records are not.
func TestEmptyPlanWarns(t *testing.T) {
	warned := func(doc *rccplans.Document) bool {
		for _, w := range doc.Warnings {
			if strings.Contains(w.Message, "no plan table found") {
				return true
			}
		}
		return false
	}
	title := heading(1, 1, "Handlingsplan för cancervården 2026–2027")
	empty := Document(&rccplans.Layout{SourceFile: "x.pdf", Blocks: []rccplans.Block{title, para(1, "Aktivitet Ansvarig Status Mål 1 Chef Pågår")}})
	if !warned(empty) {
		t.Errorf("no warning for a plan without records: %+v", empty.Warnings)
	}
	full := Document(&rccplans.Layout{SourceFile: "x.pdf", Blocks: []rccplans.Block{title, table(1, []string{"Mål", "Aktivitet", "Status"}, []string{"M", "A", "Pågår"})}})
	if warned(full) {
		t.Errorf("a warning for a plan with records: %+v", full.Warnings)
	}
	report := Document(&rccplans.Layout{SourceFile: "x.pdf", Blocks: []rccplans.Block{
		heading(1, 1, "Uppföljning 2025 av handlingsplanen"), heading(1, 2, "1.1 Screening"), para(1, "Deltagandet ökar."),
	}})
	if warned(report) {
		t.Errorf("a warning for a follow-up report: %+v", report.Warnings)
	}
}

// TestHierarchyTitleSplit: a reader that put the head of the hierarchy
// column's title above the table ("Område / Mål / Delmål /" over
// "Aktivitet") and repeats both on the next page: the head is the
// title's, no heading, and the levels go on over the page.
func TestHierarchyTitleSplit(t *testing.T) {
	head := rccplans.Block{Kind: rccplans.BlockHeading, Page: 1, Level: 2, Text: "Område / Mål / Delmål /"}
	hdr := []string{"Aktivitet", "Ansvarig", "Status"}
	doc := Document(&rccplans.Layout{Blocks: []rccplans.Block{
		heading(1, 1, "Mål och åtgärder"),
		head,
		table(1, hdr, []string{"1. Levnadsvanor", "", ""}, []string{"1.1 Alla ska ha en plan.", "", ""}, []string{"– Följa upp.", "FoU", "Pågår"}),
		head,
		table(2, hdr, []string{"– Ta fram en mall.", "Chef", "Klar"}),
	}})
	if len(doc.Records) != 2 {
		t.Fatalf("%d records", len(doc.Records))
	}
	for _, r := range doc.Records {
		if r.AreaCode != "1" || r.GoalNumber != "1.1" || r.Section != "" || r.Chapter != "Mål och åtgärder" {
			t.Errorf("record %+v: want area 1, goal 1.1, no section, chapter 'Mål och åtgärder'", r)
		}
	}
}
