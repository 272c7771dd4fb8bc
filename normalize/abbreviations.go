package normalize

import "rccplans"

// abbreviations reads "Förkortningar" lists. Placeholder.
func abbreviations(l *rccplans.Layout) []rccplans.Abbreviation { return nil }
