#!/usr/bin/env bash
# Builds the wasm that `make bench` measures, and the size probes: small
# wasm programs that show what each standard package costs on the wasm
# path. Usage: bench/build.sh OUT_DIR [WASM_SRC]
#
# WASM_SRC is the folder of the wasm entry point (default ./wasm). When it
# is not ./wasm (e.g. another worktree's, before a merge) its Go files are
# copied into OUT_DIR/wasm-src and built there against this tree.
# OUT_DIR must be inside this module (the probes are built as its packages).
# Writes OUT_DIR/plumbline.wasm, OUT_DIR/probes/*.wasm and
# OUT_DIR/probes/manifest.tsv (name, file, what it holds).
set -euo pipefail
out=${1:?usage: bench/build.sh OUT_DIR [WASM_SRC]}
src=${2:-wasm}
GO=${GO:-go}
flags=(-trimpath -ldflags=-s\ -w) # as the Makefile
build() { GOOS=js GOARCH=wasm "$GO" build "${flags[@]}" -o "$1" "$2"; }

mkdir -p "$out/probes"
rm -rf "$out/probes"/*/ "$out/wasm-src"
manifest="$out/probes/manifest.tsv"
: > "$manifest"

entry=""
if [ -f "$src/main.go" ]; then
  if [ "$(cd "$src" && pwd)" = "$(pwd)/wasm" ]; then
    entry=./wasm
  else
    mkdir -p "$out/wasm-src"
    for f in "$src"/*.go; do case "$f" in *_test.go) ;; *) cp "$f" "$out/wasm-src/" ;; esac; done
    entry=./$out/wasm-src
  fi
  build "$out/plumbline.wasm" "$entry"
  printf 'payload\t%s\t%s\n' "$out/plumbline.wasm" "the wasm the page loads ($src, all lexicons embedded)" >> "$manifest"
else
  echo "bench/build.sh: no $src/main.go: wasm skipped (the native and peer benchmarks still run)" >&2
  rm -f "$out/plumbline.wasm"
fi

# the analysis alone, for telling its time from the JS report building
build "$out/core.wasm" ./bench/wasmcore

# probe NAME 'imports' 'body' WHAT: a main that uses each import for real,
# reached from JavaScript input so that nothing is dead code.
probe() {
  local name=$1 imports=$2 body=$3 what=$4 dir="$out/probes/$1"
  mkdir -p "$dir"
  cat > "$dir/main.go" <<GO
//go:build js && wasm

package main

import (
	"syscall/js"
$imports
)

func main() {
	in := js.Global().Get("probeInput").String()
	_ = in
$body
	select {}
}
GO
  gofmt -w "$dir"
  build "$out/probes/$name.wasm" "./$dir"
  printf '%s\t%s\t%s\n' "$name" "$out/probes/$name.wasm" "$what" >> "$manifest"
}

probe js '' '	js.Global().Set("probeOutput", len(in))' 'syscall/js only: the Go runtime'
probe js+unicode-strconv-strings '	"strconv"
	"strings"
	"unicode"' '	js.Global().Set("probeOutput", strconv.Itoa(strings.IndexFunc(in, unicode.IsUpper)))' '+ strconv, strings, unicode'
probe js+reflect '	"reflect"' '	js.Global().Set("probeOutput", reflect.TypeOf(in).String()+reflect.ValueOf(&in).Elem().Kind().String())' '+ reflect'
probe js+fmt '	"fmt"' '	js.Global().Set("probeOutput", fmt.Sprintf("%d %q %v", len(in), in, 1.5))' '+ fmt (pulls in reflect)'
probe js+regexp '	"regexp"' '	js.Global().Set("probeOutput", regexp.MustCompile(in).MatchString(in))' '+ regexp'
probe js+encoding-json '	"encoding/json"' '	b, _ := json.Marshal(map[string]any{"in": in})
	var v map[string]any
	_ = json.Unmarshal(b, &v)
	js.Global().Set("probeOutput", string(b))' '+ encoding/json'
probe js+snowball '	"github.com/kljensen/snowball/english"' '	js.Global().Set("probeOutput", english.Stem(in, false))' '+ snowball/english (pulls in fmt, flag, testing)'
probe js+snowball+fmt '	"fmt"
	"github.com/kljensen/snowball/english"' '	js.Global().Set("probeOutput", fmt.Sprintf("%d %q %v", len(in), english.Stem(in, false), 1.5))' '+ snowball/english + fmt used directly'
probe js+analysis '	"github.com/plumbline/plumbline/analysis"' '	js.Global().Set("probeOutput", len(analysis.Analyze(in, analysis.Options{}).Findings))' 'analysis.Analyze with its lexicons, no JS report building'

if [ -n "$entry" ]; then
  # the real payload plus one package used for real (behind a condition
  # the optimiser cannot see through): what adding it would cost
  extra() {
    local name=$1 imports=$2 body=$3 dir="$out/probes/$1"
    mkdir -p "$dir"
    for f in "$entry"/*.go; do case "$f" in *_test.go) ;; *) cp "$f" "$dir/" ;; esac; done
    cat > "$dir/zz_probe.go" <<GO
//go:build js && wasm

package main

import (
	"syscall/js"
$imports
)

func init() {
	if in := js.Global().Get("probeInput"); in.Truthy() {
$body
	}
}
GO
    gofmt -w "$dir"
    build "$out/probes/$name.wasm" "./$dir"
    printf '%s\t%s\t%s\n' "$name" "$out/probes/$name.wasm" "payload + $4" >> "$manifest"
  }
  extra payload+encoding-json '	"encoding/json"' '		b, _ := json.Marshal(map[string]any{"in": in.String()})
		var v map[string]any
		_ = json.Unmarshal(b, &v)
		js.Global().Set("probeOutput", string(b))' 'encoding/json'
  extra payload+regexp '	"regexp"' '		js.Global().Set("probeOutput", regexp.MustCompile(in.String()).MatchString("x"))' 'regexp'
fi

# which of the packages the analysis package pulls in on the wasm path
GOOS=js GOARCH=wasm "$GO" list -deps ./analysis | grep -xE 'fmt|reflect|regexp|encoding/json|flag|testing' | tr '\n' ' ' > "$out/probes/analysis-deps.txt" || true
GOOS=js GOARCH=wasm "$GO" list -deps github.com/kljensen/snowball/english | grep -xE 'fmt|reflect|regexp|encoding/json|flag|testing' | tr '\n' ' ' > "$out/probes/snowball-deps.txt" || true
