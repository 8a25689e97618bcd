package analysis

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind tells words, numbers and punctuation apart.
type TokenKind uint8

const (
	// Word is a run of letters (with inner apostrophes, e.g. "don't"),
	// or a dotted acronym such as "U.S.".
	Word TokenKind = iota
	// Number is a run of digits with inner thousands separators or a
	// decimal point ("3.5", "200,000").
	Number
	// Punct is one punctuation or symbol rune, or a possessive "'s".
	Punct
)

// Token is one word, number or punctuation mark of the input.
type Token struct {
	// Start and End are half-open byte offsets into the input.
	Start, End int
	// Lower is the token lower-cased, with curly apostrophes straightened
	// (words and numbers; for punctuation it is the text itself).
	Lower string
	// Stem is the snowball stem of Lower (words only; set by Stem).
	Stem string
	// Sentence is the index of the sentence the token belongs to.
	Sentence int
	Kind     TokenKind
	// Quoted is true inside a direct quotation ("...", “...”).
	Quoted bool
	// gap describes the white space before the token (after the previous
	// one): its line feeds (0, 1, or 2 for two or more) in the low two
	// bits, gapBlankLine when it holds "\n\n". Its bit gapStop marks a
	// token that may end a sentence (see splitSentences).
	gap uint8
	// word is the word's number in the Stemmer that formed it (1-based;
	// 0 when none did): the same for every token with the same Lower, so
	// that per-word work (lexicon look-ups) can be done once per word.
	word int32
}

// Sentence is a half-open byte range of the input and the half-open
// range of tokens it holds.
type Sentence struct {
	Start, End           int
	FirstToken, EndToken int
}

// abbreviations never end a sentence when followed by a period.
var abbreviations = newWordSet("mr|mrs|ms|dr|prof|st|jr|sr|gen|col|lt|sgt|capt|cpt|maj|adm|gov|sen|rep|pres|rev|hon|no|nos|vs|etc|inc|ltd|co|corp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mt|ft|approx|dept|est|fig|vol|art|para|cf|al")

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

// runeClass is the tokenizer's class of a rune (asciiSpace, asciiLetter,
// asciiDigit or asciiPunct), as unicode.IsSpace, isWordRune and
// unicode.IsDigit decide it.
func runeClass(r rune) uint8 {
	switch {
	case r >= 0x2000 && r <= 0x203f: // spaces, dashes, quotation marks, "…": the commonest in news
		if r <= 0x200a || r == 0x2028 || r == 0x2029 || r == 0x202f {
			return asciiSpace
		}
	case unicode.IsSpace(r):
		return asciiSpace
	case isWordRune(r):
		return asciiLetter
	case unicode.IsDigit(r):
		return asciiDigit
	}
	return asciiPunct
}

// Segment splits text into tokens and sentences. It never fails: invalid
// UTF-8 bytes are treated as symbols and no span ever splits a rune.
func Segment(text string) ([]Token, []Sentence) { return segment(text, nil) }

// segment is Segment; with a stemmer it also sets every token's Stem, with
// one cache look-up per word for both its lower-case form and its stem.
func segment(text string, s *Stemmer) ([]Token, []Sentence) {
	var tokens []Token
	if s != nil {
		tokens = s.tokens
	}
	tokens = scanTokens(text, tokens, s) // also marks quotations
	if s == nil {
		lowerTokens(text, tokens)
	}
	var sentences []Sentence
	if s != nil {
		sentences = s.sentences
	}
	sentences = splitSentences(text, tokens, sentences)
	return tokens, sentences
}

const (
	// gapBlankLine is the Token.gap bit for a gap that holds "\n\n".
	gapBlankLine = 4
	// gapStop is the Token.gap bit of a terminal punctuation mark (see
	// isTerminal) and of a dotted acronym that ends in a period.
	gapStop = 8
)

