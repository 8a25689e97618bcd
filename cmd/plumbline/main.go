// Command plumbline checks whether a news article is plumb: neutral in its
// words, honest in its hedging, consistent in its numbers and names.
//
//	plumbline [--json] [--lexicon FILE]... [--kinds loaded,hedge] [FILE | -]
//	plumbline serve [-addr 127.0.0.1:8080] [-dir web]
//
// It reads FILE (or standard input), prints a readable summary or, with
// --json, the report described in CONTRACT.md. It exits 0 on success, even
// with findings, and 2 with a one-line message for bad input.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/plumbline/plumbline/analysis"
)

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		if err := runServe(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "plumbline serve:", err)
			os.Exit(2)
		}
		return
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the CLI without the process around it, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plumbline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the JSON report (CONTRACT.md) instead of a summary")
	var lexicons stringList
	fs.Var(&lexicons, "lexicon", "JSON file of extra, replacement or disabled lexicon entries (repeatable)")
	kinds := fs.String("kinds", "", "comma-separated finding kinds to keep (loaded,hedge,booster,attribution,number,name)")
	minSeverity := fs.String("min-severity", "", "drop findings below this severity (info, warning, error)")
	maxBytes := fs.Int("max-bytes", analysis.DefaultMaxBytes, "largest input to analyse, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: plumbline [--json] [--lexicon FILE]... [FILE | -]\n       plumbline serve [-addr 127.0.0.1:8080]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(format string, a ...any) int {
		msg := fmt.Sprintf(format, a...)
		fmt.Fprintln(stderr, "plumbline: "+strings.ReplaceAll(msg, "\n", " "))
		return 2
	}
	if fs.NArg() > 1 {
		return fail("one input at a time (got %d); use a shell loop for batches", fs.NArg())
	}
	switch *minSeverity {
	case "", analysis.SeverityInfo, analysis.SeverityWarning, analysis.SeverityError:
	default:
		return fail("--min-severity %q is not one of info, warning, error", *minSeverity)
	}

	opts := analysis.Options{MinSeverity: *minSeverity, MaxBytes: *maxBytes}
	if *kinds != "" {
		for _, k := range strings.Split(*kinds, ",") {
			if k = strings.TrimSpace(k); k != "" {
				opts.Kinds = append(opts.Kinds, k)
			}
		}
	}
	if len(lexicons) > 0 {
		lex, err := analysis.Builtin()
		if err != nil {
			return fail("%v", err)
		}
		for _, path := range lexicons {
			data, err := os.ReadFile(path)
			if err != nil {
				return fail("cannot read lexicon: %v", err)
			}
			entries, err := analysis.ParseLexiconJSON(path, data)
			if err != nil {
				return fail("%v", err)
			}
			if lex, err = lex.Extend(entries); err != nil {
				return fail("%v", err)
			}
		}
		opts.Lexicon = lex
	}

	name, in := "-", stdin
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		name = fs.Arg(0)
		f, err := os.Open(name)
		if err != nil {
			return fail("cannot read input: %v", err)
		}
		defer f.Close()
		in = f
	}
	// read at most one byte past the limit, so a huge input is refused
	// without reading all of it
	data, err := io.ReadAll(io.LimitReader(in, int64(*maxBytes)+1))
	if err != nil {
		return fail("cannot read %s: %v", name, err)
	}
	if len(data) > *maxBytes {
		return fail("%s is larger than --max-bytes (%d bytes)", name, *maxBytes)
	}
	rep := analysis.Analyze(string(data), opts)
	if rep.Error != "" {
		return fail("%s: %s", name, rep.Error)
	}
	// render fully before writing, so that output is never partial
	var buf bytes.Buffer
	if *asJSON {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fail("cannot encode report: %v", err)
		}
	} else {
		writeSummary(&buf, name, string(data), &rep)
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		return fail("cannot write output: %v", err)
	}
	return 0
}

// writeSummary prints the report for a person: scores, then each finding
// with its line and column.
func writeSummary(w io.Writer, name, text string, rep *analysis.Report) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprintf(bw, "%s: %d words, %d sentences\n", name, rep.Stats.Words, rep.Stats.Sentences)
	s := rep.Scores
	fmt.Fprintf(bw, "scores (0 = plumb, 100 = extremely loaded): overall %.1f · loaded %.1f · hedging %.1f · numbers %.1f · names %.1f\n",
		s.Overall, s.Loaded, s.Hedging, s.Numbers, s.Names)
	fmt.Fprintf(bw, "%s\n", rep.Summary.Verdict)
	if rep.Summary.AnonymousSources+rep.Summary.NamedSources > 0 {
		fmt.Fprintf(bw, "sources: %d anonymous, %d named\n", rep.Summary.AnonymousSources, rep.Summary.NamedSources)
	}
	if len(rep.Findings) == 0 {
		fmt.Fprintln(bw, "no findings")
		return
	}
	fmt.Fprintln(bw)
	lines := newLineIndex(text)
	for _, f := range rep.Findings {
		line, col := lines.position(f.Start)
		quoted := ""
		if f.Quoted {
			quoted = " (quoted)"
		}
		fmt.Fprintf(bw, "%d:%d %-7s %-11s %q — %s%s", line, col, f.Severity, f.Kind, f.Text, f.Message, quoted)
		if f.Suggestion != "" {
			fmt.Fprintf(bw, "; try: %s", f.Suggestion)
		}
		fmt.Fprintln(bw)
	}
}

// lineIndex converts byte offsets to 1-based line and column (in runes).
type lineIndex struct {
	text   string
	starts []int
}

func newLineIndex(text string) *lineIndex {
	li := &lineIndex{text: text, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li *lineIndex) position(off int) (line, col int) {
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, len([]rune(li.text[li.starts[lo]:off])) + 1
}
