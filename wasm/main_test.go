//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
	"testing"

	"github.com/plumbline/plumbline/analysis"
)

// The tests start main's API (without blocking) and call it the way
// JavaScript does, through js.Global().
func TestMain(m *testing.M) {
	js.Global().Set("plumbline", newAPI())
	m.Run()
}

func analyze(text string, opts any) js.Value {
	return js.Global().Get("plumbline").Call("analyze", text, opts)
}

func isError(v js.Value) bool { return v.InstanceOf(jsError) }

// findByText returns the first finding whose text is want.
func findByText(t *testing.T, rep js.Value, want string) js.Value {
	t.Helper()
	fs := rep.Get("findings")
	for i := 0; i < fs.Length(); i++ {
		if fs.Index(i).Get("text").String() == want {
			return fs.Index(i)
		}
	}
	t.Fatalf("no finding with text %q", want)
	return js.Undefined()
}

func TestAnalyzeOffsetsAreUTF16(t *testing.T) {
	text := "Café 😀 naïve: at the protest the militants caused chaos, perhaps."
	rep := analyze(text, js.Undefined())
	if isError(rep) {
		t.Fatalf("error: %s", rep.Get("message").String())
	}
	jsText := js.Global().Get("String").New(text) // a String object, so that .slice can be called
	for _, word := range []string{"militants", "chaos", "perhaps"} {
		f := findByText(t, rep, word)
		start, end := f.Get("start").Int(), f.Get("end").Int()
		// the JS string sliced at the offsets is the finding's text
		if got := jsText.Call("slice", start, end).String(); got != word {
			t.Errorf("text.slice(%d, %d) = %q, want %q", start, end, got, word)
		}
		if byteStart := strings.Index(text, word); start == byteStart {
			t.Errorf("%q: start %d is the byte offset, want UTF-16", word, start)
		}
	}
	if got, want := rep.Get("stats").Get("length").Int(), jsText.Length(); got != want {
		t.Errorf("stats.length = %d, want %d", got, want)
	}
	if got := rep.Get("stats").Get("bytes").Int(); got != len(text) {
		t.Errorf("stats.bytes = %d, want %d", got, len(text))
	}
	// sentences travel packed: [start, end, score] triples (web/runtime.js expands them)
	s := rep.Get("sentences")
	if s.Get("length").Int() != 3 || s.Index(0).Int() != 0 || s.Index(1).Int() != jsText.Length() || s.Index(2).Float() <= 0 {
		t.Errorf("packed sentence = [%v %v %v] (length %d), want [0 %d >0]", s.Index(0), s.Index(1), s.Index(2), s.Get("length").Int(), jsText.Length())
	}
}

func TestAnalyzeReportShape(t *testing.T) {
	rep := analyze("Sources said the rogue regime used a huge flock of hyenas. It was reported that perhaps 17 died.", map[string]any{})
	if isError(rep) {
		t.Fatalf("error: %s", rep.Get("message").String())
	}
	if v := rep.Get("version").Int(); v != 1 {
		t.Errorf("version = %d", v)
	}
	for _, k := range []string{"stats", "scores", "sentences", "quantities", "findings", "summary"} {
		if rep.Get(k).IsUndefined() {
			t.Errorf("report has no %q", k)
		}
	}
	f := findByText(t, rep, "huge flock of hyenas")
	for k, want := range map[string]string{"kind": "loaded", "category": "dehumanizing-metaphor", "severity": "warning", "suggestion": "large group"} {
		if got := f.Get(k).String(); got != want {
			t.Errorf("finding.%s = %q, want %q", k, got, want)
		}
	}
	if !isArrayValue(f.Get("related")) {
		t.Errorf("finding.related is not an array")
	}
	sum := rep.Get("summary")
	if sum.Get("byKind").Get("loaded").Int() < 2 || sum.Get("anonymousSources").Int() < 1 || sum.Get("verdict").String() == "" {
		t.Errorf("summary = byKind.loaded %v, anonymousSources %v, verdict %q",
			sum.Get("byKind").Get("loaded"), sum.Get("anonymousSources"), sum.Get("verdict").String())
	}
	if sum.Get("hedgedSentences").Int() < 1 || sum.Get("hedgesPerSentence").Float() <= 0 {
		t.Errorf("summary hedgedSentences %v, hedgesPerSentence %v", sum.Get("hedgedSentences"), sum.Get("hedgesPerSentence"))
	}
	if rep.Get("scores").Get("overall").Float() <= 0 {
		t.Errorf("overall score = %v, want > 0", rep.Get("scores").Get("overall"))
	}
}

func isArrayValue(v js.Value) bool { return jsArray.Call("isArray", v).Bool() }

