package analysis

import (
	"errors"
	"strings"
)

// element is one word position of a compiled term pattern: one of its
// alternatives, each a sequence of words (usually one; "far-left" is two).
type element struct {
	alts     [][]string // stems, or "="+word for exact words; empty for "*"
	ids      [][]int32  // the alternatives' key numbers (see keyTable)
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
	// oneWord says the first element is one required word (or
	// alternatives of one word each): a token listed under one of its keys
	// matches it
	oneWord bool
	// next, when set, holds the first keys of the second element: the
	// token after a one-word first element must have one (a quick reject)
	next []int32
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
	keys   []int32 // numbers of stems, or of "="+word for exact words
	// set has bit n set for each of keys (condNear: tested at many tokens)
	set []uint64
}

// condNames are the names of the condition kinds, by kind.
var condNames = [...]string{condNear: "near", condDoc: "doc", condPrev: "prev", condNext: "next"}

// compileContext parses an entry's context (see Entry.Context), numbering
// its keys in kt.
func compileContext(ctx string, kt *keyTable) ([]condition, error) {
	var out []condition
	for _, field := range strings.Fields(ctx) {
		c := condition{}
		if strings.HasPrefix(field, "!") {
			c.negate, field = true, field[1:]
		}
		name, words, ok := strings.Cut(field, ":")
		for c.kind < uint8(len(condNames)) && condNames[c.kind] != name {
			c.kind++
		}
		if !ok || c.kind == uint8(len(condNames)) {
			return nil, errors.New("context condition " + quote(field) + " is not near:, doc:, prev: or next: followed by words (a|b|c), optionally after !")
		}
		for _, a := range strings.Split(words, "|") {
			exact := strings.HasPrefix(a, "=")
			ws := termWords(strings.TrimPrefix(a, "="))
			if len(ws) != 1 {
				return nil, errors.New("context word " + quote(a) + " in " + quote(field) + " must be one word")
			}
			c.keys = append(c.keys, kt.number(termKey(ws[0], exact)))
		}
		if c.kind == condNear {
			c.set = keySet(c.keys)
		}
		out = append(out, c)
	}
	return out, nil
}

// compilePattern parses an entry's term (see Entry for the syntax). Words
// are segmented with the same tokenizer as the text, so "well-coordinated"
// is the word sequence "well" "coordinated" and "coup d'etat" keeps its
// apostrophe; an alternative may be such a sequence ("far-left|ultra-left").
// The keys are numbered in kt (nil: not numbered, for Validate).
func compilePattern(e *Entry, kt *keyTable) (*pattern, error) {
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
			seq, ids := make([]string, len(words)), make([]int32, len(words))
			for k, w := range words {
				seq[k] = termKey(w, exact)
				ids[k] = kt.number(seq[k])
			}
			el.alts, el.ids = append(el.alts, seq), append(el.ids, ids)
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
	conds, err := compileContext(e.Context, kt)
	if err != nil {
		return nil, err
	}
	p.conds = conds
	e0, e1 := &p.elems[0], &p.elems[min(1, len(p.elems)-1)]
	p.oneWord = !e0.optional && !e0.any
	for _, a := range e0.alts {
		p.oneWord = p.oneWord && len(a) == 1
	}
	if p.oneWord && len(p.elems) > 1 && !e1.optional && !e1.any {
		for _, a := range e1.ids {
			p.next = append(p.next, a[0])
		}
	}
	return p, nil
}

// keySet returns the bitset of keys: bit n of word n/64 for key n.
func keySet(keys []int32) []uint64 {
	top := int32(0)
	for _, n := range keys {
		top = max(top, n)
	}
	set := make([]uint64, top/64+1)
	for _, n := range keys {
		set[n>>6] |= 1 << (n & 63)
	}
	return set
}

// inSet reports whether n is a key (n > 0) with its bit set in set.
func inSet(set []uint64, n int32) bool {
	return n > 0 && int(n>>6) < len(set) && set[n>>6]&(1<<(n&63)) != 0
}

func digitFirst(s string) bool { return s != "" && '0' <= s[0] && s[0] <= '9' }

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

