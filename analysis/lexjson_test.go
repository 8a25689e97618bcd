//go:build !js

package analysis

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParseLexiconJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Entry // Source is not compared
	}{
		{"array with defaults", `[{"term": "jackboot", "category": "name-calling", "message": "casts police as oppressors"}]`,
			[]Entry{{Term: "jackboot", Kind: KindLoaded, Category: "name-calling", Weight: 1, Message: "casts police as oppressors"}}},
		{"object form, all fields", `{"entries": [
			{"term": "jackboot", "kind": "loaded", "category": "name-calling", "weight": 2.5,
			 "message": "m", "suggestion": "police", "context": "near:police"}]}`,
			[]Entry{{Term: "jackboot", Kind: KindLoaded, Category: "name-calling", Weight: 2.5, Message: "m", Suggestion: "police", Context: "near:police"}}},
		{"explicit zero weight stays zero", `[{"term": "x", "category": "c", "message": "m", "weight": 0}]`,
			[]Entry{{Term: "x", Kind: KindLoaded, Category: "c", Message: "m"}}},
		{"ignore entries default to weight 0", `[{"term": "heart attack", "kind": "ignore"}]`,
			[]Entry{{Term: "heart attack", Kind: KindIgnore}}},
		{"disable", `[{"term": "regime", "disable": true}]`,
			[]Entry{{Term: "regime", Kind: KindLoaded, Weight: 1, Disable: true}}},
		{"spaces are trimmed", `[{"term": "  jackboot ", "category": " c ", "message": " m "}]`,
			[]Entry{{Term: "jackboot", Kind: KindLoaded, Category: "c", Weight: 1, Message: "m"}}},
		{"empty array", `[]`, nil},
		{"empty object form", `{"entries": []}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLexiconJSON("user.json", []byte(tt.in))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d entries, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				if !strings.HasPrefix(got[i].Source, "user.json:") {
					t.Errorf("entry %d: Source %q does not name the file and line", i, got[i].Source)
				}
				got[i].Source = ""
				if got[i] != tt.want[i] {
					t.Errorf("entry %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParseLexiconJSONErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // the whole error message
	}{
		{"empty file", "  \n", `lexicon user.json: empty file; want a JSON array of entries or {"entries": [...]}`},
		{"syntax error names the line", "[\n{\"term\": \"a\", \"category\": \"c\", \"message\": \"m\"},\n{\"term\": \"b\" \"category\": \"c\"}\n]",
			`lexicon user.json:3: invalid JSON: invalid character '"' after object key:value pair`},
		{"truncated file", "[\n{\"term\": \"a\"",
			`lexicon user.json:2: invalid JSON: the file ends too early (a missing ] or })`},
		{"wrong type names entry, line and term", "[\n {\"term\": \"a\", \"category\": \"c\", \"message\": \"m\"},\n {\"term\": \"b\", \"weight\": \"2\"}\n]",
			`lexicon user.json:3 entry 2 (term "b"): field "weight" must be a number, not a JSON string`},
		{"term of the wrong type", `[{"term": 5}]`,
			`lexicon user.json:1 entry 1: field "term" must be a string, not a JSON number`},
		{"disable of the wrong type", `[{"term": "x", "disable": "yes"}]`,
			`lexicon user.json:1 entry 1 (term "x"): field "disable" must be a true or false, not a JSON string`},
		{"unknown field", `[{"term": "x", "categroy": "c"}]`,
			`lexicon user.json:1 entry 1 (term "x"): unknown field "categroy" (known fields: term, kind, category, weight, message, suggestion, context, disable)`},
		{"missing term", `[{"category": "c", "message": "m"}]`, `lexicon user.json:1 entry 1: missing field "term"`},
		{"entry not an object", `["terrorist"]`,
			`lexicon user.json:1 entry 1: an entry must be an object such as {"term": "...", "category": "...", "message": "..."}`},
		{"not an array", `42`, `lexicon user.json:1: want a JSON array of entries or {"entries": [...]}`},
		{"object with another field", `{"words": []}`, `lexicon user.json:1: unknown field "words"; the object form is {"entries": [...]}`},
		{"entries not an array", `{"entries": {}}`, `lexicon user.json:1: "entries" must be an array of entries`},
		{"object form with extra field", `{"entries": [], "x": 1}`, `lexicon user.json:1: the object form is {"entries": [...]} with no other field`},
		{"data after the array", `[] []`, `lexicon user.json:1: unexpected data after the entries`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLexiconJSON("user.json", []byte(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			var le *LexiconError
			if !errors.As(err, &le) {
				t.Errorf("error is %T, want *LexiconError", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestParseLexiconJSONLimits(t *testing.T) {
	big := make([]byte, MaxLexiconBytes+1)
	for i := range big {
		big[i] = ' '
	}
	if _, err := ParseLexiconJSON("big.json", big); err == nil || !strings.Contains(err.Error(), "at most 8.0 MB") {
		t.Errorf("oversized file: error %v", err)
	}
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i <= maxEntries; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"term":"w%d","category":"c","message":"m"}`, i)
	}
	b.WriteString("]")
	if _, err := ParseLexiconJSON("many.json", []byte(b.String())); err == nil || !strings.Contains(err.Error(), "more than 20000 entries") {
		t.Errorf("too many entries: error %v", err)
	}
}

