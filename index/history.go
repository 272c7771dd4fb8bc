package index

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"rccplans"
)

// Across is what the pages across documents show, held in memory for one
// build: its records and follow-up sections by id, the links between them
// (a goal's history) and the comparison of regions. It is small (one
// build's JSON Lines), read once when a build is opened and swapped with its
// index.
//
// The index package does not read the build's files: what they are called
// and how they are written belongs to the build (corpus), so the command
// wires a Loader that reads them through corpus and hands the data in.
type Across struct {
	recs  map[string]*rccplans.Record
	secs  map[string]*rccplans.Section
	links map[string][]rccplans.Link // by From
	cmp   Comparison
	// cells lists each comparison cell's records (key: area + "\x00" +
	// region); nil without AcrossData.Area.
	cells map[string][]*rccplans.Record
}

// AcrossData is what a Loader reads from a build.
type AcrossData struct {
	Records  []rccplans.Record
	Sections []rccplans.Section
	Links    []rccplans.Link
	Compare  Comparison
	// Area places a record in the national area the comparison counts it
	// in (its key in Compare.Areas). Nil: comparison cells link to the
	// search by region and area title only.
	Area func(rccplans.Record) string
}

// ErrNoAcross: the build being served has no record history or
// comparison (not loaded, or its files did not read).
var ErrNoAcross = errors.New("index: no history or comparison")

// Loader reads what a build holds beside its index for the pages across
// documents. build is the build folder.
type Loader func(build string) (*Across, error)

// Comparison is regions side by side: for every national area and region,
// how many activities and in which status. Its JSON is the /api/compare
// contract: the build's compare.json, with the areas' titles in display
// order and the cells as a list (areas order, then regions order).
type Comparison struct {
	Areas   []Area        `json:"areas"`
	Regions []string      `json:"regions"`
	Cells   []CompareCell `json:"cells"`
}

// Area is one national area of the comparison.
type Area struct {
	Key   string `json:"key"`
	Title string `json:"title"`
}

// CompareCell counts one area in one region. ByStatus counts by status
// value; "" counts records without a status.
type CompareCell struct {
	Area     string         `json:"area"`
	Region   string         `json:"region"`
	Records  int            `json:"records"`
	ByStatus map[string]int `json:"by_status"`
}

// NewAcross indexes a build's records, sections, links and comparison. A
// record or section id seen twice keeps its first; a link to an id the
// build does not hold is dropped when shown.
func NewAcross(d AcrossData) *Across {
	a := &Across{recs: map[string]*rccplans.Record{}, secs: map[string]*rccplans.Section{},
		links: map[string][]rccplans.Link{}, cmp: d.Compare}
	if d.Area != nil {
		a.cells = map[string][]*rccplans.Record{}
	}
	for i := range d.Records {
		r := &d.Records[i]
		id := r.ID()
		if _, ok := a.recs[id]; !ok {
			a.recs[id] = r
		}
		if d.Area != nil {
			k := d.Area(*r) + "\x00" + recordRegion(r)
			a.cells[k] = append(a.cells[k], r)
		}
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		if _, ok := a.secs[s.ID()]; !ok {
			a.secs[s.ID()] = s
		}
	}
	for _, l := range d.Links {
		a.links[l.From] = append(a.links[l.From], l)
	}
	a.cmp.sortCells()
	return a
}

// recordRegion is the column a record counts in: its region, else its RCC
// (an RCC's own plan).
func recordRegion(r *rccplans.Record) string {
	if r.Region != "" {
		return r.Region
	}
	return r.RCC
}

func (c *Comparison) sortCells() {
	ai := map[string]int{}
	for i, a := range c.Areas {
		ai[a.Key] = i
	}
	ri := map[string]int{}
	for i, r := range c.Regions {
		ri[r] = i
	}
	rank := func(m map[string]int, k string) int {
		if i, ok := m[k]; ok {
			return i
		}
		return len(m)
	}
	sort.SliceStable(c.Cells, func(i, j int) bool {
		x, y := c.Cells[i], c.Cells[j]
		if a, b := rank(ai, x.Area), rank(ai, y.Area); a != b {
			return a < b
		}
		if a, b := rank(ri, x.Region), rank(ri, y.Region); a != b {
			return a < b
		}
		return x.Area+"\x00"+x.Region < y.Area+"\x00"+y.Region
	})
}

// Event kinds of a timeline besides the link kinds.
const (
	EventPlan = "plan" // the record itself, in its plan
)

