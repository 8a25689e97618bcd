package analysis

import (
	"reflect"
	"strings"
	"testing"
)

// lexiconOf builds a lexicon of loaded entries (and ignore entries, written
// "ignore:term"), each with its term as category so tests can tell them
// apart; a term may carry a context after " @ ".
func lexiconOf(t testing.TB, terms ...string) *Lexicon {
	t.Helper()
	var entries []Entry
	for i, term := range terms {
		e := Entry{Kind: KindLoaded, Weight: 1, Message: "m", Source: "test:" + string(rune('a'+i))}
		if rest, ok := strings.CutPrefix(term, "ignore:"); ok {
			e.Kind, e.Weight, term = KindIgnore, 0, rest
		}
		term, e.Context, _ = strings.Cut(term, " @ ")
		e.Term, e.Category = term, term
		entries = append(entries, e)
	}
	lex, err := NewLexicon(entries)
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		terms []string
		text  string
		want  string // "matched text/term" for each match, in order
	}{
		{"stem matches inflections", []string{"terrorist"}, "Terrorists and a TERRORIST.",
			"terrorists/terrorist terrorist/terrorist"},
		{"stem of a noun", []string{"provocation"}, "any provocations", "provocations/provocation"},
		{"exact word does not stem", []string{"=lies"}, "He lies; it lied; lies.", "lies/=lies lies/=lies"},
		{"phrase by stem sequence", []string{"act of aggression"}, "such acts of aggression", "acts of aggression/act of aggression"},
		{"phrase needs its words in order", []string{"act of aggression"}, "aggression of acts", ""},
		{"punctuation breaks a phrase", []string{"rock the boat"}, "rock, the boat", ""},
		{"alternatives", []string{"flock|pack of hyenas|wolves"}, "a pack of wolves, a flock of hyenas",
			"pack of wolves/flock|pack of hyenas|wolves flock of hyenas/flock|pack of hyenas|wolves"},
		{"optional word, longest match", []string{"huge? flock of hyenas"}, "a huge flock of hyenas",
			"huge flock of hyenas/huge? flock of hyenas"},
		{"optional word absent", []string{"huge? flock of hyenas"}, "a flock of hyenas", "flock of hyenas/huge? flock of hyenas"},
		{"optional inside", []string{"crush the? protests"}, "crush protests, crushed the protests",
			"crush protests/crush the? protests crushed the protests/crush the? protests"},
		{"wildcard", []string{"war * terror"}, "the war on terror", "war on terror/war * terror"},
		{"hyphen or space", []string{"so-called"}, "so called and so-called", "so called/so-called so-called/so-called"},
		{"exact hyphenated word", []string{"=so-called"}, "so call off; so-called; So Called", "so-called/=so-called so called/=so-called"},
		{"spaced hyphen is not a joint", []string{"well-coordinated"}, "as well - coordinated", ""},
		{"non-breaking hyphen", []string{"well-coordinated"}, "well\u2011coordinated", "well\u2011coordinated/well-coordinated"},
		{"multi-word alternative", []string{"far-left|ultra-left activists"}, "ultra-left activists", "ultra-left activists/far-left|ultra-left activists"},
		{"curly apostrophe", []string{"coup d'etat"}, "a coup d’etat", "coup d’etat/coup d'etat"},
		{"case-insensitive exact", []string{"=illegals"}, "ILLEGALS", "illegals/=illegals"},
		{"longest overlapping match wins", []string{"attack", "attack from outside"}, "an attack from outside",
			"attack from outside/attack from outside"},
		{"a match does not end on a hyphen", []string{"well-prepared and? coordinated?"}, "well-prepared-", "well-prepared/well-prepared and? coordinated?"},
		{"ignore removes what it overlaps", []string{"attack", "ignore:heart attack"}, "a heart attack and an attack",
			"attack/attack"},
		{"near: holds in a neighbouring sentence", []string{"attack @ near:riot"}, "Riots began. It was an attack.",
			"attack/attack"},
		{"near: fails two sentences away", []string{"attack @ near:riot"}, "Riots began. Then calm. It was an attack.", ""},
		{"!near:", []string{"blast @ !near:bomb"}, "A bomb blast. Later.\n\nHe blasted critics.", "blasted/blast"},
		{"doc:", []string{"militant @ doc:protest"}, "Militants came.\n\nMuch later, protests.", "militants/militant"},
		{"doc: fails", []string{"militant @ doc:protest"}, "Militants came.", ""},
		{"prev:", []string{"animals @ prev:these|like"}, "farm animals; these animals; like animals",
			"animals/animals animals/animals"},
		{"!prev:", []string{"disaster @ !prev:natural"}, "a natural disaster, a disaster", "disaster/disaster"},
		{"next:", []string{"stain @ next:on"}, "a stain on him, a stain remover", "stain/stain"},
		{"!next:", []string{"toxic @ !next:waste"}, "toxic waste, toxic debate", "toxic/toxic"},
		{"numbers are tokens", []string{"gang of 8|eight"}, "the gang of 8", "gang of 8/gang of 8|eight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lex := lexiconOf(t, tt.terms...)
			tokens, _ := Segment(tt.text)
			NewStemmer().StemTokens(tokens)
			var got []string
			for _, m := range lex.Find(tt.text, tokens) {
				if tt.text[m.Start:m.End] != tt.text[tokens[m.First].Start:tokens[m.EndToken-1].End] {
					t.Errorf("match %+v: byte and token ranges disagree", m)
				}
				got = append(got, strings.ToLower(tt.text[m.Start:m.End])+"/"+m.Entry.Term)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("Find(%q)\n got %q\nwant %q", tt.text, g, tt.want)
			}
			// as Analyze finds: tokens with word numbers, whose keys the
			// scratch keeps between calls (a call with another lexicon
			// in between must not reuse them)
			s := NewStemmer()
			words, _ := segment(tt.text, s)
			other := lexiconOf(t, "zorblat")
			for _, l := range []*Lexicon{lex, other, lex} {
				var got []string
				for _, m := range l.find(words, &s.scratch) {
					got = append(got, strings.ToLower(tt.text[m.Start:m.End])+"/"+m.Entry.Term)
				}
				if g := strings.Join(got, " "); l == lex && g != tt.want {
					t.Errorf("find(%q) with word numbers\n got %q\nwant %q", tt.text, g, tt.want)
				}
			}
		})
	}
}