// ASCII byte classes for the tokenizer's fast path; they agree with the
// unicode predicates the general path uses (unicode.IsSpace, isWordRune,
// unicode.IsDigit).
const (
	asciiPunct = iota
	asciiSpace
	asciiLetter
	asciiDigit
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			t[c] = asciiSpace
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			t[c] = asciiLetter
		case c >= '0' && c <= '9':
			t[c] = asciiDigit
		}
	}
	return t
}()

// tokenize splits text into tokens and sets their Lower.
func tokenize(text string) []Token {
	tokens := scanTokens(text, nil, nil)
	lowerTokens(text, tokens)
	return tokens
}

// scanTokens splits text into tokens, appended to buf[:0] (buf may hold
// old tokens: every field is set again), and marks those inside direct
// quotations (see Token.Quoted). With a stemmer it also sets
// Lower, Stem and the word number of each token as it goes (an ASCII word
// is lower-cased and hashed while it is scanned); without one, Lower and
// Stem are left for lowerTokens. ASCII words are scanned inline: under
// wasm a function call costs more than the loop body.
func scanTokens(text string, buf []Token, s *Stemmer) []Token {
	tokens := buf[:0]
	// a buffer too small, or much too large (kept from a large text), is
	// replaced: the one kept between calls fits the texts being analysed
	if want := len(text)/5 + 16; cap(tokens) < want || cap(tokens) > maxSharedTokens && cap(tokens) > 4*want {
		tokens = make([]Token, 0, want)
	}
	i := 0
	gap, afterLF := uint8(0), false // the white space since the last token
	// quoted: a quotation is open. One ends at its closing mark or at a
	// blank line; the marks themselves are not quoted.
	quoted := false
	for i < len(text) {
		class, w := uint8(asciiPunct), 1
		if c := text[i]; c < utf8.RuneSelf {
			class = asciiClass[c]
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(text[i:])
			class = runeClass(r)
		}
		if class == asciiSpace {
			if text[i] == '\n' {
				if gap&3 < 2 {
					gap++
				}
				if afterLF {
					gap |= gapBlankLine
					quoted = false
				}
				afterLF = true
			} else {
				afterLF = false
			}
			i += w
			continue
		}
		g := gap
		gap, afterLF = 0, false
		if cap(tokens)-len(tokens) < 2 { // room for a word and its possessive "'s"
			tokens = append(tokens, Token{}, Token{})[:len(tokens)]
		}
		switch class {
		case asciiLetter:
			end := i + w
			// the hash and last chunk of the lower-cased word (see
			// wordHash), and its capitals' case bits
			h, tail, upper := uint64(hashSeed), uint64(0), uint64(0)
			fast, asciiEnd := w == 1, i // the word's ASCII letters and digits end at asciiEnd
			stop := byte(0)             // the byte after the word (0 at the end of the text)
			if fast {
				// eight bytes at a time: n of them belong to the word
				for end = i; ; {
					var c uint64
					if end+8 <= len(text) {
						c = load64(text, end)
					} else {
						c = loadTail(text, end) // padded with zero bytes: not letters
					}
					n := bits.TrailingZeros64(nonWordBytes(c)) >> 3 // 8 when all are
					stop = byte(c >> (8 * n))
					if n == 0 {
						break
					}
					keep := ^uint64(0) >> (64 - 8*n)
					c &= keep
					lc := (c | 0x2020202020202020) & keep // lower-cases ASCII letters, keeps digits
					h, tail, upper = (h^lc)*hashMul, lc, upper|(lc^c)
					end += n
					if n < 8 {
						break
					}
				}
				asciiEnd = end
				fast = stop < utf8.RuneSelf && stop != '\''
			}
			if !fast || stop == '.' && end-i == 1 { // not a plain ASCII word (most are)
				if !fast { // letters, marks and digits, and apostrophes between letters
					end = scanWord(text, end)
					if stop = 0; end < len(text) {
						stop = text[end]
					}
				}
				if stop == '.' && (end-i == 1 || !fast && end-i <= utf8.UTFMax) {
					if n := acronymEnd(text, i, end); n > end {
						if text[n-1] == '.' {
							g |= gapStop
						}
						tokens = appendToken(tokens, i, n, Word, g, quoted)
						if s != nil {
							s.formToken(text, &tokens[len(tokens)-1])
						}
						i = n
						continue
					}
				}
				// split a trailing possessive 's off: "Tokayev's" → "Tokayev" "'s"
				if !fast && end-i >= 3 && text[end-1]|0x20 == 's' {
					if p := possessiveStart(text, i, end); p > i {
						tokens = appendToken(appendToken(tokens, i, p, Word, g, quoted), p, end, Punct, 0, quoted)
						if s != nil {
							if p == asciiEnd {
								s.formASCII(text[i:p], &tokens[len(tokens)-2], h, tail, upper == 0)
							} else {
								s.formToken(text, &tokens[len(tokens)-2])
							}
							s.formToken(text, &tokens[len(tokens)-1])
						}
						i = end
						continue
					}
				}
			}
			tokens = appendToken(tokens, i, end, Word, g, quoted)
			if s != nil {
				if fast {
					s.formASCII(text[i:end], &tokens[len(tokens)-1], h, tail, upper == 0)
				} else {
					s.formToken(text, &tokens[len(tokens)-1])
				}
			}
			i = end
		case asciiDigit:
			end := scanNumber(text, i)
			tokens = appendToken(tokens, i, end, Number, g, quoted)
			if s != nil {
				s.formToken(text, &tokens[len(tokens)-1])
			}
			i = end
		default:
			mark, q := text[i:i+w], quoted
			if w == 1 {
				switch mark[0] {
				case '.', '!', '?':
					g |= gapStop
				case '"':
					quoted, q = !quoted, false
				}
			} else {
				switch mark {
				case "…":
					g |= gapStop
				case "“", "«":
					quoted, q = true, false
				case "”", "»":
					quoted, q = false, false
				}
			}
			tokens = appendToken(tokens, i, i+w, Punct, g, q)
			if s != nil {
				t := &tokens[len(tokens)-1]
				t.Lower = normalize(mark) // no copy unless non-ASCII
				t.Stem = t.Lower
			}
			i += w
		}
		if i < len(text) && text[i] == ' ' { // a space after a token changes no gap
			i++
		}
	}
	return tokens
}

