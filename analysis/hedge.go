package analysis

import (
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Hedging categories that checkHedging sets or resolves. The lexicon
// (lexicons/hedges.tsv) gives most categories directly; three of its
// categories are placeholders that context decides:
//
//   - attribution/reporting-verb ("said", "told", "stated"...) becomes
//     named, anonymous or passive by its subject, or is dropped when the
//     subject says nothing either way ("the doctor said");
//   - attribution/source-follows ("according to X") becomes named or
//     anonymous by X;
//   - hedge/belief-verb ("believe", "considered", "suggests"...) becomes a
//     passive or anonymous attribution ("is believed", "experts think") or
//     a hedge/belief ("Smith believes").
const (
	CategoryNamed     = "named"
	CategoryAnonymous = "anonymous"
	CategoryPassive   = "passive"
	CategoryBelief    = "belief"

	categoryReportingVerb = "reporting-verb"
	categorySourceFollows = "source-follows"
	categoryBeliefVerb    = "belief-verb"
)

// namedWeight is the weight of an attribution to a named source: worth
// showing (the reader sees who says so), not a problem.
const namedWeight = 0.25

// namedBeliefWeight caps the weight of a belief whose holder is named
// ("Smith suspects"): below 1, so it is info.
const namedBeliefWeight = 0.5

const (
	msgNamed       = "attributed to a named source"
	sugNamed       = "" // nothing to fix
	msgAnonymous   = "anonymous source: who says so?"
	sugAnonymous   = "name the source, or say why it cannot be named"
	msgPassive     = "passive attribution that hides the source"
	sugPassive     = "name the source"
	maxSubjectToks = 10
)

// checkHedging reports hedges, boosters and attributions
// (lexicons/hedges.tsv), after the context rules below:
//
//   - modals: "May" the month or a surname, "may" that permits, asks or
//     wishes ("you may check", "May I", "may God"), "may" in legal text
//     (quoted law, "under the constitution", "shall"), the noun "might";
//     "alleged" and "supposed" as nouns or obligations ("the accused",
//     "supposed to help");
//   - reporting verbs: named, anonymous or passive by their subject (or
//     the words after the verb: ", said the minister"); dropped when
//     negated, when the subject says nothing ("the doctor said"), when a
//     passive reports an act rather than a claim ("will be confirmed",
//     "were added"), for orders ("told to leave") and possessive nouns;
//     a passive with a named agent ("reported by Reuters") is named;
//   - "according to X": named or anonymous by X, the span ending at the
//     name or the source noun;
//   - belief verbs: passive ("is believed") and anonymous ("experts
//     think") beliefs are attributions, a named holder's belief is a
//     hedge, nouns and infinitives ("a thought", "refused to believe")
//     are dropped.
//
// A hedge inside an attribution or a booster ("it is believed", "no
// doubt") is reported once, as the larger. Each sentence is scanned at
// most once for its legal and headline facts, so the check is linear.
func checkHedging(d *Document, r *Report) {
	var facts sentenceFacts
	first := len(r.Findings)
	n := 0
	for i := range d.Matches {
		if k := d.Matches[i].Entry.Kind; k == KindHedge || k == KindBooster || k == KindAttribution {
			n++
		}
	}
	r.Findings = slices.Grow(r.Findings, n)
	for _, m := range d.Matches {
		e := m.Entry
		if e.Kind != KindHedge && e.Kind != KindBooster && e.Kind != KindAttribution {
			continue
		}
		f := lexiconFinding(d, m)
		keep := true
		switch {
		case e.Category == categoryReportingVerb:
			keep = resolveReportingVerb(d, m, &f, &facts)
		case e.Category == categorySourceFollows:
			keep = resolveSourceFollows(d, m, &f)
		case e.Category == categoryBeliefVerb:
			keep = resolveBeliefVerb(d, m, &f)
		case e.Kind == KindAttribution && e.Category == CategoryPassive:
			// "it was reported by Reuters": the passive names its source
			if hi := namedAgent(d, m.EndToken); hi > 0 {
				setAttribution(d, &f, CategoryNamed, m.First, hi)
			}
		case e.Kind == KindHedge && m.EndToken-m.First == 1:
			keep = modalSense(d, m.First, &facts)
		}
		if keep {
			r.Findings = append(r.Findings, f)
		}
	}
	resolveOverlaps(r, first)
}

// resolveOverlaps keeps, among the findings from index first on, one
// finding per overlapping group of the same kind (the earliest, then the
// longest: "is widely regarded" over "widely regarded"), and drops hedges
// that overlap an attribution or booster ("it is believed" is one passive
// attribution, not also a belief; "no doubt" is a booster).
func resolveOverlaps(r *Report, first int) {
	fs := r.Findings[first:]
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Start != fs[j].Start {
			return fs[i].Start < fs[j].Start
		}
		return fs[i].End > fs[j].End
	})
	// keep in place: a kept finding moves only when an earlier one was
	// dropped (copying a Finding writes its pointers, which costs a write
	// barrier each while the collector runs)
	n := 0
	var lastEnd [3]int // by hedgeKindSlot: end of the last finding kept, -1 none
	lastEnd[0], lastEnd[1], lastEnd[2] = -1, -1, -1
	coverEnd := -1 // end of the last attribution or booster kept
	for i := range fs {
		f := &fs[i]
		k := hedgeKindSlot(f.Kind)
		if f.Start < lastEnd[k] {
			continue
		}
		if k == 0 && f.Start < coverEnd {
			continue
		}
		lastEnd[k] = f.End
		if k != 0 && f.End > coverEnd {
			coverEnd = f.End
		}
		if n != i {
			fs[n] = *f
		}
		n++
	}
	out := fs[:n]
	// a hedge kept before a longer attribution that starts inside it is
	// rare ("perhaps it is believed" does not overlap); drop hedges that
	// an attribution or booster kept later still covers
	var covers []int // start and end of each attribution or booster kept
	for i := range out {
		if out[i].Kind != KindHedge {
			covers = append(covers, out[i].Start, out[i].End)
		}
	}
	c := 0
	n = 0
	for i := range out {
		if f := &out[i]; f.Kind == KindHedge {
			for c < len(covers) && covers[c+1] <= f.Start {
				c += 2
			}
			if c < len(covers) && covers[c] < f.End {
				continue
			}
		}
		if n != i {
			out[n] = out[i]
		}
		n++
	}
	r.Findings = r.Findings[:first+n]
}

