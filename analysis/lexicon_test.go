package analysis

import (
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestBuiltinLoadedNoShadowedEntries catches entries that can never be
// reported on their own: two loaded entries whose patterns are the same
// after stemming ("disgrace" and "disgraced"), which would only duplicate
// findings.
func TestBuiltinLoadedNoShadowedEntries(t *testing.T) {
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, p := range lex.patterns {
		if p.entry.Kind != KindLoaded {
			continue
		}
		sig := patternSignature(p)
		if prev, dup := seen[sig]; dup {
			t.Errorf("%s (%q) has the same stemmed pattern as %s", p.entry.Source, p.entry.Term, prev)
			continue
		}
		seen[sig] = p.entry.Source + " (" + p.entry.Term + ")"
	}
	// one-word entries without context must not share a word either
	words := map[string]string{}
	for _, p := range lex.patterns {
		if p.entry.Kind != KindLoaded || len(p.elems) != 1 || p.entry.Context != "" {
			continue
		}
		for _, a := range p.elems[0].alts {
			k := strings.Join(a, "+")
			if prev, dup := words[k]; dup && prev != p.entry.Source {
				t.Errorf("%s (%q) and %s both match %q", p.entry.Source, p.entry.Term, prev, k)
			}
			words[k] = p.entry.Source
		}
	}
}

// patternSignature renders a compiled pattern and its context canonically.
func patternSignature(p *pattern) string {
	var b strings.Builder
	for _, el := range p.elems {
		var alts []string
		for _, a := range el.alts {
			alts = append(alts, strings.Join(a, "+"))
		}
		sort.Strings(alts)
		b.WriteString(strings.Join(alts, "|"))
		if el.optional {
			b.WriteString("?")
		}
		if el.any {
			b.WriteString("*")
		}
		b.WriteString(" ")
	}
	return b.String() + "\x00" + p.entry.Context
}

func TestParseTSV(t *testing.T) {
	entries, err := ParseTSV("x.tsv", "# comment\n\nloaded\tc\t1.5\tterm\tmsg\n"+
		"loaded\tc\t2\tterm two\tmsg\tsuggestion\r\n"+
		"loaded\tc\t1\tterm three\tmsg\t\tnear:a|b\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Kind: "loaded", Category: "c", Weight: 1.5, Term: "term", Message: "msg", Source: "x.tsv:3"},
		{Kind: "loaded", Category: "c", Weight: 2, Term: "term two", Message: "msg", Suggestion: "suggestion", Source: "x.tsv:4"},
		{Kind: "loaded", Category: "c", Weight: 1, Term: "term three", Message: "msg", Context: "near:a|b", Source: "x.tsv:5"},
	}
	if len(entries) != len(want) {
		t.Fatalf("got %d entries, want %d", len(entries), len(want))
	}
	for i := range want {
		if entries[i] != want[i] {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, entries[i], want[i])
		}
	}
	for _, bad := range []struct{ in, want string }{
		{"loaded\tc\t1\tterm", "lexicon x.tsv:1: want 5 to 7 tab-separated fields (kind, category, weight, term, message[, suggestion[, context]]), got 4"},
		{"\nloaded\tc\theavy\tterm\tmsg", `lexicon x.tsv:2: weight "heavy" is not a number`},
	} {
		if _, err := ParseTSV("x.tsv", bad.in); err == nil || err.Error() != bad.want {
			t.Errorf("ParseTSV(%q): error %v, want %q", bad.in, err, bad.want)
		}
	}
}