func TestKeyTableNumber(t *testing.T) {
	kt := newKeyTable()
	for _, tt := range []struct {
		key  string
		want int32
	}{
		{"terror", 1}, {"=terror", 2}, {"terror", 1}, {"", 0}, {"=lies", 3}, {"=terror", 2}, {"lie", 4},
	} {
		if got := kt.number(tt.key); got != tt.want {
			t.Errorf("number(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
	if len(kt.starts) != 5 {
		t.Errorf("%d start lists, want 5 (one per key and one for 0)", len(kt.starts))
	}
	var none *keyTable
	if got := none.number("terror"); got != 0 {
		t.Errorf("nil table: number = %d, want 0", got)
	}
}

func TestSortMatches(t *testing.T) {
	// Start, End and, to check stability, First as a label
	tests := []struct{ in, want [][3]int }{
		{nil, nil},
		{[][3]int{{0, 5, 1}}, [][3]int{{0, 5, 1}}},
		{[][3]int{{0, 3, 1}, {0, 9, 2}, {4, 6, 3}}, [][3]int{{0, 9, 2}, {0, 3, 1}, {4, 6, 3}}},
		{[][3]int{{2, 4, 1}, {2, 6, 2}, {2, 4, 3}, {2, 6, 4}}, [][3]int{{2, 6, 2}, {2, 6, 4}, {2, 4, 1}, {2, 4, 3}}},
		{[][3]int{{5, 6, 1}, {0, 1, 2}, {3, 9, 3}, {3, 4, 4}}, [][3]int{{0, 1, 2}, {3, 9, 3}, {3, 4, 4}, {5, 6, 1}}},
	}
	for _, tt := range tests {
		var ms []Match
		for _, m := range tt.in {
			ms = append(ms, Match{Start: m[0], End: m[1], First: m[2]})
		}
		sortMatches(ms)
		var got [][3]int
		for _, m := range ms {
			got = append(got, [3]int{m.Start, m.End, m.First})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("sortMatches(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestCompilePatternErrors(t *testing.T) {
	tests := []struct{ term, context, want string }{
		{"", "", "empty term"},
		{"* x", "", "a term cannot start with *"},
		{"a? b?", "", "every word of the term is optional"},
		{"a ... b", "", `term word "..." has no letters or digits`},
		{"a|-|b", "", `term word "-" has no letters or digits`},
		{"a b c d e f g h i j k l m", "", "term has more than 12 words"},
		{"a-b-c-d-e-f-g", "", `term word "a-b-c-d-e-f-g" has more than 6 parts`},
		{"x", "near", `context condition "near" is not near:, doc:, prev: or next: followed by words (a|b|c), optionally after !`},
		{"x", "close:y", `context condition "close:y" is not near:, doc:, prev: or next: followed by words (a|b|c), optionally after !`},
		{"x", "near:a b", `context condition "b" is not near:, doc:, prev: or next: followed by words (a|b|c), optionally after !`},
		{"x", "prev:two-words", `context word "two-words" in "prev:two-words" must be one word`},
		{"x", "next:a||b", `context word "" in "next:a||b" must be one word`},
	}
	for _, tt := range tests {
		e := Entry{Term: tt.term, Context: tt.context}
		_, err := compilePattern(&e, nil)
		if err == nil || err.Error() != tt.want {
			t.Errorf("compilePattern(%q, context %q): error %v, want %q", tt.term, tt.context, err, tt.want)
		}
	}
}

// FuzzLexiconTerm checks that no term or context makes compiling or
// matching panic, and that every match is a valid span of the text.
func FuzzLexiconTerm(f *testing.F) {
	f.Add("huge? flock|pack of hyenas", "", "a huge flock of hyenas")
	f.Add("so-called", "near:a|=b", "so-called a")
	f.Add("well-coordinated and? *", "!prev:x doc:y", "well\u2011coordinated and more, y")
	f.Add("a|b-c|=d? e", "next:e", "b-c e e")
	f.Fuzz(func(t *testing.T, term, context, text string) {
		lex, err := NewLexicon([]Entry{{Term: term, Kind: KindLoaded, Category: "c", Weight: 1, Message: "m", Context: context}})
		if err != nil {
			return
		}
		tokens, _ := Segment(text)
		NewStemmer().StemTokens(tokens)
		found := lex.Find(text, tokens)
		for _, m := range found {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || m.First >= m.EndToken {
				t.Fatalf("bad match %+v for %q in %q", m, term, text)
			}
		}
		// with word numbers and a kept memo, as Analyze finds, twice
		s := NewStemmer()
		words, _ := segment(text, s)
		for range 2 {
			if got := lex.find(words, &s.scratch); !reflect.DeepEqual(got, found) && len(got)+len(found) > 0 {
				t.Fatalf("find with word numbers: %+v, Find: %+v for %q in %q", got, found, term, text)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	lex, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	para := "Officials said the militants, perhaps hundreds, caused chaos during the protests on Monday. " +
		"The so-called experts called it a tragedy and a well-coordinated attack from outside, while the " +
		"minister praised the troops who acted swiftly and seamlessly. Prices rose by 3.5% in the region.\n\n"
	text := strings.Repeat(para, 200) // about 60 KB
	tokens, _ := Segment(text)
	NewStemmer().StemTokens(tokens)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lex.Find(text, tokens)
	}
}

// BenchmarkFindCorpus matches the built-in lexicon in 1 MiB of real news,
// with the scratch buffers and word memo kept between calls as Analyze
// keeps them.
func BenchmarkFindCorpus(b *testing.B) {
	text := corpusText(b, 1<<20)
	lex, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	s := NewStemmer()
	tokens, _ := segment(text, s)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.scratch.matches = lex.find(tokens, &s.scratch)
	}
}

func TestKeySet(t *testing.T) {
	set := keySet([]int32{0, 3, 64, 130})
	for _, c := range []struct {
		n    int32
		want bool
	}{{-2, false}, {-1, false}, {0, false}, {1, false}, {3, true}, {63, false}, {64, true}, {129, false}, {130, true}, {131, false}, {192, false}, {1000, false}} {
		if got := inSet(set, c.n); got != c.want {
			t.Errorf("inSet(%d) = %v, want %v", c.n, got, c.want)
		}
	}
}

func TestKeyTableMayHave(t *testing.T) {
	kt := newKeyTable()
	for _, k := range []string{"protest", "=9/11", "1917", "=2nd", "=g7"} {
		kt.number(k)
	}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", true}, {"protest", true}, {"riot", true}, {"g7", true}, {"٣", true}, // no ASCII digit first: looked up
		{"9/11", true}, {"9", false}, {"1917", true}, {"2nd", true}, // listed
		{"1918", false}, {"2", false}, {"19", false}, {"3.5", false}, {"1,000", false},
	} {
		if got := kt.mayHave(c.s); got != c.want {
			t.Errorf("mayHave(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
