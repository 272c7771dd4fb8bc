package main

import (
	"context"
	"fmt"
	"io"
)

// runEval is a placeholder until the eval subcommand lands.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rccplans eval: not built yet")
	return exitUsage
}
