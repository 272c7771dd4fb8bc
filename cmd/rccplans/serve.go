package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	rp "rccplans"
	"rccplans/corpus"
	"rccplans/index"
)

// runServe implements `rccplans serve [--addr 127.0.0.1:8080] [--data DIR]`:
// the web page and JSON API over the published build, following new builds
// without a restart.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (loopback unless told otherwise)")
	data := fs.String("data", "out", "output folder of `rccplans build` (its current build is served and followed), a build folder or an index folder")
	poll := fs.Duration("poll", 2*time.Second, "how often to look for a newly published build")
	timeout := fs.Duration("timeout", 10*time.Second, "time limit of a search request (exports get six times as long)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: rccplans serve [--addr 127.0.0.1:8080] [--data DIR] [flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "rccplans serve: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	live, err := index.OpenLiveWith(*data, loadAcross)
	if err != nil {
		fmt.Fprintf(stderr, "rccplans serve: %v\n", err)
		return exitFailed
	}
	defer live.Close()
	if live.Build() == "" {
		if _, err := live.Reload(); err != nil {
			fmt.Fprintf(stderr, "rccplans serve: %v (serving as soon as a build is published)\n", err)
		}
	}
	if live.Build() != "" {
		if _, err := live.Across(); err != nil {
			fmt.Fprintf(stderr, "rccplans serve: no record history or comparison: %v\n", err)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "rccplans serve: %v\n", err)
		return exitUsage
	}
	srcs := &sourceCache{}
	h := index.Handler(index.Options{
		Searcher: live,
		Build:    live.Build,
		Sources:  srcs.get,
		XLSX: func(w io.Writer, recs []rp.Record, secs []rp.Section) error {
			return writeXLSX(w, live.Build(), recs, secs)
		},
		Across:  live.Across,
		Timeout: *timeout,
	})
	srv := index.NewServer(*addr, h)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go live.Watch(ctx, *poll, func(build string, err error) {
		if err != nil {
			fmt.Fprintf(stderr, "rccplans serve: new build not served: %v\n", err)
			return
		}
		fmt.Fprintf(stderr, "rccplans serve: now serving %s\n", build)
		if _, err := live.Across(); err != nil {
			fmt.Fprintf(stderr, "rccplans serve: no record history or comparison: %v\n", err)
		}
	})
	go func() {
		<-ctx.Done()
		shut, done := context.WithTimeout(context.Background(), 5*time.Second)
		defer done()
		srv.Shutdown(shut)
	}()
	fmt.Fprintf(stderr, "rccplans serve: http://%s/ (build %s)\n", ln.Addr(), live.Build())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "rccplans serve: %v\n", err)
		return exitFailed
	}
	if ctx.Err() != nil && !errors.Is(context.Cause(ctx), context.Canceled) {
		return exitInterrupted
	}
	return exitOK
}

// sourceCache maps each build's source_file names to where the documents
// are, from the build's documents.json (read once per build).
type sourceCache struct {
	mu    sync.Mutex
	build string
	m     map[string]string
}

func (c *sourceCache) get(build string) (map[string]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if build == c.build && c.m != nil {
		return c.m, nil
	}
	docs, err := readDocuments(build)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, d := range docs {
		if d.File == "" || d.Link == "" {
			continue
		}
		if _, ok := m[d.File]; ok {
			continue
		}
		if strings.HasPrefix(d.Link, "http://") || strings.HasPrefix(d.Link, "https://") {
			m[d.File] = d.Link
		} else {
			m[d.File] = filepath.Join(build, filepath.FromSlash(d.Link))
		}
	}
	c.build, c.m = build, m
	return m, nil
}

func readDocuments(build string) ([]corpus.DocumentResult, error) {
	if build == "" {
		return nil, nil
	}
	data, err := os.ReadFile(filepath.Join(build, corpus.DocumentsFile))
	if err != nil {
		return nil, err
	}
	var docs []corpus.DocumentResult
	if err := json.Unmarshal(data, &docs); err != nil {
		return nil, fmt.Errorf("%s: %w", corpus.DocumentsFile, err)
	}
	return docs, nil
}

// writeXLSX is the XLSX export: the build's own workbook writer over the
// hits, with the build's documents for the link columns.
func writeXLSX(w io.Writer, build string, recs []rp.Record, secs []rp.Section) error {
	docs, _ := readDocuments(build)
	tmp, err := os.MkdirTemp("", "rccplans-export-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	name := filepath.Join(tmp, corpus.WorkbookFile)
	if err := corpus.WriteWorkbook(name, corpus.Workbook{Records: recs, Sections: secs, Documents: docs}); err != nil {
		return err
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// loadAcross reads what a build publishes beside its index for a record's
// history and the comparison of regions: records, sections, links.jsonl and
// compare.json. It lives here, not in index, because the files are the
// build's (corpus names, writes and reads them) and the area titles are
// corpus's mapping; index only gets the data. A build from before
// compare.json existed is compared from its records.
func loadAcross(build string) (*index.Across, error) {
	recs, err := corpus.ReadJSONL[rp.Record](filepath.Join(build, corpus.RecordsFile))
	if err != nil {
		return nil, err
	}
	secs, err := corpus.ReadJSONL[rp.Section](filepath.Join(build, corpus.SectionsFile))
	if err != nil {
		return nil, err
	}
	links, err := corpus.ReadJSONL[rp.Link](filepath.Join(build, corpus.LinksFile))
	if err != nil {
		return nil, err
	}
	m := corpus.Compare(nil) // the areas: compare.json has only their keys
	if data, err := os.ReadFile(filepath.Join(build, corpus.CompareFile)); err == nil {
		var pub corpus.Matrix
		if err := json.Unmarshal(data, &pub); err != nil {
			return nil, fmt.Errorf("%s: %w", corpus.CompareFile, err)
		}
		m.Regions, m.Cells = pub.Regions, pub.Cells
	} else if errors.Is(err, os.ErrNotExist) {
		m = corpus.Compare(recs)
	} else {
		return nil, err
	}
	return index.NewAcross(index.AcrossData{Records: recs, Sections: secs, Links: links,
		Compare: comparison(m), Area: corpus.RecordArea}), nil
}

// comparison is the matrix as the index package shows it.
func comparison(m *corpus.Matrix) index.Comparison {
	c := index.Comparison{Regions: m.Regions}
	for _, a := range m.Areas {
		c.Areas = append(c.Areas, index.Area{Key: a.Key, Title: a.Title})
	}
	for _, cell := range m.Cells {
		c.Cells = append(c.Cells, index.CompareCell{Area: cell.Area, Region: cell.Region, Records: cell.Records, ByStatus: cell.ByStatus})
	}
	return c
}