// hedgeKindSlot numbers the kinds of findings checkHedging makes: 0 for a
// hedge, 1 for a booster, 2 for an attribution.
func hedgeKindSlot(kind string) int {
	switch kind {
	case KindHedge:
		return 0
	case KindBooster:
		return 1
	}
	return 2
}

// --- the modal verbs ------------------------------------------------------

// modalSense reports whether the one-word hedge at token i is meant as a
// hedge: "may" not the month (or a name), "might" not the noun, "may" not
// a permission in legal text.
func modalSense(d *Document, i int, facts *sentenceFacts) bool {
	switch d.Tokens[i].Lower {
	case "may":
		return !isMonthMay(d, i, facts) && !permissionMay(d, i) && !facts.legal(d, d.Tokens[i].Sentence)
	case "might":
		return !isNounMight(d, i)
	}
	if d.Tokens[i].Lower == "supposed" && i+2 < len(d.Tokens) && d.Tokens[i+1].Lower == "to" && d.Tokens[i+2].Lower != "have" {
		return false // "they are supposed to help": an obligation ("supposed to have fled" doubts)
	}
	if f := &d.Tokens[i]; i > 0 && tokenIs(d, i-1, testDeterminer) && d.Tokens[i-1].Sentence == f.Sentence {
		switch f.Lower {
		case "accused", "alleged", "supposed", "purported": // "the accused": a noun; "the alleged attack" stays
			return f.Lower != "accused"
		}
	}
	return true
}

// monthPrepositions precede a month name: "in May", "since May".
var monthPrepositions = newWordSet("in|since|until|till|by|from|of|early|late|mid|last|next|this|during|through|before|after|" +
	"throughout|to|and|or")

// isMonthMay tells the month (or the name, "Theresa May") from the modal:
// a "May" next to a number ("May 20", "20 May 2022"), after a month
// preposition ("in May"), or capitalised inside a sentence that is not a
// title-case headline.
func isMonthMay(d *Document, i int, facts *sentenceFacts) bool {
	if i+1 < len(d.Tokens) && d.Tokens[i+1].Kind == Number {
		return true
	}
	if i > 0 && d.Tokens[i-1].Kind == Number && d.Tokens[i-1].Sentence == d.Tokens[i].Sentence {
		return true
	}
	if !capitalised(d, i) {
		return false
	}
	if i > 0 && monthPrepositions.has(d.Tokens[i-1].Lower) {
		return true
	}
	// "Theresa May, ...", "Theresa May said": a surname after a name; in a
	// title-case headline the modal is followed by a capitalised verb
	// ("Gov May Use Army")
	if i > 0 && capitalised(d, i-1) && !sentenceInitial(d, i-1) &&
		(i+1 >= len(d.Tokens) || !capitalised(d, i+1)) {
		return true
	}
	if sentenceInitial(d, i) {
		// "May, the wettest month", "May was warm": a month opening a sentence
		return i+1 < len(d.Tokens) && (d.Tokens[i+1].Lower == "," || d.Tokens[i+1].Lower == "was" || d.Tokens[i+1].Lower == "is")
	}
	return !facts.title(d, d.Tokens[i].Sentence)
}

