package corpus

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"rccplans/fixtures"
)

// TestDiscoverSeed reads the text of the national listing page and wants
// every gold catalog entry, in page order, with its title, RCC, kind,
// period and follow-up year.
func TestDiscoverSeed(t *testing.T) {
	data, err := fs.ReadFile(fixtures.FS, "seeds/002_a666bb7b6b11eeb1.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(fixtures.FS, "gold/002_a666bb7b6b11eeb1.json")
	if err != nil {
		t.Fatal(err)
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	got, err := Discover("", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(g.Catalog) {
		t.Errorf("entries: got %d, want %d", len(got), len(g.Catalog))
	}
	for i := 0; i < max(len(got), len(g.Catalog)); i++ {
		var w, e string
		if i < len(g.Catalog) {
			ge := g.Catalog[i]
			var from, to, fy int
			if ge.Period != nil {
				from, to = ge.Period.From, ge.Period.To
			}
			if ge.FollowUpYear != nil {
				fy = *ge.FollowUpYear
			}
			w = fmt.Sprintf("%s | %s | %s | %d-%d | %d", ge.RCC, ge.Title, ge.Kind, from, to, fy)
		}
		if i < len(got) {
			x := got[i]
			e = fmt.Sprintf("%s | %s | %s | %d-%d | %d", x.RCC, x.Title, x.Kind, x.PeriodFrom, x.PeriodTo, x.FollowUpYear)
		}
		if w != e {
			t.Errorf("entry %d:\n got  %s\n want %s", i+1, e, w)
		}
	}
	s := ScoreCatalog(&g, got)
	t.Logf("catalog: %d/%d matched, %d right, %d found", s.EntriesMatch, s.GoldEntries, s.EntriesRight, s.EntriesFound)
}

// TestDiscoverHTML reads a listing page as HTML: links resolved against
// the base, annotations dropped, navigation and in-page anchors skipped,
// links inside prose kept only when they point at a file.
func TestDiscoverHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Planer</title><script>var x = "<a href='/x.pdf'>Cancerplan 2000–2002</a>";</script></head><body>
<nav><a href="/om">Om oss</a><a href="/plan.pdf">Cancerplan i menyn 2020–2022</a></nav>
<a href="#main">Till huvudinnehåll</a>
<main>
<h1>Strategisk utvecklingsplan</h1>
<ul><li><a href="#norr">Norr</a></li><li><a href="#syd">Syd</a></li><li><a href="#vast">Väst</a></li></ul>
<div id="norr">
<h2>Cancerplan 2022–2024</h2>
<p>Cancerplan för norra sjukvårdsregionen fastställdes 2022.</p>
<p><a href="/globalassets/norr/cancerplan-2022-2024.pdf">Cancerplan för norra sjukvårdsregionen 2022–2024 (pdf, öppnas i nytt fönster)</a></p>
<h3>Uppföljning av cancerplan 2022-2024</h3>
<p><a href="uppf-2023.pdf">Uppföljning för 2023 av cancerplanen</a> (pdf)</p>
<h3>Processplaner</h3>
<ul><li><a href="pp/lunga.pdf">Processplan Lungcancer</a></li><li><a href="pp/sarkom.pdf">Processplan Sarkom</a></li></ul>
</div>
<div id="syd">
<h2>Regional cancerplan Södra sjukvårdsregionen</h2>
<p>Planen gäller från och med 2023 till och med 2025. Läs <a href="https://example.org/info">mer om arbetet</a> här.</p>
<p><a href="https://example.org/syd/cancerplan">Cancerplan för Södra sjukvårdsregionen</a></p>
<p>Beställ via <a href="mailto:a@example.org">e-post</a>.</p>
</div>
<div id="vast">
<h2>Regional utvecklingsplan för Västra sjukvårdsregionen</h2>
<p>Planen beslutades våren 2015 och finns som <a href="/vast/karta.pdf">karta</a>.</p>
</div>
</main>
<footer><a href="/kontakt.pdf">Kontakt (pdf)</a></footer>
</body></html>`
	got, err := Discover("https://cancercentrum.example/samverkan/planer/", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{RCC: "RCC Norr", Title: "Cancerplan för norra sjukvårdsregionen 2022–2024", Kind: EntryCancerplan, PeriodFrom: 2022, PeriodTo: 2024, URL: "https://cancercentrum.example/globalassets/norr/cancerplan-2022-2024.pdf"},
		{RCC: "RCC Norr", Title: "Uppföljning för 2023 av cancerplanen", Kind: EntryUppfoljning, PeriodFrom: 2022, PeriodTo: 2024, FollowUpYear: 2023, URL: "https://cancercentrum.example/samverkan/planer/uppf-2023.pdf"},
		{RCC: "RCC Norr", Title: "Processplan Lungcancer", Kind: EntryProcessplan, URL: "https://cancercentrum.example/samverkan/planer/pp/lunga.pdf"},
		{RCC: "RCC Norr", Title: "Processplan Sarkom", Kind: EntryProcessplan, URL: "https://cancercentrum.example/samverkan/planer/pp/sarkom.pdf"},
		{RCC: "RCC Syd", Title: "Cancerplan för Södra sjukvårdsregionen", Kind: EntryCancerplan, PeriodFrom: 2023, PeriodTo: 2025, URL: "https://example.org/syd/cancerplan"},
		{RCC: "RCC Väst", Title: "Regional utvecklingsplan för Västra sjukvårdsregionen", Kind: EntryUtvecklingsplan},
		{RCC: "RCC Väst", Title: "karta", Kind: EntryAnnat, URL: "https://cancercentrum.example/vast/karta.pdf"},
	}
	if len(got) != len(want) {
		t.Errorf("got %d entries, want %d", len(got), len(want))
	}
	for i := range max(len(got), len(want)) {
		var g, w Entry
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("entry %d:\n got  %+v\n want %+v", i+1, g, w)
		}
	}
}

// TestDiscoverTabPanels: tab panels that print no RCC name take it from
// the tab that labels them or from their id.
func TestDiscoverTabPanels(t *testing.T) {
	page := `<html><body><div role="tablist"><button id="t1" role="tab">Norr</button><button id="t2" role="tab">Syd</button></div>
<div role="tabpanel" aria-labelledby="t1"><h2>Cancerplan 2022–2024</h2><p>Planen beslutades i juni.</p><p><a href="n.pdf">Cancerplan 2022–2024 (pdf)</a></p></div>
<div role="tabpanel" aria-labelledby="t2"><p><a href="s.pdf">Regional cancerplan 2023–2025</a></p></div>
<section id="sydost"><p><a href="so.pdf">Utvecklingsplan 2024–2026</a></p></section></body></html>`
	got, err := Discover("https://example.org/", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range got {
		lines = append(lines, fmt.Sprintf("%s | %s | %s | %d-%d", e.RCC, e.Title, e.Kind, e.PeriodFrom, e.PeriodTo))
	}
	want := []string{
		"RCC Norr | Cancerplan 2022–2024 | cancerplan | 2022-2024",
		"RCC Syd | Regional cancerplan 2023–2025 | cancerplan | 2023-2025",
		"RCC Sydöst | Utvecklingsplan 2024–2026 | utvecklingsplan | 2024-2026",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(lines, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestDiscoverBaseRCC(t *testing.T) {
	page := "<html><body><h1>Våra planer</h1><p><a href=\"a.pdf\">Handlingsplan 2024–2026</a></p></body></html>"
	got, err := Discover("https://www.cancercentrum.se/sydost/om-oss/planer/", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := Entry{RCC: "RCC Sydöst", Title: "Handlingsplan 2024–2026", Kind: EntryHandlingsplan, PeriodFrom: 2024, PeriodTo: 2026, URL: "https://www.cancercentrum.se/sydost/om-oss/planer/a.pdf"}
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %+v, want [%+v]", got, want)
	}
}

func TestDiscoverBadBase(t *testing.T) {
	if _, err := Discover("http://[::1", []byte("x")); err == nil {
		t.Error("a malformed base address gave no error")
	}
}

func TestKind(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Cancerplan Mellansverige", EntryCancerplan},
		{"Regional cancerplan för norra sjukvårdsregionen 2019–2021", EntryCancerplan},
		{"Uppföljning för 2023 av cancerplanen för norra sjukvårdsregionen", EntryUppfoljning},
		{"Uppföljning (2018) Regional utvecklingsplan för cancervården 20162018", EntryUppfoljning},
		{"Processplan Huvud- och halscancer", EntryProcessplan},
		{"Regional utvecklingsplan för cancerområdet RCC 2013–2015 rev 2014", EntryUtvecklingsplan},
		{"Vägen Framåt RCC Sydöst, Regional utvecklingsplan för cancervården i sydöst 2024-2026", EntryUtvecklingsplan},
		{"Bilaga 1 Målnivåer till utvecklingsplan 2016–2018", EntryAnnat},
		{`Projektrapporten "Utvärdering av genomslaget av den regionala cancerplanen"`, EntryAnnat},
		{"Konceptkartor", EntryAnnat},
		{"Lokal handlingsplan för cancervården 2022–2024", EntryHandlingsplan},
		{"Aktivitetsplan cancersjukdomar 2024 - 2026", EntryHandlingsplan},
		{"Långsiktig inriktning för det nationella arbetet med cancervården, Regeringskansliet", EntryAnnat},
		{"", EntryAnnat},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := Kind(tt.title); got != tt.want {
				t.Errorf("Kind(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

func TestFindPeriod(t *testing.T) {
	tests := []struct {
		text     string
		from, to int
		fy       int
	}{
		{"Cancerplan 2022–2024", 2022, 2024, 0},
		{"Sjukvårdsregional cancerplan 2019—2021", 2019, 2021, 0},
		{"Regional utvecklingsplan för cancervården 20162018", 2016, 2018, 0},
		{"Uppföljning (2018) Regional utvecklingsplan för cancervården 20162018", 2016, 2018, 2018},
		{"Uppföljning (2023) Sjukvårdsregional cancerplan 2022-2024", 2022, 2024, 2023},
		{"Uppföljning för 2023 av cancerplanen", 0, 0, 2023},
		{"RCC 2013–2015 rev 2014", 2013, 2015, 2014},
		{"RCC Mellansveriges nuvarande cancerplan gäller från och med 2022 till och med 2024.", 2022, 2024, 0},
		{"Cancerplan 2023-25", 2023, 2025, 0},
		{"Start 2022-05, klart 2023", 0, 0, 2023}, // a month is no period
		{"Processplan Sarkom", 0, 0, 0},
		{"1999–2030", 0, 0, 0}, // too long for a plan period, and no single year
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			p := findPeriod(tt.text)
			if p.from != tt.from || p.to != tt.to {
				t.Errorf("findPeriod(%q) = %d–%d, want %d–%d", tt.text, p.from, p.to, tt.from, tt.to)
			}
			if fy := followUpYear(tt.text); fy != tt.fy {
				t.Errorf("followUpYear(%q) = %d, want %d", tt.text, fy, tt.fy)
			}
		})
	}
}

func TestRCCNamed(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Cancerplan Mellansverige", "RCC Mellansverige"},
		{"Den 15 juni 2022 fastställdes Cancerplan för norra sjukvårdsregionen", "RCC Norr"},
		{"RCC Sydösts mål och aktiviteter", "RCC Sydöst"},
		{"Regional cancerplan Södra sjukvårdsregionen", "RCC Syd"},
		{"RCC Syds medarbetare", "RCC Syd"},
		{"Regional utvecklingsplan för Västra sjukvårdsregionen", "RCC Väst"},
		{"Regional cancerplan Stockholm Gotland", "RCC Stockholm Gotland"},
		{"Samarbete mellan RCC Norr och RCC Syd", ""},
		{"Västerbotten och Västernorrland", ""},
		{"Cancerplan 2022–2024", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := rccNamed(tt.text); got != tt.want {
				t.Errorf("rccNamed(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTextLineRoles checks how a text conversion's lines are told apart.
func TestTextLineRoles(t *testing.T) {
	tests := []struct {
		name, text string
		want       []lineRole
	}{
		{"heading then prose", "Cancerplan 2022–2024\n\nDen fastställdes i juni.", []lineRole{roleHeading, roleProse}},
		{"annotated link", "Uppföljning av planen\n\nUppföljning för 2023 (pdf, öppnas i nytt fönster)", []lineRole{roleHeading, roleTitle + 10}},
		{"list under a plural heading", "Tidigare cancerplaner\n\nCancerplan 2019–2021\n\nCancerplan 2016–2018", []lineRole{roleHeading, roleLink, roleLink}},
		{"link before a spacer", "Rapport om arbetet, Regeringskansliet\n\n\u00a0\n\nRCC Väst arbetar vidare.", []lineRole{roleLink, roleSpacer, roleProse}},
		{"note line", "Tidigare uppföljningar\n\nPDF-filer, öppnas i nytt fönster", []lineRole{roleHeading, roleNote}},
		{"bullets", "Områden\n\n • tidig diagnostik\n • barn", []lineRole{roleHeading, roleBullet, roleBullet}},
		{"singular heading over bulleted links", "Handlingsplan\n\n • Handlingsplan 2024–2026\n • Handlingsplan 2021–2023", []lineRole{roleHeading, roleLink, roleLink}},
		{"bulleted links", "Processplaner\n\n • Processplan Lungcancer\n • Processplan Sarkom\n\nMer text följer.", []lineRole{roleHeading, roleLink, roleLink, roleProse}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := textPageLines(tt.text)
			var got []lineRole
			for _, l := range lines {
				r := l.role
				if l.annotated {
					r = roleTitle + 10
				}
				got = append(got, r)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("roles %v, want %v (lines %q)", got, tt.want, texts(lines))
			}
		})
	}
}

func texts(ls []pageLine) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.text)
	}
	return out
}

// FuzzDiscover: no page, text or HTML, crashes discovery or yields an
// entry without a title.
func FuzzDiscover(f *testing.F) {
	if data, err := fs.ReadFile(fixtures.FS, "seeds/002_a666bb7b6b11eeb1.txt"); err == nil {
		f.Add(string(data))
	}
	f.Add(`<html><body><h2>Cancerplan Norr</h2><p><a href="a.pdf">Cancerplan 2022–2024 (pdf)</a></p></body></html>`)
	f.Add("Tidigare cancerplaner\n\nCancerplan 20162018\n\n\u00a0\n")
	f.Add("<a href='%zz'>x</a><h1><a href=x.pdf></a></h1>")
	f.Fuzz(func(t *testing.T, page string) {
		entries, err := Discover("https://example.org/norr/", []byte(page))
		if err != nil {
			return
		}
		for _, e := range entries {
			if strings.TrimSpace(e.Title) == "" {
				t.Errorf("entry without a title: %+v", e)
			}
			if e.PeriodFrom != 0 && e.PeriodTo <= e.PeriodFrom {
				t.Errorf("period %d–%d", e.PeriodFrom, e.PeriodTo)
			}
		}
	})
}

// TestDiscoverOtherPage: a single RCC's own page, written differently from
// the national one, in text form.
func TestDiscoverOtherPage(t *testing.T) {
	page := "Till innehållet\n\nPlaner och uppföljningar\n\nRCC Väst arbetar efter en regional cancerplan som beslutats av regionerna.\n\n" +
		"Regional cancerplan 2024–2027 (pdf, 2 MB)\n\nSammanfattning av cancerplanen (pdf)\n\n" +
		"Regionernas handlingsplaner\n\n" +
		"Handlingsplan Region Halland 2024–2025\n\nHandlingsplan Västra Götalandsregionen 2024-25\n\n" +
		"Uppföljningar\n\nDokumenten öppnas i nytt fönster\n\n" +
		"Årlig uppföljning 2024 av regional cancerplan 2024–2027\n\nUppföljning 2023 Regional cancerplan 2020–2023\n\n" +
		"Kontakta oss om du har frågor om planerna.\n"
	got, err := Discover("", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"RCC Väst | Regional cancerplan 2024–2027 | cancerplan | 2024-2027 | 0",
		"RCC Väst | Sammanfattning av cancerplanen | annat | 0-0 | 0",
		"RCC Väst | Handlingsplan Region Halland 2024–2025 | handlingsplan | 2024-2025 | 0",
		"RCC Väst | Handlingsplan Västra Götalandsregionen 2024-25 | handlingsplan | 2024-2025 | 0",
		"RCC Väst | Årlig uppföljning 2024 av regional cancerplan 2024–2027 | uppfoljning | 2024-2027 | 2024",
		"RCC Väst | Uppföljning 2023 Regional cancerplan 2020–2023 | uppfoljning | 2020-2023 | 2023",
	}
	var lines []string
	for _, e := range got {
		lines = append(lines, fmt.Sprintf("%s | %s | %s | %d-%d | %d", e.RCC, e.Title, e.Kind, e.PeriodFrom, e.PeriodTo, e.FollowUpYear))
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(lines, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestDiscoverLegacyEncoding: a Windows-1252 page reads with its å, ä, ö
// and en dashes.
func TestDiscoverLegacyEncoding(t *testing.T) {
	page := []byte("<html><body><h2>Cancerplan Norr</h2><p><a href=\"a.pdf\">Cancerplan f\xf6r norra sjukv\xe5rdsregionen 2022\x962024 (pdf)</a></p></body></html>")
	got, err := Discover("", page)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Title != "Cancerplan för norra sjukvårdsregionen 2022–2024" || got[0].PeriodTo != 2024 {
		t.Errorf("got %+v", got)
	}
}
