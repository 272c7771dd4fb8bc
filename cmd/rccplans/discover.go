package main

import (
	"context"
	"fmt"
	"io"
)

// runDiscover is a placeholder until the discover subcommand lands.
func runDiscover(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rccplans discover: not built yet")
	return exitUsage
}
