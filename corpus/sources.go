package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"rccplans/fixtures"
)

// ErrSources marks a manifest that cannot be used: a syntax error, an
// unknown key, a location with a scheme other than http or https. The build
// exits with ExitConfig.
var ErrSources = errors.New("corpus: bad sources")

// Source kinds of a manifest line.
const (
	SourceDocument = "document" // a file, a folder of files, or a URL of one document
	SourceListing  = "listing"  // a page listing documents, read with Discover
)

// Source is one line of a sources manifest.
type Source struct {
	Kind     string // SourceDocument or SourceListing
	Location string // as resolved: absolute path, http(s) URL, or embed:PATH
	Meta     Meta   // overrides for every document this line gives
	Line     int    // line in the manifest, for messages
}

// Meta is document metadata given by hand (manifest) or by a listing page.
// Zero fields are "not given".
type Meta struct {
	Name         string `json:"name,omitempty"` // file name to use as source_file
	Region       string `json:"region,omitempty"`
	RCC          string `json:"rcc,omitempty"`
	Kind         string `json:"kind,omitempty"`
	PeriodFrom   int    `json:"period_from,omitempty"`
	PeriodTo     int    `json:"period_to,omitempty"`
	FollowUpYear int    `json:"follow_up_year,omitempty"`
}

// embedPrefix names a file or folder of the fixture corpus built into the
// binary (fixtures.FS).
const embedPrefix = "embed:"

// DefaultManifest is the manifest used without --sources: the fixture
// corpus embedded in the binary, so a build works from a fresh clone in any
// folder.
//
// It names one rendering of each plan: the fixture corpus also holds the
// same plans as .docx, Chromium and borderless PDFs and as text, which are
// test inputs, and a dataset with every plan four times would mislead
// anyone counting activities. The listing page is read as a listing: its
// entries carry no links here, so it adds no documents (the log says how
// many it listed).
const DefaultManifest = `# rccplans default sources: the fixture corpus built into the binary.
# Region Västmanland, verksamhetsplan 2022–2024 (RCC Mellansverige)
document embed:corpus/000_363f1a49b5c57245-word.pdf
# Region Västerbotten, lokal handlingsplan 2022–2024 (RCC Norr)
document embed:corpus/001_2c1f4fc1918a0a87-word.pdf
# Region Blekinge, aktivitetsplan 2024–2026 (RCC Syd), with its appendix of completed goals
document embed:seeds/003_9c6630dc416cd882.txt
# RCC Norr, uppföljning 2021 of the 2019–2021 plan
document embed:corpus/004_ee4b379ee5192dfe-word.pdf
# cancercentrum.se: the page listing every RCC's plans and follow-ups
listing embed:seeds/002_a666bb7b6b11eeb1.txt
`

// DefaultSources parses DefaultManifest.
func DefaultSources() []Source {
	s, err := ParseSources(strings.NewReader(DefaultManifest), "(default)", "")
	if err != nil {
		panic(err) // the constant above is wrong: a programming error
	}
	return s
}

// ReadSources reads a manifest file. Relative paths in it are relative to
// the manifest's folder.
func ReadSources(name string) ([]Source, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSources, err)
	}
	defer f.Close()
	dir, err := filepath.Abs(filepath.Dir(name))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSources, err)
	}
	return ParseSources(f, name, dir)
}

var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// ParseSources reads the manifest format (see README, "Build"):
//
//	# comment
//	document LOCATION [key=value ...]
//	listing  LOCATION [key=value ...]
//
// LOCATION is a path (a folder means every file in it), an http(s) URL, or
// embed:PATH. Keys: name, region, rcc, kind, period (2022-2024 or 2022),
// follow_up_year. Values with spaces go in double quotes. name is the
// manifest's name in messages; dir resolves relative paths ("" keeps them
// relative to the working folder).
func ParseSources(r io.Reader, name, dir string) ([]Source, error) {
	var out []Source
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		bad := func(format string, a ...any) error {
			return fmt.Errorf("%w: %s:%d: %s", ErrSources, name, n, fmt.Sprintf(format, a...))
		}
		fields, err := splitFields(line)
		if err != nil {
			return nil, bad("%v", err)
		}
		if len(fields) < 2 {
			return nil, bad("want KIND LOCATION [key=value ...], got %q", line)
		}
		s := Source{Line: n}
		switch strings.ToLower(fields[0]) {
		case "document", "doc":
			s.Kind = SourceDocument
		case "listing", "list":
			s.Kind = SourceListing
		default:
			return nil, bad("unknown kind %q (document or listing)", fields[0])
		}
		loc, err := resolveLocation(fields[1], dir)
		if err != nil {
			return nil, bad("%v", err)
		}
		s.Location = loc
		for _, kv := range fields[2:] {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return nil, bad("want key=value, got %q", kv)
			}
			if err := s.Meta.set(strings.ToLower(k), v); err != nil {
				return nil, bad("%v", err)
			}
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrSources, name, err)
	}
	return out, nil
}

