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
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/plumbline/plumbline/analysis"
)

type text struct {
	Name  string `json:"name"`
	File  string `json:"file"`
	Bytes int    `json:"bytes"`
}

// result has the same fields as bench/measure.mjs's: the mean, minimum
// and median of timed calls after warm-up calls, plus what the testing
// package's benchmark loop measured (mean time and allocations).
type result struct {
	Name     string  `json:"name"`
	Bytes    int     `json:"bytes"`
	N        int     `json:"n"`
	MsPerOp  float64 `json:"msPerOp"`
	MsMin    float64 `json:"msMin"`
	MsMedian float64 `json:"msMedian"`
	// CPUMsPerOp is the process's CPU time (all threads) per timed call.
	CPUMsPerOp   float64 `json:"cpuMsPerOp"`
	BenchN       int     `json:"benchN"`
	BenchMsPerOp float64 `json:"benchMsPerOp"`
	AllocsPerOp  int64   `json:"allocsPerOp"`
	BytesPerOp   int64   `json:"bytesPerOp"`
	Findings     int     `json:"findings"`
}

func main() {
	dir := flag.String("texts", "bench/_out", "folder with manifest.json (bench/texts)")
	benchtime := flag.Duration("benchtime", time.Second, "time per text, for each of the two loops")
	flag.Parse()
	testing.Init()
	if err := flag.Set("test.benchtime", (*benchtime / 2).String()); err != nil {
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
		analysis.Analyze(s, analysis.Options{})
		cpu0 := cpuTime()
		times := timeCalls(func() { analysis.Analyze(s, analysis.Options{}) }, *benchtime)
		cpuMs := float64((cpuTime() - cpu0).Nanoseconds()) / 1e6 / float64(len(times))
		r := testing.Benchmark(func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				analysis.Analyze(s, analysis.Options{})
			}
		})
		res := result{Name: t.Name, Bytes: len(s), N: len(times), Findings: findings, CPUMsPerOp: cpuMs,
			BenchN: r.N, BenchMsPerOp: float64(r.NsPerOp()) / 1e6, AllocsPerOp: r.AllocsPerOp(), BytesPerOp: r.AllocedBytesPerOp()}
		for _, d := range times {
			res.MsPerOp += d
		}
		res.MsPerOp /= float64(len(times))
		sort.Float64s(times)
		res.MsMin, res.MsMedian = times[0], times[len(times)/2]
		out.Results = append(out.Results, res)
		fmt.Fprintf(os.Stderr, "native %-12s %10.3f ms/op (median of %d) %8d allocs/op\n", t.Name, res.MsMedian, res.N, r.AllocsPerOp())
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fail(err)
	}
}

// timeCalls calls f until budget has passed (at least 3 times) and
// returns each call's time in milliseconds.
func timeCalls(f func(), budget time.Duration) []float64 {
	var times []float64
	start := time.Now()
	for len(times) < 3 || time.Since(start) < budget {
		t0 := time.Now()
		f()
		times = append(times, float64(time.Since(t0).Nanoseconds())/1e6)
		if len(times) >= 10000 {
			break
		}
	}
	return times
}

// cpuTime is the CPU time the process has used (user + system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "native:", err)
	os.Exit(1)
}
