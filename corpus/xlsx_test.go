package corpus

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rccplans"
)

// synthWorkbook is a workbook with the awkward text real plans carry:
// multi-line cells, quotes, Swedish letters, control characters, a cell
// longer than a spreadsheet cell may be, and records without a status.
func synthWorkbook(n int) Workbook {
	docs := []DocumentResult{
		{Source: "/plans/a.pdf", File: "a.pdf", DocID: "aaaaaaaaaaaaaaaa", SHA256: strings.Repeat("a", 64), Link: "../../store/objects/aa/a.pdf", Status: DocOK, Records: n},
		{Source: "https://example.org/b.pdf", File: "b.pdf", Status: DocFailed, Error: "HTTP 404"},
	}
	statuses := []string{rccplans.StatusInProgress, rccplans.StatusDone, rccplans.StatusNotStarted, "", rccplans.StatusOnHold}
	regions := []string{"Region Västerbotten", "Region Blekinge", ""}
	var recs []rccplans.Record
	for i := 0; i < n; i++ {
		recs = append(recs, rccplans.Record{
			DocID: "aaaaaaaaaaaaaaaa", SourceFile: "a.pdf", Page: i%7 + 1, Region: regions[i%len(regions)],
			RCC: "RCC Norr", Kind: rccplans.KindHandlingsplan, PeriodFrom: 2022, PeriodTo: 2024,
			AreaCode: fmt.Sprintf("%d.a", i), Area: "Prevention",
			Goal:     fmt.Sprintf("Mål %d: \"öka\" andelen,\nsom får\tstöd\x0c", i),
			Activity: "Åtgärd å ä ö; rad ett\nrad två", Status: statuses[i%len(statuses)], StatusRaw: "Påbörjad",
		})
	}
	recs[0].Evaluation = strings.Repeat("lång text ", 4000) // over 32767 characters
	return Workbook{
		Records:   recs,
		Sections:  []rccplans.Section{{DocID: "aaaaaaaaaaaaaaaa", SourceFile: "a.pdf", Page: 2, Number: "1.2", Title: "Uppföljning", Text: "Stycke ett.\n\nStycke två."}},
		Documents: docs,
		Changes:   []Change{{Type: "record", Change: ChangeStatusChanged, SourceFile: "a.pdf", Goal: "Mål 0", StatusFrom: rccplans.StatusInProgress, StatusTo: rccplans.StatusDone}},
	}
}

func TestWorkbookSheets(t *testing.T) {
	for _, n := range []int{0, 1, 40} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			name := filepath.Join(t.TempDir(), WorkbookFile)
			w := synthWorkbook(max(n, 1))
			w.Records = w.Records[:n]
			if err := WriteWorkbook(name, w); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want := []string{SheetRecords, SheetSections, SheetDocuments, SheetOverview, SheetCompare, SheetChanges}
			if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Fatalf("sheets %v, want %v", got, want)
			}
			rows, err := f.GetRows(SheetRecords)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != n+1 {
				t.Fatalf("%d rows in %s, want %d", len(rows), SheetRecords, n+1)
			}
			if len(rows[0]) != len(recordColumns)+1 || rows[0][13] != "Mål" {
				t.Fatalf("header %q", rows[0])
			}
			tables, err := f.GetTables(SheetRecords)
			if err != nil || len(tables) != 1 {
				t.Fatalf("tables %v, %v", tables, err)
			}
			panes, err := f.GetPanes(SheetRecords)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Fatalf("panes %+v, %v", panes, err)
			}
			if n > 0 {
				formula, _ := f.GetCellFormula(SheetRecords, "Z2")
				if !strings.Contains(formula, "a.pdf#page=1") {
					t.Fatalf("link formula %q", formula)
				}
			}
			zr, err := zip.OpenReader(name)
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			charts := 0
			for _, zf := range zr.File {
				if strings.HasPrefix(zf.Name, "xl/charts/chart") {
					charts++
				}
			}
			if wantCharts := min(n, 1); charts != wantCharts {
				t.Fatalf("%d charts, want %d", charts, wantCharts)
			}
		})
	}
}

// TestWorkbookOpensInLibreOffice converts every sheet to CSV with
// LibreOffice: the workbook must open, and Aktiviteter must have one row a
// record, as many as records.jsonl.
func TestWorkbookOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not installed (make test installs libreoffice-calc-nogui)")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes seconds")
	}
	root := t.TempDir()
	docs, out := filepath.Join(root, "docs"), filepath.Join(root, "out")
	var sb strings.Builder
	for i := 0; i < 25; i++ {
		fmt.Fprintf(&sb, "%d.a|Mål \"%d\" med å ä ö|Aktivitet, med komma|%s\n", i, i, []string{"Påbörjad", "Klar", ""}[i%3])
	}
	writeFiles(t, docs, map[string]string{"a.txt": sb.String(), "b.txt": "1.a|Ett mål|En aktivitet|Klar\n", "c.txt": "FAIL\n"})
	mustBuild(t, synthOptions(out, docs), ExitPartial)
	recs, err := ReadJSONL[rccplans.Record](filepath.Join(out, CurrentLink, RecordsFile))
	if err != nil || len(recs) != 26 {
		t.Fatalf("%d records, %v", len(recs), err)
	}

	conv := filepath.Join(root, "csv")
	// -1: every sheet to its own file (LibreOffice 7.2+); a private profile
	// so parallel runs do not share one.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(root, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", conv, filepath.Join(out, CurrentLink, WorkbookFile))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	sheet := func(name string) [][]string {
		t.Helper()
		f, err := os.Open(filepath.Join(conv, "rccplans-"+name+".csv"))
		if err != nil {
			ents, _ := os.ReadDir(conv)
			t.Fatalf("%v (have %v)", err, ents)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	rows := sheet(SheetRecords)
	if len(rows)-1 != len(recs) {
		t.Fatalf("Aktiviteter has %d rows, records.jsonl %d records", len(rows)-1, len(recs))
	}
	if rows[0][0] != "Dokument-id" || !strings.Contains(strings.Join(rows[1], "|"), `Mål "0" med å ä ö`) {
		t.Fatalf("rows %q / %q", rows[0], rows[1])
	}
	if got := rows[1][len(rows[1])-1]; got != "sida 1" {
		t.Errorf("link cell shows %q, want \"sida 1\"", got)
	}
	if docs := sheet(SheetDocuments); len(docs) != 4 {
		t.Errorf("Dokument has %d rows, want 3 documents + header", len(docs))
	}
	ov := sheet(SheetOverview)
	if len(ov) < 2 || ov[1][0] != "Region Test" || ov[1][len(ov[0])-1] != "26" {
		t.Errorf("Översikt %q", ov)
	}
	sheet(SheetSections)
	sheet(SheetChanges)
	cmp := sheet(SheetCompare)
	if len(cmp) < 2 || cmp[0][1] != "Region Test" {
		t.Errorf("Jämförelse %q", cmp)
	}
	total := 0
	for _, r := range cmp[1:] {
		if len(r) < 3 || r[0] == "" {
			break // the grid ends at the blank row
		}
		n := 0
		fmt.Sscan(r[2], &n)
		total += n
	}
	if total != len(recs) {
		t.Errorf("Jämförelse counts %d records, records.jsonl has %d", total, len(recs))
	}
}
