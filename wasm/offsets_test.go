package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// naiveUTF16 is the obvious, slow conversion: decode text[:b] and count
// the UTF-16 units of its runes.
func naiveUTF16(text string, b int) int {
	return len(utf16.Encode([]rune(text[:b])))
}

func TestUTF16Offsets(t *testing.T) {
	tests := []struct {
		name string
		text string
		// byte offset → UTF-16 offset
		want map[int]int
	}{
		{"empty", "", map[int]int{0: 0, 5: 0, -1: 0}},
		{"ascii", "plain text", map[int]int{0: 0, 5: 5, 10: 10, 11: 10}},
		// "café 😀 naïve": é is 2 bytes (1 unit), 😀 is 4 bytes (2 units)
		{"mixed", "café 😀 naïve", map[int]int{
			0: 0, 3: 3, 5: 4, 6: 5, 10: 7, 11: 8, 13: 10, 15: 11, 16: 12,
			4:  3,  // inside "é": rounds down to its start
			8:  5,  // inside "😀": rounds down
			14: 10, // inside "ï"
			17: 13, 99: 13,
		}},
		{"cjk", "漢字 ok", map[int]int{3: 1, 6: 2, 7: 3, 9: 5}},
		{"lone surrogate as U+FFFD", "a\uFFFDb", map[int]int{1: 1, 4: 2, 5: 3}},
		{"long text crosses checkpoints", strings.Repeat("é😀a", 200), map[int]int{
			7: 4, 7 * 37: 4 * 37, 7*37 + 2: 4*37 + 1, 7 * 200: 4 * 200,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := newUTF16Index(tt.text)
			for b, want := range tt.want {
				if got := x.Offset(b); got != want {
					t.Errorf("Offset(%d) of %q = %d, want %d", b, tt.text, got, want)
				}
			}
			if got, want := x.Len(), naiveUTF16(tt.text, len(tt.text)); got != want {
				t.Errorf("Len = %d, want %d", got, want)
			}
		})
	}
}

// checkAgainstNaive compares every rune boundary of text with the naive
// conversion, and checks that offsets inside runes round down.
func checkAgainstNaive(t *testing.T, text string) {
	t.Helper()
	x := newUTF16Index(text)
	prevStart, prevUnit := 0, 0
	for i := 0; i <= len(text); {
		want := naiveUTF16(text, i)
		if got := x.Offset(i); got != want {
			t.Fatalf("Offset(%d) of %q = %d, naive %d", i, text, got, want)
		}
		for j := prevStart + 1; j < i; j++ { // inside the previous rune
			if got := x.Offset(j); got != prevUnit {
				t.Fatalf("Offset(%d) inside a rune of %q = %d, want %d", j, text, got, prevUnit)
			}
		}
		if i == len(text) {
			break
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		prevStart, prevUnit = i, want
		i += size
	}
}

func TestUTF16OffsetsMatchNaive(t *testing.T) {
	for _, s := range []string{
		"", "a", "é", "😀", "\uFFFD", "café 😀 naïve",
		strings.Repeat("ab😀\u20ac", 300), // 4- and 3-byte runes across checkpoints
		strings.Repeat("x", 255) + "😀" + strings.Repeat("y", 300),
		strings.Repeat("x", 254) + "😀😀" + strings.Repeat("é", 300),
	} {
		checkAgainstNaive(t, s)
	}
}

func FuzzUTF16Offsets(f *testing.F) {
	for _, s := range []string{"", "café 😀 naïve", "a\xffb", strings.Repeat("😀é", 100), "\xf0\x9f\x98"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.ValidString(s) { // all text from JavaScript
			checkAgainstNaive(t, s)
			return
		}
		// invalid UTF-8 cannot come from JavaScript: offsets must still be
		// increasing and within bounds
		x := newUTF16Index(s)
		prev := 0
		for b := -1; b <= len(s)+1; b++ {
			got := x.Offset(b)
			if got < prev || got > x.Len() {
				t.Fatalf("Offset(%d) of %q = %d after %d, Len %d", b, s, got, prev, x.Len())
			}
			prev = got
		}
	})
}

func BenchmarkUTF16Index(b *testing.B) {
	text := strings.Repeat("Les manifestants ont dit « non » — 😀 naïve café. ", 2000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		x := newUTF16Index(text)
		for off := 0; off < len(text); off += 97 {
			x.Offset(off)
		}
	}
}

// Byte offsets from the analysis become JavaScript string indices.
func Example_utf16Index() {
	text := "café 😀 naïve"
	x := newUTF16Index(text)
	start := strings.Index(text, "naïve")
	fmt.Println(start, "→", x.Offset(start))
	fmt.Println(len(text), "→", x.Len())
	// Output:
	// 11 → 8
	// 17 → 13
}
