//go:build js && wasm

// Command wasmcore is the analysis alone compiled to wasm, for `make
// bench`: globalThis.plumblineCore.analyze(text) runs analysis.Analyze and
// returns only the number of findings, so that the time the page's entry
// point spends building the JavaScript report can be told apart from the
// analysis itself. globalThis.plumblineCore.memStats() returns the Go
// heap figures (after a collection) for the memory measurement.
package main

import (
	"runtime"
	"syscall/js"

	"github.com/plumbline/plumbline/analysis"
)

func main() {
	core := js.Global().Get("Object").New()
	core.Set("analyze", js.FuncOf(func(this js.Value, args []js.Value) any {
		rep := analysis.Analyze(args[0].String(), analysis.Options{})
		return len(rep.Findings)
	}))
	core.Set("memStats", js.FuncOf(func(this js.Value, args []js.Value) any {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return map[string]any{"heapAlloc": m.HeapAlloc, "heapSys": m.HeapSys, "sys": m.Sys, "numGC": m.NumGC}
	}))
	js.Global().Set("plumblineCore", core)
	select {}
}
