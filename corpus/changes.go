package corpus

import (
	"strconv"
	"strings"
	"unicode"

	"rccplans"
)

// Change kinds in Change.Change.
const (
	ChangeNew           = "new"     // document
	ChangeChanged       = "changed" // document: other bytes than last time
	ChangeGone          = "gone"    // document no longer among the sources
	ChangeAppeared      = "appeared"
	ChangeDisappeared   = "disappeared"
	ChangeStatusChanged = "status_changed"
)

// Change is one line of changes.jsonl: a document that is new, changed or
// gone since the previous published build, or a record that appeared,
// disappeared or changed status.
//
// Records are matched across builds by their key (source file, area code,
// goal and activity texts), not by doc_id: doc_id follows the bytes, and a
// re-published PDF with one status updated must show as one status
// change, not as every record disappearing and appearing.
type Change struct {
	Type           string `json:"type"` // document, record
	Change         string `json:"change"`
	Source         string `json:"source,omitempty"`
	SourceFile     string `json:"source_file"`
	DocID          string `json:"doc_id,omitempty"`
	SHA256         string `json:"sha256,omitempty"`
	PreviousSHA256 string `json:"previous_sha256,omitempty"`
	Page           int    `json:"page,omitempty"`
	Region         string `json:"region,omitempty"`
	AreaCode       string `json:"area_code,omitempty"`
	Area           string `json:"area,omitempty"`
	GoalNumber     string `json:"goal_number,omitempty"`
	Goal           string `json:"goal,omitempty"`
	Activity       string `json:"activity,omitempty"`
	StatusFrom     string `json:"status_from,omitempty"`
	StatusTo       string `json:"status_to,omitempty"`
	StatusRawFrom  string `json:"status_raw_from,omitempty"`
	StatusRawTo    string `json:"status_raw_to,omitempty"`
	Key            string `json:"key,omitempty"`
}

// RecordKey is the identity of a record across builds.
func RecordKey(r *rccplans.Record) string {
	parts := []string{r.SourceFile, r.AreaCode, r.GoalNumber, r.Goal, r.RCCActivity, r.Activity}
	for i, p := range parts {
		parts[i] = strings.ToLower(strings.Join(strings.FieldsFunc(p, unicode.IsSpace), " "))
	}
	return strings.Join(parts, "|")
}

// keyed gives each record its key; a key seen before in the same build
// gets "#2", "#3" … so identical rows still pair up one to one.
func keyed(recs []rccplans.Record) []string {
	seen := map[string]int{}
	out := make([]string, len(recs))
	for i := range recs {
		k := RecordKey(&recs[i])
		seen[k]++
		if n := seen[k]; n > 1 {
			k += "#" + strconv.Itoa(n)
		}
		out[i] = k
	}
	return out
}

// diff compares a build with the previous one. Documents come first in
// the new build's order, then the gone ones; then records in the new
// build's order, then the disappeared ones in the old order.
func diff(prevDocs, docs []DocumentResult, prevRecs, recs []rccplans.Record) []Change {
	var out []Change
	prevBy := map[string]*DocumentResult{}
	for i := range prevDocs {
		prevBy[prevDocs[i].Source] = &prevDocs[i]
	}
	now := map[string]bool{}
	for i := range docs {
		d := &docs[i]
		now[d.Source] = true
		p := prevBy[d.Source]
		c := Change{Type: "document", Source: d.Source, SourceFile: d.File, DocID: d.DocID, SHA256: d.SHA256}
		switch {
		case p == nil:
			c.Change = ChangeNew
		case p.SHA256 != d.SHA256 && d.SHA256 != "":
			c.Change, c.PreviousSHA256 = ChangeChanged, p.SHA256
		default:
			continue
		}
		out = append(out, c)
	}
	for i := range prevDocs {
		p := &prevDocs[i]
		if !now[p.Source] {
			out = append(out, Change{Type: "document", Change: ChangeGone, Source: p.Source, SourceFile: p.File, DocID: p.DocID, PreviousSHA256: p.SHA256})
		}
	}

	rec := func(change, key string, r *rccplans.Record) Change {
		return Change{Type: "record", Change: change, SourceFile: r.SourceFile, DocID: r.DocID, Page: r.Page,
			Region: r.Region, AreaCode: r.AreaCode, Area: r.Area, GoalNumber: r.GoalNumber, Goal: r.Goal,
			Activity: r.Activity, Key: key}
	}
	prevKeys := keyed(prevRecs)
	prevIdx := make(map[string]int, len(prevKeys))
	for i, k := range prevKeys {
		prevIdx[k] = i
	}
	newKeys := keyed(recs)
	matched := make(map[string]bool, len(newKeys))
	for i, k := range newKeys {
		r := &recs[i]
		j, ok := prevIdx[k]
		if !ok {
			c := rec(ChangeAppeared, k, r)
			c.StatusTo, c.StatusRawTo = r.Status, r.StatusRaw
			out = append(out, c)
			continue
		}
		matched[k] = true
		p := &prevRecs[j]
		if p.Status != r.Status {
			c := rec(ChangeStatusChanged, k, r)
			c.StatusFrom, c.StatusTo = p.Status, r.Status
			c.StatusRawFrom, c.StatusRawTo = p.StatusRaw, r.StatusRaw
			out = append(out, c)
		}
	}
	for j, k := range prevKeys {
		if !matched[k] {
			p := &prevRecs[j]
			c := rec(ChangeDisappeared, k, p)
			c.StatusFrom, c.StatusRawFrom = p.Status, p.StatusRaw
			out = append(out, c)
		}
	}
	return out
}

func countChanges(cs []Change) ChangeCounts {
	var n ChangeCounts
	for _, c := range cs {
		switch c.Change {
		case ChangeNew:
			n.DocumentsNew++
		case ChangeChanged:
			n.DocumentsChanged++
		case ChangeGone:
			n.DocumentsGone++
		case ChangeAppeared:
			n.RecordsAppeared++
		case ChangeDisappeared:
			n.RecordsDisappeared++
		case ChangeStatusChanged:
			n.StatusChanged++
		}
	}
	return n
}
