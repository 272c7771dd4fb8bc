package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"rccplans/corpus"
	"rccplans/extract"
)

// runBuild implements `rccplans build [--sources FILE] [--out DIR]`: the
// nightly job. It reads every source, writes a new build and publishes it
// atomically as DIR/current. The exit code tells a scheduler how it went
// (corpus.Exit*: 0 published, 3 published with failed documents, 4 not
// published, 2 usage, 11 locked, 130 interrupted).
func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sources := fs.String("sources", "", "sources manifest (default: the fixture corpus built into the binary)")
	out := fs.String("out", "out", "output folder; the published build is OUT/current")
	jobs := fs.Int("jobs", 0, "documents read in parallel (default: number of CPUs)")
	keep := fs.Int("keep", 3, "published builds to keep")
	force := fs.Bool("force", false, "publish even when the quality gate objects")
	noCache := fs.Bool("no-cache", false, "read every document again, ignoring cached results and validators")
	indexOptional := fs.Bool("index-optional", false, "publish even when the search index cannot be built (a warning instead of exit 4)")
	quiet := fs.Bool("quiet", false, "log only warnings and errors; no progress")
	verbose := fs.Bool("v", false, "also log debug lines")
	jsonLogs := fs.Bool("json", false, "JSON logs even on a terminal")
	maxPages := fs.Int("max-pages", extract.DefaultMaxPages, "fail a document with more pages than this")
	docTimeout := fs.Duration("doc-timeout", extract.DefaultTimeout, "fail a document not read within this time")
	timeout := fs.Duration("timeout", 60*time.Second, "HTTP timeout per attempt")
	retries := fs.Int("retries", 3, "HTTP retries after the first attempt")
	maxBytes := fs.Int64("max-bytes", 100<<20, "largest document fetched, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: rccplans build [--sources FILE] [--out DIR] [flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "rccplans build: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	opt := corpus.Options{
		Out: *out, Jobs: *jobs, Keep: *keep, Force: *force, NoCache: *noCache,
		IndexOptional: *indexOptional,
		Extract:       extract.Options{MaxPages: *maxPages, Timeout: *docTimeout},
		Fetcher:       &corpus.Fetcher{Timeout: *timeout, Retries: *retries, MaxBytes: *maxBytes},
	}
	if *retries == 0 {
		opt.Fetcher.Retries = -1
	}
	if *sources != "" {
		srcs, err := corpus.ReadSources(*sources)
		if err != nil {
			fmt.Fprintf(stderr, "rccplans build: %v\n", err)
			return exitUsage
		}
		opt.Sources, opt.SourcesName = srcs, *sources
	}

	term := isTerminal(stderr) && !*jsonLogs
	lw := &lineWriter{w: stderr, term: term}
	log := newBuildLogger(lw, term, *quiet, *verbose)
	defer log.Sync()
	opt.Logger = log
	if term && !*quiet {
		opt.Progress = lw.progress
	}
	log.Info("build started", zap.String("out", *out), zap.String("sources", sourcesName(*sources)))
	rep, err := corpus.Build(ctx, opt)
	lw.clear()

	fields := []zap.Field{zap.Int("exit_code", rep.ExitCode), zap.Int("documents", rep.Documents.Seen),
		zap.Int("new", rep.Documents.New), zap.Int("changed", rep.Documents.Changed),
		zap.Int("failed", rep.Documents.Failed), zap.Int("cached", rep.Documents.Cached),
		zap.Int("records", rep.Records), zap.Int("sections", rep.Sections), zap.Int("warnings", rep.Warnings),
		zap.Int("status_changes", rep.Changes.StatusChanged), zap.Int64("duration_ms", rep.DurationMS)}
	switch rep.ExitCode {
	case corpus.ExitOK, corpus.ExitPartial:
		log.Info("published", append(fields, zap.String("dir", filepath.Join(rep.Out, corpus.CurrentLink)), zap.String("build", rep.Build))...)
		if err != nil {
			log.Warn("some sources failed; their previous results are kept", zap.Strings("failures", rep.Failures))
		}
		if !*quiet {
			fmt.Fprintf(stdout, "published %d records, %d sections from %d documents to %s\n",
				rep.Records, rep.Sections, rep.Documents.Seen, filepath.Join(*out, corpus.CurrentLink))
			fmt.Fprintf(stdout, "  records.jsonl sections.jsonl rccplans.xlsx changes.jsonl report.json index/ (build %s)\n", filepath.Base(rep.Build))
		}
	case corpus.ExitLocked:
		log.Error("another build is running", zap.String("out", *out))
	case corpus.ExitInterrupted:
		log.Warn("interrupted; nothing published", fields...)
	default:
		log.Error("not published; the previous build stays", append(fields, zap.Error(err), zap.String("rejected", rep.Build))...)
	}
	if errors.Is(err, corpus.ErrSources) && rep.ExitCode == corpus.ExitConfig {
		fmt.Fprintf(stderr, "rccplans build: %v\n", err)
	}
	return rep.ExitCode
}

func sourcesName(s string) string {
	if s == "" {
		return "(default: embedded fixture corpus)"
	}
	return s
}

// isTerminal tells whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// newBuildLogger: zap's production JSON encoding when stderr is not a
// terminal, with sampling off (a scheduler's log must keep every
// per-document line); readable console lines on a terminal.
func newBuildLogger(w zapcore.WriteSyncer, term, quiet, verbose bool) *zap.Logger {
	level := zap.InfoLevel
	switch {
	case quiet:
		level = zap.WarnLevel
	case verbose:
		level = zap.DebugLevel
	}
	cfg := zap.NewProductionConfig() // cfg.Sampling is not used: the core below has no sampler
	cfg.EncoderConfig.EncodeTime = zapcore.ISO8601TimeEncoder
	enc := zapcore.NewJSONEncoder(cfg.EncoderConfig)
	if term {
		ec := zap.NewDevelopmentEncoderConfig()
		ec.EncodeTime = zapcore.TimeEncoderOfLayout("15:04:05")
		ec.EncodeCaller = nil
		ec.CallerKey = ""
		enc = zapcore.NewConsoleEncoder(ec)
	}
	core := zapcore.NewCore(enc, w, zap.NewAtomicLevelAt(level))
	if term {
		return zap.New(core)
	}
	return zap.New(core).With(zap.String("cmd", "build")) // which job wrote a line, in a shared log
}

// lineWriter is stderr shared by log lines and, on a terminal, a progress
// line that each log line first wipes and then redraws.
type lineWriter struct {
	mu   sync.Mutex
	w    io.Writer
	term bool
	bar  string
}

func (l *lineWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.term && l.bar != "" {
		io.WriteString(l.w, "\r\033[K")
	}
	n, err := l.w.Write(p)
	if l.term && l.bar != "" {
		io.WriteString(l.w, l.bar)
	}
	return n, err
}

func (l *lineWriter) Sync() error { return nil }

func (l *lineWriter) progress(done, total int, file string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	const width = 30
	fill := width * done / max(total, 1)
	bar := make([]byte, width)
	for i := range bar {
		bar[i] = '.'
		if i < fill {
			bar[i] = '#'
		}
	}
	if len(file) > 40 {
		file = "…" + file[len(file)-39:]
	}
	l.bar = fmt.Sprintf("[%s] %d/%d %s", bar, done, total, file)
	io.WriteString(l.w, "\r\033[K"+l.bar)
}

func (l *lineWriter) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.term && l.bar != "" {
		io.WriteString(l.w, "\r\033[K")
	}
	l.bar = ""
}
