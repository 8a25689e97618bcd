package main

// hedges measures the hedging check (hedges, boosters, attributions):
//
//   - on the Szeged Uncertainty Corpus, Wikipedia part
//     (corpora/szeged-uncertainty-wiki/wiki.xml): cue-level and
//     sentence-level precision, recall and F1, separately on the tuning
//     half (the first half of the documents, used while building the
//     lexicon) and the held-out half (the second half, not looked at);
//   - on the sample article (examples/kazakhstan-riots-2022.txt): which of
//     the hedges and attributions a careful editor flags
//     (kazakhstan-riots-2022.expected.md) are found, and which findings
//     are extra.
//
// A finding counts as an uncertainty cue when it is a hedge (other than a
// vague quantity, a scare label or an analogy, which the corpus does not
// annotate) or an anonymous or passive attribution; boosters and named
// attributions are not uncertainty. A predicted cue is correct when it
// overlaps a gold cue; a gold cue is found when a predicted cue overlaps
// it. A sentence is uncertain when it has a cue.

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/plumbline/plumbline/analysis"
)

func init() { register("hedges", 20, runHedges) }

// szegedSentence is one corpus sentence with its gold cue spans (byte
// offsets into Text).
type szegedSentence struct {
	Text string
	Cues [][2]int
}

// readSzeged returns the corpus documents, each a list of sentences.
func readSzeged(path string) ([][]szegedSentence, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var docs [][]szegedSentence
	var cur *szegedSentence
	var text strings.Builder
	cueStart := -1
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch strings.ToLower(t.Name.Local) {
			case "document":
				docs = append(docs, nil)
			case "sentence":
				cur = &szegedSentence{}
				text.Reset()
			case "ccue":
				cueStart = text.Len()
			}
		case xml.EndElement:
			switch strings.ToLower(t.Name.Local) {
			case "sentence":
				if cur != nil && len(docs) > 0 {
					cur.Text = text.String()
					docs[len(docs)-1] = append(docs[len(docs)-1], *cur)
				}
				cur = nil
			case "ccue":
				if cur != nil && cueStart >= 0 && text.Len() > cueStart {
					cur.Cues = append(cur.Cues, [2]int{cueStart, text.Len()})
				}
				cueStart = -1
			}
		case xml.CharData:
			if cur != nil {
				text.Write(t)
			}
		}
	}
	return docs, nil
}

// isUncertaintyCue tells which findings the corpus would call cues.
func isUncertaintyCue(f *analysis.Finding) bool {
	switch f.Kind {
	case analysis.KindHedge:
		switch f.Category {
		case "vague-quantity", "scare-label", "unsupported-analogy":
			return false
		}
		return true
	case analysis.KindAttribution:
		return f.Category != analysis.CategoryNamed
	}
	return false
}

// prf holds counts for precision, recall and F1.
type prf struct{ tpP, fp, tpR, fn int }

func (c prf) String() string {
	p := ratio(c.tpP, c.tpP+c.fp)
	r := ratio(c.tpR, c.tpR+c.fn)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %5.1f  R %5.1f  F1 %5.1f", 100*p, 100*r, 100*f)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// szegedScores measures docs and tallies missed and spurious cue words.
func szegedScores(docs [][]szegedSentence, missed, spurious map[string]int) (cue, sent prf, n, uncertain int, err error) {
	opts := analysis.Options{Kinds: []string{analysis.KindHedge, analysis.KindAttribution}}
	for _, doc := range docs {
		for _, s := range doc {
			n++
			rep := analysis.Analyze(s.Text, opts)
			if rep.Error != "" {
				return cue, sent, n, uncertain, fmt.Errorf("szeged: %s", rep.Error)
			}
			var pred [][2]int
			for i := range rep.Findings {
				if f := &rep.Findings[i]; isUncertaintyCue(f) {
					pred = append(pred, [2]int{f.Start, f.End})
				}
			}
			for _, p := range pred {
				if overlapsSpan(p, s.Cues) {
					cue.tpP++
				} else {
					cue.fp++
					spurious[strings.ToLower(s.Text[p[0]:p[1]])]++
					if dumpWord != "" && strings.EqualFold(s.Text[p[0]:p[1]], dumpWord) {
						fmt.Printf("FP %q in: %s\n", s.Text[p[0]:p[1]], s.Text)
					}
				}
			}
			for _, g := range s.Cues {
				if overlapsSpan(g, pred) {
					cue.tpR++
				} else {
					cue.fn++
					missed[strings.ToLower(s.Text[g[0]:g[1]])]++
					if dumpWord != "" && strings.EqualFold(s.Text[g[0]:g[1]], "-"+dumpWord) == false && strings.EqualFold("miss:"+s.Text[g[0]:g[1]], dumpWord) {
						fmt.Printf("FN %q in: %s\n", s.Text[g[0]:g[1]], s.Text)
					}
				}
			}
			gold, got := len(s.Cues) > 0, len(pred) > 0
			if gold {
				uncertain++
			}
			switch {
			case gold && got:
				sent.tpP++
				sent.tpR++
			case got:
				sent.fp++
			case gold:
				sent.fn++
			}
		}
	}
	return
}

func overlapsSpan(a [2]int, bs [][2]int) bool {
	for _, b := range bs {
		if a[0] < b[1] && b[0] < a[1] {
			return true
		}
	}
	return false
}

func topCounts(m map[string]int, k int) string {
	type kv struct {
		k string
		v int
	}
	var all []kv
	for key, v := range m {
		all = append(all, kv{key, v})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].v != all[j].v {
			return all[i].v > all[j].v
		}
		return all[i].k < all[j].k
	})
	var parts []string
	for i := 0; i < len(all) && i < k; i++ {
		parts = append(parts, fmt.Sprintf("%s %d", all[i].k, all[i].v))
	}
	return strings.Join(parts, ", ")
}

