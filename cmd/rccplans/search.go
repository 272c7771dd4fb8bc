package main

import (
	"context"
	"fmt"
	"io"
)

// runSearch is a placeholder until the search subcommand lands.
func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rccplans search: not built yet")
	return exitUsage
}
