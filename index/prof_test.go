package index

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sort"
	"testing"
	"time"
)

func TestProfQueries(t *testing.T) {
	dir := os.Getenv("H7_INDEX")
	if dir == "" {
		t.Skip()
	}
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	type res struct {
		q string
		d time.Duration
	}
	var rs []res
	for _, u := range benchQueries()[:100] {
		v, _ := url.ParseQuery(u[len("/api/search?"):])
		r, _ := RequestFromURL(v)
		start := time.Now()
		if _, err := x.Search(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		rs = append(rs, res{u, time.Since(start)})
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].d > rs[j].d })
	for _, r := range rs[:15] {
		fmt.Println(r.d, r.q)
	}
}
