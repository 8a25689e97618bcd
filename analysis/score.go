package analysis

import "math"

// How the scores are computed (each is explainable from its findings):
//
//   - a finding's points are its Weight (halved inside quotations) for
//     loaded, hedge, booster and attribution findings, and 0 / 1 / 2 for an
//     info / warning / error number or name finding;
//   - a kind's score saturates its points per 100 words:
//     100 × (1 − e^(−density/scale)), so one mild word in a long article
//     scores low and a loaded word in every sentence approaches 100;
//   - numbers and names saturate their plain points: two warnings ≈ 63;
//   - overall is a weighted mean: loaded 0.5, hedging 0.25, numbers 0.15,
//     names 0.10;
//   - a sentence's score saturates the points of the findings in it;
//   - the summary counts attributions to named and to unnamed sources, the
//     sentences that hedge (a hedge, booster or unnamed source), and
//     hedges per sentence.
const (
	densityScale  = 4.0 // points per 100 words that score 63
	pointsScale   = 2.0 // number/name points that score 63
	sentenceScale = 3.0 // points in one sentence that score 63
)

// Points is what one finding contributes to the scores.
func Points(f *Finding) float64 {
	switch f.Kind {
	case KindNumber, KindName:
		return float64(severityRank(f.Severity))
	}
	return f.Weight
}

func saturate(x, scale float64) float64 {
	return math.Round(1000*(1-math.Exp(-x/scale))) / 10
}

// Score fills the report's stats, scores, per-sentence scores and summary
// from the document and the findings already in the report.
func Score(d *Document, r *Report) {
	words := 0
	for i := range d.Tokens {
		if d.Tokens[i].Kind != Punct {
			words++
		}
	}
	r.Stats = Stats{Bytes: len(d.Text), Words: words, Sentences: len(d.Sentences)}
	per100 := 0.0
	if words > 0 {
		per100 = 100 / float64(words)
	}

	sentencePoints := make([]float64, len(d.Sentences))
	hedged := make([]bool, len(d.Sentences))
	hedges := 0
	var loaded, hedging, numbers, names float64
	r.Summary = Summary{ByKind: map[string]int{}, ByCategory: map[string]int{}}
	// counts by kind and category, gathered in a short list (a text has a
	// few dozen pairs) and put into the maps once: a map look-up and a
	// concatenation per finding cost more, in wasm most
	type pair struct {
		kind, category string
		n              int
	}
	var pairs []pair
	for i := range r.Findings {
		f := &r.Findings[i]
		p := Points(f)
		switch f.Kind {
		case KindLoaded:
			loaded += p
		case KindHedge, KindBooster, KindAttribution:
			hedging += p
		case KindNumber:
			numbers += p
		case KindName:
			names += p
		}
		if f.Sentence >= 0 && f.Sentence < len(sentencePoints) {
			sentencePoints[f.Sentence] += p
		}
		k := 0
		for k < len(pairs) && (pairs[k].kind != f.Kind || pairs[k].category != f.Category) {
			k++
		}
		switch {
		case k < len(pairs):
			pairs[k].n++
		case k < maxScorePairs:
			pairs = append(pairs, pair{kind: f.Kind, category: f.Category, n: 1})
		default: // a user lexicon with very many categories
			r.Summary.ByKind[f.Kind]++
			r.Summary.ByCategory[f.Kind+"/"+f.Category]++
		}
		if f.Kind == KindAttribution {
			if f.Category == CategoryNamed {
				r.Summary.NamedSources++
			} else {
				r.Summary.AnonymousSources++
			}
		}
		if isHedging(f) {
			hedges++
			if f.Sentence >= 0 && f.Sentence < len(hedged) && !hedged[f.Sentence] {
				hedged[f.Sentence] = true
				r.Summary.HedgedSentences++
			}
		}
	}
	for _, p := range pairs {
		r.Summary.ByKind[p.kind] += p.n
		r.Summary.ByCategory[p.kind+"/"+p.category] += p.n
	}
	if len(d.Sentences) > 0 {
		r.Summary.HedgesPerSentence = math.Round(100*float64(hedges)/float64(len(d.Sentences))) / 100
	}
	r.Scores = Scores{
		Loaded:  saturate(loadedDensity(loaded, words), densityScale),
		Hedging: saturate(hedging*per100, densityScale),
		Numbers: saturate(numbers, pointsScale),
		Names:   saturate(names, pointsScale),
	}
	r.Scores.Overall = math.Round(10*(0.5*r.Scores.Loaded+0.25*r.Scores.Hedging+0.15*r.Scores.Numbers+0.10*r.Scores.Names)) / 10
	r.Sentences = make([]SentenceScore, len(d.Sentences))
	for i, s := range d.Sentences {
		r.Sentences[i] = SentenceScore{Start: s.Start, End: s.End, Score: saturate(sentencePoints[i], sentenceScale)}
	}
	r.Summary.Verdict = verdict(r.Scores.Overall)
}

// maxScorePairs is how many kind and category pairs Score counts in its
// list; more go straight into the maps.
const maxScorePairs = 64

// isHedging reports the findings that hide a source or a degree of
// certainty: hedges, boosters, and attributions to unnamed sources.
func isHedging(f *Finding) bool {
	switch f.Kind {
	case KindHedge, KindBooster:
		return true
	case KindAttribution:
		return f.Category != CategoryNamed
	}
	return false
}

func verdict(overall float64) string {
	switch {
	case overall < 10:
		return "Plumb: neutral wording, sourced claims and consistent numbers."
	case overall < 25:
		return "Mostly plumb: a few words or claims to look at."
	case overall < 50:
		return "Leaning: loaded wording or unsourced claims colour the text."
	}
	return "Far from plumb: the wording tells the reader what to feel."
}

// minLoadedWords is the shortest text length the loaded score assumes: a
// headline or a single sentence with one loaded word is scored as if it
// stood in a 50-word text, so that one word does not score like a loaded
// word in every sentence (a 5-word headline with "terrorists", weight 2,
// scores 63, not 100).
const minLoadedWords = 50

// loadedDensity is the loaded score's density: the loaded findings' points
// (each finding's weight, halved inside quotations) per 100 words of text,
// counting at least minLoadedWords words. The loaded score is
// 100 × (1 − e^(−density/4)): 1 point per 100 words scores 22, 4 score 63,
// 8 score 86. Every point is a listed finding, so the score can be
// recomputed from the findings and the word count in the stats.
func loadedDensity(points float64, words int) float64 {
	return points * 100 / float64(max(words, minLoadedWords))
}
