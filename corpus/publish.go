package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// Layout of an output folder (--out):
//
//	out/.lock               flock'ed by the running build
//	out/current -> builds/ID the published build (a symlink, swapped by rename)
//	out/builds/ID/          one build: records.jsonl, sections.jsonl, … (see Build)
//	out/builds/ID.partial/  a build being written (or left by a killed one)
//	out/builds/ID.rejected/ a build the quality gate refused
//	out/store/              fetched and local documents by sha256 (Store)
//	out/cache/              extraction results by sha256 (Cache)
//	out/last-run.json       report of the last run, published or not
const (
	CurrentLink    = "current"
	buildsDir      = "builds"
	storeDir       = "store"
	cacheDir       = "cache"
	lockName       = ".lock"
	lastRunName    = "last-run.json"
	partialSuffix  = ".partial"
	rejectedSuffix = ".rejected"
)

// ErrLocked: another build holds the output folder's lock.
var ErrLocked = errors.New("corpus: another build is running on this output folder")

// ErrNotPublished: the output folder has no published build yet.
var ErrNotPublished = errors.New("corpus: no published build")

// Lock is an exclusive flock on out/.lock. The kernel drops it when the
// process dies, so a killed build never leaves a stale lock behind.
type Lock struct {
	f *os.File
}

// AcquireLock takes the lock of an output folder without waiting; it
// returns ErrLocked when another build holds it.
func AcquireLock(out string) (*Lock, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(out, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("corpus: lock %s: %w", out, err)
	}
	f.Truncate(0)
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return &Lock{f}, nil
}

// Release drops the lock.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close() // closing the last descriptor releases the flock
	l.f = nil
	return err
}

// Current is the folder of the published build in out.
func Current(out string) (string, error) {
	link := filepath.Join(out, CurrentLink)
	target, err := os.Readlink(link)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", ErrNotPublished
		}
		return "", err
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(out, target)
	}
	if st, err := os.Stat(target); err != nil || !st.IsDir() {
		return "", fmt.Errorf("%w: %s points to a missing build", ErrNotPublished, link)
	}
	return target, nil
}

// publish makes builds/id the current build: the symlink is written
// beside the old one and renamed over it, an atomic switch.
func publish(out, id string) error {
	if err := syncTree(filepath.Join(out, buildsDir, id)); err != nil {
		return err
	}
	if err := syncDir(filepath.Join(out, buildsDir)); err != nil {
		return err
	}
	tmp := filepath.Join(out, "."+CurrentLink+".tmp")
	os.Remove(tmp)
	if err := os.Symlink(filepath.Join(buildsDir, id), tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(out, CurrentLink)); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(out)
}

// syncTree makes every file and folder under dir durable. The syncs run
// side by side: the file system commits them together, where one after
// the other would wait for the disk once per file.
func syncTree(dir string) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i, p := range paths {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			errs[i] = syncDir(p)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// syncDir fsyncs a folder or file.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

// cleanPartial removes the builds that a killed or failed run left half
// written. Called under the lock, so none of them is being written.
func cleanPartial(out string) {
	dir := filepath.Join(out, buildsDir)
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), partialSuffix) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
	removeTemps(out)
}

// prune keeps the newest keep published builds (the current one always)
// and the newest keep rejected ones. Build ids sort by time.
func prune(out string, keep int) {
	if keep < 1 {
		keep = 1
	}
	dir := filepath.Join(out, buildsDir)
	cur, _ := Current(out)
	ents, _ := os.ReadDir(dir)
	var done, rejected []string
	for _, e := range ents {
		switch n := e.Name(); {
		case !e.IsDir():
		case strings.HasSuffix(n, rejectedSuffix):
			rejected = append(rejected, n)
		case !strings.HasSuffix(n, partialSuffix):
			done = append(done, n)
		}
	}
	for _, list := range [][]string{done, rejected} {
		sort.Sort(sort.Reverse(sort.StringSlice(list)))
		for i, n := range list {
			full := filepath.Join(dir, n)
			if i >= keep && full != cur {
				os.RemoveAll(full)
			}
		}
	}
}
