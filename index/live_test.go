package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"rccplans"
)

// publish writes a build with n records of region into out/builds/id and
// points out/current at it the way the build does (a new link renamed over
// the old one).
func publish(t *testing.T, out, id, region string, n int) {
	t.Helper()
	recs := make([]rccplans.Record, n)
	for i := range recs {
		recs[i] = rccplans.Record{DocID: id, SourceFile: id + ".pdf", Page: i + 1, Region: region, Goal: "Kontaktsjuksköterska för alla"}
	}
	build := filepath.Join(out, "builds", id)
	if err := os.MkdirAll(build, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(filepath.Join(build, IndexDir), recs, nil, nil); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(out, ".current.tmp")
	os.Remove(tmp)
	if err := os.Symlink(filepath.Join("builds", id), tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(out, CurrentLink)); err != nil {
		t.Fatal(err)
	}
}

func TestLiveSwap(t *testing.T) {
	out := t.TempDir()
	l, err := OpenLive(out)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx := context.Background()
	if _, err := l.Search(ctx, Request{}); !errors.Is(err, ErrNoIndex) {
		t.Fatalf("before any build: %v", err)
	}

	publish(t, out, "a", "Region A", 3)
	if swapped, err := l.Reload(); !swapped || err != nil {
		t.Fatalf("first build: %v %v", swapped, err)
	}
	res, err := l.Search(ctx, Request{Query: "kontaktsjuksköterskan"})
	if err != nil || res.Total != 3 || res.Hits[0].Record.Region != "Region A" {
		t.Fatalf("build a: %v %+v", err, res)
	}
	if swapped, _ := l.Reload(); swapped {
		t.Fatal("swapped without a new build")
	}
	old := l.cur.Load().x

	// Searches run all through the swap and never fail.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := l.Search(ctx, Request{Query: "kontaktsjuksköterska"}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	publish(t, out, "b", "Region B", 5)
	swapped, err := l.Reload()
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("search during swap: %v", err)
	}
	if !swapped || err != nil {
		t.Fatalf("second build: %v %v", swapped, err)
	}
	res, err = l.Search(ctx, Request{Query: "kontaktsjuksköterskan"})
	if err != nil || res.Total != 5 || res.Hits[0].Record.Region != "Region B" {
		t.Fatalf("build b: %v %+v", err, res)
	}
	if l.Build() != filepath.Join(out, "builds", "b") {
		t.Errorf("Build() = %s", l.Build())
	}
	// The old index is closed.
	if _, err := old.Search(ctx, Request{}); err == nil {
		t.Error("old index still open")
	}
}

// A published build without a usable index is reported once and the
// previous build stays served.
func TestLiveBrokenBuild(t *testing.T) {
	out := t.TempDir()
	publish(t, out, "a", "Region A", 2)
	l, err := OpenLive(out)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	os.MkdirAll(filepath.Join(out, "builds", "b", IndexDir), 0o755) // no index_meta.json
	tmp := filepath.Join(out, ".current.tmp")
	os.Symlink(filepath.Join("builds", "b"), tmp)
	os.Rename(tmp, filepath.Join(out, CurrentLink))
	if swapped, err := l.Reload(); swapped || !errors.Is(err, ErrNoIndex) {
		t.Fatalf("broken build: %v %v", swapped, err)
	}
	if swapped, err := l.Reload(); swapped || err != nil {
		t.Fatalf("broken build again: %v %v (should be quiet)", swapped, err)
	}
	res, err := l.Search(context.Background(), Request{})
	if err != nil || res.Total != 2 {
		t.Fatalf("previous build not served: %v %+v", err, res)
	}
	publish(t, out, "c", "Region C", 1)
	if swapped, err := l.Reload(); !swapped || err != nil {
		t.Fatalf("next good build: %v %v", swapped, err)
	}
}

// A build folder or an index folder can be served directly (no swaps).
func TestLiveLocate(t *testing.T) {
	out := t.TempDir()
	publish(t, out, "a", "Region A", 2)
	for _, data := range []string{out, filepath.Join(out, "builds", "a"), filepath.Join(out, "builds", "a", IndexDir)} {
		l, err := OpenLive(data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		res, err := l.Search(context.Background(), Request{})
		if err != nil || res.Total != 2 {
			t.Errorf("%s: %v %v", data, err, res)
		}
		l.Close()
	}
}