// TestExtendFromJSON runs user files through ParseLexiconJSON and Extend,
// the way the CLI does, and checks what the new lexicon finds.
func TestExtendFromJSON(t *testing.T) {
	base, err := NewLexicon([]Entry{
		{Term: "regime", Kind: KindLoaded, Category: "name-calling", Weight: 1, Message: "label", Source: "base:1"},
		{Term: "chaos", Kind: KindLoaded, Category: "catastrophe", Weight: 1, Message: "catastrophe word", Source: "base:2"},
	})
	if err != nil {
		t.Fatal(err)
	}
	const text = "The regime caused chaos, said a jackboot."
	tests := []struct {
		name    string
		json    string
		want    string // found terms with category, or the error
		wantErr bool
	}{
		{"add", `[{"term": "jackboot", "category": "name-calling", "message": "m"}]`,
			"regime/name-calling chaos/catastrophe jackboot/name-calling", false},
		{"replace keeps one entry", `[{"term": "chaos", "category": "emotive", "weight": 2, "message": "m"}]`,
			"regime/name-calling chaos/emotive", false},
		{"disable", `[{"term": "regime", "disable": true}]`, "chaos/catastrophe", false},
		{"ignore entry silences a sense", `[{"term": "caused chaos", "kind": "ignore"}]`, "regime/name-calling", false},
		{"disable a missing entry", `[{"term": "junta", "disable": true}]`,
			`lexicon user.json:1 entry 1 (term "junta"): cannot disable loaded "junta": no such entry`, true},
		{"duplicate in the user file", "[\n{\"term\": \"x\", \"category\": \"c\", \"message\": \"m\"},\n{\"term\": \"X\", \"category\": \"c\", \"message\": \"m\"}\n]",
			`lexicon user.json:3 entry 2 (term "X"): duplicate of user.json:2 entry 1 (term "x") (loaded "X")`, true},
		{"empty term", `[{"term": " ", "category": "c", "message": "m"}]`, `lexicon user.json:1 entry 1 (term " "): empty term`, true},
		{"unknown kind", `[{"term": "x", "kind": "spicy", "category": "c", "message": "m"}]`,
			`lexicon user.json:1 entry 1 (term "x"): kind "spicy" is not one of loaded, hedge, booster, attribution, ignore`, true},
		{"weight out of range", `[{"term": "x", "category": "c", "message": "m", "weight": 9}]`,
			`lexicon user.json:1 entry 1 (term "x"): weight 9 is outside 0..5`, true},
		{"missing category", `[{"term": "x", "message": "m"}]`, `lexicon user.json:1 entry 1 (term "x"): empty category`, true},
		{"missing message", `[{"term": "x", "category": "c"}]`, `lexicon user.json:1 entry 1 (term "x"): empty message`, true},
		{"bad pattern", `[{"term": "* x", "category": "c", "message": "m"}]`,
			`lexicon user.json:1 entry 1 (term "* x"): a term cannot start with *`, true},
		{"bad context", `[{"term": "x", "category": "c", "message": "m", "context": "around:y"}]`,
			`lexicon user.json:1 entry 1 (term "x"): context condition "around:y" is not near:, doc:, prev: or next: followed by words (a|b|c), optionally after !`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user, err := ParseLexiconJSON("user.json", []byte(tt.json))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			lex, err := base.Extend(user)
			if tt.wantErr {
				if err == nil || err.Error() != tt.want {
					t.Errorf("error\n got %v\nwant %s", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("extend: %v", err)
			}
			if got := findSummary(lex, text); got != tt.want {
				t.Errorf("found %q, want %q", got, tt.want)
			}
			if got := findSummary(base, text); got != "regime/name-calling chaos/catastrophe" {
				t.Errorf("Extend changed the base lexicon: %q", got)
			}
		})
	}
}

// findSummary lists "text/category" of every match in text.
func findSummary(lex *Lexicon, text string) string {
	tokens, _ := Segment(text)
	NewStemmer().StemTokens(tokens)
	var out []string
	for _, m := range lex.Find(text, tokens) {
		out = append(out, strings.ToLower(text[m.Start:m.End])+"/"+m.Entry.Category)
	}
	return strings.Join(out, " ")
}

// FuzzParseLexiconJSON checks that no input makes reading or applying a
// user lexicon panic, and that every error is a *LexiconError.
func FuzzParseLexiconJSON(f *testing.F) {
	for _, s := range []string{
		`[{"term": "jackboot", "category": "c", "message": "m"}]`,
		`{"entries": [{"term": "a b? c|d", "kind": "ignore"}]}`,
		`[{"term": "regime", "disable": true}]`,
		`[{"term": "x", "category": "c", "message": "m", "context": "near:a|b !prev:=c"}]`,
		`[{"term": "* x"}]`, `[`, `{"entries": 1}`, `[1, "a", null]`, "",
	} {
		f.Add([]byte(s))
	}
	base, err := Builtin()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := ParseLexiconJSON("fuzz.json", data)
		if err != nil {
			var le *LexiconError
			if !errors.As(err, &le) {
				t.Fatalf("error %T is not a *LexiconError: %v", err, err)
			}
			return
		}
		lex, err := base.Extend(entries)
		if err != nil {
			return
		}
		rep := Analyze("The regime's militants attacked protesters, a catastrophe.", Options{Lexicon: lex})
		if rep.Error != "" {
			t.Fatalf("Analyze with a fuzzed lexicon: %s", rep.Error)
		}
	})
}