// appendToken appends a token with its scalar fields set, in the room
// tokens has (its capacity). Writing them one by one avoids copying a
// whole Token, whose string fields would make every append a
// write-barriered move while the garbage collector runs.
func appendToken(tokens []Token, start, end int, kind TokenKind, gap uint8, quoted bool) []Token {
	tokens = tokens[:len(tokens)+1]
	t := &tokens[len(tokens)-1]
	t.Start, t.End, t.Kind, t.Sentence, t.Quoted, t.gap, t.word = start, end, kind, 0, quoted, gap, 0
	return tokens
}

// lowerTokens sets Lower for every token. Lower-case ASCII words are
// substrings of text; other words are lower-cased once per distinct form.
func lowerTokens(text string, tokens []Token) {
	var buf [64]byte
	var seen map[string]string
	for i := range tokens {
		t := &tokens[i]
		raw := text[t.Start:t.End]
		if t.Kind != Word || isLowerASCII(raw) {
			t.Lower = normalize(raw)
			continue
		}
		key := appendLower(buf[:0], raw)
		if l, ok := seen[string(key)]; ok {
			t.Lower = l
			continue
		}
		if seen == nil {
			seen = make(map[string]string)
		}
		t.Lower = string(key)
		seen[t.Lower] = t.Lower
	}
}

// isLowerASCII reports whether s is lower-case ASCII: its own Lower.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendLower appends normalize(s) to dst, for a word s (valid UTF-8).
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == '’' {
			dst = append(dst, '\'')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += w
	}
	return dst
}

