package analysis

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"unicode/utf8"
)

// corpusText returns the first n bytes (cut at a rune boundary) of the
// news articles in ../shared/corpora/ptc-train/train-articles, joined by
// blank lines: real, varied text for benchmarks. It skips the benchmark
// when the shared folder is absent.
func corpusText(b *testing.B, n int) string {
	b.Helper()
	dir := "../../shared/corpora/ptc-train/train-articles"
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		b.Skip("../shared corpus is absent")
	}
	sort.Strings(names)
	buf := make([]byte, 0, n+64<<10)
	for _, name := range names {
		if len(buf) >= n {
			break
		}
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		if len(buf) > 0 {
			buf = append(buf, "\n\n"...)
		}
		buf = append(buf, data...)
	}
	if len(buf) < n {
		b.Skipf("corpus has %d bytes, want %d", len(buf), n)
	}
	for n > 0 && !utf8.RuneStart(buf[n]) {
		n--
	}
	return string(buf[:n])
}

// BenchmarkAnalyzeCorpus analyses 1 MiB of real news articles with the
// built-in lexicon (the figure docs/bench.md reports as native).
func BenchmarkAnalyzeCorpus(b *testing.B) {
	text := corpusText(b, 1<<20)
	if _, err := Builtin(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(text, Options{})
	}
}

// BenchmarkSegmentCorpus segments the same text.
func BenchmarkSegmentCorpus(b *testing.B) {
	text := corpusText(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Segment(text)
	}
}
