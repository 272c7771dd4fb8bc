package rccplans_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestArchitecture keeps the arrows of the design: the stages import the
// root vocabulary and never each other (only cmd and corpus wire them),
// and each third-party library stays in its one place.
func TestArchitecture(t *testing.T) {
	// package dir -> the project packages it may import
	allowed := map[string][]string{
		".":         nil,
		"extract":   {"rccplans"},
		"normalize": {"rccplans"},
		"index":     {"rccplans"},
		"fixtures":  nil,
		"corpus":    {"rccplans", "rccplans/extract", "rccplans/normalize", "rccplans/index", "rccplans/fixtures"},
	}
	// library import path prefix -> where it may be imported (dir or dir/file)
	libraries := map[string][]string{
		"github.com/ledongthuc/pdf":     {"extract/pdf", "extract/repair"},
		"github.com/blevesearch/bleve":  {"index/"},
		"github.com/xuri/excelize":      {"corpus/xlsx.go"},
		"go.uber.org/zap":               {"cmd/", "corpus/build"},
		"github.com/chromedp/chromedp":  {"index/browser_test.go"},
		"github.com/chromedp/cdproto":   {"index/browser_test.go"},
		"golang.org/x/net/html":         {"extract/", "corpus/discover"},
		"golang.org/x/net/html/charset": {"extract/"},
		"golang.org/x/net/html/atom":    {"extract/", "corpus/discover"},
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "synthetic" || name == "holdout") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		test := strings.HasSuffix(path, "_test.go")
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == "rccplans" || strings.HasPrefix(p, "rccplans/") {
				ok, known := allowed[dir]
				if !known || test { // cmd wires everything; tests may read fixtures through any stage
					continue
				}
				if !contains(ok, p) {
					t.Errorf("%s imports %s: stages import the root vocabulary, not each other", path, p)
				}
				continue
			}
			for lib, places := range libraries {
				if p != lib && !strings.HasPrefix(p, lib+"/") && !strings.HasPrefix(p, lib) {
					continue
				}
				in := false
				for _, pl := range places {
					// A test may check its package's output with the
					// package's own library (read back the workbook).
					if strings.HasPrefix(filepath.ToSlash(path), pl) || test && strings.HasPrefix(pl, dir+"/") {
						in = true
					}
				}
				if !in {
					t.Errorf("%s imports %s, which belongs in %v only", path, p, places)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