// isWordByte reports an ASCII letter or digit.
func isWordByte(c byte) bool { return c < utf8.RuneSelf && asciiClass[c] >= asciiLetter }

// nonWordBytes marks, with its high bit, each byte of the little-endian
// chunk c that is not an ASCII letter or digit (see isWordByte).
func nonWordBytes(c uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// a byte v < 0x80 is in [lo, hi] when v + 0x80 - lo has its high bit
	// set and v + 0x7f - hi has not; no sum carries into the next byte
	v := c &^ highs
	l := v | 0x20*ones // letters lower-cased
	letter := (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones)
	digit := (v + (0x80-'0')*ones) &^ (v + (0x7f-'9')*ones)
	return (^(letter | digit) | c) & highs
}

// scanWord returns the end of the word starting at i: letters, marks and
// digits, with apostrophes allowed between letters.
func scanWord(text string, i int) int {
	for i < len(text) {
		if isWordByte(text[i]) {
			i++
			continue
		}
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) || unicode.IsDigit(r) {
				i += w
				continue
			}
		}
		if isApostrophe(r) && i+w < len(text) {
			if c := text[i+w]; c < utf8.RuneSelf {
				if asciiClass[c] == asciiLetter {
					i += w
					continue
				}
			} else if r2, _ := utf8.DecodeRuneInString(text[i+w:]); isWordRune(r2) {
				i += w
				continue
			}
		}
		break
	}
	return i
}

// acronymEnd extends a one-letter word into a dotted acronym ("U.S.",
// "e.g."), returning the new end, or end when there is none.
func acronymEnd(text string, start, end int) int {
	if n := end - start; n != 1 && (n > utf8.UTFMax || utf8.RuneCountInString(text[start:end]) != 1) {
		return end
	}
	i, letters := end, 1
	for i+1 < len(text) && text[i] == '.' {
		r, w := utf8.DecodeRuneInString(text[i+1:])
		if !unicode.IsLetter(r) {
			break
		}
		j := i + 1 + w
		if j < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[j:]); isWordRune(r2) {
				break // "A.Word" is not an acronym
			}
		}
		i = j
		letters++
	}
	if letters < 2 {
		return end
	}
	if i < len(text) && text[i] == '.' {
		i++
	}
	return i
}

// possessiveStart returns where a trailing "'s" or "’s" starts, or start.
func possessiveStart(text string, start, end int) int {
	if end-start < 3 || (text[end-1] != 's' && text[end-1] != 'S') {
		return start
	}
	if text[end-2] == '\'' {
		return end - 2
	}
	if end-start > 4 && strings.HasSuffix(text[start:end-1], "’") {
		return end - 1 - len("’")
	}
	return start
}

// scanNumber returns the end of the number starting at i: digits with
// inner "," or "." followed by a digit.
func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == ',' || c == '.') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, w := utf8.DecodeRuneInString(text[i:]); unicode.IsDigit(r) {
				i += w
				continue
			}
		}
		break
	}
	return i
}

// normalize lower-cases s and straightens curly apostrophes. It returns s
// itself, without allocating, when s is already lower-case ASCII.
func normalize(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	if len(s) == 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2]&0xc0 == 0x80 { // U+2000 to U+203F have no case
		if s == "’" {
			return "'"
		}
		return s
	}
	if s == "’s" || s == "’S" { // a possessive
		return "'s"
	}
	s = strings.ToLower(s)
	if strings.Contains(s, "’") {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

func isTerminal(s string) bool { return s == "." || s == "!" || s == "?" || s == "…" }

func isClosing(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "»":
		return true
	}
	return false
}

func isOpeningQuote(s string) bool {
	switch s {
	case "\"", "“", "«", "(", "[", "'", "‘":
		return true
	}
	return false
}

// startsUpper reports whether the token begins with an upper-case letter,
// a digit or an opening quote: the things a new sentence starts with.
func startsUpper(text string, t *Token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r) || isOpeningQuote(text[t.Start:t.End])
}

