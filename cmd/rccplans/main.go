// Command rccplans reads Swedish regional cancer-care plans and follow-up
// reports into one dataset and serves it.
//
//	rccplans extract FILE...        JSON Lines of records, sections, abbreviations
//	rccplans build [--sources F]    rebuild and publish the corpus (the nightly job)
//	rccplans search QUERY           search a published build
//	rccplans serve                  web page and JSON API over a published build
//	rccplans discover PAGE          list the documents an RCC listing page links
//	rccplans eval [DIR]             compare extraction with the gold annotations
//	rccplans export --format F      export a published build for other tools
//
// Each subcommand lives in its own file; main only dispatches.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes shared by the subcommands (build adds its own, see build.go).
const (
	exitOK          = 0
	exitFailed      = 1 // some input failed; the rest was written
	exitUsage       = 2
	exitInterrupted = 130
)

type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"extract", "print records, sections and abbreviations of FILEs as JSON Lines", runExtract},
		{"build", "rebuild the corpus and publish it atomically", runBuild},
		{"search", "search a published build", runSearch},
		{"serve", "serve the web page and JSON API", runServe},
		{"discover", "list the plan documents an RCC listing page names", runDiscover},
		{"eval", "compare extraction with gold annotations", runEval},
		{"export", "export a published build (opensearch-bulk)", runExport},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		return exitUsage
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "rccplans: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: rccplans COMMAND [flags] [args]\n\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
}
