package analysis

import "github.com/plumbline/plumbline/internal/numtext"

// panicText is the text fmt's %v gives for the values a panic carries in
// practice: runtime errors and other errors, Stringers, strings and ints.
// Package analysis does not import fmt: in the wasm build fmt costs about
// 100 KB gzip (docs/size.md).
func panicText(p any) string {
	switch v := p.(type) {
	case error:
		return v.Error()
	case interface{ String() string }:
		return v.String()
	case string:
		return v
	case int:
		return itoa(v)
	}
	return "a panic of an unexpected type"
}

// itoa and quoted are numtext.Itoa and numtext.Quote (strconv's, without
// its float tables on the wasm path), kept out of line:
// inlined at each of the many message sites they cost the wasm build more
// than a call (docs/size.md).
//
//go:noinline
func itoa(n int) string { return numtext.Itoa(n) }

//go:noinline
func quoted(s string) string { return numtext.Quote(s) }
