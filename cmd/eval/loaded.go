package main

// The "loaded" measurement.
//
// PTC (corpora/ptc-train): every `loaded` finding of Analyze is compared
// with the article's Loaded_Language and Name_Calling,Labeling spans. PTC
// offsets are Unicode code points, end exclusive; finding offsets are
// bytes, so they are converted to code points first. Counting:
//
//   - precision = findings that overlap at least one gold span (by at least
//     one code point) / all findings;
//   - recall    = gold spans overlapped by at least one finding / all gold
//     spans (two gold spans with the same offsets and both labels count
//     once);
//   - F1 is their harmonic mean.
//
// The articles are split by id: even ids are the tuning half (the lexicon
// was studied against it), odd ids the held-out half; both are reported.
//
// WNC (corpora/wnc-sample): the share of pairs whose biased "before"
// sentence has a higher loaded score than its neutral "after" sentence.
//
// Sample article (examples/kazakhstan-riots-2022.*): every quoted term in
// the expected list's "Loaded terms" and "Praise/boosters" paragraphs must
// be covered by a loaded finding (or, for boosters, a booster finding);
// loaded findings that cover none of them are listed as possible false
// alarms.

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/plumbline/plumbline/analysis"
)

var (
	loadedVerbose = flag.Bool("loaded-v", false, "loaded: list per-rule precision and misses on the tuning half")
	loadedDump    = flag.Bool("loaded-dump", false, "loaded: print every tuning-half finding with its context, hit or miss")
)

func init() { register("loaded", 10, runLoaded) }

func runLoaded(shared string) error {
	if err := evalLoadedPTC(filepath.Join(shared, "corpora", "ptc-train")); err != nil {
		return err
	}
	if err := evalLoadedWNC(filepath.Join(shared, "corpora", "wnc-sample")); err != nil {
		return err
	}
	return evalLoadedSample(filepath.Join(shared, "examples"))
}

type ptcSpan struct{ start, end int }

type spanPRF struct {
	findings, hits, gold, found int
}

