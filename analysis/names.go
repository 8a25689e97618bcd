package analysis

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// The name-consistency check finds a name spelled two ways in one text
// ("Kazakhstan" 20 times, "Kazakstnan" once) and points to the dominant
// spelling. How it decides:
//
//   - candidates are capitalised words that are not all capitals, with
//     hyphenated capitalised parts joined ("Kassym-Zhomart", "Alma-Ata");
//     possessive "'s" is already split off by Segment. A candidate is a
//     name when it is capitalised somewhere that is not the start of a
//     sentence or a title-case headline, never appears in lower case, and
//     is not a title or common word of the gazetteer;
//   - spellings (distinct lower-case forms) are compared only with the
//     spellings of the same first letter and nearly the same length that
//     share an exact piece with them (closeIndex, below), so the work grows
//     with the number of distinct names, not with its square;
//   - two spellings are close when their Levenshtein distance (an adjacent
//     transposition counts as one edit) is within a threshold that grows
//     with length: 0 up to 4 letters, 1 up to 8, 2 up to 12, then 3;
//   - the rarer spelling is reported, unless the gazetteer knows it as a
//     different name (Iraq beside Iran, Smyth beside Smith), the two are a
//     name and a form derived from it (Russia, Russian), the text joins the
//     two with "and", "or" or a comma (two people), each stands beside a
//     different given name or surname ("Brian Smith", "Bryan Jones"), the
//     titles before them say a man and a woman ("Mr. Harlan", "Ms.
//     Harlen"), or one is a familiar or feminine form of the other
//     ("Dicky", "Dick"; "Ivanova", "Ivanov");
//   - a spelling followed by "[sic]" is misspelt on purpose; capitalised
//     words made with "-ize" ("Americanized") are words, not names;
//   - known aliases (Kiev, Kyiv) and spellings that differ only in
//     diacritics (Erdogan, Erdoğan) are reported as info.

// Thresholds of the name check.
const (
	// minVariantRunes is the shortest spelling reported as a misspelling.
	minVariantRunes = 4
	// minWeakVariantRunes is the shortest spelling reported when it is
	// seen only at a sentence start or in a headline.
	minWeakVariantRunes = 6
	// maxRelated caps the mentions of the dominant spelling in Related.
	maxRelated = 20
	// maxCoordinationGap is how many tokens "and", "or", commas and titles
	// may fill between two names joined as different people.
	maxCoordinationGap = 5
)

// nameThreshold is the largest edit distance between two spellings of one
// name, for the longer spelling's length in runes.
//
//go:noinline
func nameThreshold(runes int) int {
	switch {
	case runes <= 4:
		return 0
	case runes <= 8:
		return 1
	case runes <= 12:
		return 2
	}
	return 3
}

// nameBuffers are the name check's buffers kept between calls (see
// scratch), zeroed.
type nameBuffers struct {
	words []int32     // indexNames, by word number
	slots []pieceSlot // closeIndex
}

// Buffers larger than these (in elements) are not kept between calls.
const (
	maxKeptNameWords = 1 << 18
	maxKeptPieces    = 1 << 16
)

// nameMention is one occurrence of a candidate name.
type nameMention struct {
	start, end  int   // byte offsets
	first, last int   // half-open token range
	spelling    int32 // index into nameIndex.spellings
	phrase      int32 // adjacent capitalised words share a phrase ("Mark Rutte")
	weak        bool  // at a sentence start or in a title-case headline
	sic         bool  // followed by "[sic]" or "(sic)": misspelt on purpose
}

// spelling is one distinct lower-case form of a candidate name.
type spelling struct {
	key, fold string
	runes     int
	rs        []rune // the runes of key (set by closeIndex)
	letters   uint64 // the runes of key as bits (letterBit; set by closeIndex)
	first     rune   // first rune of fold, for bucketing
	mentions  []int32
	strong    int // mentions that are not weak
	lowerSeen bool
	word      int32  // Token.word of a one-word spelling; 0: none
	stem      string // with a word number: stemWord(key), its tokens' Stem
	refs      []gazRef
	skip      bool // a title or common word
}

// nameIndex holds the candidate names of one document.
type nameIndex struct {
	d         *Document
	gz        *Gazetteer
	mentions  []nameMention
	spellings []spelling
	// byKey finds the spellings that have no word number (nil: none yet)
	byKey map[string]int32
}

// checkNames reports names spelled two ways (kind "name").
func checkNames(d *Document, r *Report) {
	gz, err := BuiltinGazetteer()
	if err != nil { // the built-in data is validated by the tests
		return
	}
	x := indexNames(d, gz)
	x.reportAliases(r)
	x.reportDiacritics(r)
	x.reportMisspellings(r)
	if d.scratch != nil {
		giveBack(&d.scratch.nameMentions, x.mentions, maxKeptNameMentions)
		giveBack(&d.scratch.spellings, x.spellings, maxKeptSpellings)
	}
}

