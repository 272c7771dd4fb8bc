package extract

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// Speed against poppler: the fixture PDFs repeated to at least 500
// pages, read by PDF (pages on all cores) and by pdftotext -bbox-layout
// (one process per file, as a user would run it).
//
//	go test ./extract -run '^$' -bench 'PDF|Pdftotext' -benchtime 3x

const benchMinPages = 500

type benchFile struct {
	path string
	data []byte
}

// benchSet returns the fixture PDFs and how many rounds over them make
// at least benchMinPages pages.
func benchSet(b *testing.B) (files []benchFile, rounds, pages int) {
	b.Helper()
	for _, path := range fixturePDFs(b) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		l, err := PDF(context.Background(), path, data, Options{})
		if err != nil {
			b.Fatal(err)
		}
		pages += l.NumPages
		files = append(files, benchFile{path, data})
	}
	rounds = (benchMinPages + pages - 1) / pages
	return files, rounds, pages * rounds
}

func extractAll(b *testing.B, files []benchFile, rounds int) {
	for r := 0; r < rounds; r++ {
		for _, f := range files {
			if _, err := PDF(context.Background(), f.path, f.data, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func pdftotextAll(b *testing.B, files []benchFile, rounds int) {
	for r := 0; r < rounds; r++ {
		for _, f := range files {
			if err := exec.Command("pdftotext", "-bbox-layout", f.path, os.DevNull).Run(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkPDF(b *testing.B) {
	files, rounds, pages := benchSet(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		extractAll(b, files, rounds)
	}
	b.ReportMetric(float64(pages), "pages/op")
}

func BenchmarkPdftotextBBox(b *testing.B) {
	needPdftotext(b)
	files, rounds, pages := benchSet(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pdftotextAll(b, files, rounds)
	}
	b.ReportMetric(float64(pages), "pages/op")
}

// BenchmarkPDFvsPoppler runs both in one benchmark and reports our time
// as a multiple of poppler's (x-poppler; the goal is at most 3).
func BenchmarkPDFvsPoppler(b *testing.B) {
	needPdftotext(b)
	files, rounds, pages := benchSet(b)
	var ours, theirs time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		extractAll(b, files, rounds)
		t1 := time.Now()
		pdftotextAll(b, files, rounds)
		ours += t1.Sub(t0)
		theirs += time.Since(t1)
	}
	b.ReportMetric(float64(ours)/float64(theirs), "x-poppler")
	b.ReportMetric(float64(pages), "pages/op")
}
