package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"rccplans/index"
)

// multiFlag is a flag that may be given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// runSearch implements `rccplans search QUERY [--region R] [--status S]
// [--format table|json] [--data DIR]`: a search of the published build,
// as a table or as the JSON of /api/search.
func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "out", "output folder of `rccplans build` (its current build is searched), a build folder or an index folder")
	format := fs.String("format", "table", "table or json")
	sortBy := fs.String("sort", "", "relevance (default), region, status, period, -period or doc")
	page := fs.Int("page", 1, "page of hits")
	size := fs.Int("size", index.DefaultSize, fmt.Sprintf("hits per page (at most %d)", index.MaxSize))
	filters := map[string]*multiFlag{}
	for _, f := range append(append([]string{}, index.Facets...), "area_code", "doc_id", "source_file") {
		m := &multiFlag{}
		filters[f] = m
		fs.Var(m, f, "only hits with this "+f+" (repeat for several)")
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: rccplans search QUERY [--region R] [--status S] [--format table|json] [--data DIR] [flags]")
		fmt.Fprintln(stderr, "QUERY is free text (Swedish compounds and abbreviations understood) or bleve query-string syntax\n(goal:screening, +region:\"Region Skåne\", \"palliativ vård\"); an empty QUERY with filters lists all matches.")
		fs.PrintDefaults()
	}
	// Flags may come before or after the query words.
	var words []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(stderr, "rccplans search: --format must be table or json, not %q\n", *format)
		return exitUsage
	}
	req := index.Request{Query: strings.Join(words, " "), Sort: *sortBy, Page: *page, Size: *size, Filters: map[string][]string{}}
	for k, m := range filters {
		if len(*m) > 0 {
			req.Filters[k] = *m
		}
	}
	if _, err := req.Normalize(); err != nil {
		fmt.Fprintf(stderr, "rccplans search: %v\n", err)
		return exitUsage
	}
	live, err := index.OpenLive(*data)
	if err != nil {
		fmt.Fprintf(stderr, "rccplans search: %v\n", err)
		return exitFailed
	}
	defer live.Close()
	res, err := live.Search(ctx, req)
	if err != nil {
		fmt.Fprintf(stderr, "rccplans search: %v\n", err)
		if errors.Is(err, index.ErrBadQuery) {
			return exitUsage
		}
		return exitFailed
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			return exitFailed
		}
		return exitOK
	}
	printTable(stdout, res)
	return exitOK
}

// printTable prints hits as aligned columns, then the facet counts.
func printTable(w io.Writer, res *index.Result) {
	first := (res.Page-1)*res.Size + 1
	last := first + len(res.Hits) - 1
	if len(res.Hits) == 0 {
		fmt.Fprintf(w, "%d hits\n", res.Total)
	} else {
		fmt.Fprintf(w, "%d hits, %d–%d:\n\n", res.Total, first, last)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tREGION\tSTATUS\tPERIOD\tSOURCE\tTEXT")
	for i, h := range res.Hits {
		region, status, period, text := "", "", "", ""
		if r := h.Record; r != nil {
			region, status, period = r.Region, r.Status, years(r.PeriodFrom, r.PeriodTo)
			text = r.Goal
			if text == "" {
				text = r.Activity
			}
		} else if s := h.Section; s != nil {
			region, status, period = s.Region, "section", years(s.PeriodFrom, s.PeriodTo)
			text = strings.TrimSpace(s.Number + " " + s.Title)
		}
		// The best snippet says why it matched; marks become *…*.
		for _, f := range []string{"goal", "activity", "title", "text", "rcc_activity", "current_state", "target", "area", "chapter"} {
			if s, ok := h.Highlights[f]; ok && len(s) > 0 {
				text = plain(s[0])
				break
			}
		}
		src := h.SourceFile()
		if p := h.PageNumber(); p > 0 {
			src = fmt.Sprintf("%s:%d", src, p)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", first+i, region, status, period, src, cut(text, 90))
	}
	tw.Flush()
	for _, f := range index.Facets {
		cs := res.Facets[f]
		if len(cs) == 0 {
			continue
		}
		var parts []string
		for _, c := range cs {
			parts = append(parts, fmt.Sprintf("%s (%d)", c.Value, c.Count))
		}
		fmt.Fprintf(w, "\n%s: %s", f, strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
}

func years(from, to int) string {
	switch {
	case from == 0:
		return ""
	case to == 0 || to == from:
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

// plain turns a highlight snippet back into text, marks as *word*.
func plain(s string) string {
	s = strings.NewReplacer("<mark>", "*", "</mark>", "*").Replace(s)
	return html.UnescapeString(s)
}

func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
