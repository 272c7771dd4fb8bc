// Package index is the search side: the bleve mapping for records and
// sections (Swedish analysis, decompounding, abbreviations as synonyms),
// queries with filters and facets, and the HTTP API and web page.
package index

import (
	"errors"

	"rccplans"
)

// Write creates a new index in dir (which must not exist) holding the
// records, sections and abbreviations of one build.
func Write(dir string, recs []rccplans.Record, secs []rccplans.Section, abbrs []rccplans.Abbreviation) error {
	return errors.New("index: not built yet")
}
