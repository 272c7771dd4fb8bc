package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"rccplans/extract"
)

// Fetch errors. Every error of Fetcher.Get wraps one of these (or the
// context's error when the caller cancelled).
var (
	ErrScheme      = errors.New("corpus: only http and https URLs are fetched")
	ErrStatus      = errors.New("corpus: HTTP error status")
	ErrTooLarge    = errors.New("corpus: response exceeds the size cap")
	ErrTimeout     = errors.New("corpus: request timed out")
	ErrRedirects   = errors.New("corpus: too many redirects")
	ErrNotDocument = errors.New("corpus: content is not the document type announced")
	ErrNetwork     = errors.New("corpus: network error")
)

// StatusError is an HTTP status other than 200 or 304.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

func (e *StatusError) Unwrap() error { return ErrStatus }

// Fetcher downloads documents and listing pages over HTTP. Zero fields take
// the defaults below.
type Fetcher struct {
	Client       *http.Client  // transport; its CheckRedirect and Timeout are replaced
	Timeout      time.Duration // per attempt, whole body included (default 60s)
	Retries      int           // attempts after the first for network errors, timeouts, 429 and 5xx (default 3; <0 none)
	Backoff      time.Duration // wait before the first retry, doubled each time (default 1s)
	MaxBytes     int64         // body size cap (default 100 MiB)
	MaxRedirects int           // redirects followed (default 5)
	UserAgent    string
}

// Validators make a request conditional: the ETag and Last-Modified of
// the copy we hold.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Response is a fetched body, or NotModified when the server says our copy
// is current (then Data is nil).
type Response struct {
	URL         string // after redirects
	Data        []byte
	NotModified bool
	ContentType string
	Validators
}

func (f *Fetcher) defaults() Fetcher {
	d := *f
	if d.Timeout <= 0 {
		d.Timeout = 60 * time.Second
	}
	if d.Retries == 0 {
		d.Retries = 3
	}
	if d.Retries < 0 {
		d.Retries = 0
	}
	if d.Backoff <= 0 {
		d.Backoff = time.Second
	}
	if d.MaxBytes <= 0 {
		d.MaxBytes = 100 << 20
	}
	if d.MaxRedirects <= 0 {
		d.MaxRedirects = 5
	}
	if d.UserAgent == "" {
		d.UserAgent = "rccplans-build/1"
	}
	return d
}

func (f *Fetcher) client() *http.Client {
	var c http.Client
	if f.Client != nil {
		c = *f.Client
	}
	c.Timeout = 0 // per-attempt contexts bound the time
	max := f.MaxRedirects
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("%w: redirect to %s", ErrScheme, req.URL)
		}
		if len(via) > max {
			return fmt.Errorf("%w (%d)", ErrRedirects, max)
		}
		return nil
	}
	return &c
}

// Get fetches rawURL. With validators it asks the server whether our copy
// is still current (If-None-Match, If-Modified-Since). Network errors,
// timeouts, 429 and 5xx are retried with exponential backoff; other
// statuses, an oversized body and a document whose content contradicts
// its announced type (HTML served as a PDF) are not.
func (f *Fetcher) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	d := f.defaults()
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: %q", ErrScheme, rawURL)
	}
	c := d.client()
	wait := d.Backoff
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := d.once(ctx, c, rawURL, v)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !retryable(err) || attempt >= d.Retries {
			return nil, err
		}
		delay := wait
		if retryAfter > delay {
			delay = min(retryAfter, 10*wait)
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
		wait *= 2
	}
}

func retryable(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Code == http.StatusTooManyRequests || se.Code >= 500
	}
	return errors.Is(err, ErrTimeout) || errors.Is(err, ErrNetwork)
}

func (d *Fetcher) once(ctx context.Context, c *http.Client, rawURL string, v Validators) (*Response, time.Duration, error) {
	actx, cancel := context.WithTimeout(ctx, d.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %v", ErrScheme, err)
	}
	req.Header.Set("User-Agent", d.UserAgent)
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, 0, classify(ctx, actx, rawURL, err)
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	out.ETag = resp.Header.Get("ETag")
	out.LastModified = resp.Header.Get("Last-Modified")
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		if v == (Validators{}) {
			return nil, 0, &StatusError{rawURL, resp.StatusCode} // 304 to an unconditional request
		}
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = v.ETag
		}
		if out.LastModified == "" {
			out.LastModified = v.LastModified
		}
		return out, 0, nil
	default:
		var ra time.Duration
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
			ra = time.Duration(s) * time.Second
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
		return nil, ra, &StatusError{rawURL, resp.StatusCode}
	}
	if resp.ContentLength > d.MaxBytes {
		return nil, 0, fmt.Errorf("%w: %s announces %d bytes, cap %d", ErrTooLarge, rawURL, resp.ContentLength, d.MaxBytes)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, d.MaxBytes+1))
	if err != nil {
		return nil, 0, classify(ctx, actx, rawURL, err)
	}
	if int64(len(data)) > d.MaxBytes {
		return nil, 0, fmt.Errorf("%w: %s is over %d bytes", ErrTooLarge, rawURL, d.MaxBytes)
	}
	out.Data = data
	return out, 0, nil
}

func classify(ctx, actx context.Context, rawURL string, err error) error {
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, ErrScheme), errors.Is(err, ErrRedirects):
		return fmt.Errorf("%s: %w", rawURL, unwrapURL(err))
	case actx.Err() != nil || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w: %s: %v", ErrTimeout, rawURL, err)
	}
	return fmt.Errorf("%w: %s: %v", ErrNetwork, rawURL, err)
}

func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// checkDocument refuses a body whose content contradicts what the URL's
// extension or the Content-Type announce: a PDF must start with %PDF, a
// .docx must be a zip. An error page in HTML served with a .pdf link is
// the common case; reading it as a plan would replace good results with
// nothing.
func checkDocument(rawURL, contentType string, data []byte) error {
	want := ""
	if u, err := url.Parse(rawURL); err == nil {
		switch strings.ToLower(path.Ext(u.Path)) {
		case ".pdf":
			want = extract.FormatPDF
		case ".docx":
			want = extract.FormatDOCX
		}
	}
	if want == "" {
		if mt, _, err := mime.ParseMediaType(contentType); err == nil {
			switch mt {
			case "application/pdf", "application/x-pdf":
				want = extract.FormatPDF
			case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
				want = extract.FormatDOCX
			}
		}
	}
	if want == "" {
		return nil
	}
	got := extract.Detect(data)
	if got == want {
		return nil
	}
	if want == extract.FormatPDF && bytes.HasPrefix(data, []byte("%PDF")) {
		return nil
	}
	return fmt.Errorf("%w: %s: announced %s, content is %s", ErrNotDocument, rawURL, want, got)
}
