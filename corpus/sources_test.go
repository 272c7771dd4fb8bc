package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseSources(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []Source
		err   string
	}{
		{name: "empty and comments", input: "\n# nothing\n   \n", want: nil},
		{
			name:  "document path relative to the manifest",
			input: "document plans/a.pdf\n",
			want:  []Source{{Kind: SourceDocument, Location: "/m/plans/a.pdf", Line: 1}},
		},
		{
			name:  "metadata with quotes and a trailing comment",
			input: "doc https://example.org/x.pdf#top region=\"Region Jämtland Härjedalen\" rcc=\"RCC Norr\" kind=handlingsplan period=2022–2024 # nattligt\n",
			want: []Source{{Kind: SourceDocument, Location: "https://example.org/x.pdf", Line: 1,
				Meta: Meta{Region: "Region Jämtland Härjedalen", RCC: "RCC Norr", Kind: "handlingsplan", PeriodFrom: 2022, PeriodTo: 2024}}},
		},
		{
			name:  "listing, one year, follow-up year, name",
			input: "# first\nlisting http://rcc.example/plans period=2023 follow_up_year=2021 name=plan.pdf\n",
			want: []Source{{Kind: SourceListing, Location: "http://rcc.example/plans", Line: 2,
				Meta: Meta{Name: "plan.pdf", PeriodFrom: 2023, PeriodTo: 2023, FollowUpYear: 2021}}},
		},
		{
			name:  "embedded folder",
			input: "\ufeffdocument embed:corpus/\n",
			want:  []Source{{Kind: SourceDocument, Location: "embed:corpus", Line: 1}},
		},
		{name: "unknown kind", input: "file a.pdf\n", err: "unknown kind"},
		{name: "missing location", input: "document\n", err: "want KIND LOCATION"},
		{name: "ftp refused", input: "document ftp://h/a.pdf\n", err: "only http and https"},
		{name: "file URL refused", input: "document file:///etc/passwd\n", err: "only http and https"},
		{name: "unknown key", input: "document a.pdf colour=red\n", err: "unknown key"},
		{name: "bad period", input: "document a.pdf period=2024-2022\n", err: "period"},
		{name: "name with a slash", input: "document a.pdf name=../x.pdf\n", err: "plain file name"},
		{name: "unterminated quote", input: "document a.pdf region=\"Region\n", err: "quote"},
		{name: "missing embedded file", input: "document embed:nope/\n", err: "no embedded"},
		{name: "embedded path escaping", input: "document embed:../x\n", err: "embedded"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseSources(strings.NewReader(tc.input), "sources.txt", "/m")
			if tc.err != "" {
				if !errors.Is(err, ErrSources) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want ErrSources with %q", err, tc.err)
				}
				if !strings.Contains(err.Error(), "sources.txt:") {
					t.Errorf("error %q does not name the manifest and line", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestDefaultSourcesExpand(t *testing.T) {
	var n int
	for _, s := range DefaultSources() {
		files, err := expandLocal(s.Location)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := readLocal(f)
			if err != nil || len(data) == 0 {
				t.Fatalf("%s: %v", f, err)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("the default sources name no documents")
	}
}

func TestExpandLocalFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"b.pdf": "x", "a.txt": "y", ".hidden": "z"})
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	got, err := expandLocal(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.pdf")}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestBaseName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://h/path/Plan%20Norr.pdf?x=1", "Plan Norr.pdf"},
		{"https://h/", "h"},
		{"https://h/a/%2e%2e", "document"},
		{"https://h/a/..%2Fetc%2Fpasswd", "passwd"},
		{"embed:corpus/x.pdf", "x.pdf"},
		{"/tmp/y.docx", "y.docx"},
	}
	for _, tc := range tests {
		if got := baseName(tc.in); got != tc.want {
			t.Errorf("baseName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzParseSources(f *testing.F) {
	f.Add(DefaultManifest)
	f.Add("document a.pdf region=\"Region X\" period=2022-2024\nlisting https://h/p # c\n")
	f.Add("doc \"quoted path.pdf\" name=\"x y.pdf\"\n")
	f.Fuzz(func(t *testing.T, input string) {
		srcs, err := ParseSources(strings.NewReader(input), "fuzz", "/base")
		if err != nil {
			if !errors.Is(err, ErrSources) {
				t.Fatalf("error without ErrSources: %v", err)
			}
			return
		}
		for _, s := range srcs {
			if s.Kind != SourceDocument && s.Kind != SourceListing {
				t.Fatalf("kind %q", s.Kind)
			}
			if strings.Contains(s.Location, "://") && !isURL(s.Location) {
				t.Fatalf("non-http URL accepted: %q", s.Location)
			}
			if s.Meta.Name != "" && (strings.ContainsAny(s.Meta.Name, `/\`) || s.Meta.Name == "..") {
				t.Fatalf("unsafe name accepted: %q", s.Meta.Name)
			}
		}
	})
}