func isCapitalised(s string) bool {
	if len(s) == 0 || 'a' <= s[0] && s[0] <= 'z' { // most words
		return false
	}
	if 'A' <= s[0] && s[0] <= 'Z' { // ASCII: the rules below, by bytes
		lower, k := false, 1
		for ; k < len(s) && s[k] < utf8.RuneSelf; k++ {
			if c := s[k]; 'a' <= c && c <= 'z' {
				lower = true
			} else if 'A' <= c && c <= 'Z' && k > 3 && 'a' <= s[k-1] && s[k-1] <= 'z' {
				return false
			}
		}
		if k == len(s) {
			return lower
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsUpper(r) || unicode.IsTitle(r)) {
		return false
	}
	// "I", "A", "CSTO", "U.S." are not names here; a capital after a
	// lower-case letter past the third letter is a handle or a coinage
	// ("WestervillePD"), not a name ("McCain", "DeSantis")
	n, lower, prevLower := 0, false, false
	for _, r := range s {
		if prevLower && n > 3 && unicode.IsUpper(r) {
			return false
		}
		prevLower = unicode.IsLower(r)
		lower = lower || prevLower
		n++
	}
	return n >= 2 && lower
}

// isHandle reports whether token i follows "@" or "#" directly.
func isHandle(d *Document, i int) bool {
	if i == 0 {
		return false
	}
	p := &d.Tokens[i-1]
	return p.End == d.Tokens[i].Start && (p.Lower == "@" || p.Lower == "#")
}

func startsLower(s string) bool {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return 'a' <= s[0] && s[0] <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// opensSentence reports punctuation after which a capital letter says
// nothing: an opening quotation mark, a colon, a dash or a bullet.
func opensSentence(p string) bool {
	switch p {
	case "\"", "“", "‘", "'", "«", ":", "—", "–", "•", "*", "|", ">", "-":
		return true
	}
	return false
}

func isQuoteMark(p string) bool {
	switch p {
	case "\"", "“", "”", "‘", "'", "«", "»":
		return true
	}
	return false
}

// indexNames collects the candidate names of d in one pass over its
// tokens: capitalised words become mentions, and the words written in
// lower case are marked for lowerSeen.
//
// A word token holds no hyphen, so a hyphenated spelling is never seen in
// lower case. Every word token of a document made by one Stemmer has a
// word number (Token.word), the same for every token with the same Lower;
// one-word spellings and lower-case words are matched by it, and by key
// (byKey) when the tokens have no word numbers (Segment).
func indexNames(d *Document, gz *Gazetteer) *nameIndex {
	toks := d.Tokens
	x := &nameIndex{d: d, gz: gz}
	if d.scratch != nil {
		x.mentions, d.scratch.nameMentions = d.scratch.nameMentions, nil
		x.spellings, d.scratch.spellings = d.scratch.spellings, nil
	}
	if cap(x.mentions) < len(toks)/8 {
		x.mentions = make([]nameMention, 0, len(toks)/8)
	}
	// by Token.word: the one-word spelling + 1, shifted left by one, with
	// bit 0 set when the word is written in lower case somewhere
	var words []int32
	if d.scratch != nil {
		words, d.scratch.names.words = d.scratch.names.words, nil
		words = words[:cap(words)] // zero (giveBack)
	}
	if len(words) < 1024 {
		words = make([]int32, 1024)
	}
	var lowerKeys []string // lower-case words without a word number
	// by sentence: whether it is a headline, worked out when first asked
	// (0: not yet, 1: no, 2: yes)
	titles := make([]uint8, len(d.Sentences))
	phrase := int32(-1)
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != Word {
			continue
		}
		for int(t.word) >= len(words) {
			words = append(words, make([]int32, len(words))...)
		}
		if c := d.Text[t.Start]; 'a' <= c && c <= 'z' || c >= utf8.RuneSelf && startsLower(d.Text[t.Start:t.End]) {
			if w := int(t.word); w > 0 {
				words[w] |= 1
			} else {
				lowerKeys = append(lowerKeys, t.Lower)
			}
			continue
		}
		if !isCapitalised(d.Text[t.Start:t.End]) || isHandle(d, i) {
			continue
		}
		// join hyphenated capitalised parts: "Kassym-Zhomart", "Alma-Ata"
		j := i + 1
		for j+1 < len(toks) && toks[j].Kind == Punct && toks[j].Lower == "-" &&
			toks[j].Start == toks[j-1].End && toks[j+1].Start == toks[j].End &&
			toks[j+1].Kind == Word && isCapitalised(d.Text[toks[j+1].Start:toks[j+1].End]) {
			j += 2
		}
		key, w, stem := t.Lower, int(t.word), t.Stem
		if j > i+1 || w == 0 {
			stem = ""
		}
		if j > i+1 {
			key, w = nameKey(d.Text[t.Start:toks[j-1].End]), 0
		}
		m := nameMention{start: t.Start, end: toks[j-1].End, first: i, last: j, sic: sicAfter(toks, j)}
		// weak: first word of its sentence, after an opening mark, or in a
		// headline; a hyphenated compound of capitalised parts is a name
		// wherever it stands: no common word is written "Kassym-Zhomart"
		if j == i+1 {
			sent := &d.Sentences[t.Sentence]
			k := i - 1
			for k >= sent.FirstToken && toks[k].Kind != Word && !opensSentence(toks[k].Lower) {
				k--
			}
			switch {
			case k < sent.FirstToken:
				m.weak = true
			case toks[k].Kind != Word:
				// after a quotation mark only when it opens a quotation
				m.weak = !isQuoteMark(toks[k].Lower) || t.Quoted || toks[k].Lower == "‘" || toks[k].Lower == "'"
			}
			// "Okonkwo's lawyer" at a sentence start: a possessive marks a
			// name (the common words that take one are in the gazetteer)
			if m.weak && j < len(toks) && toks[j].Kind == Punct && toks[j].Lower == "'s" {
				m.weak = false
			}
		}
		if s := t.Sentence; !m.weak {
			if titles[s] == 0 {
				titles[s] = 1
				if isHeadline(d, s) {
					titles[s] = 2
				}
			}
			m.weak = titles[s] == 2
		}
		// phrase: the previous candidate ends right before, with only spaces between
		if n := len(x.mentions); n > 0 && x.mentions[n-1].last == i && onlySpaces(d.Text[x.mentions[n-1].end:t.Start]) {
			m.phrase = phrase
		} else {
			phrase++
			m.phrase = phrase
		}
		id := int32(-1)
		if w > 0 {
			id = words[w]>>1 - 1
		} else if n, ok := x.byKey[key]; ok {
			id = n
		}
		if id < 0 {
			id = int32(len(x.spellings))
			fold := foldDiacritics(key)
			first, _ := utf8.DecodeRuneInString(fold)
			x.spellings = append(x.spellings, spelling{key: key, fold: fold, first: first, runes: utf8.RuneCountInString(key), word: int32(w), stem: stem})
			if w > 0 {
				words[w] |= (id + 1) << 1
			} else {
				if x.byKey == nil {
					x.byKey = make(map[string]int32)
				}
				x.byKey[key] = id
			}
		}
		m.spelling = id
		if !m.weak {
			x.spellings[id].strong++
		}
		x.mentions = append(x.mentions, m)
		i = j - 1
	}
	// each spelling's mentions, in order: parts of one slice
	counts := make([]int, len(x.spellings))
	for i := range x.mentions {
		counts[x.mentions[i].spelling]++
	}
	all, off := make([]int32, len(x.mentions)), 0
	for i, n := range counts {
		x.spellings[i].mentions = all[off : off : off+n]
		off += n
	}
	for i := range x.mentions {
		s := &x.spellings[x.mentions[i].spelling]
		s.mentions = append(s.mentions, int32(i))
	}
	// a name never written in lower case ("Brown" is not, beside "brown")
	for _, k := range lowerKeys {
		if id, ok := x.byKey[k]; ok {
			x.spellings[id].lowerSeen = true
		}
	}
	x.markSic()
	for i := range x.spellings {
		s := &x.spellings[i]
		if s.word > 0 {
			s.lowerSeen = int(s.word) < len(words) && words[s.word]&1 != 0
		}
		s.skip = wordFromName(s.key)
		s.refs = gz.lookup(s.key)
		for _, r := range s.refs {
			if r.kind == GazTitle || r.kind == GazCommon {
				s.skip = true
			}
		}
	}
	if d.scratch != nil {
		giveBack(&d.scratch.names.words, words, maxKeptNameWords)
	}
	return x
}

// sicAfter reports whether "[sic]" or "(sic)" follows a name that ends
// before token k: the writer reproduces a spelling on purpose.
func sicAfter(toks []Token, k int) bool {
	if k < len(toks) && (toks[k].Lower == "." || toks[k].Lower == ",") && toks[k].Start == toks[k-1].End {
		k++ // "Durban, [sic]"
	}
	return k+2 < len(toks) && (toks[k].Lower == "[" || toks[k].Lower == "(") &&
		toks[k+1].Lower == "sic" && (toks[k+2].Lower == "]" || toks[k+2].Lower == ")")
}

// markSic marks every mention of a name phrase followed by "[sic]" or
// "(sic)"; indexNames has marked the mentions followed by it.
func (x *nameIndex) markSic() {
	for i := len(x.mentions) - 2; i >= 0; i-- {
		if x.mentions[i+1].phrase == x.mentions[i].phrase {
			x.mentions[i].sic = x.mentions[i+1].sic
		}
	}
}

// wordFromName reports capitalised words made from a name with a verb
// ending ("Americanize", "Islamized", "Westernization"): words, not names.
func wordFromName(key string) bool {
	for _, e := range []string{"ize", "izes", "ized", "izing", "ization", "izations"} {
		if len(key) > len(e)+3 && strings.HasSuffix(key, e) {
			return true
		}
	}
	return false
}

func onlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

// isName reports whether a spelling can be a name: capitalised where that
// means something (or known to the gazetteer), never in lower case, not a
// title or common word.
//
//go:noinline
func (x *nameIndex) isName(s *spelling) bool {
	return !s.skip && !s.lowerSeen && (s.strong > 0 || len(s.refs) > 0)
}

// canBeVariant reports whether a spelling may be reported as a misspelling:
// a name unknown to the gazetteer, long enough; one seen only at sentence
// starts must be longer and must not be a known word.
//
//go:noinline
func (x *nameIndex) canBeVariant(s *spelling) bool {
	if s.skip || s.lowerSeen || len(s.refs) > 0 || s.runes < minVariantRunes {
		return false
	}
	return s.strong > 0 || s.runes >= minWeakVariantRunes
}

// display returns how a spelling is written: its first mention that is
// not at a sentence start, or its first mention.
func (x *nameIndex) display(id int32) string {
	s := &x.spellings[id]
	for _, mi := range s.mentions {
		if m := &x.mentions[mi]; !m.weak {
			return x.d.Text[m.start:m.end]
		}
	}
	m := &x.mentions[s.mentions[0]]
	return x.d.Text[m.start:m.end]
}

//go:noinline
func (x *nameIndex) spans(mentions []int32) []Span {
	n := len(mentions)
	if n > maxRelated {
		n = maxRelated
	}
	out := make([]Span, 0, n)
	for _, mi := range mentions[:n] {
		m := &x.mentions[mi]
		out = append(out, x.d.Span(m.start, m.end))
	}
	return out
}

//go:noinline
func (x *nameIndex) finding(m *nameMention, category, severity string, weight float64, msg, suggestion string, related []Span) Finding {
	t := &x.d.Tokens[m.first]
	return Finding{
		Kind: KindName, Category: category, Severity: severity,
		Start: m.start, End: m.end, Text: x.d.Text[m.start:m.end],
		Message: msg, Suggestion: suggestion, Related: related,
		Weight: weight, Quoted: t.Quoted, Sentence: t.Sentence, Rule: "names/" + category,
	}
}

// pairMessage says how a name written n times relates to another written
// m times: "'Kazakstan' (1×) looks like a misspelling of 'Kazakhstan'
// (20×)", then tail.
func pairMessage(text string, n int, relation, other string, m int, tail string) string {
	return "'" + text + "' (" + itoa(n) + "×) " + relation + " '" + other + "' (" + itoa(m) + "×)" + tail
}

// reportMisspellings clusters the spellings and reports each rarer
// spelling close to a dominant one.
func (x *nameIndex) reportMisspellings(r *Report) {
	ix := x.closeIndex()
	seen := make([]int32, len(x.spellings)) // vi+1 once spelling di was looked at for vi
	for i := range x.spellings {
		vi := int32(i)
		v := &x.spellings[vi]
		if !x.canBeVariant(v) {
			continue
		}
		best, bestDist := int32(-1), 0
		ix.candidates(v, func(di int32) {
			if di == vi || seen[di] == vi+1 {
				return
			}
			seen[di] = vi + 1
			dom := &x.spellings[di]
			thr := nameThreshold(max(dom.runes, v.runes))
			if dom.first != v.first || thr == 0 || max(dom.runes-v.runes, v.runes-dom.runes) > thr || !x.dominates(di, vi) {
				return
			}
			if moreEditsThan(v, dom, thr) {
				return // the distance is more than thr: no need to compute it
			}
			dist := spellingDistance(v, dom)
			if dist == 0 || dist > thr || derivedForm(v.key, dom.key, v.stem, dom.stem) || v.fold == dom.fold || substitutionsOnly(v.rs, dom.rs, dist) {
				return
			}
			if (x.isPersonName(di) && petForm(v.key, dom.key)) || (x.isPersonName(vi) && petForm(dom.key, v.key)) {
				return
			}
			if x.coordinated(vi, di) || x.differentContext(vi, di) || x.partOfOtherName(vi, di) || x.differentGender(vi, di) {
				return
			}
			// the most used close spelling, then the closest, then the first
			if best >= 0 {
				nb, nd := len(x.spellings[best].mentions), len(dom.mentions)
				if nd < nb || (nd == nb && (dist > bestDist || (dist == bestDist && di > best))) {
					return
				}
			}
			best, bestDist = di, dist
		})
		if best < 0 {
			continue
		}
		dom := &x.spellings[best]
		suggestion := x.display(best)
		related := x.spans(dom.mentions)
		edits := ", " + itoa(bestDist) + " edits apart"
		if bestDist == 1 {
			edits = ", 1 edit apart"
		}
		for _, mi := range v.mentions {
			m := &x.mentions[mi]
			if m.sic {
				continue
			}
			text := x.d.Text[m.start:m.end]
			msg := pairMessage(text, len(v.mentions), "looks like a misspelling of", suggestion, len(dom.mentions), edits)
			r.Findings = append(r.Findings, x.finding(m, "misspelling", SeverityWarning, 1, msg, suggestion, related))
		}
	}
	if b := x.d.scratch; b != nil {
		giveBack(&b.names.slots, ix.slots, maxKeptPieces)
	}
}

// dominates reports whether spelling d is the dominant form of v: used
// more often, or as often but known to the gazetteer or written first. A
// spelling used three times or more is reported only beside one used at
// least three times as often.
func (x *nameIndex) dominates(di, vi int32) bool {
	d, v := &x.spellings[di], &x.spellings[vi]
	nd, nv := len(d.mentions), len(v.mentions)
	switch {
	case nv >= 3 && nd < 3*nv:
		return false
	case nd != nv:
		return nd > nv
	case len(d.refs) > 0:
		return true
	case x.canBeVariant(d) && d.strong != v.strong:
		return d.strong > v.strong
	}
	return d.mentions[0] < v.mentions[0]
}

// nameDistance is the Levenshtein distance of two spellings, counting an
// adjacent transposition ("Zelenksy", "Zelensky") as one edit.
func nameDistance(a, b string) int {
	d := levenshtein.ComputeDistance(a, b)
	if d == 2 && transposed([]rune(a), []rune(b)) {
		return 1
	}
	return d
}

// letterBit is the bit of rune r in a set of runes held in 64 bits: the
// 26 lower-case ASCII letters have bits of their own, other runes share.
func letterBit(r rune) uint64 { return 1 << (uint32(r) % 64) }

// moreEditsThan reports whether the sets of runes of two spellings prove
// that their nameDistance is more than k, without computing it: an edit
// adds at most one rune to a spelling and removes at most one (a
// transposition neither), so each of the two needs at least as many edits
// as it has rune bits (letterBit) the other lacks.
func moreEditsThan(a, b *spelling, k int) bool {
	return bits.OnesCount64(a.letters&^b.letters) > k || bits.OnesCount64(b.letters&^a.letters) > k
}

// spellingDistance is nameDistance of two spellings, whose runes are at
// hand for the transposition test.
func spellingDistance(a, b *spelling) int {
	d := levenshtein.ComputeDistance(a.key, b.key)
	if d == 2 && transposed(a.rs, b.rs) {
		return 1
	}
	return d
}

// petForm reports whether a is the familiar form of the given name b
// ("Dicky" of "Dick", "Tommy" of "Tom", "Jackie" of "Jack"): b with "y",
// "ie" or "ey" added, its last letter perhaps doubled. A name that already
// ends in "y" has no such form ("Zelenskyy" is not one of "Zelensky").
func petForm(a, b string) bool {
	if b == "" || strings.HasSuffix(b, "y") || !strings.HasPrefix(a, b) {
		return false
	}
	rest := a[len(b):]
	if last := b[len(b)-1]; len(rest) > 1 && rest[0] == last {
		rest = rest[1:]
	}
	return rest == "y" || rest == "ie" || rest == "ey"
}

// substitutionsOnly reports whether two spellings at distance two or more
// differ only by letters replaced in place ("McCarrick", "McCormick"):
// typing slips add, drop or swap letters; several replaced letters make a
// different name. A letter moved within a run ("Philippines",
// "Phillipines") is a slip, not a replacement.
func substitutionsOnly(ra, rb []rune, dist int) bool {
	if dist < 2 || len(ra) != len(rb) {
		return false
	}
	first, last, diff := -1, -1, 0
	for k := range ra {
		if ra[k] != rb[k] {
			if first < 0 {
				first = k
			}
			last = k
			diff++
		}
	}
	if diff != dist {
		return false
	}
	// a letter dropped at first and added at last, or the other way round
	moved := slices.Equal(ra[first:last], rb[first+1:last+1]) || slices.Equal(ra[first+1:last+1], rb[first:last])
	return !moved
}

// transposed reports whether ra and rb differ only by two adjacent runes
// swapped.
func transposed(ra, rb []rune) bool {
	if len(ra) != len(rb) {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i+1 >= len(ra) || ra[i] != rb[i+1] || ra[i+1] != rb[i] {
		return false
	}
	return slices.Equal(ra[i+2:], rb[i+2:])
}

// Derived-form endings: a name and the name with one of these endings
// instead of a base ending, or with another derived ending, are forms of
// one word ("Russia"/"Russian", "Ukraine"/"Ukrainian", "Kazakh"/"Kazakhstan",
// "Smith"/"Smiths", "Democrats"/"Democratic").
var (
	baseEndings    = []string{"", "a", "e", "y", "ia", "ey", "o"}
	derivedEndings = []string{"s", "es", "n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ish",
		"ic", "ics", "ac", "ism", "ist", "ists", "ite", "ites", "er", "ers", "ern", "stan", "istan", "al",
		"ry", "ing", "ed", "ve", "ves", "on", "ons", "ion", "ions", "at", "ate", "t", "cy", "x"}
)

// derivedForm reports whether a and b are forms of one word rather than
// two spellings of it: they have the same snowball stem, or after a common
// prefix of four letters or more they end in a base and a derived ending,
// two different derived endings neither of which ends the other, or two
// different non-empty base endings ("Antonio", "Antonia"). stemA and
// stemB are the stems of a and b when they are at hand ("": stemmed here).
func derivedForm(a, b, stemA, stemB string) bool {
	// hyphenated compounds: forms of one compound when the parts that
	// differ are forms of one word ("Counter-Jihad", "Countering-Jihad")
	if pa, pb := strings.Split(a, "-"), strings.Split(b, "-"); len(pa) > 1 && len(pa) == len(pb) {
		for i := range pa {
			if pa[i] != pb[i] && !derivedForm(pa[i], pb[i], "", "") {
				return false
			}
		}
		return true
	}
	if !strings.Contains(a, "-") && !strings.Contains(b, "-") {
		if stemA == "" {
			stemA = stemWord(a)
		}
		if stemB == "" {
			stemB = stemWord(b)
		}
		if stemA == stemB {
			return true
		}
	}
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && p < len(a) && !utf8.RuneStart(a[p]) { // do not split a rune
		p--
	}
	for tries := 0; tries < 4 && p > 0; tries++ {
		if utf8.RuneCountInString(a[:p]) < 4 {
			return false
		}
		ta, tb := a[p:], b[p:]
		ba, bb := hasEnding(baseEndings, ta), hasEnding(baseEndings, tb)
		da, db := hasEnding(derivedEndings, ta), hasEnding(derivedEndings, tb)
		switch {
		case ba && db, bb && da:
			return true
		case da && db && !strings.HasSuffix(ta, tb) && !strings.HasSuffix(tb, ta):
			return true
		case ba && bb && ta != "" && tb != "":
			return true
		case ta == "" && tb == "a", ta == "a" && tb == "":
			return true // feminine forms: "Ivanov", "Ivanova"; "Muslim", "Muslima"
		}
		_, w := utf8.DecodeLastRuneInString(a[:p])
		p -= w
	}
	return false
}

//go:noinline
func hasEnding(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// coordinated reports whether the text joins a mention of v and one of d
// with "and", "or", "nor", "vs", "with", "/" or a comma, perhaps with
// titles between ("Mr. Smith and Mr. Smyth"): then they are two names.
func (x *nameIndex) coordinated(vi, di int32) bool {
	for _, mi := range x.spellings[vi].mentions {
		m := &x.mentions[mi]
		if x.joinedTo(m.last, 1, di) || x.joinedTo(m.first-1, -1, di) {
			return true
		}
	}
	return false
}

// joinedTo walks from token k in direction step over connectors and titles
// and reports whether it reaches a mention of spelling di.
func (x *nameIndex) joinedTo(k, step int, di int32) bool {
	toks := x.d.Tokens
	connector := false
	for n := 0; n <= maxCoordinationGap && k >= 0 && k < len(toks); n++ {
		t := &toks[k]
		switch {
		case t.Kind == Punct && (t.Lower == "," || t.Lower == "/" || t.Lower == "&" || t.Lower == "." || t.Lower == "(" || t.Lower == ")"):
			connector = connector || t.Lower != "."
		case t.Kind == Word && (t.Lower == "and" || t.Lower == "or" || t.Lower == "nor" || t.Lower == "vs" ||
			t.Lower == "versus" || t.Lower == "v" || t.Lower == "with" || t.Lower == "not" || t.Lower == "both" || t.Lower == "either" || t.Lower == "neither"):
			connector = true
		case t.Kind == Word:
			if mi := x.mentionAt(k, step); mi >= 0 {
				m := &x.mentions[mi]
				if m.spelling == di {
					return connector
				}
				if x.spellings[m.spelling].skip { // a title: "Mr", "Judge"
					if step > 0 {
						k = m.last - 1
					} else {
						k = m.first
					}
					break
				}
			}
			return false
		default:
			return false
		}
		k += step
	}
	return false
}

// mentionAt returns the mention that starts (step > 0) or ends (step < 0)
// at token k, or -1.
func (x *nameIndex) mentionAt(k, step int) int {
	i := sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].last > k })
	if i < len(x.mentions) {
		m := &x.mentions[i]
		if (step > 0 && m.first == k) || (step < 0 && m.last-1 == k) {
			return i
		}
	}
	return -1
}

