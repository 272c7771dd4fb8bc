package extract

import "rccplans"

// Markdown reads a markdown file. Placeholder until its reader lands.
func Markdown(name string, data []byte) (*rccplans.Layout, error) {
	return nil, ErrUnsupported
}
