package analysis_test

import (
	"fmt"

	"github.com/plumbline/plumbline/analysis"
)

// Analyze a short text and print each finding with its kind and category.
func ExampleAnalyze() {
	text := "Officials said the militants, perhaps hundreds, caused chaos at the protest."
	rep := analysis.Analyze(text, analysis.Options{})
	for _, f := range rep.Findings {
		fmt.Printf("%s %s %q at %d-%d\n", f.Kind, f.Category, f.Text, f.Start, f.End)
	}
	// Output:
	// attribution anonymous "Officials said" at 0-14
	// loaded violence-label "militants" at 19-28
	// hedge hedge "perhaps" at 30-37
	// hedge vague-quantity "hundreds" at 38-46
	// loaded catastrophe "chaos" at 55-60
}