// differentContext reports whether v and d each stand beside other names
// ("Brian Smith", "Bryan Jones") and never beside the same or a close one:
// then they name different people.
func (x *nameIndex) differentContext(vi, di int32) bool {
	nv, nd := x.neighbours(vi), x.neighbours(di)
	if len(nv) == 0 || len(nd) == 0 {
		return false
	}
	for _, a := range nv {
		for _, b := range nd {
			if a == b || x.near(a, b) {
				return false
			}
		}
	}
	return true
}

// near reports whether spellings a and b are within the name threshold
// of each other.
func (x *nameIndex) near(a, b int32) bool {
	sa, sb := &x.spellings[a], &x.spellings[b]
	k := nameThreshold(max(sa.runes, sb.runes))
	return !moreEditsThan(sa, sb, k) && spellingDistance(sa, sb) <= k
}

// Titles that say whether a person is a man or a woman.
var (
	maleTitles   = []string{"mr", "sir", "lord", "king", "prince", "duke", "emperor", "tsar", "czar", "sultan", "father", "brother", "herr", "monsieur", "signor", "senor", "señor", "congressman", "spokesman", "chairman", "businessman"}
	femaleTitles = []string{"mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess", "duchess", "empress", "tsarina", "sister", "frau", "signora", "senora", "señora", "congresswoman", "spokeswoman", "chairwoman", "businesswoman"}
)