// History is a record with its timeline: its own plan, the follow-up
// sections that report on it and the same goal in earlier and later plans,
// ordered in time. Its JSON is the /api/record contract.
type History struct {
	ID       string          `json:"id"`
	Record   rccplans.Record `json:"record"`
	Timeline []Event         `json:"timeline"`
}

// Event is one step of a record's history.
type Event struct {
	// Kind is EventPlan for the record itself, else the link's kind
	// (rccplans.LinkFollowUp, LinkEarlier, LinkLater).
	Kind string `json:"kind"`
	// Year orders the timeline: a plan's first year, a follow-up's year
	// (its period's last year when it has none); 0 is unknown and last.
	Year   int    `json:"year"`
	Period string `json:"period,omitempty"` // "2019–2021"
	ID     string `json:"id"`               // record or section id
	Title  string `json:"title"`            // the goal (or activity); the section's number and title
	Status string `json:"status,omitempty"` // plans: the record's status
	// Score and Reason are the link's: similarity in [0, 1] and what matched.
	Score  float64 `json:"score,omitempty"`
	Reason string  `json:"reason,omitempty"`
	// Href is the page of the record (plans); Source the source document
	// page where the record or section is printed.
	Href    string            `json:"href,omitempty"`
	Source  string            `json:"source,omitempty"`
	Record  *rccplans.Record  `json:"record,omitempty"`
	Section *rccplans.Section `json:"section,omitempty"`
}

// Record returns a record's history, or false when the build has no
// record of that id.
func (a *Across) Record(id string) (*History, bool) {
	if a == nil {
		return nil, false
	}
	r, ok := a.recs[id]
	if !ok {
		return nil, false
	}
	h := &History{ID: id, Record: *r}
	h.Timeline = append(h.Timeline, planEvent(EventPlan, id, r))
	seen := map[string]bool{id: true}
	for _, l := range a.links[id] {
		if seen[l.Kind+"\x00"+l.To] {
			continue
		}
		seen[l.Kind+"\x00"+l.To] = true
		var e Event
		switch l.Kind {
		case rccplans.LinkFollowUp:
			s, ok := a.secs[l.To]
			if !ok {
				continue
			}
			e = Event{Kind: l.Kind, Year: s.FollowUpYear, Period: period(s.PeriodFrom, s.PeriodTo), ID: l.To,
				Title: strings.TrimSpace(s.Number + " " + s.Title), Source: sourceHref(s.SourceFile, s.Page), Section: s}
			if e.Year == 0 {
				e.Year = s.PeriodTo
			}
		case rccplans.LinkEarlier, rccplans.LinkLater:
			o, ok := a.recs[l.To]
			if !ok {
				continue
			}
			e = planEvent(l.Kind, l.To, o)
		default:
			continue
		}
		e.Score, e.Reason = l.Score, l.Reason
		h.Timeline = append(h.Timeline, e)
	}
	sort.SliceStable(h.Timeline, func(i, j int) bool { return eventLess(h.Timeline[i], h.Timeline[j]) })
	return h, true
}

func planEvent(kind, id string, r *rccplans.Record) Event {
	e := Event{Kind: kind, Year: r.PeriodFrom, Period: period(r.PeriodFrom, r.PeriodTo), ID: id, Title: recordTitle(r),
		Status: r.Status, Href: RecordHref(id), Source: sourceHref(r.SourceFile, r.Page), Record: r}
	if e.Year == 0 {
		e.Year = r.PeriodTo
	}
	return e
}

// eventLess orders a timeline: by year (unknown last); in one year a plan
// before the follow-ups (a 2022–2024 plan comes before its 2022
// follow-up); then the stronger link first.
func eventLess(x, y Event) bool {
	if x.Year != y.Year {
		if x.Year == 0 || y.Year == 0 {
			return y.Year == 0
		}
		return x.Year < y.Year
	}
	if a, b := x.Kind == rccplans.LinkFollowUp, y.Kind == rccplans.LinkFollowUp; a != b {
		return b
	}
	if x.Score != y.Score {
		return x.Score > y.Score
	}
	return x.ID < y.ID
}

func recordTitle(r *rccplans.Record) string {
	switch {
	case r.Goal != "":
		return r.Goal
	case r.Activity != "":
		return r.Activity
	}
	return r.RCCActivity
}

// RecordHref is the page of a record's history.
func RecordHref(id string) string { return "/record?" + url.Values{"id": {id}}.Encode() }

// sourceHref is the source document page of a file, at a page when known.
func sourceHref(name string, page int) string {
	if name == "" {
		return ""
	}
	u := "/source/" + url.PathEscape(name)
	if page > 0 {
		u += "#page=" + strconv.Itoa(page)
	}
	return u
}

