package corpus

import (
	"time"

	"rccplans"
)

// Exit codes of a build, for schedulers (README, "Build").
const (
	ExitOK           = 0   // published, all well
	ExitConfig       = 2   // usage or configuration error (bad sources manifest)
	ExitPartial      = 3   // published, but some documents failed: their previous results are kept and flagged
	ExitNotPublished = 4   // not published: the quality gate refused the build, or writing it failed
	ExitLocked       = 11  // another build holds the lock of the output folder
	ExitInterrupted  = 130 // interrupted (SIGINT, SIGTERM); nothing published
)

// Document statuses in DocumentResult.Status.
const (
	DocOK        = "ok"
	DocFailed    = "failed"    // could not be fetched or read; previous results kept when there were any
	DocDuplicate = "duplicate" // same bytes as an earlier source of this build; its records are not repeated
)

// DocumentResult is one source document of a build: where it came from,
// what it gave, how it went. documents.json of a build lists them in
// source order; the next build reads it to find the previous results.
type DocumentResult struct {
	Source        string             `json:"source"`        // embed:PATH, absolute path or URL
	Via           string             `json:"via,omitempty"` // listing page it was found on
	File          string             `json:"file"`          // the records' source_file
	DocID         string             `json:"doc_id"`
	SHA256        string             `json:"sha256"`
	Object        string             `json:"object,omitempty"` // copy in the store, relative to the output folder
	Link          string             `json:"link,omitempty"`   // the document for a reader of the build: URL, or path relative to the build folder
	Format        string             `json:"format,omitempty"`
	Title         string             `json:"title,omitempty"`
	Region        string             `json:"region,omitempty"`
	RCC           string             `json:"rcc,omitempty"`
	Kind          string             `json:"kind,omitempty"`
	PeriodFrom    int                `json:"period_from,omitempty"`
	PeriodTo      int                `json:"period_to,omitempty"`
	FollowUpYear  int                `json:"follow_up_year,omitempty"`
	Pages         int                `json:"pages"`
	Records       int                `json:"records"`
	Sections      int                `json:"sections"`
	Abbreviations int                `json:"abbreviations"`
	Warnings      []rccplans.Warning `json:"warnings,omitempty"`
	Status        string             `json:"status"`
	Error         string             `json:"error,omitempty"`
	PreviousKept  bool               `json:"previous_kept,omitempty"` // failed, and the previous build's results are carried over
	DuplicateOf   string             `json:"duplicate_of,omitempty"`
	Cached        bool               `json:"cached"`          // extraction result came from the cache
	Fetch         string             `json:"fetch,omitempty"` // local, fetched, not_modified
	DurationMS    int64              `json:"duration_ms"`
}

// DocumentCounts sums up the documents of a run.
type DocumentCounts struct {
	Seen      int `json:"seen"`
	New       int `json:"new"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
	Failed    int `json:"failed"`
	Gone      int `json:"gone"`
	Extracted int `json:"extracted"` // read by the extractor in this run
	Cached    int `json:"cached"`    // taken from the cache
}

// ChangeCounts sums up changes.jsonl.
type ChangeCounts struct {
	DocumentsNew       int `json:"documents_new"`
	DocumentsChanged   int `json:"documents_changed"`
	DocumentsGone      int `json:"documents_gone"`
	RecordsAppeared    int `json:"records_appeared"`
	RecordsDisappeared int `json:"records_disappeared"`
	StatusChanged      int `json:"status_changed"`
}

// Report is report.json: what a run did and how it ended. It is written
// into the build folder and, published or not, to out/last-run.json.
type Report struct {
	RunID            string           `json:"run_id"`
	Started          time.Time        `json:"started"`
	Finished         time.Time        `json:"finished"`
	DurationMS       int64            `json:"duration_ms"`
	Sources          string           `json:"sources"`
	ExtractorVersion string           `json:"extractor_version"`
	Out              string           `json:"out"`
	Build            string           `json:"build,omitempty"` // the build folder (published or rejected)
	Previous         string           `json:"previous,omitempty"`
	Published        bool             `json:"published"`
	ExitCode         int              `json:"exit_code"`
	Error            string           `json:"error,omitempty"`
	Documents        DocumentCounts   `json:"documents"`
	Records          int              `json:"records"`
	Sections         int              `json:"sections"`
	Abbreviations    int              `json:"abbreviations"`
	RecordsByRegion  map[string]int   `json:"records_by_region"`
	Warnings         int              `json:"warnings"`
	Failures         []string         `json:"failures,omitempty"` // documents and listing pages that failed
	Gate             []string         `json:"gate,omitempty"`     // why the quality gate refused the build
	Index            string           `json:"index"`              // ok, reused, or why there is none
	Links            int              `json:"links"`              // lines of links.jsonl
	Changes          ChangeCounts     `json:"changes"`
	RecordsSHA256    string           `json:"records_sha256,omitempty"`  // of records.jsonl
	DataSHA256       string           `json:"data_sha256,omitempty"`     // of records, sections and abbreviations
	WorkbookSHA256   string           `json:"workbook_sha256,omitempty"` // of what the workbook shows
	Binary           string           `json:"binary,omitempty"`          // identity of the program that built it
	DocumentList     []DocumentResult `json:"document_list"`
}
