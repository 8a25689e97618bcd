package analysis

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// Stemmer maps lower-cased words to their snowball (Porter2) English stems,
// remembering each word it has seen: news text repeats its vocabulary, and
// stemming is the most expensive step of the pipeline.
//
// A Stemmer is not safe for concurrent use; Analyze uses one per call.
type Stemmer struct {
	cache map[string]string
}

// NewStemmer returns an empty stemmer.
func NewStemmer() *Stemmer { return &Stemmer{cache: make(map[string]string, 1024)} }

// Stem returns the stem of a lower-cased word. Stop words are kept as they
// are, so that phrases such as "so-called" or "according to" keep their
// function words. A final "'s" has already been split off by Segment;
// inner apostrophes are kept ("don't").
func (s *Stemmer) Stem(lower string) string {
	if st, ok := s.cache[lower]; ok {
		return st
	}
	st := stemWord(lower)
	s.cache[lower] = st
	return st
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
