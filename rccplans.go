// Package rccplans is the shared vocabulary of the pipeline that turns the
// cancer-care plans and follow-up reports of Sweden's Regional Cancer
// Centres (RCC) and regions into one searchable dataset.
//
// It holds only types and tiny helpers; every stage imports it and no stage
// imports another:
//
//	extract   bytes            -> Layout (pages with words and rules; blocks: headings, paragraphs, tables)
//	normalize Layout           -> Document with Records, Sections, Abbreviations
//	index     Records/Sections -> bleve index, queries, facets, HTTP
//	corpus    sources          -> fetched files, build pipeline, exports
//
// Only cmd/rccplans and corpus's build wire the stages together.
//
// The record model and its JSON names are fixed by the project's spec
// (shared/spec/model.md); they are also the index fields and the
// spreadsheet columns.
package rccplans

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// Status values of Record.Status.
const (
	StatusNotStarted = "not_started"
	StatusInProgress = "in_progress"
	StatusDone       = "done"
	StatusOnHold     = "on_hold"
)

// Document kinds (Record.Kind, Document.Kind).
const (
	KindHandlingsplan = "handlingsplan"
	KindAktivitetplan = "aktivitetsplan"
	KindCancerplan    = "cancerplan"
	KindUppfoljning   = "uppfoljning"
)

// RCCs lists the six Regional Cancer Centres by the names the model uses.
var RCCs = []string{"RCC Norr", "RCC Mellansverige", "RCC Stockholm Gotland", "RCC Syd", "RCC Sydöst", "RCC Väst"}

// Record is one activity row of a plan table (one per goal where the table
// has no separate activity rows). Field names are the export contract.
type Record struct {
	DocID        string `json:"doc_id"`
	SourceFile   string `json:"source_file"`
	Page         int    `json:"page"`
	Region       string `json:"region"`
	RCC          string `json:"rcc"`
	Kind         string `json:"kind"`
	PeriodFrom   int    `json:"period_from"`
	PeriodTo     int    `json:"period_to"`
	Chapter      string `json:"chapter"`
	Section      string `json:"section"`
	AreaCode     string `json:"area_code"`
	Area         string `json:"area"`
	GoalNumber   string `json:"goal_number"`
	Goal         string `json:"goal"`
	CurrentState string `json:"current_state"`
	Target       string `json:"target"`
	RCCActivity  string `json:"rcc_activity"`
	Activity     string `json:"activity"`
	Responsible  string `json:"responsible"`
	Timeframe    string `json:"timeframe"`
	StatusRaw    string `json:"status_raw"`
	Status       string `json:"status"`
	FollowUp     string `json:"follow_up"`
	Evaluation   string `json:"evaluation"`
}

// Section is one numbered heading of a follow-up report with its body text.
type Section struct {
	DocID        string `json:"doc_id"`
	SourceFile   string `json:"source_file"`
	Page         int    `json:"page"`
	RCC          string `json:"rcc"`
	Kind         string `json:"kind"`
	PeriodFrom   int    `json:"period_from"`
	PeriodTo     int    `json:"period_to"`
	FollowUpYear int    `json:"follow_up_year"`
	Region       string `json:"region"`
	Number       string `json:"number"`
	Title        string `json:"title"`
	Text         string `json:"text"`
}

// Abbreviation is one entry of a document's "Förkortningar" list.
type Abbreviation struct {
	DocID      string `json:"doc_id"`
	SourceFile string `json:"source_file"`
	Short      string `json:"short"`
	Long       string `json:"long"`
}

// The JSON Lines export tags every object with its "type".

// MarshalJSON writes the record with "type": "record".
func (r Record) MarshalJSON() ([]byte, error) {
	type plain Record
	return json.Marshal(struct {
		Type string `json:"type"`
		plain
	}{"record", plain(r)})
}

