package analysis

import (
	"sort"
	"strings"
	"sync"

	"github.com/plumbline/plumbline/internal/numtext"
)

// KindIgnore marks a lexicon entry that matches a neutral sense ("heart
// attack", "attack on the problem"): any other match it overlaps is dropped.
const KindIgnore = "ignore"

// Limits on lexicon entries, so that a user file cannot make matching slow.
const (
	maxTermBytes    = 500
	maxTermElements = 12
	maxEntries      = 20000
)

// Entry is one lexicon entry: a term pattern and what a match of it means.
//
// Term syntax: words separated by spaces, each matched by its snowball stem
// ("terrorists" matches "terrorist"), case-insensitive. Hyphens and spaces
// are interchangeable ("so-called" matches "so called"). Per word:
//
//	word?      optional
//	a|b|c      any of these words
//	=word      the exact word, not its stem
//	*          any one word (not first)
//
// Curly and straight apostrophes are the same ("coup d’état" matches
// "coup d'état"). A term cannot start with "*" and cannot be all optional.
//
// Context, when set, limits where the term counts: space-separated
// conditions that must all hold, each a kind and words in the term syntax
// above (stems, or =exact words):
//
//	near:a|b   one of the words is in the same or a neighbouring sentence
//	doc:a|b    one of the words is anywhere in the text
//	prev:a|b   the word right before the match is one of them
//	next:a|b   the word right after the match is one of them
//	!near:a|b  (and !doc:, !prev:, !next:) the opposite
//
// For example "attack" with context "near:riot|unrest|protest" flags
// "attack" only in talk of unrest, and "disaster" with "!prev:natural"
// leaves "natural disaster" alone.
type Entry struct {
	Term       string  `json:"term"`
	Kind       string  `json:"kind"`
	Category   string  `json:"category"`
	Weight     float64 `json:"weight"`
	Message    string  `json:"message"`
	Suggestion string  `json:"suggestion,omitempty"`
	// Context lists conditions under which the term counts (see above).
	Context string `json:"context,omitempty"`
	// Disable, in a user lexicon, removes the built-in entry with the same
	// term and kind instead of adding one.
	Disable bool `json:"disable,omitempty"`
	// Source says where the entry was defined ("loaded.tsv:12",
	// "user.json entry 3"), for error messages.
	Source string `json:"-"`
}

// LexiconError tells which entry of which file is wrong and why.
type LexiconError struct {
	Source string // "loaded.tsv:12", "my.json entry 3 (term \"x\")"
	Msg    string
}

func (e *LexiconError) Error() string {
	if e.Source == "" {
		return "lexicon: " + e.Msg
	}
	return "lexicon " + e.Source + ": " + e.Msg
}

// Lexicon is a compiled, validated set of entries, ready for matching. It
// is immutable and safe for concurrent use.
type Lexicon struct {
	entries  []Entry
	patterns []*pattern
	keys     keyTable // the patterns' keys, numbered; patterns by first key
}

// The built-in lexicon files (lexicons/*.tsv) are the string constants
// of data_gen.go, listed in builtinFiles; gendata.go writes that file from
// the .tsv files, which stay the data to edit. Package embed is not used:
// it links io/fs, time and internal/godebug into the wasm build, 48 KB
// gzip (docs/size.md). TestGeneratedData checks data_gen.go is up to date.
//
//go:generate go run gendata.go

var (
	builtinOnce sync.Once
	builtinLex  *Lexicon
	builtinErr  error
)

// Builtin returns the lexicon built into the binary (lexicons/*.tsv).
func Builtin() (*Lexicon, error) {
	builtinOnce.Do(func() {
		var all []Entry
		for _, f := range builtinFiles {
			entries, err := ParseTSV(f.name, f.data)
			if err != nil {
				builtinErr = err
				return
			}
			all = append(all, entries...)
		}
		builtinLex, builtinErr = NewLexicon(all)
	})
	return builtinLex, builtinErr
}

// Entries returns a copy of the lexicon's entries.
func (l *Lexicon) Entries() []Entry { return append([]Entry(nil), l.entries...) }

// ParseTSV reads entries from tab-separated lines:
//
//	kind  category  weight  term  message  [suggestion  [context]]
//
// Blank lines and lines starting with "#" are skipped; the suggestion and
// context columns may be empty or absent. Errors name the source and line.
func ParseTSV(source, data string) ([]Entry, error) {
	var out []Entry
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := source + ":" + itoa(n+1)
		f := strings.Split(line, "\t")
		if len(f) < 5 || len(f) > 7 {
			return nil, &LexiconError{where, "want 5 to 7 tab-separated fields (kind, category, weight, term, message[, suggestion[, context]]), got " + itoa(len(f))}
		}
		w, ok := numtext.ParseDecimal(strings.TrimSpace(f[2]))
		if !ok {
			return nil, &LexiconError{where, "weight " + quoted(f[2]) + " is not a number"}
		}
		e := Entry{Kind: strings.TrimSpace(f[0]), Category: strings.TrimSpace(f[1]), Weight: w,
			Term: strings.TrimSpace(f[3]), Message: strings.TrimSpace(f[4]), Source: where}
		if len(f) >= 6 {
			e.Suggestion = strings.TrimSpace(f[5])
		}
		if len(f) == 7 {
			e.Context = strings.TrimSpace(f[6])
		}
		out = append(out, e)
	}
	return out, nil
}

