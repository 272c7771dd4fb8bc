package extract_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"rccplans/extract"
	"rccplans/fixtures/bad"
)

// Peak memory of reading a long PDF, measured two ways:
//
//   - peak RSS (VmHWM) of a child process that only builds the file and
//     reads it: what the nightly job pays, runtime included;
//   - peak heap in use, sampled while the benchmark reads in-process.
//
// Both are reported for 2,000 pages against a 200-page reference in the
// same run; a ratio near 10 means memory grows with the pages read and no
// faster, far below 10 means a fixed cost dominates.
//
//	go test ./extract -run '^$' -bench BenchmarkManyPages -benchtime 1x

// TestManyPagesPeakHelper is not a test: peakRSS runs the test binary
// again with RCCPLANS_PEAK_PAGES=n to read an n-page PDF in a process of
// its own and print its VmHWM.
func TestManyPagesPeakHelper(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("RCCPLANS_PEAK_PAGES"))
	if err != nil {
		t.Skip("helper process for BenchmarkManyPages")
	}
	data := bad.ManyPages(n)
	l, err := extract.Read(context.Background(), "long.pdf", data, extract.Options{})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	fmt.Println("pages", len(l.Pages))
	fmt.Println("VmHWM", vmHWM())
	os.Exit(0)
}

// vmHWM is this process's peak resident set in KiB (Linux), or -1.
func vmHWM() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return -1
}

// peakRSS reads an n-page PDF in a child process and returns its peak RSS
// in KiB.
func peakRSS(tb testing.TB, n int) int {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestManyPagesPeakHelper$")
	cmd.Env = append(os.Environ(), "RCCPLANS_PEAK_PAGES="+strconv.Itoa(n))
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("child reading %d pages: %v\n%s", n, err, out)
	}
	var pages, kb int
	for _, l := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM "); ok {
			kb, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(l, "pages "); ok {
			pages, _ = strconv.Atoi(v)
		}
	}
	if pages != n || kb <= 0 {
		tb.Fatalf("child reading %d pages: %q", n, bytes.TrimSpace(out))
	}
	return kb
}

// peakHeap reads data in-process while sampling HeapInuse, and returns
// the peak above the heap in use before the read, in bytes.
func peakHeap(tb testing.TB, data []byte) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	peak := base
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	_, err := extract.Read(context.Background(), "long.pdf", data, extract.Options{})
	close(stop)
	wg.Wait()
	if err != nil {
		tb.Fatal(err)
	}
	return peak - base
}

func BenchmarkManyPages(b *testing.B) {
	const ref, long = 200, 2000
	for _, n := range []int{ref, long} {
		data := bad.ManyPages(n)
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := extract.Read(context.Background(), "long.pdf", data, extract.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("memory", func(b *testing.B) {
		var rssRef, rssLong int
		var heapRef, heapLong uint64
		for b.Loop() {
			rssRef, rssLong = peakRSS(b, ref), peakRSS(b, long)
			heapRef, heapLong = peakHeap(b, bad.ManyPages(ref)), peakHeap(b, bad.ManyPages(long))
		}
		b.ReportMetric(float64(rssLong)/1024, "peak-RSS-MiB-2000p")
		b.ReportMetric(float64(rssRef)/1024, "peak-RSS-MiB-200p")
		b.ReportMetric(float64(heapLong)/(1<<20), "peak-heap-MiB-2000p")
		b.ReportMetric(float64(heapLong)/float64(max(heapRef, 1)), "heap-ratio-2000/200")
	})
}