func (p spanPRF) String() string {
	prec, rec := frac(p.hits, p.findings), frac(p.found, p.gold)
	f1 := 0.0
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	return fmt.Sprintf("P %.3f (%d/%d)  R %.3f (%d/%d)  F1 %.3f", prec, p.hits, p.findings, rec, p.found, p.gold, f1)
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// byteToRune maps every byte offset of s to its code point offset.
func byteToRune(s string) []int {
	m := make([]int, len(s)+1)
	n := 0
	for i := range s {
		for j := i; j < len(s) && (j == i || !utf8.RuneStart(s[j])); j++ {
			m[j] = n
		}
		n++
	}
	m[len(s)] = n
	return m
}

type hitStat struct{ n, hit int }

func evalLoadedPTC(dir string) error {
	articles, err := filepath.Glob(filepath.Join(dir, "train-articles", "article*.txt"))
	if err != nil || len(articles) == 0 {
		fmt.Printf("ptc: no articles in %s; skipped\n", dir)
		return nil
	}
	gold, err := readPTCLoadedSpans(filepath.Join(dir, "train-task2-TC.labels"))
	if err != nil {
		return err
	}
	sort.Strings(articles)
	var halves, warn, strict [2]spanPRF
	var perArticle, perArticleStrict [2][]hitStat // findings and hits per article, for the bootstrap
	thresholds := []float64{1.5, 2}
	byWeight := make([][2]spanPRF, len(thresholds))
	var quoted, unquoted, firstUse, repeatUse hitStat
	cats := map[string]*hitStat{}
	catsHeld := map[string]*hitStat{}
	rules := map[string]*hitStat{}
	rulesQ := [2]map[string]*hitStat{{}, {}} // tune quarters: id%4 == 0 and 2
	var useIdx [5]hitStat
	bySev := map[string]*hitStat{}
	var misses []string
	for _, path := range articles {
		id := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "article"), ".txt")
		n, err := strconv.Atoi(id)
		if err != nil {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(data)
		h := n % 2 // 0 tune, 1 held-out
		rep := analysis.Analyze(text, analysis.Options{Kinds: []string{analysis.KindLoaded}})
		if rep.Error != "" {
			return fmt.Errorf("article %s: %s", id, rep.Error)
		}
		ro := byteToRune(text)
		spans := gold[id]
		seenRule := map[string]bool{}
		coveredW := make([][]bool, len(thresholds))
		for k := range coveredW {
			coveredW[k] = make([]bool, len(spans))
		}
		covered := make([]bool, len(spans))
		coveredWarn := make([]bool, len(spans))
		coveredStrict := make([]bool, len(spans))
		uses := map[string]int{}
		for _, f := range rep.Findings {
			s, e := ro[f.Start], ro[f.End]
			hit := false
			isWarn := f.Severity != analysis.SeverityInfo || f.Quoted
			isStrict := f.Severity == analysis.SeverityWarning
			w := f.Weight
			if f.Quoted {
				w *= 2 // the entry's own weight
			}
			for k, g := range spans {
				if s < g.end && g.start < e {
					hit, covered[k] = true, true
					if isWarn {
						coveredWarn[k] = true
					}
					if isStrict {
						coveredStrict[k] = true
					}
					for t, min := range thresholds {
						if w >= min {
							coveredW[t][k] = true
						}
					}
				}
			}
			for t, min := range thresholds {
				if w >= min {
					byWeight[t][h].findings++
					if hit {
						byWeight[t][h].hits++
					}
				}
			}
			halves[h].findings++
			if hit {
				halves[h].hits++
			}
			if isWarn {
				warn[h].findings++
				if hit {
					warn[h].hits++
				}
			}
			if isStrict {
				strict[h].findings++
				if hit {
					strict[h].hits++
				}
			}
			if h == 0 && *loadedDump {
				mark := "MISS"
				if hit {
					mark = "HIT "
				}
				a, b := max(0, f.Start-60), min(len(text), f.End+60)
				for a > 0 && !utf8.RuneStart(text[a]) {
					a--
				}
				for b < len(text) && !utf8.RuneStart(text[b]) {
					b++
				}
				ctx := strings.ReplaceAll(text[a:f.Start]+"[["+text[f.Start:f.End]+"]]"+text[f.End:b], "\n", " ")
				sent := ""
				if f.Sentence < len(rep.Sentences) {
					ss := rep.Sentences[f.Sentence]
					sent = strings.ReplaceAll(text[ss.Start:ss.End], "\n", " ")
				}
				fmt.Printf("DUMP %s %s %s q=%v w=%.1f s=%d %s | %s ||| %s\n", mark, id, f.Category, f.Quoted, f.Weight, f.Sentence, f.Rule, ctx, sent)
			}
			if h == 0 {
				uses[f.Rule]++
				u := min(uses[f.Rule], 4)
				useIdx[u].n++
				if hit {
					useIdx[u].hit++
				}
				sv := "warning"
				if f.Quoted {
					sv = "quoted"
				} else if f.Severity == analysis.SeverityInfo {
					sv = "info"
				}
				if bySev[sv] == nil {
					bySev[sv] = &hitStat{}
				}
				bySev[sv].n++
				if hit {
					bySev[sv].hit++
				}
			}
			qs := &unquoted
			if f.Quoted {
				qs = &quoted
			}
			qs.n++
			if hit {
				qs.hit++
			}
			us := &firstUse
			if seenRule[f.Rule] {
				us = &repeatUse
			}
			seenRule[f.Rule] = true
			us.n++
			if hit {
				us.hit++
			}
			cm := cats
			if h == 1 {
				cm = catsHeld
			}
			if cm[f.Category] == nil {
				cm[f.Category] = &hitStat{}
			}
			cm[f.Category].n++
			if hit {
				cm[f.Category].hit++
			}
			if h == 0 {
				key := f.Rule + " \t[" + strings.ToLower(f.Text) + "]"
				if rules[f.Rule] == nil {
					rules[f.Rule] = &hitStat{}
				}
				_ = key
				rules[f.Rule].n++
				if hit {
					rules[f.Rule].hit++
				}
				q := rulesQ[n%4/2]
				if q[f.Rule] == nil {
					q[f.Rule] = &hitStat{}
				}
				q[f.Rule].n++
				if hit {
					q[f.Rule].hit++
				}
			}
		}
		var as, ss hitStat
		for _, f := range rep.Findings {
			s, e := ro[f.Start], ro[f.End]
			hit := false
			for _, g := range spans {
				if s < g.end && g.start < e {
					hit = true
					break
				}
			}
			as.n++
			if f.Severity == analysis.SeverityWarning {
				ss.n++
			}
			if hit {
				as.hit++
				if f.Severity == analysis.SeverityWarning {
					ss.hit++
				}
			}
		}
		perArticle[h] = append(perArticle[h], as)
		perArticleStrict[h] = append(perArticleStrict[h], ss)
		halves[h].gold += len(spans)
		warn[h].gold += len(spans)
		for t := range thresholds {
			byWeight[t][h].gold += len(spans)
			for _, c := range coveredW[t] {
				if c {
					byWeight[t][h].found++
				}
			}
		}
		for _, c := range coveredWarn {
			if c {
				warn[h].found++
			}
		}
		strict[h].gold += len(spans)
		for _, c := range coveredStrict {
			if c {
				strict[h].found++
			}
		}
		for k, c := range covered {
			if c {
				halves[h].found++
			} else if h == 0 {
				sp := []rune(text)[spans[k].start:spans[k].end]
				misses = append(misses, strings.ToLower(string(sp)))
			}
		}
	}
	fmt.Printf("ptc tune (even ids):     %s\n", halves[0])
	fmt.Printf("ptc held-out (odd ids):  %s\n", halves[1])
	all := spanPRF{halves[0].findings + halves[1].findings, halves[0].hits + halves[1].hits, halves[0].gold + halves[1].gold, halves[0].found + halves[1].found}
	fmt.Printf("ptc all:                 %s\n", all)
	fmt.Println("  (a finding is a hit when it overlaps a Loaded_Language or Name_Calling,Labeling span by >= 1 code point;")
	fmt.Println("   a gold span is found when >= 1 finding overlaps it; identical spans with both labels count once)")
	fmt.Printf("without info-level terms (weight < 1, e.g. \"crazy\"; quoted speech kept):\n")
	fmt.Printf("ptc tune (even ids):     %s\n", warn[0])
	fmt.Printf("ptc held-out (odd ids):  %s\n", warn[1])
	fmt.Printf("warning-level findings only (severity warning: what the tool flags as a problem):\n")
	fmt.Printf("ptc tune (even ids):     %s\n", strict[0])
	fmt.Printf("ptc held-out (odd ids):  %s\n", strict[1])
	fmt.Println("precision, 90% bootstrap interval over articles (how much it moves with the choice of articles):")
	for h, name := range []string{"tune", "held-out"} {
		lo, hi := bootstrapP(perArticle[h])
		slo, shi := bootstrapP(perArticleStrict[h])
		fmt.Printf("  %-8s all findings %.3f..%.3f   warning-level %.3f..%.3f\n", name, lo, hi, slo, shi)
	}
	for t, min := range thresholds {
		fmt.Printf("only entries of weight >= %.1f:\n", min)
		fmt.Printf("ptc tune (even ids):     %s\n", byWeight[t][0])
		fmt.Printf("ptc held-out (odd ids):  %s\n", byWeight[t][1])
	}
	fmt.Printf("all findings by voice: author's own words P %.2f (%d), inside quotations P %.2f (%d)\n",
		frac(unquoted.hit, unquoted.n), unquoted.n, frac(quoted.hit, quoted.n), quoted.n)
	fmt.Printf("all findings by use: first use of a term in its article P %.2f (%d), repeated use P %.2f (%d)\n",
		frac(firstUse.hit, firstUse.n), firstUse.n, frac(repeatUse.hit, repeatUse.n), repeatUse.n)
	fmt.Printf("tune findings by use of the same entry in its article: 1st P %.2f (%d), 2nd P %.2f (%d), 3rd P %.2f (%d), 4th+ P %.2f (%d)\n",
		frac(useIdx[1].hit, useIdx[1].n), useIdx[1].n, frac(useIdx[2].hit, useIdx[2].n), useIdx[2].n,
		frac(useIdx[3].hit, useIdx[3].n), useIdx[3].n, frac(useIdx[4].hit, useIdx[4].n), useIdx[4].n)
	printHitStats("tune precision by severity", bySev, 0)
	printHitStats("tune precision by category", cats, 0)
	printHitStats("held-out precision by category", catsHeld, 0)
	if *loadedVerbose {
		printHitStats("tune precision by rule", rules, 1)
		fmt.Println("tune precision by rule, quarter id%4==0 vs id%4==2 (to check a per-rule decision on the other quarter):")
		for _, k := range sortedKeys(rules) {
			a, b := rulesQ[0][k], rulesQ[1][k]
			if a == nil {
				a = &hitStat{}
			}
			if b == nil {
				b = &hitStat{}
			}
			fmt.Printf("  %-40s %3d/%-3d  %3d/%-3d\n", k, a.hit, a.n, b.hit, b.n)
		}
		counts := map[string]int{}
		for _, m := range misses {
			if len(strings.Fields(m)) <= 3 {
				counts[m]++
			}
		}
		type kv struct {
			k string
			v int
		}
		var list []kv
		for k, v := range counts {
			list = append(list, kv{k, v})
		}
		sort.Slice(list, func(i, j int) bool { return list[i].v > list[j].v || list[i].v == list[j].v && list[i].k < list[j].k })
		fmt.Println("tune misses (spans of <= 3 words):")
		for i, x := range list {
			if i == 300 {
				break
			}
			fmt.Printf("  %d %s\n", x.v, x.k)
		}
	}
	return nil
}

