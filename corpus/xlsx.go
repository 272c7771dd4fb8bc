package corpus

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"rccplans"
)

// Workbook is what goes into rccplans.xlsx.
type Workbook struct {
	Records   []rccplans.Record
	Sections  []rccplans.Section
	Documents []DocumentResult // Link gives each document's address for the link columns
	Changes   []Change
	Matrix    *Matrix // national areas × regions; nil: computed from Records
	RunID     string
}

// Sheet names of the workbook.
const (
	SheetRecords   = "Aktiviteter"
	SheetSections  = "Uppföljningar"
	SheetDocuments = "Dokument"
	SheetOverview  = "Översikt"
	SheetCompare   = "Jämförelse"
	SheetChanges   = "Ändringar"
)

// column is one spreadsheet column: Swedish title, width, and the value of
// one item.
type column[T any] struct {
	title string
	width float64
	value func(*T) any
}

// statusLabel is the Swedish word for a normalised status.
func statusLabel(s string) string {
	switch s {
	case rccplans.StatusNotStarted:
		return "Ej påbörjad"
	case rccplans.StatusInProgress:
		return "Pågående"
	case rccplans.StatusDone:
		return "Klar"
	case rccplans.StatusOnHold:
		return "Vilande"
	case "":
		return "Utan status"
	}
	return s
}

