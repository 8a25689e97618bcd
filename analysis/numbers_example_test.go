package analysis_test

import (
	"fmt"

	"github.com/plumbline/plumbline/analysis"
)

// Extract the numbers of a text with what each counts.
func ExampleExtractNumbers() {
	text := "On January 9, 16 police officers were killed. By Monday the toll had risen to 17, up 6%."
	d := &analysis.Document{Text: text}
	d.Tokens, d.Sentences = analysis.Segment(text)
	analysis.NewStemmer().StemTokens(d.Tokens)
	for _, m := range analysis.ExtractNumbers(d) {
		fmt.Printf("%q %s %g %q\n", m.Text, m.Kind, m.Value, m.Subject)
	}
	// Output:
	// "January 9" date 9 ""
	// "16" count 16 "police officers killed"
	// "Monday" weekday 1 ""
	// "17" count 17 "death toll"
	// "6%" percent 6 ""
}

// Number findings explain their arithmetic.
func ExampleAnalyze_numbers() {
	text := "The population fell from 200,000 to 150,000, a 33% decline."
	rep := analysis.Analyze(text, analysis.Options{Kinds: []string{analysis.KindNumber}})
	for _, f := range rep.Findings {
		fmt.Printf("%s %s %q: %s\n", f.Severity, f.Category, f.Text, f.Message)
	}
	// Output:
	// error percent-change "33%": from 200,000 to 150,000 is a 25% decrease (50,000 / 200,000), not 33%; 33% is the change divided by the new value (50,000 / 150,000)
}