// splitFields splits a manifest line at white space, keeping "quoted
// values" (Go string syntax) together, also after key=.
func splitFields(line string) ([]string, error) {
	var out []string
	for line = strings.TrimSpace(line); line != ""; line = strings.TrimSpace(line) {
		if strings.HasPrefix(line, "#") {
			break // trailing comment
		}
		end := strings.IndexFunc(line, unicode.IsSpace)
		if end < 0 {
			end = len(line)
		}
		field := line[:end]
		if q := strings.IndexByte(field, '"'); q >= 0 {
			// the value runs to the closing quote, spaces included
			prefix := line[:q]
			rest := line[q:]
			quoted, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return nil, fmt.Errorf("unterminated or bad quote in %q", line)
			}
			v, _ := strconv.Unquote(quoted)
			field = prefix + v
			end = q + len(quoted)
		}
		out = append(out, field)
		line = line[end:]
	}
	return out, nil
}

func resolveLocation(loc, dir string) (string, error) {
	switch {
	case strings.HasPrefix(loc, embedPrefix):
		p := path.Clean(strings.TrimPrefix(loc, embedPrefix))
		if !fs.ValidPath(p) {
			return "", fmt.Errorf("bad embedded path %q", loc)
		}
		if _, err := fs.Stat(fixtures.FS, p); err != nil {
			return "", fmt.Errorf("no embedded file or folder %q", p)
		}
		return embedPrefix + p, nil
	case schemeRE.MatchString(loc):
		u, err := url.Parse(loc)
		if err != nil {
			return "", fmt.Errorf("bad URL %q: %v", loc, err)
		}
		if u.Scheme != "http" && u.Scheme != "https" {
			return "", fmt.Errorf("only http and https URLs are fetched, not %q", loc)
		}
		if u.Host == "" {
			return "", fmt.Errorf("URL without host: %q", loc)
		}
		u.Fragment = ""
		return u.String(), nil
	}
	p := loc
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return abs, nil
}

func (m *Meta) set(k, v string) error {
	atoi := func() (int, error) {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1900 || n > 2200 {
			return 0, fmt.Errorf("%s: want a year, got %q", k, v)
		}
		return n, nil
	}
	var err error
	switch k {
	case "name":
		if v != filepath.Base(v) || v == "." || v == ".." || strings.ContainsAny(v, `/\`) {
			return fmt.Errorf("name: want a plain file name, got %q", v)
		}
		m.Name = v
	case "region":
		m.Region = v
	case "rcc":
		m.RCC = v
	case "kind":
		m.Kind = v
	case "period":
		from, to, ok := strings.Cut(strings.ReplaceAll(strings.ReplaceAll(v, "–", "-"), "—", "-"), "-")
		if !ok {
			to = from
		}
		a, err1 := strconv.Atoi(strings.TrimSpace(from))
		b, err2 := strconv.Atoi(strings.TrimSpace(to))
		if err1 != nil || err2 != nil || a < 1900 || b < a || b > 2200 {
			return fmt.Errorf("period: want YYYY-YYYY, got %q", v)
		}
		m.PeriodFrom, m.PeriodTo = a, b
	case "follow_up_year", "followup", "follow_up":
		m.FollowUpYear, err = atoi()
	default:
		return fmt.Errorf("unknown key %q (name, region, rcc, kind, period, follow_up_year)", k)
	}
	return err
}

// docSource is one document to build, after folders are expanded and
// listing pages read.
type docSource struct {
	Key      string // embed:PATH, absolute path or URL: identity across builds
	Name     string // base name, the records' source_file
	Meta     Meta   // overrides (manifest)
	Defaults Meta   // filled in where extraction found nothing (listing page)
	Via      string // the listing page it was found on, if any
}

func isURL(loc string) bool {
	return strings.HasPrefix(loc, "http://") || strings.HasPrefix(loc, "https://")
}

// expandLocal lists the documents of a path or embedded location: the
// file itself, or the files of a folder (sorted, hidden ones skipped, not
// recursive).
func expandLocal(loc string) ([]string, error) {
	if strings.HasPrefix(loc, embedPrefix) {
		p := strings.TrimPrefix(loc, embedPrefix)
		st, err := fs.Stat(fixtures.FS, p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			return []string{loc}, nil
		}
		ents, err := fs.ReadDir(fixtures.FS, p)
		if err != nil {
			return nil, err
		}
		var out []string
		for _, e := range ents {
			if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				out = append(out, embedPrefix+path.Join(p, e.Name()))
			}
		}
		return out, nil
	}
	st, err := os.Stat(loc)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{loc}, nil
	}
	ents, err := os.ReadDir(loc)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0 {
			full := filepath.Join(loc, e.Name())
			if st, err := os.Stat(full); err == nil && st.Mode().IsRegular() {
				out = append(out, full)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// readLocal reads a path or embedded file.
func readLocal(loc string) ([]byte, error) {
	if strings.HasPrefix(loc, embedPrefix) {
		return fs.ReadFile(fixtures.FS, strings.TrimPrefix(loc, embedPrefix))
	}
	return os.ReadFile(loc)
}

// baseName is the file name a location gives its records: the last path
// element, for a URL unescaped, with nothing that could leave a folder.
func baseName(loc string) string {
	var b string
	switch {
	case isURL(loc):
		u, err := url.Parse(loc)
		if err == nil {
			b = path.Base(u.Path)
			if b == "/" || b == "." || b == "" {
				b = u.Host
			}
		}
	case strings.HasPrefix(loc, embedPrefix):
		b = path.Base(strings.TrimPrefix(loc, embedPrefix))
	default:
		b = filepath.Base(loc)
	}
	b = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || unicode.IsControl(r) {
			return '_'
		}
		return r
	}, b)
	if b == "" || b == "." || b == ".." {
		b = "document"
	}
	return b
}
