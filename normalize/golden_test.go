package normalize

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rccplans"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden runs Document over the hand-made layouts in testdata/ and
// compares the document, its records and warnings with the golden files
// (refresh them with go test -run TestGolden -update).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.layout.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no layouts in testdata: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var l rccplans.Layout
			if err := json.Unmarshal(data, &l); err != nil {
				t.Fatal(err)
			}
			doc := Document(&l)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", " ")
			if err := enc.Encode(struct {
				Document *rccplans.Document `json:"document"`
				Records  []rccplans.Record  `json:"records"`
			}{doc, doc.Records}); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".layout.json") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from the golden file; got:\n%s", f, buf.String())
			}
		})
	}
}
