package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"rccplans"
	"rccplans/extract"
)

// ExtractorVersion keys the per-document cache together with the content
// hash. Bump it whenever extract or normalize change what they produce:
// a build then re-reads every document once. (`rccplans build --no-cache`
// does the same for one run.)
const ExtractorVersion = "2026-11-23.1"

// Cache keeps one document's extraction result per content hash and
// extractor version, so a run over unchanged files reads nothing again.
//
// Program, when set, names the binary (its Go build ID) and is part of the
// key too: a rebuilt program whose readers changed re-reads every document
// once even if nobody bumped ExtractorVersion. A stale cache would publish
// yesterday's extraction as today's; one slow night is the cheaper error.
type Cache struct {
	Dir     string
	Program string
}

// cacheEntry is one cached result. A failure is cached too: the same bytes
// through the same extractor fail the same way.
type cacheEntry struct {
	Version       string                  `json:"version"`
	Program       string                  `json:"program,omitempty"`
	Options       extract.Options         `json:"options"`
	Document      *rccplans.Document      `json:"document,omitempty"`
	Records       []rccplans.Record       `json:"records,omitempty"`
	Sections      []rccplans.Section      `json:"sections,omitempty"`
	Abbreviations []rccplans.Abbreviation `json:"abbreviations,omitempty"`
	Err           string                  `json:"error,omitempty"`
}

func (c *Cache) path(sum string) string {
	return filepath.Join(c.Dir, ExtractorVersion, sum[:2], sum+".json")
}

// cacheOptions are the extraction options that can change a result: the
// time bound only decides whether there is one (timed-out failures are
// not cached).
func cacheOptions(opt extract.Options) extract.Options {
	opt.Timeout = 0
	return opt
}

// get returns the cached result for sum, or ok=false.
func (c *Cache) get(sum string, opt extract.Options) (e *cacheEntry, ok bool) {
	opt = cacheOptions(opt)
	if !sumRE.MatchString(sum) {
		return nil, false
	}
	data, err := os.ReadFile(c.path(sum))
	if err != nil {
		return nil, false
	}
	e = new(cacheEntry)
	if json.Unmarshal(data, e) != nil || e.Version != ExtractorVersion || e.Program != c.Program || e.Options != opt {
		return nil, false
	}
	if e.Document != nil {
		e.Document.Records, e.Document.Sections, e.Document.Abbreviations = e.Records, e.Sections, e.Abbreviations
		e.Records, e.Sections, e.Abbreviations = nil, nil, nil
	}
	return e, true
}

// put stores a result. Records travel beside the document because
// Document leaves them out of its JSON.
func (c *Cache) put(sum string, opt extract.Options, doc *rccplans.Document, failure error) error {
	if !sumRE.MatchString(sum) {
		return fmt.Errorf("corpus: cache: bad hash %q", sum)
	}
	e := cacheEntry{Version: ExtractorVersion, Program: c.Program, Options: cacheOptions(opt), Document: doc}
	if doc != nil {
		e.Records, e.Sections, e.Abbreviations = doc.Records, doc.Sections, doc.Abbreviations
	}
	if failure != nil {
		e.Err = failure.Error()
	}
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return writeFileAtomic(c.path(sum), data, true)
}