// MarshalJSON writes the section with "type": "section".
func (s Section) MarshalJSON() ([]byte, error) {
	type plain Section
	return json.Marshal(struct {
		Type string `json:"type"`
		plain
	}{"section", plain(s)})
}

// MarshalJSON writes the abbreviation with "type": "abbreviation".
func (a Abbreviation) MarshalJSON() ([]byte, error) {
	type plain Abbreviation
	return json.Marshal(struct {
		Type string `json:"type"`
		plain
	}{"abbreviation", plain(a)})
}

// Document is one source document reduced to the common model.
type Document struct {
	ID           string `json:"doc_id"`
	SourceFile   string `json:"source_file"`
	SHA256       string `json:"sha256"`
	Format       string `json:"format"` // pdf, docx, text, markdown, html
	Pages        int    `json:"pages"`
	Title        string `json:"title"`
	Region       string `json:"region"`
	RCC          string `json:"rcc"`
	Kind         string `json:"kind"`
	PeriodFrom   int    `json:"period_from"`
	PeriodTo     int    `json:"period_to"`
	FollowUpYear int    `json:"follow_up_year"`

	Records       []Record       `json:"-"`
	Sections      []Section      `json:"-"`
	Abbreviations []Abbreviation `json:"-"`
	Warnings      []Warning      `json:"warnings,omitempty"`
}

// Warning is something a stage noticed but could work around: a page that
// did not parse, a table whose header was not recognised. Library packages
// return warnings as data; only the edges log them.
type Warning struct {
	File    string `json:"file"`
	Page    int    `json:"page,omitempty"`
	Message string `json:"message"`
}

func (w Warning) String() string {
	if w.Page > 0 {
		return fmt.Sprintf("%s: page %d: %s", w.File, w.Page, w.Message)
	}
	return fmt.Sprintf("%s: %s", w.File, w.Message)
}

// Error is a failure with its location. Page and Row are 1-based; 0 means
// unknown or not applicable. It unwraps to the cause, so callers can test
// for sentinels such as extract.ErrEncrypted with errors.Is.
type Error struct {
	File string
	Page int
	Row  int
	Err  error
}

func (e *Error) Error() string {
	s := e.File
	if e.Page > 0 {
		s += fmt.Sprintf(": page %d", e.Page)
	}
	if e.Row > 0 {
		s += fmt.Sprintf(": row %d", e.Row)
	}
	return s + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// Located wraps err with a file (and page) unless it already carries one.
func Located(file string, page int, err error) error {
	if err == nil {
		return nil
	}
	var le *Error
	if errors.As(err, &le) {
		return err
	}
	return &Error{File: file, Page: page, Err: err}
}

// ID identifies a record within a build: the document id and a short hash
// of what makes the row itself (page, area code, goal, activity), so that
// it does not depend on the order of output.
func (r Record) ID() string {
	return r.DocID + "-" + shortHash(fmt.Sprint(r.Page, "\x00", r.AreaCode, "\x00", r.GoalNumber, "\x00", r.Goal, "\x00", r.RCCActivity, "\x00", r.Activity, "\x00", r.Responsible))
}

// ID identifies a section within a build: document id and heading number.
func (s Section) ID() string { return s.DocID + "#" + s.Number }

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// Link connects a record to a follow-up section that reports on it, or to
// a record of an earlier or later plan of the same region that carries the
// same goal. Links are scored, never guessed: Score is the similarity in
// [0, 1] and Reason says what matched.
type Link struct {
	From   string  `json:"from"` // Record.ID
	To     string  `json:"to"`   // Section.ID or Record.ID
	Kind   string  `json:"kind"` // LinkFollowUp, LinkEarlier, LinkLater
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// Link kinds.
const (
	LinkFollowUp = "follow_up"    // a follow-up section reporting on the record
	LinkEarlier  = "earlier_plan" // the same goal in an earlier plan
	LinkLater    = "later_plan"   // the same goal in a later plan
)
