//go:build !(js && wasm)

package main

import "os"

func main() {
	os.Stderr.WriteString("wasmcore: build with GOOS=js GOARCH=wasm (bench/build.sh)\n")
	os.Exit(2)
}
