package analysis

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// plainTokens is the reference: Segment, then a fresh Stemmer.
func plainTokens(text string) ([]Token, []Sentence) {
	toks, sents := Segment(text)
	NewStemmer().StemTokens(toks)
	return toks, sents
}

// checkSameTokens asserts that the fused path Analyze uses (tokenizer,
// lower-casing and stemming in one pass, shared stemmer, reused token
// buffer) gives the tokens of the reference path.
func checkSameTokens(t *testing.T, text string, got []Token, gotSents []Sentence) {
	t.Helper()
	want, wantSents := plainTokens(text)
	if len(got) != len(want) || len(gotSents) != len(wantSents) {
		t.Fatalf("%q: %d tokens %d sentences, want %d and %d", text, len(got), len(gotSents), len(want), len(wantSents))
	}
	for i := range want {
		g, w := got[i], want[i]
		g.word, w.word = 0, 0
		if g != w {
			t.Fatalf("%q: token %d = %+v, want %+v", text, i, g, w)
		}
	}
	for i := 1; i < len(got); i++ { // gap: what splitSentences and the quotation marking read of the white space
		between := text[got[i-1].End:got[i].Start]
		nl := min(strings.Count(between, "\n"), 2)
		if int(got[i].gap&3) != nl || (got[i].gap&gapBlankLine != 0) != strings.Contains(between, "\n\n") {
			t.Fatalf("%q: token %d gap %b for white space %q", text, i, got[i].gap, between)
		}
	}
	for i := range wantSents {
		if gotSents[i] != wantSents[i] {
			t.Fatalf("%q: sentence %d = %+v, want %+v", text, i, gotSents[i], wantSents[i])
		}
	}
}

var stemCases = []string{
	"", "Hello, world!", "The U.S. Army’s “Militants” fled.", "Tokayev's TOKAYEV’S plan; don't DON’T", "e.g. A.B.C. x.",
	"Zürich naïve Алматы ÉRIC éric", "supercalifragilisticexpialidociousness and pneumonoultramicroscopicsilicovolcanoconiosis", "a\xffb\xc3", "a \n\n b\r\n\r\nC\n \nD\u00a0\n\u2028\nE \n\n\n F", "3.5% of 200,000 ٣٤ people", "UPPER lower MiXeD 42abc ABC42",
	strings.Repeat("Supercalifragilisticexpialidociousnessandmoreletters ", 3) + "SUPERCALIFRAGILISTICEXPIALIDOCIOUSNESSANDMORE.",
	"Mr. Smith said the 3.5% rise was “well-coordinated”. Militants, perhaps hundreds, fled to Zürich on Monday.\n\nNext.",
}

func TestFusedTokensMatchSegment(t *testing.T) {
	s := NewStemmer()
	for _, text := range stemCases {
		toks, sents := segment(text, s) // one stemmer for all: its cache carries over
		checkSameTokens(t, text, toks, sents)
		s.tokens = toks // reused by the next case, as Analyze does
	}
	if data, err := os.ReadFile("../../shared/examples/kazakhstan-riots-2022.txt"); err == nil {
		toks, sents := segment(string(data), s)
		checkSameTokens(t, string(data), toks, sents)
	}
}

func TestWordNumbers(t *testing.T) {
	text := "The fire. the FIRE, The Fire fires"
	toks, _ := segment(text, NewStemmer())
	byLower := map[string]int32{}
	for _, tk := range toks {
		if tk.Kind != Word {
			continue
		}
		if tk.word == 0 {
			t.Fatalf("word %q has no number", tk.Lower)
		}
		if n, ok := byLower[tk.Lower]; ok && n != tk.word {
			t.Errorf("%q has numbers %d and %d", tk.Lower, n, tk.word)
		}
		byLower[tk.Lower] = tk.word
	}
	if len(byLower) != 3 {
		t.Errorf("distinct words %v, want the, fire, fires", byLower)
	}
}