// bootstrapP resamples articles 2000 times (fixed seed) and returns the 5th
// and 95th percentile of pooled precision.
func bootstrapP(arts []hitStat) (lo, hi float64) {
	if len(arts) == 0 {
		return 0, 0
	}
	r := rand.New(rand.NewPCG(1, 2))
	ps := make([]float64, 2000)
	for i := range ps {
		var n, hit int
		for range arts {
			a := arts[r.IntN(len(arts))]
			n += a.n
			hit += a.hit
		}
		ps[i] = frac(hit, n)
	}
	sort.Float64s(ps)
	return ps[len(ps)*5/100], ps[len(ps)*95/100]
}

func printHitStats(title string, m map[string]*hitStat, min int) {
	fmt.Println(title + ":")
	for _, k := range sortedKeys(m) {
		s := m[k]
		if s.n >= min {
			fmt.Printf("  %-28s %4d findings  P %.2f\n", k, s.n, frac(s.hit, s.n))
		}
	}
}

// sortedKeys returns the keys of m, most findings first.
func sortedKeys(m map[string]*hitStat) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := m[keys[i]], m[keys[j]]
		if a.n != b.n {
			return a.n > b.n
		}
		return keys[i] < keys[j]
	})
	return keys
}

// readPTCLoadedSpans reads the Loaded_Language and Name_Calling,Labeling spans
// per article id, each distinct (start, end) once.
func readPTCLoadedSpans(path string) (map[string][]ptcSpan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string][]ptcSpan{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 4 || (c[1] != "Loaded_Language" && c[1] != "Name_Calling,Labeling") {
			continue
		}
		s, err1 := strconv.Atoi(c[2])
		e, err2 := strconv.Atoi(c[3])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s: bad offsets in %q", path, sc.Text())
		}
		k := c[0] + ":" + c[2] + ":" + c[3]
		if seen[k] {
			continue
		}
		seen[k] = true
		out[c[0]] = append(out[c[0]], ptcSpan{s, e})
	}
	return out, sc.Err()
}

