// Command eval measures plumbline against the annotated corpora and
// examples in ../shared (see ../shared/corpora/README.md). Each
// measurement is one file of this package that registers itself; run
// all with `make eval`, or some with `go run ./cmd/eval -only loaded,names`.
//
// The corpora are research data: they are read here, never copied into
// the project. Without ../shared the command says so and exits 0.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// evaluation is one measurement; run prints its figures to stdout.
type evaluation struct {
	name  string
	order int
	run   func(shared string) error
}

var evaluations []evaluation

// register adds a measurement; order sorts the output.
func register(name string, order int, run func(shared string) error) {
	evaluations = append(evaluations, evaluation{name, order, run})
}

func main() {
	shared := flag.String("shared", "../shared", "folder with examples/ and corpora/")
	only := flag.String("only", "", "comma-separated measurements to run (default all)")
	flag.Parse()
	if st, err := os.Stat(*shared); err != nil || !st.IsDir() {
		fmt.Printf("eval: %s not found; nothing to measure (it holds the corpora and examples)\n", *shared)
		return
	}
	abs, _ := filepath.Abs(*shared)
	sort.SliceStable(evaluations, func(i, j int) bool { return evaluations[i].order < evaluations[j].order })
	want := map[string]bool{}
	for _, n := range strings.Split(*only, ",") {
		if n = strings.TrimSpace(n); n != "" {
			want[n] = true
		}
	}
	failed := false
	for _, e := range evaluations {
		if len(want) > 0 && !want[e.name] {
			continue
		}
		fmt.Printf("== %s\n", e.name)
		if err := e.run(abs); err != nil {
			fmt.Fprintf(os.Stderr, "eval %s: %v\n", e.name, err)
			failed = true
		}
		fmt.Println()
	}
	if failed {
		os.Exit(1)
	}
}

// quotedStrings returns the texts between pairs of double quotes in s
// (the expected-findings files quote each phrase an editor flags).
func quotedStrings(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i+1:], '"')
		if j < 0 {
			return out
		}
		out = append(out, s[i+1:i+1+j])
		s = s[i+2+j:]
	}
}
