package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evalDir makes a small eval directory: the Blekinge gold and its
// markdown seed, which read quickly.
func evalDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"gold/003_9c6630dc416cd882.json", "seeds/003_9c6630dc416cd882.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "fixtures", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalTable(t *testing.T) {
	var out, errb bytes.Buffer
	if code := runEval(context.Background(), []string{evalDir(t)}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "003_9c6630dc416cd882.txt") || !strings.HasPrefix(lines[2], "TOTAL") {
		t.Fatalf("unexpected table:\n%s", out.String())
	}
	if !strings.Contains(lines[1], "26/") {
		t.Errorf("gold row count missing: %s", lines[1])
	}
}

func TestEvalJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if code := runEval(context.Background(), []string{"--json", evalDir(t)}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	dec := json.NewDecoder(&out)
	var files []map[string]any
	for dec.More() {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		files = append(files, m)
	}
	if len(files) != 2 || files[1]["file"] != "TOTAL" {
		t.Fatalf("got %v", files)
	}
	for _, k := range []string{"row_recall", "row_precision", "field_accuracy", "status_accuracy", "gold_rows"} {
		if _, ok := files[0][k]; !ok {
			t.Errorf("field %q missing", k)
		}
	}
	if files[0]["gold_rows"].(float64) != 26 {
		t.Errorf("gold_rows %v", files[0]["gold_rows"])
	}
}

func TestEvalUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := runEval(context.Background(), []string{"a", "b"}, &out, &errb); code != exitUsage {
		t.Errorf("two directories: exit %d", code)
	}
}
