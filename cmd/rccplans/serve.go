package main

import (
	"context"
	"fmt"
	"io"
)

// runServe is a placeholder until the serve subcommand lands.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rccplans serve: not built yet")
	return exitUsage
}
