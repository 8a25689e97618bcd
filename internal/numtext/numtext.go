// Package numtext formats and parses the numbers plumbline reads and
// writes: integers, plain decimals ("12", "-3.25", "1234.5") and quoted
// strings for messages.
//
// It stands in for strconv on the wasm path. strconv's general float
// conversions (shortest round-trip formatting, every syntax ParseFloat
// accepts, the Unicode printability tables of Quote) cost about 30 KB of
// the gzip-compressed payload (docs/size.md), while plumbline only needs
// decimals of the size news text holds. Within that domain the results
// are strconv's: see the tests, which compare the two.
package numtext

import (
	"math"
	"unicode/utf8"
)

// Itoa is strconv.Itoa.
func Itoa(n int) string {
	var buf [20]byte
	i := len(buf)
	u := uint64(n)
	if n < 0 {
		u = uint64(-n)
	}
	for u >= 10 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = byte('0' + u)
	if n < 0 {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// ParseDecimal parses an optional sign, digits and an optional fraction
// ("12", "-0.5", "+3.", ".25"); nothing else (no exponent, no "NaN"). It
// reports false for anything else, or more than 19 significant digits.
// With at most 15 significant digits the result is correctly rounded, as
// strconv.ParseFloat's (an exact integer divided by an exact power of ten).
func ParseDecimal(s string) (float64, bool) {
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var mant uint64
	digits, frac, sig := 0, -1, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			if frac >= 0 {
				frac++
			}
			if mant == 0 && c == '0' {
				continue // leading zeros are not significant
			}
			sig++
			if sig > 19 {
				return 0, false
			}
			mant = mant*10 + uint64(c-'0')
		case c == '.' && frac < 0:
			frac = 0
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	v := float64(mant)
	for frac > 22 {
		v /= 1e22
		frac -= 22
	}
	if frac > 0 {
		v /= pow10[frac]
	}
	if neg {
		v = -v
	}
	return v, true
}

// FormatFixed is strconv.FormatFloat(v, 'f', prec, 64) for 0 ≤ prec ≤ 9
// and |v| < 1e15. Larger magnitudes, which no number of a text reaches but
// an out-of-range weight in a user lexicon may, are written "≥1e15" (or
// "-≥1e15"), infinities "Inf" and "-Inf", NaN "NaN".
func FormatFixed(v float64, prec int) string {
	prec = min(max(prec, 0), 9)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	switch {
	case v != v:
		return "NaN"
	case v > math.MaxFloat64:
		return sign + "Inf"
	case v >= 1e15:
		return sign + "≥1e15"
	}
	ip := math.Floor(v)
	f := v - ip // exact
	// the fraction's digits: f × 10^prec rounded to nearest, an exact half
	// to even, as strconv rounds the exact binary value. The product is
	// itself rounded; when it lands on a half, its rounding error (exact,
	// by Dekker's product) says which way the exact value lies.
	p := pow10[prec]
	scaled := f * p
	n, whole := uint64(scaled), uint64(ip)
	last := n // the number whose last digit is the result's
	if prec == 0 {
		last = whole
	}
	if rem := scaled - float64(n); rem > 0.5 {
		n++
	} else if rem == 0.5 {
		if e := productError(f, p, scaled); e > 0 || e == 0 && last%2 == 1 {
			n++
		}
	}
	if n >= uint64(p) { // the fraction rounded up to one
		n -= uint64(p)
		whole++
	}
	var buf [40]byte
	i := len(buf)
	for k := 0; k < prec; k++ {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if prec > 0 {
		i--
		buf[i] = '.'
	}
	for {
		i--
		buf[i] = byte('0' + whole%10)
		whole /= 10
		if whole == 0 {
			break
		}
	}
	return sign + string(buf[i:])
}

// productError returns a×b − p exactly, where p is a×b rounded to a
// float64 (Dekker's algorithm with Veltkamp's split).
func productError(a, b, p float64) float64 {
	split := func(x float64) (hi, lo float64) {
		c := 134217729 * x // 2^27 + 1
		hi = c - (c - x)
		return hi, x - hi
	}
	ah, al := split(a)
	bh, bl := split(b)
	return ((ah*bh - p) + ah*bl + al*bh) + al*bl
}

// FormatShort formats v with at most six decimals and no trailing zeros:
// what strconv.FormatFloat(v, 'f', -1, 64) gives for the numbers of news
// text (which have fewer decimals), and a readable rounding of the rest
// (1/3 → "0.333333").
func FormatShort(v float64) string {
	s := FormatFixed(v, 6)
	end := len(s)
	for end > 0 && s[end-1] == '0' {
		end--
	}
	if end > 0 && s[end-1] == '.' {
		end--
	}
	if s[:end] == "-0" {
		return "0"
	}
	return s[:end]
}

// Quote returns s in double quotes, with backslash, double quote, control
// characters and invalid UTF-8 bytes escaped as Go writes them (\n, \t,
// \x1b, \u2028); printable text, non-ASCII included, is kept as it is.
func Quote(s string) string { return quote(s, '"') }

// QuoteRune returns r in single quotes, escaped like Quote.
func QuoteRune(r rune) string { return quote(string(r), '\'') }

const hex = "0123456789abcdef"

func quote(s string, q byte) string {
	buf := make([]byte, 0, len(s)+2)
	buf = append(buf, q)
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == utf8.RuneError && size == 1:
			buf = append(buf, '\\', 'x', hex[s[i]>>4], hex[s[i]&15])
		case r == rune(q) || r == '\\':
			buf = append(buf, '\\', byte(r))
		case r == '\n':
			buf = append(buf, '\\', 'n')
		case r == '\t':
			buf = append(buf, '\\', 't')
		case r == '\r':
			buf = append(buf, '\\', 'r')
		case r < 0x20 || r == 0x7f:
			buf = append(buf, '\\', 'x', hex[r>>4], hex[r&15])
		case r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff:
			buf = append(buf, '\\', 'u', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
		default:
			buf = append(buf, s[i:i+size]...)
		}
		i += size
	}
	return string(append(buf, q))
}
