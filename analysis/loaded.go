package analysis

// checkLoaded reports loaded terms: words and phrases that tell the reader
// what to feel (lexicons/loaded.tsv). The lexicon match is the candidate;
// the context rules here decide whether and how it is reported:
//
//   - negated: a term right after a negation ("not a tragedy", "was no chaos",
//     "never been a terrorist", "non-violent"), with at most two filler
//     words between (articles, "really", "any"...), is not reported: the
//     author denies the label rather than applies it;
//   - quoted speech: a term inside a direct quotation is reported with
//     severity info and half its weight, and the message says it is the
//     speaker's word, not the author's;
//   - scare quotes: a quotation of one or two words (the "terrorists") is
//     the author's own label, not reported speech: it keeps its full
//     weight;
//   - fixed neutral senses ("heart attack", "regime change", "natural
//     disaster") are "ignore" entries of the lexicon, and narrower senses
//     are entry contexts (see Entry.Context), both applied by Find. The
//     violence labels "terrorist", "militant", "extremist", "coup" and
//     "attack" carry the context "near: protest|riot|unrest|...": in talk
//     of unrest they label protesters and protests, elsewhere they are
//     often the plain word of wire-service reporting.
func checkLoaded(d *Document, r *Report) {
	for _, m := range d.Matches {
		if m.Entry.Kind != KindLoaded || negated(d.Tokens, m.First) {
			continue
		}
		f := lexiconFinding(d, m)
		if f.Quoted {
			if scareQuoted(d.Tokens, m.First, m.EndToken) {
				f.Quoted = false
				f.Severity = SeverityWarning
				f.Weight = m.Entry.Weight
				f.Message += " (in scare quotes: the author's own label)"
				if m.Entry.Weight < 1 {
					f.Severity = SeverityInfo
				}
			} else {
				f.Message += " (quoted: the speaker's word, not the author's)"
			}
		}
		r.Findings = append(r.Findings, f)
	}
}

// negators deny what follows them. "no" is handled apart: it denies only
// after a form of "be" or "have" ("there was no chaos", "has no regime"),
// not as a quantifier ("no terrorist will escape" still applies the label).
var negators = newWordSet("not|never|without|nor|neither|non|hardly|cannot")

// denyingNo lists the words after which "no" denies what follows.
var denyingNo = newWordSet("is|are|was|were|be|been|being|'s|’s|has|have|had|with|there")

// negationFillers may stand between a negator and the term it denies.
var negationFillers = newWordSet("a|an|the|any|really|truly|actually|necessarily|been|be")

// negated reports whether the term starting at token first is denied by a
// negation just before it, in the same sentence: "not", "never",
// "without", "nor", "non-", a contraction ending in "n't", or "no" after
// "be" or "have", with at most two filler words between ("not a", "never
// been a").
func negated(tokens []Token, first int) bool {
	s := tokens[first].Sentence
	fillers := 0
	for i := first - 1; i >= 0 && tokens[i].Sentence == s; i-- {
		t := &tokens[i]
		if t.Kind == Punct {
			// "non-violent": a hyphen joined to both sides
			if isHyphen(t.Lower) && i > 0 && tokens[i-1].End == t.Start && t.End == tokens[i+1].Start && tokens[i-1].Lower == "non" {
				return true
			}
			return false
		}
		if negators.has(t.Lower) || (len(t.Lower) > 3 && t.Lower[len(t.Lower)-3:] == "n't") {
			return true
		}
		if t.Lower == "no" {
			return i > 0 && tokens[i-1].Sentence == s && denyingNo.has(tokens[i-1].Lower)
		}
		if !negationFillers.has(t.Lower) || fillers == 2 {
			return false
		}
		fillers++
	}
	return false
}

// scareQuoted reports whether tokens [first, end) lie in a quotation of at
// most two words: a label in scare quotes rather than quoted speech.
func scareQuoted(tokens []Token, first, end int) bool {
	words := 0
	for i := first; i >= 0 && tokens[i].Quoted; i-- {
		if tokens[i].Kind != Punct {
			words++
		}
	}
	for i := first + 1; i < len(tokens) && tokens[i].Quoted; i++ {
		if tokens[i].Kind != Punct {
			words++
		}
	}
	return words <= 2
}
