package extract

import "rccplans"

// HTML reads a html file. Placeholder until its reader lands.
func HTML(name string, data []byte) (*rccplans.Layout, error) {
	return nil, ErrUnsupported
}