func runHedges(shared string) error {
	path := filepath.Join(shared, "corpora", "szeged-uncertainty-wiki", "wiki.xml")
	if _, err := os.Stat(path); err != nil {
		fmt.Println("szeged-uncertainty-wiki: not found, skipped")
	} else {
		docs, err := readSzeged(path)
		if err != nil {
			return err
		}
		half := len(docs) / 2
		fmt.Printf("Szeged uncertainty (Wikipedia), %d documents; tune = first %d, held-out = last %d\n", len(docs), half, len(docs)-half)
		for _, part := range []struct {
			name string
			docs [][]szegedSentence
		}{{"tune", docs[:half]}, {"held-out", docs[half:]}, {"all", docs}} {
			missed, spurious := map[string]int{}, map[string]int{}
			cue, sent, n, unc, err := szegedScores(part.docs, missed, spurious)
			if err != nil {
				return err
			}
			fmt.Printf("  %-8s %5d sentences (%4d uncertain)  cue: %s   sentence: %s\n", part.name, n, unc, cue, sent)
			if part.name == "tune" {
				fmt.Printf("    most missed cues (tune): %s\n", topCounts(missed, 15))
				fmt.Printf("    most spurious cues (tune): %s\n", topCounts(spurious, 15))
			}
		}
		fmt.Println("  (CoNLL-2010 best Wikipedia sentence-level F1: about 60, on the weasel-annotated version)")
	}
	if err := neutralityEdits(shared); err != nil {
		return err
	}
	return sampleArticle(shared)
}

// neutralityEdits compares the hedging findings on the two sides of the
// Wiki Neutrality Corpus sample (corpora/wnc-sample: sentences before and
// after an edit for neutral point of view). Edits go both ways: some remove
// a booster or weasel word, many more add an attribution or a hedge to a
// bare claim ("allegedly", "is claimed to", "some have argued"), so the
// figures show what the check sees in such edits, not a precision. The
// text is lower-cased, so names cannot be told from common nouns.
func neutralityEdits(shared string) error {
	dir := filepath.Join(shared, "corpora", "wnc-sample")
	pre, err1 := os.ReadFile(filepath.Join(dir, "pre.train"))
	post, err2 := os.ReadFile(filepath.Join(dir, "post.train"))
	if err1 != nil || err2 != nil {
		fmt.Println("wnc-sample: not found, skipped")
		return nil
	}
	a, b := strings.Split(strings.TrimRight(string(pre), "\n"), "\n"), strings.Split(strings.TrimRight(string(post), "\n"), "\n")
	if len(a) != len(b) {
		return fmt.Errorf("wnc-sample: %d lines before, %d after", len(a), len(b))
	}
	var failed string
	count := func(s string) int {
		n := 0
		rep := analysis.Analyze(s, analysis.Options{Kinds: []string{analysis.KindHedge, analysis.KindBooster, analysis.KindAttribution}})
		if rep.Error != "" {
			failed = rep.Error
		}
		for i := range rep.Findings {
			if f := &rep.Findings[i]; f.Kind != analysis.KindAttribution || f.Category != analysis.CategoryNamed {
				n++
			}
		}
		return n
	}
	fewer, more, flaggedBefore := 0, 0, 0
	for i := range a {
		x, y := count(a[i]), count(b[i])
		if x > 0 {
			flaggedBefore++
		}
		switch {
		case x > y:
			fewer++
		case y > x:
			more++
		}
	}
	if failed != "" {
		return fmt.Errorf("wnc-sample: %s", failed)
	}
	fmt.Printf("WNC sample, %d neutrality edits (lower-cased): %d biased sentences with a hedging finding; the edit removed a finding in %d pairs and added one in %d (editors hedge or attribute bare claims)\n",
		len(a), flaggedBefore, fewer, more)
	return nil
}

