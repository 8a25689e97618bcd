package analysis

import (
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/plumbline/plumbline/internal/numtext"
)

// DefaultMaxBytes is the largest input Analyze accepts unless
// Options.MaxBytes says otherwise.
const DefaultMaxBytes = 10 << 20

// Options tune Analyze. The zero value analyses everything with the
// built-in lexicon.
type Options struct {
	// Kinds, when not empty, keeps only findings of these kinds.
	Kinds []string
	// MinSeverity, when set, drops findings below it ("warning" drops info).
	MinSeverity string
	// Lexicon replaces the built-in lexicon (see Builtin and Extend).
	Lexicon *Lexicon
	// MaxBytes is the largest input analysed; 0 means DefaultMaxBytes.
	MaxBytes int
}

// Analyze checks text and returns the report. It never panics on any
// input: text that cannot be analysed yields a report whose Error says why.
// Invalid UTF-8 is analysed as if each bad byte were a symbol; no span in
// the report splits a rune.
func Analyze(text string, opts Options) (rep Report) {
	rep = Report{Version: ReportVersion, Sentences: []SentenceScore{}, Quantities: []Quantity{}, Findings: []Finding{}}
	rep.Stats.Bytes = len(text)
	defer func() {
		if p := recover(); p != nil {
			rep = Report{Version: ReportVersion, Sentences: []SentenceScore{}, Quantities: []Quantity{}, Findings: []Finding{},
				Stats: Stats{Bytes: len(text)}, Error: "internal error: " + panicText(p)}
		}
	}()
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if len(text) > max {
		rep.Error = "the text is " + humanBytes(len(text)) + "; plumbline analyses at most " + humanBytes(max) + " at a time"
		return rep
	}
	lex := opts.Lexicon
	if lex == nil {
		var err error
		if lex, err = Builtin(); err != nil {
			rep.Error = "built-in lexicon: " + err.Error()
			return rep
		}
	}

	// segment → stem → match → checks → score → report
	stemmer, release := acquireStemmer()
	doc := &Document{Text: text, scratch: &stemmer.scratch}
	defer func() { release(doc.Tokens, doc.Sentences) }() // also after a recovered panic
	doc.Tokens, doc.Sentences = segment(text, stemmer)
	doc.Matches = lex.find(doc.Tokens, doc.scratch)
	rep.Findings = make([]Finding, 0, len(doc.Matches)+len(doc.Matches)/4+8)
	for _, c := range checks {
		if wanted(opts.Kinds, c.Kinds) {
			c.Run(doc, &rep)
		}
	}
	rep.Findings = filterFindings(rep.Findings, opts)
	sortFindings(rep.Findings)
	Score(doc, &rep)
	giveBack(&doc.scratch.matches, doc.Matches, maxKeptMatches)
	return rep
}

func wanted(want, have []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, w := range want {
		for _, h := range have {
			if w == h {
				return true
			}
		}
	}
	return false
}

func filterFindings(fs []Finding, opts Options) []Finding {
	min := severityRank(opts.MinSeverity)
	if len(opts.Kinds) == 0 && min == 0 {
		return fs // every finding is kept: no copies
	}
	out := fs[:0]
	for i := range fs {
		if f := &fs[i]; (len(opts.Kinds) == 0 || slices.Contains(opts.Kinds, f.Kind)) && severityRank(f.Severity) >= min {
			out = append(out, *f)
		}
	}
	return out
}

// sortFindings orders findings by start, then longer first, then kind and
// message, so that reports are deterministic.
func sortFindings(fs []Finding) {
	// sort their numbers, then move each finding once: a stable sort
	// swapping the large Findings themselves costs more, in wasm most
	idx := make([]int32, len(fs))
	for i := range idx {
		idx[i] = int32(i)
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &fs[idx[i]], &fs[idx[j]]
		switch {
		case a.Start != b.Start:
			return a.Start < b.Start
		case a.End != b.End:
			return a.End > b.End
		case a.Kind != b.Kind:
			return a.Kind < b.Kind
		}
		return a.Message < b.Message
	})
	// apply the permutation in place, one cycle at a time: fs[i] gets
	// fs[idx[i]] (a moved position is marked by idx[i] = -1)
	for i := range idx {
		if idx[i] < 0 || int(idx[i]) == i {
			continue
		}
		tmp := fs[i]
		j := i
		for {
			k := int(idx[j])
			idx[j] = -1
			if k == i {
				fs[j] = tmp
				break
			}
			fs[j] = fs[k]
			j = k
		}
	}
}

func humanBytes(n int) string {
	switch {
	case n >= 1<<20:
		return numtext.FormatFixed(float64(n)/(1<<20), 1) + " MB"
	case n >= 1<<10:
		return numtext.FormatFixed(float64(n)/(1<<10), 1) + " KB"
	}
	return itoa(n) + " bytes"
}

// ValidUTF8 reports whether text is valid UTF-8; callers that want to
// refuse invalid input rather than analyse around it can use it.
func ValidUTF8(text string) bool { return utf8.ValidString(text) }