// titleGender returns 1 when the mention follows a man's title ("Mr.
// Harlan"), 2 after a woman's ("Ms. Harlen"), else 0.
func (x *nameIndex) titleGender(m *nameMention) int {
	toks := x.d.Tokens
	k := m.first - 1
	if k >= 1 && toks[k].Lower == "." && toks[k].Start == toks[k-1].End {
		k--
	}
	if k < 0 || toks[k].Kind != Word {
		return 0
	}
	switch {
	case hasEnding(maleTitles, toks[k].Lower):
		return 1
	case hasEnding(femaleTitles, toks[k].Lower):
		return 2
	}
	return 0
}

// differentGender reports whether the titles before v and d say one is a
// man and the other a woman ("Mr. Harlan", "Mrs. Harlen"): two people.
func (x *nameIndex) differentGender(vi, di int32) bool {
	gender := func(s int32) int {
		g := 0
		for _, mi := range x.spellings[s].mentions {
			g |= x.titleGender(&x.mentions[mi])
		}
		return g
	}
	gv := gender(vi)
	if gv == 0 || gv == 3 {
		return false
	}
	gd := gender(di)
	return gd != 0 && gd != 3 && gd != gv
}

// partOfOtherName reports whether v stands inside a longer name that d is
// never part of ("Nobel Prize" beside "Price", "Magdi Allam" beside
// "Allah"): a neighbour of v that is not a known given name and is not
// (nearly) a neighbour of d.
func (x *nameIndex) partOfOtherName(vi, di int32) bool {
	nd := x.neighbours(di)
	for _, a := range x.neighbours(vi) {
		if x.isPersonName(a) {
			continue // "Volodymyr Zelenksy" beside "Zelensky"
		}
		shared := false
		for _, b := range nd {
			if a == b || x.near(a, b) {
				shared = true
				break
			}
		}
		if !shared {
			return true
		}
	}
	return false
}