// splitSentences groups tokens into sentences: after ".", "!", "?" or "…"
// (and any closing quotes) when the next word starts a sentence and the
// period does not end an abbreviation or an initial; at blank lines; and at
// a line break before a capitalised line (a headline above its text).
//
// The sentences are appended to buf[:0]. It also sets every token's
// Sentence.
func splitSentences(text string, tokens []Token, buf []Sentence) []Sentence {
	out := buf[:0]
	if want := len(tokens)/16 + 4; cap(out) < want { // about 25 tokens a sentence in news
		out = make([]Sentence, 0, want)
	}
	first := 0
	cut := func(end int) { // tokens[first:end] form a sentence
		if end <= first {
			return
		}
		out = append(out, Sentence{Start: tokens[first].Start, End: tokens[end-1].End, FirstToken: first, EndToken: end})
		first = end
	}
	// Every token is given its sentence's number when it is visited (the
	// closing marks after a terminal one are skipped, and set with it).
	// The last token never ends a sentence before the end of the text.
	for i := 0; i+1 < len(tokens); i++ {
		t, next := &tokens[i], &tokens[i+1]
		t.Sentence = len(out)
		if t.gap&gapStop|next.gap&3 == 0 {
			continue // no line break after it, and it cannot end a sentence: most tokens
		}
		end := i + 1 // the sentence ends before tokens[end]
		switch nl := next.gap & 3; {
		case nl >= 2 || (nl == 1 && startsUpper(text, next) && !isContinuation(t.Lower)):
		case t.gap&gapStop == 0:
			continue
		case t.Kind == Word: // a dotted acronym
			if !endsWithAcronym(text, next) {
				continue
			}
		default:
			if end = terminalEnd(text, tokens, i); end == 0 {
				continue
			}
			for k := i + 1; k < end; k++ {
				tokens[k].Sentence = len(out)
			}
		}
		cut(end)
		i = end - 1
	}
	if len(tokens) > 0 {
		tokens[len(tokens)-1].Sentence = len(out)
	}
	cut(len(tokens))
	return out
}

// terminalEnd returns the end of the sentence that the terminal mark
// tokens[i] and the closing quotes and marks after it end, or 0 when they
// do not end one.
func terminalEnd(text string, tokens []Token, i int) int {
	t := &tokens[i]
	j := i + 1
	for j < len(tokens) && tokens[j].Kind == Punct && (isClosing(tokens[j].Lower) || isTerminal(tokens[j].Lower)) && tokens[j].Start == tokens[j-1].End {
		j++
	}
	if j >= len(tokens) {
		return 0
	}
	if tokens[j].Start == tokens[j-1].End { // "3.5", "a.m" or ".com": no space, no break
		return 0
	}
	if !startsUpper(text, &tokens[j]) {
		return 0
	}
	if t.Lower == "." && i > 0 && tokens[i-1].End == t.Start && tokens[i-1].Kind == Word {
		prev := &tokens[i-1]
		if abbreviations.has(prev.Lower) || (utf8.RuneCountInString(prev.Lower) == 1 && isUpperInitial(text, prev)) {
			return 0
		}
	}
	return j
}

// endsWithAcronym decides whether a dotted acronym ("U.S.") ends its
// sentence: only when a common sentence opener follows it.
func endsWithAcronym(text string, next *Token) bool {
	if !startsUpper(text, next) {
		return false
	}
	switch next.Lower {
	case "the", "it", "he", "she", "they", "we", "i", "this", "that", "but", "in", "a", "an", "there", "his", "her", "their":
		return true
	}
	return false
}

// isContinuation reports words after which a line break cannot end a
// sentence (a hard-wrapped line that stops on a function word).
func isContinuation(lower string) bool {
	switch lower {
	case ",", "-", "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "by", "with", "at", "from":
		return true
	}
	return false
}

func isUpperInitial(text string, t *Token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	return unicode.IsUpper(r)
}