// TestExtend covers the path the JavaScript side takes: entries built as
// values, without a source, applied with Extend.
func TestExtend(t *testing.T) {
	base, err := NewLexicon([]Entry{
		{Term: "regime", Kind: KindLoaded, Category: "name-calling", Weight: 1, Message: "label", Source: "base:1"},
		{Term: "perhaps", Kind: KindHedge, Category: "hedge", Weight: 1, Message: "hedge", Source: "base:2"},
	})
	if err != nil {
		t.Fatal(err)
	}
	ok := func(term string) Entry {
		return Entry{Term: term, Kind: KindLoaded, Category: "c", Weight: 1, Message: "m"}
	}
	tests := []struct {
		name    string
		user    []Entry
		want    []string // "kind term category" of the result, in order
		wantErr string
	}{
		{"nothing", nil, []string{"loaded regime name-calling", "hedge perhaps hedge"}, ""},
		{"add", []Entry{ok("junta")}, []string{"loaded regime name-calling", "hedge perhaps hedge", "loaded junta c"}, ""},
		{"replace by kind and term, case and spaces ignored", []Entry{ok(" Regime ")},
			[]string{"loaded  Regime  c", "hedge perhaps hedge"}, ""},
		{"same term, other kind is another entry", []Entry{{Term: "perhaps", Kind: KindLoaded, Category: "c", Weight: 1, Message: "m"}},
			[]string{"loaded regime name-calling", "hedge perhaps hedge", "loaded perhaps c"}, ""},
		{"disable", []Entry{{Term: "regime", Kind: KindLoaded, Disable: true}}, []string{"hedge perhaps hedge"}, ""},
		{"disable then nothing left of that kind", []Entry{{Term: "perhaps", Kind: KindHedge, Disable: true}, {Term: "regime", Kind: KindLoaded, Disable: true}}, nil, ""},
		{"disable a missing entry", []Entry{{Term: "junta", Kind: KindLoaded, Disable: true}}, nil,
			`lexicon user entry 1 (term "junta"): cannot disable loaded "junta": no such entry`},
		{"disable needs the right kind", []Entry{{Term: "regime", Kind: KindHedge, Disable: true}}, nil,
			`lexicon user entry 1 (term "regime"): cannot disable hedge "regime": no such entry`},
		{"duplicate user entries", []Entry{ok("junta"), ok("Junta")}, nil,
			`lexicon user entry 2 (term "Junta"): duplicate of user entry 1 (term "junta") (loaded "Junta")`},
		{"empty term", []Entry{ok("x"), ok("")}, nil, `lexicon user entry 2 (term ""): empty term`},
		{"unknown kind", []Entry{{Term: "x", Kind: "spicy", Category: "c", Message: "m"}}, nil,
			`lexicon user entry 1 (term "x"): kind "spicy" is not one of loaded, hedge, booster, attribution, ignore`},
		{"NaN weight", []Entry{{Term: "x", Kind: KindLoaded, Category: "c", Message: "m", Weight: nan()}}, nil,
			`lexicon user entry 1 (term "x"): weight NaN is outside 0..5`},
		{"huge weight", []Entry{{Term: "x", Kind: KindLoaded, Category: "c", Message: "m", Weight: 1e300}}, nil,
			`lexicon user entry 1 (term "x"): weight ≥1e15 is outside 0..5`},
		{"negative weight", []Entry{{Term: "x", Kind: KindLoaded, Category: "c", Message: "m", Weight: -0.25}}, nil,
			`lexicon user entry 1 (term "x"): weight -0.25 is outside 0..5`},
		{"term too long", []Entry{ok(strings.Repeat("a", 501))}, nil,
			`lexicon user entry 1 (term "` + strings.Repeat("a", 501) + `"): term is 501 bytes; at most 500`},
		{"source kept", []Entry{{Term: "", Kind: KindLoaded, Source: "my.json:4 entry 2"}}, nil, `lexicon my.json:4 entry 2: empty term`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lex, err := base.Extend(tt.user)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Errorf("error\n got %v\nwant %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range lex.Entries() {
				got = append(got, e.Kind+" "+e.Term+" "+e.Category)
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("entries\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	if got := len(base.Entries()); got != 2 {
		t.Errorf("Extend changed its receiver: %d entries", got)
	}
	var nilLex *Lexicon
	if lex, err := nilLex.Extend([]Entry{ok("x")}); err != nil || len(lex.Entries()) != 1 {
		t.Errorf("nil lexicon Extend: %v", err)
	}
}

func nan() float64 { return math.NaN() }

// TestNewLexiconErrors covers the checks that apply to whole lexicons.
func TestNewLexiconErrors(t *testing.T) {
	e := Entry{Term: "x", Kind: KindLoaded, Category: "c", Weight: 1, Message: "m", Source: "a.tsv:1"}
	dup := e
	dup.Source = "a.tsv:2"
	dis := e
	dis.Disable = true
	for _, tt := range []struct {
		name    string
		entries []Entry
		want    string
	}{
		{"duplicate", []Entry{e, dup}, `lexicon a.tsv:2: duplicate of a.tsv:1 (loaded "x")`},
		{"disable outside Extend", []Entry{dis}, `lexicon a.tsv:1: disable is only allowed when extending a lexicon`},
		{"too many", make([]Entry, maxEntries+1), "lexicon: 20001 entries; at most 20000"},
	} {
		if _, err := NewLexicon(tt.entries); err == nil || err.Error() != tt.want {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// FuzzParseTSV checks that no TSV text makes loading a lexicon panic, and
// that every error names its source.
func FuzzParseTSV(f *testing.F) {
	f.Add("loaded\tc\t1\tterm\tmsg\n")
	f.Add("loaded\tc\t1.5\ta|b c? *\tmsg\tsugg\tnear:x !prev:=y\n# c\n\nignore\tn\t0\theart attack\tm")
	f.Add("hedge\th\tNaN\t=x\tm\r\n")
	f.Fuzz(func(t *testing.T, data string) {
		entries, err := ParseTSV("f.tsv", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "lexicon f.tsv:") {
				t.Fatalf("error does not name the line: %v", err)
			}
			return
		}
		if _, err := NewLexicon(entries); err != nil && !strings.HasPrefix(err.Error(), "lexicon ") {
			t.Fatalf("bad error: %v", err)
		}
	})
}

// TestGeneratedData: data_gen.go must hold every lexicons/*.tsv, in name
// order, and data/gazetteer.tsv, byte for byte except that comment lines
// are empty (run go generate ./analysis/ after editing them).
func TestGeneratedData(t *testing.T) {
	dir, err := os.ReadDir("lexicons")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range dir {
		if strings.HasSuffix(d.Name(), ".tsv") {
			names = append(names, d.Name())
		}
	}
	const stale = "; data_gen.go is out of date: run go generate ./analysis/"
	if len(names) != len(builtinFiles) {
		t.Fatalf("lexicons/ has %v, builtinFiles lists %d files"+stale, names, len(builtinFiles))
	}
	for i, name := range names {
		data, err := os.ReadFile("lexicons/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if f := builtinFiles[i]; f.name != name || f.data != withoutComments(string(data)) {
			t.Errorf("builtinFiles[%d] is %q (%d bytes), want %s (%d bytes)"+stale, i, f.name, len(f.data), name, len(data))
		}
	}
	data, err := os.ReadFile("data/gazetteer.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if withoutComments(string(data)) != gazetteerTSV {
		t.Errorf("gazetteerTSV differs from data/gazetteer.tsv" + stale)
	}
}

// withoutComments empties every line that starts with "#", as gendata.go
// does.
func withoutComments(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "#") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}