//go:noinline
func (x *nameIndex) isPersonName(s int32) bool {
	for _, r := range x.spellings[s].refs {
		if r.kind == GazPerson {
			return true
		}
	}
	return false
}

// neighbours lists the spellings that stand right before or after a
// mention of spelling s in the same phrase, titles and common words left
// out.
func (x *nameIndex) neighbours(s int32) []int32 {
	var out []int32
	add := func(j int) {
		if j < 0 || j >= len(x.mentions) {
			return
		}
		n := x.mentions[j].spelling
		if n == s || x.spellings[n].skip {
			return
		}
		for _, o := range out {
			if o == n {
				return
			}
		}
		out = append(out, n)
	}
	for _, mi := range x.spellings[s].mentions {
		m := &x.mentions[mi]
		if mi > 0 && x.mentions[mi-1].phrase == m.phrase {
			add(int(mi) - 1)
		}
		if int(mi)+1 < len(x.mentions) && x.mentions[mi+1].phrase == m.phrase {
			add(int(mi) + 1)
		}
	}
	return out
}

// reportDiacritics reports a name written with and without diacritics
// ("Erdoğan", "Erdogan") as info.
func (x *nameIndex) reportDiacritics(r *Report) {
	// plain maps the folded forms of the spellings with diacritics to the
	// spelling without (-1: none); lens has bit len%64 of each form, so
	// that most spellings need no look-up
	var plain map[string]int32
	var lens uint64
	for i := range x.spellings {
		if s := &x.spellings[i]; s.fold != s.key && !s.skip && s.runes >= minVariantRunes {
			if plain == nil {
				plain = make(map[string]int32)
			}
			plain[s.fold] = -1
			lens |= 1 << (len(s.fold) % 64)
		}
	}
	if plain == nil {
		return
	}
	for j := range x.spellings {
		if s := &x.spellings[j]; s.fold == s.key && lens&(1<<(len(s.key)%64)) != 0 {
			if _, ok := plain[s.key]; ok {
				plain[s.key] = int32(j)
			}
		}
	}
	for i := range x.spellings {
		s := &x.spellings[i]
		if s.fold == s.key || s.skip || s.runes < minVariantRunes {
			continue
		}
		pi := plain[s.fold]
		if pi < 0 || !x.isName(&x.spellings[pi]) {
			continue
		}
		vi, di := int32(i), pi
		if len(x.spellings[pi].mentions) < len(s.mentions) {
			vi, di = pi, int32(i)
		}
		x.reportSame(r, x.spellings[vi].mentions, x.spellings[di].mentions, "diacritics", "is written without the diacritics of")
	}
}

