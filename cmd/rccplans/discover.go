package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"rccplans/corpus"
)

// discoverMaxPage bounds what `discover` reads of one page.
const discoverMaxPage = 32 << 20

// runDiscover implements `rccplans discover PAGE`: the documents a listing
// page names, one JSON object a line (or a table with --format table).
// PAGE is a file (HTML or its text) or an http(s) address; --base sets the
// address relative links resolve against when PAGE is a file.
func runDiscover(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("discover", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output: json (one object a line) or table")
	base := fs.String("base", "", "address the page was fetched from, for relative links (default: PAGE when it is an address)")
	timeout := fs.Duration("timeout", 60*time.Second, "time allowed to fetch PAGE when it is an address")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 || (*format != "json" && *format != "table") {
		fmt.Fprintln(stderr, "usage: rccplans discover [--format json|table] [--base URL] PAGE")
		return exitUsage
	}
	page := fs.Arg(0)
	data, err := readPage(ctx, page, *timeout)
	if err != nil {
		fmt.Fprintf(stderr, "rccplans: discover: %v\n", err)
		if ctx.Err() != nil {
			return exitInterrupted
		}
		return exitFailed
	}
	b := *base
	if b == "" && isAddress(page) {
		b = page
	}
	entries, err := corpus.Discover(b, data)
	if err != nil {
		fmt.Fprintf(stderr, "rccplans: discover: %s: %v\n", page, err)
		return exitFailed
	}
	out := bufio.NewWriter(stdout)
	if *format == "table" {
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RCC\tKIND\tPERIOD\tFOLLOW-UP\tTITLE\tURL")
		for _, e := range entries {
			period, fy := "", ""
			if e.PeriodFrom != 0 {
				period = fmt.Sprintf("%d–%d", e.PeriodFrom, e.PeriodTo)
			}
			if e.FollowUpYear != 0 {
				fy = fmt.Sprint(e.FollowUpYear)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.RCC, e.Kind, period, fy, e.Title, e.URL)
		}
		tw.Flush()
	} else {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for _, e := range entries {
			enc.Encode(e)
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "rccplans: discover: %v\n", err)
		return exitFailed
	}
	return exitOK
}

func isAddress(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// readPage reads a file, or fetches an address (bounded in size and time).
func readPage(ctx context.Context, page string, timeout time.Duration) ([]byte, error) {
	if !isAddress(page) {
		f, err := os.Open(page)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readBounded(f, page)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, page, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "rccplans-discover/1 (+https://github.com/rccplans)")
	req.Header.Set("Accept", "text/html,text/plain;q=0.9,*/*;q=0.5")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", page, resp.Status)
	}
	return readBounded(resp.Body, page)
}

var errPageTooLarge = errors.New("page larger than 32 MiB")

func readBounded(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, discoverMaxPage+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > discoverMaxPage {
		return nil, fmt.Errorf("%s: %w", name, errPageTooLarge)
	}
	return data, nil
}
