package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"rccplans"
)

// DecodeJSONL reads the JSON Lines export (records, sections and
// abbreviations, each tagged with "type") back into the model. Unknown
// types are skipped, so newer exports stay readable.
func DecodeJSONL(r io.Reader) (recs []rccplans.Record, secs []rccplans.Section, abbrs []rccplans.Abbreviation, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var tag struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(line, &tag); err != nil {
			return recs, secs, abbrs, &rccplans.Error{Row: n, Err: fmt.Errorf("corpus: %w", err)}
		}
		var v any
		switch tag.Type {
		case "record":
			recs = append(recs, rccplans.Record{})
			v = &recs[len(recs)-1]
		case "section":
			secs = append(secs, rccplans.Section{})
			v = &secs[len(secs)-1]
		case "abbreviation":
			abbrs = append(abbrs, rccplans.Abbreviation{})
			v = &abbrs[len(abbrs)-1]
		default:
			continue
		}
		if err := json.Unmarshal(line, v); err != nil {
			return recs, secs, abbrs, &rccplans.Error{Row: n, Err: fmt.Errorf("corpus: %w", err)}
		}
	}
	return recs, secs, abbrs, sc.Err()
}
