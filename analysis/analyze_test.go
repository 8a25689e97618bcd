package analysis

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// testLexicon is a small lexicon independent of the built-in data.
func testLexicon(t testing.TB) *Lexicon {
	t.Helper()
	lex, err := NewLexicon([]Entry{
		{Term: "terrorist", Kind: KindLoaded, Category: "label", Weight: 2, Message: "label"},
		{Term: "well-coordinated", Kind: KindLoaded, Category: "glorifying", Weight: 1, Message: "praise"},
		{Term: "flock|pack of hyenas|wolves", Kind: KindLoaded, Category: "dehumanizing", Weight: 3, Message: "animals"},
		{Term: "act? of aggression", Kind: KindLoaded, Category: "label", Weight: 2, Message: "verdict"},
		{Term: "attack", Kind: KindLoaded, Category: "label", Weight: 1, Message: "attack"},
		{Term: "heart attack", Kind: KindIgnore},
		{Term: "=may", Kind: KindHedge, Category: "hedge", Weight: 1, Message: "modal"},
		{Term: "it was * reported", Kind: KindAttribution, Category: "anonymous", Weight: 2, Message: "who?"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestFindSmallLexicon(t *testing.T) {
	lex := testLexicon(t)
	tests := []struct {
		text string
		want []string // matched texts, in order
	}{
		{"Terrorists and a terrorist.", []string{"Terrorists", "terrorist"}},
		{"a well-coordinated and well coordinated plan", []string{"well-coordinated", "well coordinated"}},
		{"a pack of wolves, a flock of hyenas", []string{"pack of wolves", "flock of hyenas"}},
		{"acts of aggression; of aggression", []string{"acts of aggression", "of aggression"}},
		{"a heart attack, then an attack", []string{"attack"}},
		{"it was widely reported", []string{"it was widely reported"}},
		{"it was reported", nil},  // "*" needs one word
		{"flock, of hyenas", nil}, // phrases do not cross punctuation
		{"Maybe it may rain", []string{"may"}},
	}
	for _, tc := range tests {
		toks, _ := Segment(tc.text)
		NewStemmer().StemTokens(toks)
		var got []string
		for _, m := range lex.Find(tc.text, toks) {
			got = append(got, tc.text[m.Start:m.End])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Find(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestAnalyzeReport(t *testing.T) {
	text := "Officials said terrorists attacked. “The terrorists fled,” he said."
	rep := Analyze(text, Options{Lexicon: testLexicon(t)})
	if rep.Version != ReportVersion || rep.Error != "" {
		t.Fatalf("version %d error %q", rep.Version, rep.Error)
	}
	if rep.Stats.Sentences != 2 || rep.Stats.Bytes != len(text) {
		t.Errorf("stats = %+v", rep.Stats)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Text+"/"+f.Severity)
	}
	// "attacked" stems to "attack": it is matched too
	want := []string{"terrorists/warning", "attacked/warning", "terrorists/info"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
	if rep.Findings[2].Sentence != 1 || !rep.Findings[2].Quoted {
		t.Errorf("quoted finding = %+v", rep.Findings[2])
	}
	if rep.Scores.Loaded <= 0 || rep.Sentences[0].Score <= rep.Sentences[1].Score {
		t.Errorf("scores %+v, sentences %+v: the author's own words should score higher than quoted ones", rep.Scores, rep.Sentences)
	}
}

func TestAnalyzeOptions(t *testing.T) {
	lex := testLexicon(t)
	text := "A terrorist may attack."
	only := Analyze(text, Options{Lexicon: lex, Kinds: []string{KindHedge}})
	if len(only.Findings) != 1 || only.Findings[0].Kind != KindHedge {
		t.Errorf("Kinds filter: %+v", only.Findings)
	}
	big := Analyze(strings.Repeat("a ", 100), Options{Lexicon: lex, MaxBytes: 50})
	if big.Error == "" || len(big.Findings) != 0 {
		t.Errorf("MaxBytes: error %q findings %d", big.Error, len(big.Findings))
	}
	warn := Analyze("“A terrorist fled the city,” he said. A terrorist.", Options{Lexicon: lex, MinSeverity: SeverityWarning})
	if len(warn.Findings) != 1 || warn.Findings[0].Quoted {
		t.Errorf("MinSeverity: %+v", warn.Findings)
	}
}

// checkReport asserts the report invariants of CONTRACT.md.
func checkReport(t *testing.T, text string, rep Report) {
	t.Helper()
	span := func(what string, start, end int, s string) {
		if start < 0 || end < start || end > len(text) {
			t.Fatalf("%s [%d,%d) outside the text (len %d)", what, start, end, len(text))
		}
		if text[start:end] != s {
			t.Fatalf("%s text %q != input[%d:%d] %q", what, s, start, end, text[start:end])
		}
		if utf8.ValidString(text) && (!utf8.RuneStart(text[min(start, len(text)-1)]) && start < len(text) || end < len(text) && !utf8.RuneStart(text[end])) {
			t.Fatalf("%s [%d,%d) splits a rune", what, start, end)
		}
	}
	for i, f := range rep.Findings {
		span("finding", f.Start, f.End, f.Text)
		for _, r := range f.Related {
			span("related", r.Start, r.End, r.Text)
		}
		if i > 0 && rep.Findings[i-1].Start > f.Start {
			t.Fatalf("findings not sorted at %d", i)
		}
		if severityRank(f.Severity) == 0 && f.Severity != SeverityInfo {
			t.Fatalf("unknown severity %q", f.Severity)
		}
	}
	for _, q := range rep.Quantities {
		for _, m := range q.Mentions {
			span("mention", m.Start, m.End, m.Text)
		}
	}
	for _, s := range rep.Sentences {
		span("sentence", s.Start, s.End, text[s.Start:s.End])
		if s.Score < 0 || s.Score > 100 {
			t.Fatalf("sentence score %v", s.Score)
		}
	}
	for _, v := range []float64{rep.Scores.Overall, rep.Scores.Loaded, rep.Scores.Hedging, rep.Scores.Numbers, rep.Scores.Names} {
		if !(v >= 0 && v <= 100) {
			t.Fatalf("score %v outside 0..100", v)
		}
	}
}

func TestAnalyzeSampleArticle(t *testing.T) {
	data, err := os.ReadFile("../../shared/examples/kazakhstan-riots-2022.txt")
	if err != nil {
		t.Skip("../shared is absent:", err)
	}
	text := string(data)
	rep := Analyze(text, Options{})
	checkReport(t, text, rep)
	if rep.Stats.Sentences < 30 || rep.Summary.ByKind[KindLoaded] == 0 || rep.Summary.ByKind[KindHedge] == 0 {
		t.Errorf("sample article: %+v", rep.Summary.ByKind)
	}
}

func TestAnalyzeDeterministic(t *testing.T) {
	text := strings.Repeat("Terrorists, perhaps hundreds, caused chaos in Almaty on May 5. ", 50)
	first := Analyze(text, Options{})
	for i := 0; i < 20; i++ {
		if again := Analyze(text, Options{}); !reflect.DeepEqual(first, again) {
			t.Fatalf("run %d differs", i)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"", "Mr. Smith said terrorists, perhaps 16 or 17, died on Monday, January 10, 2022.",
		"“It was reported” that 45% backed, 40% opposed and 30% were undecided.", "a\xffb\xc3 Kazakhstan Kazakstnan",
		"Prices rose from $80 to $100, an increase of 20 percent.", "😀 Алматы 3.5.6,7 U.S.A. e.g."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rep := Analyze(text, Options{})
		if rep.Error != "" {
			t.Fatalf("error on %d bytes: %s", len(text), rep.Error)
		}
		checkReport(t, text, rep)
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text := strings.Repeat("Mr. Smith said the 3.5% rise was “well-coordinated”. Militants, perhaps hundreds, fled to Zürich on Monday. ", 1000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Analyze(text, Options{})
	}
}
