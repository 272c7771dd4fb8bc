package index

import (
	"net/http"
	"net/url"
	"sort"

	"rccplans"
)

func (s *server) serveCompareAPI(w http.ResponseWriter, r *http.Request) {
	a, code, err := s.across()
	if err != nil {
		writeJSON(w, code, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, a.Comparison())
}

// comparePage is what compare.html renders: one row per national area
// with records, one column per region.
type comparePage struct {
	Err     string
	Regions []string
	Rows    []compareRow
	Totals  []int // per region
	Total   int
	// Cell is the cell asked for with ?area=&region=: its records, listed
	// under the table.
	Cell *cellList
}

type cellList struct {
	Title, Region, Search string
	Records               []cellRecord
}

type cellRecord struct {
	Href, Title, Status, Period, Chapter string
}

type compareRow struct {
	Area  Area
	Cells []cellView // one per region, in Regions order
	Total int
}

type cellView struct {
	Region   string
	Count    int
	List     string // this page, listing the cell's records
	Href     string // the search page: the region's records of this area
	Statuses []statusCount
}

type statusCount struct {
	Key, Label string
	N          int
}

// statusOrder is the order of statuses in a cell; others follow by name,
// then records without a status.
var statusOrder = []string{rccplans.StatusNotStarted, rccplans.StatusInProgress, rccplans.StatusDone, rccplans.StatusOnHold}

func (s *server) serveComparePage(w http.ResponseWriter, r *http.Request) {
	a, code, err := s.across()
	d := comparePage{}
	if err != nil {
		d.Err = err.Error()
		s.render(w, s.compare, code, d)
		return
	}
	c := a.Comparison()
	d.Regions = c.Regions
	col := map[string]int{}
	for i, rg := range c.Regions {
		col[rg] = i
	}
	d.Totals = make([]int, len(c.Regions))
	row := map[string]int{}
	areas := append([]Area(nil), c.Areas...)
	for _, cell := range c.Cells {
		known := false
		for _, ar := range areas {
			known = known || ar.Key == cell.Area
		}
		if !known {
			areas = append(areas, Area{Key: cell.Area, Title: cell.Area})
		}
		if _, ok := col[cell.Region]; !ok {
			col[cell.Region] = len(d.Regions)
			d.Regions = append(d.Regions, cell.Region)
			d.Totals = append(d.Totals, 0)
		}
	}
	for _, cell := range c.Cells {
		row[cell.Area] = 0
	}
	for _, ar := range areas {
		if _, ok := row[ar.Key]; !ok {
			continue // no records in this area anywhere
		}
		row[ar.Key] = len(d.Rows)
		cr := compareRow{Area: ar, Cells: make([]cellView, len(d.Regions))}
		for i, rg := range d.Regions {
			cr.Cells[i] = cellView{Region: rg}
		}
		d.Rows = append(d.Rows, cr)
	}
	for _, cell := range c.Cells {
		cr := &d.Rows[row[cell.Area]]
		i := col[cell.Region]
		cr.Cells[i] = cellView{Region: cell.Region, Count: cell.Records, Href: a.cellSearch(cr.Area, cell.Region),
			Statuses: statusCounts(cell.ByStatus)}
		if a.cells != nil {
			cr.Cells[i].List = "/compare?" + url.Values{"area": {cell.Area}, "region": {cell.Region}}.Encode() + "#cell"
		}
		cr.Total += cell.Records
		d.Totals[i] += cell.Records
		d.Total += cell.Records
	}
	q := r.URL.Query()
	if area, region := q.Get("area"), q.Get("region"); area != "" && region != "" {
		i, ok := row[area]
		j, known := col[region]
		if ok && known && d.Rows[i].Cells[j].Count > 0 {
			ar := d.Rows[i].Area
			cl := &cellList{Title: ar.Title, Region: region, Search: a.cellSearch(ar, region)}
			for _, rec := range a.cellRecords(area, region) {
				cl.Records = append(cl.Records, cellRecord{Href: RecordHref(rec.ID()), Title: recordTitle(rec),
					Status: statusLabel(rec.Status, rec.StatusRaw), Period: period(rec.PeriodFrom, rec.PeriodTo), Chapter: rec.Chapter})
			}
			d.Cell = cl
		}
	}
	s.render(w, s.compare, http.StatusOK, d)
}

func statusCounts(by map[string]int) []statusCount {
	var out []statusCount
	done := map[string]bool{}
	add := func(k string) {
		if n := by[k]; n > 0 && !done[k] {
			done[k] = true
			label := statusLabel(k, k)
			if k == "" {
				label = "utan status"
			}
			out = append(out, statusCount{k, label, n})
		}
	}
	for _, k := range statusOrder {
		add(k)
	}
	var rest []string
	for k := range by {
		if k != "" {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		add(k)
	}
	add("")
	return out
}

// cellSearch is the search page of one cell: the region's records,
// narrowed to the chapters the cell's records stand under. The index has
// no national-area field, so this is the closest filter: it holds every
// record of the cell and may hold a few more of the same chapters that
// their section or goal placed in another area. Without the cell's records
// (no Area function) or when a record has no chapter, the area's title is
// the query instead.
func (a *Across) cellSearch(area Area, region string) string {
	req := Request{Filters: map[string][]string{"type": {"record"}}}
	recs := a.cellRecords(area.Key, region)
	field := "region"
	if len(recs) > 0 {
		field = "rcc"
		for _, r := range recs {
			if r.Region != "" {
				field = "region"
				break
			}
		}
	}
	req.Filters[field] = []string{region}
	var chapters []string
	seen := map[string]bool{}
	all := len(recs) > 0
	for _, r := range recs {
		if r.Chapter == "" {
			all = false
			break
		}
		if !seen[r.Chapter] {
			seen[r.Chapter] = true
			chapters = append(chapters, r.Chapter)
		}
	}
	if all && len(chapters) <= maxValues {
		sort.Strings(chapters)
		req.Filters["chapter"] = chapters
	} else if area.Key != area.Title {
		req.Query = area.Title
	}
	return "/?" + req.URL().Encode()
}
