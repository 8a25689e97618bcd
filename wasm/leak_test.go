//go:build js && wasm

package main

import (
	"runtime"
	"strings"
	"syscall/js"
	"testing"
	"time"
	"unsafe"
)

// jsGo returns the JavaScript Go instance that runs this module (the
// object of wasm_exec.js holding _values, the table of every JavaScript
// value Go holds a reference to), or ok=false when it cannot be found.
//
// syscall/js keeps that instance as the predefined reference 6 (jsGo) but
// does not export it; the mirror below builds the same js.Value. If a
// later Go changes that layout, the check below fails and the caller skips
// the table count (the Go heap bound still runs).
func jsGo() (v js.Value, ok bool) {
	type mirror struct {
		_     [0]func()
		ref   uint64
		gcPtr *uint64
	}
	if unsafe.Sizeof(mirror{}) != unsafe.Sizeof(js.Value{}) {
		return js.Value{}, false
	}
	const nanHead, typeFlagObject = 0x7FF80000, 1
	m := mirror{ref: (nanHead|typeFlagObject)<<32 | 6}
	v = *(*js.Value)(unsafe.Pointer(&m))
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	goClass := js.Global().Get("Go")
	if goClass.Type() != js.TypeFunction || !v.InstanceOf(goClass) || !isArrayValue(v.Get("_values")) || !isArrayValue(v.Get("_idPool")) {
		return js.Value{}, false
	}
	return v, true
}

// settle collects garbage until the js.Value finalizers have run (they
// release their entries of _values), and returns the Go heap in use.
func settle() uint64 {
	var ms runtime.MemStats
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond) // lets the finalizer goroutine run (one thread under wasm)
	}
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// liveRefs is the number of JavaScript values Go holds references to.
func liveRefs(g js.Value) int {
	return g.Get("_values").Length() - g.Get("_idPool").Length()
}

// 1,000 calls of the exported analyze on 2.5 KB of text (plain, with a user
// lexicon, and a refused one) leave the Go heap and the table of
// JavaScript references where they were after the first 100: a report,
// once the caller drops it, keeps nothing alive on the Go side, and no
// call creates a js.Func or a reference that is never released.
func TestAnalyzeDoesNotLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 analyses")
	}
	lex := []any{
		map[string]any{"term": "downtown", "category": "place", "message": "a place word", "suggestion": "in the centre"},
		map[string]any{"term": "chaos", "kind": "loaded", "disable": true},
	}
	text := benchText[:2500] // ~4 ms a call under Node: the whole test takes a few seconds
	call := func(i int) {
		var rep js.Value
		switch {
		case i%25 == 3: // a user lexicon rebuilds the lexicon: slower, so 1 call in 25
			rep = analyze(text, map[string]any{"lexicon": lex})
		case i%10 == 7:
			rep = analyze(text, map[string]any{"maxBytes": 100}) // refused: an Error value
			if !isError(rep) {
				t.Fatalf("call %d: want an Error", i)
			}
			return
		default:
			rep = analyze(text, nil)
		}
		if isError(rep) {
			t.Fatalf("call %d: %s", i, rep.Get("message").String())
		}
		// touch the report as a caller would: findings, their spans, the summary
		fs := rep.Get("findings")
		if fs.Length() < 10 {
			t.Fatalf("call %d: %d findings", i, fs.Length())
		}
		for j := 0; j < fs.Length(); j++ {
			_ = fs.Index(j).Get("related").Length()
		}
		_ = rep.Get("summary").Get("verdict").String()
	}
	g, haveGo := jsGo()
	if !haveGo {
		t.Log("the Go instance of wasm_exec.js was not found: counting the Go heap only")
	}
	for i := 0; i < 100; i++ {
		call(i)
	}
	heap100 := settle()
	refs100 := 0
	if haveGo {
		refs100 = liveRefs(g)
	}
	start := time.Now()
	for i := 100; i < 1000; i++ {
		call(i)
	}
	elapsed := time.Since(start)
	heap1000 := settle()
	t.Logf("Go heap after call 100: %d bytes, after call 1,000: %d bytes (%+d); 900 calls in %v",
		heap100, heap1000, int64(heap1000)-int64(heap100), elapsed.Round(time.Millisecond))
	// A leaked report (hundreds of findings and spans) is tens of KB on the
	// Go side; 900 of them would be megabytes. The bound leaves room for
	// the runtime's own bookkeeping.
	const heapSlack = 256 << 10
	if heap1000 > heap100+heapSlack {
		t.Errorf("Go heap grew from %d to %d bytes over 900 calls (more than %d)", heap100, heap1000, heapSlack)
	}
	if haveGo {
		refs1000 := liveRefs(g)
		t.Logf("JavaScript values referenced by Go: %d after call 100, %d after call 1,000 (table size %d)",
			refs100, refs1000, g.Get("_values").Length())
		// each report is hundreds of objects: one leaked per call would add
		// ~900×hundreds; a js.Func per call would add at least 900.
		if refs1000 > refs100+50 {
			t.Errorf("Go holds %d references to JavaScript values after 1,000 calls, %d after 100: not released", refs1000, refs100)
		}
	}
}

// The reference count itself works: values Go still holds are counted,
// and released once dropped. Without this the bound above could pass on a
// count that never moves.
func TestLiveRefsCountsHeldValues(t *testing.T) {
	g, ok := jsGo()
	if !ok {
		t.Skip("the Go instance of wasm_exec.js was not found")
	}
	settle()
	before := liveRefs(g)
	held := make([]js.Value, 0, 500)
	for i := 0; i < 500; i++ {
		held = append(held, analyze("The thugs caused chaos.", nil))
	}
	settle()
	during := liveRefs(g)
	if during < before+500 {
		t.Errorf("holding 500 reports: %d references, want at least %d", during, before+500)
	}
	if !strings.Contains(held[499].Get("findings").Index(0).Get("text").String(), "thugs") {
		t.Errorf("unexpected report")
	}
	held = nil
	settle()
	if after := liveRefs(g); after > before+10 {
		t.Errorf("after dropping 500 reports: %d references, %d before", after, before)
	}
}
