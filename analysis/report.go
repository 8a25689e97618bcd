package analysis

// ReportVersion is the version of the report contract (shared/CONTRACT.md).
const ReportVersion = 1

// Finding kinds.
const (
	KindLoaded      = "loaded"
	KindHedge       = "hedge"
	KindBooster     = "booster"
	KindAttribution = "attribution"
	KindNumber      = "number"
	KindName        = "name"
)

// Severities, from least to most serious.
const (
	SeverityInfo    = "info"
	SeverityWarning = "warning"
	SeverityError   = "error"
)

// severityRank orders severities; unknown severities rank lowest.
//
//go:noinline
func severityRank(s string) int {
	switch s {
	case SeverityWarning:
		return 1
	case SeverityError:
		return 2
	}
	return 0
}

// Report is the result of Analyze. Every offset in it is a half-open byte
// offset into the UTF-8 input, and every Text field is exactly
// input[Start:End].
type Report struct {
	Version    int             `json:"version"`
	Stats      Stats           `json:"stats"`
	Scores     Scores          `json:"scores"`
	Sentences  []SentenceScore `json:"sentences"`
	Quantities []Quantity      `json:"quantities"`
	Findings   []Finding       `json:"findings"`
	// Summary holds counts a reader asks for first (e.g. how many claims
	// rest on anonymous sources).
	Summary Summary `json:"summary"`
	// Error is set, and nothing else is analysed, when the input cannot be
	// analysed at all (for example when it is larger than Options.MaxBytes).
	Error string `json:"error,omitempty"`
}

// Stats counts what was analysed.
type Stats struct {
	Bytes     int `json:"bytes"`
	Words     int `json:"words"`
	Sentences int `json:"sentences"`
}

// Scores are 0 (plumb: neutral, sourced, consistent) to 100 (extremely
// loaded); see score.go for how each is computed from the findings.
type Scores struct {
	Overall float64 `json:"overall"`
	Loaded  float64 `json:"loaded"`
	Hedging float64 `json:"hedging"`
	Numbers float64 `json:"numbers"`
	Names   float64 `json:"names"`
}

// Summary holds counts derived from the findings.
type Summary struct {
	// ByKind counts findings per kind.
	ByKind map[string]int `json:"byKind"`
	// ByCategory counts findings per "kind/category".
	ByCategory map[string]int `json:"byCategory"`
	// AnonymousSources counts attributions to unnamed or passive sources.
	AnonymousSources int `json:"anonymousSources"`
	// NamedSources counts attributions to a named source.
	NamedSources int `json:"namedSources"`
	// HedgedSentences counts sentences with at least one hedge, booster or
	// attribution to an unnamed source.
	HedgedSentences int `json:"hedgedSentences"`
	// HedgesPerSentence is the number of hedges, boosters and attributions
	// to unnamed sources per sentence (two decimals).
	HedgesPerSentence float64 `json:"hedgesPerSentence"`
	// Verdict is one plain-words sentence about the overall score.
	Verdict string `json:"verdict"`
}

// SentenceScore is one sentence's span and score.
type SentenceScore struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Score float64 `json:"score"`
}

// Quantity is one thing the text counts, with every mention of it.
type Quantity struct {
	Subject  string    `json:"subject"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one number in the text.
type Mention struct {
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	// Unit is what the number is measured in when it says ("%", "USD",
	// "km", "date", ...); empty for plain counts.
	Unit string `json:"unit,omitempty"`
	// Kind says what sort of number it is ("count", "percent", "money",
	// "date", ...); see NumberKind.
	Kind string `json:"kind,omitempty"`
}

// Span is a half-open byte range of the input with its text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Finding is one thing worth the reader's attention.
type Finding struct {
	Kind       string  `json:"kind"`
	Category   string  `json:"category"`
	Severity   string  `json:"severity"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Message    string  `json:"message"`
	Suggestion string  `json:"suggestion,omitempty"`
	Related    []Span  `json:"related"`
	Weight     float64 `json:"weight"`
	// Quoted is true when the span is inside a direct quotation: the
	// speaker's words, not the author's.
	Quoted bool `json:"quoted,omitempty"`
	// Sentence is the index of the sentence the finding starts in.
	Sentence int `json:"sentence"`
	// Rule names the lexicon entry or check that produced the finding.
	Rule string `json:"rule,omitempty"`
}
