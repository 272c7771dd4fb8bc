package index

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"rccplans"
)

// The benchmarks run only under -bench (go test -run '^$' -bench . ./index/):
//
//	BenchmarkIndexBuild   records/s of Write, and the same documents in a
//	                      bleve index with the default mapping (the reference)
//	BenchmarkSearchHTTP   p50/p99 latency over HTTP on a synthetic corpus of
//	                      100,000 records, 1 and 16 concurrent clients, for a
//	                      mix of queries; the reference is /healthz over the
//	                      same client and server

// regions gives the synthetic corpus its spread: region -> RCC.
var benchRegions = [][2]string{
	{"Region Norrbotten", "RCC Norr"}, {"Region Västerbotten", "RCC Norr"}, {"Region Jämtland Härjedalen", "RCC Norr"},
	{"Region Västernorrland", "RCC Norr"}, {"Region Uppsala", "RCC Mellansverige"}, {"Region Gävleborg", "RCC Mellansverige"},
	{"Region Dalarna", "RCC Mellansverige"}, {"Region Värmland", "RCC Mellansverige"}, {"Region Örebro län", "RCC Mellansverige"},
	{"Region Västmanland", "RCC Mellansverige"}, {"Region Sörmland", "RCC Mellansverige"}, {"Region Stockholm", "RCC Stockholm Gotland"},
	{"Region Gotland", "RCC Stockholm Gotland"}, {"Region Skåne", "RCC Syd"}, {"Region Blekinge", "RCC Syd"},
	{"Region Kronoberg", "RCC Syd"}, {"Region Halland", "RCC Väst"}, {"Västra Götalandsregionen", "RCC Väst"},
	{"Region Östergötland", "RCC Sydöst"}, {"Region Jönköpings län", "RCC Sydöst"}, {"Region Kalmar län", "RCC Sydöst"},
}

var benchStatuses = []string{"", rccplans.StatusNotStarted, rccplans.StatusInProgress, rccplans.StatusDone, rccplans.StatusOnHold}

// synthetic makes n records from the gold records, each a copy with a
// region, period, status and document of its own.
func synthetic(t testing.TB, n int) ([]rccplans.Record, []rccplans.Abbreviation) {
	c := loadGold(t)
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]rccplans.Record, n)
	for i := range out {
		r := c.recs[i%len(c.recs)]
		reg := benchRegions[rng.IntN(len(benchRegions))]
		from := 2016 + rng.IntN(10)
		doc := i / 400 // documents of 400 records
		r.Region, r.RCC = reg[0], reg[1]
		r.PeriodFrom, r.PeriodTo = from, from+2
		r.Status = benchStatuses[rng.IntN(len(benchStatuses))]
		r.DocID = fmt.Sprintf("doc%04d", doc)
		r.SourceFile = fmt.Sprintf("plan-%04d.pdf", doc)
		r.Page = 1 + rng.IntN(40)
		out[i] = r
	}
	return out, c.abbrs
}

func BenchmarkIndexBuild(b *testing.B) {
	const n = 10000
	recs, abbrs := synthetic(b, n)
	b.Run("rccplans", func(b *testing.B) {
		cpu := cpuTime()
		for i := 0; i < b.N; i++ {
			dir := filepath.Join(b.TempDir(), "index")
			if err := Write(dir, recs, nil, abbrs); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
		b.ReportMetric(float64(n*b.N)/(cpuTime()-cpu).Seconds(), "records/cpu-s")
	})
	// Reference: the same records as plain documents in bleve's default
	// mapping (standard analyzer, everything dynamic).
	b.Run("reference-default-mapping", func(b *testing.B) {
		cpu := cpuTime()
		for i := 0; i < b.N; i++ {
			dir := filepath.Join(b.TempDir(), "index")
			idx, err := bleve.New(dir, bleve.NewIndexMapping())
			if err != nil {
				b.Fatal(err)
			}
			batch := idx.NewBatch()
			for j := range recs {
				batch.Index(fmt.Sprint(j), recs[j])
				if batch.Size() >= 2000 { // as the reference was first measured
					if err := idx.Batch(batch); err != nil {
						b.Fatal(err)
					}
					batch.Reset()
				}
			}
			if err := idx.Batch(batch); err != nil {
				b.Fatal(err)
			}
			idx.Close()
		}
		b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
		b.ReportMetric(float64(n*b.N)/(cpuTime()-cpu).Seconds(), "records/cpu-s")
	})
}

// cpuTime is the CPU time (user and system) this process used so far: a
// rate per CPU second does not depend on what else the machine runs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var (
	bigOnce sync.Once
	bigDir  string // temporary, removed by TestMain
	bigPath string // the index
	bigErr  error
	bigRate float64
	// bigCPURate is records per CPU second of the whole process.
	bigCPURate float64
)