// permissionMay reports a "may" that grants or asks leave, or wishes,
// rather than hedging: a sentence that opens with it ("May I ask?", "May
// God bless you"), a clause that opens with it before a name ("..., may
// Allah help them"), and "you may" before any verb but "be" ("you may
// check the website"; "you may be right" still hedges).
func permissionMay(d *Document, i int) bool {
	if sentenceInitial(d, i) {
		return true
	}
	// "..., may Allah awaken them": a wish at the head of a clause
	if i > 0 && i+1 < len(d.Tokens) && d.Tokens[i-1].Kind == Punct && d.Tokens[i-1].Sentence == d.Tokens[i].Sentence &&
		(capitalised(d, i+1) || d.Tokens[i+1].Lower == "god") {
		return true
	}
	if i > 0 && d.Tokens[i-1].Lower == "you" && i+1 < len(d.Tokens) {
		n := d.Tokens[i+1].Lower
		return n != "be" && n != "have" && n != "well" && n != "not"
	}
	return false
}

// isNounMight tells "military might", "with all his might" from the modal.
func isNounMight(d *Document, i int) bool {
	if i > 0 {
		if isNounMightWords.has(d.Tokens[i-1].Lower) {
			return true
		}
	}
	if i+1 >= len(d.Tokens) {
		return true
	}
	n := d.Tokens[i+1]
	if n.Kind == Punct && n.Lower != "\"" && n.Lower != "’" && n.Lower != "”" {
		return n.Lower != "," // "might, perhaps, be" keeps the modal
	}
	switch n.Lower {
	case "and", "of", "is", "was", "makes", "made":
		return true
	}
	return false
}

var isNounMightWords = newWordSet("the|his|her|its|their|our|my|your|all|whose|of|military|economic|naval|industrial|financial|" +
	"full|great|sheer|main")

// sentenceFacts remembers, per sentence, whether it is legal text and
// whether it is a title-case headline, so that each sentence is scanned at
// most once for each (checkHedging stays linear in the text).
type sentenceFacts struct{ isLegal, isTitle map[int]bool }

func (c *sentenceFacts) legal(d *Document, s int) bool {
	if c.isLegal == nil {
		c.isLegal = map[int]bool{}
	}
	v, ok := c.isLegal[s]
	if !ok {
		v = legalSentence(d, s)
		c.isLegal[s] = v
	}
	return v
}

func (c *sentenceFacts) title(d *Document, s int) bool {
	if c.isTitle == nil {
		c.isTitle = map[int]bool{}
	}
	v, ok := c.isTitle[s]
	if !ok {
		v = isHeadline(d, s)
		c.isTitle[s] = v
	}
	return v
}

// legalWords are found in the text of laws; legalDivisions before a
// number cite one ("Article 4").
var (
	legalWords     = newWordSet("shall|hereby|thereof|herein|pursuant|notwithstanding")
	legalDivisions = newWordSet("article|section|clause|paragraph|art.|§|chapter")
)

// legalNouns name legal texts; with a quotation they mark "may" as a
// permission ("the court may order").
var legalNouns = newWordSet("law|laws|act|statute|constitution|code|treaty|regulation|regulations|decree|charter|" +
	"ordinance|directive|bill|article|section|clause|paragraph|court|convention|provision|" +
	"provisions|rule|rules|legislation|agreement|deal|accord|contract|terms|guidelines")

// lawVerbs say what a law does: "the constitution allows".
var lawVerbs = newWordSet("allows|allowed|permits|permitted|provides|provided|stipulates|stipulated|states|stated|says|" +
	"said|grants|granted|entitles|authorizes|authorises|empowers")

// legalSentence reports whether sentence s reads as legal text, where
// "may" grants a permission instead of hedging: it says "shall", cites an
// article or section by number, invokes a law ("under the constitution",
// "the law allows"), or quotes a text and names a law.
func legalSentence(d *Document, s int) bool {
	if s < 0 || s >= len(d.Sentences) {
		return false
	}
	sent := d.Sentences[s]
	quoted, law := false, false
	under := -10 // token index of the last "under"
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		t := &d.Tokens[k]
		switch {
		case tokenIs(d, k, testLegalWord):
			return true
		case tokenIs(d, k, testLegalDivision):
			if k+1 < sent.EndToken && d.Tokens[k+1].Kind == Number {
				return true
			}
		case t.Lower == "under":
			under = k
		}
		if t.Kind == Word && t.Quoted && t.Lower == "may" {
			quoted = true
		}
		if tokenIs(d, k, testLegalNoun) {
			law = true
			// "under the (new) law", "the constitution allows": the law
			// speaks (a court's words are weighed elsewhere)
			if t.Lower != "court" && (k-under <= 3 || k+1 < sent.EndToken && tokenIs(d, k+1, testLawVerb)) {
				return true
			}
		}
	}
	return quoted && law
}

// --- attributions ---------------------------------------------------------