func year(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// recordColumns: every spec field of a record, in spec order, then the
// Swedish status and the link.
var recordColumns = []column[rccplans.Record]{
	{"Dokument-id", 18, func(r *rccplans.Record) any { return r.DocID }},
	{"Källfil", 28, func(r *rccplans.Record) any { return r.SourceFile }},
	{"Sida", 7, func(r *rccplans.Record) any { return year(r.Page) }},
	{"Region", 22, func(r *rccplans.Record) any { return r.Region }},
	{"RCC", 20, func(r *rccplans.Record) any { return r.RCC }},
	{"Dokumenttyp", 15, func(r *rccplans.Record) any { return r.Kind }},
	{"Period från", 9, func(r *rccplans.Record) any { return year(r.PeriodFrom) }},
	{"Period till", 9, func(r *rccplans.Record) any { return year(r.PeriodTo) }},
	{"Kapitel", 30, func(r *rccplans.Record) any { return r.Chapter }},
	{"Avsnitt", 25, func(r *rccplans.Record) any { return r.Section }},
	{"Områdeskod", 11, func(r *rccplans.Record) any { return r.AreaCode }},
	{"Område", 30, func(r *rccplans.Record) any { return r.Area }},
	{"Målnummer", 10, func(r *rccplans.Record) any { return r.GoalNumber }},
	{"Mål", 50, func(r *rccplans.Record) any { return r.Goal }},
	{"Nuläge", 40, func(r *rccplans.Record) any { return r.CurrentState }},
	{"Mätbar målnivå", 35, func(r *rccplans.Record) any { return r.Target }},
	{"Aktivitet från RCC", 45, func(r *rccplans.Record) any { return r.RCCActivity }},
	{"Aktivitet", 55, func(r *rccplans.Record) any { return r.Activity }},
	{"Ansvarig", 25, func(r *rccplans.Record) any { return r.Responsible }},
	{"Tidsplan", 14, func(r *rccplans.Record) any { return r.Timeframe }},
	{"Status (som skriven)", 16, func(r *rccplans.Record) any { return r.StatusRaw }},
	{"Status (kod)", 13, func(r *rccplans.Record) any { return r.Status }},
	{"Uppföljning", 40, func(r *rccplans.Record) any { return r.FollowUp }},
	{"Utvärdering", 40, func(r *rccplans.Record) any { return r.Evaluation }},
	{"Status", 13, func(r *rccplans.Record) any { return statusLabel(r.Status) }},
}

var sectionColumns = []column[rccplans.Section]{
	{"Dokument-id", 18, func(s *rccplans.Section) any { return s.DocID }},
	{"Källfil", 28, func(s *rccplans.Section) any { return s.SourceFile }},
	{"Sida", 7, func(s *rccplans.Section) any { return year(s.Page) }},
	{"RCC", 20, func(s *rccplans.Section) any { return s.RCC }},
	{"Dokumenttyp", 15, func(s *rccplans.Section) any { return s.Kind }},
	{"Period från", 9, func(s *rccplans.Section) any { return year(s.PeriodFrom) }},
	{"Period till", 9, func(s *rccplans.Section) any { return year(s.PeriodTo) }},
	{"Uppföljningsår", 11, func(s *rccplans.Section) any { return year(s.FollowUpYear) }},
	{"Region", 25, func(s *rccplans.Section) any { return s.Region }},
	{"Nummer", 9, func(s *rccplans.Section) any { return s.Number }},
	{"Rubrik", 40, func(s *rccplans.Section) any { return s.Title }},
	{"Text", 100, func(s *rccplans.Section) any { return s.Text }},
}

func docStatusLabel(d *DocumentResult) string {
	switch d.Status {
	case DocOK:
		return "OK"
	case DocDuplicate:
		return "Dubblett av " + d.DuplicateOf
	case DocFailed:
		if d.PreviousKept {
			return "Misslyckades – förra resultatet behålls"
		}
		return "Misslyckades"
	}
	return d.Status
}

var documentColumns = []column[DocumentResult]{
	{"Källfil", 30, func(d *DocumentResult) any { return d.File }},
	{"Källa", 45, func(d *DocumentResult) any { return d.Source }},
	{"SHA-256", 20, func(d *DocumentResult) any { return d.SHA256 }},
	{"Format", 9, func(d *DocumentResult) any { return d.Format }},
	{"Sidor", 7, func(d *DocumentResult) any { return d.Pages }},
	{"Aktiviteter", 11, func(d *DocumentResult) any { return d.Records }},
	{"Avsnitt", 9, func(d *DocumentResult) any { return d.Sections }},
	{"Förkortningar", 12, func(d *DocumentResult) any { return d.Abbreviations }},
	{"Varningar", 10, func(d *DocumentResult) any { return len(d.Warnings) }},
	{"Status", 22, func(d *DocumentResult) any { return docStatusLabel(d) }},
	{"Fel", 40, func(d *DocumentResult) any { return d.Error }},
	{"Region", 22, func(d *DocumentResult) any { return d.Region }},
	{"RCC", 20, func(d *DocumentResult) any { return d.RCC }},
	{"Dokumenttyp", 15, func(d *DocumentResult) any { return d.Kind }},
	{"Period från", 9, func(d *DocumentResult) any { return year(d.PeriodFrom) }},
	{"Period till", 9, func(d *DocumentResult) any { return year(d.PeriodTo) }},
	{"Titel", 40, func(d *DocumentResult) any { return d.Title }},
	{"Funnen på", 30, func(d *DocumentResult) any { return d.Via }},
}

func changeLabel(c *Change) string {
	switch c.Change {
	case ChangeNew:
		return "Nytt dokument"
	case ChangeChanged:
		return "Ändrat dokument"
	case ChangeGone:
		return "Borttaget dokument"
	case ChangeAppeared:
		return "Ny aktivitet"
	case ChangeDisappeared:
		return "Försvunnen aktivitet"
	case ChangeStatusChanged:
		return "Ändrad status"
	}
	return c.Change
}

var changeColumns = []column[Change]{
	{"Ändring", 20, func(c *Change) any { return changeLabel(c) }},
	{"Källfil", 30, func(c *Change) any { return c.SourceFile }},
	{"Sida", 7, func(c *Change) any { return year(c.Page) }},
	{"Region", 22, func(c *Change) any { return c.Region }},
	{"Områdeskod", 11, func(c *Change) any { return c.AreaCode }},
	{"Område", 28, func(c *Change) any { return c.Area }},
	{"Målnummer", 10, func(c *Change) any { return c.GoalNumber }},
	{"Mål", 45, func(c *Change) any { return c.Goal }},
	{"Aktivitet", 50, func(c *Change) any { return c.Activity }},
	{"Status före", 13, func(c *Change) any {
		return blankIf(c.Type != "record" || c.Change == ChangeAppeared, statusLabel(c.StatusFrom))
	}},
	{"Status efter", 13, func(c *Change) any {
		return blankIf(c.Type != "record" || c.Change == ChangeDisappeared, statusLabel(c.StatusTo))
	}},
	{"Status före (som skriven)", 16, func(c *Change) any { return c.StatusRawFrom }},
	{"Status efter (som skriven)", 16, func(c *Change) any { return c.StatusRawTo }},
	{"Källa", 40, func(c *Change) any { return c.Source }},
}

func blankIf(cond bool, s string) any {
	if cond {
		return ""
	}
	return s
}

// flatePool keeps deflate writers between workbook entries: a new one
// costs about a megabyte of tables.
var flatePool sync.Pool

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

func newFlate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flatePool.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	return pooledFlate{fw}, nil
}

func badInCell(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF
}

// cellText makes a string safe for a cell: no characters XML cannot
// carry, and at most the 32767 characters a cell holds.
func cellText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, badInCell) >= 0 {
		s = strings.Map(func(r rune) rune {
			if badInCell(r) {
				return -1
			}
			return r
		}, s)
	}
	const maxCell = 32767
	if len(s) > maxCell && utf8.RuneCountInString(s) > maxCell {
		r := []rune(s)
		s = string(r[:maxCell-1]) + "…"
	}
	return s
}

