package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	rp "rccplans"
	"rccplans/corpus"
)

func TestExport(t *testing.T) {
	build := t.TempDir()
	recs := []rp.Record{{DocID: "d", Region: "Region A", Goal: "Mål ett"}, {DocID: "d", Region: "Region B", Goal: "Mål två"}}
	if _, err := corpus.WriteJSONL(filepath.Join(build, corpus.RecordsFile), recs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		lines int
		code  int
	}{
		{"build folder", []string{"--data", build}, 4, exitOK},
		{"records file", []string{"--data", filepath.Join(build, corpus.RecordsFile)}, 4, exitOK},
		{"missing", []string{"--data", filepath.Join(build, "nope")}, 0, exitUsage},
		{"unknown format", []string{"--format", "csv", "--data", build}, 0, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runExport(context.Background(), tt.args, &out, &errOut)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (%s)", code, tt.code, errOut.String())
			}
			if n := strings.Count(out.String(), "\n"); n != tt.lines {
				t.Errorf("%d lines, want %d (an action and a source line per record)", n, tt.lines)
			}
		})
	}
}
