package corpus

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"rccplans"
)

// Names of the published files in a build folder.
const (
	RecordsFile       = "records.jsonl"
	SectionsFile      = "sections.jsonl"
	AbbreviationsFile = "abbreviations.jsonl"
	DocumentsFile     = "documents.json"
	ChangesFile       = "changes.jsonl"
	ReportFile        = "report.json"
	LinksFile         = "links.jsonl"
	CompareFile       = "compare.json"
	WorkbookFile      = "rccplans.xlsx"
	IndexDir          = "index"
)

// WriteJSONL writes one JSON object a line (HTML not escaped, so the file
// reads like the text) to name and returns the sha256 of what it wrote.
// It does not sync: Build syncs a whole build before publishing it.
func WriteJSONL[T any](name string, items []T) (string, error) {
	f, err := os.Create(name)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(f, h), 256<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range items {
		if err = enc.Encode(items[i]); err != nil {
			break
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("corpus: write %s: %w", name, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ReadJSONL reads a file written by WriteJSONL. A missing file is no
// items and no error.
func ReadJSONL[T any](name string) ([]T, error) {
	data, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []T
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(line, &v); err != nil {
			return nil, fmt.Errorf("corpus: %s: line %d: %w", name, n+1, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// writeJSON writes v indented (for files people read: report, documents),
// atomically but not synced.
func writeJSON(name string, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return writeFileAtomic(name, buf.Bytes(), false)
}

// published is what the build reads back from the previous published
// build: its documents and report at once, its records, sections and
// abbreviations only when they are needed (load): a run where nothing
// changed does not need them.
type published struct {
	Dir           string
	Documents     []DocumentResult
	Report        *Report
	loaded        bool
	Records       []rccplans.Record
	Sections      []rccplans.Section
	Abbreviations []rccplans.Abbreviation
}

func readPublished(dir string) (*published, error) {
	p := &published{Dir: dir}
	data, err := os.ReadFile(filepath.Join(dir, DocumentsFile))
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &p.Documents); err != nil {
		return nil, fmt.Errorf("corpus: %s/%s: %w", dir, DocumentsFile, err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, ReportFile)); err == nil {
		var r Report
		if json.Unmarshal(data, &r) == nil {
			p.Report = &r
		}
	}
	return p, nil
}

// load reads the records, sections and abbreviations (once).
func (p *published) load() error {
	if p.loaded || p.Dir == "" {
		return nil
	}
	p.loaded = true
	var err error
	if p.Records, err = ReadJSONL[rccplans.Record](filepath.Join(p.Dir, RecordsFile)); err != nil {
		return err
	}
	if p.Sections, err = ReadJSONL[rccplans.Section](filepath.Join(p.Dir, SectionsFile)); err != nil {
		return err
	}
	p.Abbreviations, err = ReadJSONL[rccplans.Abbreviation](filepath.Join(p.Dir, AbbreviationsFile))
	return err
}