// anonymousNouns are sources without a name: "officials said", "according
// to witnesses", "experts believe".
var anonymousNouns = newWordSet("source|sources|official|officials|expert|experts|analyst|analysts|observer|observers|critic|" +
	"critics|witness|witnesses|eyewitness|eyewitnesses|insider|insiders|people|residents|locals|" +
	"some|many|others|someone|somebody|everyone|everybody|diplomats|commentators|reports|report|" +
	"rumours|rumors|media|authorities|scientists|researchers|studies|estimates|bloggers|users|" +
	"onlookers|unnamed|anonymous|unidentified|unconfirmed|informed|several|most|diplomat|aide|" +
	"aides|person|persons|individual|individuals|staffer|staffers|activist|activists|resident|" +
	"protester|protesters|protestor|protestors|participants|employee|employees|neighbours|" +
	"neighbors")

// institutionNouns name an accountable speaker even without a proper name:
// "the ministry said", "the Russian president indicated".
var institutionNouns = newWordSet("government|ministry|police|army|military|president|minister|premier|spokesman|spokeswoman|" +
	"spokesperson|service|office|agency|embassy|court|prosecutor|prosecutors|company|statement|" +
	"department|council|committee|commission|parliament|senate|governor|mayor|chancellor|" +
	"secretary|ambassador|administration|ombudsman|director|chairman|chairwoman|chair|ceo|king|" +
	"queen|pope|leader|leadership|kremlin|cabinet|headquarters|regulator|union|organization|" +
	"organisation|newspaper|broadcaster|coroner|judge|bank|hospital|university|club|party|firm|" +
	"campaign|foundation|institute|airline|network")

// subjectPronouns refer back to a speaker the text has named.
var subjectPronouns = newWordSet("he|she|they|we|i|it|you|him|her|them|us|me")

// skipBeforeVerb are adverbs and auxiliaries between a subject and its
// reporting verb ("Putin also noted", "the ministry has said").
var skipBeforeVerb = newWordSet("also|later|earlier|again|then|further|previously|recently|once|repeatedly|publicly|today|" +
	"yesterday|separately|has|have|had|will|would|had've|reportedly|allegedly|widely|generally|" +
	"commonly|often|frequently|traditionally|largely|usually|long|still|now|first|originally|" +
	"initially|sometimes|always|privately|officially|formally|explicitly|openly|not|never|n't|" +
	"did|does|do|may|might|could|can|should|must|shall")

var beVerbs = newWordSet("is|are|was|were|be|been|being|'s|'re")

// clauseBoundary words end the search for a subject: the subject of
// "said" in "the claim that officials said" starts after "that".
var clauseBoundary = newWordSet("that|which|who|whom|because|when|while|after|before|as|if|but|although|though|whereas|since|" +
	"where|so|what|how|why|than|until|unless")

// determiners alone make no subject ("the reported death", "his noted").
var determiners = newWordSet("the|a|an|this|that|these|those|his|her|its|their|our|my|your|no|any|each|every|one")

// commonInitial are words that are capitalised only because they open a
// sentence: "In 2008 police said" has no proper name.
var commonInitial = newWordSet("in|on|at|for|by|with|from|after|before|during|however|meanwhile|also|and|yet|still|then|now|" +
	"today|yesterday|earlier|later|last|there|here|few|all|both|moreover|furthermore|instead|" +
	"thus|therefore|nevertheless|indeed|only|even|such|other|another|local|senior|top|western|" +
	"foreign|independent|military|government")

// sourceKind classifies tokens [lo, hi) as the source of an attribution:
// named (a proper name, an institution, a pronoun that refers back to
// one), anonymous (unnamed officials, sources, experts, reports), or ""
// when the words say nothing either way.
func sourceKind(d *Document, lo, hi int) string {
	anon, appositive, named := false, false, false
	for k := lo; k < hi; k++ {
		t := &d.Tokens[k]
		if t.Kind != Word {
			continue
		}
		switch {
		case t.Lower == "report" && k > lo &&
			(capitalised(d, k-1) && !tokenIs(d, k-1, testDeterminer) ||
				tokenIs(d, k-1, testDeterminer) && d.Tokens[k-1].Lower != "a" && d.Tokens[k-1].Lower != "an" && d.Tokens[k-1].Lower != "one"):
			// "the Senate report", "the report" (one the text has named):
			// not anonymous in itself; "a report", "reports" are
		case k == hi-1 && tokenIs(d, k, testSubjectPronoun):
			return CategoryNamed // the nearest word is the subject: "everyone she said"
		case tokenIs(d, k, testAnonymousNoun):
			anon = true
			// "expert John Smith", "spokesman Dmitry Peskov": named after all
			if k+1 < hi && d.Tokens[k+1].Kind == Word && capitalised(d, k+1) {
				appositive = true
			}
			// "a report by the Senate", "studies from Harvard": a named author
			if (t.Lower == "report" || t.Lower == "reports" || t.Lower == "studies") && k+2 < hi &&
				(d.Tokens[k+1].Lower == "by" || d.Tokens[k+1].Lower == "from" || d.Tokens[k+1].Lower == "of") &&
				(capitalised(d, k+2) || k+3 < hi && d.Tokens[k+2].Lower == "the" && capitalised(d, k+3)) {
				appositive = true
			}
		case tokenIs(d, k, testInstitutionNoun):
			named = true
		case capitalised(d, k) && !tokenIs(d, k, testDeterminer) && !tokenIs(d, k, testSubjectPronoun) && !tokenIs(d, k, testClauseBoundary) &&
			!(tokenIs(d, k, testCommonInitial) && sentenceInitial(d, k)):
			named = true
		}
	}
	switch {
	case anon && !appositive:
		return CategoryAnonymous
	case named:
		return CategoryNamed
	}
	return ""
}

