// Package extract turns the bytes of one input file into a
// rccplans.Layout: for PDFs the positioned pages (glyphs, words, lines,
// ruling segments) and, for every format, the content in reading order as
// headings, paragraphs and reconstructed tables.
//
// Formats are recognised by content, not by file name: PDF (%PDF), Word
// .docx (a zip holding word/document.xml), HTML, markdown (with tab or pipe
// tables), Emacs org-mode (org tables) and plain text extracted from a PDF
// whose layout was lost.
//
// extract does not log: problems it can work around come back as
// Layout.Warnings, failures as errors carrying file and page
// (*rccplans.Error) that unwrap to the sentinels below.
package extract

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"rccplans"
)

// Sentinel errors; wrapped in *rccplans.Error with the file (and page).
var (
	ErrUnsupported = errors.New("extract: unsupported or unrecognised format")
	ErrEmpty       = errors.New("extract: empty file")
	ErrEncrypted   = errors.New("extract: encrypted PDF needs a password")
	ErrMalformed   = errors.New("extract: malformed file")
	ErrTooLarge    = errors.New("extract: document exceeds a limit")
	ErrNoText      = errors.New("extract: no text layer (scanned pages need OCR)")
)

// Options bounds the work done on one document. Zero values mean the
// defaults below. A document past a bound fails alone with ErrTooLarge
// naming it; the other documents of a run are not affected.
type Options struct {
	MaxPages int           // pages read at most; more fail the document with ErrTooLarge
	MaxBytes int64         // input size at most (memory is about proportional to it and to pages)
	Timeout  time.Duration // time spent on one document at most
}

// Defaults of Options.
const (
	DefaultMaxPages = 5000
	DefaultMaxBytes = 512 << 20
	DefaultTimeout  = 5 * time.Minute
)

func (o Options) maxPages() int {
	if o.MaxPages > 0 {
		return o.MaxPages
	}
	return DefaultMaxPages
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

// Read detects the format of data and reads it. name is used in errors,
// warnings and Layout.SourceFile. Cancelling ctx stops a long read between
// pages.
//
// Read is the guard around the format readers: a panic in one becomes an
// ErrMalformed error naming the file; a document past Options' bounds
// (size, pages, time) fails with ErrTooLarge; a file named .pdf or .docx
// whose content is a web page or text (the HTML error page a server sent
// instead) fails with ErrUnsupported; a PDF encrypted with the empty user
// password is read as if it were plain, and one whose cross-reference data
// is damaged is rebuilt first (a warning says so). On the time bound Read returns at once and
// the reader, which only stops between pages, finishes in the background
// within its own per-page bounds.
func Read(ctx context.Context, name string, data []byte, opt Options) (*rccplans.Layout, error) {
	if len(data) == 0 {
		return nil, rccplans.Located(name, 0, ErrEmpty)
	}
	if n := int64(len(data)); n > opt.maxBytes() {
		return nil, rccplans.Located(name, 0, fmt.Errorf("%w: %d bytes, at most %d", ErrTooLarge, n, opt.maxBytes()))
	}
	f := Detect(data)
	// A name promising a document whose content is a web page or text is
	// the error page a server sent instead; a document under another
	// document's name is read by content.
	if ext := strings.ToLower(path.Ext(name)); (ext == ".pdf" || ext == ".docx") && f != FormatPDF && f != FormatDOCX {
		return nil, rccplans.Located(name, 0, fmt.Errorf("%w: named %s but the content is %s", ErrUnsupported, ext, f))
	}
	if f == FormatBinary {
		return nil, rccplans.Located(name, 0, fmt.Errorf("%w (%s)", ErrUnsupported, f))
	}
	var notes []string
	if f == FormatPDF {
		var err error
		if data, notes, err = pdfPrepare(data); err != nil {
			return nil, rccplans.Located(name, 0, err)
		}
	}

	ctx, cancel := context.WithTimeout(ctx, opt.timeout())
	defer cancel()
	type result struct {
		l   *rccplans.Layout
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if recoverPanics {
				if x := recover(); x != nil {
					r = result{nil, fmt.Errorf("%w: %s reader failed: %v", ErrMalformed, f, x)}
				}
			}
			done <- r
		}()
		r.l, r.err = readFormat(ctx, f, name, data, opt)
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		r.err = ctx.Err()
	}
	if errors.Is(r.err, context.DeadlineExceeded) && ctx.Err() != nil && context.Cause(ctx) == context.DeadlineExceeded {
		r.l, r.err = nil, fmt.Errorf("%w: not read within %s", ErrTooLarge, opt.timeout())
	}
	if r.l != nil {
		for _, n := range notes {
			r.l.Warnings = append(r.l.Warnings, rccplans.Warning{File: name, Message: n})
		}
	}
	return r.l, rccplans.Located(name, 0, r.err)
}

// recoverPanics is turned off by FuzzRead, so that a reader's panic is
// found rather than hidden.
var recoverPanics = true

func readFormat(ctx context.Context, f, name string, data []byte, opt Options) (*rccplans.Layout, error) {
	switch f {
	case FormatPDF:
		return PDF(ctx, name, data, opt)
	case FormatDOCX:
		return DOCX(name, data)
	case FormatHTML:
		return HTML(name, data)
	case FormatMarkdown:
		return Markdown(name, data)
	case FormatOrg:
		return Org(name, data)
	case FormatText:
		return Text(name, data)
	}
	return nil, fmt.Errorf("%w (%s)", ErrUnsupported, f)
}

// pdfPrepare hands the PDF reader a file its object layer can trust: one
// encrypted with the empty user password is decrypted, one whose
// cross-reference table is damaged is rebuilt (both by rewriting it, see
// repair.go). notes say what was done, as warnings.
func pdfPrepare(data []byte) (out []byte, notes []string, err error) {
	out = data
	defer func() {
		if recover() != nil {
			out, notes, err = data, nil, nil
		}
	}()
	plain, err := decryptPDFErr(data)
	if err != nil {
		return data, nil, err
	}
	if plain != nil {
		return plain, []string{"encrypted with an empty user password; read as plain"}, nil
	}
	if !xrefSound(data) {
		if fixed, ok := repair(data); ok {
			return fixed, []string{"damaged cross-reference data (startxref, xref table or trailer); rebuilt by scanning the file"}, nil
		}
	}
	return data, nil, nil
}