func evalLoadedWNC(dir string) error {
	pre, err1 := os.ReadFile(filepath.Join(dir, "pre.train"))
	post, err2 := os.ReadFile(filepath.Join(dir, "post.train"))
	if err1 != nil || err2 != nil {
		fmt.Printf("wnc: %s not readable; skipped\n", dir)
		return nil
	}
	a := strings.Split(strings.TrimRight(string(pre), "\n"), "\n")
	b := strings.Split(strings.TrimRight(string(post), "\n"), "\n")
	if len(a) != len(b) {
		return fmt.Errorf("wnc: %d before lines, %d after lines", len(a), len(b))
	}
	// Each pair is compared twice: by the sentence score (the report's
	// per-sentence score: saturated loaded points, independent of length)
	// and by the document's loaded score (points per 100 words, so a shorter
	// "after" sentence with the same findings scores higher).
	var sent, dens [3]int // higher, equal, lower
	flagged := 0
	opts := analysis.Options{Kinds: []string{analysis.KindLoaded}}
	for i := range a {
		ra, rb := analysis.Analyze(a[i], opts), analysis.Analyze(b[i], opts)
		if len(ra.Findings) > 0 {
			flagged++
		}
		sent[cmpScores(maxSentenceScore(ra), maxSentenceScore(rb))]++
		dens[cmpScores(ra.Scores.Loaded, rb.Scores.Loaded)]++
	}
	n := float64(len(a))
	for _, x := range []struct {
		name string
		c    [3]int
	}{{"sentence score", sent}, {"loaded score", dens}} {
		fmt.Printf("wnc %s: %d pairs: before higher %.1f%% (%d), equal %.1f%% (%d), lower %.1f%% (%d); of the pairs that differ, before higher in %.1f%%\n",
			x.name, len(a), 100*float64(x.c[0])/n, x.c[0], 100*float64(x.c[1])/n, x.c[1], 100*float64(x.c[2])/n, x.c[2],
			100*frac(x.c[0], x.c[0]+x.c[2]))
	}
	fmt.Printf("wnc: the before sentence has a loaded finding in %d pairs\n", flagged)
	return nil
}

