// Command native benchmarks analysis.Analyze natively on the texts of
// `make bench` (see bench/texts) with the testing package's benchmark
// loop, and prints the results as JSON for bench/run.mjs.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/plumbline/plumbline/analysis"
)

type text struct {
	Name  string `json:"name"`
	File  string `json:"file"`
	Bytes int    `json:"bytes"`
}

type result struct {
	Name        string  `json:"name"`
	Bytes       int     `json:"bytes"`
	N           int     `json:"n"`
	MsPerOp     float64 `json:"msPerOp"`
	MBPerS      float64 `json:"mbPerS"`
	AllocsPerOp int64   `json:"allocsPerOp"`
	BytesPerOp  int64   `json:"bytesPerOp"`
	Findings    int     `json:"findings"`
}

func main() {
	dir := flag.String("texts", "bench/_out", "folder with manifest.json (bench/texts)")
	benchtime := flag.Duration("benchtime", time.Second, "time per text")
	flag.Parse()
	testing.Init()
	if err := flag.Set("test.benchtime", benchtime.String()); err != nil {
		fail(err)
	}
	data, err := os.ReadFile(filepath.Join(*dir, "manifest.json"))
	if err != nil {
		fail(err)
	}
	var texts []text
	if err := json.Unmarshal(data, &texts); err != nil {
		fail(err)
	}
	if _, err := analysis.Builtin(); err != nil {
		fail(err)
	}
	out := struct {
		Go      string   `json:"go"`
		Arch    string   `json:"arch"`
		CPUs    int      `json:"cpus"`
		Results []result `json:"results"`
	}{Go: runtime.Version(), Arch: runtime.GOOS + "/" + runtime.GOARCH, CPUs: runtime.NumCPU()}
	for _, t := range texts {
		b, err := os.ReadFile(filepath.Join(*dir, t.File))
		if err != nil {
			fail(err)
		}
		s := string(b)
		findings := len(analysis.Analyze(s, analysis.Options{}).Findings) // warm-up
		r := testing.Benchmark(func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				analysis.Analyze(s, analysis.Options{})
			}
		})
		ms := float64(r.NsPerOp()) / 1e6
		out.Results = append(out.Results, result{Name: t.Name, Bytes: len(s), N: r.N, MsPerOp: ms,
			MBPerS: float64(len(s)) / (1 << 20) / (ms / 1e3), AllocsPerOp: r.AllocsPerOp(), BytesPerOp: r.AllocedBytesPerOp(), Findings: findings})
		fmt.Fprintf(os.Stderr, "native %-12s %10.3f ms/op %8.1f MB/s %8d allocs/op\n", t.Name, ms, out.Results[len(out.Results)-1].MBPerS, r.AllocsPerOp())
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "native:", err)
	os.Exit(1)
}
