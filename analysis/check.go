package analysis

import (
	"unicode"
	"unicode/utf8"
)

// Document is the segmented, stemmed and matched text that every check
// reads. Checks must not modify it.
type Document struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
	// Matches are the lexicon matches, sorted by position.
	Matches []Match
	// scratch holds buffers the checks may reuse between Analyze calls
	// (nil: allocate).
	scratch *scratch
}

// scratch is the checks' working memory, kept with the shared Stemmer so
// that re-analysing an article (on every pause in typing) allocates little
// and leaves the garbage collector little to do; under wasm the collector
// runs on the page's only thread. Each buffer is taken by one check and
// given back once the check is done.
type scratch struct {
	// lex is the lexicon whose key numbers words holds (Lexicon.find):
	// per word number, the word's keys in lex; keys is find's buffer of
	// the keys of each token.
	lex          *Lexicon
	words        []wordKeys
	keys         []wordKeys
	matches      []Match
	nameMentions []nameMention
	spellings    []spelling
	names        nameBuffers
	numbers      []NumberMention

	// wordTests, by word number (Token.word): the answers of the
	// per-word tests that hedge.go and numbers.go memoise (see tokenIs).
	wordTests []uint64
}

// Buffers larger than these (in elements) are not kept between calls.
const (
	maxKeptNameMentions = 1 << 16
	maxKeptSpellings    = 1 << 14
	maxKeptNumbers      = 1 << 13
	maxKeptMatches      = 1 << 15
)

// giveBack keeps buf's array (emptied) for the next call when it is small
// enough; clear drops what it points to, so that no old text stays alive.
func giveBack[T any](keep *[]T, buf []T, max int) {
	if cap(buf) > max {
		return
	}
	clear(buf[:cap(buf)])
	*keep = buf[:0]
}

// Span returns the span of the input from byte start to byte end.
//
//go:noinline
func (d *Document) Span(start, end int) Span {
	return Span{Start: start, End: end, Text: d.Text[start:end]}
}

// TokenText returns the exact input text of token i.
//
//go:noinline
func (d *Document) TokenText(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// Check is one stage of the checks: it reads the document and adds its
// findings (and, for numbers, quantities) to the report.
type Check struct {
	// Name is the check's name; Options.Kinds can select checks by the
	// kinds of findings they produce.
	Name string
	// Kinds lists the finding kinds the check produces.
	Kinds []string
	Run   func(d *Document, r *Report)
}

// checks run in this order; their findings are sorted afterwards.
var checks = []Check{
	{Name: "loaded", Kinds: []string{KindLoaded}, Run: checkLoaded},
	{Name: "hedging", Kinds: []string{KindHedge, KindBooster, KindAttribution}, Run: checkHedging},
	{Name: "numbers", Kinds: []string{KindNumber}, Run: checkNumbers},
	{Name: "names", Kinds: []string{KindName}, Run: checkNames},
}

// lexiconFinding turns a lexicon match into a finding.
func lexiconFinding(d *Document, m Match) Finding {
	e := m.Entry
	f := Finding{
		Kind: e.Kind, Category: e.Category, Severity: SeverityWarning,
		Start: m.Start, End: m.End, Text: d.Text[m.Start:m.End],
		Message: e.Message, Suggestion: e.Suggestion, Related: []Span{},
		Weight: e.Weight, Quoted: d.Tokens[m.First].Quoted, Sentence: d.Tokens[m.First].Sentence,
		Rule: e.Term,
	}
	if e.Weight < 1 {
		f.Severity = SeverityInfo
	}
	if f.Quoted { // the speaker's words, not the author's
		f.Severity = SeverityInfo
		f.Weight *= 0.5
	}
	return f
}

// isHeadline reports whether sentence s looks like a title-case headline:
// at least three words of four letters or more (the parts of a hyphenated
// word count once), four in five of them capitalised. Checks use it to
// treat capitals in headlines as weak evidence of a name.
//
// Most sentences are rejected after a few words: once even a capitalised
// long word in every remaining token could not bring the share of capitals
// to four in five, the answer is no.
func isHeadline(d *Document, s int) bool {
	if s < 0 || s >= len(d.Sentences) {
		return false
	}
	sent := &d.Sentences[s]
	toks := d.Tokens[sent.FirstToken:sent.EndToken]
	long, caps := 0, 0
	for k := range toks {
		t := &toks[k]
		if t.Kind != Word || t.End-t.Start < 4 {
			continue
		}
		if k > 0 && toks[k-1].Start == t.Start-1 && toks[k-1].Lower == "-" {
			continue
		}
		long++
		c := rune(d.Text[t.Start])
		if c >= utf8.RuneSelf {
			c, _ = utf8.DecodeRuneInString(d.Text[t.Start:])
		}
		if 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && unicode.IsUpper(c) {
			caps++
		} else if 4*(long-caps) > caps+len(toks)-1-k {
			return false // caps*5 >= long*4 needs caps >= 4*(long-caps)
		}
	}
	return long >= 3 && caps*5 >= long*4
}