// sampleArticle compares the hedging findings on the sample article with
// the editor's list: the quoted phrases of the paragraph on hedges and
// attributions, and of the paragraph on boosters.
func sampleArticle(shared string) error {
	dir := filepath.Join(shared, "examples")
	text, err := os.ReadFile(filepath.Join(dir, "kazakhstan-riots-2022.txt"))
	if err != nil {
		fmt.Println("sample article: not found, skipped")
		return nil
	}
	exp, err := os.ReadFile(filepath.Join(dir, "kazakhstan-riots-2022.expected.md"))
	if err != nil {
		fmt.Println("sample article: expected list not found, skipped")
		return nil
	}
	rep := analysis.Analyze(string(text), analysis.Options{Kinds: []string{analysis.KindHedge, analysis.KindBooster, analysis.KindAttribution}})
	if rep.Error != "" {
		return fmt.Errorf("sample article: %s", rep.Error)
	}
	want := expectedPhrases(string(exp), "Hedges and attributions")
	boosters := expectedPhrases(string(exp), "Praise/boosters")
	fmt.Printf("Sample article: %d hedging findings (%d anonymous, %d named sources), hedging score %.1f, %d of %d sentences hedged, %.2f hedges per sentence\n",
		len(rep.Findings), rep.Summary.AnonymousSources, rep.Summary.NamedSources, rep.Scores.Hedging,
		rep.Summary.HedgedSentences, rep.Stats.Sentences, rep.Summary.HedgesPerSentence)
	used := make([]bool, len(rep.Findings))
	found := 0
	report := func(phrases []string, label string, any bool) {
		for _, p := range phrases {
			hits := findingsFor(string(text), p, rep.Findings, used)
			if len(hits) > 0 {
				found++
				fmt.Printf("  found   %-12s %-40q %s\n", label, p, strings.Join(hits, "; "))
			} else if any {
				fmt.Printf("  missed  %-12s %q\n", label, p)
			} else {
				fmt.Printf("  (other) %-12s %q (left to the loaded check)\n", label, p)
			}
		}
	}
	report(want, "hedge/attr", true)
	found0 := found
	found = 0
	report(boosters, "praise", false)
	fmt.Printf("  expected hedges/attributions found: %d of %d; praise/booster phrases with a hedging finding: %d of %d\n",
		found0, len(want), found, len(boosters))
	extra := 0
	for i, f := range rep.Findings {
		if !used[i] {
			extra++
			fmt.Printf("  extra   %s/%s %s %q\n", f.Kind, f.Category, f.Severity, f.Text)
		}
	}
	fmt.Printf("  findings not on the editor's list: %d\n", extra)
	return nil
}

// expectedPhrases returns the "quoted" phrases of the paragraph of md that
// starts with heading.
func expectedPhrases(md, heading string) []string {
	i := strings.Index(md, heading)
	if i < 0 {
		return nil
	}
	para := md[i:]
	// the paragraph ends at the next line that starts a new topic ("Xyz (kind" or "Xyz:")
	lines := strings.Split(para, "\n")
	var b strings.Builder
	for k, l := range lines {
		if k > 0 && (strings.Contains(l, "(kind") || (len(l) > 0 && strings.Contains(strings.SplitN(l, " ", 2)[0], ":"))) {
			break
		}
		b.WriteString(l)
		b.WriteString(" ")
	}
	var out []string
	for _, q := range quotedStrings(b.String()) {
		for _, p := range strings.Split(q, "/") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// findingsFor returns "kind/category severity" of every finding that
// overlaps an occurrence of phrase (case-insensitive) in text.
func findingsFor(text, phrase string, fs []analysis.Finding, used []bool) []string {
	lt, lp := strings.ToLower(text), strings.ToLower(phrase)
	var hits []string
	for off := 0; ; {
		i := strings.Index(lt[off:], lp)
		if i < 0 {
			break
		}
		start, end := off+i, off+i+len(lp)
		for k, f := range fs {
			if f.Start < end && start < f.End {
				used[k] = true
				hits = append(hits, fmt.Sprintf("%s/%s %s %q", f.Kind, f.Category, f.Severity, f.Text))
			}
		}
		off = end
	}
	return hits
}

var dumpWord string

func init() {
	if os.Getenv("HEDGES_DUMP") != "" {
		dumpWord = os.Getenv("HEDGES_DUMP")
	}
}
