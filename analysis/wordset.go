package analysis

import "strings"

// Word lists are sets and maps built once from strings, not switch
// statements: in the wasm build a switch with dozens of string cases
// compiles to a binary search written out as code, about 100 bytes a word,
// and the set costs little more than its words (docs/size.md).

// wordSet is a set of lower-case words or short phrases.
type wordSet map[string]struct{}

// newWordSet makes a set of the "|"-separated words of list. It panics on
// a word listed twice, as a switch with a duplicate case would not compile.
func newWordSet(list string) wordSet {
	s := make(wordSet, strings.Count(list, "|")+1)
	for _, w := range strings.Split(list, "|") {
		if _, dup := s[w]; dup {
			panic("analysis: word " + w + " listed twice")
		}
		s[w] = struct{}{}
	}
	return s
}

// has reports whether w is in the set. Out of line: it is called from
// many places, and inlined map lookups made the wasm 2.7 KB larger.
//
//go:noinline
func (s wordSet) has(w string) bool {
	_, ok := s[w]
	return ok
}

// words is one group of a word map: the "|"-separated words that map to v.
type words[V any] struct {
	list string
	v    V
}

// newWordMap maps every word of every group to the group's value. It
// panics on a word listed twice.
func newWordMap[V any](groups []words[V]) map[string]V {
	m := make(map[string]V)
	for _, g := range groups {
		for _, w := range strings.Split(g.list, "|") {
			if _, dup := m[w]; dup {
				panic("analysis: word " + w + " listed twice")
			}
			m[w] = g.v
		}
	}
	return m
}
