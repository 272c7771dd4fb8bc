package index

import (
	"encoding/json"
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"rccplans"
)

// Documents are made here from the mapping's field list rather than by
// bleve's mapping, which walks each document (a map) by reflection and
// looks every field's mapping and analyzer up by name: the same fields,
// options, analyzers and _all field, for a tenth of the work. TestDocuments
// checks that both give the same document.

// fieldValue is one property of a document: text, or a number when num.
type fieldValue struct {
	name string
	text string
	n    int
	num  bool
}

// fieldPlan is what the mapping makes of one property: an index field.
type fieldPlan struct {
	name   string // index field name
	number bool
	opts   index.FieldIndexingOptions
	an     analysis.Analyzer
	inAll  bool
}

// docMaker makes documents as the mapping im would.
type docMaker struct {
	plans map[string][]fieldPlan // property -> its index fields
}

func newDocMaker(im *mapping.IndexMappingImpl) (*docMaker, error) {
	m := &docMaker{plans: map[string][]fieldPlan{}}
	for prop, dm := range im.DefaultMapping.Properties {
		for _, fm := range dm.Fields {
			p := fieldPlan{name: prop, opts: fm.Options(), inAll: fm.IncludeInAll}
			if fm.Name != "" {
				p.name = fm.Name
			}
			switch fm.Type {
			case "text":
				an := fm.Analyzer
				if an == "" {
					an = im.DefaultAnalyzer
				}
				if p.an = im.AnalyzerNamed(an); p.an == nil {
					return nil, fmt.Errorf("%w: %s", errAnalyzer, an)
				}
			case "number":
				p.number = true
			default:
				return nil, fmt.Errorf("index: field %s: type %s not made by docMaker", prop, fm.Type)
			}
			m.plans[prop] = append(m.plans[prop], p)
		}
	}
	return m, nil
}

// doc makes the document id of the values. Values of properties the
// mapping does not know are left out, as the static mapping does.
func (m *docMaker) doc(id string, vs []fieldValue) *document.Document {
	d := document.NewDocument(id)
	all := &allField{}
	for _, v := range vs {
		for _, p := range m.plans[v.name] {
			if p.number != v.num {
				continue // the mapping ignores a value of another type
			}
			var f document.Field
			if p.number {
				f = document.NewNumericFieldWithIndexingOptions(p.name, nil, float64(v.n), p.opts)
			} else {
				f = document.NewTextFieldCustom(p.name, nil, []byte(v.text), p.opts, p.an)
			}
			d.AddField(f)
			if p.inAll && p.opts.IsIndexed() {
				all.fields = append(all.fields, f)
			}
		}
	}
	d.AddField(all) // last: bleve analyses a document's fields in order
	d.SetIndexed()
	return d
}

// allField is the _all field: every word of the fields included in it,
// with their frequencies and the sum of their lengths, as the mapping's
// composite _all field has them, but without positions. Phrases need
// positions only within one field (bleve never matches a phrase across
// fields, even in _all), so a phrase of a query string without a field is
// searched in each text field (simplify); the segment builder is spared
// every word's position a second time, about a tenth of a build.
type allField struct {
	fields []document.Field // analysed before this one
	length int
	freqs  index.TokenFrequencies
}

func (f *allField) Name() string                                     { return fieldAll }
func (f *allField) ArrayPositions() []uint64                         { return nil }
func (f *allField) Options() index.FieldIndexingOptions              { return index.IndexField }
func (f *allField) Value() []byte                                    { return nil }
func (f *allField) NumPlainTextBytes() uint64                        { return 0 }
func (f *allField) EncodedFieldType() byte                           { return 'c' }
func (f *allField) AnalyzedLength() int                              { return f.length }
func (f *allField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }

// Size is what bleve counts as the field's memory (a statistic).
func (f *allField) Size() int { return 64 + 48*len(f.freqs) }

func (f *allField) Analyze() {
	f.length = 0
	f.freqs = make(index.TokenFrequencies, 64)
	for _, src := range f.fields {
		f.length += src.AnalyzedLength()
		for term, tf := range src.AnalyzedTokenFrequencies() {
			if cur, ok := f.freqs[term]; ok {
				cur.SetFrequency(cur.Frequency() + tf.Frequency())
				continue
			}
			t := &index.TokenFreq{Term: tf.Term}
			t.SetFrequency(tf.Frequency())
			f.freqs[term] = t
		}
	}
}

// recordValues are the properties of a record's document.
func recordValues(r *rccplans.Record, comp *compounder) ([]fieldValue, error) {
	src, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	vs := make([]fieldValue, 0, 32)
	vs = append(vs, fieldValue{name: fieldSource, text: string(src)}, fieldValue{name: fieldType, text: "record"},
		fieldValue{name: "period_from", n: r.PeriodFrom, num: true}, fieldValue{name: "period_to", n: r.PeriodTo, num: true},
		fieldValue{name: fieldTerms, text: comp.terms(r.Goal, r.Activity, r.RCCActivity, r.CurrentState, r.Target,
			r.Responsible, r.Area, r.Chapter, r.Section, r.FollowUp, r.Evaluation)})
	// Empty values are left out: an empty text has no words, an empty
	// keyword is no facet bucket, and each field costs the segment builder.
	return strs(vs, "goal", r.Goal, "activity", r.Activity, "rcc_activity", r.RCCActivity, "current_state", r.CurrentState,
		"target", r.Target, "responsible", r.Responsible, "area", r.Area, "chapter", r.Chapter, "section", r.Section,
		"timeframe", r.Timeframe, "status_raw", r.StatusRaw, "follow_up", r.FollowUp, "evaluation", r.Evaluation,
		"region", r.Region, "rcc", r.RCC, "kind", r.Kind, "status", r.Status,
		"area_code", r.AreaCode, "doc_id", r.DocID, "source_file", r.SourceFile, fieldPeriod, period(r.PeriodFrom, r.PeriodTo)), nil
}

// sectionValues are the properties of a section's document.
func sectionValues(s *rccplans.Section, comp *compounder) ([]fieldValue, error) {
	src, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	vs := make([]fieldValue, 0, 16)
	vs = append(vs, fieldValue{name: fieldSource, text: string(src)}, fieldValue{name: fieldType, text: "section"},
		fieldValue{name: "period_from", n: s.PeriodFrom, num: true}, fieldValue{name: "period_to", n: s.PeriodTo, num: true},
		fieldValue{name: "follow_up_year", n: s.FollowUpYear, num: true},
		fieldValue{name: fieldTerms, text: comp.terms(s.Title, s.Text)})
	return strs(vs, "title", s.Title, "text", s.Text, "region", s.Region, "rcc", s.RCC, "kind", s.Kind,
		"doc_id", s.DocID, "source_file", s.SourceFile, fieldPeriod, period(s.PeriodFrom, s.PeriodTo)), nil
}

// strs adds the non-empty values of name, value pairs.
func strs(vs []fieldValue, kv ...string) []fieldValue {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			vs = append(vs, fieldValue{name: kv[i], text: kv[i+1]})
		}
	}
	return vs
}
