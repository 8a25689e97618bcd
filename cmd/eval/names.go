package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/plumbline/plumbline/analysis"
)

func init() { register("names", 40, runNames) }

// namesDev is examples/names-dev.json.
type namesDev struct {
	About string `json:"about"`
	Cases []struct {
		ID    string   `json:"id"`
		Kind  string   `json:"kind"` // "flag" or "clean"
		Text  string   `json:"text"`
		AnyOf []string `json:"any_of"`
	} `json:"cases"`
}

func nameFindings(text string) []analysis.Finding {
	return analysis.Analyze(text, analysis.Options{Kinds: []string{analysis.KindName}}).Findings
}

// runNames scores the name check: the dev cases as their "about" says, the
// sample article, and the findings per article over the PTC training
// articles with a sample of them to read.
func runNames(shared string) error {
	if err := namesDevCases(filepath.Join(shared, "examples", "names-dev.json")); err != nil {
		return err
	}
	if err := namesSample(filepath.Join(shared, "examples", "kazakhstan-riots-2022.txt")); err != nil {
		return err
	}
	return namesPTC(filepath.Join(shared, "corpora", "ptc-train", "train-articles"))
}

func namesDevCases(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var dev namesDev
	if err := json.Unmarshal(data, &dev); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	pass, flags, flagged, cleans, clean, cleanNoWarn := 0, 0, 0, 0, 0, 0
	for _, c := range dev.Cases {
		fs := nameFindings(c.Text)
		ok := false
		switch c.Kind {
		case "flag":
			flags++
			for _, f := range fs {
				for _, want := range c.AnyOf {
					if i := strings.Index(c.Text, want); i >= 0 && f.Start < i+len(want) && i < f.End && len(f.Related) > 0 {
						ok = true
					}
				}
			}
			if ok {
				flagged++
			}
		case "clean":
			cleans++
			ok = len(fs) == 0
			if ok {
				clean++
			}
			warn := false
			for _, f := range fs {
				warn = warn || f.Severity != analysis.SeverityInfo
			}
			if !warn {
				cleanNoWarn++
			}
		}
		if ok {
			pass++
		} else {
			fmt.Printf("  FAIL %s (%s): %q\n", c.ID, c.Kind, c.Text)
			for _, f := range fs {
				fmt.Printf("       %s %s %q: %s\n", f.Severity, f.Category, f.Text, f.Message)
			}
		}
	}
	fmt.Printf("names-dev: %d/%d cases pass (flag %d/%d found with related; clean %d/%d with no finding, %d/%d with no warning)\n",
		pass, len(dev.Cases), flagged, flags, clean, cleans, cleanNoWarn, cleans)
	return nil
}

func namesSample(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fmt.Printf("sample %s:\n", filepath.Base(path))
	for _, f := range nameFindings(string(data)) {
		rel := make([]string, 0, len(f.Related))
		for _, s := range f.Related {
			rel = append(rel, s.Text)
		}
		fmt.Printf("  %s %s %q @%d: %s (related %d: %s)\n", f.Severity, f.Category, f.Text, f.Start, f.Message, len(rel), strings.Join(uniq(rel), ", "))
	}
	return nil
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func namesPTC(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fmt.Printf("ptc: no articles in %s\n", dir)
		return nil
	}
	sort.Strings(files)
	total, warnings, withAny, withWarning := 0, 0, 0, 0
	byCat := map[string]int{}
	var sample []string
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(data)
		fs := nameFindings(text)
		total += len(fs)
		warned := false
		for _, f := range fs {
			byCat[f.Severity+"/"+f.Category]++
			if f.Severity != analysis.SeverityInfo {
				warnings++
				warned = true
			}
			rel := ""
			if len(f.Related) > 0 {
				rel = f.Related[0].Text
			}
			sample = append(sample, fmt.Sprintf("  %s %s %s: %q → %q | …%s…", filepath.Base(path), f.Severity, f.Category, f.Text, rel, context(text, f.Start, f.End)))
		}
		if len(fs) > 0 {
			withAny++
		}
		if warned {
			withWarning++
		}
	}
	n := float64(len(files))
	fmt.Printf("ptc-train: %d articles, %d name findings (%.3f per article; %d warnings, %.3f per article); %d articles with a finding, %d with a warning\n",
		len(files), total, float64(total)/n, warnings, float64(warnings)/n, withAny, withWarning)
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		fmt.Printf("  %s: %d\n", c, byCat[c])
	}
	const show = 80
	fmt.Printf("findings (first %d, to read):\n", show)
	for i, s := range sample {
		if i == show {
			break
		}
		fmt.Println(s)
	}
	return nil
}

// context returns the text around a span on one line.
func context(text string, start, end int) string {
	a, b := max(0, start-50), min(len(text), end+50)
	for a > 0 && a < len(text) && text[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(text) && text[b]&0xC0 == 0x80 {
		b++
	}
	return strings.ReplaceAll(text[a:start]+"["+text[start:end]+"]"+text[end:b], "\n", " ")
}
