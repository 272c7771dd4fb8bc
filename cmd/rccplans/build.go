package main

import (
	"context"
	"fmt"
	"io"
)

// runBuild is a placeholder until the build subcommand lands.
func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rccplans build: not built yet")
	return exitUsage
}
