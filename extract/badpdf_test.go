package extract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"rccplans/fixtures"
	"rccplans/fixtures/bad"
)

// cleanPDFs returns every PDF of the fixture corpus by name.
func cleanPDFs(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	ents, err := fs.ReadDir(fixtures.FS, "corpus")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if path.Ext(e.Name()) != ".pdf" {
			continue
		}
		b, err := fs.ReadFile(fixtures.FS, "corpus/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	if len(out) == 0 {
		t.Fatal("no PDF fixtures")
	}
	return out
}

// pdfPages opens data with the library alone and returns, per page, the
// decoded bytes of its content streams: what the layout reader will see.
func pdfPages(data []byte) (pages []string, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("panic: %v", x)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	n := r.NumPage()
	for i := 1; i <= n; i++ {
		c := r.Page(i).V.Key("Contents")
		var b bytes.Buffer
		streams := []pdf.Value{c}
		if c.Kind() == pdf.Array {
			streams = nil
			for j := 0; j < c.Len(); j++ {
				streams = append(streams, c.Index(j))
			}
		}
		for _, s := range streams {
			rd := s.Reader()
			if _, err := io.Copy(&b, rd); err != nil {
				return nil, fmt.Errorf("page %d: %w", i, err)
			}
		}
		pages = append(pages, b.String())
	}
	return pages, nil
}

var startxrefNum = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

func breakStartxref(b []byte) []byte {
	m := startxrefNum.FindSubmatchIndex(b)
	n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
	out := bytes.Clone(b[:m[2]])
	out = strconv.AppendInt(out, int64(n/2), 10)
	return append(out, b[m[3]:]...)
}

func startxrefOf(b []byte) int {
	m := startxrefNum.FindSubmatch(b)
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// The messes repair must undo completely: the repaired file has the same
// pages with the same content as the clean one.
var repairMesses = []struct {
	name string
	mess func([]byte) []byte
}{
	{"wrong startxref", breakStartxref},
	{"startxref past the end", func(b []byte) []byte {
		return bytes.Replace(b, []byte(fmt.Sprintf("startxref\n%d", startxrefOf(b))), []byte("startxref\n99999999"), 1)
	}},
	{"no xref table or trailer", func(b []byte) []byte {
		return append(bytes.Clone(b[:startxrefOf(b)]), "startxref\n0\n%%EOF\n"...)
	}},
	{"garbled xref entries", func(b []byte) []byte {
		out := bytes.Clone(b)
		tail := out[startxrefOf(b):]
		for i := 0; i+20 <= len(tail); i++ {
			if tail[i] == '\n' && i+11 < len(tail) && tail[i+11] == ' ' {
				copy(tail[i+1:i+11], "0000000123")
			}
		}
		return out
	}},
	{"truncated before the xref", func(b []byte) []byte { return bytes.Clone(b[:startxrefOf(b)-30]) }},
	{"junk before the header", func(b []byte) []byte {
		return append([]byte("Content-Type: application/pdf\r\n\r\n"), b...)
	}},
	{"header version 2.0", func(b []byte) []byte {
		out := bytes.Clone(b)
		copy(out, "%PDF-2.0")
		return breakStartxref(out)
	}},
	{"CR line ends after stream", func(b []byte) []byte {
		return breakStartxref(bytes.ReplaceAll(b, []byte("stream\n"), []byte("stream\r\n")))
	}},
}

func TestRepairUndoesMesses(t *testing.T) {
	for name, clean := range cleanPDFs(t) {
		want, err := pdfPages(clean)
		if err != nil {
			t.Fatalf("%s: clean file does not open: %v", name, err)
		}
		for _, m := range repairMesses {
			t.Run(name+"/"+m.name, func(t *testing.T) {
				broken := m.mess(clean)
				fixed, ok := repair(broken)
				if !ok {
					t.Fatal("repair gave up")
				}
				got, err := pdfPages(fixed)
				if err != nil {
					t.Fatalf("repaired file does not open: %v", err)
				}
				if len(got) != len(want) {
					t.Fatalf("pages: got %d, want %d", len(got), len(want))
				}
				for i := range want {
					if got[i] != want[i] {
						t.Errorf("page %d: content differs (%d vs %d bytes)", i+1, len(got[i]), len(want[i]))
					}
				}
			})
		}
	}
}

// The library itself must fail on the messes it cannot handle, or the
// test above proves nothing about repair.
func TestRepairMessesBreakTheLibrary(t *testing.T) {
	clean := cleanPDFs(t)
	for name, b := range clean {
		for _, m := range repairMesses {
			if m.name == "garbled xref entries" || m.name == "truncated before the xref" {
				// opens, then fails object by object: checked below
				continue
			}
			broken := m.mess(b)
			if _, err := pdf.NewReader(bytes.NewReader(broken), int64(len(broken))); err == nil {
				t.Errorf("%s/%s: library opened the broken file", name, m.name)
			}
		}
		break
	}
}

func TestRepairEncryptedKeepsEncryption(t *testing.T) {
	for name, clean := range cleanPDFs(t) {
		want, err := pdfPages(clean)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []bad.Cipher{bad.RC4, bad.AES128} {
			t.Run(name+"/"+c.String(), func(t *testing.T) {
				enc, err := bad.Encrypt(clean, c, "", "owner")
				if err != nil {
					t.Fatal(err)
				}
				if got, err := pdfPages(enc); err != nil || len(got) != len(want) {
					t.Fatalf("encrypted twin does not open: %v", err)
				}
				fixed, ok := repair(breakStartxref(enc))
				if !ok {
					t.Fatal("repair gave up")
				}
				got, err := pdfPages(fixed)
				if err != nil {
					t.Fatalf("repaired encrypted file does not open: %v", err)
				}
				if len(got) != len(want) {
					t.Fatalf("pages: got %d, want %d", len(got), len(want))
				}
				for i := range want {
					// AES leaves its padding after the data; the text is what counts.
					if !strings.HasPrefix(got[i], want[i]) {
						t.Errorf("page %d: content differs", i+1)
					}
				}
			})
		}
		break // one plan is enough for the ciphers
	}
}

// objStmPDF writes a PDF 1.5 file whose catalog, page tree, page and font
// live in an object stream, indexed by a cross-reference stream.
func objStmPDF(t testing.TB, text string, filter bool) []byte {
	t.Helper()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var hdr, body bytes.Buffer
	for i, o := range objs {
		fmt.Fprintf(&hdr, "%d %d ", i+1, body.Len())
		body.WriteString(o + "\n")
	}
	first := hdr.Len()
	stm := append(hdr.Bytes(), body.Bytes()...)
	var out bytes.Buffer
	out.WriteString("%PDF-1.5\n")
	offs := map[int]int{}
	content := fmt.Sprintf("BT /F1 12 Tf 72 700 Td (%s) Tj ET", text)
	offs[5] = out.Len()
	fmt.Fprintf(&out, "5 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n", len(content), content)
	offs[6] = out.Len()
	dict := fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(objs), first)
	if filter {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(stm)
		zw.Close()
		stm = z.Bytes()
		dict += " /Filter /FlateDecode"
	}
	fmt.Fprintf(&out, "6 0 obj\n<< %s /Length %d >>\nstream\n", dict, len(stm))
	out.Write(stm)
	out.WriteString("\nendstream\nendobj\n")
	x := out.Len()
	var rows []byte
	row := func(typ byte, a, b int) { rows = append(rows, typ, byte(a>>8), byte(a), byte(b)) }
	row(0, 0, 255)
	for i := 1; i <= 4; i++ {
		row(2, 6, i-1)
	}
	row(1, offs[5], 0)
	row(1, offs[6], 0)
	row(1, x, 0)
	fmt.Fprintf(&out, "7 0 obj\n<< /Type /XRef /Size 8 /W [1 2 1] /Root 1 0 R /Length %d >>\nstream\n", len(rows))
	out.Write(rows)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", x)
	return out.Bytes()
}