// reportSame reports each mention in vs as another way of writing the
// name mentioned in ds (info).
func (x *nameIndex) reportSame(r *Report, vs, ds []int32, category, relation string) {
	dm := &x.mentions[ds[0]]
	for _, mi := range ds {
		if !x.mentions[mi].weak {
			dm = &x.mentions[mi]
			break
		}
	}
	dText := x.d.Text[dm.start:dm.end]
	related := x.spans(ds)
	for _, mi := range vs {
		m := &x.mentions[mi]
		text := x.d.Text[m.start:m.end]
		msg := pairMessage(text, len(vs), relation, dText, len(ds), "; keep one spelling")
		r.Findings = append(r.Findings, x.finding(m, category, SeverityInfo, 0.25, msg, dText, related))
	}
}

// aliasHit is one mention of an alias group's name: mentions[first:end].
type aliasHit struct {
	name       int // index into the group's names
	first, end int // mention range
}

// reportAliases reports two names of one thing ("Kiev", "Kyiv") in one
// text as info. A multi-word alias ("Sri Lanka") matches adjacent
// capitalised words; the longest match wins, so "North Macedonia" is not
// also "Macedonia". A name inside a longer name ("Tom Holland") is not an
// alias.
func (x *nameIndex) reportAliases(r *Report) {
	hits := map[int32][]aliasHit{}
	ms := x.mentions
	// per spelling: the most words of an alias it starts (folded), + 1
	// (0: not looked up yet); longer phrases need no look-up
	heads := make([]uint8, len(x.spellings))
	for i := 0; i < len(ms); {
		// the mentions of ms[i]'s phrase from i on, at most maxWords
		n := 1
		for n < x.gz.maxWords && i+n < len(ms) && ms[i+n].phrase == ms[i].phrase {
			n++
		}
		matched := false
		for w := n; w >= 1 && !matched; w-- {
			if s := ms[i].spelling; w > 1 {
				if heads[s] == 0 {
					heads[s] = x.gz.aliasHeads[x.spellings[s].fold] + 1
				}
				if w >= int(heads[s]) {
					continue
				}
			}
			s := &x.spellings[ms[i].spelling]
			key, refs := s.key, s.refs // one word: looked up by indexNames
			if w > 1 {
				parts := make([]string, w)
				for k := 0; k < w; k++ {
					parts[k] = x.spellings[ms[i+k].spelling].key
				}
				key = strings.Join(parts, " ")
				refs = x.gz.lookup(key)
			}
			for _, ref := range refs {
				if ref.kind != GazAlias {
					continue
				}
				matched = true
				if x.aliasInLongerName(i, i+w) || x.aliasExplained(i, i+w) {
					continue
				}
				names := x.gz.groups[ref.group]
				for n, name := range names {
					if nameKey(name) == key || foldDiacritics(nameKey(name)) == foldDiacritics(key) {
						hits[ref.group] = append(hits[ref.group], aliasHit{name: n, first: i, end: i + w})
						break
					}
				}
			}
			if matched {
				i += w
			}
		}
		if !matched {
			i++
		}
	}
	groups := make([]int32, 0, len(hits))
	for g := range hits {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i] < groups[j] })
	for _, g := range groups {
		byName := map[int][]int32{}
		var order []int
		for _, h := range hits[g] {
			if _, ok := byName[h.name]; !ok {
				order = append(order, h.name)
			}
			byName[h.name] = append(byName[h.name], int32(h.first))
		}
		if len(order) < 2 {
			continue
		}
		dom := order[0]
		for _, n := range order[1:] {
			if len(byName[n]) > len(byName[dom]) || (len(byName[n]) == len(byName[dom]) && n < dom) {
				dom = n
			}
		}
		for _, n := range order {
			if n == dom {
				continue
			}
			x.reportAliasName(r, hits[g], n, dom)
		}
	}
}

