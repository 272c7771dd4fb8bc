package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/sv" // registers the Swedish analyzer; it is not registered otherwise
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names in the index. Text fields carry the JSON names of the model
// (shared/spec/model.md) so that power users can write goal:screening.
const (
	fieldSource = "src"   // the whole record or section as JSON; stored, not indexed
	fieldTerms  = "terms" // normal forms of the words and their compound parts (compound.go); never shown
	fieldAll    = "_all"  // every text field, for free text and query strings
	fieldType   = "type"  // record or section
	fieldPeriod = "period"
	fieldChap   = "chapter_key" // chapter as a keyword, for facets and filters
)

// analyzerLower splits and lower-cases without stemming or stop words: the
// words of the vocabulary and of highlights. å, ä and ö are never folded.
const analyzerLower = "rccplans_lower"

// analyzerTerms splits fieldTerms, which Write fills with normal forms.
const analyzerTerms = "rccplans_terms"

// recordText and sectionText are the analysed text fields, in display order.
var (
	recordText  = []string{"goal", "activity", "rcc_activity", "current_state", "target", "responsible", "area", "chapter", "section", "timeframe", "status_raw", "follow_up", "evaluation"}
	sectionText = []string{"title", "text"}
)

// keywordFields are the exact-valued fields used for facets and filters.
var keywordFields = []string{fieldType, "region", "rcc", "kind", "status", fieldChap, "area_code", "doc_id", "source_file", fieldPeriod}

// numericFields hold years for ranges and sorting. (Each numeric value
// costs several index terms; page numbers are only displayed.)
var numericFields = []string{"period_from", "period_to", "follow_up_year"}

func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(analyzerLower, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	if err := im.AddCustomAnalyzer(analyzerTerms, map[string]any{
		"type":      custom.Name,
		"tokenizer": whitespace.Name,
	}); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = analyzerSwedish
	im.DefaultField = fieldAll
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	doc := bleve.NewDocumentStaticMapping()
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzerSwedish
		f.Store = false
		f.IncludeTermVectors = true // phrases of the query-string syntax need positions
		f.IncludeInAll = true
		f.DocValues = false
		return f
	}
	for _, name := range append(append([]string{}, recordText...), sectionText...) {
		if name == "chapter" {
			continue
		}
		doc.AddFieldMappingsAt(name, text())
	}
	kw := func(name string) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Name = name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true // query strings search region:"Region X" as a phrase
		f.DocValues = false         // facets and filters read the stored columns (columns.go)
		return f
	}
	// chapter is both text (searched) and keyword (faceted).
	doc.AddFieldMappingsAt("chapter", text(), kw(fieldChap))
	for _, name := range keywordFields {
		if name == fieldChap {
			continue
		}
		doc.AddFieldMappingsAt(name, kw(name))
	}
	for _, name := range numericFields {
		f := bleve.NewNumericFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false // sorting and period filters use the columns
		doc.AddFieldMappingsAt(name, f)
	}
	terms := bleve.NewTextFieldMapping()
	terms.Analyzer = analyzerTerms
	terms.Store = false
	terms.IncludeInAll = false
	terms.IncludeTermVectors = false
	terms.DocValues = false
	doc.AddFieldMappingsAt(fieldTerms, terms)

	src := bleve.NewTextFieldMapping()
	src.Analyzer = keyword.Name
	src.Index = false
	src.Store = true
	src.IncludeInAll = false
	src.IncludeTermVectors = false
	src.DocValues = false
	doc.AddFieldMappingsAt(fieldSource, src)

	im.DefaultMapping = doc
	if err := im.Validate(); err != nil {
		return nil, err
	}
	return im, nil
}

// analyzers are the two analysers the Go side needs outside bleve: the
// Swedish one (stems, as the index has them) and the lower-casing one.
type analyzers struct {
	sv, lower analysis.Analyzer
}

func newAnalyzers(im *mapping.IndexMappingImpl) (analyzers, error) {
	var a analyzers
	a.sv = im.AnalyzerNamed(analyzerSwedish)
	a.lower = im.AnalyzerNamed(analyzerLower)
	if a.sv == nil || a.lower == nil {
		return a, errAnalyzer
	}
	return a, nil
}

// stems returns the Swedish stems of s as the index holds them (stop words dropped).
func (a analyzers) stems(s string) []string {
	toks := a.sv.Analyze([]byte(s))
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, string(t.Term))
	}
	return out
}

// stem returns the stem of one word, or "" for a stop word.
func (a analyzers) stem(w string) string {
	s := a.stems(w)
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
