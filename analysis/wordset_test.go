package analysis

import "testing"

// TestMayStartMask: mayStartMask must let through every word of
// mayStartNumber's lists (and it should reject the rest cheaply).
func TestMayStartMask(t *testing.T) {
	var want [26]uint32
	for _, set := range []map[string]bool{keys(mayStartNumberWords), keys(smallNumbers)} {
		for w := range set {
			if w == "" || len(w) > 31 || w[0] < 'a' || w[0] > 'z' {
				t.Fatalf("mayStartMask cannot hold %q", w)
			}
			want[w[0]-'a'] |= 1 << len(w)
		}
	}
	if mayStartMask != want {
		t.Errorf("mayStartMask is out of date; want:\n%#v", want)
	}
	for _, w := range []string{"a", "two", "ninety", "january", "sept", "thousands"} {
		if !mayStartNumber(w) {
			t.Errorf("mayStartNumber(%q) = false", w)
		}
	}
	for _, w := range []string{"the", "of", "police", "", "Two", "é", "twofold"} {
		if mayStartNumber(w) {
			t.Errorf("mayStartNumber(%q) = true", w)
		}
	}
}

func keys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

func TestWordTablesPanicOnDuplicates(t *testing.T) {
	for name, f := range map[string]func(){
		"set": func() { newWordSet("a|b|a") },
		"map": func() { newWordMap([]words[int]{{"a|b", 1}, {"c|b", 2}}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: a word listed twice did not panic", name)
				}
			}()
			f()
		}()
	}
	s := newWordSet("took part|per cent")
	if !s.has("took part") || s.has("took") {
		t.Errorf("newWordSet splits only at |")
	}
	m := newWordMap([]words[string]{{"km|kms", "km"}, {"mi", "mi"}})
	if m["kms"] != "km" || m["mi"] != "mi" || len(m) != 3 {
		t.Errorf("newWordMap = %v", m)
	}
}
