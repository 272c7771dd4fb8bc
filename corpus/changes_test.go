package corpus

import (
	"reflect"
	"testing"

	"rccplans"
)

func TestDiffRecords(t *testing.T) {
	r := func(goal, act, status string) rccplans.Record {
		return rccplans.Record{DocID: "d1", SourceFile: "a.pdf", AreaCode: "1.a", Goal: goal, Activity: act, Status: status}
	}
	tests := []struct {
		name      string
		prev, now []rccplans.Record
		want      []string // change:goal:from>to
	}{
		{name: "nothing changed", prev: []rccplans.Record{r("G", "A", "done")}, now: []rccplans.Record{r("G", "A", "done")}},
		{
			name: "status changed, doc_id changed too",
			prev: []rccplans.Record{r("G", "A", "in_progress")},
			now:  []rccplans.Record{func() rccplans.Record { x := r("G", "A", "done"); x.DocID = "d2"; return x }()},
			want: []string{"status_changed:G:in_progress>done"},
		},
		{
			name: "white space and case do not make a new record",
			prev: []rccplans.Record{r("Öka  andelen", "A", "")},
			now:  []rccplans.Record{r("öka andelen\n", "A", "")},
		},
		{
			name: "identical rows pair one to one",
			prev: []rccplans.Record{r("G", "A", "done"), r("G", "A", "in_progress")},
			now:  []rccplans.Record{r("G", "A", "done")},
			want: []string{"disappeared:G:in_progress>"},
		},
		{
			name: "appeared and disappeared",
			prev: []rccplans.Record{r("Old", "A", "done")},
			now:  []rccplans.Record{r("New", "A", "not_started")},
			want: []string{"appeared:New:>not_started", "disappeared:Old:done>"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range diff(nil, nil, tc.prev, tc.now) {
				got = append(got, c.Change+":"+c.Goal+":"+c.StatusFrom+">"+c.StatusTo)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDiffDocuments(t *testing.T) {
	prev := []DocumentResult{{Source: "a", SHA256: "1"}, {Source: "b", SHA256: "2"}, {Source: "c", SHA256: "3"}}
	now := []DocumentResult{{Source: "a", SHA256: "1"}, {Source: "b", SHA256: "9"}, {Source: "d", SHA256: "4"}}
	var got []string
	for _, c := range diff(prev, now, nil, nil) {
		got = append(got, c.Change+":"+c.Source)
	}
	want := []string{"changed:b", "new:d", "gone:c"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}
