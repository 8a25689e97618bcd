package main

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/plumbline/plumbline/analysis"
)

func init() { register("numbers", 30, runNumbers) }

type numberCase struct {
	ID    string   `json:"id"`
	Kind  string   `json:"kind"`
	Text  string   `json:"text"`
	AnyOf []string `json:"any_of"`
}

// runNumbers scores examples/numbers-dev.json as its "about" says (a flag
// case passes when a number finding of severity warning or error has a
// span or related span overlapping one of any_of; a clean case passes when
// no number finding is above info) and counts number warnings per article
// over the PTC training articles, where nearly every one is a false alarm.
func runNumbers(shared string) error {
	data, err := os.ReadFile(filepath.Join(shared, "examples", "numbers-dev.json"))
	if err != nil {
		return err
	}
	var dev struct {
		Cases []numberCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &dev); err != nil {
		return fmt.Errorf("numbers-dev.json: %v", err)
	}
	verbose := os.Getenv("EVAL_VERBOSE") != ""
	passed := map[string]int{}
	total := map[string]int{}
	for _, c := range dev.Cases {
		rep := analysis.Analyze(c.Text, analysis.Options{Kinds: []string{analysis.KindNumber}})
		ok := false
		switch c.Kind {
		case "flag":
			ok = flagged(c, rep)
		case "clean":
			ok = true
			for _, f := range rep.Findings {
				if f.Kind == analysis.KindNumber && f.Severity != analysis.SeverityInfo {
					ok = false
				}
			}
		default:
			continue
		}
		total[c.Kind]++
		if ok {
			passed[c.Kind]++
		} else {
			fmt.Printf("  FAIL %s (%s): %s\n", c.ID, c.Kind, c.Text)
			for _, f := range rep.Findings {
				fmt.Printf("       %s %s %q: %s\n", f.Severity, f.Category, f.Text, f.Message)
			}
		}
	}
	fmt.Printf("dev cases: flag %d/%d, clean %d/%d, all %d/%d\n", passed["flag"], total["flag"], passed["clean"], total["clean"],
		passed["flag"]+passed["clean"], total["flag"]+total["clean"])

	dir := filepath.Join(shared, "corpora", "ptc-train", "train-articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	if len(files) == 0 {
		fmt.Println("ptc-train: not found; skipped")
		return nil
	}
	warnings, infos, withWarning := 0, 0, 0
	byCat := map[string]int{}
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			return err
		}
		text := string(b)
		rep := analysis.Analyze(text, analysis.Options{Kinds: []string{analysis.KindNumber}})
		n := 0
		for _, f := range rep.Findings {
			if f.Severity == analysis.SeverityInfo {
				infos++
				continue
			}
			n++
			byCat[f.Category]++
			if verbose {
				lo, hi := max(0, f.Start-120), min(len(text), f.End+60)
				fmt.Printf("  %s %s %s %q: %s\n      …%s…\n", filepath.Base(fn), f.Severity, f.Category, f.Text, f.Message,
					strings.ReplaceAll(text[lo:hi], "\n", " "))
			}
		}
		warnings += n
		if n > 0 {
			withWarning++
		}
	}
	cats := make([]string, 0, len(byCat))
	for k, v := range byCat {
		cats = append(cats, fmt.Sprintf("%s %d", k, v))
	}
	sort.Strings(cats)
	fmt.Printf("ptc-train: %d articles, %d number warnings/errors (%.3f per article; %d articles with any), %d info\n",
		len(files), warnings, float64(warnings)/float64(len(files)), withWarning, infos)
	if len(cats) > 0 {
		fmt.Printf("  by category: %s\n", strings.Join(cats, ", "))
	}
	return wikiWarnings(shared, verbose)
}

var (
	wikiDocRE      = regexp.MustCompile(`(?s)<Document\b.*?</Document>`)
	wikiSentenceRE = regexp.MustCompile(`(?s)<Sentence[^>]*>(.*?)</Sentence>`)
	wikiTagRE      = regexp.MustCompile(`<[^>]+>`)
)

// wikiWarnings counts number warnings over the Wikipedia paragraphs of
// the Szeged uncertainty corpus: edited, consistent text, so every
// warning there is a likely false alarm.
func wikiWarnings(shared string, verbose bool) error {
	data, err := os.ReadFile(filepath.Join(shared, "corpora", "szeged-uncertainty-wiki", "wiki.xml"))
	if err != nil {
		fmt.Println("szeged-uncertainty-wiki: not found; skipped")
		return nil
	}
	docs, warnings := 0, 0
	for _, doc := range wikiDocRE.FindAllString(string(data), -1) {
		var parts []string
		for _, m := range wikiSentenceRE.FindAllStringSubmatch(doc, -1) {
			parts = append(parts, html.UnescapeString(wikiTagRE.ReplaceAllString(m[1], "")))
		}
		text := strings.Join(parts, " ")
		docs++
		rep := analysis.Analyze(text, analysis.Options{Kinds: []string{analysis.KindNumber}, MinSeverity: analysis.SeverityWarning})
		warnings += len(rep.Findings)
		if verbose {
			for _, f := range rep.Findings {
				fmt.Printf("  wiki %s %s %q: %s\n", f.Severity, f.Category, f.Text, f.Message)
			}
		}
	}
	fmt.Printf("szeged-wiki: %d paragraphs, %d number warnings/errors (%.4f per paragraph)\n", docs, warnings, float64(warnings)/float64(max(docs, 1)))
	return nil
}

// flagged reports whether a warning or error number finding overlaps one
// of the case's any_of strings (wherever they occur in the text).
func flagged(c numberCase, rep analysis.Report) bool {
	for _, f := range rep.Findings {
		if f.Kind != analysis.KindNumber || f.Severity == analysis.SeverityInfo {
			continue
		}
		spans := append([]analysis.Span{{Start: f.Start, End: f.End}}, f.Related...)
		for _, want := range c.AnyOf {
			for off := 0; ; {
				k := strings.Index(c.Text[off:], want)
				if k < 0 {
					break
				}
				ws, we := off+k, off+k+len(want)
				for _, s := range spans {
					if s.Start < we && ws < s.End {
						return true
					}
				}
				off = ws + 1
			}
		}
	}
	return false
}
