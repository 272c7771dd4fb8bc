package extract

import (
	"io/fs"
	"testing"

	"rccplans/fixtures"
)

func TestDetect(t *testing.T) {
	docx := makeDocx(t, map[string]string{"word/document.xml": docxBody(p("", r("x")))})
	tests := []struct {
		name  string
		input []byte
		want  string
	}{
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), FormatPDF},
		{"pdf after junk", append([]byte("\x00\x00junk"), []byte("%PDF-1.4")...), FormatPDF},
		{"docx", docx, FormatDOCX},
		{"docx from Word online", makeDocx(t, map[string]string{"word/document2.xml": docxBody(p("", r("x")))}), FormatDOCX},
		{"other zip", []byte("PK\x03\x04\x14\x00\x00\x00xl/workbook.xml"), FormatBinary},
		{"html document", []byte("\ufeff<!DOCTYPE html><html><body><p>x</p></body></html>"), FormatHTML},
		{"html fragment", []byte("<h2>Kapitel</h2>\n<table><tr><td>a</td></tr></table>"), FormatHTML},
		{"xml is not html", []byte("<?xml version=\"1.0\"?><div><table/></div>"), FormatText},
		{"markdown", []byte("# Plan\n\n## Kapitel\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"), FormatMarkdown},
		{"markdown opening with bold", []byte("<b>RUBRIK</b>\t\t\n<b>Mål</b>\t<b>Status</b>\n<p>a</p>\tb\n"), FormatMarkdown},
		{"org-mode", []byte("#+TITLE: Plan\n#+DATE: 2025\n\n* Kapitel 1\n| a | b |\n|---+---|\n| 1 | 2 |\n"), FormatOrg},
		{"org-mode tables without keywords", []byte("* Kapitel 1\n| a | b |\n|---+---|\n| 1 | 2 |\n|---+---|\n"), FormatOrg},
		{"markdown pipe table is not org", []byte("# Plan\n\n## Kapitel\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"), FormatMarkdown},
		{"plain text", []byte("Lokal handlingsplan\n\n1 (24)\nMål Nuläge\n"), FormatText},
		{"a table pasted from a browser", []byte("Plan\nOmråde\tMål\tAktivitet\tStatus\n3.a) Levnadsvanor\tFärre ska röka.\tErbjuda samtal.\tPågår\n3.b) Screening\tFler ska screenas.\tSkicka kallelser.\tKlar\n"), FormatMarkdown},
		{"kept layout padded with tabs", []byte("Plan\nMål\t\t\tAktivitet\t\tStatus\nFärre ska\t\t\tErbjuda\t\tPågår\nröka.\t\t\tsamtal.\nFler ska\t\t\tSkicka\t\tKlar\n"), FormatText},
		{"binary", []byte{0xff, 0xfe, 0x00, 0x01, 0x80, 0x81}, FormatBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.input); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDetectFixtures: every fixture is recognised by its content.
func TestDetectFixtures(t *testing.T) {
	want := map[string]string{
		"corpus/000_363f1a49b5c57245-word.docx": FormatDOCX,
		"corpus/003_9c6630dc416cd882-word.pdf":  FormatPDF,
		"seeds/000_363f1a49b5c57245.txt":        FormatText,
		"seeds/001_2c1f4fc1918a0a87.txt":        FormatText,
		"seeds/003_9c6630dc416cd882.txt":        FormatMarkdown,
		"seeds/004_ee4b379ee5192dfe.txt":        FormatText,
	}
	for name, f := range want {
		t.Run(name, func(t *testing.T) {
			data, err := fs.ReadFile(fixtures.FS, name)
			if err != nil {
				t.Fatal(err)
			}
			if got := Detect(data); got != f {
				t.Errorf("Detect(%s) = %q, want %q", name, got, f)
			}
		})
	}
}