// keyTable numbers every key of a lexicon's patterns from 1, so that
// matching compares numbers, not strings: a word's key numbers are looked
// up once (see wordKeys), not at every comparison.
type keyTable struct {
	stems map[string]int32 // stem → number
	exact map[string]int32 // exact word (the key without "=") → number
	// numeric lists the stems and exact words that start with an ASCII
	// digit (see mayHave)
	numeric []string
	// starts lists, by key number, the patterns whose first matched token
	// may have the key, longest first, then in file order
	starts [][]*pattern
}

func newKeyTable() keyTable {
	return keyTable{stems: map[string]int32{}, exact: map[string]int32{}, starts: make([][]*pattern, 1)}
}

// number returns the number of key, adding it when new. The empty key,
// which matches nothing, is 0; so is every key when kt is nil.
func (kt *keyTable) number(key string) int32 {
	if kt == nil || key == "" {
		return 0
	}
	m, word := kt.stems, key
	if key[0] == '=' {
		m, word = kt.exact, key[1:]
	}
	if n, ok := m[word]; ok {
		return n
	}
	n := int32(len(kt.starts))
	m[word] = n
	if digitFirst(word) {
		kt.numeric = append(kt.numeric, word)
	}
	kt.starts = append(kt.starts, nil)
	return n
}

// mayHave reports whether s may be a stem or exact word of a key: it is
// not when it starts with an ASCII digit and is not listed in numeric. It
// saves the map look-ups (string hashing) of every number token.
func (kt *keyTable) mayHave(s string) bool {
	if !digitFirst(s) {
		return true
	}
	for _, k := range kt.numeric {
		if k == s {
			return true
		}
	}
	return false
}

