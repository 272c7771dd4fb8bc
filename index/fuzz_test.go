package index

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch feeds arbitrary query text (free text and query-string syntax)
// to a search over the gold corpus: it must never panic, and it may fail
// only with ErrBadQuery. Every hit's highlights must be escaped text plus
// <mark> only.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"kontaktsjuksköterska", "KSSK", "sjuksköterskor", "screeningprogram", "palliativ vård",
		"standardiserade vårdförlopp", `+region:"Region Blekinge" +palliativ`, `goal:"unclosed`, "vård*", "a~2", "(", ")",
		`status:done -region:x`, "period_from:>2020", "<script>", "och", "å ä ö", "PET-DT", "\x00", "ab^3 cd"} {
		f.Add(q)
	}
	x, _ := openGold(f)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := x.Search(context.Background(), Request{Query: q, Size: 5})
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("%q: %v", q, err)
			}
			return
		}
		for _, h := range res.Hits {
			for _, snips := range h.Highlights {
				for _, s := range snips {
					rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
					if strings.ContainsAny(rest, "<>") || !utf8.ValidString(s) {
						t.Fatalf("%q: bad snippet %q", q, s)
					}
				}
			}
		}
	})
}

// FuzzRequestFromURL: any query string gives a request within the bounds, or ErrBadQuery.
func FuzzRequestFromURL(f *testing.F) {
	for _, s := range []string{"q=x&region=Region+A&page=2&size=50", "page=-1", "size=999999", "sort=region", "status=done&status=x", "q=%ff", "page=99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		r, err := RequestFromURL(v)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("%q: %v", raw, err)
			}
			return
		}
		if r.Page < 1 || r.Size < 1 || r.Size > MaxSize || (r.Page-1)*r.Size > MaxOffset || len(r.Query) > MaxQuery {
			t.Fatalf("%q: out of bounds: %+v", raw, r)
		}
	})
}
