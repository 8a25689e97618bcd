package analysis

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

// TestStemVocabulary compares stemWord with the stems the unmodified
// github.com/kljensen/snowball v0.10.0 gives for every third word of the
// Snowball English vocabulary (testdata/english-stems.tsv.gz), so that the
// trimmed fork in third_party/snowball provably stems the same.
func TestStemVocabulary(t *testing.T) {
	f, err := os.Open("testdata/english-stems.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	n, bad := 0, 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		word, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("malformed line %q", line)
		}
		n++
		if got := stemWord(word); got != want {
			if bad++; bad <= 20 {
				t.Errorf("stemWord(%q) = %q, want %q", word, got, want)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 9000 {
		t.Fatalf("read %d words, want the whole list (~9800)", n)
	}
	if bad > 0 {
		t.Errorf("%d of %d stems differ", bad, n)
	}
}