// verbFrame is what precedes a reporting or belief verb in its sentence.
type verbFrame struct {
	// lo, hi is the token range of the subject (empty when none).
	lo, hi int
	// passive: "was reported", "it's said"; negated: "did not say";
	// modal: "could be considered"; infinitive: "to be told";
	// possessive: "Allen's view" (the verb is a noun).
	passive, negated, modal, infinitive, possessive bool
}

var modalAux = newWordSet("may|might|could|can|should|must|would|will|shall")

// subjectBefore returns the frame of the verb at token v: its subject,
// within the sentence, and the auxiliaries between them.
func subjectBefore(d *Document, v int) (fr verbFrame) {
	s := d.Sentences[d.Tokens[v].Sentence]
	j := v - 1
	for j >= s.FirstToken && d.Tokens[j].Kind == Word && (tokenIs(d, j, testSkipBeforeVerb) || tokenIs(d, j, testBeVerb)) {
		switch l := d.Tokens[j].Lower; {
		case l == "not" || l == "never" || l == "n't":
			fr.negated = true
		case tokenIs(d, j, testBeVerb):
			fr.passive = true
		case tokenIs(d, j, testModalAux):
			fr.modal = true
		}
		j--
	}
	if j >= s.FirstToken && d.Tokens[j].Lower == "to" && fr.passive {
		fr.infinitive = true // "we need to be told"
	}
	if j > s.FirstToken && d.Tokens[j].Lower == "'s" && j == v-1 {
		switch d.Tokens[j-1].Lower {
		case "it", "that", "what", "there", "this": // "it's said": it is said
			fr.passive = true
			j--
		case "he", "she", "who": // "he's said": he has said
			j--
		default: // "Allen's view": a noun
			fr.possessive = true
		}
	}
	fr.hi = j + 1
	k := j
	for k >= s.FirstToken && fr.hi-k <= maxSubjectToks {
		t := &d.Tokens[k]
		if t.Kind == Punct && t.Lower != "-" && t.Lower != "'s" {
			break
		}
		if t.Kind == Word && tokenIs(d, k, testClauseBoundary) {
			break
		}
		k--
	}
	fr.lo = k + 1
	return fr
}

// phraseAfter returns the token range [lo, hi) of the words after token
// end, up to punctuation or a clause boundary, within the sentence.
func phraseAfter(d *Document, end int) (lo, hi int) {
	if end >= len(d.Tokens) || end <= 0 {
		return end, end
	}
	s := d.Sentences[d.Tokens[end-1].Sentence]
	k := end
	for k < s.EndToken && k-end < maxSubjectToks {
		t := &d.Tokens[k]
		if t.Kind == Punct && t.Lower != "-" && t.Lower != "'s" {
			break
		}
		if t.Kind == Word && tokenIs(d, k, testClauseBoundary) && k > end {
			break
		}
		k++
	}
	return end, k
}

// namedAgent returns the end token of "by" and a named source right after
// token end ("reported by Reuters", "announced by the ministry"), or 0
// when no named agent follows.
func namedAgent(d *Document, end int) int {
	lo, hi := phraseAfter(d, end)
	if hi-lo < 2 || d.Tokens[lo].Lower != "by" {
		return 0
	}
	if hi-lo > 6 {
		hi = lo + 6
	}
	if sourceKind(d, lo+1, hi) != CategoryNamed {
		return 0
	}
	return hi
}

// setAttribution turns f into an attribution of the given category
// spanning tokens [lo, hi).
func setAttribution(d *Document, f *Finding, category string, lo, hi int) {
	f.Kind = KindAttribution
	f.Category = category
	if lo < hi {
		f.Start, f.End = d.Tokens[lo].Start, d.Tokens[hi-1].End
		f.Text = d.Text[f.Start:f.End]
		f.Sentence = d.Tokens[lo].Sentence
	}
	switch category {
	case CategoryNamed:
		f.Message, f.Suggestion, f.Weight = msgNamed, sugNamed, namedWeight
	case CategoryAnonymous:
		f.Message, f.Suggestion = msgAnonymous, sugAnonymous
	case CategoryPassive:
		f.Message, f.Suggestion = msgPassive, sugPassive
	}
	f.Severity = SeverityWarning
	if f.Weight < 1 || f.Quoted {
		f.Severity = SeverityInfo
	}
}

// hearsayVerbs are the reporting verbs whose passive always hides a
// source: "he is said", "five were reported dead", "he was told".
var hearsayVerbs = newWordSet("said|reported|claimed|told")

