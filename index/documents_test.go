package index

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
)

// describe analyses d's fields as scorch does and lists what each field
// gives the index: name, options, value, type and analysed tokens. _all is
// listed by its words, frequencies and length alone: Write's keeps no
// positions (allField).
func describe(d *document.Document) []string {
	var out []string
	freqs := func(name string, tf index.TokenFrequencies, locs bool) string {
		var ts []string
		for term, f := range tf {
			var ls []string
			for _, l := range f.Locations {
				field := l.Field // the composite names the field; a field itself need not
				if field == "" {
					field = name
				}
				ls = append(ls, fmt.Sprintf("%s@%d[%d:%d]%v", field, l.Position, l.Start, l.End, len(l.ArrayPositions)))
			}
			if !locs {
				ls = nil
			}
			ts = append(ts, fmt.Sprintf("%q×%d %v", term, f.Frequency(), ls))
		}
		sort.Strings(ts)
		return fmt.Sprint(ts)
	}
	d.VisitFields(func(f index.Field) {
		if f.Options().IsIndexed() {
			f.Analyze()
			d.VisitComposite(func(cf index.CompositeField) { cf.Compose(f.Name(), f.AnalyzedLength(), f.AnalyzedTokenFrequencies()) })
		}
		if f.Name() == fieldAll {
			out = append(out, fmt.Sprintf("all %d %s", f.AnalyzedLength(), freqs(f.Name(), f.AnalyzedTokenFrequencies(), false)))
			return
		}
		out = append(out, fmt.Sprintf("%s %v %c %q %d %d %s", f.Name(), f.Options(), f.EncodedFieldType(), f.Value(),
			len(f.ArrayPositions()), f.AnalyzedLength(), freqs(f.Name(), f.AnalyzedTokenFrequencies(), true)))
	})
	d.VisitComposite(func(cf index.CompositeField) {
		out = append(out, fmt.Sprintf("all %d %s", cf.AnalyzedLength(), freqs(cf.Name(), cf.AnalyzedTokenFrequencies(), false)))
	})
	sort.Strings(out)
	return out
}

// TestDocuments: the documents Write makes are those bleve's mapping makes
// of the same values (but for _all's positions).
func TestDocuments(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	dm, err := newDocMaker(im)
	if err != nil {
		t.Fatal(err)
	}
	c := loadGold(t)
	comp := newCompounder()
	for i := range c.recs {
		comp.learn(recordTexts(&c.recs[i]))
	}
	comp.freeze()
	var docs [][]fieldValue
	for i := range c.recs {
		vs, err := recordValues(&c.recs[i], comp)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, vs)
	}
	for i := range c.secs {
		vs, err := sectionValues(&c.secs[i], comp)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, vs)
	}
	docs = append(docs, []fieldValue{{name: "goal", n: 3, num: true}, {name: "period_from", text: "x"}, {name: "unknown", text: "y"}})
	for i, vs := range docs {
		m := map[string]any{}
		for _, v := range vs {
			if v.num {
				m[v.name] = v.n
			} else {
				m[v.name] = v.text
			}
		}
		want := document.NewDocument("d")
		if err := im.MapDocument(want, m); err != nil {
			t.Fatal(err)
		}
		got := dm.doc("d", vs)
		if g, w := describe(got), describe(want); !reflect.DeepEqual(g, w) {
			for j := range max(len(g), len(w)) {
				if j >= len(g) || j >= len(w) || g[j] != w[j] {
					t.Fatalf("document %d field %d:\ngot  %q\nwant %q", i, j, g[min(j, len(g)-1)], w[min(j, len(w)-1)])
				}
			}
		}
	}
}

// TestStoredColumns: the columns kept with an index are those an index with
// doc values gives (as written before the columns were stored), and damaged
// stored columns are an error, not wrong facets.
func TestStoredColumns(t *testing.T) {
	x, c := openGold(t)
	// An index as Write made it before: keyword doc values, no stored columns.
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	for _, dm := range im.DefaultMapping.Properties {
		for _, fm := range dm.Fields {
			if fm.Analyzer == keyword.Name && fm.Index {
				fm.DocValues = true
			}
		}
	}
	dmk, err := newDocMaker(im)
	if err != nil {
		t.Fatal(err)
	}
	old, err := bleve.NewUsing(filepath.Join(t.TempDir(), "old"), im, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	comp := newCompounder()
	comp.freeze()
	b := old.NewBatch()
	for i := range c.recs {
		vs, err := recordValues(&c.recs[i], comp)
		if err != nil {
			t.Fatal(err)
		}
		b.IndexAdvanced(dmk.doc(docID("r", i), vs))
	}
	if err := old.Batch(b); err != nil {
		t.Fatal(err)
	}
	fromDV, err := readColumns(old)
	if err != nil {
		t.Fatal(err)
	}
	byID := func(cs *columns) map[string]string {
		m := map[string]string{}
		for n, id := range cs.ids {
			if id == "" || id[0] != 'r' {
				continue
			}
			for _, f := range columnFields {
				col := cs.cols[f]
				if k := col.value(n); k >= 0 {
					m[id+" "+f] = col.dict[k]
				}
			}
		}
		return m
	}
	got, want := byID(x.cols), byID(fromDV)
	if len(want) < len(c.recs)*5 {
		t.Fatalf("only %d values from doc values", len(want))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stored columns differ from doc values: %d values, %d from doc values", len(got), len(want))
	}

	// Damaged stored columns.
	raw, err := x.bleve.GetInternal(internalColumns)
	if err != nil || len(raw) == 0 {
		t.Fatalf("no stored columns: %v", err)
	}
	for _, bad := range [][]byte{raw[:len(raw)/2], append([]byte{99}, raw[1:]...), {1}} {
		if err := old.SetInternal(internalColumns, bad); err != nil {
			t.Fatal(err)
		}
		if _, err := readColumns(old); !errors.Is(err, errColumns) {
			t.Errorf("%d bytes: err %v, want errColumns", len(bad), err)
		}
	}
}

// TestLearnAll: the vocabulary learnt by one worker per CPU is the one
// learnt text by text.
func TestLearnAll(t *testing.T) {
	c := loadGold(t)
	var texts []string
	for i := range c.recs {
		texts = append(texts, recordTexts(&c.recs[i]))
	}
	for _, s := range c.secs {
		texts = append(texts, s.Title+" "+s.Text)
	}
	for len(texts) < 2000 { // enough for several workers
		texts = append(texts, texts...)
	}
	one := newCompounder()
	for _, s := range texts {
		one.learn(s)
	}
	one.freeze()
	all := newCompounder()
	all.learnAll(len(texts), func(i int) string { return texts[i] })
	all.freeze()
	if !reflect.DeepEqual(one.seen, all.seen) || !reflect.DeepEqual(one.stems, all.stems) || !reflect.DeepEqual(one.entries, all.entries) {
		t.Errorf("learnAll: %d words, %d stems, %d entries; learn: %d, %d, %d",
			len(all.seen), len(all.stems), len(all.entries), len(one.seen), len(one.stems), len(one.entries))
	}
	if len(one.entries) < 1000 {
		t.Errorf("only %d words", len(one.entries))
	}
}
