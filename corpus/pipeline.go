// Package corpus holds what turns a set of sources into the published
// dataset: the source manifest, discovery of documents on RCC listing
// pages, fetching into a content-addressed store, the build pipeline with
// its cache and atomic publish, and the exports (JSON Lines, spreadsheet,
// change report). It is the one library package that wires the stages
// (extract, normalize, index) together.
package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"

	"rccplans"
	"rccplans/extract"
	"rccplans/normalize"
)

// Extract reads one document's bytes into the common model: extract, then
// normalize, then the identity fields (doc_id, source_file, sha256) are set
// on the document and every record, section and abbreviation. name is the
// file name as the user knows it; only its base name is kept.
//
// A layout that was partly read (a damaged page) still gives a document,
// together with the error.
func Extract(ctx context.Context, name string, data []byte, opt extract.Options) (*rccplans.Document, error) {
	base := filepath.Base(name)
	l, err := extract.Read(ctx, base, data, opt)
	if l == nil {
		return nil, err
	}
	doc := normalize.Document(l)
	sum := sha256.Sum256(data)
	doc.SHA256 = hex.EncodeToString(sum[:])
	doc.ID = doc.SHA256[:16]
	doc.SourceFile = base
	doc.Warnings = append(l.Warnings, doc.Warnings...)
	for i := range doc.Records {
		doc.Records[i].DocID, doc.Records[i].SourceFile = doc.ID, base
	}
	for i := range doc.Sections {
		doc.Sections[i].DocID, doc.Sections[i].SourceFile = doc.ID, base
	}
	for i := range doc.Abbreviations {
		doc.Abbreviations[i].DocID, doc.Abbreviations[i].SourceFile = doc.ID, base
	}
	return doc, err
}
