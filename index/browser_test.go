package index

import (
	"context"
	"encoding/csv"
	"io"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"rccplans"
)

// chromium finds Debian's Chromium ($CHROMIUM overrides); the Makefile's
// deps-test target installs it. Without it the browser test is skipped.
func chromium(t *testing.T) string {
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	t.Skip("chromium not installed (make deps-test installs it)")
	return ""
}

// TestBrowser drives the page in headless Chromium: search, select a facet,
// see the counts change, export CSV and XLSX, and see a record's <script>
// shown as text and never run.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	_, c := openGold(t)
	recs := append(append([]rccplans.Record{}, c.recs...), hostile)
	x := writeSmall(t, recs, c.secs, c.abbrs)
	// The hostile record's history: one follow-up with a hostile title.
	fu := rccplans.Section{DocID: "fu", SourceFile: "fu.pdf", Page: 3, Region: hostile.Region, RCC: hostile.RCC, Kind: "uppfoljning",
		FollowUpYear: 2023, Number: "2.1", Title: `<script>alert("section")</script> Kontaktsjuksköterska`, Text: `<img src=x onerror=alert(2)>`}
	area := func(r rccplans.Record) string { return "ovrigt" }
	cmp := Comparison{Areas: []Area{{"ovrigt", "Övrigt"}}}
	counts := map[string]int{}
	for _, r := range recs {
		if counts[recordRegion(&r)]++; counts[recordRegion(&r)] == 1 {
			cmp.Regions = append(cmp.Regions, recordRegion(&r))
		}
	}
	for _, rg := range cmp.Regions {
		cmp.Cells = append(cmp.Cells, CompareCell{Area: "ovrigt", Region: rg, Records: counts[rg], ByStatus: map[string]int{}})
	}
	across := NewAcross(AcrossData{Records: recs, Sections: []rccplans.Section{fu}, Compare: cmp, Area: area,
		Links: []rccplans.Link{{From: hostile.ID(), To: fu.ID(), Kind: rccplans.LinkFollowUp, Score: 0.5, Reason: "test"}}})
	var xlsxRows int
	srv := httptest.NewServer(Handler(Options{Searcher: x, XLSX: func(w io.Writer, recs []rccplans.Record, secs []rccplans.Section) error {
		xlsxRows = len(recs) + len(secs)
		_, err := io.WriteString(w, "PK fake workbook")
		return err
	}, Across: func() (*Across, error) { return across, nil }}))
	defer srv.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute) // a hang, not a speed assertion
	defer cancel()

	// Start the browser, then watch for dialogs (a script that ran) and downloads.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	dialogs := make(chan string, 10)
	go func() {
		for ev, err := range chromedp.Events(ctx, page.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			dialogs <- ev.Message
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	downloads := make(chan string, 10)
	go func() {
		for ev, err := range chromedp.BrowserEvents(ctx, browser.DownloadProgress) {
			if err != nil {
				return
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				downloads <- ev.GUID
			}
		}
	}()
	dl := t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dl, EventsEnabled: &yes}); err != nil {
		t.Fatal(err)
	}

	text := func(sel chromedp.CSS) string {
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	// loadAfter runs a click and waits for the page it loads.
	loadAfter := func(click chromedp.Action[chromedp.Void]) {
		if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, click)); err != nil {
			t.Fatal(err)
		}
	}
	facet := func(name string) map[string]string {
		pairs, err := chromedp.Run(ctx, chromedp.Evaluate[[][2]string](`Array.from(document.querySelectorAll('[data-facet="`+name+`"] a')).map(a => [a.dataset.value, a.querySelector('.count').textContent])`))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, p := range pairs {
			m[p[0]] = p[1]
		}
		return m
	}

	// 1. Search from the box.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "kontaktsjuksköterska"),
	); err != nil {
		t.Fatal(err)
	}
	loadAfter(chromedp.Click(chromedp.ID("go")))
	if total := text(chromedp.CSS("#total")); total != "19" { // contactNurse and the hostile record
		t.Fatalf("total %q after searching, want 19", total)
	}
	regions, statuses := facet("region"), facet("status")
	if regions["Region Västmanland"] != "4" || regions["Region Blekinge"] != "2" {
		t.Errorf("region facet %v", regions)
	}

	// 2. Select a facet value: the hits and the other facets' counts change,
	// the region facet keeps its other values (multi-select), the state is in the URL.
	loadAfter(chromedp.Click(chromedp.CSS(`[data-facet="region"] a[data-value="Region Västmanland"]`)))
	if total := text(chromedp.CSS("#total")); total != "4" {
		t.Errorf("total %q after selecting Region Västmanland, want 4", total)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if u, _ := url.Parse(loc); u.Query().Get("region") != "Region Västmanland" || u.Query().Get("q") != "kontaktsjuksköterska" {
		t.Errorf("state not in the URL: %s", loc)
	}
	after := facet("status")
	if after["in_progress"] == statuses["in_progress"] {
		t.Errorf("status counts did not change: before %v, after %v", statuses, after)
	}
	if r := facet("region"); r["Region Blekinge"] != "2" {
		t.Errorf("other regions gone from the facet: %v", r)
	}

	// 3. Export the current result as CSV and XLSX.
	for _, link := range []string{"export-csv", "export-xlsx"} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID(link))); err != nil {
			t.Fatal(err)
		}
		var guid string
		select {
		case guid = <-downloads:
		case <-ctx.Done():
			t.Fatalf("%s: no download", link)
		}
		data, err := os.ReadFile(filepath.Join(dl, guid))
		if err != nil {
			t.Fatal(err)
		}
		if link == "export-csv" {
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff"))).ReadAll()
			if err != nil || len(rows) != 5 {
				t.Errorf("CSV: %d rows (want header + 4), %v", len(rows), err)
			}
		} else if string(data) != "PK fake workbook" || xlsxRows != 4 {
			t.Errorf("XLSX: %q with %d rows", data, xlsxRows)
		}
	}

	// 4. A record's markup shows as text and never runs.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?q=script"), chromedp.WaitVisible(chromedp.CSS(".hit h3"))); err != nil {
		t.Fatal(err)
	}
	if h3 := text(chromedp.CSS(".hit h3")); !strings.Contains(h3, `<script>alert("goal")</script>`) {
		t.Errorf("script not shown as text: %q", h3)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('script, svg, img').length`))
	if err != nil || n != 0 {
		t.Errorf("%d script/svg/img elements on the page (%v)", n, err)
	}

	// 5. Its history: from the hit to the record page, the follow-up's
	// markup shown as text. The record has no period: it comes last.
	loadAfter(chromedp.Click(chromedp.CSS(".hit.record a.history")))
	steps, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('tr.event')).map(tr => tr.dataset.kind)`))
	if err != nil || len(steps) != 2 || steps[0] != "follow_up" || steps[1] != "plan" {
		t.Errorf("timeline %v (%v)", steps, err)
	}
	if td := text(chromedp.CSS(`tr.follow_up td:nth-child(3) b`)); !strings.Contains(td, `<script>alert("section")</script>`) {
		t.Errorf("section title not shown as text: %q", td)
	}

	// 6. Regions side by side: a count lists the cell's records.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/compare"), chromedp.WaitVisible(chromedp.ID("compare"))); err != nil {
		t.Fatal(err)
	}
	loadAfter(chromedp.Click(chromedp.CSS(`td.cell[data-region="Region Västmanland"] a.count`)))
	want := text(chromedp.CSS(`td.cell[data-region="Region Västmanland"] a.count`))
	listed, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#cell li').length`))
	if err != nil || strconv.Itoa(listed) != want {
		t.Errorf("cell lists %d records, count %s (%v)", listed, want, err)
	}
	n, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('script, svg, img').length`))
	if err != nil || n != 0 {
		t.Errorf("%d script/svg/img elements on the compare page (%v)", n, err)
	}

	select {
	case msg := <-dialogs:
		t.Errorf("a script ran: alert(%q)", msg)
	default:
	}
}