type styles struct {
	header, body, link int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	st.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return st, err
	}
	st.body, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return st, err
	}
	st.link, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Color: "0563C1", Underline: "single"},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	return st, err
}

// streamSheet writes items as a table with a frozen, filterable header row
// through excelize's stream writer (memory stays flat for big sheets).
// link, when set, gives a last "Länk" column.
func streamSheet[T any](f *excelize.File, st styles, sheet, table string, cols []column[T], items []T, link func(*T) (url, label string)) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	ncol := len(cols)
	if link != nil {
		ncol++
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	if link != nil {
		if err := sw.SetColWidth(ncol, ncol, 14); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, 0, ncol)
	for _, c := range cols {
		head = append(head, excelize.Cell{StyleID: st.header, Value: c.title})
	}
	if link != nil {
		head = append(head, excelize.Cell{StyleID: st.header, Value: "Länk"})
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	row := make([]any, ncol)
	for i := range items {
		it := &items[i]
		for j, c := range cols {
			v := c.value(it)
			if s, ok := v.(string); ok {
				v = cellText(s)
			}
			row[j] = excelize.Cell{StyleID: st.body, Value: v}
		}
		if link != nil {
			row[ncol-1] = nil
			if u, label := link(it); u != "" && len(u) <= 255 {
				row[ncol-1] = excelize.Cell{StyleID: st.link, Value: label,
					Formula: fmt.Sprintf(`HYPERLINK("%s","%s")`, strings.ReplaceAll(u, `"`, `""`), strings.ReplaceAll(label, `"`, `""`))}
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	last, err := excelize.CoordinatesToCellName(ncol, max(len(items)+1, 2))
	if err != nil {
		return err
	}
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: table, StyleName: "TableStyleLight9", ShowRowStripes: boolPtr(true)}); err != nil {
		return err
	}
	return sw.Flush()
}

func boolPtr(b bool) *bool { return &b }

// WriteWorkbook writes the spreadsheet: Aktiviteter (records), Uppföljningar
// (sections), Dokument, Översikt (region × status with a bar chart),
// Jämförelse (national areas × regions) and Ändringar (the change report).
func WriteWorkbook(name string, w Workbook) (err error) {
	f := excelize.NewFile()
	// Fastest deflate: the workbook is rewritten on every run, and the
	// default level spends more time than all the sheets' rows cost.
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, newFlate)
		return zw
	})
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			err = fmt.Errorf("corpus: workbook: %w", err)
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetRecords); err != nil {
		return err
	}
	for _, s := range []string{SheetSections, SheetDocuments, SheetOverview, SheetCompare, SheetChanges} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	links := map[string]string{}
	for _, d := range w.Documents {
		if d.Link != "" && d.DocID != "" {
			links[d.DocID+"\x00"+d.File] = d.Link
		}
	}
	pageLink := func(docID, file string, page int) (string, string) {
		u := links[docID+"\x00"+file]
		if u == "" {
			return "", ""
		}
		if page > 0 {
			return fmt.Sprintf("%s#page=%d", u, page), fmt.Sprintf("sida %d", page)
		}
		return u, "dokument"
	}
	if err := streamSheet(f, st, SheetRecords, "Aktiviteter", recordColumns, w.Records, func(r *rccplans.Record) (string, string) {
		return pageLink(r.DocID, r.SourceFile, r.Page)
	}); err != nil {
		return err
	}
	if err := streamSheet(f, st, SheetSections, "Uppfoljningar", sectionColumns, w.Sections, func(s *rccplans.Section) (string, string) {
		return pageLink(s.DocID, s.SourceFile, s.Page)
	}); err != nil {
		return err
	}
	if err := streamSheet(f, st, SheetDocuments, "Dokument", documentColumns, w.Documents, func(d *DocumentResult) (string, string) {
		if d.Link == "" {
			return "", ""
		}
		return d.Link, "öppna"
	}); err != nil {
		return err
	}
	if err := streamSheet(f, st, SheetChanges, "Andringar", changeColumns, w.Changes, nil); err != nil {
		return err
	}
	if err := overview(f, st, w.Records); err != nil {
		return err
	}
	m := w.Matrix
	if m == nil {
		m = Compare(w.Records)
	}
	if err := comparison(f, st, m); err != nil {
		return err
	}
	return f.SaveAs(name)
}

