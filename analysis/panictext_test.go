package analysis

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// TestTextsMatchFmt: the texts built without fmt read exactly as the
// fmt.Sprintf calls they replace.
func TestTextsMatchFmt(t *testing.T) {
	var runtimeErr error
	func() {
		defer func() { runtimeErr = recover().(error) }()
		var s []int
		_ = s[len(s)+1]
	}()
	for _, p := range []any{runtimeErr, errors.New("bad"), time.Second, "boom", 42, -7} {
		if got, want := panicText(p), fmt.Sprintf("%v", p); got != want {
			t.Errorf("panicText(%#v) = %q, want %q", p, got, want)
		}
	}
	for _, n := range []int{0, 1, 1023, 1024, 1025, 1536, 1<<20 - 1, 1 << 20, 5<<20 + 123456, 1 << 30} {
		var want string
		switch {
		case n >= 1<<20:
			want = fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
		case n >= 1<<10:
			want = fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
		default:
			want = fmt.Sprintf("%d bytes", n)
		}
		if got := humanBytes(n); got != want {
			t.Errorf("humanBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
