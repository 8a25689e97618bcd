package analysis

import (
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func tokenTexts(text string, toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = text[t.Start:t.End]
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"words and punctuation", "Hello, world!", []string{"Hello", ",", "world", "!"}},
		{"decimal and thousands", "It rose 3.5% to 200,000.", []string{"It", "rose", "3.5", "%", "to", "200,000", "."}},
		{"acronym with dots", "the U.S. army", []string{"the", "U.S.", "army"}},
		{"lower-case acronym", "e.g. this", []string{"e.g.", "this"}},
		{"possessive split", "Tokayev's plan", []string{"Tokayev", "'s", "plan"}},
		{"curly possessive", "Tokayev’s plan", []string{"Tokayev", "’s", "plan"}},
		{"contraction kept", "don't go", []string{"don't", "go"}},
		{"hyphenated", "well-coordinated", []string{"well", "-", "coordinated"}},
		{"curly quotes", "“Stop,” he said", []string{"“", "Stop", ",", "”", "he", "said"}},
		{"non-ASCII letters", "Zürich naïve Алматы", []string{"Zürich", "naïve", "Алматы"}},
		{"emoji is a symbol", "hi 😀 there", []string{"hi", "😀", "there"}},
		{"digits then letters", "$3m", []string{"$", "3", "m"}},
		{"trailing period not in number", "in 2014.", []string{"in", "2014", "."}},
		{"invalid UTF-8 byte", "a\xffb", []string{"a", "\xff", "b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks, _ := Segment(tc.text)
			got := tokenTexts(tc.text, toks)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("tokens of %q = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTokenFields(t *testing.T) {
	text := "The U.S. Army’s “Militants” fled."
	toks, _ := Segment(text)
	NewStemmer().StemTokens(toks)
	want := []struct {
		text, lower, stem string
		kind              TokenKind
		quoted            bool
	}{
		{"The", "the", "the", Word, false},
		{"U.S.", "u.s.", "u.s.", Word, false},
		{"Army", "army", "armi", Word, false},
		{"’s", "'s", "'s", Punct, false},
		{"“", "“", "“", Punct, false},
		{"Militants", "militants", "milit", Word, true},
		{"”", "”", "”", Punct, false},
		{"fled", "fled", "fled", Word, false},
		{".", ".", ".", Punct, false},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(toks), tokenTexts(text, toks), len(want))
	}
	for i, w := range want {
		tk := toks[i]
		if got := text[tk.Start:tk.End]; got != w.text || tk.Lower != w.lower || tk.Stem != w.stem || tk.Kind != w.kind || tk.Quoted != w.quoted {
			t.Errorf("token %d = {%q %q %q kind %d quoted %v}, want %+v", i, got, tk.Lower, tk.Stem, tk.Kind, tk.Quoted, w)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"two sentences", "It rained. Then it stopped.", []string{"It rained.", "Then it stopped."}},
		{"title abbreviation", "Mr. Smith met Dr. Jones. They spoke.", []string{"Mr. Smith met Dr. Jones.", "They spoke."}},
		{"dotted acronym mid-sentence", "The U.S. Army left. It was late.", []string{"The U.S. Army left.", "It was late."}},
		{"acronym ends sentence", "He moved to the U.S. The move was hard.", []string{"He moved to the U.S.", "The move was hard."}},
		{"decimal", "It grew 3.5 percent. Prices fell.", []string{"It grew 3.5 percent.", "Prices fell."}},
		{"initial", "J. K. Rowling wrote it. Fans cheered.", []string{"J. K. Rowling wrote it.", "Fans cheered."}},
		{"closing quote stays", "He said: “We won.” Then he left.", []string{"He said: “We won.”", "Then he left."}},
		{"question and exclamation", "Why? Because! Yes.", []string{"Why?", "Because!", "Yes."}},
		{"exclamation inside quote then lower case", "“Stop!” he said.", []string{"“Stop!” he said."}},
		{"headline line", "Riots spread\n\nThe city was calm.", []string{"Riots spread", "The city was calm."}},
		{"single newline before capital", "Headline here\nThe text starts.", []string{"Headline here", "The text starts."}},
		{"hard wrap kept", "the riots in\nthe country ended.", []string{"the riots in\nthe country ended."}},
		{"month abbreviation", "On Jan. 5 it snowed. Roads closed.", []string{"On Jan. 5 it snowed.", "Roads closed."}},
		{"ellipsis", "Wait… Nothing.", []string{"Wait…", "Nothing."}},
		{"non-ASCII start", "Он пришёл. Éric left.", []string{"Он пришёл.", "Éric left."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, sents := Segment(tc.text)
			var got []string
			for _, s := range sents {
				got = append(got, tc.text[s.Start:s.End])
			}
			if strings.Join(got, "¦") != strings.Join(tc.want, "¦") {
				t.Errorf("sentences of %q = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestQuotesResetAtParagraph(t *testing.T) {
	text := "He said \"this is open.\n\nNext paragraph terrorists here."
	toks, _ := Segment(text)
	for _, tk := range toks {
		if text[tk.Start:tk.End] == "terrorists" && tk.Quoted {
			t.Errorf("an unclosed quotation leaked into the next paragraph")
		}
		if text[tk.Start:tk.End] == "open" && !tk.Quoted {
			t.Errorf("token inside the open quotation is not marked quoted")
		}
	}
}

// checkSegmentInvariants asserts what every caller relies on.
func checkSegmentInvariants(t *testing.T, text string, toks []Token, sents []Sentence) {
	t.Helper()
	prevEnd := 0
	for i, tk := range toks {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or outside the text (len %d)", i, tk.Start, tk.End, len(text))
		}
		if !boundary(text, tk.Start) || !boundary(text, tk.End) {
			t.Fatalf("token %d [%d,%d) splits a rune", i, tk.Start, tk.End)
		}
		if tk.Sentence < 0 || tk.Sentence >= len(sents) {
			t.Fatalf("token %d has sentence %d of %d", i, tk.Sentence, len(sents))
		}
		prevEnd = tk.End
	}
	next := 0
	for i, s := range sents {
		if s.FirstToken != next || s.EndToken <= s.FirstToken || s.Start != toks[s.FirstToken].Start || s.End != toks[s.EndToken-1].End {
			t.Fatalf("sentence %d %+v does not tile the tokens", i, s)
		}
		next = s.EndToken
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || utf8.RuneStart(s[i]) || !utf8.ValidString(s)
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"", "Mr. Smith paid $3.5m. “Yes!” he said.", "U.S.A. e.g. i.e.", "a\xffb\xc3", "Tokayev's ’s '", "\n\n\n", "3.5.6,7", "😀😀 Алматы"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks, sents := Segment(text)
		checkSegmentInvariants(t, text, toks, sents)
	})
}

func BenchmarkSegment(b *testing.B) {
	text := strings.Repeat("Mr. Smith said the 3.5% rise was “well-coordinated”. Militants, perhaps hundreds, fled to Zürich. ", 1000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Segment(text)
	}
}

// BenchmarkSegmentStemmedCorpus segments 1 MiB of news as Analyze does: with
// a warm stemmer (its words already known) and a reused token buffer.
func BenchmarkSegmentStemmedCorpus(b *testing.B) {
	text := corpusText(b, 1<<20)
	s := NewStemmer()
	s.tokens, s.sentences = segment(text, s)
	runtime.GC() // under wasm a collection left marking would slow every pointer write
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.tokens, s.sentences = segment(text, s)
	}
}

func TestNonWordBytes(t *testing.T) {
	for b := 0; b < 256; b++ {
		for pos := 0; pos < 8; pos++ {
			chunk := []byte("aZ09zA9a")
			chunk[pos] = byte(b)
			c := load64(string(chunk), 0)
			want := uint64(0)
			if !isWordByte(byte(b)) {
				want = 0x80 << (8 * pos)
			}
			if got := nonWordBytes(c); got != want {
				t.Fatalf("nonWordBytes(%q) = %#x, want %#x", chunk, got, want)
			}
		}
	}
	if got := nonWordBytes(load64(" a-\xff'Z.\x00", 0)); got != 0x8080008080800080 {
		t.Errorf("nonWordBytes of mixed bytes = %#x", got)
	}
}

func TestRuneClass(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := uint8(asciiPunct)
		switch {
		case unicode.IsSpace(r):
			want = asciiSpace
		case isWordRune(r):
			want = asciiLetter
		case unicode.IsDigit(r):
			want = asciiDigit
		}
		if got := runeClass(r); got != want {
			t.Fatalf("runeClass(%U) = %d, want %d", r, got, want)
		}
		if r < utf8.RuneSelf && asciiClass[r] != want {
			t.Fatalf("asciiClass[%q] = %d, want %d", r, asciiClass[r], want)
		}
	}
}

func TestNormalize(t *testing.T) {
	reference := func(s string) string { return strings.ReplaceAll(strings.ToLower(s), "’", "'") }
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if s := string(r); normalize(s) != reference(s) {
			t.Fatalf("normalize(%q) = %q, want %q", s, normalize(s), reference(s))
		}
	}
	for _, s := range []string{"", "abc", "ABC", "’s", "’S", "’", "'s", "don’t", "DON’T", "Zürich", "…", "“", "\xe2\x80", "\xe2\x80\xc0", "\xe2\x80\x41", "\xe2\x80\x7f", "a\xffB"} {
		if got, want := normalize(s), reference(s); got != want {
			t.Errorf("normalize(%q) = %q, want %q", s, got, want)
		}
	}
}