// resolveReportingVerb classifies "said", "told", "stated"... by who says:
// "the ministry said" (named), "officials said" (anonymous), "it was
// reported" (passive, unless "by" a named source follows), "said Putin"
// (the subject after the verb). It reports false when there is no claim
// ("did not say") or the subject says nothing ("the doctor said").
func resolveReportingVerb(d *Document, m Match, f *Finding, facts *sentenceFacts) bool {
	v := m.First
	if capitalised(d, v) && !sentenceInitial(d, v) && !facts.title(d, d.Tokens[v].Sentence) {
		return false // part of a name
	}
	fr := subjectBefore(d, v)
	lo, hi := fr.lo, fr.hi
	if fr.negated || fr.possessive || fr.infinitive {
		return false
	}
	if fr.passive {
		next, next2 := "", ""
		if m.EndToken < len(d.Tokens) {
			next = d.Tokens[m.EndToken].Lower
		}
		if m.EndToken+1 < len(d.Tokens) {
			next2 = d.Tokens[m.EndToken+1].Lower
		}
		if d.Tokens[v].Lower == "told" && (next == "to" || next == "not" && next2 == "to") {
			return false // "they were told (not) to leave": an order, not a report
		}
		// the span: the auxiliaries and the verb ("was reported"), with a
		// dummy subject ("it was reported", "it's said")
		start := hi
		if start >= m.First || start < 0 {
			start = m.First
		}
		if hi > lo && d.Tokens[hi-1].Lower == "it" {
			start = hi - 1
		}
		if ahi := namedAgent(d, m.EndToken); ahi > 0 {
			setAttribution(d, f, CategoryNamed, start, ahi)
			return true
		}
		// "the deaths were confirmed", "he will be confirmed to the court",
		// "the law was declared void": a passive that reports an act, not a
		// claim; it hides a source only with a dummy subject ("it was
		// announced") or a that-clause, or with the verbs of hearsay
		if !hearsayVerbs.has(d.Tokens[v].Lower) && !(hi > lo && d.Tokens[hi-1].Lower == "it") && next != "that" {
			return false
		}
		setAttribution(d, f, CategoryPassive, start, m.EndToken)
		return true
	}
	if hi > lo {
		if only := allDeterminers(d, lo, hi); only {
			return false
		}
		kind := sourceKind(d, lo, hi)
		if kind == "" {
			return false
		}
		setAttribution(d, f, kind, lo, m.EndToken)
		return true
	}
	// nothing before the verb: ", said the minister", "\" said Putin";
	// after a clause word ("people who have said this") the subject is
	// further back, and unknown
	if !sentenceInitial(d, v) && d.Tokens[v-1].Kind != Punct {
		return false
	}
	alo, ahi := phraseAfter(d, m.EndToken)
	if ahi-alo > 6 {
		ahi = alo + 6
	}
	kind := sourceKind(d, alo, ahi)
	if kind == "" {
		return false
	}
	if kind == CategoryNamed {
		ahi = nameEnd(d, alo, ahi)
	}
	setAttribution(d, f, kind, m.First, ahi)
	return true
}

// anonymousEnd returns where the first run of anonymous-source words in
// tokens [lo, hi) ends ("according to local media reports, ..." stops
// after "reports", "according to a Western diplomat the plan" after
// "diplomat"); hi when there is none.
//
//go:noinline
func anonymousEnd(d *Document, lo, hi int) int {
	k := lo
	for k < hi && !tokenIs(d, k, testAnonymousNoun) {
		k++
	}
	if k == hi {
		return hi
	}
	for k < hi && tokenIs(d, k, testAnonymousNoun) {
		k++
	}
	return k
}

// nameEnd returns where the first run of capitalised words in tokens
// [lo, hi) ends ("the President of Russia Vladimir Putin"), so that a
// named source's span stops at its name ("according to Campbell Russia
// provided" stops before "provided"); hi when there is no such run.
func nameEnd(d *Document, lo, hi int) int {
	k := lo
	for k < hi && !capitalised(d, k) {
		k++
	}
	if k == hi {
		return hi
	}
	for k < hi {
		switch {
		case capitalised(d, k):
			k++
		case k+1 < hi && capitalised(d, k+1) && (d.Tokens[k].Lower == "of" || d.Tokens[k].Lower == "the" ||
			d.Tokens[k].Lower == "-" || d.Tokens[k].Lower == "'s" || d.Tokens[k].Lower == "de" || d.Tokens[k].Lower == "al"):
			k++
		default:
			return k
		}
	}
	return k
}

// resolveSourceFollows classifies "according to X" by X.
func resolveSourceFollows(d *Document, m Match, f *Finding) bool {
	lo, hi := phraseAfter(d, m.EndToken)
	// "according to the President of Russia": keep to the noun phrase
	if hi-lo > 6 {
		hi = lo + 6
	}
	kind := sourceKind(d, lo, hi)
	if kind == "" {
		return false
	}
	// span: "according to" and the source's words, up to the end of the
	// name when there is one ("According to Campbell Russia provided")
	switch kind {
	case CategoryNamed:
		hi = nameEnd(d, lo, hi)
	case CategoryAnonymous:
		hi = anonymousEnd(d, lo, hi)
	}
	setAttribution(d, f, kind, m.First, hi)
	return true
}