func TestStemmerGrowsAndFinds(t *testing.T) {
	s := NewStemmer()
	words := make([]string, 20000) // several table growths
	for i := range words {
		words[i] = "w" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26))
	}
	for _, w := range words {
		s.Stem(w)
	}
	n := len(s.words)
	for _, w := range words {
		if got, want := s.Stem(w), stemWord(w); got != want {
			t.Fatalf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
	if len(s.words) != n {
		t.Errorf("looking words up again added %d words", len(s.words)-n)
	}
}

func FuzzFusedTokens(f *testing.F) {
	for _, s := range stemCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks, sents := segment(text, NewStemmer())
		checkSameTokens(t, text, toks, sents)
	})
}

// TestAnalyzeReusesState: the stemmer and token buffer Analyze keeps
// between calls must not change any report, whatever came before.
func TestAnalyzeReusesState(t *testing.T) {
	// names and numbers too: their checks keep buffers between calls
	long := strings.Repeat("Terrorists, perhaps hundreds, caused chaos in Almaty. “They fled,” officials said. Of the 50 delegates, 30 voted.\n\n", 300) +
		"Kowalczyk spoke. Kowalczyk left. Kowalcyzk returned."
	short := "The militants may have fled. It was reported that “terrorists” attacked. 40% agreed, 70% disagreed. Nowak, Nowak, Nowack."
	first := map[string]Report{}
	for _, text := range []string{long, short, long, short, short, long} {
		rep := Analyze(text, Options{})
		if prev, ok := first[text]; ok {
			if !reflect.DeepEqual(prev, rep) {
				t.Fatalf("report of a %d-byte text changed after other texts", len(text))
			}
			continue
		}
		first[text] = rep
		fresh := Report{}
		func() { // the same analysis with a stemmer and buffer of its own
			shared.Lock()
			defer shared.Unlock()
			fresh = Analyze(text, Options{})
		}()
		if !reflect.DeepEqual(fresh, rep) {
			t.Fatalf("report of a %d-byte text differs with a fresh stemmer", len(text))
		}
	}
}

// TestAnalyzeKeptMemoFollowsLexicon: the per-word memo of where a lexicon
// pattern may start, kept between calls, belongs to one lexicon; a call
// with another must not reuse it.
func TestAnalyzeKeptMemoFollowsLexicon(t *testing.T) {
	base, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	user, err := base.Extend([]Entry{{Term: "zorblat", Kind: KindLoaded, Category: "c", Weight: 1, Message: "m"},
		{Term: "chaos", Kind: KindLoaded, Disable: true}})
	if err != nil {
		t.Fatal(err)
	}
	text := "The zorblat caused chaos. A zorblat again."
	loaded := func(lex *Lexicon) string {
		var got []string
		for _, f := range Analyze(text, Options{Lexicon: lex, Kinds: []string{KindLoaded}}).Findings {
			got = append(got, f.Text)
		}
		return strings.Join(got, " ")
	}
	for i, tt := range []struct {
		lex  *Lexicon
		want string
	}{{base, "chaos"}, {user, "zorblat zorblat"}, {base, "chaos"}, {user, "zorblat zorblat"}} {
		if got := loaded(tt.lex); got != tt.want {
			t.Errorf("call %d: loaded findings %q, want %q", i, got, tt.want)
		}
	}
}

