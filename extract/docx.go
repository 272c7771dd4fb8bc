package extract

import "rccplans"

// DOCX reads a docx file. Placeholder until its reader lands.
func DOCX(name string, data []byte) (*rccplans.Layout, error) {
	return nil, ErrUnsupported
}
