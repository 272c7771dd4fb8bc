package extract

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"rccplans"
)

func TestHTML(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{
			name: "headings, paragraphs, lists; scripts, styles and navigation skipped",
			src: `<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>
<nav><a href="/">Start</a></nav><h1>Plan 2024&ndash;2026</h1><p>Första&nbsp;stycket
 över två rader.</p><script>document.write("<p>nej</p>")</script>
<ul><li>ett</li><li>två <b>fet</b></li></ul><div>Lös text <span>i div</span></div><h3>Avsnitt</h3></body></html>`,
			want: []string{"H1 Plan 2024–2026", "P Första stycket över två rader.", "P ett", "P två fet", "P Lös text i div", "H3 Avsnitt"},
		},
		{
			name: "rowspan and colspan fill the grid; thead is the header",
			src: `<table><thead><tr><th>Område</th><th>Mål</th><th>Status</th></tr></thead><tbody>
<tr><td rowspan="2">2.a) Ett</td><td colspan="2">Brett</td></tr>
<tr><td>Mål 2</td><td>Klar</td></tr>
<tr><td>3.b) Tre</td><td><p>Del ett.</p><p>Del två.</p></td><td></td></tr></tbody></table>`,
			want: []string{"T [Område|Mål|Status] {2.a) Ett|Brett|^Brett} {^2.a) Ett|Mål 2|Klar} {3.b) Tre|Del ett. Del två.|}"},
		},
		{
			name: "nested table flattened; bold paragraph before a table is a sub-heading",
			src: `<h2>Kapitel</h2><p><strong>PALLIATIV VÅRD</strong></p>
<table><tr><th>Mål</th><th>Aktivitet</th></tr>
<tr><td>Mål</td><td>Före<table><tr><td>inre a</td><td>inre b</td></tr></table>efter</td></tr></table>`,
			want: []string{"H2 Kapitel", "H3 PALLIATIV VÅRD", "T [Mål|Aktivitet] {Mål|Före inre a inre b efter}"},
		},
		{
			name: "caption row inside the table, header repeated mid-table",
			src: `<h3>Kapitel</h3><table><tr><td colspan="3"><b>REHABILITERING</b></td></tr>
<tr><td><b>Målbild</b></td><td><b>Planerade aktiviteter</b></td><td><b>Uppföljning</b></td></tr>
<tr><td>1. Ett</td><td>a</td><td></td></tr>
<tr><td><b>Målbild</b></td><td><b>Planerade aktiviteter</b></td><td><b>Uppföljning</b></td></tr>
<tr><td>2. Två</td><td>b</td><td>c</td></tr></table>`,
			want: []string{"H3 Kapitel", "H4 REHABILITERING", "T [Målbild|Planerade aktiviteter|Uppföljning] {1. Ett|a|} {2. Två|b|c}"},
		},
		{
			name: "caption row inside thead",
			src:  `<table><thead><tr><th colspan="2">CANCERREGISTRET</th></tr><tr><th>Målbild</th><th>Uppföljning</th></tr></thead><tr><td>17. Mål</td><td></td></tr></table>`,
			want: []string{"H1 CANCERREGISTRET", "T [Målbild|Uppföljning] {17. Mål|}"},
		},
		{
			name: "ordered lists print their numbers, in cells too",
			src: `<h4>Mål som är avklarade:</h4><ol><li>Första.</li><li value="10"><p>Tionde.</p></li><li>Elfte.</li></ol><ol start="3"><li>Tre</li></ol>
<table><tr><th>Mål</th><th>Aktivitet</th></tr><tr><td>x</td><td><ol><li>a</li><li>b</li></ol></td></tr></table>`,
			want: []string{"H4 Mål som är avklarade:", "P 1. Första.", "P 10. Tionde.", "P 11. Elfte.", "P 3. Tre", "T [Mål|Aktivitet] {x|1. a 2. b}"},
		},
		{
			name: "a page's <main> is the document: menus, side navigation and footer around it are not",
			src: `<body><div class="cookie"><p>Vi använder kakor.</p></div><header><ul><li>Handlingsplan</li></ul></header>
<aside><h2>Cancervård</h2><ul><li>Handlingsplan</li></ul></aside>
<main><h1>Handlingsplan 2025–2027</h1><p>Text.</p></main><footer><h2>Kontakt</h2><p>Box 1</p></footer></body>`,
			want: []string{"H1 Handlingsplan 2025–2027", "P Text."},
		},
		{
			name: "role=main counts as <main>; an empty <main> does not",
			src:  `<nav>x</nav><main></main><div role="main"><h2>Plan</h2></div><p>sidfot</p>`,
			want: []string{"H2 Plan"},
		},
		{
			name: "a numbered group row between body rows is a heading ranked like the heading numbered the same way",
			src: `<h2>Kapitel 5 Vården</h2><h3>Kontaktsjuksköterska</h3><table><thead><tr><th>Område</th><th>Mål</th><th>Status</th></tr></thead>
<tbody><tr><td>5.a) Ett</td><td>Mål</td><td>Klar</td></tr>
<tr><th colspan="3" scope="colgroup">Kapitel 6 Palliativ vård</th></tr>
<tr><td>6.a) Två</td><td>Mål två</td><td>Pågår</td></tr></tbody></table>`,
			want: []string{"H2 Kapitel 5 Vården", "H3 Kontaktsjuksköterska", "T [Område|Mål|Status] {5.a) Ett|Mål|Klar}",
				"H2 Kapitel 6 Palliativ vård", "T [Område|Mål|Status] {6.a) Två|Mål två|Pågår}"},
		},
		{
			name: "a numbered band with no heading numbered like it before stays a row (an Område band)",
			src: `<h2>Regionens insatser</h2><table><tr><th>Område</th><th>Mål</th></tr><tr><td colspan="2">1. Prevention</td></tr><tr><td>a</td><td>b</td></tr>
<tr><td colspan="2">2. Tidig upptäckt</td></tr><tr><td>c</td><td>d</td></tr></table>`,
			want: []string{"H2 Regionens insatser", "T [Område|Mål] {1. Prevention|^1. Prevention} {a|b} {2. Tidig upptäckt|^2. Tidig upptäckt} {c|d}"},
		},
		{
			name: "an unnumbered row across the table stays a row (normalize reads it as a sub-heading)",
			src: `<table><tr><th>Område</th><th>Mål</th></tr><tr><td>1</td><td>a</td></tr>
<tr><td colspan="2">PALLIATIV VÅRD</td></tr><tr><td>2</td><td>b</td></tr></table>`,
			want: []string{"T [Område|Mål] {1|a} {PALLIATIV VÅRD|^PALLIATIV VÅRD} {2|b}"},
		},
		{
			name: "Word's saved-as-web-page list marks: a bullet is dropped (in a cell and out of one), a number stays",
			src: `<h2><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span>Prevention</h2>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Punkt.</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span>&nbsp;&nbsp; </span></span><![endif]>Första.</p>
<p class=MsoListParagraph><span style='font-family:"Courier New";mso-list:Ignore'>o<span>&nbsp; </span></span>Under.</p>
<table><tr><td><b>Mål</b></td><td><b>Aktivitet</b></td></tr><tr><td>Färre ska röka.</td><td>
<p class=MsoListParagraphCxSpFirst><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;</span></span><![endif]>Erbjuda stöd.</p>
<p class=MsoListParagraphCxSpLast><![if !supportLists]><span style='font-family:Wingdings'>§<span>&nbsp;</span></span><![endif]>Utbilda.</p></td></tr></table>`,
			want: []string{"H2 2. Prevention", "P Punkt.", "P 1. Första.", "P Under.", "T [Mål|Aktivitet] {Färre ska röka.|Erbjuda stöd. Utbilda.}"},
		},
		{
			name: "a <tfoot> note (before <tbody> as HTML 4 put it) and a last row across the table opening with * are notes under the table, not rows",
			src: `<table><thead><tr><th>Mål</th><th>Status*</th></tr></thead><tfoot><tr><td colspan="2">* Fylls i vid uppföljning.</td></tr></tfoot>
<tbody><tr><td>a</td><td>Klar</td></tr></tbody></table>
<table><tr><th>Mål</th><th>Status</th></tr><tr><td>b</td><td>Pågår</td></tr><tr><td colspan="2">** Enligt beslut.</td></tr></table>
<table><tr><th>Mål</th><th>Status</th></tr><tr><td colspan="2">* mitt i</td></tr><tr><td>c</td><td>Klar</td></tr></table>`,
			want: []string{"T [Mål|Status*] {a|Klar}", "P * Fylls i vid uppföljning.", "T [Mål|Status] {b|Pågår}", "P ** Enligt beslut.",
				"T [Mål|Status] {* mitt i|^* mitt i} {c|Klar}"},
		},
		{
			name: "a definition list reads as term: description paragraphs",
			src:  `<h2>Förkortningar</h2><dl><dt>KSSK</dt><dd>Kontaktsjuksköterska</dd><div><dt>SVF</dt><dd>Standardiserade</dd><dd>vårdförlopp</dd></div><dt>Ensam</dt></dl>`,
			want: []string{"H2 Förkortningar", "P KSSK: Kontaktsjuksköterska", "P SVF: Standardiserade vårdförlopp", "P Ensam"},
		},
		{
			name: "definition lists naming columns are the rows of a table; labelled paragraphs above them are cells repeated down",
			src: `<h2>Kapitel</h2><h3>Mål 1: Färre ska röka.</h3><p><strong>Nuläge:</strong> 8 procent.</p>
<dl><dt>Aktivitet</dt><dd>Erbjuda stöd.</dd><dt>Ansvarig</dt><dd>VC</dd><dt>Status</dt><dd><span>Pågår</span></dd></dl>
<dl><div><dt>Aktivitet</dt><dd>Samverka.</dd></div><dt>Status</dt><dd>Klar</dd></dl>
<h3>Mål 2: Fler ska screenas.</h3>
<dl><dt>Aktivitet</dt><dd>Skicka sms.</dd><dt>Tidsplan</dt><dd>2025</dd></dl>
<p>Vanlig text.</p><p>Status: mitt i texten.</p>
<dl><dt>Aktivitet</dt><dd>Ensam.</dd><dt>Ansvarig</dt><dd>RCC</dd></dl>`,
			want: []string{"H2 Kapitel", "H3 Mål 1: Färre ska röka.",
				"T [Nuläge|Aktivitet|Ansvarig|Status] {8 procent.|Erbjuda stöd.|VC|Pågår} {^8 procent.|Samverka.||Klar}",
				"H3 Mål 2: Fler ska screenas.", "T [Aktivitet|Tidsplan] {Skicka sms.|2025}",
				"P Vanlig text.", "T [Status|Aktivitet|Ansvarig] {mitt i texten.|Ensam.|RCC}"},
		},
		{
			name: "a definition list with one column name or none stays text",
			src:  `<dl><dt>Aktivitet</dt><dd>Bara en.</dd></dl><dl><dt>Aktivitet</dt><dd>a</dd><dt>KSSK</dt><dd>b</dd><dt>Status</dt><dd>Klar</dd></dl>`,
			want: []string{"P Aktivitet: Bara en.", "P Aktivitet: a", "P KSSK: b", "P Status: Klar"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := HTML("t.html", []byte(tt.src))
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

// TestHTMLSpanBounds: a rowspan or colspan of a hundred million makes a
// table no wider than markupMaxCols and no longer than its rows.
func TestHTMLSpanBounds(t *testing.T) {
	src := `<table><tr><td rowspan="100000000" colspan="100000000">x</td><td>y</td></tr><tr><td>z</td></tr></table>`
	l, err := HTML("big.html", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, b := range l.Blocks {
		if b.Table == nil {
			continue
		}
		rows += len(b.Table.Rows) + len(b.Table.Header)
		for _, r := range b.Table.Rows {
			if len(r.Cells) > markupMaxCols {
				t.Errorf("row of %d cells", len(r.Cells))
			}
		}
	}
	if rows > 2 {
		t.Errorf("%d rows from a two-row table", rows)
	}
}

// TestHTMLLegacyEncoding: a Latin-1 / Windows-1252 page is detected as
// HTML and read with its å, ä, ö and dashes.
func TestHTMLLegacyEncoding(t *testing.T) {
	page := []byte("<html><body><h2>M\xe5l f\xf6r \xe5r 2024\x962026</h2><p>\x93V\xe4rd\x94</p></body></html>")
	if f := Detect(page); f != FormatHTML {
		t.Fatalf("Detect = %q, want html", f)
	}
	l, err := HTML("latin1.html", page)
	if err != nil {
		t.Fatal(err)
	}
	want := "H2 Mål för år 2024–2026\nP “Värd”"
	if got := strings.Join(outline(l.Blocks), "\n"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestHTMLEmpty(t *testing.T) {
	_, err := HTML("e.html", []byte("<html><body><script>x</script></body></html>"))
	if !errors.Is(err, ErrNoText) {
		t.Errorf("err = %v, want ErrNoText", err)
	}
}

// FuzzHTML: no page crashes the reader, and every table it returns is
// rectangular.
func FuzzHTML(f *testing.F) {
	f.Add(`<p><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>x</p><dl><dt>A</dt><dd>b</dd></dl><main><table><tr><th>Mål</th><th>Status</th></tr><tr><td>a</td><td>b</td></tr><tr><th colspan=2>Kapitel 2 x</th></tr></table></main>`)
	f.Add(`<table><thead><tr><th>Mål</th><th>Status</th></tr></thead><tr><td rowspan=3>a</td><td colspan=2>b</td></tr></table>`)
	f.Add(`<h1>x</h1><p><b>Y</b></p><table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>`)
	f.Add(strings.Repeat("<div>", 2000) + "deep")
	f.Add("<ul><li>a<li>b</ul><h7>c</h7>&#xD800;&bogus;")
	f.Fuzz(func(t *testing.T, src string) {
		l, err := HTML("f.html", []byte(src))
		if err != nil {
			return
		}
		checkRectangular(t, l)
	})
}

// TestHTMLNotes: a note under a table is marked Note (never a record);
// a paragraph of the page is not.
func TestHTMLNotes(t *testing.T) {
	tests := []struct {
		name, src string
		want      []bool // Note of each paragraph block, in order
	}{
		{"tfoot", `<table><tr><th>Mål</th><th>Status</th></tr><tfoot><tr><td colspan="2">* Fylls i.</td></tr></tfoot><tr><td>a</td><td>b</td></tr></table><p>Text.</p>`, []bool{true, false}},
		{"last row with a star", `<table><tr><th>Mål</th><th>Status</th></tr><tr><td>a</td><td>b</td></tr><tr><td colspan="2">* Not.</td></tr></table>`, []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := HTML("t.html", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []bool
			for _, b := range l.Blocks {
				if b.Kind == rccplans.BlockParagraph {
					got = append(got, b.Note)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("notes %v, want %v", got, tt.want)
			}
		})
	}
}