var validKinds = newWordSet(KindLoaded + "|" + KindHedge + "|" + KindBooster + "|" + KindAttribution + "|" + KindIgnore)

// Validate checks one entry on its own (not against others).
func (e *Entry) Validate() error {
	where := e.Source
	if where == "" {
		where = "entry " + quoted(e.Term)
	}
	switch {
	case strings.TrimSpace(e.Term) == "":
		return &LexiconError{where, "empty term"}
	case len(e.Term) > maxTermBytes:
		return &LexiconError{where, "term is " + itoa(len(e.Term)) + " bytes; at most " + itoa(maxTermBytes)}
	case !validKinds.has(e.Kind):
		return &LexiconError{where, "kind " + quoted(e.Kind) + " is not one of loaded, hedge, booster, attribution, ignore"}
	case e.Disable:
		return nil
	case e.Kind != KindIgnore && strings.TrimSpace(e.Category) == "":
		return &LexiconError{where, "empty category"}
	case e.Kind != KindIgnore && strings.TrimSpace(e.Message) == "":
		return &LexiconError{where, "empty message"}
	case !(e.Weight >= 0 && e.Weight <= 5): // also rejects NaN
		return &LexiconError{where, "weight " + numtext.FormatShort(e.Weight) + " is outside 0..5"}
	}
	if _, err := compilePattern(e, nil); err != nil {
		return &LexiconError{where, err.Error()}
	}
	return nil
}

func entryKey(e *Entry) string {
	return e.Kind + "\x00" + strings.Join(strings.Fields(strings.ToLower(e.Term)), " ")
}

// NewLexicon validates and compiles entries. Two entries with the same kind
// and term are an error naming both.
func NewLexicon(entries []Entry) (*Lexicon, error) {
	if len(entries) > maxEntries {
		return nil, &LexiconError{"", itoa(len(entries)) + " entries; at most " + itoa(maxEntries)}
	}
	l := &Lexicon{keys: newKeyTable()}
	seen := make(map[string]string, len(entries))
	for i := range entries {
		e := entries[i]
		if e.Disable {
			return nil, &LexiconError{e.Source, "disable is only allowed when extending a lexicon"}
		}
		if err := e.Validate(); err != nil {
			return nil, err
		}
		k := entryKey(&e)
		if prev, dup := seen[k]; dup {
			return nil, &LexiconError{e.Source, "duplicate of " + prev + " (" + e.Kind + " " + quoted(e.Term) + ")"}
		}
		seen[k] = e.Source
		l.entries = append(l.entries, e)
	}
	for i := range l.entries {
		p, _ := compilePattern(&l.entries[i], &l.keys)
		l.patterns = append(l.patterns, p)
		for _, n := range p.firstKeys() {
			l.keys.starts[n] = append(l.keys.starts[n], p)
		}
	}
	for _, ps := range l.keys.starts { // longest first, then file order: deterministic
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].elems) > len(ps[j].elems) })
	}
	return l, nil
}

// Extend returns a new lexicon with the user's entries applied on top of
// l: an entry with the same kind and term as an existing one replaces it,
// an entry with Disable removes it, any other entry is added.
//
// Every user entry is validated; errors name the entry by its Source (set
// by ParseLexiconJSON) or, when that is empty, as `user entry 3 (term "x")`.
// Extend does not change l. A nil l is an empty lexicon.
func (l *Lexicon) Extend(user []Entry) (*Lexicon, error) {
	var base []Entry
	if l != nil {
		base = l.entries
	}
	byKey := make(map[string]int, len(base))
	merged := append([]Entry(nil), base...)
	for i := range merged {
		byKey[entryKey(&merged[i])] = i
	}
	removed := make(map[int]bool)
	userSeen := make(map[string]string)
	for n, e := range user {
		if e.Source == "" { // entries built in code or passed from JavaScript
			e.Source = "user entry " + itoa(n+1) + " (term " + quoted(e.Term) + ")"
		}
		if err := e.Validate(); err != nil {
			return nil, err
		}
		k := entryKey(&e)
		if prev, dup := userSeen[k]; dup {
			return nil, &LexiconError{e.Source, "duplicate of " + prev + " (" + e.Kind + " " + quoted(e.Term) + ")"}
		}
		userSeen[k] = e.Source
		i, exists := byKey[k]
		switch {
		case e.Disable && !exists:
			return nil, &LexiconError{e.Source, "cannot disable " + e.Kind + " " + quoted(e.Term) + ": no such entry"}
		case e.Disable:
			removed[i] = true
		case exists:
			merged[i] = e
			delete(removed, i)
		default:
			byKey[k] = len(merged)
			merged = append(merged, e)
		}
	}
	kept := merged[:0]
	for i, e := range merged {
		if !removed[i] {
			kept = append(kept, e)
		}
	}
	return NewLexicon(kept)
}