// bigIndex writes the 100,000-record corpus once per benchmark binary.
// $RCCPLANS_BENCH_INDEX names a directory to keep it in: written there when
// missing, reused as it is when present (to skip the wait). Without it the
// index goes to a temporary directory (bigDir) that TestMain removes.
func bigIndex(b *testing.B) string {
	bigOnce.Do(func() {
		dir := os.Getenv("RCCPLANS_BENCH_INDEX")
		if dir != "" {
			if _, err := os.Stat(dir); err == nil {
				bigPath = dir
				return
			}
		} else {
			bigDir, bigErr = os.MkdirTemp("", "rccplans-bench-")
			if bigErr != nil {
				return
			}
			dir = filepath.Join(bigDir, "index")
		}
		recs, abbrs := synthetic(b, 100000)
		start := time.Now()
		cpu := cpuTime()
		bigErr = Write(dir, recs, nil, abbrs)
		bigRate = float64(len(recs)) / time.Since(start).Seconds()
		bigCPURate = float64(len(recs)) / (cpuTime() - cpu).Seconds()
		bigPath = dir
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// staleFormat reports why a reused index is not in the format Write makes
// now, "" when it is: figures on an older format measure older code.
func staleFormat(x *Index) string {
	if raw, err := x.bleve.GetInternal(internalColumns); err != nil || len(raw) == 0 {
		return "no stored columns (written before they were kept)"
	}
	return ""
}

// benchQueries is the mix: free text (compounds, abbreviations, phrases),
// filters, facets clicked, query strings, later pages, other sorts.
func benchQueries() []string {
	texts := []string{"kontaktsjuksköterska", "KSSK", "sjuksköterskor", "screeningprogram", "palliativ vård", "SVF",
		"rehabilitering", "prevention", "Min vårdplan", "cancer", "prostatacancer", "levnadsvanor", "kompetensförsörjning",
		"standardiserade vårdförlopp", "forskning", "", ""}
	rng := rand.New(rand.NewPCG(3, 4))
	var out []string
	for i := 0; i < 200; i++ {
		v := url.Values{}
		if q := texts[rng.IntN(len(texts))]; q != "" {
			v.Set("q", q)
		}
		switch rng.IntN(6) {
		case 0:
			v.Add("region", benchRegions[rng.IntN(len(benchRegions))][0])
		case 1:
			v.Add("status", benchStatuses[1+rng.IntN(4)])
			v.Add("rcc", benchRegions[rng.IntN(len(benchRegions))][1])
		case 2:
			v.Add("period", fmt.Sprint(2017+rng.IntN(10)))
		case 3:
			v.Set("page", fmt.Sprint(2+rng.IntN(5)))
		}
		if rng.IntN(8) == 0 {
			v.Set("sort", "-period")
		}
		if rng.IntN(10) == 0 {
			v = url.Values{"q": {`+goal:screening* +region:"Region Skåne"`}}
		}
		out = append(out, "/api/search?"+v.Encode())
	}
	return out
}

func BenchmarkSearchHTTP(b *testing.B) {
	dir := bigIndex(b)
	if bigRate > 0 {
		b.Logf("100,000-record index written at %.0f records/s, %.0f records/cpu-s", bigRate, bigCPURate)
	}
	x, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	if why := staleFormat(x); why != "" {
		b.Logf("WARNING: %s is an index of an older format: %s; remove it to measure the current one", dir, why)
	}
	srv := httptest.NewServer(Handler(Options{Searcher: x}))
	defer srv.Close()
	queries := benchQueries()
	for _, clients := range []int{1, 16} {
		for _, mode := range []string{"", "/no-match-cache", "/reference-healthz"} {
			label := fmt.Sprintf("clients=%d%s", clients, mode)
			ref := mode == "/reference-healthz"
			b.Run(label, func(b *testing.B) {
				x.noCache = mode == "/no-match-cache"
				defer func() { x.noCache = false }()
				tr := &http.Transport{MaxIdleConnsPerHost: clients}
				defer tr.CloseIdleConnections()
				client := &http.Client{Transport: tr}
				lat := make([]time.Duration, b.N)
				var next sync.Mutex
				i := 0
				var wg sync.WaitGroup
				b.ResetTimer()
				cpu := cpuTime()
				for c := 0; c < clients; c++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for {
							next.Lock()
							k := i
							i++
							next.Unlock()
							if k >= b.N {
								return
							}
							u := srv.URL + queries[k%len(queries)]
							if ref {
								u = srv.URL + "/healthz"
							}
							start := time.Now()
							resp, err := client.Get(u)
							if err != nil {
								b.Error(err)
								return
							}
							io.Copy(io.Discard, resp.Body)
							resp.Body.Close()
							lat[k] = time.Since(start)
							if resp.StatusCode != http.StatusOK {
								b.Errorf("%s: %s", u, resp.Status)
								return
							}
						}
					}()
				}
				wg.Wait()
				b.StopTimer()
				b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/req")
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
				b.ReportMetric(pct(0.50), "p50-ms")
				b.ReportMetric(pct(0.99), "p99-ms")
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
			})
		}
	}
	_ = context.Background
}
