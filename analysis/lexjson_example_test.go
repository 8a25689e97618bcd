//go:build !js

package analysis_test

import (
	"fmt"

	"github.com/plumbline/plumbline/analysis"
)

// Read a user lexicon (as `plumbline --lexicon FILE` does), apply it on top
// of the built-in one, and analyse with it: one entry adds a term, one
// disables a built-in entry.
func ExampleLexicon_Extend() {
	user := []byte(`[
  {"term": "jackboot", "category": "name-calling", "weight": 2,
   "message": "casts security forces as oppressors", "suggestion": "police"},
  {"term": "chaos", "disable": true}
]`)
	entries, err := analysis.ParseLexiconJSON("user.json", user)
	if err != nil {
		fmt.Println(err)
		return
	}
	builtin, _ := analysis.Builtin()
	lex, err := builtin.Extend(entries)
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := analysis.Analyze("A jackboot brought chaos.", analysis.Options{Lexicon: lex, Kinds: []string{"loaded"}})
	for _, f := range rep.Findings {
		fmt.Printf("%s %q: %s; try %q\n", f.Category, f.Text, f.Message, f.Suggestion)
	}

	// A broken file names the line and the entry.
	_, err = analysis.ParseLexiconJSON("user.json", []byte("[\n  {\"term\": \"x\", \"weight\": \"high\"}\n]"))
	fmt.Println(err)
	// Output:
	// name-calling "jackboot": casts security forces as oppressors; try "police"
	// lexicon user.json:2 entry 1 (term "x"): field "weight" must be a number, not a JSON string
}
