package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// validateBulk checks NDJSON against the documented _bulk line format:
// every line one JSON object ending in "\n" (the last one too); action
// lines hold exactly one of index/create/update/delete with the metadata
// keys the API accepts; index/create/update are followed by a source line.
func validateBulk(t *testing.T, data []byte) (actions int) {
	t.Helper()
	if len(data) == 0 || data[len(data)-1] != '\n' {
		t.Fatal("bulk body must end with a newline")
	}
	allowed := map[string]bool{"_index": true, "_id": true, "routing": true, "version": true, "version_type": true, "if_seq_no": true, "if_primary_term": true, "pipeline": true, "require_alias": true}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	expectSource := false
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if bytes.ContainsAny(b, "\r") {
			t.Fatalf("line %d: carriage return", line)
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(b, &obj); err != nil {
			t.Fatalf("line %d: not one JSON object: %v", line, err)
		}
		if expectSource {
			expectSource = false
			continue
		}
		if len(obj) != 1 {
			t.Fatalf("line %d: action line with %d keys", line, len(obj))
		}
		for op, meta := range obj {
			var m map[string]any
			if err := json.Unmarshal(meta, &m); err != nil {
				t.Fatalf("line %d: action metadata: %v", line, err)
			}
			for k := range m {
				if !allowed[k] {
					t.Errorf("line %d: metadata key %q", line, k)
				}
			}
			switch op {
			case "index", "create", "update":
				expectSource = true
			case "delete":
			default:
				t.Fatalf("line %d: unknown action %q", line, op)
			}
		}
		actions++
	}
	if expectSource {
		t.Fatal("last action has no source line")
	}
	return actions
}

func TestOpenSearchBulk(t *testing.T) {
	recs, _ := goldCorpus(t, "000_363f1a49b5c57245", "003_9c6630dc416cd882")
	recs[0].Goal = "line one\nline two \"quoted\" <b>"
	var buf bytes.Buffer
	if err := WriteOpenSearchBulk(&buf, "rccplans", recs); err != nil {
		t.Fatal(err)
	}
	if n := validateBulk(t, buf.Bytes()); n != len(recs) {
		t.Errorf("%d actions, want %d", n, len(recs))
	}
	// Every source line carries exactly the mapped fields ("dynamic":
	// "strict" rejects any other).
	props := OpenSearchMapping()["mappings"].(map[string]any)["properties"].(map[string]any)
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	ids := map[string]bool{}
	for i := 1; i < len(lines); i += 2 {
		var src map[string]any
		json.Unmarshal([]byte(lines[i]), &src)
		for k := range src {
			if _, ok := props[k]; !ok {
				t.Fatalf("source field %q not in the mapping", k)
			}
		}
		for k := range props {
			if _, ok := src[k]; !ok {
				t.Fatalf("mapped field %q missing from source", k)
			}
		}
		ids[src["id"].(string)] = true
	}
	if len(ids) != len(recs) {
		t.Errorf("%d distinct ids for %d records", len(ids), len(recs))
	}
	if !strings.Contains(buf.String(), `"goal":"line one\nline two \"quoted\" <b>"`) {
		t.Error("text not escaped as JSON, or HTML escaped")
	}
}
