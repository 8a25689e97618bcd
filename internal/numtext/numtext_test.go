package numtext

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

func TestItoa(t *testing.T) {
	for _, n := range []int{0, 1, -1, 9, 10, 99, 100, -100, 123456789, math.MaxInt64, math.MinInt64 + 1, math.MinInt64} {
		if got, want := Itoa(n), strconv.Itoa(n); got != want {
			t.Errorf("Itoa(%d) = %q, want %q", n, got, want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		n := int(r.Int64()) >> r.IntN(63)
		if got, want := Itoa(n), strconv.Itoa(n); got != want {
			t.Fatalf("Itoa(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0", 0, true}, {"12", 12, true}, {"-3.25", -3.25, true}, {"+3.", 3, true}, {".25", 0.25, true},
		{"1234.5", 1234.5, true}, {"007", 7, true}, {"0.000001", 1e-6, true}, {"1.5", 1.5, true},
		{"", 0, false}, {".", 0, false}, {"-", 0, false}, {"1e3", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
		{"1.2.3", 0, false}, {"1,000", 0, false}, {" 1", 0, false}, {"0x10", 0, false},
		{"12345678901234567890", 0, false}, // 20 significant digits
	}
	for _, tt := range tests {
		got, ok := ParseDecimal(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("ParseDecimal(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	// every decimal of up to 15 significant digits parses as strconv does
	r := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		digits := 1 + r.IntN(15)
		mant := r.Int64N(int64(math.Pow10(digits)))
		s := strconv.FormatInt(mant, 10)
		if k := r.IntN(len(s) + 3); k <= len(s) {
			s = s[:len(s)-k] + "." + s[len(s)-k:]
		}
		want, err := strconv.ParseFloat(s, 64)
		got, ok := ParseDecimal(s)
		if err != nil || !ok || got != want {
			t.Fatalf("ParseDecimal(%q) = %v, %v; strconv %v, %v", s, got, ok, want, err)
		}
	}
}

// decimals returns numbers as news text writes them: up to 9 digits
// before the point and up to 4 after.
func decimals(r *rand.Rand, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		v := float64(r.Int64N(1_000_000_000)) / math.Pow10(r.IntN(5))
		if r.IntN(4) == 0 {
			v = -v
		}
		out[i] = v
	}
	return out
}

func TestFormatFixedMatchesStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vals := append(decimals(r, 100000), 0, 0.5, 1.5, 2.5, 2.675, 1.005, 0.125, 1e14, 999999.999, -0.004)
	for _, v := range vals {
		for prec := 0; prec <= 3; prec++ {
			// a ratio as the checks compute it, as well as the number itself
			for _, x := range []float64{v, v / 3, v * 1.1} {
				if got, want := FormatFixed(x, prec), strconv.FormatFloat(x, 'f', prec, 64); got != want {
					t.Fatalf("FormatFixed(%v, %d) = %q, strconv %q", x, prec, got, want)
				}
			}
		}
	}
}

func TestFormatShort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, v := range append(decimals(r, 100000), 0, 1, -1, 0.5, 12.25, 1e14) {
		if got, want := FormatShort(v), strconv.FormatFloat(v, 'f', -1, 64); got != want {
			t.Fatalf("FormatShort(%v) = %q, strconv %q", v, got, want)
		}
	}
	for v, want := range map[float64]string{1e300: "≥1e15", -2.5e20: "-≥1e15", math.Inf(1): "Inf", math.Inf(-1): "-Inf",
		math.NaN(): "NaN", 1.0 / 3: "0.333333", -0.0000001: "0", 2.0 / 3: "0.666667", math.Copysign(0, -1): "0"} {
		if got := FormatShort(v); got != want {
			t.Errorf("FormatShort(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestQuote(t *testing.T) {
	for _, s := range []string{"", "plain", `say "hi"`, `back\slash`, "tab\there", "line\nfeed", "café 😀 naïve", "«Ü»", "\x1b[0m", "\x7f",
		"bad \xff byte", "\u2028", "\u0085"} {
		if got, want := Quote(s), strconv.Quote(s); got != want {
			t.Errorf("Quote(%q) = %s, want %s", s, got, want)
		}
	}
	for _, r := range []rune{'a', '\'', '"', 'é', '😀', '\n', 0} {
		if got, want := QuoteRune(r), strconv.QuoteRune(r); got != want {
			t.Errorf("QuoteRune(%q) = %s, want %s", r, got, want)
		}
	}
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"12", "-3.25", ".5", "1e3", "1..2", "+", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseDecimal(s)
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("ParseDecimal(%q) = %v, but strconv rejects it: %v", s, v, err)
		}
		if want != 0 && math.Abs(v-want)/math.Abs(want) > 1e-15 || want == 0 && v != 0 {
			t.Fatalf("ParseDecimal(%q) = %v, strconv %v", s, v, want)
		}
	})
}

func FuzzQuote(f *testing.F) {
	for _, s := range []string{"plain", "a\"b", "\xff", "😀\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Quote(s)
		back, err := strconv.Unquote(q)
		if err != nil || back != s {
			t.Fatalf("Quote(%q) = %s does not unquote to it (%q, %v)", s, q, back, err)
		}
	})
}
