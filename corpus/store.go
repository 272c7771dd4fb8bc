package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"rccplans/extract"
)

// Store is a content-addressed store of source documents: every file is
// kept once under the sha256 of its bytes, objects/ab/abcd….ext. Names
// come from the hash and the detected format only, never from a URL or a
// server's file name, so nothing a server says can leave the store.
type Store struct {
	Dir string
}

var sumRE = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Sum is the hex sha256 of data.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// extOf gives the file extension of a stored object from its content.
func extOf(data []byte) string {
	switch extract.Detect(data) {
	case extract.FormatPDF:
		return ".pdf"
	case extract.FormatDOCX:
		return ".docx"
	case extract.FormatHTML:
		return ".html"
	case extract.FormatMarkdown:
		return ".md"
	case extract.FormatText:
		return ".txt"
	case extract.FormatOrg:
		return ".org"
	}
	return ".bin"
}

// Rel is the object's path relative to the store folder.
func (s *Store) Rel(sum, ext string) (string, error) {
	if !sumRE.MatchString(sum) {
		return "", fmt.Errorf("corpus: store: bad hash %q", sum)
	}
	switch ext {
	case ".pdf", ".docx", ".html", ".md", ".txt", ".org", ".bin":
	default:
		return "", fmt.Errorf("corpus: store: bad extension %q", ext)
	}
	return filepath.Join("objects", sum[:2], sum+ext), nil
}

// Put stores data (once) and returns its hash and the object's path
// relative to the store folder.
func (s *Store) Put(data []byte) (sum, rel string, err error) {
	sum = Sum(data)
	rel, err = s.Rel(sum, extOf(data))
	if err != nil {
		return "", "", err
	}
	full := filepath.Join(s.Dir, rel)
	if st, err := os.Stat(full); err == nil && st.Size() == int64(len(data)) {
		return sum, rel, nil
	}
	if err := writeFileAtomic(full, data, true); err != nil {
		return "", "", fmt.Errorf("corpus: store: %w", err)
	}
	return sum, rel, nil
}

// Get reads an object and checks its hash.
func (s *Store) Get(sum, ext string) ([]byte, error) {
	rel, err := s.Rel(sum, ext)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(s.Dir, rel))
	if err != nil {
		return nil, err
	}
	if Sum(data) != sum {
		return nil, fmt.Errorf("corpus: store: %s is damaged", rel)
	}
	return data, nil
}

// fetchEntry is what we remember of a URL between runs: the validators of
// the copy we hold and where it is.
type fetchEntry struct {
	Validators
	SHA256 string `json:"sha256"`
	Ext    string `json:"ext"`
}

const fetchLogName = "fetched.json"

func (s *Store) readFetchLog() map[string]fetchEntry {
	m := map[string]fetchEntry{}
	data, err := os.ReadFile(filepath.Join(s.Dir, fetchLogName))
	if err == nil {
		json.Unmarshal(data, &m) // a damaged log only costs unconditional requests
	}
	return m
}

func (s *Store) writeFetchLog(m map[string]fetchEntry) error {
	data, err := json.MarshalIndent(m, "", "  ") // map keys come out sorted
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(s.Dir, fetchLogName), data, false)
}

// writeFileAtomic writes data to a temporary file beside name and renames
// it over name: readers see the old or the new file, never a part, even
// if the process is killed. durable also syncs the file before the rename,
// against a crash of the machine; files of a build are instead synced all
// at once before it is published (syncTree).
func writeFileAtomic(name string, data []byte, durable bool) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil && durable {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// removeTemps deletes temporary files a killed run left in dir.
func removeTemps(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), ".tmp") {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}
