package rccplans

import "testing"

func TestHeaderKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Uppfölj- ning*", "uppföljning"},
		{"Uppfölj-\nning*", "uppföljning"},
		{"Mätbar\nmålnivå", "mätbar målnivå"},
		{"Ansvarig-Tidsram", "ansvarig-tidsram"},
		{"Hälso- och sjukvård", "hälso- och sjukvård"},
		{"Aktivi\u00adtet", "aktivitet"},
		{"  ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := HeaderKey(tt.in); got != tt.want {
				t.Errorf("HeaderKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestColumnOf(t *testing.T) {
	tests := []struct {
		in   string
		want Column
	}{
		{"Område", ColArea},
		{"Insatsområde", ColArea},
		{"Fokus-\nområde", ColArea},
		{"Målområde", ColArea},
		{"Insatser", ColActivity},
		{"Uppdrag/Mål enligt RCC Mellansverige", ColGoal},
		{"Aktivitet från RCC", ColRCCActivity},
		{"Aktivitet i RV", ColActivity},
		{"Aktivitet i regionen", ColActivity},
		{"Aktiviteter för\nmåluppfyllelse", ColActivity},
		{"Planerade aktiviteter", ColActivity},
		{"Åtgärder", ColActivity},
		{"Ansvarig-Tidsram", ColResponsibleTime},
		{"Ansvarig", ColResponsible},
		{"Tidsplan", ColTimeframe},
		{"Tidplan", ColTimeframe},
		{"När", ColTimeframe},
		{"Status", ColStatus},
		{"Läge", ColStatus},
		{"Nuläge", ColCurrentState},
		{"Mål", ColGoal},
		{"Målbild", ColGoal},
		{"Nuläge", ColCurrentState},
		{"Nuläge och ansvar", ColStateResponsible},
		{"Mätbar målnivå", ColTarget},
		{"Uppfölj- ning*", ColFollowUp},
		{"Uppföljning", ColFollowUp},
		{"Utvärdering", ColEvaluation},
		{"Närstående", ColUnknown},
		{"Nr", ColNumber},
		{"Mål nr", ColNumber},
		{"#", ColNumber},
		{"Ansvar och tidsplan", ColResponsibleTime},
		{"Tidsram/Ansvarig", ColResponsibleTime},
		{"Förväntat resultat", ColTarget},
		{"Uppföljnin g", ColFollowUp},
		{"Tidspl an", ColTimeframe},
		{"Utgångsläge", ColCurrentState},
		{"Läge", ColStatus},
		{"Lägesrapport", ColStatus},
		{"Genomfört (%)", ColStatus},
		{"Klart %", ColStatus},
		{"Genomförd", ColUnknown},
		{"Så här gör vi", ColActivity},
		{"Vem", ColResponsible},
		{"Senast", ColTimeframe},
		{"Klart senast", ColTimeframe},
		{"Fokus", ColArea},
		{"Fokusområde", ColArea},
		{"Genomförs under", ColTimeframe},
		{"Klar år", ColTimeframe},
		{"Period", ColTimeframe},
		{"Statusbedömning", ColStatus},
		{"Status per aktivitet", ColStatus},
		{"Tidsangivelse", ColTimeframe},
		{"Aktivitetsnr", ColNumber},
		{"Goal", ColGoal},
		{"Kommentar 2026", ColFollowUp},
		{"Kommentar", ColUnknown},
		{"Activity / Aktivitet", ColActivity},
		{"Responsible", ColResponsible},
		{"Timeline / Tidplan", ColTimeframe},
		{"Insatsnummer", ColNumber},
		{"Aktivitet nr", ColNumber},
		{"Lägesbedömning", ColStatus},
		{"Område / Mål / Delmål / Aktivitet", ColArea},
		{"2021", ColUnknown},
		{"", ColUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := ColumnOf(tt.in); got != tt.want {
				t.Errorf("ColumnOf(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHeaderScore(t *testing.T) {
	if got := HeaderScore([]string{"Mål", "Nuläge", "Mätbar målnivå", "Aktiviteter"}); got != 4 {
		t.Errorf("plan header scored %d", got)
	}
	if got := HeaderScore([]string{"", "2020", "2021"}); got != 0 {
		t.Errorf("numeric header scored %d", got)
	}
}
