package normalize

import (
	"os"
	"reflect"
	"testing"

	"rccplans"
	"rccplans/extract"
)

func TestAbbreviations(t *testing.T) {
	para := func(s string) rccplans.Block { return rccplans.Block{Kind: rccplans.BlockParagraph, Text: s} }
	head := func(s string) rccplans.Block { return rccplans.Block{Kind: rccplans.BlockHeading, Text: s} }
	type ab = [2]string
	tests := []struct {
		name   string
		blocks []rccplans.Block
		want   []ab
	}{
		{"colon list under numbered heading", []rccplans.Block{head("1.3 Förkortningar"), para("BMA: biomedicinsk analytiker"), para("PET-DT: positronemissionstomografi, PET")},
			[]ab{{"BMA", "biomedicinsk analytiker"}, {"PET-DT", "positronemissionstomografi, PET"}}},
		{"dash and space forms", []rccplans.Block{head("Förkortningar"), para("KSSK – kontaktsjuksköterska"), para("UmU Umeå universitet"), para("Nus Norrlands universitetssjukhus")},
			[]ab{{"KSSK", "kontaktsjuksköterska"}, {"UmU", "Umeå universitet"}, {"Nus", "Norrlands universitetssjukhus"}}},
		{"entries run together by a page break", []rccplans.Block{head("Förkortningar"), para("MDK: multidisciplinär konferens MR: magnetisk resonanstomografi")},
			[]ab{{"MDK", "multidisciplinär konferens"}, {"MR", "magnetisk resonanstomografi"}}},
		{"list ends at the next heading", []rccplans.Block{para("Förkortningar"), para("SVF: standardiserade vårdförlopp"), head("2. Prevention"), para("RCC: inte här")},
			[]ab{{"SVF", "standardiserade vårdförlopp"}}},
		{"prose under the heading is no entry", []rccplans.Block{head("Förkortningar"), para("Det finns många förkortningar i texten.")}, nil},
		{"no list", []rccplans.Block{para("KSSK: kontaktsjuksköterska")}, nil},
		{"two-column table", []rccplans.Block{head("Förkortningar och begrepp"), {Kind: rccplans.BlockTable, Table: &rccplans.Table{
			Header: [][]string{{"Förkortning", "Betydelse"}},
			Rows:   []rccplans.Row{{Cells: []rccplans.Cell{{Text: "LPO"}, {Text: "lokalt programområde"}}}, {Cells: []rccplans.Cell{{Text: "x"}, {Text: "y"}}}}}}},
			[]ab{{"LPO", "lokalt programområde"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []ab
			for _, a := range abbreviations(&rccplans.Layout{Blocks: tt.blocks}) {
				got = append(got, ab{a.Short, a.Long})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAbbreviationsSeedsAgainstGold: every entry of the seeds'
// Förkortningar lists, and nothing else.
func TestAbbreviationsSeedsAgainstGold(t *testing.T) {
	for _, stem := range []string{"004_ee4b379ee5192dfe", "001_2c1f4fc1918a0a87"} {
		t.Run(stem, func(t *testing.T) {
			g := readGold(t, stem)
			data, err := os.ReadFile("../fixtures/seeds/" + stem + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			l, err := extract.Text(stem+".txt", data)
			if err != nil {
				t.Fatal(err)
			}
			var got, want [][2]string
			for _, a := range abbreviations(l) {
				got = append(got, [2]string{a.Short, a.Long})
			}
			for _, a := range g.Abbreviations {
				want = append(want, [2]string{a.Short, a.Long})
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %q\nwant %q", got, want)
			}
		})
	}
}