// Comparison returns the matrix of national areas × regions.
func (a *Across) Comparison() Comparison {
	if a == nil {
		return Comparison{}
	}
	return a.cmp
}

// cellRecords lists the records of one comparison cell (nil when the
// loader gave no Area function).
func (a *Across) cellRecords(area, region string) []*rccplans.Record {
	return a.cells[area+"\x00"+region]
}

// across returns the data of the build being served. No Across in the
// options is 404 (this server has no such pages); a build whose data did
// not load is 503.
func (s *server) across() (*Across, int, error) {
	if s.o.Across == nil {
		return nil, http.StatusNotFound, errors.New("no history or comparison in this server")
	}
	a, err := s.o.Across()
	if err == nil && a == nil {
		err = fmt.Errorf("%w in this build", ErrNoAcross)
	}
	if errors.Is(err, ErrNoAcross) {
		return nil, http.StatusServiceUnavailable, err
	}
	if err != nil {
		return nil, status(err), err
	}
	return a, http.StatusOK, nil
}

// history answers a record request: the history, or a status and an error.
func (s *server) history(r *http.Request) (*History, int, error) {
	id := r.URL.Query().Get("id")
	if id == "" || len(id) > MaxQuery {
		return nil, http.StatusBadRequest, fmt.Errorf("%w: id %q", ErrBadQuery, id)
	}
	a, code, err := s.across()
	if err != nil {
		return nil, code, err
	}
	h, ok := a.Record(id)
	if !ok {
		return nil, http.StatusNotFound, fmt.Errorf("no record %q in this build", id)
	}
	return h, http.StatusOK, nil
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // inert even if misread as HTML
	enc.Encode(v)
}

func (s *server) serveRecordAPI(w http.ResponseWriter, r *http.Request) {
	h, code, err := s.history(r)
	if err != nil {
		writeJSON(w, code, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, code, h)
}

// recordPage is what record.html renders.
type recordPage struct {
	H      *History
	Err    string
	Meta   []string
	Fields [][2]string
	Events []eventView
	Source string
}

type eventView struct {
	Event
	Label   string // what the step is
	Status  string // the status in words
	Score   string
	Excerpt string
	Current bool
}

var eventLabels = map[string]string{EventPlan: "Denna plan", rccplans.LinkEarlier: "Tidigare plan",
	rccplans.LinkLater: "Senare plan", rccplans.LinkFollowUp: "Uppföljning"}

func (s *server) serveRecordPage(w http.ResponseWriter, r *http.Request) {
	h, code, err := s.history(r)
	d := recordPage{H: h}
	if err != nil {
		d.Err = err.Error()
	} else {
		rec := &h.Record
		d.Meta = nonEmpty(rec.Region, rec.RCC, rec.Kind, period(rec.PeriodFrom, rec.PeriodTo), strings.TrimSpace(rec.AreaCode+" "+rec.Area), rec.Chapter, rec.Section)
		for _, f := range [][2]string{{"goal_number", rec.GoalNumber}, {"goal", rec.Goal}, {"current_state", rec.CurrentState},
			{"target", rec.Target}, {"rcc_activity", rec.RCCActivity}, {"activity", rec.Activity}, {"responsible", rec.Responsible},
			{"timeframe", rec.Timeframe}, {"status", statusLabel(rec.Status, rec.StatusRaw)}, {"follow_up", rec.FollowUp}, {"evaluation", rec.Evaluation}} {
			if f[1] != "" {
				d.Fields = append(d.Fields, [2]string{Labels[f[0]], f[1]})
			}
		}
		d.Source = sourceHref(rec.SourceFile, rec.Page)
		for _, e := range h.Timeline {
			v := eventView{Event: e, Label: eventLabels[e.Kind], Current: e.Kind == EventPlan}
			if e.Record != nil {
				v.Status = statusLabel(e.Record.Status, e.Record.StatusRaw)
			}
			if e.Kind != EventPlan {
				v.Score = strconv.FormatFloat(e.Score, 'f', 2, 64)
			}
			if e.Section != nil {
				v.Excerpt = shorten(e.Section.Text, 400)
			}
			d.Events = append(d.Events, v)
		}
	}
	s.render(w, s.record, code, d)
}

// render executes a page template into a buffer first, so a template error
// is a clean 500.
func (s *server) render(w http.ResponseWriter, t *template.Template, code int, d any) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		http.Error(w, "page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// shorten cuts s to about n bytes at a space (the template escapes it).
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + " …"
}
