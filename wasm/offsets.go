package main

import (
	"math/bits"
	"unsafe"
)

// stride is how many bytes of input one checkpoint covers: a look-up
// counts at most this many bytes. 64 bytes cost 4 bytes of table.
const stride = 64

// utf16Index converts half-open byte offsets into a UTF-8 string (what the
// analysis package reports) into UTF-16 code unit offsets (JavaScript
// string indices). It has no build tags so that it is tested natively.
//
// The text is what syscall/js makes of a JavaScript string, which is
// always valid UTF-8 (a lone surrogate arrives as U+FFFD, 3 bytes, one
// unit, so indices still match). A rune of 1–3 UTF-8 bytes is then one
// UTF-16 unit and a rune of 4 bytes (outside the Basic Multilingual Plane,
// e.g. "😀") two, so counting needs no decoding: one unit per byte that is
// not a continuation byte, one more per 4-byte lead byte. (On invalid
// UTF-8, which cannot come from JavaScript, the offsets are still
// increasing and within [0, Len()], but not meaningful.) An offset inside
// a rune, which the analysis never produces, rounds down to the start of
// that rune; offsets are clamped to [0, len(text)].
type utf16Index struct {
	text  string
	ascii bool // every byte < 0x80: offsets are equal
	// counts[k] is the UTF-16 length of the runes that start before byte
	// k*stride.
	counts []int32
	total  int // UTF-16 length of text
}

// newUTF16Index reads text once and builds the checkpoint table (nothing
// for ASCII text).
func newUTF16Index(text string) *utf16Index {
	x := &utf16Index{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			x.ascii = false
			break
		}
	}
	if x.ascii {
		x.total = len(text)
		return x
	}
	x.counts = make([]int32, 0, len(text)/stride+1)
	unit := 0
	for i := 0; i <= len(text); i += stride {
		x.counts = append(x.counts, int32(unit))
		unit += unitsBetween(text, i, min(i+stride, len(text)))
	}
	x.total = unit
	return x
}

// unitsBetween counts the UTF-16 units of the runes that start in
// text[i:j].
func unitsBetween(text string, i, j int) int {
	n := 0
	// eight bytes at a time: a byte 10xxxxxx is a continuation byte (no
	// unit), a byte 1111xxxx a 4-byte lead (two units)
	for ; i+8 <= j; i += 8 {
		x := *(*uint64)(unsafe.Pointer(unsafe.StringData(text[i:])))
		const high = 0x8080808080808080
		cont := x &^ (x << 1) & high
		four := x & (x << 1) & (x << 2) & (x << 3) & high
		n += 8 - bits.OnesCount64(cont) + bits.OnesCount64(four)
	}
	for ; i < j; i++ {
		c := text[i]
		if c&0xC0 != 0x80 {
			n++
		}
		if c >= 0xF0 {
			n++
		}
	}
	return n
}

// Len is the UTF-16 length of the whole text.
func (x *utf16Index) Len() int { return x.total }

// Offset returns the UTF-16 offset of byte offset b.
func (x *utf16Index) Offset(b int) int {
	if b <= 0 {
		return 0
	}
	if b >= len(x.text) {
		return x.total
	}
	if x.ascii {
		return b
	}
	for b > 0 && x.text[b]&0xC0 == 0x80 { // inside a rune: its start
		b--
	}
	k := b / stride
	return int(x.counts[k]) + unitsBetween(x.text, k*stride, b)
}
