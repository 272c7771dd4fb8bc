package extract

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"rccplans/fixtures"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{
			name: "ATX and setext headings, paragraphs joined, lists",
			src:  "Titel\n=====\n\n## Kapitel ##\n\nEn rad som\nfortsätter här.\n\n- punkt *ett*\n- punkt **två**\n\n3. tredje mål\n10) tionde mål\n\nUnder\n-----\n",
			want: []string{"H1 Titel", "H2 Kapitel", "P En rad som fortsätter här.", "P punkt ett", "P punkt två", "P 3. tredje mål", "P 10. tionde mål", "H2 Under"},
		},
		{
			name: "tab table with HTML cells; caption rows above headers are sub-headings",
			src: "#### AVSNITT\n\nMålbild\tPlanerade aktiviteter\tNuläge och ansvar\n" +
				"1. Mål\t<ul> <li>A.</li> <li>B.</li> </ul>\t<p><b>Ansvar:</b> X.</p> <p>Status: Pågår</p>\n\n" +
				"ANDRA AVSNITTET\t\t\n<b>Målbild</b>\t<b>Planerade aktiviteter</b>\t<b>Nuläge och ansvar</b>\n" +
				"<b>2.</b> Mål två &amp; mer\t\t<b>Ansvar:</b> Y\n" +
				"<b>TREDJE</b>\t\t\n<b>Målbild</b>\t<b>Planerade aktiviteter</b>\t<b>Nuläge och ansvar</b>\n3. Tre\tgör\tZ\n",
			want: []string{
				"H4 AVSNITT",
				"T [Målbild|Planerade aktiviteter|Nuläge och ansvar] {1. Mål|A. B.|Ansvar: X. Status: Pågår}",
				"H4 ANDRA AVSNITTET",
				"T [Målbild|Planerade aktiviteter|Nuläge och ansvar] {2. Mål två & mer||Ansvar: Y}",
				"H4 TREDJE",
				"T [Målbild|Planerade aktiviteter|Nuläge och ansvar] {3. Tre|gör|Z}",
			},
		},
		{
			name: "pipe table, escaped pipe, header repeated in the body dropped",
			src:  "| Mål | Aktivitet | Status |\n|---|:---:|---|\n| a \\| b | gör<br>mer | Klar |\n| Mål | Aktivitet | Status |\n| c | | |\n",
			want: []string{"T [Mål|Aktivitet|Status] {a | b|gör mer|Klar} {c||}"},
		},
		{
			name: "raw HTML table with spans inside markdown",
			src:  "# Plan\n\n<table>\n<tr><th>Område</th><th>Mål</th><th>Status</th></tr>\n<tr><td rowspan=\"2\">1.a) Ett</td><td colspan=\"2\">Brett</td></tr>\n<tr><td>Mål 2</td><td>Klar</td></tr>\n</table>\n\nEfter.\n",
			want: []string{"H1 Plan", "T [Område|Mål|Status] {1.a) Ett|Brett|^Brett} {^1.a) Ett|Mål 2|Klar}", "P Efter."},
		},
		{
			name: "bold line above a table is a sub-heading, links and autolinks read as text",
			src:  "## Kapitel\n\n**REHABILITERING**\n\nMål\tAktivitet\n[Läs](https://x.example/a) mer\t<https://x.example/b>\n",
			want: []string{"H2 Kapitel", "H3 REHABILITERING", "T [Mål|Aktivitet] {Läs mer|https://x.example/b}"},
		},
		{
			name: "an HTML heading line is a heading",
			src:  "<h3 id=\"x\">Avsnitt <b>tre</b></h3>\n\ntext\n",
			want: []string{"H3 Avsnitt tre", "P text"},
		},
		{
			name: "footnote stars and lone asterisks are text",
			src:  "Mål\tStatus\nvårdprogram. **\t5 * 3\n",
			want: []string{"T [Mål|Status] {vårdprogram. **|5 * 3}"},
		},
		{
			name: "pandoc: heading attributes, div fences and a table caption are not text; -- is an en dash",
			src:  "::: {#main .content}\n## Kapitel 5 Vården {#kapitel-5 .x}\n\nÅr {#ar}\n--\n\n: Tabell 1. Vård\n\n| Mål | Tidsplan |\n|:---|:---|\n| a | 2025--2027 |\n\nTable: Tabell 2\n:::\n",
			want: []string{"H2 Kapitel 5 Vården", "H2 År", "T [Mål|Tidsplan] {a|2025–2027}"},
		},
		{
			name: "pandoc definition list: term and definition are one line",
			src:  "## Förkortningar\n\nKSSK\n:   Kontaktsjuksköterska\n\nSVF\n:   Standardiserade vårdförlopp\n\nText före.\nMDK\n:   Multidisciplinär konferens\n",
			want: []string{"H2 Förkortningar", "P KSSK: Kontaktsjuksköterska", "P SVF: Standardiserade vårdförlopp", "P Text före.", "P MDK: Multidisciplinär konferens"},
		},
		{
			name: "grid table: header under +===+, list and line break in cells, a row span left open by the border, a column span",
			src: "+--------+------------+------------+\n" +
				"| Mål    | Aktivitet  | Status     |\n" +
				"+========+============+============+\n" +
				"| Ett    | -   a      | **Klar**   |\n" +
				"| mål    | -   b\\     |            |\n" +
				"|        |     c      |            |\n" +
				"|        +------------+------------+\n" +
				"|        | d          | Pågår      |\n" +
				"+--------+------------+------------+\n" +
				"| Två    | e över två              |\n" +
				"+--------+-------------------------+\n",
			want: []string{"T [Mål|Aktivitet|Status] {Ett mål|a b c|Klar} {^Ett mål|d|Pågår} {Två|e över två|^e över två}"},
		},
		{
			name: "pasted tab table: a cell's lines and blank lines go on with the row until it has its cells; a row missing its first cells (a rowspan) is filled from the row above",
			src: "Område\tMål\tAktivitet\tStatus\n" +
				"1.a) Ett\tFärre ska röka.\t\n\n    Punkt ett.\n    Punkt två.\n\n\tPågår\n" +
				"Skriva en rutin.\tKlar\n" +
				"1.b) Två\tFler ska testas.\tGöra\tKlar\n\n## Nästa\n",
			want: []string{"T [Område|Mål|Aktivitet|Status] {1.a) Ett|Färre ska röka.|Punkt ett. Punkt två.|Pågår} {^1.a) Ett|^Färre ska röka.|Skriva en rutin.|Klar} {1.b) Två|Fler ska testas.|Göra|Klar}", "H2 Nästa"},
		},
		{
			name: "pasted page: lines right above a tab table are blocks of their own (caption dropped, short lines headings, the upper one higher)",
			src: "Tabellerna visar målen.\nKapitel 3 Prevention\nTabell 1. Prevention\nOmråde\tMål\tStatus\n3.a) Ett\tFärre ska röka.\tPågår\n" +
				"Kapitel 5 Vården\nKontaktsjuksköterska\nOmråde\tMål\tStatus\n5.a) Två\tAlla ska ha en.\tKlar\n" +
				"Kapitel 6 Palliativ vård\n6.a) Tre\tFler samtal.\tPågår\n" +
				"Ingen rubrik\n6.b) Fyra\tMer.\tKlar\n",
			want: []string{"P Tabellerna visar målen.", "H1 Kapitel 3 Prevention", "T [Område|Mål|Status] {3.a) Ett|Färre ska röka.|Pågår}",
				"H1 Kapitel 5 Vården", "H2 Kontaktsjuksköterska", "T [Område|Mål|Status] {5.a) Två|Alla ska ha en.|Klar}",
				"H1 Kapitel 6 Palliativ vård", "T {6.a) Tre|Fler samtal.|Pågår}", "P Ingen rubrik", "T {6.b) Fyra|Mer.|Klar}"},
		},
		{
			name: "pandoc multiline and simple tables; a setext heading is not one",
			src: "  ---------------------------------------------------------------\n" +
				"  Område          Mål enligt RCC    Aktivitet i      Status\n" +
				"                                    regionen\n" +
				"  --------------- ----------------- ---------------- ------------\n" +
				"  5.a)            Alla patienter    Kartlägga        **Pågående**\n" +
				"  Kontaktsjuk-    med cancer ska    bemanningen.\n" +
				"  sköterska       ha en.\n" +
				"\n" +
				"  5.b) Min        Min vårdplan ska  Utbilda          Påbörjad\n" +
				"  vårdplan        erbjudas alla.    sköterskor.\n" +
				"                                    2025--2027\n" +
				"  ---------------------------------------------------------------\n" +
				"\n" +
				"  : Tabell 2. Patientens väg\n" +
				"\n" +
				"  Mål      Status\n" +
				"  -------- --------\n" +
				"  Ett      Klar\n" +
				"  Två      Pågår\n" +
				"\n" +
				"Text efter.\n" +
				"\n" +
				"Titel\n" +
				"-----\n",
			want: []string{"T [Område|Mål enligt RCC|Aktivitet i regionen|Status] {5.a) Kontaktsjuk- sköterska|Alla patienter med cancer ska ha en.|Kartlägga bemanningen.|Pågående} {5.b) Min vårdplan|Min vårdplan ska erbjudas alla.|Utbilda sköterskor. 2025–2027|Påbörjad}",
				"T [Mål|Status] {Ett|Klar} {Två|Pågår}", "P Text efter.", "H2 Titel"},
		},
		{
			name: "pandoc: bracketed spans and attributes read as their text; a backslash at a line end is a line break",
			src:  "En [KSSK]{title=\"kontaktsjuksköterska\"} och [länk](https://x.example){.ext} och `kod`{.c}.\\\nNy rad med \\\\\n",
			want: []string{"P En KSSK och länk och kod. Ny rad med \\"},
		},
		{
			name: "soft hyphens and zero-width spaces a CMS puts in long words are not text",
			src:  "Kontakt\u00adsjuk\u00adsköterska och\u200b Min vårdplan.\n\n| Mål | Status |\n|---|---|\n| Scree\u00adning | Klar |\n",
			want: []string{"P Kontaktsjuksköterska och Min vårdplan.", "T [Mål|Status] {Screening|Klar}"},
		},
		{
			name: "a two-column pipe table without outer pipes",
			src:  "Mål | Status\n--- | ---\nEtt | Klar\nTvå \\| tre | Pågår\n\nText.\n",
			want: []string{"T [Mål|Status] {Ett|Klar} {Två | tre|Pågår}", "P Text."},
		},
		{
			name: "a short tab row under the header keeps its cells at the left (trailing empty cells dropped by an editor)",
			src:  "Mål\tAktivitet\tStatus\nEtt\tgör\nTvå\tgör mer\tKlar\n\nText.\n",
			want: []string{"T [Mål|Aktivitet|Status] {Ett|gör|} {Två|gör mer|Klar}", "P Text."},
		},
		{
			name: "a spreadsheet range: header cells wrapped onto a line of their own, a quoted two-line cell, empty cells under a merged cell (not under a row with one cell filled)",
			src: "Mål\tAktivitet\tAnsvarig\tStatus\r\n\t\t(funktion)\tdec 2025\r\n" +
				"Färre ska röka.\t\"Utbilda.\r\nFölja \"\"upp\"\".\"\tVC\tPågår\r\n" +
				"\tMäta.\tRCC\tKlar\r\n" +
				"Fler ska screenas.\tSkicka.\tRCC\tKlar\r\n\r\n" +
				"Mål\tAktivitet\tAnsvarig\tStatus\r\n\t\t(funktion)\tdec 2025\r\nTre.\t\t\tKlar\r\n\t\"Citat\"\t\t\r\n",
			want: []string{
				`T [Mål|Aktivitet|Ansvarig (funktion)|Status dec 2025] {Färre ska röka.|Utbilda. Följa "upp".|VC|Pågår} {^Färre ska röka.|Mäta.|RCC|Klar} {Fler ska screenas.|Skicka.|RCC|Klar}`,
				`T [Mål|Aktivitet|Ansvarig (funktion)|Status dec 2025] {Tre.|||Klar} {|"Citat"||}`,
			},
		},
		{
			name: "a line under the header with long text or under empty header cells is a row",
			src:  "Mål\tAktivitet\t\tStatus\n\tEn lång aktivitet här.\t\tKlar\n\n" + "Mål\tAktivitet\t\tStatus\n\t\tnot\t\n",
			want: []string{"T [Mål|Aktivitet||Status] {|En lång aktivitet här.||Klar}", "T [Mål|Aktivitet||Status] {||not|}"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Markdown("t.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := outline(l.Blocks)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestMarkdownGolden keeps the outline of seeds/003 (heading levels,
// sub-headings, tables, the appendix) in testdata; -update rewrites it.
func TestMarkdownGolden(t *testing.T) {
	data, err := fs.ReadFile(fixtures.FS, "seeds/003_9c6630dc416cd882.txt")
	if err != nil {
		t.Fatal(err)
	}
	l, err := Markdown("003.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(outline(l.Blocks)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "markup", "003_markdown.golden.json"), buf.String())
}

// FuzzMarkdown: no input crashes the reader, and every table it returns
// is rectangular.
func FuzzMarkdown(f *testing.F) {
	if data, err := fs.ReadFile(fixtures.FS, "seeds/003_9c6630dc416cd882.txt"); err == nil {
		f.Add(string(data))
	}
	f.Add("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n")
	f.Add("X\t\t\n<b>Mål</b>\t<b>Status</b>\n<p>a</p>\t<ul><li>b")
	f.Add("<table><tr><td rowspan=999999 colspan=999999>x</td></tr></table>")
	f.Add("```\ncode\n# not a heading\n")
	f.Add("+---+---+\n| a | b |\n+===+===+\n| c |   |\n|   +---+\n|   | d |\n+---+---+\n")
	f.Add("A\tB\tC\nx\t\n\ny\n\tz\tw\nq\tr\n")
	f.Add("  -----------\n  A     B\n  ----- -----\n  x     y\n  z\n\n  1     2\n  -----------\n\n  C  D\n  -- --\n  e  f\n")
	f.Fuzz(func(t *testing.T, src string) {
		l, err := Markdown("f.md", []byte(src))
		if err != nil {
			return
		}
		checkRectangular(t, l)
	})
}
