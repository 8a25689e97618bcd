package analysis

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// Stemmer maps lower-cased words to their snowball (Porter2) English stems,
// remembering each word it has seen: news text repeats its vocabulary, and
// stemming is the most expensive step of the pipeline.
//
// A Stemmer is not safe for concurrent use; Analyze uses one per call.
type Stemmer struct {
	cache map[string]forms // lower-case word → its forms
}

// forms are a word's lower-case form and its stem. Both are owned by the
// cache (never substrings of an analysed text), so a cache kept between
// calls does not keep old texts alive.
type forms struct{ lower, stem string }

// NewStemmer returns an empty stemmer.
func NewStemmer() *Stemmer { return &Stemmer{cache: make(map[string]forms, 1024)} }

// Stem returns the stem of a lower-cased word. Stop words are kept as they
// are, so that phrases such as "so-called" or "according to" keep their
// function words. A final "'s" has already been split off by Segment;
// inner apostrophes are kept ("don't").
func (s *Stemmer) Stem(lower string) string {
	if f, ok := s.cache[lower]; ok {
		return f.stem
	}
	return s.add(strings.Clone(lower)).stem
}

// add stems lower, a string the cache may keep, and remembers it.
func (s *Stemmer) add(lower string) forms {
	f := forms{lower: lower, stem: stemWord(lower)}
	s.cache[lower] = f
	return f
}

func stemWord(lower string) string {
	if strings.HasSuffix(lower, ".") { // acronyms: "u.s." stays itself
		return lower
	}
	return english.Stem(lower, false)
}

// StemTokens sets Token.Stem for every word token.
func (s *Stemmer) StemTokens(tokens []Token) {
	for i := range tokens {
		if tokens[i].Kind == Word {
			tokens[i].Stem = s.Stem(tokens[i].Lower)
		} else {
			tokens[i].Stem = tokens[i].Lower
		}
	}
}

// formTokens sets Lower and Stem of every token, as lowerTokens and
// StemTokens would, with one cache look-up per word and no allocation for
// a word seen before: the word is lower-cased into a buffer and the buffer
// is the look-up key.
func (s *Stemmer) formTokens(text string, tokens []Token) {
	var buf [64]byte
	for i := range tokens {
		t := &tokens[i]
		raw := text[t.Start:t.End]
		if t.Kind != Word {
			t.Lower = normalize(raw)
			t.Stem = t.Lower
			continue
		}
		var f forms
		if isLowerASCII(raw) {
			var ok bool
			if f, ok = s.cache[raw]; !ok {
				f = s.add(strings.Clone(raw))
			}
		} else {
			key := appendLower(buf[:0], raw)
			var ok bool
			if f, ok = s.cache[string(key)]; !ok {
				f = s.add(string(key))
			}
		}
		t.Lower, t.Stem = f.lower, f.stem
	}
}

// maxSharedWords bounds the stem cache kept between Analyze calls (about
// 100 bytes a word): past it the cache is emptied, so memory stays flat
// however many texts are analysed.
const maxSharedWords = 1 << 16

// shared is the stem cache Analyze keeps between calls: a page analyses
// the same article again on every pause in typing, and stemming its
// vocabulary anew each time would be most of the work.
var shared struct {
	sync.Mutex
	s *Stemmer
}

// acquireStemmer returns the shared stemmer, or a fresh one when another
// goroutine is using it (calls never wait for each other).
func acquireStemmer() (s *Stemmer, release func()) {
	if !shared.TryLock() {
		return NewStemmer(), func() {}
	}
	if shared.s == nil || len(shared.s.cache) > maxSharedWords {
		shared.s = NewStemmer()
	}
	return shared.s, shared.Unlock
}