// reportAliasName reports the hits of name n as aliases of name dom.
func (x *nameIndex) reportAliasName(r *Report, hits []aliasHit, n, dom int) {
	var vs, ds []aliasHit
	for _, h := range hits {
		switch h.name {
		case n:
			vs = append(vs, h)
		case dom:
			ds = append(ds, h)
		}
	}
	span := func(h aliasHit) Span {
		return x.d.Span(x.mentions[h.first].start, x.mentions[h.end-1].end)
	}
	dText := span(ds[0]).Text
	related := make([]Span, 0, min(len(ds), maxRelated))
	for _, h := range ds[:min(len(ds), maxRelated)] {
		related = append(related, span(h))
	}
	for _, h := range vs {
		s := span(h)
		msg := pairMessage(s.Text, len(vs), "is another name for", dText, len(ds), "; keep one name")
		f := x.finding(&x.mentions[h.first], "alias", SeverityInfo, 0.25, msg, dText, related)
		f.End, f.Text = s.End, s.Text
		r.Findings = append(r.Findings, f)
	}
}

// aliasExplained reports whether the text says it uses an old name on
// purpose: "then-Zaire", "formerly Bombay", "the former Burma", "known as"
// before mentions[first:end], or "Zaire, now Congo", "Zaire (now Congo)",
// "Zaire in what is now Congo" after them.
func (x *nameIndex) aliasExplained(first, end int) bool {
	toks := x.d.Tokens
	k := x.mentions[end-1].last
	for n := 0; n < 4 && k < len(toks); n, k = n+1, k+1 {
		if n > 0 && (toks[k].Lower == "now" || toks[k].Lower == "today") { // not "Kiev now has
			return true
		}
		if toks[k].Kind == Word && !hasEnding([]string{"in", "what", "is", "was", "called", "known", "as"}, toks[k].Lower) {
			break
		}
	}
	k = x.mentions[first].first - 1
	if k >= 0 && toks[k].Lower == "-" {
		k--
	}
	if k >= 0 && toks[k].Kind == Punct && k > 0 { // "formerly, Bombay"
		k--
	}
	if k < 0 || toks[k].Kind != Word {
		return false
	}
	if renamingWords.has(toks[k].Lower) {
		return true
	}
	return toks[k].Lower == "as" && k > 0 && (toks[k-1].Lower == "known" || toks[k-1].Lower == "named")
}

// renamingWords before a former name explain it ("Astana, then Nur-Sultan").
var renamingWords = newWordSet("then|formerly|former|once|old|renamed|named|called|became|previously|originally")

// aliasInLongerName reports whether mentions[first:end] stand beside
// another capitalised word of the same phrase that is not a title or
// common word ("Tom Holland", "Holland America").
func (x *nameIndex) aliasInLongerName(first, end int) bool {
	ms := x.mentions
	if first > 0 && ms[first-1].phrase == ms[first].phrase && !x.spellings[ms[first-1].spelling].skip {
		return true
	}
	return end < len(ms) && ms[end].phrase == ms[first].phrase && !x.spellings[ms[end].spelling].skip
}

