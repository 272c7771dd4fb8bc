package corpus

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fastFetcher keeps tests quick: short timeout, one retry, tiny backoff.
func fastFetcher() *Fetcher {
	return &Fetcher{Timeout: 300 * time.Millisecond, Retries: 1, Backoff: time.Millisecond, MaxBytes: 1 << 20}
}

func TestFetch(t *testing.T) {
	const pdf = "%PDF-1.4\nbody\n"
	var hits atomic.Int32
	block := make(chan struct{})
	t.Cleanup(func() { close(block) })
	mux := http.NewServeMux()
	mux.HandleFunc("/plan.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2026 15:04:05 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, pdf)
	})
	mux.HandleFunc("/changed.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v2"`) // whatever we hold, the server has a newer one
		fmt.Fprint(w, pdf+"v2")
	})
	mux.HandleFunc("/since.pdf", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, pdf)
	})
	mux.HandleFunc("/slow.pdf", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("%PDF-1.4\n"))
		w.Write([]byte(strings.Repeat("x", 2<<20)))
	})
	mux.HandleFunc("/announced.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "999999999")
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/error.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!DOCTYPE html><html><body>Sidan kunde inte visas</body></html>")
	})
	mux.HandleFunc("/flaky.pdf", func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, pdf)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/toftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.invalid/x.pdf", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name         string
		path         string
		v            Validators
		notModified  bool
		wantData     string
		err          error
		wantNotFound bool
	}{
		{name: "first fetch", path: "/plan.pdf", wantData: pdf},
		{name: "304 on matching ETag", path: "/plan.pdf", v: Validators{ETag: `"v1"`}, notModified: true},
		{name: "304 on If-Modified-Since", path: "/since.pdf", v: Validators{LastModified: "Mon, 02 Jan 2026 15:04:05 GMT"}, notModified: true},
		{name: "changed: 200 despite validators", path: "/changed.pdf", v: Validators{ETag: `"v1"`}, wantData: pdf + "v2"},
		{name: "404", path: "/missing.pdf", err: ErrStatus, wantNotFound: true},
		{name: "slow server times out", path: "/slow.pdf", err: ErrTimeout},
		{name: "oversized body", path: "/big.pdf", err: ErrTooLarge},
		{name: "oversized Content-Length", path: "/announced.pdf", err: ErrTooLarge},
		{name: "503 then 200 is retried", path: "/flaky.pdf", wantData: pdf},
		{name: "redirect loop", path: "/loop", err: ErrRedirects},
		{name: "redirect to ftp", path: "/toftp", err: ErrScheme},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := fastFetcher().Get(context.Background(), srv.URL+tc.path, tc.v)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				var se *StatusError
				if tc.wantNotFound && (!errors.As(err, &se) || se.Code != http.StatusNotFound) {
					t.Fatalf("err = %v, want a 404 StatusError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified != tc.notModified {
				t.Fatalf("NotModified = %v, want %v", resp.NotModified, tc.notModified)
			}
			if string(resp.Data) != tc.wantData {
				t.Fatalf("data = %q, want %q", resp.Data, tc.wantData)
			}
		})
	}

	t.Run("HTML served as PDF", func(t *testing.T) {
		resp, err := fastFetcher().Get(context.Background(), srv.URL+"/error.pdf", Validators{})
		if err != nil {
			t.Fatal(err)
		}
		if err := checkDocument(resp.URL, resp.ContentType, resp.Data); !errors.Is(err, ErrNotDocument) {
			t.Fatalf("checkDocument = %v, want ErrNotDocument", err)
		}
	})
	t.Run("non-http scheme", func(t *testing.T) {
		if _, err := fastFetcher().Get(context.Background(), "file:///etc/passwd", Validators{}); !errors.Is(err, ErrScheme) {
			t.Fatalf("err = %v, want ErrScheme", err)
		}
	})
	t.Run("cancelled caller is not retried", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := fastFetcher().Get(ctx, srv.URL+"/plan.pdf", Validators{})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}

func TestCheckDocument(t *testing.T) {
	tests := []struct {
		name, url, ctype, data string
		err                    error
	}{
		{"pdf by extension", "http://h/a.pdf", "", "%PDF-1.7\n", nil},
		{"html as pdf by extension", "http://h/a.PDF", "application/pdf", "<html><body>x</body></html>", ErrNotDocument},
		{"html as pdf by content type", "http://h/download?id=3", "application/pdf", "<!doctype html><html></html>", ErrNotDocument},
		{"docx that is not a zip", "http://h/a.docx", "", "<html></html>", ErrNotDocument},
		{"html page announced as html", "http://h/list", "text/html", "<html></html>", nil},
		{"unknown type is accepted", "http://h/a", "application/octet-stream", "anything", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := checkDocument(tc.url, tc.ctype, []byte(tc.data))
			if !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
		})
	}
}