// compare returns 0 when a > b, 1 when equal, 2 when a < b.
func cmpScores(a, b float64) int {
	switch {
	case a > b:
		return 0
	case a == b:
		return 1
	}
	return 2
}

// maxSentence is the highest sentence score of a report.
func maxSentenceScore(r analysis.Report) float64 {
	m := 0.0
	for _, s := range r.Sentences {
		m = max(m, s.Score)
	}
	return m
}

// evalLoadedSample checks the expected loaded terms of the sample article.
func evalLoadedSample(dir string) error {
	txt, err1 := os.ReadFile(filepath.Join(dir, "kazakhstan-riots-2022.txt"))
	exp, err2 := os.ReadFile(filepath.Join(dir, "kazakhstan-riots-2022.expected.md"))
	if err1 != nil || err2 != nil {
		fmt.Println("sample: kazakhstan-riots-2022 not found; skipped")
		return nil
	}
	text := string(txt)
	terms := expectedLoadedTerms(string(exp))
	rep := analysis.Analyze(text, analysis.Options{})
	lower := strings.ToLower(text)
	used := make([]bool, len(rep.Findings))
	missing := 0
	for _, t := range terms {
		occ, found := 0, 0
		for off := 0; ; {
			k := strings.Index(lower[off:], strings.ToLower(t))
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(t)
			off = e
			occ++
			ok := false
			for i, f := range rep.Findings {
				if (f.Kind == analysis.KindLoaded || f.Kind == analysis.KindBooster) && f.Start < e && s < f.End {
					ok, used[i] = true, true
				}
			}
			if ok {
				found++
			}
		}
		mark := "ok  "
		if found == 0 {
			mark, missing = "MISS", missing+1
		}
		fmt.Printf("sample %s %-34q %d/%d occurrences covered\n", mark, t, found, occ)
	}
	fmt.Printf("sample: %d of %d expected loaded/praise terms found\n", len(terms)-missing, len(terms))
	extra := 0
	for i, f := range rep.Findings {
		if f.Kind == analysis.KindLoaded && !used[i] {
			extra++
			fmt.Printf("sample extra loaded finding %q (%s)\n", f.Text, f.Category)
		}
	}
	fmt.Printf("sample: %d loaded findings, %d not on the expected list\n", rep.Summary.ByKind[analysis.KindLoaded], extra)
	return nil
}

// expectedLoadedTerms returns the quoted terms of the "Loaded terms" and
// "Praise/boosters" paragraphs of an expected-findings file.
func expectedLoadedTerms(md string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(line, "Loaded terms"), strings.HasPrefix(line, "Praise/boosters"):
			in = true
		case strings.HasPrefix(line, "Hedges"), strings.HasPrefix(line, "Numbers"), strings.HasPrefix(line, "Names"):
			in = false
		}
		if !in {
			continue
		}
		out = append(out, quotedStrings(line)...)
	}
	return out
}
