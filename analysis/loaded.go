package analysis

// checkLoaded reports loaded terms: words and phrases that tell the reader
// what to feel (lexicons/loaded.tsv).
func checkLoaded(d *Document, r *Report) {
	for _, m := range d.Matches {
		if m.Entry.Kind == KindLoaded {
			r.Findings = append(r.Findings, lexiconFinding(d, m))
		}
	}
}
