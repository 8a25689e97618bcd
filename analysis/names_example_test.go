package analysis_test

import (
	"fmt"

	"github.com/plumbline/plumbline/analysis"
)

// Find a name spelled two ways: the rarer spelling is reported, with the
// dominant one as the suggestion and in Related.
func ExampleAnalyze_names() {
	text := "Angela Merkel met the press. Merkel's aides smiled. Later Merkle left."
	rep := analysis.Analyze(text, analysis.Options{Kinds: []string{analysis.KindName}})
	for _, f := range rep.Findings {
		fmt.Printf("%s %s %q at %d-%d → %q (%d related)\n", f.Severity, f.Category, f.Text, f.Start, f.End, f.Suggestion, len(f.Related))
		fmt.Println(f.Message)
	}
	// Output:
	// warning misspelling "Merkle" at 58-64 → "Merkel" (2 related)
	// 'Merkle' (1×) looks like a misspelling of 'Merkel' (2×), 1 edit apart
}
