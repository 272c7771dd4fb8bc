package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"rccplans"
)

// Formats Detect returns.
const (
	FormatPDF      = "pdf"
	FormatDOCX     = "docx"
	FormatHTML     = "html"
	FormatMarkdown = "markdown"
	FormatOrg      = "org"
	FormatText     = "text"
	FormatBinary   = "binary" // anything else: not read
)

// Detect tells the format of data from its content alone.
func Detect(data []byte) string {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		// word/document.xml, or document2.xml as Word online names it
		if bytes.Contains(data, []byte("word/document")) && bytes.Contains(data, []byte(".xml")) {
			return FormatDOCX
		}
		return FormatBinary
	}
	// HTML markers are ASCII, so a page in a legacy encoding (Latin-1,
	// Windows-1252) is still HTML; HTML re-reads it as UTF-8.
	lower := bytes.ToLower(bytes.TrimSpace(head))
	lower = bytes.TrimPrefix(lower, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		(bytes.HasPrefix(lower, []byte("<")) && bytes.Contains(lower, []byte("<body"))) || htmlFragment(lower) {
		if utf8.Valid(sample(data)) || !bytes.Contains(head, []byte{0}) {
			return FormatHTML
		}
	}
	if !utf8.Valid(sample(data)) {
		return FormatBinary
	}
	if looksOrg(data) {
		return FormatOrg
	}
	if looksMarkdown(data) {
		return FormatMarkdown
	}
	return FormatText
}

// htmlFragment: a page saved without <html>/<body> (a CMS export, a
// clipboard copy) still opens with a tag and holds block markup; an XML
// file or a markdown text that happens to open with <b> does not.
func htmlFragment(lower []byte) bool {
	if !bytes.HasPrefix(lower, []byte("<")) || bytes.HasPrefix(lower, []byte("<?xml")) {
		return false
	}
	n := 0
	for _, tag := range []string{"<table", "<h1", "<h2", "<h3", "<h4", "<div", "<p>", "<p ", "<ul", "<section", "<article", "<main", "<tr"} {
		if bytes.Contains(lower, []byte(tag)) {
			n++
		}
	}
	return n >= 2
}

// sample is the first 64 KiB cut back to a rune boundary.
func sample(data []byte) []byte {
	if len(data) <= 64<<10 {
		return data
	}
	s := data[:64<<10]
	for i := 0; i < utf8.UTFMax && len(s) > 0 && !utf8.Valid(s); i++ {
		s = s[:len(s)-1]
	}
	return s
}

// looksMarkdown: ATX headings, pipe tables or HTML table/cell markup in
// text are what conversions of web pages leave; so is a table pasted from
// a browser, its cells separated by single tabs under a header of column
// names (text that kept its layout pads with runs of blanks or tabs, its
// fields never all filled).
func looksMarkdown(data []byte) bool {
	n := 0
	tabbed, header := 0, false
	for _, ln := range bytes.Split(sample(data), []byte("\n")) {
		t := bytes.TrimSpace(ln)
		if bytes.Count(t, []byte("\t")) >= 2 {
			tabbed++
			header = header || tabHeader(string(t))
		}
		switch {
		case bytes.HasPrefix(t, []byte("#")) && bytes.Contains(t[:min(len(t), 7)], []byte("# ")):
			n++
		case bytes.HasPrefix(t, []byte("|")) && bytes.Count(t, []byte("|")) >= 3:
			n++
		case bytes.Contains(t, []byte("<b>")) || bytes.Contains(t, []byte("<p>")) || bytes.Contains(t, []byte("<li>")):
			n++
		}
	}
	return n >= 3 || header && tabbed >= 3
}

// tabHeader: a line of three or more tab-separated fields, each filled and
// without blanks around it, that names two or more column roles.
func tabHeader(t string) bool {
	fields := strings.Split(t, "\t")
	if len(fields) < 3 {
		return false
	}
	for _, f := range fields {
		if f == "" || strings.TrimSpace(f) != f {
			return false
		}
	}
	return rccplans.HeaderScore(fields) >= 2
}

// looksOrg: Emacs org-mode, told by what markdown and text never write:
// "#+KEY:" keyword lines ("#+TITLE:", "#+OPTIONS:") or org table rules
// ("|---+---|"), with "* " outline headings or more such lines.
func looksOrg(data []byte) bool {
	keys, rules, stars := 0, 0, 0
	for _, ln := range bytes.Split(sample(data), []byte("\n")) {
		t := bytes.TrimSpace(ln)
		switch {
		case orgKeyword.Match(t):
			keys++
		case orgRule.Match(t) && bytes.Contains(t, []byte("-+-")):
			rules++
		case bytes.HasPrefix(ln, []byte("* ")) || bytes.HasPrefix(ln, []byte("** ")):
			stars++
		}
	}
	return keys+rules >= 2 && (keys > 0 && stars > 0 || keys >= 2 || rules >= 2 && stars > 0)
}
