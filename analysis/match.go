package analysis

import (
	"errors"
	"sort"
	"strings"
)

// element is one word position of a compiled term pattern: one of its
// alternatives, each a sequence of words (usually one; "far-left" is two).
type element struct {
	alts     [][]string // stems, or "="+word for exact words; empty for "*"
	optional bool
	any      bool
}

// maxAltWords limits the words of one alternative ("well-coordinated" is 2).
const maxAltWords = 6

// pattern is a compiled lexicon entry.
type pattern struct {
	entry *Entry
	elems []element
	conds []condition
	// next, when set, holds the first keys of the second element: the
	// token after a one-word first element must have one (a quick reject)
	next []string
}

// Context condition kinds (see Entry.Context).
const (
	condNear uint8 = iota // same or neighbouring sentence
	condDoc               // anywhere in the text
	condPrev              // the word right before the match
	condNext              // the word right after the match
)

// condition is one compiled context condition of an entry.
type condition struct {
	kind   uint8
	negate bool
	keys   []string // stems, or "="+word for exact words
}

var condKinds = map[string]uint8{"near": condNear, "doc": condDoc, "prev": condPrev, "next": condNext}

// compileContext parses an entry's context (see Entry.Context).
func compileContext(ctx string) ([]condition, error) {
	var out []condition
	for _, field := range strings.Fields(ctx) {
		c := condition{}
		if strings.HasPrefix(field, "!") {
			c.negate, field = true, field[1:]
		}
		name, words, ok := strings.Cut(field, ":")
		kind, known := condKinds[name]
		if !ok || !known {
			return nil, errors.New("context condition " + quote(field) + " is not near:, doc:, prev: or next: followed by words (a|b|c), optionally after !")
		}
		c.kind = kind
		for _, a := range strings.Split(words, "|") {
			exact := strings.HasPrefix(a, "=")
			ws := termWords(strings.TrimPrefix(a, "="))
			if len(ws) != 1 {
				return nil, errors.New("context word " + quote(a) + " in " + quote(field) + " must be one word")
			}
			c.keys = append(c.keys, termKey(ws[0], exact))
		}
		out = append(out, c)
	}
	return out, nil
}

