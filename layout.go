package rccplans

// Layout is what extract makes of one input file: for PDFs the positioned
// pages, and for every format the content in reading order as blocks
// (headings, paragraphs, tables). normalize reads only the blocks (and the
// first page's words for metadata); the pages are kept for golden tests,
// debugging and callers that want positions.
type Layout struct {
	SourceFile string    `json:"source_file"`
	Format     string    `json:"format"` // pdf, docx, text, markdown, html
	NumPages   int       `json:"num_pages"`
	Pages      []Page    `json:"pages,omitempty"`
	Blocks     []Block   `json:"blocks"`
	Warnings   []Warning `json:"warnings,omitempty"`
}

// Page is one PDF page in points with the origin at the top left corner
// (y grows downwards), after the page's rotation and crop box are applied.
type Page struct {
	Number int     `json:"number"` // 1-based
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	Chars  []Char  `json:"chars,omitempty"`
	Words  []Word  `json:"words"`
	Lines  []Line  `json:"lines"`
	Rules  []Rule  `json:"rules"`
}

// Box is an axis-aligned rectangle, top-left origin.
type Box struct {
	X0 float64 `json:"x0"`
	Y0 float64 `json:"y0"`
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
}

// Char is one glyph as drawn.
type Char struct {
	Box
	Text string  `json:"text"` // usually one rune; ligatures give several
	Size float64 `json:"size"` // font size in points after the text matrix
	Font string  `json:"font"` // base font name without subset prefix
	Bold bool    `json:"bold,omitempty"`
}

// Word is a run of glyphs with no gap wider than a space between them.
type Word struct {
	Box
	Text string  `json:"text"`
	Size float64 `json:"size"`
	Font string  `json:"font,omitempty"`
	Bold bool    `json:"bold,omitempty"`
}

// Line is a run of words on one baseline, left to right, not crossing a
// vertical rule or a wide gutter.
type Line struct {
	Box
	Text  string  `json:"text"`
	Size  float64 `json:"size"` // dominant font size
	Bold  bool    `json:"bold,omitempty"`
	Words []Word  `json:"words,omitempty"`
}

// Rule is a drawn line segment: a stroked path, or a thin filled rectangle
// (Word and Chromium draw table borders that way). It is horizontal
// (Y0 == Y1) or vertical (X0 == X1); Width is its thickness.
type Rule struct {
	Box
	Width float64 `json:"width"`
}

// Horizontal reports whether the rule runs left to right.
func (r Rule) Horizontal() bool { return r.X1-r.X0 >= r.Y1-r.Y0 }

// BlockKind tells what a Block holds.
type BlockKind string

const (
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockTable     BlockKind = "table"
)

// Block is one unit of content in reading order. Page furniture (running
// heads, footers, page numbers) never becomes a block.
type Block struct {
	Kind  BlockKind `json:"kind"`
	Page  int       `json:"page"`            // 1-based page where it starts; 0 without pages
	Text  string    `json:"text,omitempty"`  // heading or paragraph text, lines joined
	Level int       `json:"level,omitempty"` // heading rank, 1 = chapter; 0 when unknown
	Size  float64   `json:"size,omitempty"`  // font size where known
	Bold  bool      `json:"bold,omitempty"`
	Table *Table    `json:"table,omitempty"`
	// Note marks text that sits under a table as its footnote
	// ("* Fylls i vid uppföljning"): never a record.
	Note bool `json:"note,omitempty"`
	// Band marks a heading printed as a row across a table (a title row
	// the reader split off it): a group of the table's rows, which may be
	// their area rather than a chapter or section.
	Band bool `json:"band,omitempty"`
}

// Table is a table reconstructed into a rectangular grid: every row has
// one Cell per column. A table continued over several pages is one Table,
// with repeated header rows dropped and rows cut by a page break joined.
type Table struct {
	// Header holds the header rows as printed (usually one; a header
	// wrapped into a second ruled row gives two). Each has one entry per
	// column. Texts are joined lines, as in cells.
	Header [][]string `json:"header"`
	Rows   []Row      `json:"rows"`
}

// Row is one body row of a table.
type Row struct {
	Page  int    `json:"page"` // page where the row starts
	Cells []Cell `json:"cells"`
}

// Cell is one grid position. A merged cell that spans several rows (or
// columns) gives its text to every position it covers; Spanned marks the
// positions after the first so that consumers can tell a copy from a cell
// that was printed twice.
type Cell struct {
	Text    string `json:"text"`
	Spanned bool   `json:"spanned,omitempty"`
}
