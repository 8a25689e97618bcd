package analysis

import (
	"maps"
	"testing"
)

// TestScoreSummaryCounts checks Summary.ByKind and ByCategory against a
// plain count over the findings, with few pairs (counted in Score's list)
// and with more than maxScorePairs (the rest go straight into the maps).
func TestScoreSummaryCounts(t *testing.T) {
	for _, categories := range []int{1, 5, maxScorePairs - 1, maxScorePairs, maxScorePairs + 1, 3 * maxScorePairs} {
		d := &Document{Text: "x", Sentences: []Sentence{{Start: 0, End: 1}}}
		var r Report
		kinds := []string{KindLoaded, KindHedge, KindNumber}
		for i := 0; i < 4*categories+7; i++ {
			// interleaved, so that a later finding meets an earlier pair
			r.Findings = append(r.Findings, Finding{Kind: kinds[i%len(kinds)], Category: "c" + itoa(i%categories), Severity: "warning", Weight: 1})
		}
		wantKind, wantCat := map[string]int{}, map[string]int{}
		for _, f := range r.Findings {
			wantKind[f.Kind]++
			wantCat[f.Kind+"/"+f.Category]++
		}
		Score(d, &r)
		if !maps.Equal(r.Summary.ByKind, wantKind) {
			t.Errorf("%d categories: ByKind = %v, want %v", categories, r.Summary.ByKind, wantKind)
		}
		if !maps.Equal(r.Summary.ByCategory, wantCat) {
			t.Errorf("%d categories: ByCategory has %d pairs, want %d (%v)", categories, len(r.Summary.ByCategory), len(wantCat), r.Summary.ByCategory)
		}
	}
}
