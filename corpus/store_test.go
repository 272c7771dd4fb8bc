package corpus

import (
	"context"
	"os"
	"path/filepath"
	"rccplans/extract"
	"strings"
	"testing"
	"time"
)

func TestStore(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	data := []byte("%PDF-1.4\nhello\n")
	sum, rel, err := s.Put(data)
	if err != nil {
		t.Fatal(err)
	}
	if rel != filepath.Join("objects", sum[:2], sum+".pdf") {
		t.Fatalf("rel = %q", rel)
	}
	if sum2, _, err := s.Put(data); err != nil || sum2 != sum {
		t.Fatalf("second put: %s, %v", sum2, err)
	}
	got, err := s.Get(sum, ".pdf")
	if err != nil || string(got) != string(data) {
		t.Fatalf("get: %q, %v", got, err)
	}
	// A damaged object is noticed, not served.
	os.WriteFile(filepath.Join(s.Dir, rel), []byte("%PDF-1.4\nHELLO\n"), 0o644)
	if _, err := s.Get(sum, ".pdf"); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("damaged object: %v", err)
	}
}

func TestStoreRefusesNames(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	tests := []struct{ name, sum, ext string }{
		{"traversal in hash", "../../etc/passwd", ".pdf"},
		{"short hash", "abc", ".pdf"},
		{"upper case", strings.Repeat("A", 64), ".pdf"},
		{"traversal in extension", strings.Repeat("a", 64), "/../../x"},
		{"unknown extension", strings.Repeat("a", 64), ".exe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := s.Rel(tc.sum, tc.ext); err == nil {
				t.Fatal("accepted")
			}
			if _, err := s.Get(tc.sum, tc.ext); err == nil {
				t.Fatal("Get accepted")
			}
		})
	}
}

func TestCacheRoundTrip(t *testing.T) {
	var opt extract.Options
	c := &Cache{Dir: t.TempDir()}
	sum := strings.Repeat("b", 64)
	if _, ok := c.get(sum, opt); ok {
		t.Fatal("hit in an empty cache")
	}
	doc, _ := synthExtract(context.Background(), "a.txt", []byte("1.a|Mål|Aktivitet|Klar\n"), opt)
	if err := c.put(sum, opt, doc, nil); err != nil {
		t.Fatal(err)
	}
	e, ok := c.get(sum, opt)
	if !ok || len(e.Document.Records) != 1 || e.Document.Records[0].Goal != "Mål" || e.Err != "" {
		t.Fatalf("cached %+v, %v", e, ok)
	}
	other := opt
	other.MaxPages = 3
	if _, ok := c.get(sum, other); ok {
		t.Fatal("hit with other extraction options")
	}
	slower := opt
	slower.Timeout = time.Hour
	if _, ok := c.get(sum, slower); !ok {
		t.Fatal("a time bound alone must not miss the cache")
	}
	rebuilt := &Cache{Dir: c.Dir, Program: "go:another-build"}
	if _, ok := rebuilt.get(sum, opt); ok {
		t.Fatal("hit from another program build: its readers may differ")
	}
}
