// Package extract turns the bytes of one input file into a
// rccplans.Layout: for PDFs the positioned pages (glyphs, words, lines,
// ruling segments) and, for every format, the content in reading order as
// headings, paragraphs and reconstructed tables.
//
// Formats are recognised by content, not by file name: PDF (%PDF), Word
// .docx (a zip holding word/document.xml), HTML, markdown (with tab or pipe
// tables) and plain text extracted from a PDF whose layout was lost.
//
// extract does not log: problems it can work around come back as
// Layout.Warnings, failures as errors carrying file and page
// (*rccplans.Error) that unwrap to the sentinels below.
package extract

import (
	"context"
	"errors"
	"fmt"

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
// defaults below.
type Options struct {
	MaxPages int // pages read at most; more fail the document with ErrTooLarge
}

// DefaultMaxPages is the page bound when Options.MaxPages is zero.
const DefaultMaxPages = 5000

func (o Options) maxPages() int {
	if o.MaxPages > 0 {
		return o.MaxPages
	}
	return DefaultMaxPages
}

// Read detects the format of data and reads it. name is used in errors,
// warnings and Layout.SourceFile. Cancelling ctx stops a long read between
// pages.
func Read(ctx context.Context, name string, data []byte, opt Options) (*rccplans.Layout, error) {
	if len(data) == 0 {
		return nil, rccplans.Located(name, 0, ErrEmpty)
	}
	var (
		l   *rccplans.Layout
		err error
	)
	switch f := Detect(data); f {
	case FormatPDF:
		l, err = PDF(ctx, name, data, opt)
	case FormatDOCX:
		l, err = DOCX(name, data)
	case FormatHTML:
		l, err = HTML(name, data)
	case FormatMarkdown:
		l, err = Markdown(name, data)
	case FormatText:
		l, err = Text(name, data)
	default:
		return nil, rccplans.Located(name, 0, fmt.Errorf("%w (%s)", ErrUnsupported, f))
	}
	return l, rccplans.Located(name, 0, err)
}
