package analysis

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/kljensen/snowball/english"
)

// Stemmer maps lower-cased words to their snowball (Porter2) English stems,
// remembering each word it has seen: news text repeats its vocabulary, and
// stemming is the most expensive step of the pipeline.
//
// The words are kept in a hash table of their own (see wordHash; open
// addressing): Analyze lower-cases and hashes a word while it scans it,
// eight bytes at a time, and finds it without allocating or calling the
// runtime's map code, which matters most under wasm.
//
// A Stemmer is not safe for concurrent use.
type Stemmer struct {
	words []forms // word number - 1 → forms
	slots []int32 // word numbers (0: empty); len is a power of 2
	// tokens and sentences are buffers Analyze reuses between calls.
	tokens    []Token
	sentences []Sentence
	// scratch holds the checks' buffers (see Document).
	scratch scratch
}

// forms are a word's lower-case form and its stem. Both are owned by the
// stemmer (never substrings of an analysed text), so a stemmer kept
// between calls does not keep old texts alive.
type forms struct {
	lower, stem string
	hash        uint64
	// tail is lower's last chunk (see wordTail): with the length it tells
	// words of up to eight bytes apart without comparing them.
	tail uint64
}

// FNV-1a, 64-bit: under wasm 64-bit arithmetic needs no masking.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// wordHash hashes a lower-case word: its bytes in little-endian chunks of
// eight (the last one padded with zero bytes), each xored into the hash,
// which is then multiplied by an odd constant. The tokenizer computes the
// same hash while it scans a word (see scanTokens).
func wordHash(lower string) uint64 {
	h := uint64(hashSeed)
	for k := 0; k < len(lower); k += 8 {
		h = (h ^ loadTail(lower[:min(k+8, len(lower))], k)) * hashMul
	}
	return h
}

// wordTail returns the last of a word's chunks (see wordHash): its last
// one to eight bytes as a little-endian number, padded with zero bytes.
func wordTail(lower string) uint64 { return loadTail(lower, (len(lower)-1)/8*8) }

const (
	hashSeed = fnvOffset
	hashMul  = 0x9e3779b97f4a7c15 // 2⁶⁴ / the golden ratio, made odd
)

// load64 returns s[i:i+8] as a little-endian number (one load where the
// compiler combines them, as for wasm and amd64).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// loadTail returns s[i:] (at most eight bytes) as a little-endian number.
func loadTail(s string, i int) uint64 {
	c := uint64(0)
	for k := len(s) - 1; k >= i; k-- {
		c = c<<8 | uint64(s[k])
	}
	return c
}

// slot returns the table slot a hash starts probing at. The multiplied
// hash's high bits depend on all of the word, its low bits only on its
// first bytes: both are used.
func slot(h uint64, mask uint64) uint64 { return (h ^ h>>40) & mask }

// NewStemmer returns an empty stemmer.
func NewStemmer() *Stemmer {
	return &Stemmer{words: make([]forms, 0, 1024), slots: make([]int32, 4096)}
}

// Stem returns the stem of a lower-cased word. Stop words are kept as they
// are, so that phrases such as "so-called" or "according to" keep their
// function words. A final "'s" has already been split off by Segment;
// inner apostrophes are kept ("don't").
func (s *Stemmer) Stem(lower string) string {
	h := wordHash(lower)
	id := s.find(lower, h)
	if id == 0 {
		id = s.add(strings.Clone(lower), h)
	}
	return s.words[id-1].stem
}

// find returns the number of the word key with hash h, or 0.
func (s *Stemmer) find(key string, h uint64) int32 {
	mask := uint64(len(s.slots) - 1)
	for i := slot(h, mask); ; i = (i + 1) & mask {
		id := s.slots[i]
		if id == 0 {
			return 0
		}
		if w := &s.words[id-1]; w.hash == h && w.lower == key {
			return id
		}
	}
}

// add stems lower, a string the stemmer may keep, and returns its number.
func (s *Stemmer) add(lower string, h uint64) int32 {
	s.words = append(s.words, forms{lower: lower, stem: stemWord(lower), hash: h, tail: wordTail(lower)})
	id := int32(len(s.words))
	if 2*len(s.words) > len(s.slots) { // keep the table at most half full
		s.slots = make([]int32, 2*len(s.slots))
		for k := range s.words {
			s.insert(int32(k+1), s.words[k].hash)
		}
	} else {
		s.insert(id, h)
	}
	return id
}

