package corpus

// Entry is one document an RCC listing page names.
type Entry struct {
	RCC          string `json:"rcc"`
	Title        string `json:"title"`
	Kind         string `json:"kind"` // cancerplan, handlingsplan, uppfoljning, processplan, utvecklingsplan, annat
	PeriodFrom   int    `json:"period_from"`
	PeriodTo     int    `json:"period_to"`
	FollowUpYear int    `json:"follow_up_year"`
	URL          string `json:"url,omitempty"` // absolute where the page gives a link
}

// Discover reads a listing page (HTML with links, or its text) and returns
// the plan documents it lists, in page order. base resolves relative links.
// Placeholder until discovery lands.
func Discover(base string, data []byte) ([]Entry, error) { return nil, nil }
