package analysis

// checkHedging reports hedges, boosters and attributions
// (lexicons/hedges.tsv).
func checkHedging(d *Document, r *Report) {
	for _, m := range d.Matches {
		switch m.Entry.Kind {
		case KindHedge, KindBooster, KindAttribution:
			r.Findings = append(r.Findings, lexiconFinding(d, m))
		}
	}
}