// The clustering compares a spelling only with the spellings that share
// an exact piece with it (the pigeonhole principle behind PassJoin): when
// two spellings with the same first letter are at most K Levenshtein
// edits apart, and the rest of one is cut into K+1 pieces, at least one
// piece appears unchanged in the rest of the other, shifted by at most K
// runes. Each dominant candidate is indexed under its pieces; a variant
// looks up its substrings at those places. The work grows with the number
// of distinct spellings times a small constant, never with its square.

// closeIndex finds the spellings that can be within the name threshold
// of a given spelling.
type closeIndex struct {
	// slots are a hash table of the pieceKeys of the pieces (open
	// addressing, a power of two long, at most half full); each entry
	// holds a spelling and the next entry of its key (+1, 0: end).
	slots   []pieceSlot
	entries []closeEntry
}

// pieceSlot holds a pieceKey and the first entry (+1) of its list; head
// 0 is an empty slot.
type pieceSlot struct {
	key  uint64
	head int32
}

// slot returns where key k is, or where it goes.
func (ix *closeIndex) slot(k uint64) *pieceSlot {
	mask := uint64(len(ix.slots) - 1)
	i := slot(k, mask)
	for ix.slots[i].head != 0 && ix.slots[i].key != k {
		i = (i + 1) & mask
	}
	return &ix.slots[i]
}

// pieceKey hashes piece number p of a spelling of n runes whose folded form
// starts with first. Different pieces can share a key, rarely: the
// spellings found then are checked like any other.
func pieceKey(first rune, n, p int, piece []rune) uint64 {
	h := (fnvOffset ^ uint64(first)) * fnvPrime
	h = (h ^ uint64(n)<<8 ^ uint64(p)) * fnvPrime
	for _, r := range piece {
		h = (h ^ uint64(r)) * fnvPrime
	}
	return h
}

type closeEntry struct{ spelling, next int32 }

// levBound is the largest plain Levenshtein distance of two spellings
// whose nameDistance is at most k (a transposition counts one for
// nameDistance, two for Levenshtein).
//
//go:noinline
func levBound(k int) int {
	if k == 1 {
		return 2
	}
	return k
}

// pieceCount is how many pieces the rest of a spelling of n runes is cut
// into: one more than the largest Levenshtein distance it may have to any
// spelling it can be paired with (at most 3 runes longer).
//
//go:noinline
func pieceCount(n int) int { return levBound(nameThreshold(n+3)) + 1 }

// piece returns the rune range [from, to) of piece i of m in a spelling
// of n runes; the first rune is left out (it is compared separately).
//
//go:noinline
func piece(n, m, i int) (from, to int) {
	t := n - 1
	return 1 + i*t/m, 1 + (i+1)*t/m
}

// closeIndex indexes the spellings that can be a dominant spelling: names
// of at least minVariantRunes runes. It also sets every spelling's runes.
func (x *nameIndex) closeIndex() *closeIndex {
	total := 0
	for i := range x.spellings {
		total += x.spellings[i].runes
	}
	all, pieces := make([]rune, 0, total), 0
	for i := range x.spellings {
		s := &x.spellings[i]
		if x.isName(s) && s.runes >= minVariantRunes {
			pieces += pieceCount(s.runes)
		}
		from := len(all)
		s.letters = 0
		for _, r := range s.key {
			all = append(all, r)
			s.letters |= letterBit(r)
		}
		s.rs = all[from:len(all):len(all)]
	}
	size := 16
	for size < 2*pieces {
		size *= 2
	}
	ix := &closeIndex{entries: make([]closeEntry, 0, pieces)}
	if b := x.d.scratch; b != nil && cap(b.names.slots) >= size { // zero (giveBack)
		ix.slots, b.names.slots = b.names.slots[:size], nil
	} else {
		ix.slots = make([]pieceSlot, size)
	}
	for i := range x.spellings {
		s := &x.spellings[i]
		if !x.isName(s) || s.runes < minVariantRunes {
			continue
		}
		n := len(s.rs)
		m := pieceCount(n)
		for p := 0; p < m; p++ {
			from, to := piece(n, m, p)
			k := pieceKey(s.first, n, p, s.rs[from:to])
			sl := ix.slot(k)
			ix.entries = append(ix.entries, closeEntry{int32(i), sl.head})
			sl.key, sl.head = k, int32(len(ix.entries))
		}
	}
	return ix
}

// candidates calls fn with every indexed spelling that has v's first
// letter, a length within 3 runes of v's and a piece found in v where
// the pigeonhole principle puts it; some more than once, v itself too,
// and rarely (when two pieces share a pieceKey) another spelling.
// Only the shifts the first unchanged piece can have are looked up.
func (ix *closeIndex) candidates(v *spelling, fn func(int32)) {
	nv := len(v.rs)
	for n := max(minVariantRunes, nv-3); n <= nv+3; n++ {
		k := nameThreshold(max(n, nv))
		if k == 0 || max(n-nv, nv-n) > k {
			continue
		}
		lb := levBound(k)
		m := pieceCount(n)
		for p := 0; p < m; p++ {
			from, to := piece(n, m, p)
			for q := max(1, from-lb); q <= from+lb && q+to-from <= nv; q++ {
				// if p is the first piece found unchanged, each piece
				// before it holds an edit, and the edits before it and
				// after it account for the shifts at both of its ends
				if sh, rest := q-from, nv-n-(q-from); max(p, sh, -sh)+max(rest, -rest) > lb {
					continue
				}
				for e := ix.slot(pieceKey(v.first, n, p, v.rs[q:q+to-from])).head; e > 0; e = ix.entries[e-1].next {
					fn(ix.entries[e-1].spelling)
				}
			}
		}
	}
}
