package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// Live serves the published build of an output folder and follows it: when
// a build publishes a new one (out/current now points elsewhere), Reload
// opens the new index read-only and swaps it into a bleve index alias, then
// closes the old one. Searches never see a closed index: the alias's Swap
// waits for searches under way, and the swap happens only after the new
// index opened. The index of a build being written is never opened: out/current
// only ever points at finished builds.
type Live struct {
	data  string
	alias bleve.IndexAlias
	mu    sync.Mutex // serialises Reload
	cur   atomic.Pointer[liveBuild]
	// failed is the published build whose index did not open: it is not
	// tried again until current points elsewhere.
	failed string
	load   Loader // nil: no record history or comparison
}

type liveBuild struct {
	x     *Index
	build string // the build folder, "" when data is an index folder
	link  string // what data/current pointed to when opened
	// across is the build's data for the pages across documents, loaded
	// with the index and swapped with it; acrossErr why it is missing.
	across    *Across
	acrossErr error
}

// CurrentLink is the symlink in an output folder that names the published build.
const CurrentLink = "current"

// IndexDir is the index's folder inside a build.
const IndexDir = "index"

// OpenLive opens the published build of data, which is an output folder (with
// a "current" symlink), a build folder (with an "index" folder) or an index
// folder. An output folder without a published build is no error: the Live
// answers ErrNoIndex until Reload finds one.
func OpenLive(data string) (*Live, error) { return OpenLiveWith(data, nil) }

// OpenLiveWith is OpenLive that also loads, with every build it opens, the
// build's data for a record's history and the comparison of regions (see
// Across), and swaps it together with the index.
func OpenLiveWith(data string, load Loader) (*Live, error) {
	l := &Live{data: data, alias: bleve.NewIndexAlias(), load: load}
	if _, err := l.Reload(); err != nil && !errors.Is(err, ErrNoIndex) {
		return nil, err
	}
	return l, nil
}

// locate finds the build and index folders of data and what current points to.
func locate(data string) (build, dir, link string, err error) {
	if target, err := os.Readlink(filepath.Join(data, CurrentLink)); err == nil {
		if !filepath.IsAbs(target) {
			target = filepath.Join(data, target)
		}
		return target, filepath.Join(target, IndexDir), target, nil
	}
	if _, err := os.Stat(filepath.Join(data, IndexDir, "index_meta.json")); err == nil {
		return data, filepath.Join(data, IndexDir), "", nil
	}
	if _, err := os.Stat(filepath.Join(data, "index_meta.json")); err == nil {
		return "", data, "", nil
	}
	return "", "", "", fmt.Errorf("%w: %s has no %s link, build or index", ErrNoIndex, data, CurrentLink)
}

// Reload opens the published build if it is not the one being served and
// swaps it in. It reports whether it swapped.
func (l *Live) Reload() (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	build, dir, link, err := locate(l.data)
	if err != nil {
		return false, err
	}
	old := l.cur.Load()
	if old != nil && old.x.dir == dir && old.link == link || link != "" && link == l.failed {
		return false, nil
	}
	x, err := Open(dir)
	if err != nil {
		l.failed = link
		return false, err
	}
	l.failed = ""
	nb := &liveBuild{x: x, build: build, link: link}
	switch {
	case l.load == nil:
		nb.acrossErr = fmt.Errorf("%w: none loaded", ErrNoAcross)
	case build == "":
		nb.acrossErr = fmt.Errorf("%w: %s is an index folder, not a build", ErrNoAcross, l.data)
	default:
		// A build without its links or comparison is still searchable:
		// the pages across documents say why they are missing.
		if nb.across, nb.acrossErr = l.load(build); nb.acrossErr == nil && nb.across == nil {
			nb.acrossErr = fmt.Errorf("%w: %s", ErrNoAcross, build)
		} else if nb.acrossErr != nil {
			nb.across = nil
			nb.acrossErr = fmt.Errorf("%w: %w", ErrNoAcross, nb.acrossErr)
		}
	}
	var out []bleve.Index
	if old != nil {
		out = append(out, old.x.bleve)
	}
	l.alias.Swap([]bleve.Index{x.bleve}, out)
	l.cur.Store(nb)
	if old != nil {
		// Swap returned: no search through the alias runs on the old index
		// any more; Close waits for the searches that use it directly.
		old.x.Close()
	}
	return true, nil
}

// Watch polls for a new published build every interval until ctx ends,
// reporting each swap or error to report (which may be nil).
func (l *Live) Watch(ctx context.Context, interval time.Duration, report func(build string, err error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			swapped, err := l.Reload()
			if report != nil && (swapped || err != nil) {
				report(l.Build(), err)
			}
		}
	}
}

// Build is the folder of the build being served ("" if none or unknown).
func (l *Live) Build() string {
	if b := l.cur.Load(); b != nil {
		return b.build
	}
	return ""
}

// Across is the record history and comparison data of the build being
// served, loaded and swapped with its index. The error says why there is
// none: ErrNoIndex before any build, else ErrNoAcross.
func (l *Live) Across() (*Across, error) {
	b := l.cur.Load()
	if b == nil {
		return nil, fmt.Errorf("%w: nothing published in %s yet", ErrNoIndex, l.data)
	}
	return b.across, b.acrossErr
}

// Search runs a request on the build being served.
func (l *Live) Search(ctx context.Context, r Request) (*Result, error) {
	// A swap may close the loaded index before it is acquired; the next
	// load then sees the new one.
	for range 3 {
		b := l.cur.Load()
		if b == nil {
			return nil, fmt.Errorf("%w: nothing published in %s yet", ErrNoIndex, l.data)
		}
		if b.x.acquire() {
			defer b.x.release()
			return b.x.search(ctx, r)
		}
	}
	return nil, fmt.Errorf("%w: %s is being swapped", ErrNoIndex, l.data)
}

// Close closes the alias and the index being served.
func (l *Live) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.cur.Swap(nil)
	err := l.alias.Close()
	if b != nil {
		if cerr := b.x.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Each calls fn for every hit of r in document order; see Index.Each.
func (l *Live) Each(ctx context.Context, r Request, limit int, fn func(Hit) error) error {
	b := l.cur.Load()
	if b == nil {
		return fmt.Errorf("%w: nothing published in %s yet", ErrNoIndex, l.data)
	}
	return each(ctx, l.alias, b.x.syn, b.x.an, r, limit, fn)
}
