package extract

import "rccplans"

// Blocks turns positioned pages into reading-order blocks: headings,
// paragraphs and tables (bordered ones from ruling lines, borderless ones
// from alignment), with page furniture dropped and tables continued over
// pages joined. Placeholder until table reconstruction lands.
func Blocks(name string, pages []rccplans.Page) ([]rccplans.Block, []rccplans.Warning) {
	return nil, nil
}
