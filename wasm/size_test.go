//go:build !(js && wasm)

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wasmBudget is the most the wasm payload may weigh gzip-compressed
// (gzip -9), all lexicons included (issue 10). docs/size.md says what
// costs what and how to measure.
const wasmBudget = 900_000

// TestWasmSizeBudget builds the wasm exactly as make does and fails when
// its gzip -9 size is over the budget, so the budget stays kept.
func TestWasmSizeBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the wasm (-short)")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found")
	}
	gzipTool, err := exec.LookPath("gzip")
	if err != nil {
		t.Skip("gzip not found: the budget is defined with gzip -9 (compress/gzip makes larger files)")
	}
	// go test caches a passing result against the files the test itself
	// opens, not those go build reads: open the sources so that a change
	// to any of them runs the test again.
	for _, dir := range []string{"../analysis", "../wasm", "../third_party"} {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".tsv") || strings.HasSuffix(path, ".mod") {
				f, err := os.Open(path)
				if err != nil {
					return err
				}
				f.Close()
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"../go.mod", "../go.sum"} {
		if f, err := os.Open(name); err == nil {
			f.Close()
		}
	}
	out := filepath.Join(t.TempDir(), "plumbline.wasm")
	// the flags of the Makefile's web/plumbline.wasm rule
	build := exec.Command(goTool, "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := exec.Command(gzipTool, "-9", "-c", out).Output()
	if err != nil {
		t.Fatalf("gzip -9: %v", err)
	}
	t.Logf("plumbline.wasm: %d bytes, %d gzip -9 (budget %d, %d left)", info.Size(), len(gz), wasmBudget, wasmBudget-len(gz))
	if len(gz) > wasmBudget {
		t.Errorf("plumbline.wasm is %s bytes gzip -9, over the budget of %s: see docs/size.md",
			group(len(gz)), group(wasmBudget))
	}
}

// group writes n with thousands separators: 900000 → "900,000".
func group(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
