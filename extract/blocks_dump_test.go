package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rccplans"
)

// dumpBlocks is the compact text form of blocks used by the golden files:
// one line per heading or paragraph, a table as its header and rows with
// cells separated by " | " (a spanned copy is marked with "^").
func dumpBlocks(bs []rccplans.Block) string {
	var b strings.Builder
	for _, bl := range bs {
		switch bl.Kind {
		case rccplans.BlockHeading:
			fmt.Fprintf(&b, "p%d H%d %s\n", bl.Page, bl.Level, bl.Text)
		case rccplans.BlockParagraph:
			tag := "P"
			if bl.Note {
				tag = "NOTE"
			}
			fmt.Fprintf(&b, "p%d %s %s\n", bl.Page, tag, bl.Text)
		case rccplans.BlockTable:
			fmt.Fprintf(&b, "p%d TABLE %d cols, %d rows\n", bl.Page, len(firstRow(bl.Table)), len(bl.Table.Rows))
			for _, h := range bl.Table.Header {
				fmt.Fprintf(&b, "  head: %s\n", strings.Join(h, " | "))
			}
			for i, r := range bl.Table.Rows {
				cs := make([]string, len(r.Cells))
				for j, c := range r.Cells {
					cs[j] = c.Text
					if c.Spanned {
						cs[j] = "^" + cs[j]
					}
				}
				fmt.Fprintf(&b, "  r%d p%d: %s\n", i+1, r.Page, strings.Join(cs, " | "))
			}
		}
	}
	return b.String()
}

func firstRow(t *rccplans.Table) []string {
	if len(t.Header) > 0 {
		return t.Header[0]
	}
	if len(t.Rows) > 0 {
		s := make([]string, len(t.Rows[0].Cells))
		return s
	}
	return nil
}

// readFixturePDF reads a fixture PDF with the package's reader.
func readFixturePDF(t testing.TB, name string) *rccplans.Layout {
	t.Helper()
	return readPDFFile(t, filepath.Join("..", "fixtures", "corpus", name))
}

// readPDFFile reads a PDF file with the package's reader.
func readPDFFile(t testing.TB, path string) *rccplans.Layout {
	t.Helper()
	name := filepath.Base(path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("fixture: %v", err)
	}
	l, err := PDF(context.Background(), name, data, Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return l
}

// TestDumpFixture prints the blocks of one fixture: a debugging aid,
// run with BLOCKS_DUMP=name.pdf (a file of fixtures/corpus) or a path
// (any file, e.g. ../fixtures/holdout/corpus/x.pdf).
func TestDumpFixture(t *testing.T) {
	name := os.Getenv("BLOCKS_DUMP")
	if name == "" {
		t.Skip("set BLOCKS_DUMP to a fixture file name or a path")
	}
	var l *rccplans.Layout
	if strings.ContainsRune(name, '/') {
		l = readPDFFile(t, name)
	} else {
		l = readFixturePDF(t, name)
	}
	fmt.Print(dumpBlocks(l.Blocks))
	for _, w := range l.Warnings {
		fmt.Println("WARN", w)
	}
}
