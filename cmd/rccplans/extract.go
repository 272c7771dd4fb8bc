package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"rccplans/corpus"
	"rccplans/extract"
)

// runExtract implements `rccplans extract FILE...`: every record of every
// file, then every section and abbreviation, one JSON object a line. A file
// that fails is named on stderr; the others are still printed.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	maxPages := fs.Int("max-pages", extract.DefaultMaxPages, "fail a document with more pages than this")
	warnings := fs.Bool("warnings", false, "also print each document's warnings on stderr")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: rccplans extract [--max-pages N] FILE...")
		return exitUsage
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	code := exitOK
	// Spec order: every record of every file, then every section and
	// abbreviation. Records stream; the (few) others wait for the end.
	var rest []any
	for _, path := range fs.Args() {
		if ctx.Err() != nil {
			return exitInterrupted
		}
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "rccplans: %v\n", err)
			code = exitFailed
			continue
		}
		doc, err := corpus.Extract(ctx, path, data, extract.Options{MaxPages: *maxPages})
		if err != nil {
			fmt.Fprintf(stderr, "rccplans: %v\n", err)
			code = exitFailed
		}
		if doc == nil {
			continue
		}
		if *warnings {
			for _, w := range doc.Warnings {
				fmt.Fprintf(stderr, "rccplans: warning: %s\n", w)
			}
		}
		for _, r := range doc.Records {
			enc.Encode(r)
		}
		for _, s := range doc.Sections {
			rest = append(rest, s)
		}
		for _, a := range doc.Abbreviations {
			rest = append(rest, a)
		}
	}
	for _, v := range rest {
		enc.Encode(v)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "rccplans: %v\n", err)
		return exitFailed
	}
	return code
}