// firstKeys lists the number of every key the first matched token can have.
func (p *pattern) firstKeys() []int32 {
	var keys []int32
	for _, el := range p.elems {
		for _, alt := range el.ids {
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

// wordKeys are the numbers of a token's keys in a keyTable: its stem's and
// its exact word's, each -1 when no pattern uses it. In a memo by word
// number the zero value means not looked up yet. Punctuation has no keys:
// -1, or joint as its stem for a hyphen that joins two words.
type wordKeys struct{ stem, exact int32 }

// joint marks a hyphen written without spaces between two tokens
// ("well-coordinated"), which may stand between two words of a term.
const joint = -2

// matcher matches a lexicon's patterns in tokens. A token has a key when
// its stem is the key, or its lower-case form is the key's exact word.
type matcher struct {
	keys   *keyTable
	tokens []Token
	// byWord says to keep the keys of each word in words, by word number
	// (Token.word); other tokens' keys are looked up at every use
	byWord bool
	words  []wordKeys
	// at holds the keys of each token, by index
	at []wordKeys
	// doc has bit n set when a word of the text has key n (condDoc); nil
	// until first needed
	doc []uint64
}

// setKeys fills m.at, reusing buf: each word's keys come from the memo,
// or are looked up once and kept there.
func (m *matcher) setKeys(buf []wordKeys) {
	tokens := m.tokens
	if cap(buf) < len(tokens) {
		buf = make([]wordKeys, len(tokens))
	}
	at := buf[:len(tokens)]
	for i := range tokens {
		t := &tokens[i]
		switch w := int(t.word); {
		case w < len(m.words) && m.words[w].stem != 0: // w > 0: words[0] stays zero
			at[i] = m.words[w]
		case t.Kind != Punct:
			at[i] = m.learn(t)
		case skipHyphen(tokens, i) > i:
			at[i] = wordKeys{joint, -1}
		default:
			at[i] = wordKeys{-1, -1}
		}
	}
	m.at = at
}

// learn looks up the key numbers of token t, and keeps them in m.words
// when t has a word number.
func (m *matcher) learn(t *Token) wordKeys {
	ks := wordKeys{stem: -1, exact: -1}
	// numbers have no word number: mayHave saves their look-ups
	if m.keys.mayHave(t.Lower) || m.keys.mayHave(t.Stem) {
		if n, ok := m.keys.stems[t.Stem]; ok {
			ks.stem = n
		}
		if n, ok := m.keys.exact[t.Lower]; ok {
			ks.exact = n
		}
	}
	if w := int(t.word); m.byWord && w > 0 {
		if w >= len(m.words) {
			m.words = append(m.words, make([]wordKeys, w+1-len(m.words)+len(m.words)/2)...)
		}
		m.words[w] = ks
	}
	return ks
}

// hasAny reports whether token i has one of the keys ns.
func (m *matcher) hasAny(ns []int32, i int) bool { return m.at[i].hasAny(ns) }

// hasAny reports whether ks has one of the keys ns.
func (ks wordKeys) hasAny(ns []int32) bool {
	for _, n := range ns {
		if n == ks.stem || n == ks.exact {
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

// skipJoint is skipHyphen by the keys in m.at.
func (m *matcher) skipJoint(i int) int {
	if i < len(m.at) && m.at[i].stem == joint {
		return i + 1
	}
	return i
}

// matchSeq matches the words of one alternative (key numbers) from token
// i and returns the token after them, or -1. A hyphen may join the words.
func (m *matcher) matchSeq(seq []int32, i int) int {
	for n, key := range seq {
		if n > 0 {
			i = m.skipJoint(i)
		}
		if i >= len(m.at) || key != m.at[i].stem && key != m.at[i].exact {
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
func (m *matcher) matchAt(elems []element, k, i int) int {
	if k == len(elems) {
		return i
	}
	tokens := m.tokens
	el := &elems[k]
	best := -1
	if el.any {
		if i < len(tokens) && tokens[i].Kind == Word {
			best = m.matchAt(elems, k+1, m.skipJoint(i+1))
		}
	} else {
		for _, seq := range el.ids {
			j := m.matchSeq(seq, i)
			if j < 0 {
				continue
			}
			if k+1 < len(elems) {
				j = m.skipJoint(j)
			}
			if end := m.matchAt(elems, k+1, j); end > best {
				best = end
			}
		}
	}
	if el.optional {
		if alt := m.matchAt(elems, k+1, i); alt > best {
			best = alt
		}
	}
	return best
}

// isHyphen reports whether s is a hyphen that may join two words of a term
// ("well-coordinated", "well‑coordinated" with a non-breaking hyphen).
func isHyphen(s string) bool { return s == "-" || s == "\u2010" || s == "\u2011" }

// contextHolds reports whether every context condition of p holds for the
// match of tokens [first, end).
func (m *matcher) contextHolds(p *pattern, first, end int) bool {
	tokens := m.tokens
	for i := range p.conds {
		c := &p.conds[i]
		var ok bool
		switch c.kind {
		case condPrev:
			ok = first > 0 && m.hasAny(c.keys, first-1)
		case condNext:
			ok = end < len(tokens) && m.hasAny(c.keys, end)
		case condNear:
			s := tokens[first].Sentence
			for j := first - 1; j >= 0 && tokens[j].Sentence >= s-1 && !ok; j-- {
				ok = inSet(c.set, m.at[j].stem) || inSet(c.set, m.at[j].exact)
			}
			for j := end; j < len(tokens) && tokens[j].Sentence <= s+1 && !ok; j++ {
				ok = inSet(c.set, m.at[j].stem) || inSet(c.set, m.at[j].exact)
			}
		case condDoc:
			if m.doc == nil {
				m.fillDoc()
			}
			for _, n := range c.keys {
				if inSet(m.doc, n) {
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

// fillDoc sets m.doc: the keys of every word of the text.
func (m *matcher) fillDoc() {
	m.doc = make([]uint64, (len(m.keys.starts)+63)/64)
	for j := range m.tokens {
		if m.tokens[j].Kind != Word {
			continue
		}
		ks := m.at[j]
		if ks.stem > 0 {
			m.doc[ks.stem>>6] |= 1 << (ks.stem & 63)
		}
		if ks.exact > 0 {
			m.doc[ks.exact>>6] |= 1 << (ks.exact & 63)
		}
	}
}

// Find returns every match of the lexicon's entries in the tokens, sorted
// by position. Within one kind, overlapping matches are resolved to the
// leftmost-longest one; a match of an "ignore" entry removes every other
// match it overlaps, and is not returned itself.
func (l *Lexicon) Find(text string, tokens []Token) []Match { return l.find(tokens, nil) }

// find is Find; with scratch it appends to scratch's match buffer and keeps
// the key numbers of each word between calls (word numbers belong to the
// Stemmer that owns scratch, and key numbers to the lexicon they were
// looked up in).
func (l *Lexicon) find(tokens []Token, sc *scratch) []Match {
	mt := matcher{keys: &l.keys, tokens: tokens}
	var all []Match
	var buf []wordKeys
	if sc != nil {
		if sc.lex != l {
			sc.lex, sc.words = l, sc.words[:0]
		}
		mt.byWord, mt.words, buf, all = true, sc.words, sc.keys, sc.matches[:0]
		sc.matches = nil
	}
	// a word's keys are looked up once (with scratch, once for every
	// call), not at every occurrence
	mt.setKeys(buf)
	starts := l.keys.starts
	for i, ks := range mt.at {
		if ks.stem > 0 && len(starts[ks.stem]) > 0 {
			all = mt.appendMatches(all, i, starts[ks.stem])
		}
		if ks.exact > 0 && len(starts[ks.exact]) > 0 && tokens[i].Kind == Word {
			all = mt.appendMatches(all, i, starts[ks.exact])
		}
	}
	if sc != nil {
		sc.words = mt.words
		if cap(mt.at) <= maxSharedTokens {
			sc.keys = mt.at[:0]
		}
	}
	sortMatches(all)
	// drop what an ignore match covers
	var ignores []Match
	for _, m := range all {
		if m.Entry.Kind == KindIgnore {
			ignores = append(ignores, m)
		}
	}
	out := all[:0]
	// the end of the last kept match of each kind (there are four)
	type kindEnd struct {
		kind string
		end  int
	}
	last := make([]kindEnd, 0, 8)
	c := 0 // ignores before c end before this match and every later one
	for _, m := range all {
		for c < len(ignores) && ignores[c].End <= m.Start {
			c++
		}
		if m.Entry.Kind == KindIgnore || overlapsAny(m, ignores[c:]) {
			continue
		}
		k := 0
		for k < len(last) && last[k].kind != m.Entry.Kind {
			k++
		}
		switch {
		case k == len(last):
			last = append(last, kindEnd{m.Entry.Kind, m.End})
		case m.Start < last[k].end:
			continue // overlaps a longer or earlier match of its kind
		default:
			last[k].end = m.End
		}
		out = append(out, m)
	}
	return out
}

// sortMatches sorts matches by Start, longer first, keeping the order of
// equal ones (a stable sort). find makes them by first token, so only the
// matches at one token can be out of order: insertion sort.
func sortMatches(ms []Match) {
	for i := 1; i < len(ms); i++ {
		m := ms[i]
		j := i
		for ; j > 0 && (m.Start < ms[j-1].Start || m.Start == ms[j-1].Start && m.End > ms[j-1].End); j-- {
			ms[j] = ms[j-1]
		}
		ms[j] = m
	}
}

func (m *matcher) appendMatches(all []Match, i int, candidates []*pattern) []Match {
	tokens := m.tokens
	j := m.skipJoint(i + 1)  // the token after a one-word first element
	next := wordKeys{-1, -1} // its keys (none after the last token)
	if j < len(m.at) {
		next = m.at[j]
	}
	for _, p := range candidates {
		if p.next != nil && !next.hasAny(p.next) {
			continue
		}
		var end int
		switch {
		case !p.oneWord:
			end = m.matchAt(p.elems, 0, i)
		case len(p.elems) == 1:
			end = i + 1
		default: // the first word matches (the candidates have its key)
			end = m.matchAt(p.elems, 1, j)
		}
		for end > i+1 && tokens[end-1].Kind == Punct { // a trailing hyphen
			end--
		}
		if end <= i || (len(p.conds) > 0 && !m.contextHolds(p, i, end)) {
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
