package corpus

import (
	"bufio"
	"encoding/json"
	"io"

	"rccplans"
)

// OpenSearchMapping is the index body (settings and mappings) for the
// bulk export: Swedish analysis on the text fields, keywords for the facet
// fields, integers for the years. It works unchanged in OpenSearch and
// Elasticsearch (the built-in "swedish" analyzer stems and keeps å, ä, ö).
func OpenSearchMapping() map[string]any {
	text := map[string]any{"type": "text", "analyzer": "swedish"}
	keyword := map[string]any{"type": "keyword"}
	integer := map[string]any{"type": "integer"}
	props := map[string]any{"type": keyword, "id": keyword}
	for _, f := range []string{"doc_id", "source_file", "region", "rcc", "kind", "area_code", "goal_number", "status", "status_raw"} {
		props[f] = keyword
	}
	for _, f := range []string{"chapter", "section", "area"} {
		props[f] = map[string]any{"type": "text", "analyzer": "swedish", "fields": map[string]any{"raw": keyword}}
	}
	for _, f := range []string{"goal", "current_state", "target", "rcc_activity", "activity", "responsible", "timeframe", "follow_up", "evaluation"} {
		props[f] = text
	}
	for _, f := range []string{"page", "period_from", "period_to"} {
		props[f] = integer
	}
	return map[string]any{
		"settings": map[string]any{"number_of_shards": 1},
		"mappings": map[string]any{"dynamic": "strict", "properties": props},
	}
}

// WriteOpenSearchBulk writes records as bulk NDJSON for index: for each
// record an action line {"index":{"_index":…,"_id":…}} and the record
// (with its "type" and an "id"), each ending in a newline, as the _bulk
// API requires.
func WriteOpenSearchBulk(w io.Writer, index string, recs []rccplans.Record) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	type action struct {
		Index string `json:"_index"`
		ID    string `json:"_id"`
	}
	for _, r := range recs {
		id := r.ID()
		if err := enc.Encode(map[string]action{"index": {index, id}}); err != nil {
			return err
		}
		// The record's own MarshalJSON gives the export fields and "type";
		// the id is added beside them.
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		var obj map[string]any
		if err := json.Unmarshal(b, &obj); err != nil {
			return err
		}
		obj["id"] = id
		if err := enc.Encode(obj); err != nil {
			return err
		}
	}
	return bw.Flush()
}
