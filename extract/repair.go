package extract

// repair rebuilds a PDF whose cross-reference table or startxref is wrong
// by scanning for "N G obj" headers, as poppler and qpdf do. It returns the
// repaired bytes and true, or false when nothing could be rebuilt.
// Placeholder until recovery lands.
func repair(data []byte) ([]byte, bool) { return nil, false }
