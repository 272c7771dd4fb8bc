package rccplans

import "testing"

// phrases are statuses alone in their text, read alike by StatusOf and
// StatusPhrase: the words, marks and languages plans print.
var phrases = []struct{ in, want string }{
	{"◐", StatusInProgress},
	{"✗", StatusNotStarted},
	{"●", StatusDone},
	{"Ongoing", StatusInProgress},
	{"On hold", StatusOnHold},
	{"Not started", StatusNotStarted},
	{"Klar/Done", StatusDone},
	{"Genomförs", StatusInProgress},
	{"Genomförd", StatusDone},
	{"Uppstartad", StatusInProgress},
	{"Uppstart 2026", StatusNotStarted},
	{"Ej inledd", StatusNotStarted},
	{"Stående uppdrag", StatusInProgress},
	{"I gång", StatusInProgress},
	{"Ej igång", StatusNotStarted},
	{"Avklarad", StatusDone},
	{"Senarelagd", StatusOnHold},
	{"Skjuten till 2027", StatusOnHold},
	{"Vänteläge", StatusOnHold},
	{"Avbruten", ""},
	{"Igångsatt", StatusInProgress},
	{"Färdigställd", StatusDone},
	{"Stoppad", StatusOnHold},
	{"Parkerad", StatusOnHold},
	{"Åtgärdad", StatusDone},
	{"Genomförd delvis", StatusInProgress},
	{"Ej aktuell längre", ""},
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		raw, want string
	}{
		{"Påbörjad", StatusInProgress},
		{"Pågående", StatusInProgress},
		{"Pågår klinisk forskning i regionen", StatusInProgress},
		{"Pågående på onkologen", StatusInProgress},
		{"Arbetet pågår", StatusInProgress},
		{"Ej påbörjad", StatusNotStarted},
		{"Ej Påbörjad", StatusNotStarted},
		{"ej påbörjat arbete", StatusNotStarted},
		{"Uppstart kvartal 1 2026", StatusNotStarted},
		{"Klar", StatusDone},
		{"Klart", StatusDone},
		{"Genomfört", StatusDone},
		{"Genomfört projekt i sjukvårdsregionen", StatusDone},
		{"Infört", StatusDone},
		{"Uppnått mål", StatusDone},
		{"Avvaktar", StatusOnHold},
		{"Avvaktar införandet av nytt system.", StatusOnHold},
		{"Vilande", StatusOnHold},
		{"Inväntar beslut", StatusOnHold},
		{"Löpande", StatusInProgress},
		{"Pågår delvis", StatusInProgress},
		{"U", StatusDone},
		{"P", StatusInProgress},
		{"E", StatusNotStarted},
		{" p. ", StatusInProgress},
		{"U – uppnått", StatusDone},
		{"• Påbörjad", StatusInProgress},
		{"När inte målet på 50% för 2025.", ""},
		{"LPPL har en rollbeskrivning.", ""},
		{"Genomförd", StatusDone},
		{"Genomförd 2025", StatusDone},
		{"Delvis genomförd", StatusInProgress},
		{"Ej startad", StatusNotStarted},
		{"Slutförd", StatusDone},
		{"Slutfört 2025", StatusDone},
		{"Fullföljd", StatusDone},
		{"Utförd", StatusDone},
		{"Försenad", StatusInProgress},
		{"Försenat, ny tidplan 2027", StatusInProgress},
		{"Inte påbörjad", StatusNotStarted},
		{"Avslutad", StatusDone},
		{"Pausad", StatusOnHold},
		{"Planerad", StatusNotStarted},
		{"Grön", StatusDone},
		{"Grönt", StatusDone},
		{"gul", StatusInProgress},
		{"Röd", StatusNotStarted},
		{"Rött.", StatusNotStarted},
		{"✓", StatusDone},
		{"✔", StatusDone},
		{"0 %", StatusNotStarted},
		{"25 %", StatusInProgress},
		{"100%", StatusDone},
		{"62 % (2024)", ""},
		{"● Pågår", StatusInProgress},
		{"● Klar", StatusDone},
		{"Fortlöpande", StatusInProgress},
		{"Grönare vårdmiljö", ""},
		{"Röda dagar undantas", ""},
		{"", ""},
		{"-", ""},
		{"Ej", ""},
		{"2023", ""},
	}
	for _, p := range phrases {
		tests = append(tests, struct{ raw, want string }{p.in, p.want})
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			if got := StatusOf(tt.raw); got != tt.want {
				t.Errorf("StatusOf(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestStatusPhrase(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Ej påbörjad", StatusNotStarted},
		{"Ej påbörjat arbete", StatusNotStarted},
		{"Uppnått mål", StatusDone},
		{"Pågår", StatusInProgress},
		{"Planerad", StatusNotStarted},
		{"Pausad", StatusOnHold},
		{"Delvis genomförd", StatusInProgress},
		{"Genomförd 2025", StatusDone},
		{"Grön", StatusDone},
		{"✓", StatusDone},
		{"• Klart.", StatusDone},
		{"Planera utbildning", ""},
		{"Pågår sedan hösten", ""},
		{"2025 Ej påbörjad", ""}, // a time before the status is another cell
		{"Ej", ""},
		{"P", ""}, // a code is a status only in a column that grades by code
		{"62 % (2024)", ""},
		{"90%", ""}, // a percentage is a target level in text, not a status line
		{"Grönare vårdmiljö", ""},
		{"Genomföra en kampanj", ""},
		{"Genomföra", ""}, // a verb that starts an activity
		{"Löpande", ""},   // alone on a line as often a time as a status
		{"Inväntar beslut", StatusOnHold},
		{"Planera", ""}, // the infinitive, not "Planerad"
		{"Implementerade", StatusDone},
		{"Slutförd", StatusDone},
		{"Försenad", StatusInProgress},
		{"Slutföra utredningen", ""}, // the infinitive starts an activity
		{"", ""},
	}
	tests = append(tests, phrases...)
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := StatusPhrase(tt.in); got != tt.want {
				t.Errorf("StatusPhrase(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
