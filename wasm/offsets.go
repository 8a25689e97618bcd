package main

import "unicode/utf8"

// checkpointStride is how many bytes of input one checkpoint covers: a
// lookup decodes at most this many bytes (plus one rune) after the
// checkpoint. 256 bytes cost 16 bytes of table, 1/16 of the input.
const checkpointStride = 256

// utf16Index converts half-open byte offsets into a UTF-8 string (what the
// analysis package reports) into UTF-16 code unit offsets (JavaScript
// string indices). It has no build tags so that it is tested natively.
//
// A rune of 1–3 UTF-8 bytes is one UTF-16 unit, a rune of 4 bytes (outside
// the Basic Multilingual Plane, e.g. "😀") two. An invalid byte counts as
// one unit: it is what utf8.DecodeRuneInString reads as one U+FFFD. (Text
// that comes from a JavaScript string is always valid UTF-8; a lone
// surrogate in it arrives as U+FFFD, 3 bytes, one unit, so indices match.)
// An offset inside a rune, which the analysis never produces, rounds down
// to the start of that rune; offsets are clamped to [0, len(text)].
type utf16Index struct {
	text  string
	ascii bool // every byte < 0x80: offsets are equal
	// cpByte[k] is the start of the rune that holds byte k*stride (a rune
	// boundary ≤ k*stride) and cpUnit[k] its UTF-16 offset.
	cpByte []int
	cpUnit []int
	total  int // UTF-16 length of text
}

// newUTF16Index reads text once and builds the checkpoint table (nothing
// for ASCII text).
func newUTF16Index(text string) *utf16Index {
	x := &utf16Index{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			x.ascii = false
			break
		}
	}
	if x.ascii {
		x.total = len(text)
		return x
	}
	n := len(text)/checkpointStride + 1
	x.cpByte = make([]int, 0, n)
	x.cpUnit = make([]int, 0, n)
	unit, next := 0, 0 // next: the byte offset of the next checkpoint
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		for next < i+size && next <= len(text) { // checkpoints inside this rune → its start
			x.cpByte = append(x.cpByte, i)
			x.cpUnit = append(x.cpUnit, unit)
			next += checkpointStride
		}
		unit += units(r, size)
		i += size
	}
	x.total = unit
	return x
}

// units is how many UTF-16 code units the rune r, read from size bytes,
// takes in JavaScript.
func units(r rune, size int) int {
	if size == 4 && r != utf8.RuneError {
		return 2
	}
	return 1
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
	k := b / checkpointStride
	i, unit := x.cpByte[k], x.cpUnit[k]
	for i < b {
		r, size := rune(x.text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(x.text[i:])
		}
		if i+size > b { // b is inside this rune: round down
			break
		}
		unit += units(r, size)
		i += size
	}
	return unit
}
