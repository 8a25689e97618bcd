package analysis

import (
	"errors"
	"sort"
	"strings"
)

// element is one word position of a compiled term pattern.
type element struct {
	keys     []string // stems, or "="+word for exact words; empty for "*"
	optional bool
	any      bool
}

// pattern is a compiled lexicon entry.
type pattern struct {
	entry *Entry
	elems []element
}

// compilePattern parses an entry's term (see Entry for the syntax). Words
// are segmented with the same tokenizer as the text, so "well-coordinated"
// becomes the two elements "well" "coordinated" and "coup d'etat" keeps its
// apostrophe.
func compilePattern(e *Entry) (*pattern, error) {
	p := &pattern{entry: e}
	for _, field := range strings.Fields(e.Term) {
		optional := strings.HasSuffix(field, "?") && len(field) > 1
		field = strings.TrimSuffix(field, "?")
		if field == "*" {
			p.elems = append(p.elems, element{any: true, optional: optional})
			continue
		}
		alts := strings.Split(field, "|")
		if len(alts) == 1 {
			// a plain word may be several tokens: "well-coordinated", "so-called"
			exact := strings.HasPrefix(field, "=")
			words := termWords(strings.TrimPrefix(field, "="))
			if len(words) == 0 {
				return nil, errors.New("term word " + quote(field) + " has no letters or digits")
			}
			for k, w := range words {
				p.elems = append(p.elems, element{keys: []string{termKey(w, exact)}, optional: optional && k == 0 && len(words) == 1})
			}
			continue
		}
		el := element{optional: optional}
		for _, a := range alts {
			exact := strings.HasPrefix(a, "=")
			words := termWords(strings.TrimPrefix(a, "="))
			if len(words) != 1 {
				return nil, errors.New("each alternative in " + quote(field) + " must be one word")
			}
			el.keys = append(el.keys, termKey(words[0], exact))
		}
		p.elems = append(p.elems, el)
	}
	switch {
	case len(p.elems) == 0:
		return nil, errors.New("empty term")
	case len(p.elems) > maxTermElements:
		return nil, errors.New("term has more than 12 words")
	}
	required := false
	for _, el := range p.elems {
		if el.any && !required {
			return nil, errors.New("a term cannot start with *")
		}
		if !el.optional {
			required = true
		}
	}
	if !required {
		return nil, errors.New("every word of the term is optional")
	}
	return p, nil
}

func quote(s string) string { return "\"" + s + "\"" }

// termWords splits a term word into its word and number tokens, lower-cased.
func termWords(s string) []string {
	var out []string
	for _, t := range tokenize(s) {
		if t.Kind != Punct {
			out = append(out, t.Lower)
		}
	}
	return out
}

func termKey(word string, exact bool) string {
	if exact {
		return "=" + word
	}
	return stemWord(word)
}

// firstKeys lists every key the first matched token can have.
func (p *pattern) firstKeys() []string {
	var keys []string
	for _, el := range p.elems {
		keys = append(keys, el.keys...)
		if !el.optional {
			break
		}
	}
	return keys
}

// Match is one occurrence of a lexicon entry in the text.
type Match struct {
	Entry *Entry
	// First and EndToken are the half-open range of tokens matched.
	First, EndToken int
	// Start and End are half-open byte offsets into the input.
	Start, End int
}

// elementMatches reports whether token t can fill element el.
func elementMatches(el *element, t *Token) bool {
	if t.Kind == Punct {
		return false
	}
	if el.any {
		return t.Kind == Word
	}
	for _, k := range el.keys {
		if k[0] == '=' {
			if k[1:] == t.Lower {
				return true
			}
		} else if k == t.Stem {
			return true
		}
	}
	return false
}

// matchAt tries to match elems[k:] starting at token i and returns the end
// token (exclusive) of the longest match, or -1. Between two words only a
// hyphen written without spaces may stand ("well-coordinated").
func matchAt(text string, tokens []Token, elems []element, k, i int) int {
	if k == len(elems) {
		return i
	}
	el := &elems[k]
	best := -1
	if i < len(tokens) && elementMatches(el, &tokens[i]) {
		next := i + 1
		if k+1 < len(elems) && next+1 < len(tokens) && tokens[next].Lower == "-" &&
			tokens[next].Start == tokens[i].End && tokens[next+1].Start == tokens[next].End {
			next++ // hyphen between words
		}
		if k+1 == len(elems) {
			next = i + 1
		}
		best = matchAt(text, tokens, elems, k+1, next)
	}
	if el.optional {
		if alt := matchAt(text, tokens, elems, k+1, i); alt > best {
			best = alt
		}
	}
	return best
}

// Find returns every match of the lexicon's entries in the tokens, sorted
// by position. Within one kind, overlapping matches are resolved to the
// leftmost-longest one; a match of an "ignore" entry removes every other
// match it overlaps, and is not returned itself.
func (l *Lexicon) Find(text string, tokens []Token) []Match {
	var all []Match
	for i := range tokens {
		t := &tokens[i]
		if t.Kind == Punct {
			continue
		}
		all = l.appendMatches(all, text, tokens, i, t.Stem)
		if t.Kind == Word {
			all = l.appendMatches(all, text, tokens, i, "="+t.Lower)
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].Start != all[b].Start {
			return all[a].Start < all[b].Start
		}
		return all[a].End > all[b].End
	})
	// drop what an ignore match covers
	var ignores []Match
	for _, m := range all {
		if m.Entry.Kind == KindIgnore {
			ignores = append(ignores, m)
		}
	}
	out := all[:0]
	lastEnd := map[string]int{}
	for _, m := range all {
		if m.Entry.Kind == KindIgnore || overlapsAny(m, ignores) {
			continue
		}
		if end, ok := lastEnd[m.Entry.Kind]; ok && m.Start < end {
			continue // overlaps a longer or earlier match of its kind
		}
		lastEnd[m.Entry.Kind] = m.End
		out = append(out, m)
	}
	return out
}

func (l *Lexicon) appendMatches(all []Match, text string, tokens []Token, i int, key string) []Match {
	for _, p := range l.index[key] {
		end := matchAt(text, tokens, p.elems, 0, i)
		if end <= i {
			continue
		}
		// an optional first element can make the match start at i only if
		// the token at i is matched; that is what matchAt returned
		all = append(all, Match{Entry: p.entry, First: i, EndToken: end, Start: tokens[i].Start, End: tokens[end-1].End})
	}
	return all
}

func overlapsAny(m Match, others []Match) bool {
	for _, o := range others {
		if o.Start < m.End && m.Start < o.End {
			return true
		}
	}
	return false
}