// compilePattern parses an entry's term (see Entry for the syntax). Words
// are segmented with the same tokenizer as the text, so "well-coordinated"
// is the word sequence "well" "coordinated" and "coup d'etat" keeps its
// apostrophe; an alternative may be such a sequence ("far-left|ultra-left").
func compilePattern(e *Entry) (*pattern, error) {
	p := &pattern{entry: e}
	for _, field := range strings.Fields(e.Term) {
		optional := strings.HasSuffix(field, "?") && len(field) > 1
		field = strings.TrimSuffix(field, "?")
		if field == "*" {
			p.elems = append(p.elems, element{any: true, optional: optional})
			continue
		}
		el := element{optional: optional}
		for _, a := range strings.Split(field, "|") {
			exact := strings.HasPrefix(a, "=")
			words := termWords(strings.TrimPrefix(a, "="))
			switch {
			case len(words) == 0:
				return nil, errors.New("term word " + quote(a) + " has no letters or digits")
			case len(words) > maxAltWords:
				return nil, errors.New("term word " + quote(a) + " has more than 6 parts")
			}
			seq := make([]string, len(words))
			for k, w := range words {
				seq[k] = termKey(w, exact)
			}
			el.alts = append(el.alts, seq)
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
	conds, err := compileContext(e.Context)
	if err != nil {
		return nil, err
	}
	p.conds = conds
	if e0, e1 := &p.elems[0], &p.elems[min(1, len(p.elems)-1)]; len(p.elems) > 1 && !e0.optional && !e0.any && !e1.optional && !e1.any {
		one := true
		for _, a := range e0.alts {
			one = one && len(a) == 1
		}
		for _, a := range e1.alts {
			if one {
				p.next = append(p.next, a[0])
			}
		}
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
		for _, alt := range el.alts {
			keys = append(keys, alt[0])
		}
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

// keyMatches reports whether token t has the key: a stem, or "="+word
// for an exact word. Punctuation matches nothing.
func keyMatches(key string, t *Token) bool {
	if t.Kind == Punct || key == "" {
		return false
	}
	if key[0] == '=' {
		return key[1:] == t.Lower
	}
	return key == t.Stem
}

func anyKeyMatches(keys []string, t *Token) bool {
	for _, k := range keys {
		if keyMatches(k, t) {
			return true
		}
	}
	return false
}

// skipHyphen returns i+1 when tokens[i] is a hyphen written without spaces
// between two tokens ("well-coordinated"), else i.
func skipHyphen(tokens []Token, i int) int {
	if i > 0 && i+1 < len(tokens) && isHyphen(tokens[i].Lower) &&
		tokens[i].Start == tokens[i-1].End && tokens[i+1].Start == tokens[i].End {
		return i + 1
	}
	return i
}

// matchSeq matches the words of one alternative from token i and returns
// the token after them, or -1. A hyphen may join the words.
func matchSeq(tokens []Token, seq []string, i int) int {
	for n, key := range seq {
		if n > 0 {
			i = skipHyphen(tokens, i)
		}
		if i >= len(tokens) || !keyMatches(key, &tokens[i]) {
			return -1
		}
		i++
	}
	return i
}

// matchAt tries to match elems[k:] starting at token i and returns the end
// token (exclusive) of the longest match, or -1. Between two words only a
// hyphen written without spaces may stand ("well-coordinated"); a match
// may end on that hyphen, which the caller trims.
func matchAt(tokens []Token, elems []element, k, i int) int {
	if k == len(elems) {
		return i
	}
	el := &elems[k]
	best := -1
	if el.any {
		if i < len(tokens) && tokens[i].Kind == Word {
			best = matchAt(tokens, elems, k+1, skipHyphen(tokens, i+1))
		}
	} else {
		for _, seq := range el.alts {
			j := matchSeq(tokens, seq, i)
			if j < 0 {
				continue
			}
			if k+1 < len(elems) {
				j = skipHyphen(tokens, j)
			}
			if end := matchAt(tokens, elems, k+1, j); end > best {
				best = end
			}
		}
	}
	if el.optional {
		if alt := matchAt(tokens, elems, k+1, i); alt > best {
			best = alt
		}
	}
	return best
}

// isHyphen reports whether s is a hyphen that may join two words of a term
// ("well-coordinated", "well‑coordinated" with a non-breaking hyphen).
func isHyphen(s string) bool { return s == "-" || s == "\u2010" || s == "\u2011" }

// contextHolds reports whether every context condition of p holds for the
// match of tokens [first, end). docStems is filled on first use.
func (p *pattern) contextHolds(tokens []Token, first, end int, docStems *map[string]bool) bool {
	for i := range p.conds {
		c := &p.conds[i]
		var ok bool
		switch c.kind {
		case condPrev:
			ok = first > 0 && anyKeyMatches(c.keys, &tokens[first-1])
		case condNext:
			ok = end < len(tokens) && anyKeyMatches(c.keys, &tokens[end])
		case condNear:
			s := tokens[first].Sentence
			for j := first - 1; j >= 0 && tokens[j].Sentence >= s-1 && !ok; j-- {
				ok = anyKeyMatches(c.keys, &tokens[j])
			}
			for j := end; j < len(tokens) && tokens[j].Sentence <= s+1 && !ok; j++ {
				ok = anyKeyMatches(c.keys, &tokens[j])
			}
		case condDoc:
			if *docStems == nil {
				m := make(map[string]bool, len(tokens)/2)
				for j := range tokens {
					if tokens[j].Kind == Word {
						m[tokens[j].Stem] = true
						m["="+tokens[j].Lower] = true
					}
				}
				*docStems = m
			}
			for _, k := range c.keys {
				if (*docStems)[k] {
					ok = true
					break
				}
			}
		}
		if ok == c.negate {
			return false
		}
	}
	return true
}

// Find returns every match of the lexicon's entries in the tokens, sorted
// by position. Within one kind, overlapping matches are resolved to the
// leftmost-longest one; a match of an "ignore" entry removes every other
// match it overlaps, and is not returned itself.
func (l *Lexicon) Find(text string, tokens []Token) []Match { return l.find(tokens, nil) }

// find is Find; with scratch it appends to scratch's match buffer and keeps
// the per-word memo between calls (word numbers belong to the Stemmer that
// owns scratch, and the memo to the lexicon it was made for).
func (l *Lexicon) find(tokens []Token, sc *scratch) []Match {
	var all []Match
	var docStems map[string]bool
	// starts, by word number (Token.word): 1 when no pattern can start at
	// the word, 2 when one may; so each distinct word costs two map
	// look-ups once, not at every occurrence (nor, with scratch, at every
	// call).
	var starts []uint8
	if sc != nil {
		if sc.lex != l {
			sc.lex, sc.starts = l, sc.starts[:0]
		}
		starts, all = sc.starts, sc.matches[:0]
		sc.matches = nil
	}
	for i := range tokens {
		t := &tokens[i]
		if t.Kind == Punct {
			continue
		}
		if w := int(t.word); w > 0 {
			if w >= len(starts) {
				starts = append(starts, make([]uint8, w+1-len(starts)+len(starts)/2)...)
			}
			if starts[w] == 0 {
				starts[w] = 1
				if len(l.index[t.Stem]) > 0 || t.Kind == Word && len(l.exact[t.Lower]) > 0 {
					starts[w] = 2
				}
			}
			if starts[w] == 1 {
				continue
			}
		}
		all = l.appendMatches(all, tokens, i, l.index[t.Stem], &docStems)
		if t.Kind == Word {
			all = l.appendMatches(all, tokens, i, l.exact[t.Lower], &docStems)
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
	c := 0 // ignores before c end before this match and every later one
	for _, m := range all {
		for c < len(ignores) && ignores[c].End <= m.Start {
			c++
		}
		if m.Entry.Kind == KindIgnore || overlapsAny(m, ignores[c:]) {
			continue
		}
		if end, ok := lastEnd[m.Entry.Kind]; ok && m.Start < end {
			continue // overlaps a longer or earlier match of its kind
		}
		lastEnd[m.Entry.Kind] = m.End
		out = append(out, m)
	}
	if sc != nil {
		sc.starts = starts
	}
	return out
}

func (l *Lexicon) appendMatches(all []Match, tokens []Token, i int, candidates []*pattern, docStems *map[string]bool) []Match {
	for _, p := range candidates {
		if p.next != nil {
			if j := skipHyphen(tokens, i+1); j >= len(tokens) || !anyKeyMatches(p.next, &tokens[j]) {
				continue
			}
		}
		end := matchAt(tokens, p.elems, 0, i)
		for end > i+1 && tokens[end-1].Kind == Punct { // a trailing hyphen
			end--
		}
		if end <= i || (len(p.conds) > 0 && !p.contextHolds(tokens, i, end, docStems)) {
			continue
		}
		// an optional first element can make the match start at i only if
		// the token at i is matched; that is what matchAt returned
		all = append(all, Match{Entry: p.entry, First: i, EndToken: end, Start: tokens[i].Start, End: tokens[end-1].End})
	}
	return all
}

// overlapsAny reports whether m overlaps one of others, sorted by Start.
func overlapsAny(m Match, others []Match) bool {
	for i := 0; i < len(others) && others[i].Start < m.End; i++ {
		if m.Start < others[i].End {
			return true
		}
	}
	return false
}