// TestAnalyzeConcurrent: calls that find the kept stemmer busy use their
// own, and every report is the one a lone call gives (run with -race).
func TestAnalyzeConcurrent(t *testing.T) {
	texts := []string{stemCases[2], stemCases[len(stemCases)-1], strings.Repeat(stemCases[3]+" ", 50)}
	want := make([]Report, len(texts))
	for i, text := range texts {
		want[i] = Analyze(text, Options{})
	}
	errs := make(chan string, 64)
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			for k := 0; k < 20; k++ {
				i := (g + k) % len(texts)
				if got := Analyze(texts[i], Options{}); !reflect.DeepEqual(got, want[i]) {
					errs <- texts[i]
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	close(errs)
	for text := range errs {
		t.Errorf("concurrent report of %q differs", text)
	}
}

func TestWordHashAndTail(t *testing.T) {
	tests := []struct {
		word string
		tail uint64
	}{
		{"", 0},
		{"a", 'a'},
		{"ab", 'a' | 'b'<<8},
		{"abcdefgh", 0x6867666564636261},
		{"abcdefghi", 'i'},
		{"abcdefghijklmnop", 0x706f6e6d6c6b6a69},
		{"abcdefghijklmnopqr", 'q' | 'r'<<8},
	}
	for _, tc := range tests {
		if got := wordTail(tc.word); got != tc.tail {
			t.Errorf("wordTail(%q) = %#x, want %#x", tc.word, got, tc.tail)
		}
		// the chunks, each xored in and multiplied
		h := uint64(hashSeed)
		for k := 0; k < len(tc.word); k += 8 {
			var c uint64
			for j := min(k+8, len(tc.word)) - 1; j >= k; j-- {
				c = c<<8 | uint64(tc.word[j])
			}
			h = (h ^ c) * hashMul
		}
		if got := wordHash(tc.word); got != h {
			t.Errorf("wordHash(%q) = %#x, want %#x", tc.word, got, h)
		}
	}
	if wordHash("abcdefgh") == wordHash("abcdefghi") || wordHash("a") == wordHash("b") {
		t.Error("different words hash alike")
	}
}

func TestIsLowerOf(t *testing.T) {
	tests := []struct {
		lower, raw string
		want       bool
	}{
		{"abcdefgH", "abcdefgx", true}, // the last chunk is not compared
		{"a1b2c3d4e5", "A1B2C3D4E5", true},
		{"a1b2c3d4e5", "A1B2C3D4E6", true},
		{"a1b2c3d4e5", "A1B2C3D5E5", false},
		{"a1b2c3d4e5", "B1B2C3D4E5", false},
		{"abcdefghijklmnop", "ABCDEFGHIJKLMNOP", true},
		{"abcdefghijklmnop", "ABCDEFGHIJKLMNOQ", true},
		{"abcdefghijklmnop", "ABCDEFGXIJKLMNOP", false},
		{"abcdefghijklmnopq", "ABCDEFGHIJKLMNOPQ", true},
		{"abcdefghijklmnopq", "ABCDEFGHIJKLMNOXQ", false},
		{"abcdefghijklmnopq", "XBCDEFGHIJKLMNOPQ", false},
		{"éabcdefgh", "\xc3\x89ABCDEFGH", false}, // never equal to non-ASCII bytes
	}
	for _, tc := range tests {
		if got := isLowerOf(tc.lower, tc.raw); got != tc.want {
			t.Errorf("isLowerOf(%q, %q) = %v, want %v", tc.lower, tc.raw, got, tc.want)
		}
	}
}

// TestStemmerHashCollisions: words stored under another word's hash (as a
// collision would) are told apart by their last chunk, length and bytes.
func TestStemmerHashCollisions(t *testing.T) {
	s := NewStemmer()
	for _, pair := range [][2]string{
		{"zebra", "zebras"}, {"zebrat", "zebras"}, // same hash, other length or bytes
		{"abcdefghij", "abcdefghik"}, {"abcdefghi", "abcdefghik"}, {"xbcdefghik", "abcdefghik"}, // same last chunk for xbcdefghik
		{"bbcdefghijklmnopq", "abcdefghijklmnopq"}, {"abcdefghijklmnopr", "abcdefghijklmnopq"},
	} {
		s.add(pair[0], wordHash(pair[1]))
	}
	text := "zebras Zebras ZEBRA abcdefghik ABCDEFGHIK Abcdefghij xbcdefghik abcdefghijklmnopq Bbcdefghijklmnopq"
	toks, sents := segment(text, s)
	checkSameTokens(t, text, toks, sents)
}
