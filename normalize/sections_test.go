package normalize

import (
	"reflect"
	"testing"

	"rccplans"
)

func TestSections(t *testing.T) {
	h := func(level int, s string) rccplans.Block {
		return rccplans.Block{Kind: rccplans.BlockHeading, Level: level, Text: s, Page: 1}
	}
	p := func(s string) rccplans.Block { return rccplans.Block{Kind: rccplans.BlockParagraph, Text: s, Page: 1} }
	type sec struct{ Number, Title, Region, Text string }
	tests := []struct {
		name   string
		blocks []rccplans.Block
		want   []sec
	}{
		{"numbered sections, paragraphs joined by a blank line", []rccplans.Block{
			h(1, "KAPITEL 1"), h(1, "Bakgrund"), h(2, "1.1 Cancerplan"), p("Första stycket."), p("Andra stycket."), h(2, "1.2 Tom rubrik"), h(2, "1.3 Mer"), p("Text."),
		}, []sec{{"1.1", "Cancerplan", "RCC Norr", "Första stycket.\n\nAndra stycket."}, {"1.3", "Mer", "RCC Norr", "Text."}}},
		{"region from the appendix heading, common chapter on the sjukvårdsregion", []rccplans.Block{
			h(1, "KAPITEL 2"), h(2, "2.1 Prevention"), p("Arbetet i norra sjukvårdsregionen går framåt."), h(2, "2.2 Diagnostik"), p("Hela norra sjukvårdsregionen har brist."),
			h(1, "KAPITEL 3"), h(1, "Bilaga 1: rapporter från respektive region"),
			h(2, "Bilaga 1.1 Uppföljningsrapport från Region Västerbotten"), h(3, "1.1.1 Prevention"), p("Regionen arbetar."),
			h(2, "Bilaga 1.2 Uppföljningsrapport från Region Jämtland Härjedalen"), h(3, "1.2.1 Prevention"), p("Också här."),
		}, []sec{
			{"2.1", "Prevention", "Norra sjukvårdsregionen", "Arbetet i norra sjukvårdsregionen går framåt."},
			{"2.2", "Diagnostik", "Norra sjukvårdsregionen", "Hela norra sjukvårdsregionen har brist."},
			{"1.1.1", "Prevention", "Region Västerbotten", "Regionen arbetar."},
			{"1.2.1", "Prevention", "Region Jämtland Härjedalen", "Också här."},
		}},
		{"unnumbered sub-heading stays in the text", []rccplans.Block{
			h(2, "1.3.4 Kompetens"), p("Inledning."), h(0, "Klinisk patologi"), p("Bemannas av regionen."),
		}, []sec{{"1.3.4", "Kompetens", "RCC Norr", "Inledning.\n\nKlinisk patologi\n\nBemannas av regionen."}}},
		{"a chapter heading ends the section", []rccplans.Block{
			h(2, "1.1 Rubrik"), p("Text."), h(1, "KAPITEL 2"), p("Lös text utan avsnitt."),
		}, []sec{{"1.1", "Rubrik", "RCC Norr", "Text."}}},
		{"headings found by their numbers in paragraphs", []rccplans.Block{
			p("2.1 Kontaktsjuksköterska"), p("Alla ska ha en."), p("2 000 patienter fick hjälp under året."),
		}, []sec{{"2.1", "Kontaktsjuksköterska", "RCC Norr", "Alla ska ha en.\n\n2 000 patienter fick hjälp under året."}}},
		{"tables are not section text", []rccplans.Block{
			h(2, "2.5 Kunskapsstyrning"), p("Se Tabell 1."), p("Tabell 1. Andel"), {Kind: rccplans.BlockTable, Table: &rccplans.Table{Header: [][]string{{"", "2020"}}, Rows: []rccplans.Row{{Cells: []rccplans.Cell{{Text: "Riket"}, {Text: "73 %"}}}}}}, p("Källa: X"),
		}, []sec{{"2.5", "Kunskapsstyrning", "RCC Norr", "Se Tabell 1.\n\nTabell 1. Andel\n\nKälla: X"}}},
		{"PDF: a title wrapped into a second heading block", []rccplans.Block{
			{Kind: rccplans.BlockHeading, Level: 2, Size: 14, Page: 3, Text: "Uppföljningsrapport från Region Norrbotten"},
			{Kind: rccplans.BlockHeading, Level: 3, Size: 13, Page: 3, Text: "1.4.1 Kontaktsjuksköterska för samtliga"},
			{Kind: rccplans.BlockHeading, Level: 3, Size: 13, Page: 3, Text: "cancerpatienter"},
			{Kind: rccplans.BlockParagraph, Page: 3, Text: "Finns för alla diagnoser."},
		}, []sec{{"1.4.1", "Kontaktsjuksköterska för samtliga cancerpatienter", "Region Norrbotten", "Finns för alla diagnoser."}}},
	}
	doc := &rccplans.Document{RCC: "RCC Norr", Kind: rccplans.KindUppfoljning, PeriodFrom: 2019, PeriodTo: 2021, FollowUpYear: 2021}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []sec
			for _, s := range sections(&rccplans.Layout{SourceFile: "f.pdf", Blocks: tt.blocks}, doc) {
				got = append(got, sec{s.Number, s.Title, s.Region, s.Text})
				if s.RCC != "RCC Norr" || s.FollowUpYear != 2021 || s.PeriodTo != 2021 || s.SourceFile != "f.pdf" {
					t.Errorf("metadata not copied: %+v", s)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestSectionsOfARegionsOwnReport: a follow-up a region issues about
// itself reports on that region in every section, even where a chapter
// speaks about its sjukvårdsregion.
func TestSectionsOfARegionsOwnReport(t *testing.T) {
	blocks := []rccplans.Block{
		{Kind: rccplans.BlockHeading, Level: 2, Text: "1.1 Prevention"},
		{Kind: rccplans.BlockParagraph, Text: "Arbetet i norra sjukvårdsregionen går framåt; norra sjukvårdsregionen samordnar."},
		{Kind: rccplans.BlockHeading, Level: 2, Text: "1.2 Diagnostik"},
		{Kind: rccplans.BlockParagraph, Text: "Ledtiderna har kortats."},
	}
	tests := []struct {
		name, region, want string
	}{
		{"the region's own report", "Region Norrbotten", "Region Norrbotten"},
		{"the RCC's report: its chapter's sjukvårdsregion", "RCC Norr", "Norra sjukvårdsregionen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &rccplans.Document{Region: tt.region, RCC: "RCC Norr", Kind: rccplans.KindUppfoljning}
			secs := sections(&rccplans.Layout{SourceFile: "f.html", Blocks: blocks}, doc)
			if len(secs) != 2 {
				t.Fatalf("%d sections", len(secs))
			}
			for _, s := range secs {
				if s.Region != tt.want {
					t.Errorf("section %s reports on %q, want %q", s.Number, s.Region, tt.want)
				}
			}
		})
	}
}