// overview writes records per region × status and a stacked bar chart of
// it. It is a normal (not streamed) sheet: excelize drops charts added to
// stream-written sheets.
func overview(f *excelize.File, st styles, recs []rccplans.Record) error {
	statuses := []string{rccplans.StatusNotStarted, rccplans.StatusInProgress, rccplans.StatusDone, rccplans.StatusOnHold, ""}
	count := map[string]map[string]int{}
	for _, r := range recs {
		reg := r.Region
		if reg == "" {
			reg = "(okänd region)"
		}
		if count[reg] == nil {
			count[reg] = map[string]int{}
		}
		s := r.Status
		switch s {
		case rccplans.StatusNotStarted, rccplans.StatusInProgress, rccplans.StatusDone, rccplans.StatusOnHold:
		default:
			s = ""
		}
		count[reg][s]++
	}
	regions := make([]string, 0, len(count))
	for reg := range count {
		regions = append(regions, reg)
	}
	sort.Strings(regions)
	sh := SheetOverview
	head := []any{"Region"}
	for _, s := range statuses {
		head = append(head, statusLabel(s))
	}
	head = append(head, "Totalt")
	if err := headerRow(f, sh, 1, head, st.header); err != nil {
		return err
	}
	for i, reg := range regions {
		row := []any{cellText(reg)}
		total := 0
		for _, s := range statuses {
			row = append(row, count[reg][s])
			total += count[reg][s]
		}
		row = append(row, total)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sh, cell, &row); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 30); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "G", 13); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if len(regions) == 0 {
		return f.SetCellValue(sh, "A2", "Inga aktiviteter i denna körning.")
	}
	n := len(regions) + 1
	var series []excelize.ChartSeries
	// not started grey, in progress orange, done green, on hold yellow,
	// no status light grey: the colours people read statuses in
	colours := []string{"7F7F7F", "ED7D31", "70AD47", "FFC000", "D9D9D9"}
	for j := range statuses {
		col, _ := excelize.ColumnNumberToName(j + 2)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$1", sh, col),
			Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", sh, n),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%s$%d", sh, col, col, n),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[j]}},
		})
	}
	height := uint(max(320, 40+28*len(regions)))
	return f.AddChart(sh, "I2", &excelize.Chart{
		Type:      excelize.BarStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Aktiviteter per region och status"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 720, Height: height},
	})
}

// comparison writes national areas × regions: the number of activities in
// each, then the same cells one a row with their statuses.
func comparison(f *excelize.File, st styles, m *Matrix) error {
	sh := SheetCompare
	head := []any{"Nationellt område"}
	for _, r := range m.Regions {
		head = append(head, cellText(r))
	}
	head = append(head, "Totalt")
	if err := headerRow(f, sh, 1, head, st.header); err != nil {
		return err
	}
	row := 2
	for _, a := range m.Areas {
		vals := []any{a.Title}
		total := 0
		for _, r := range m.Regions {
			n := 0
			if c := m.Cell(a.Key, r); c != nil {
				n = c.Records
			}
			vals = append(vals, n)
			total += n
		}
		vals = append(vals, total)
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := f.SetSheetRow(sh, cell, &vals); err != nil {
			return err
		}
		row++
	}
	row++
	statuses := []string{rccplans.StatusNotStarted, rccplans.StatusInProgress, rccplans.StatusDone, rccplans.StatusOnHold, ""}
	head2 := []any{"Nationellt område", "Region", "Aktiviteter"}
	for _, s := range statuses {
		head2 = append(head2, statusLabel(s))
	}
	if err := headerRow(f, sh, row, head2, st.header); err != nil {
		return err
	}
	row++
	for _, a := range m.Areas {
		for _, r := range m.Regions {
			c := m.Cell(a.Key, r)
			if c == nil {
				continue
			}
			vals := []any{a.Title, cellText(r), c.Records}
			other := c.Records
			for _, s := range statuses[:len(statuses)-1] {
				vals = append(vals, c.ByStatus[s])
				other -= c.ByStatus[s]
			}
			vals = append(vals, other) // no status, or one outside the model
			cell, _ := excelize.CoordinatesToCellName(1, row)
			if err := f.SetSheetRow(sh, cell, &vals); err != nil {
				return err
			}
			row++
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 34); err != nil {
		return err
	}
	if len(head) > 1 {
		lastCol, _ := excelize.ColumnNumberToName(max(len(head), len(head2)))
		if err := f.SetColWidth(sh, "B", lastCol, 16); err != nil {
			return err
		}
	}
	return f.SetPanes(sh, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"})
}

// headerRow writes column titles into one row of a normal (not
// stream-written) sheet with the header style.
func headerRow(f *excelize.File, sh string, row int, head []any, style int) error {
	first, _ := excelize.CoordinatesToCellName(1, row)
	if err := f.SetSheetRow(sh, first, &head); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(head), row)
	return f.SetCellStyle(sh, first, last, style)
}
