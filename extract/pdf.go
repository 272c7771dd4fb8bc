package extract

import (
	"context"

	"rccplans"
)

// PDF reads a pdf file. Placeholder until its reader lands.
func PDF(ctx context.Context, name string, data []byte, opt Options) (*rccplans.Layout, error) {
	return nil, ErrUnsupported
}