func (s *Stemmer) insert(id int32, h uint64) {
	mask := uint64(len(s.slots) - 1)
	i := slot(h, mask)
	for s.slots[i] != 0 {
		i = (i + 1) & mask
	}
	s.slots[i] = id
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

// formToken sets Lower and Stem of a token, as lowerTokens and StemTokens
// would, and its word number. The word is lower-cased into a buffer and
// hashed; a word seen before costs no allocation.
func (s *Stemmer) formToken(text string, t *Token) {
	raw := text[t.Start:t.End]
	if t.Kind != Word {
		t.Lower = normalize(raw)
		t.Stem = t.Lower
		return
	}
	var buf [64]byte
	clean := isLowerASCII(raw)
	key := raw
	if !clean {
		lowered := appendLower(buf[:0], raw)
		key = unsafe.String(unsafe.SliceData(lowered), len(lowered)) // only looked up: lowered is not changed
	}
	h := wordHash(key)
	id := s.find(key, h)
	if id == 0 {
		id = s.add(strings.Clone(key), h)
	}
	w := &s.words[id-1]
	t.Lower, t.Stem, t.word = w.lower, w.stem, id
}

// formASCII is formToken for raw, the token t: a word of ASCII letters and
// digits whose lower-case hash h and tail (see wordHash and wordTail) the
// tokenizer computed while scanning it; clean says it has no capitals. A
// word seen before costs no allocation.
func (s *Stemmer) formASCII(raw string, t *Token, h, tail uint64, clean bool) {
	mask := uint64(len(s.slots) - 1)
	for i := slot(h, mask); ; i = (i + 1) & mask {
		id := s.slots[i]
		if id == 0 {
			break
		}
		w := &s.words[id-1]
		if w.hash == h && w.tail == tail && len(w.lower) == len(raw) && (len(raw) <= 8 || isLowerOf(w.lower, raw)) {
			t.Lower, t.Stem, t.word = w.lower, w.stem, id
			return
		}
	}
	var lower string
	if clean {
		lower = strings.Clone(raw)
	} else {
		lower = strings.ToLower(raw)
	}
	id := s.add(lower, h)
	w := &s.words[id-1]
	t.Lower, t.Stem, t.word = w.lower, w.stem, id
}

// isLowerOf reports whether lower is the lower-case form of raw, a run of
// ASCII letters and digits of the same length whose last chunk (see
// wordHash) is known to match.
func isLowerOf(lower, raw string) bool {
	for k := 0; k+8 < len(raw); k += 8 {
		// |0x20 lower-cases ASCII letters and keeps digits
		if load64(lower, k) != load64(raw, k)|0x2020202020202020 {
			return false
		}
	}
	return true
}

// maxSharedWords bounds the stemmer kept between Analyze calls (about 100
// bytes a word): past it the stemmer is replaced, so memory stays flat
// however many texts are analysed.
const maxSharedWords = 1 << 16

// maxSharedTokens is the token buffer size (64 bytes a token: 16 MB, the
// tokens of about 1.3 MB of news) up to which the buffer kept between
// calls is always reused. A larger one, kept after a large text, is reused
// only for a text that needs at least a quarter of it: analysing large
// texts one after the other then touches no fresh memory (fresh pages cost
// more than the analysis past a few MB), while a process that goes back to
// short texts gives the large buffer back.
const maxSharedTokens = 1 << 18

// shared is the stemmer Analyze keeps between calls: a page analyses the
// same article again on every pause in typing, and stemming its vocabulary
// anew each time would be most of the work.
var shared struct {
	sync.Mutex
	s *Stemmer
}

// acquireStemmer returns the shared stemmer, or a fresh one when another
// goroutine is using it (calls never wait for each other). release must be
// called once the tokens are no longer used: the next call reuses them.
func acquireStemmer() (s *Stemmer, release func(tokens []Token, sentences []Sentence)) {
	if !shared.TryLock() {
		return NewStemmer(), func([]Token, []Sentence) {}
	}
	if shared.s == nil || len(shared.s.words) > maxSharedWords {
		shared.s = NewStemmer()
	}
	return shared.s, releaseShared
}

func releaseShared(tokens []Token, sentences []Sentence) {
	s := shared.s
	// drop what the unused tail still points to (an older text)
	tail := tokens[len(tokens):cap(tokens)]
	for i := range tail {
		if tail[i].Lower == "" && tail[i].Stem == "" {
			break // never used past here
		}
		tail[i].Lower, tail[i].Stem = "", ""
	}
	s.tokens = tokens[:0]
	if cap(sentences) <= maxSharedTokens/8 {
		s.sentences = sentences[:0]
	}
	shared.Unlock()
}
