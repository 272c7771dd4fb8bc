package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rccplans/corpus"
)

const discoverPage = `<html><body>
<h2>Cancerplan Norr</h2>
<p><a href="/files/cancerplan.pdf">Cancerplan för norra sjukvårdsregionen 2022–2024 (pdf, öppnas i nytt fönster)</a></p>
<h2>Regional cancerplan Södra sjukvårdsregionen</h2>
<p><a href="syd.pdf">Cancerplan för Södra sjukvårdsregionen 2023-2025</a></p>
</body></html>`

func TestDiscoverCommand(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/planer/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(discoverPage))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	if err := os.WriteFile(file, []byte(discoverPage), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
		entries  int
	}{
		{"url", []string{srv.URL + "/planer/"}, exitOK, []string{`"url":"` + srv.URL + `/files/cancerplan.pdf"`, `"rcc":"RCC Syd"`}, 2},
		{"file with base", []string{"--base", "https://x.example/a/", file}, exitOK, []string{`"url":"https://x.example/a/syd.pdf"`}, 2},
		{"table", []string{"--format", "table", file}, exitOK, []string{"RCC Norr", "cancerplan", "2022–2024", "Cancerplan för Södra sjukvårdsregionen 2023-2025"}, 0},
		{"not found", []string{srv.URL + "/nothing"}, exitFailed, nil, 0},
		{"missing file", []string{filepath.Join(dir, "none.html")}, exitFailed, nil, 0},
		{"no page", nil, exitUsage, nil, 0},
		{"bad format", []string{"--format", "xml", file}, exitUsage, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runDiscover(context.Background(), tt.args, &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %s)", code, tt.code, errb.String())
			}
			for _, s := range tt.contains {
				if !strings.Contains(out.String(), s) {
					t.Errorf("output lacks %q:\n%s", s, out.String())
				}
			}
			if tt.entries > 0 {
				lines := strings.Split(strings.TrimSpace(out.String()), "\n")
				if len(lines) != tt.entries {
					t.Errorf("%d lines, want %d", len(lines), tt.entries)
				}
				for _, ln := range lines {
					var e corpus.Entry
					if err := json.Unmarshal([]byte(ln), &e); err != nil || e.Title == "" {
						t.Errorf("line %q: %v", ln, err)
					}
				}
			}
		})
	}
}