func TestRepairObjectStreams(t *testing.T) {
	for _, filter := range []bool{false, true} {
		t.Run(fmt.Sprint("flate=", filter), func(t *testing.T) {
			clean := objStmPDF(t, "Inside an object stream", filter)
			want, err := pdfPages(clean)
			if err != nil || len(want) != 1 {
				t.Fatalf("clean object-stream file: %v %d", err, len(want))
			}
			for _, m := range repairMesses[:3] {
				fixed, ok := repair(m.mess(clean))
				if !ok {
					t.Fatalf("%s: repair gave up", m.name)
				}
				got, err := pdfPages(fixed)
				if err != nil {
					t.Fatalf("%s: %v", m.name, err)
				}
				if len(got) != 1 || got[0] != want[0] {
					t.Errorf("%s: got %q, want %q", m.name, got, want)
				}
			}
		})
	}
}

// Without catalog or page tree (a file cut early), repair makes a catalog
// over a new page tree of every page object found.
func TestRepairSynthesisesPageTree(t *testing.T) {
	w := &bad.Writer{}
	font := w.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	var pages []int
	for i := 0; i < 3; i++ {
		c := w.Stream("", []byte(fmt.Sprintf("BT /F1 12 Tf 72 700 Td (page %d) Tj ET", i+1)))
		pages = append(pages, w.Add(fmt.Sprintf("<< /Type /Page /Parent 99 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", font, c)))
	}
	root := w.Add("<< /Type /Catalog /Pages 99 0 R >>") // a tree that is not there
	data := w.Bytes(root, "")
	data = data[:bytes.LastIndex(data, []byte("xref"))]
	fixed, ok := repair(data)
	if !ok {
		t.Fatal("repair gave up")
	}
	got, err := pdfPages(fixed)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !strings.Contains(got[2], "page 3") {
		t.Errorf("got %q", got)
	}
}