func TestAnalyzeOptions(t *testing.T) {
	text := "The militants, perhaps hundreds, clearly bungled it and caused chaos, a blunder."
	rep := analyze(text, map[string]any{"kinds": []any{"hedge"}})
	fs := rep.Get("findings")
	if fs.Length() == 0 {
		t.Errorf("kinds [hedge]: no findings")
	}
	for i := 0; i < fs.Length(); i++ {
		if k := fs.Index(i).Get("kind").String(); k != "hedge" {
			t.Errorf("kinds [hedge]: finding %d has kind %q", i, k)
		}
	}
	lex := []any{
		map[string]any{"term": "bungle", "category": "emotive", "message": "emotive verb", "suggestion": "mishandled"},
		map[string]any{"term": "blunder", "category": "emotive", "message": "emotive noun", "context": "near:election"},
		map[string]any{"term": "chaos", "kind": "loaded", "disable": true},
	}
	rep = analyze(text, map[string]any{"lexicon": lex})
	if isError(rep) {
		t.Fatalf("lexicon: %s", rep.Get("message").String())
	}
	for i := 0; i < rep.Get("findings").Length(); i++ {
		if rep.Get("findings").Index(i).Get("text").String() == "blunder" {
			t.Errorf("context entry fired without its context")
		}
	}
	if f := findByText(t, rep, "bungled"); f.Get("suggestion").String() != "mishandled" {
		t.Errorf("user entry suggestion = %v", f.Get("suggestion"))
	}
	fs = rep.Get("findings")
	for i := 0; i < fs.Length(); i++ {
		if fs.Index(i).Get("text").String() == "chaos" {
			t.Errorf("disabled entry chaos still found")
		}
	}
	rep = analyze(text, map[string]any{"minSeverity": "error"})
	if n := rep.Get("findings").Length(); n != 0 {
		t.Errorf("minSeverity error: %d findings, want 0", n)
	}
}

func TestAnalyzeBadInputReturnsError(t *testing.T) {
	tests := []struct {
		name string
		args []any
		want string // in the message
	}{
		{"no text", []any{}, "first argument must be a string"},
		{"text not a string", []any{42}, "first argument must be a string"},
		{"too large", []any{"hello world", map[string]any{"maxBytes": 5}}, "at most 5 bytes"},
		{"unknown option", []any{"x", map[string]any{"kind": []any{"loaded"}}}, `unknown option "kind"`},
		{"kinds not an array", []any{"x", map[string]any{"kinds": "loaded"}}, "options.kinds must be an array"},
		{"bad severity", []any{"x", map[string]any{"minSeverity": "fatal"}}, "not one of info, warning, error"},
		{"bad maxBytes", []any{"x", map[string]any{"maxBytes": -1}}, "options.maxBytes"},
		{"options not an object", []any{"x", "loaded"}, "options must be an object"},
		{"lexicon entry without message", []any{"x", map[string]any{"lexicon": []any{map[string]any{"term": "foo", "category": "c"}}}},
			`options.lexicon[0] (term "foo"): empty message`},
		{"lexicon bad kind", []any{"x", map[string]any{"lexicon": []any{map[string]any{"term": "foo", "kind": "rude", "category": "c", "message": "m"}}}},
			`kind "rude" is not one of`},
		{"lexicon unknown field", []any{"x", map[string]any{"lexicon": []any{map[string]any{"term": "foo", "colour": "red"}}}},
			`unknown field "colour"`},
		{"lexicon disable missing", []any{"x", map[string]any{"lexicon": []any{map[string]any{"term": "nothing here", "disable": true}}}},
			"cannot disable"},
		{"lexicon not an array", []any{"x", map[string]any{"lexicon": map[string]any{}}}, "options.lexicon must be an array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := js.Global().Get("plumbline").Call("analyze", tt.args...)
			if !isError(v) {
				t.Fatalf("got %v, want an Error", v)
			}
			if msg := v.Get("message").String(); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q does not contain %q", msg, tt.want)
			}
		})
	}
}

// The runtime stays alive: many calls in a row, good and bad mixed, give
// the same report for the same text.
func TestAnalyzeRepeatedCalls(t *testing.T) {
	text := strings.Repeat("Reportedly, the regime's thugs caused chaos in the café 😀. ", 50)
	first := analyze(text, nil)
	n := first.Get("findings").Length()
	if n == 0 {
		t.Fatal("no findings")
	}
	for i := 0; i < 30; i++ {
		if i%3 == 0 {
			if v := analyze(text, map[string]any{"maxBytes": 10}); !isError(v) {
				t.Fatalf("call %d: want an Error", i)
			}
			continue
		}
		rep := analyze(text, nil)
		if got := rep.Get("findings").Length(); got != n {
			t.Fatalf("call %d: %d findings, want %d", i, got, n)
		}
		last := rep.Get("findings").Index(n - 1)
		if want := first.Get("findings").Index(n - 1).Get("start").Int(); last.Get("start").Int() != want {
			t.Fatalf("call %d: last start %d, want %d", i, last.Get("start").Int(), want)
		}
	}
}

// benchText is ~5 KB of news-like text with findings of every lexicon kind.
var benchText = strings.Repeat("Officials said the regime's militants, perhaps hundreds, clearly caused chaos downtown. "+
	"It was reported that the so-called reforms failed, and sources said the café 😀 was closed. ", 28)[:5000]

func BenchmarkAnalyzeOnly(b *testing.B) {
	for b.Loop() {
		analysis.Analyze(benchText, analysis.Options{})
	}
}

func BenchmarkReportValue(b *testing.B) {
	rep := analysis.Analyze(benchText, analysis.Options{})
	b.ReportMetric(float64(len(rep.Findings)), "findings")
	for _, packed := range []bool{false, true} {
		name := "objects"
		if packed {
			name = "packed"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				reportValue(benchText, &rep, packed)
			}
		})
	}
}

func BenchmarkAnalyzeJS(b *testing.B) {
	for b.Loop() {
		analyze(benchText, nil)
	}
}
