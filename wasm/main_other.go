//go:build !(js && wasm)

// Outside the browser this command only says how to build it; the
// offset conversion it uses (offsets.go) is tested natively.
package main

import "os"

func main() {
	os.Stderr.WriteString("plumbline wasm: build with GOOS=js GOARCH=wasm (make wasm)\n")
	os.Exit(2)
}
