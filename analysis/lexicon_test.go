package analysis

import (
	"sort"
	"strings"
	"testing"
)

// TestBuiltinLoadedNoShadowedEntries catches entries that can never be
// reported on their own: two loaded entries whose patterns are the same
// after stemming ("disgrace" and "disgraced"), which would only duplicate
// findings.
func TestBuiltinLoadedNoShadowedEntries(t *testing.T) {
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, p := range lex.patterns {
		if p.entry.Kind != KindLoaded {
			continue
		}
		sig := patternSignature(p)
		if prev, dup := seen[sig]; dup {
			t.Errorf("%s (%q) has the same stemmed pattern as %s", p.entry.Source, p.entry.Term, prev)
			continue
		}
		seen[sig] = p.entry.Source + " (" + p.entry.Term + ")"
	}
	// one-word entries without context must not share a word either
	words := map[string]string{}
	for _, p := range lex.patterns {
		if p.entry.Kind != KindLoaded || len(p.elems) != 1 || p.entry.Context != "" {
			continue
		}
		for _, a := range p.elems[0].alts {
			k := strings.Join(a, "+")
			if prev, dup := words[k]; dup && prev != p.entry.Source {
				t.Errorf("%s (%q) and %s both match %q", p.entry.Source, p.entry.Term, prev, k)
			}
			words[k] = p.entry.Source
		}
	}
}

// patternSignature renders a compiled pattern and its context canonically.
func patternSignature(p *pattern) string {
	var b strings.Builder
	for _, el := range p.elems {
		var alts []string
		for _, a := range el.alts {
			alts = append(alts, strings.Join(a, "+"))
		}
		sort.Strings(alts)
		b.WriteString(strings.Join(alts, "|"))
		if el.optional {
			b.WriteString("?")
		}
		if el.any {
			b.WriteString("*")
		}
		b.WriteString(" ")
	}
	return b.String() + "\x00" + p.entry.Context
}