// resolveBeliefVerb classifies "believe", "considered", "suggests"...:
// passive ("is believed", "widely considered") and anonymous ("experts
// think") beliefs are attributions that hide their holders; a named
// holder's belief ("Smith suspects") stays a hedge/belief.
func resolveBeliefVerb(d *Document, m Match, f *Finding) bool {
	v := m.First
	w := d.Tokens[v].Lower
	if v > 0 && tokenIs(d, v-1, testDeterminer) && d.Tokens[v-1].Sentence == d.Tokens[v].Sentence {
		return false // a noun: "a thought", "the suspect", "no doubt"
	}
	if v > 0 && d.Tokens[v-1].Lower == "to" {
		return false // "refused to believe", "want you to think": no one's belief is stated
	}
	fr := subjectBefore(d, v)
	lo, hi, passive, negated := fr.lo, fr.hi, fr.passive, fr.negated
	if fr.possessive || passive && fr.infinitive {
		return false // "Allen's view"; "needs to be considered": no one holds it
	}
	if passive && fr.modal {
		// "could be considered rude": a hedged judgement, no one's
		// belief reported; "will be assumed by the state": an act
		if m.EndToken < len(d.Tokens) && d.Tokens[m.EndToken].Lower == "by" {
			return false
		}
		f.Category = CategoryBelief
		return true
	}
	if negated && !passive {
		f.Category = CategoryBelief
		return true // "does not believe" still hedges
	}
	if passive {
		if w == "considered" && (d.Tokens[v-1].Lower == "being" || v+1 < len(d.Tokens) && d.Tokens[v+1].Lower == "for") {
			return false // "is being considered for the post": weighed, not believed
		}
		start := hi
		for start > 0 && start > v-3 && (tokenIs(d, start-1, testBeVerb) || tokenIs(d, start-1, testSkipBeforeVerb)) && d.Tokens[start-1].Sentence == d.Tokens[v].Sentence {
			start--
		}
		if start > v-1 || start < 0 {
			start = v
		}
		if start == hi && hi > lo && d.Tokens[hi-1].Lower == "it" {
			start = hi - 1
		}
		setAttribution(d, f, CategoryPassive, start, m.EndToken)
		f.Weight = 1.5
		if f.Quoted {
			f.Weight = 0.75
			f.Severity = SeverityInfo
		}
		return true
	}
	if hi > lo && sourceKind(d, lo, hi) == CategoryAnonymous {
		setAttribution(d, f, CategoryAnonymous, lo, m.EndToken)
		f.Weight = 1.5
		if f.Quoted {
			f.Weight = 0.75
			f.Severity = SeverityInfo
		}
		return true
	}
	switch w {
	case "consider", "regard", "view", "deem":
		return false // only "some consider", "is regarded": "we consider the case" deliberates
	case "considered", "regarded", "assumed":
		// active, transitive: "the board considered the plan", "assumed office"
		if hi > lo && v+1 < len(d.Tokens) {
			n := d.Tokens[v+1].Lower
			if tokenIs(d, v+1, testDeterminer) || n == "office" || n == "power" || n == "control" || n == "command" || n == "responsibility" || n == "whether" || n == "how" {
				return false
			}
		}
	case "think":
		if n := v + 1; n < len(d.Tokens) {
			if d.Tokens[n].Lower == "-" && n+1 < len(d.Tokens) {
				n++ // "think-tank"
			}
			switch d.Tokens[n].Lower {
			case "tank", "tanks", "of", "about", "twice":
				return false // a noun, or "think of it as": imagining, not believing
			}
		}
	case "thought":
		// the noun: "modern thought", "thought, word and deed"
		if v+1 >= len(d.Tokens) || d.Tokens[v+1].Kind == Punct {
			return false
		}
		if v > 0 {
			if thoughtNounBefore.has(d.Tokens[v-1].Lower) {
				return false
			}
		}
	case "fear", "fears", "doubt", "doubts":
		// the noun: "fears of a war", "voters' fears"
		if v+1 < len(d.Tokens) {
			switch d.Tokens[v+1].Lower {
			case "of", "about", "over", "from", "for", "and", "that":
				if d.Tokens[v+1].Lower != "that" || (v > 0 && d.Tokens[v-1].Kind == Punct) {
					return false
				}
			}
		}
		if v > 0 && d.Tokens[v-1].Kind == Punct && d.Tokens[v-1].Sentence == d.Tokens[v].Sentence &&
			(d.Tokens[v-1].Lower == "'" || d.Tokens[v-1].Lower == "'s" || d.Tokens[v-1].Lower == "’") {
			return false
		}
	}
	f.Category = CategoryBelief
	// "Smith believes": the holder is named, as in a named attribution the
	// reader sees whose view it is; worth showing, not a problem
	if hi > lo && sourceKind(d, lo, hi) == CategoryNamed && f.Weight > namedBeliefWeight {
		f.Weight = namedBeliefWeight
		f.Severity = SeverityInfo
	}
	return true
}