func TestRepairGivesUp(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"nothing", nil},
		{"html", []byte("<!DOCTYPE html><html><body>%PDF-1.4 not really</body></html>")},
		{"header only", []byte("%PDF-1.7\n%%EOF\n")},
		{"objects but no pages", []byte("%PDF-1.7\n1 0 obj\n<< /A 1 >>\nendobj\n2 0 obj\n(x)\nendobj\n")},
		{"encryption dictionary without trailer", []byte("%PDF-1.7\n1 0 obj\n<< /Filter /Standard /O (x) /U (y) >>\nendobj\n2 0 obj\n<< /Type /Page >>\nendobj\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if out, ok := repair(tc.in); ok {
				t.Errorf("repair claimed success: %q", out)
			}
		})
	}
}

// A file that is nothing but unterminated objects costs a bounded number
// of passes, not one per header.
func TestRepairPathological(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
	}{
		{"unterminated strings", bytes.Repeat([]byte("1 0 obj ("), 200000)},
		{"unterminated streams", bytes.Repeat([]byte("1 0 obj << /Length 5 >> stream\nabc "), 50000)},
		{"nested arrays", append([]byte("%PDF-1.7\n1 0 obj "), bytes.Repeat([]byte("["), 1<<20)...)},
		{"huge object numbers", bytes.Repeat([]byte("99999999999 0 obj << >> endobj "), 10000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &rpScan{data: tc.in, budget: 8*len(tc.in) + 1<<20, objs: map[int]*rpObj{}}
			s.scanObjects()
			s.scanTrailers()
			if s.budget < -len(tc.in) {
				t.Errorf("overspent the budget by %d", -s.budget)
			}
			repair(tc.in) // must return
		})
	}
}

// FuzzRepair: repair never panics, and what it returns opens and is its
// own repair (a fixpoint), so repairing twice changes nothing.
func FuzzRepair(f *testing.F) {
	for _, b := range cleanPDFs(f) {
		f.Add(b)
		for _, m := range repairMesses[:3] {
			f.Add(m.mess(b))
		}
		break
	}
	f.Add(objStmPDF(f, "seed", true))
	f.Add(bad.GarbledContent())
	f.Add(bad.PagesLoop())
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj 2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj 3 0 obj << /Type /Page >> endobj"))
	repairRecover = false
	defer func() { repairRecover = true }()
	f.Fuzz(func(t *testing.T, data []byte) {
		out, ok := repair(data)
		if !ok {
			return
		}
		if !bytes.HasPrefix(out, []byte("%PDF-1.7\n")) || !bytes.HasSuffix(out, []byte("%%EOF\n")) {
			t.Fatalf("repaired file lacks header or %%%%EOF")
		}
		again, ok := repair(out)
		if !ok {
			t.Fatalf("repaired file cannot be repaired again")
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("repair is not a fixpoint:\n%q\n%q", out, again)
		}
	})
}

// decryptPDF gives the clean file's pages back for every standard
// handler opened with the empty password, and nothing for a real one.
// (Cross-checked by hand with qpdf --encrypt/--decrypt and pdftotext: both
// directions agree for RC4-40, RC4-128, AES-128 and AES-256.)
func TestDecryptPDF(t *testing.T) {
	for name, clean := range cleanPDFs(t) {
		want, err := pdfPages(clean)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []bad.Cipher{bad.RC4v40, bad.RC4, bad.AES128, bad.AES256} {
			for _, pw := range []string{"", "secret"} {
				t.Run(fmt.Sprintf("%s/%s/%q", name, c, pw), func(t *testing.T) {
					enc, err := bad.Encrypt(clean, c, pw, "owner")
					if err != nil {
						t.Fatal(err)
					}
					plain, ok := decryptPDF(enc)
					if pw != "" {
						if ok {
							t.Fatal("decrypted without the password")
						}
						return
					}
					if !ok {
						t.Fatal("not decrypted")
					}
					if bytes.Contains(plain, []byte("/Encrypt")) {
						t.Error("output still names /Encrypt")
					}
					got, err := pdfPages(plain)
					if err != nil {
						t.Fatal(err)
					}
					if len(got) != len(want) {
						t.Fatalf("pages: got %d, want %d", len(got), len(want))
					}
					for i := range want {
						if got[i] != want[i] {
							t.Errorf("page %d differs", i+1)
						}
					}
				})
			}
		}
	}
	if _, ok := decryptPDF(cleanPDFs(t)["000_363f1a49b5c57245-word.pdf"]); ok {
		t.Error("a plain file was 'decrypted'")
	}
}

func TestXrefSound(t *testing.T) {
	for name, clean := range cleanPDFs(t) {
		if !xrefSound(clean) {
			t.Errorf("%s: clean file judged unsound", name)
		}
		for _, m := range repairMesses {
			if m.name == "CR line ends after stream" || m.name == "junk before the header" {
				continue // the table is right (the offsets may count from the header)
			}
			if xrefSound(m.mess(clean)) {
				t.Errorf("%s/%s: judged sound", name, m.name)
			}
		}
		if fixed, ok := repair(breakStartxref(clean)); !ok || !xrefSound(fixed) {
			t.Errorf("%s: repaired file judged unsound", name)
		}
	}
	if !xrefSound(objStmPDF(t, "x", true)) {
		t.Error("xref stream file judged unsound")
	}
}
