package corpus

import (
	"sort"

	"rccplans"
)

// Matrix is regions side by side: for every national area and region, how
// many activities there are and in which status. Cells with no records are
// absent.
type Matrix struct {
	Areas   []NationalArea       `json:"-"`
	Regions []string             `json:"regions"`
	Cells   map[string]*AreaCell `json:"cells"` // key: area key + "\x00" + region
}

// AreaCell counts one area in one region.
type AreaCell struct {
	Area     string         `json:"area"`
	Region   string         `json:"region"`
	Records  int            `json:"records"`
	ByStatus map[string]int `json:"by_status"` // "" counts records without a status
}

// Compare counts records per national area (RecordArea) and region.
// Every record lands in exactly one cell, so the cells add up to
// len(recs).
func Compare(recs []rccplans.Record) *Matrix {
	m := &Matrix{Areas: append(append([]NationalArea{}, NationalAreas...), NationalArea{Key: OtherArea, Title: "Övrigt"}),
		Cells: map[string]*AreaCell{}}
	seen := map[string]bool{}
	for _, r := range recs {
		region := r.Region
		if region == "" {
			region = r.RCC
		}
		if !seen[region] {
			seen[region] = true
			m.Regions = append(m.Regions, region)
		}
		a := RecordArea(r)
		k := a + "\x00" + region
		c := m.Cells[k]
		if c == nil {
			c = &AreaCell{Area: a, Region: region, ByStatus: map[string]int{}}
			m.Cells[k] = c
		}
		c.Records++
		c.ByStatus[r.Status]++
	}
	sort.Strings(m.Regions)
	return m
}

// Cell returns the counts for one area and region, nil when none.
func (m *Matrix) Cell(area, region string) *AreaCell { return m.Cells[area+"\x00"+region] }