// thoughtNounBefore before "thought" make it the noun ("second thought").
var thoughtNounBefore = newWordSet("of|and|or|in|for|with|so|free|second|much|little|careful|political|religious|modern")

//go:noinline
func allDeterminers(d *Document, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if d.Tokens[k].Kind == Word && !tokenIs(d, k, testDeterminer) {
			return false
		}
	}
	return true
}

// --- token shape ----------------------------------------------------------

// capitalised reports whether token i starts with an upper-case letter.
func capitalised(d *Document, i int) bool {
	t := &d.Tokens[i]
	if t.Kind != Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.Text[t.Start:t.End])
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// sentenceInitial reports whether token i is the first word of its
// sentence (after any opening quotes or dashes).
//
//go:noinline
func sentenceInitial(d *Document, i int) bool {
	s := d.Tokens[i].Sentence
	if s < 0 || s >= len(d.Sentences) {
		return true
	}
	for k := i - 1; k >= d.Sentences[s].FirstToken; k-- {
		if d.Tokens[k].Kind != Punct {
			return false
		}
	}
	return true
}

// --- per-word answers -----------------------------------------------------

// wordTest names a test of a word (a set it belongs to, or a property of
// its form) that tokenIs answers once per distinct word.
type wordTest uint8

const (
	testDeterminer wordTest = iota
	testBeVerb
	testSkipBeforeVerb
	testModalAux
	testClauseBoundary
	testSubjectPronoun
	testAnonymousNoun
	testInstitutionNoun
	testCommonInitial
	testLegalWord
	testLegalDivision
	testLegalNoun
	testLawVerb
	testApprox // numbers.go's tests from here on
	testVerbLike
	testAdverbWord
	testMayStartNumber // the tests from here on are no single set (wordIs)
	testMonth
	testOrdinal
	testFraction
	testSmallNumber
	testNPStop
	testArticleNumber
	numWordTests // at most 32: two bits each in a uint64
)

// wordTestSets are the sets the tests below testMayStartNumber ask
// (pointers: the linker lays the array out, no code at init).
var wordTestSets = [testMayStartNumber]*wordSet{
	testDeterminer:      &determiners,
	testBeVerb:          &beVerbs,
	testSkipBeforeVerb:  &skipBeforeVerb,
	testModalAux:        &modalAux,
	testClauseBoundary:  &clauseBoundary,
	testSubjectPronoun:  &subjectPronouns,
	testAnonymousNoun:   &anonymousNouns,
	testInstitutionNoun: &institutionNouns,
	testCommonInitial:   &commonInitial,
	testLegalWord:       &legalWords,
	testLegalDivision:   &legalDivisions,
	testLegalNoun:       &legalNouns,
	testLawVerb:         &lawVerbs,
	testApprox:          &approxWords,
	testVerbLike:        &verbLike,
	testAdverbWord:      &isAdverbWordWords,
}

// wordIs answers test for the word w.
func wordIs(w string, test wordTest) bool {
	switch test {
	case testMayStartNumber:
		return mayStartNumber(w)
	case testMonth:
		return monthIndex(w) > 0
	case testOrdinal:
		return ordinalWord(w) > 0
	case testFraction:
		return fractionDenominator(w) > 0
	case testSmallNumber:
		_, ok := smallNumber(w)
		return ok
	case testNPStop:
		return isNPStop(w)
	case testArticleNumber:
		return fractionDenominator(w) > 0 || articleNumberWords.has(w)
	}
	return wordTestSets[test].has(w)
}

// tokenIs reports whether test holds for token k's Lower (false for a k
// beyond the tokens). Every token of one word has the same word number
// (Token.word), so with the document's scratch each distinct word is
// tested once, and the answers are kept with the Stemmer between calls: an
// array look-up instead of hashing the word at every occurrence (under
// wasm string hashing is slow). Numbers, punctuation and tokens without a
// word number are tested every time.
func tokenIs(d *Document, k int, test wordTest) bool {
	if uint(k) >= uint(len(d.Tokens)) {
		return false
	}
	t := &d.Tokens[k]
	w := int(t.word)
	if w == 0 || d.scratch == nil {
		return wordIs(t.Lower, test)
	}
	memo := d.scratch.wordTests
	if w >= len(memo) {
		memo = append(memo, make([]uint64, w+1-len(memo)+len(memo)/2)...)
		d.scratch.wordTests = memo
	}
	// two bits per test: 2 known, 1 the answer
	shift := 2 * uint(test)
	a := memo[w] >> shift & 3
	if a == 0 {
		a = 2
		if wordIs(t.Lower, test) {
			a = 3
		}
		memo[w] |= a << shift
	}
	return a == 3
}
