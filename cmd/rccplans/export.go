package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	rp "rccplans"
	"rccplans/corpus"
)

// runExport implements `rccplans export --format opensearch-bulk`: the
// records of a published build as OpenSearch/Elasticsearch _bulk NDJSON on
// stdout, and with --mapping the index body (Swedish analyzer) to a file.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "opensearch-bulk", "output format: opensearch-bulk")
	data := fs.String("data", "out", "published build directory (its current/ is used when present), or a records.jsonl file")
	indexName := fs.String("index", "rccplans", "target index name in the action lines")
	mapping := fs.String("mapping", "", "also write the index settings and mappings (JSON) to this file")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: rccplans export --format opensearch-bulk [--data DIR|FILE] [--index NAME] [--mapping FILE]")
		return exitUsage
	}
	if *format != "opensearch-bulk" {
		fmt.Fprintf(stderr, "rccplans export: unknown format %q (want opensearch-bulk)\n", *format)
		return exitUsage
	}
	path := *data
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		// An output folder (its published build) or a build folder itself.
		if cur, err := corpus.Current(path); err == nil {
			path = cur
		}
		path = filepath.Join(path, corpus.RecordsFile)
	}
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(stderr, "rccplans export: %v\n", err)
		return exitUsage
	}
	recs, err := corpus.ReadJSONL[rp.Record](path)
	if err != nil {
		fmt.Fprintf(stderr, "rccplans export: %v\n", err)
		return exitFailed
	}
	if *mapping != "" {
		b, _ := json.MarshalIndent(corpus.OpenSearchMapping(), "", "  ")
		if err := os.WriteFile(*mapping, append(b, '\n'), 0o644); err != nil {
			fmt.Fprintf(stderr, "rccplans export: %v\n", err)
			return exitFailed
		}
	}
	w := bufio.NewWriter(stdout)
	if err := corpus.WriteOpenSearchBulk(w, *indexName, recs); err != nil {
		fmt.Fprintf(stderr, "rccplans export: %v\n", err)
		return exitFailed
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "rccplans export: %v\n", err)
		return exitFailed
	}
	return exitOK
}
