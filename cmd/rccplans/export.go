package main

import (
	"context"
	"fmt"
	"io"
)

// runExport is a placeholder until the export subcommand lands.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rccplans export: not built yet")
	return exitUsage
}
