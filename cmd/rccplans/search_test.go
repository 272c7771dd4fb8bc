package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	rp "rccplans"
	"rccplans/index"
)

// searchBuild writes a published build (out/current -> builds/b1 with an
// index) the way `rccplans build` lays it out.
func searchBuild(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	build := filepath.Join(out, "builds", "b1")
	if err := os.MkdirAll(build, 0o755); err != nil {
		t.Fatal(err)
	}
	recs := []rp.Record{
		{DocID: "a", SourceFile: "a.pdf", Page: 4, Region: "Region Blekinge", RCC: "RCC Syd", Status: "in_progress", PeriodFrom: 2024, PeriodTo: 2026,
			Goal: "Alla cancerpatienter har en namngiven kontaktsjuksköterska"},
		{DocID: "b", SourceFile: "b.pdf", Page: 2, Region: "Region Västmanland", RCC: "RCC Mellansverige", Status: "done", PeriodFrom: 2022, PeriodTo: 2024,
			Goal: "Kontaktsjuksköterskor ska finnas för alla diagnoser"},
		{DocID: "b", SourceFile: "b.pdf", Page: 3, Region: "Region Västmanland", Status: "done", Goal: "Screeningprogrammet för tjocktarmscancer"},
	}
	if err := index.Write(filepath.Join(build, index.IndexDir), recs, nil, []rp.Abbreviation{{Short: "KSSK", Long: "kontaktsjuksköterska"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("builds", "b1"), filepath.Join(out, "current")); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSearchCommand(t *testing.T) {
	out := searchBuild(t)
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
		absent   []string
	}{
		{"table", []string{"search", "kontaktsjuksköterska", "--data", out}, exitOK,
			[]string{"2 hits", "Region Blekinge", "Region Västmanland", "a.pdf:4", "*kontaktsjuksköterska*"}, nil},
		{"flags after and before", []string{"search", "--data", out, "KSSK", "--region", "Region Blekinge"}, exitOK,
			[]string{"1 hits", "Region Blekinge"}, []string{"b.pdf"}},
		{"empty query lists the filter", []string{"search", "--status", "done", "--data", out}, exitOK,
			[]string{"2 hits", "b.pdf:2", "b.pdf:3"}, []string{"a.pdf"}},
		{"bad format", []string{"search", "x", "--format", "xml", "--data", out}, exitUsage, nil, nil},
		{"bad sort", []string{"search", "x", "--sort", "random", "--data", out}, exitUsage, nil, nil},
		{"bad syntax", []string{"search", `goal:"x`, "--data", out}, exitUsage, nil, nil},
		{"no build", []string{"search", "x", "--data", t.TempDir()}, exitFailed, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), tc.args, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			for _, s := range tc.contains {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("output lacks %q:\n%s", s, stdout.String())
				}
			}
			for _, s := range tc.absent {
				if strings.Contains(stdout.String(), s) {
					t.Errorf("output has %q:\n%s", s, stdout.String())
				}
			}
		})
	}
}

func TestSearchCommandJSON(t *testing.T) {
	out := searchBuild(t)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"search", "screeningprogram", "--format", "json", "--data", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var res struct {
		Total  int                         `json:"total"`
		Hits   []map[string]any            `json:"hits"`
		Facets map[string][]map[string]any `json:"facets"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0]["page"] != float64(3) || len(res.Facets["region"]) != 1 {
		t.Errorf("%s", stdout.String())
	}
}
