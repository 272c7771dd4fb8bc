package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"rccplans/corpus"
	"rccplans/extract"
)

// runEval implements `rccplans eval [DIR]`: every document in DIR/corpus
// and DIR/seeds with a gold file in DIR/gold is extracted and compared with
// it; one line per file and a TOTAL line (or, with --json, one JSON object
// per file and one for the total).
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per file and one for the total")
	verbose := fs.Bool("v", false, "also print the wrong fields of each file by name")
	diff := fs.Bool("diff", false, "also print every wrong field (want/got), missed gold row and extra record")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	dir := "fixtures"
	switch fs.NArg() {
	case 0:
	case 1:
		dir = fs.Arg(0)
	default:
		fmt.Fprintln(stderr, "usage: rccplans eval [--json] [-v] [DIR]")
		return exitUsage
	}
	scores, err := corpus.Evaluate(ctx, dir, extract.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "rccplans: %v\n", err)
		if ctx.Err() != nil {
			return exitInterrupted
		}
		return exitFailed
	}
	total := corpus.Score{File: "TOTAL", Kind: "total"}
	for _, s := range scores {
		total.Add(s)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, s := range append(scores, total) {
			if !*diff {
				s.Diffs = nil
			}
			if err := enc.Encode(evalJSON(s)); err != nil {
				fmt.Fprintf(stderr, "rccplans: %v\n", err)
				return exitFailed
			}
		}
		return exitOK
	}
	fmt.Fprintf(stdout, "%-36s %9s %7s %7s %7s %7s %5s  %s\n", "file", "rows g/f", "recall", "prec", "fields", "status", "meta", "other")
	for _, s := range append(scores, total) {
		fmt.Fprintln(stdout, evalLine(s))
		if *verbose && len(s.FieldErrors) > 0 {
			fmt.Fprintf(stdout, "%-36s wrong: %s\n", "", fieldErrors(s.FieldErrors))
		}
		if *verbose && len(s.MetaWrong) > 0 {
			fmt.Fprintf(stdout, "%-36s meta wrong: %s\n", "", strings.Join(s.MetaWrong, " "))
		}
		if s.Err != "" {
			fmt.Fprintf(stdout, "%-36s error: %s\n", "", s.Err)
		}
		if *diff && s.File != "TOTAL" {
			for _, d := range s.Diffs {
				fmt.Fprintln(stdout, "    "+diffLine(d))
			}
		}
	}
	return exitOK
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", 100*float64(a)/float64(b))
}

func evalLine(s corpus.Score) string {
	rows, recall, prec, fields, status := "-", "-", "-", "-", "-"
	if s.GoldRows > 0 || s.Found > 0 {
		rows = fmt.Sprintf("%d/%d", s.GoldRows, s.Found)
		recall = pct(s.Matched, s.GoldRows)
		prec = pct(s.Matched, s.Found)
		fields = pct(s.FieldsRight, s.Fields)
		status = fmt.Sprintf("%d/%d", s.StatusRight, s.GoldRows)
	}
	meta := "-"
	if s.Meta > 0 {
		meta = fmt.Sprintf("%d/%d", s.MetaRight, s.Meta)
	}
	var other []string
	if s.GoldCompleted > 0 {
		other = append(other, fmt.Sprintf("completed %d/%d", s.CompletedFound, s.GoldCompleted))
	}
	if s.GoldSections > 0 || s.SectionsFound > 0 {
		other = append(other, fmt.Sprintf("sections %d/%d (found %d) region %d title %d text %d",
			s.SectionsMatch, s.GoldSections, s.SectionsFound, s.RegionRight, s.TitleRight, s.TextRight))
	}
	if s.GoldAbbr > 0 || s.AbbrFound > 0 {
		other = append(other, fmt.Sprintf("abbr %d/%d (found %d) right %d", s.AbbrMatch, s.GoldAbbr, s.AbbrFound, s.AbbrRight))
	}
	if s.GoldEntries > 0 || s.EntriesFound > 0 {
		other = append(other, fmt.Sprintf("catalog %d/%d (found %d) right %d", s.EntriesMatch, s.GoldEntries, s.EntriesFound, s.EntriesRight))
	}
	return fmt.Sprintf("%-36s %9s %7s %7s %7s %7s %5s  %s", s.File, rows, recall, prec, fields, status, meta, strings.Join(other, "; "))
}

func fieldErrors(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return m[keys[a]] > m[keys[b]] || m[keys[a]] == m[keys[b]] && keys[a] < keys[b] })
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// evalJSON adds the ratios to a score's counts for machine readers.
func evalJSON(s corpus.Score) any {
	return struct {
		corpus.Score
		RowRecall      float64 `json:"row_recall"`
		RowPrecision   float64 `json:"row_precision"`
		FieldAccuracy  float64 `json:"field_accuracy"`
		StatusAccuracy float64 `json:"status_accuracy"`
	}{s, s.RowRecall(), s.RowPrecision(), s.FieldAccuracy(), s.StatusAccuracy()}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func diffLine(d corpus.Diff) string {
	switch {
	case d.Record == 0:
		return fmt.Sprintf("gold row %d missed: %q", d.Row, clip(d.Want, 100))
	case d.Row == 0:
		return fmt.Sprintf("record %d extra: %q", d.Record, clip(d.Got, 100))
	}
	return fmt.Sprintf("row %d/rec %d %s: want %q got %q", d.Row, d.Record, d.Field, clip(d.Want, 90), clip(d.Got, 90))
}
