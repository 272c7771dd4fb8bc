package normalize

import "rccplans"

// sections reads a follow-up report's numbered headings and their body
// text. Placeholder until follow-up reports land.
func sections(l *rccplans.Layout, doc *rccplans.Document) []rccplans.Section { return nil }
