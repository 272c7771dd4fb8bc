package extract

import "rccplans"

// Text reads a text file. Placeholder until its reader lands.
func Text(name string, data []byte) (*rccplans.Layout, error) {
	return nil, ErrUnsupported
}
