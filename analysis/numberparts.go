package analysis

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Checks of parts against wholes and of impossible shares: lists that add
// up past their total, shares past 100 %, votes past the members, "a
// majority" below 50 %.

// partsWhole checks "Of the 50 delegates, 30 …, 15 … and 10 …" and
// "12 people, including 5 … and 9 …": the parts may not exceed the whole,
// and with "the remaining" they must make it up exactly.
func (c *numChecker) partsWhole(lo, hi int) {
	S := c.d.Sentences[c.ms[lo].Sentence]
	for wi := lo; wi < hi; wi++ {
		W := &c.ms[wi]
		if W.Kind != NumCount || W.Approx || W.Range || W.Value <= 0 {
			continue
		}
		f := W.FirstToken
		if c.lower(f-1) == "the" || c.lower(f-1) == "all" {
			f--
		}
		var parts []*NumberMention
		exact := false
		ofWhole := c.lower(f-1) == "of" && (f-1 == S.FirstToken || c.lower(f-2) == "out" && f-2 == S.FirstToken)
		if ofWhole {
			// parts: the following counts that open a clause of the list, with
			// no noun of their own (or the same one); with ";" as the list
			// separator, only those after ";" ("…; 39 were …, four of which …")
			semi := false // is ";" the separator between the first two parts?
			seen := 0
			for j := W.EndToken; j < S.EndToken && seen < 2; j++ {
				if mi := c.mentionAt(wi+1, hi, j); mi >= 0 && c.ms[mi].Kind == NumCount {
					seen++
				}
				if c.lower(j) == ";" && seen == 1 {
					semi = true
					break
				}
			}
			for k := wi + 1; k < hi; k++ {
				P := &c.ms[k]
				if P.Kind != NumCount {
					continue
				}
				q := P.FirstToken - 1
				for q > S.FirstToken && (c.lower(q) == "remaining" || c.lower(q) == "other" || c.lower(q) == "the") {
					q--
				}
				sep := c.lower(q)
				if len(parts) > 0 && (semi && sep != ";" || !semi && sep != "," && sep != "and" && sep != ";" && sep != "while") {
					continue
				}
				if P.Approx || P.Range || P.Restricted || P.Head != "" && P.Head != W.Head {
					parts = nil
					break
				}
				if p := c.lower(P.FirstToken - 1); p == "remaining" || p == "other" || c.lower(P.FirstToken-2) == "rest" {
					exact = true
				}
				parts = append(parts, P)
			}
		} else if j := W.SubjectEnd; W.HasSubject() && c.lower(j) == "," && c.lower(j+1) == "of" && (c.lower(j+2) == "whom" || c.lower(j+2) == "which" || c.lower(j+2) == "them") {
			// "1,500 people, of whom 800 are women and 900 are men"
			for k := wi + 1; k < hi; k++ {
				P := &c.ms[k]
				if P.Kind != NumCount {
					continue
				}
				sep := c.lower(P.FirstToken - 1)
				if len(parts) == 0 && P.FirstToken != j+3 || len(parts) > 0 && sep != "," && sep != "and" && sep != ";" {
					break
				}
				if P.Approx || P.Range {
					parts = nil
					break
				}
				parts = append(parts, P)
			}
			if len(parts) < 2 {
				parts = nil
			}
		} else if at, ex, ok := c.listStart(W); ok {
			// "12 people, including 7 children and 8 women"; exhaustive with
			// "comprising", "made up of", a colon or a dash
			exact = ex
			k := wi + 1
			for ; k < hi; k++ {
				P := &c.ms[k]
				if P.FirstToken != at || P.Kind != NumCount || P.Approx || P.Range || P.Head == "" {
					break
				}
				parts = append(parts, P)
				at = P.SubjectEnd
				if c.lower(at) == "," {
					at++
				}
				if c.lower(at) == "and" {
					at++
				}
			}
			if len(parts) == 1 && (exact || parts[0].Head == W.Head) {
				parts = nil // an exhaustive list has two parts or more
			}
		}
		if len(parts) < 2 && !(len(parts) == 1 && !ofWhole) {
			continue
		}
		if len(parts) >= 2 && !exact && !c.disjointParts(parts) {
			continue // "60 had fever and 50 had a cough" may overlap; "the remaining", "comprising" do not
		}
		sum := 0.0
		terms := make([]string, len(parts))
		related := make([]*NumberMention, len(parts))
		for k, p := range parts {
			sum += p.Value
			terms[k] = fmtNum(p.Value)
			related[k] = p
		}
		if sum > W.Value || exact && sum != W.Value {
			rel := "more than"
			if sum < W.Value {
				rel = "fewer than"
			}
			if len(parts) == 1 {
				c.add(CatPartsWhole, SeverityError, W, "the part ("+parts[0].Text+") is more than the whole ("+W.Text+"): "+fmtNum(sum)+" > "+fmtNum(W.Value), related...)
			} else {
				c.add(CatPartsWhole, SeverityError, W, "the parts add up to "+strings.Join(terms, " + ")+" = "+fmtNum(sum)+", "+rel+" the whole of "+fmtNum(W.Value), related...)
			}
		}
	}
}

// disjointParts reports whether the parts of a list cannot overlap: parts
// named by disjoint nouns ("7 children and 8 women", or one noun), or by
// outcomes ("30 voted in favour, 15 against"; "12 were hurt and 9 were
// missing"), not by attributes that one thing may share ("60 had fever and
// 50 had a cough", "7 children and 8 Syrians").
func (c *numChecker) disjointParts(parts []*NumberMention) bool {
	heads := 0
	for _, p := range parts {
		if p.Head != "" {
			heads++
		}
	}
	if heads == len(parts) {
		same := true
		for _, p := range parts[1:] {
			if p.Head != parts[0].Head || !slices.Equal(p.Mods, parts[0].Mods) {
				same = false
			}
		}
		if same {
			return false // "3 Syrian refugees and 4 refugees"? one noun twice: unclear
		}
		for _, p := range parts {
			if !isDisjointNoun(c.lower(p.SubjectEnd - 1)) {
				return false
			}
		}
		return true
	}
	seen := map[string]bool{}
	for _, p := range parts {
		key, ok := c.predicateKey(max(p.EndToken, p.SubjectEnd))
		if !ok || seen[key] && !isAnswerVerb(key) {
			return false
		}
		seen[key] = true
	}
	return true
}

// predicateKey names what a part of a list says about its members (the
// verb, or "be:" and the word after a form of "be") and whether that
// predicate sorts them into disjoint groups.
func (c *numChecker) predicateKey(j int) (string, bool) {
	if j >= len(c.d.Tokens) {
		return "", false
	}
	w := c.lower(j)
	switch w {
	case "were", "are", "was", "is", "remain", "remained", "remains":
		next := c.lower(j + 1)
		if next == "still" || next == "being" || next == "later" {
			next = c.lower(j + 2)
		}
		ok := isAnswerWord(next) || isDisjointNoun(next) || stateOf(c.d.Tokens[min(j+1, len(c.d.Tokens)-1)].Stem) != "" || isOutcomeWord(next)
		return "be:" + next, ok
	}
	if attributeVerbs.has(w) {
		return "attr:" + w, true // repeated, these name attributes
	}
	if c.d.Tokens[j].Kind == Punct {
		return "", false
	}
	return c.d.Tokens[j].Stem, true
}

// fractionGlue may stand between a fraction and its percentage ("half,
// or about 50%").
var fractionGlue = newWordSet(",|or|(|—|–|-|about|some|roughly|around|nearly|almost|approximately")

// attributeVerbs, repeated, name attributes ("had", "lacked").
var attributeVerbs = newWordSet("had|have|has|lack|lacked|own|owned|showed|suffered|reported|took|used")

// shareSubjectBefore may come right before a share that is a subject.
var shareSubjectBefore = newWordSet("^|,|and|;|:|while|whereas|but|with|another|just|only|said|that|" +
	"found|showed|shows|finds|says")

// isOutcomeWord reports words after "were" that name one outcome of many
// ("unhurt", "safe", "alive").
//
//go:noinline
func isOutcomeWord(w string) bool {
	if isOutcomeWordWords.has(w) {
		return true
	}
	return false
}

var isOutcomeWordWords = newWordSet("unhurt|unharmed|uninjured|safe|alive|free|intact|accepted|rejected|acquitted|convicted|" +
	"elected|absent|present")

// isDisjointNoun reports nouns for groups that do not overlap with the
// others of the list ("men", "women", "children", "civilians", "soldiers").
//
//go:noinline
func isDisjointNoun(w string) bool {
	if isDisjointNounWords.has(w) {
		return true
	}
	return false
}

var isDisjointNounWords = newWordSet("men|man|women|woman|children|child|boys|boy|girls|girl|adults|adult|minors|minor|males|male|" +
	"females|female|civilians|civilian|soldiers|soldier|combatants|militants|policemen|officers|" +
	"citizens|foreigners|nationals|infants|teenagers|pensioners|students|teachers|passengers|" +
	"crew")

// listStart finds a list of parts after a whole W: the first token of the
// list, and whether the list is exhaustive.
func (c *numChecker) listStart(W *NumberMention) (at int, exact, ok bool) {
	if !W.HasSubject() || W.SubjectEnd <= W.EndToken {
		return 0, false, false
	}
	j := W.SubjectEnd
	if c.lower(j) == "," {
		j++
	}
	switch c.lower(j) {
	case "including":
		return j + 1, false, true
	case "comprising":
		return j + 1, true, true
	case "consisting":
		if c.lower(j+1) == "of" {
			return j + 2, true, true
		}
	case "made":
		if c.lower(j+1) == "up" && c.lower(j+2) == "of" {
			return j + 3, true, true
		}
	case ":", "—", "–":
		if j == W.SubjectEnd && isPluralNoun(c.lower(j-1)) || c.lower(j-1) == "people" { // "12 people: 5 men and 7 women"
			return j + 1, true, true
		}
	}
	return 0, false, false
}

// isShareSubject reports a percent or fraction that is the subject of its
// own clause in a list ("45% backed the plan, 40% opposed it and 30% were
// undecided"), so that the shares split one whole.
func (c *numChecker) isShareSubject(m *NumberMention, first int) bool {
	b := c.lower(m.FirstToken - 1)
	if c.d.Tokens[m.FirstToken].Sentence != c.d.Tokens[max(m.FirstToken-1, 0)].Sentence || m.FirstToken == first {
		b = "^"
	}
	if !shareSubjectBefore.has(b) {
		return false
	}
	a := c.lower(m.EndToken)
	if a == "of" {
		// "half of voters backed …": the population, then the verb
		if m.SubjectEnd <= m.EndToken {
			return false
		}
		a = c.lower(m.SubjectEnd)
	}
	return isVerbLike(a) || isAux(a) || strings.HasSuffix(a, "ed") && len(a) > 3 || a == "thought" || a == "felt"
}

// exclusiveShares reports shares that answer one question, so that they
// cannot overlap: a poll, a vote or a budget ("45% backed, 40% opposed"),
// not attributes ("half lack water and two-thirds lack electricity").
func (c *numChecker) exclusiveShares(sh []*NumberMention) bool {
	verbs := map[string]bool{}
	for _, m := range sh {
		j := m.EndToken
		if c.lower(j) == "of" && m.SubjectEnd > j {
			j = m.SubjectEnd
		}
		v := c.d.Tokens[min(j, len(c.d.Tokens)-1)].Stem
		if isElided := c.lower(j) == "to" || c.lower(j) == "for" || c.lower(j) == "on" || c.lower(j) == "against" || c.lower(j) == "in"; isElided {
			continue
		}
		if w := c.lower(j); w == "were" || w == "are" || w == "was" || w == "is" {
			// "were undecided", "are opposed" answer; "were women", "were
			// over 50" are attributes that may overlap
			if !isAnswerWord(c.lower(j + 1)) {
				v = "be"
			} else {
				v = "be " + c.lower(j+1)
			}
		}
		if verbs[v] && !isAnswerVerb(v) {
			return false // the same verb twice: two attributes
		}
		verbs[v] = true
	}
	return true
}

// isAnswerWord reports words after "were"/"are" that answer a poll
// question ("30% were undecided").
//
//go:noinline
func isAnswerWord(w string) bool {
	if isAnswerWordWords.has(w) {
		return true
	}
	return false
}

var isAnswerWordWords = newWordSet("undecided|unsure|opposed|against|in|for|supportive|neutral|satisfied|dissatisfied|happy|" +
	"unhappy|uncertain|unaware|aware|willing|unwilling|likely|unlikely|optimistic|pessimistic|" +
	"positive|negative|not")

// isAnswerVerb reports verbs whose shares answer one question even when
// repeated ("45% voted for A, 40% voted for B").
//
//go:noinline
func isAnswerVerb(stem string) bool {
	if isAnswerVerbWords.has(stem) {
		return true
	}
	return false
}

var isAnswerVerbWords = newWordSet("vote|went|chose|pick|prefer|back|support|oppos|favour|favor|approv|disapprov|said|answer|" +
	"respond")

// isElidedShare reports a later share in a list whose verb is left out:
// "40% went to health, 35% to education and 30% to defence".
func (c *numChecker) isElidedShare(m *NumberMention) bool {
	switch c.lower(m.FirstToken - 1) {
	case ",", "and", ";":
	default:
		return false
	}
	switch c.lower(m.EndToken) {
	case "to", "for", "on", "against", "in":
		return true
	}
	return false
}

// shares checks that shares of one whole in one sentence do not sum past
// 100 % (or fractions past one).
func (c *numChecker) shares(lo, hi int) {
	first := c.d.Sentences[c.ms[lo].Sentence].FirstToken
	for _, kind := range [...]NumberKind{NumPercent, NumFraction} {
		var sh []*NumberMention
		for k := lo; k < hi; k++ {
			m := &c.ms[k]
			if m.Kind != kind || m.Range || m.Approx {
				continue
			}
			if c.isShareSubject(m, first) || len(sh) > 0 && c.isElidedShare(m) {
				sh = append(sh, m)
			}
		}
		if len(sh) < 2 {
			continue
		}
		same := true // shares "of" different groups do not split one whole
		for _, m := range sh[1:] {
			if m.Head != "" && sh[0].Head != "" && m.Head != sh[0].Head {
				same = false
			}
		}
		if !same || !c.exclusiveShares(sh) {
			continue
		}
		sum := 0.0
		terms := make([]string, len(sh))
		for k, m := range sh {
			v := m.Value
			if kind == NumFraction {
				v *= 100
			}
			sum += v
			terms[k] = fmtNum(v) + "%"
		}
		if sum > 100+0.5*float64(len(sh)) {
			c.add(CatSharesSum, SeverityError, sh[0], "shares of one group add up to "+strings.Join(terms, " + ")+" = "+fmtNum(sum)+"%, more than 100%", sh[1:]...)
		}
	}
}

// votes checks a vote ("7 to 6", "7-6") against the members of the body
// in the same or the previous sentence ("the 12-member board").
func (c *numChecker) votes(lo, hi int) {
	for vi := lo; vi < hi; vi++ {
		V := &c.ms[vi]
		if V.Kind != NumRatio || V.Unit != "votes" {
			continue
		}
		total := V.Value + V.Value2
		var M *NumberMention
		for k := vi - 1; k >= 0 && k >= vi-30 && c.ms[k].Sentence >= V.Sentence-1 && M == nil; k-- {
			if isBody(&c.ms[k]) {
				M = &c.ms[k]
			}
		}
		for k := vi + 1; k < hi && k <= vi+30 && M == nil; k++ {
			if isBody(&c.ms[k]) {
				M = &c.ms[k]
			}
		}
		if M != nil && total > M.Value {
			c.add(CatPartsWhole, SeverityError, V, "the vote "+V.Text+" counts "+fmtNum(V.Value)+" + "+fmtNum(V.Value2)+" = "+fmtNum(total)+" votes, more than the "+fmtNum(M.Value)+" who can vote (\""+M.Text+"\")", M)
		}
	}
}

// voteCounts checks votes given as counts ("7 voted in favour and 6
// against") against the size of the body in this or the previous
// sentence ("the 12-member panel").
func (c *numChecker) voteCounts(lo, hi int) {
	var votes []*NumberMention
	sum := 0.0
	for k := lo; k < hi; k++ {
		m := &c.ms[k]
		if m.Kind != NumCount || m.Approx || m.Range || m.Head != "" && m.Head != "member" && !isBody(m) {
			continue
		}
		switch c.lower(m.SubjectEnd) {
		case "voted", "against", "abstained", "for":
		case "in":
			if c.lower(m.SubjectEnd+1) != "favour" && c.lower(m.SubjectEnd+1) != "favor" {
				continue
			}
		default:
			continue
		}
		votes = append(votes, m)
		sum += m.Value
	}
	if len(votes) < 2 {
		return
	}
	for k := lo; k < hi && c.ms[k].Start < votes[0].Start; k++ {
		if m := &c.ms[k]; m.Kind == NumCount && m.Head != "" && !isBody(m) {
			return // "Of the 193 member states, 141 voted …": its own whole
		}
	}
	var M *NumberMention
	for k := lo - 1; k >= 0 && k >= lo-30 && c.ms[k].Sentence >= c.ms[lo].Sentence-1 && M == nil; k-- {
		if isBody(&c.ms[k]) {
			M = &c.ms[k]
		}
	}
	for k := lo; k < hi && M == nil && c.ms[k].Start < votes[0].Start; k++ {
		if isBody(&c.ms[k]) {
			M = &c.ms[k] // "The council's 15 members split: 9 voted yes, …"
		}
	}
	for k := lo; k < hi && M == nil; k++ {
		if isBody(&c.ms[k]) && c.ms[k].Unit == "adj" {
			M = &c.ms[k]
		}
	}
	if M == nil || sum <= M.Value {
		return
	}
	terms := make([]string, len(votes))
	for k, v := range votes {
		terms[k] = fmtNum(v.Value)
	}
	c.add(CatPartsWhole, SeverityError, votes[0], "the votes add up to "+strings.Join(terms, " + ")+" = "+fmtNum(sum)+", more than the "+fmtNum(M.Value)+" who can vote (\""+M.Text+"\")", append(votes[1:], M)...)
}

// isBody reports the size of a voting body ("the 12-member board", "100 senators").
//
//go:noinline
func isBody(M *NumberMention) bool {
	if M.Kind != NumCount || M.Approx || M.Range || M.Restricted {
		return false
	}
	if isBodyWords.has(M.Head) {
		return true
	}
	return false
}

var isBodyWords = newWordSet("member|seat|senat|judg|justic|juror|deleg|lawmak|legisl|councillor|mp")

// majority checks "a majority" / "more than half" / "nearly half" against
// the percent that states it.
func (c *numChecker) majority(lo, hi int) {
	// every claim is checked against an exact percent in the sentence:
	// without one, its words need not be read
	pct := lo
	for pct < hi && !(c.ms[pct].Kind == NumPercent && !c.ms[pct].Range && !c.ms[pct].Approx) {
		pct++
	}
	if pct == hi {
		return
	}
	S := c.d.Sentences[c.ms[lo].Sentence]
	for k := S.FirstToken; k < S.EndToken; k++ {
		w := c.lower(k)
		var lowOK, highOK float64 = -1, 101 // allowed range of the percent
		claim := ""
		switch w {
		case "most":
			// "most voters, 45%": only with the percent right after the group
			if j := k + 2; j < S.EndToken && (c.lower(j) == "," || c.lower(j) == "(") && c.d.Tokens[k+1].Kind == Word && !isNPStop(c.lower(k+1)) {
				if mi := c.mentionAt(lo, hi, j+1); mi >= 0 && c.ms[mi].Kind == NumPercent && !c.ms[mi].Range && !c.ms[mi].Approx && c.ms[mi].Value <= 50 {
					c.add(CatImpossible, SeverityWarning, &c.ms[mi], "\"most\" cannot be "+c.ms[mi].Text+": that needs more than 50%", c.mentionOfToken(k))
				}
			}
			continue
		case "majority":
			p := c.lower(k - 1)
			if p == "thirds" || p == "two-thirds" || p == "super" || p == "qualified" {
				continue
			}
			lowOK, claim = 50.0001, "a majority"
		case "half":
			switch c.lower(k - 1) {
			case "nearly", "almost":
				lowOK, highOK, claim = 35, 50, c.lower(k-1)+" half"
			case "than":
				switch c.lower(k - 2) {
				case "more":
					lowOK, claim = 50.0001, "more than half"
				case "less", "fewer":
					highOK, claim = 49.9999, "less than half"
				}
			case "over":
				lowOK, claim = 50.0001, "over half"
			case "under":
				highOK, claim = 49.9999, "under half"
			}
		}
		if claim == "" {
			continue
		}
		// "48 percent, a majority": the percent just before
		if w == "majority" {
			j := k - 1
			for j > S.FirstToken && (c.lower(j) == "a" || c.lower(j) == "," || c.lower(j) == "or" || c.lower(j) == "—" || c.lower(j) == "the") {
				j--
			}
			if j < k-1 {
				if mi := c.mentionEndingAt(lo, hi, j+1); mi >= 0 {
					P := &c.ms[mi]
					if P.Kind == NumPercent && !P.Range && !P.Approx && (P.Value < lowOK || P.Value > highOK) {
						c.add(CatImpossible, SeverityWarning, P, claim+" cannot be "+P.Text+": "+claimRange(claim), c.mentionOfToken(k))
						continue
					}
				}
			}
		}
		// the percent that states it: in apposition, after at most the
		// group ("a majority of respondents, 41 percent"), not "won a
		// majority with 45% of the vote"
		for j := k + 1; j < S.EndToken && j <= k+7; j++ {
			mi := c.mentionAt(lo, hi, j)
			if mi < 0 {
				if !c.appositionToken(j) {
					break
				}
				continue
			}
			P := &c.ms[mi]
			if P.Kind != NumPercent || P.Range || P.Approx {
				break
			}
			if P.Value < lowOK || P.Value > highOK {
				c.add(CatImpossible, SeverityWarning, P, claim+" cannot be "+P.Text+": "+claimRange(claim), c.mentionOfToken(k))
			}
			break
		}
	}
}

// appositionToken reports tokens that may stand between a claim and the
// number that restates it: punctuation of apposition, "of", "the", "or"
// and the words of a noun phrase.
func (c *numChecker) appositionToken(j int) bool {
	t := &c.d.Tokens[j]
	if appositionTokenWords.has(t.Lower) {
		return true
	}
	return t.Kind == Word && !isNPStop(t.Lower) && !isVerbLike(t.Lower) && !strings.HasSuffix(t.Lower, "ed")
}

var appositionTokenWords = newWordSet(",|(|—|–|-|:|or|of|the|some|about|roughly|around|nearly|almost|just|only")

//go:noinline
func claimRange(claim string) string {
	switch claim {
	case "a majority", "more than half", "over half":
		return "that needs more than 50%"
	case "less than half", "under half":
		return "that needs less than 50%"
	}
	return "that means a little under 50%"
}

// mentionOfToken returns a pseudo-mention spanning token k, for related spans.
//
//go:noinline
func (c *numChecker) mentionOfToken(k int) *NumberMention {
	t := c.d.Tokens[k]
	return &NumberMention{Start: t.Start, End: t.End, Text: c.d.Text[t.Start:t.End]}
}

// mentionEndingAt returns the index of the mention ending at token end, or -1.
func (c *numChecker) mentionEndingAt(lo, hi, end int) int {
	k := lo + sort.Search(hi-lo, func(i int) bool { return c.ms[lo+i].EndToken >= end })
	if k < hi && c.ms[k].EndToken == end {
		return k
	}
	return -1
}

// mentionAt returns the index of the mention starting at token j, or -1.
func (c *numChecker) mentionAt(lo, hi, j int) int {
	k := lo + sort.Search(hi-lo, func(i int) bool { return c.ms[lo+i].FirstToken >= j })
	if k < hi && c.ms[k].FirstToken == j {
		return k
	}
	return -1
}

// fractionPercent checks a fraction against the percent that restates it:
// "about two-thirds of residents, or 45%" (two-thirds is 67%). Half is
// checked by majority.
func (c *numChecker) fractionPercent(lo, hi int) {
	for k := lo; k+1 < hi; k++ {
		F, P := &c.ms[k], &c.ms[k+1]
		if F.Kind != NumFraction || F.Value == 0.5 || P.Kind != NumPercent || P.Range {
			continue
		}
		j := max(F.EndToken, F.SubjectEnd)
		for j < P.FirstToken {
			if fractionGlue.has(c.lower(j)) {
				j++
				continue
			}
			break
		}
		if j != P.FirstToken {
			continue
		}
		want := F.Value * 100
		lowOK, highOK := want-8, want+8
		switch c.lower(F.FirstToken - 1) {
		case "nearly", "almost":
			lowOK, highOK = want-15, want+1
		case "than", "over":
			if c.lower(F.FirstToken-2) == "less" || c.lower(F.FirstToken-2) == "fewer" {
				lowOK, highOK = 0, want+1
			} else {
				lowOK, highOK = want-1, 100
			}
		case "under":
			lowOK, highOK = 0, want+1
		}
		if P.Value < lowOK || P.Value > highOK {
			c.add(CatImpossible, SeverityWarning, P, F.Text+" is "+fmtNum(want)+"%, not "+P.Text, F)
		}
	}
}

// overHundred flags shares of a population above 100 % ("120% of voters").
func (c *numChecker) overHundred(lo, hi int) {
	for k := lo; k < hi; k++ {
		P := &c.ms[k]
		if P.Kind != NumPercent || P.Value <= 100 || P.Range {
			continue
		}
		if t := c.lower(P.FirstToken - 2); c.lower(P.FirstToken-1) == "was" && (t == "turnout" || t == "share" || t == "proportion") ||
			c.lower(P.FirstToken-1) == "of" && t == "turnout" {
			c.add(CatImpossible, SeverityError, P, "a "+t+" of "+P.Text+" is impossible: it cannot exceed 100%")
			continue
		}
		if c.lower(P.EndToken) != "of" {
			continue
		}
		if isPopulationNoun(P.Head) {
			c.add(CatImpossible, SeverityError, P, P.Text+" of "+P.Subject+" is impossible: a share of a group cannot exceed 100%")
		}
	}
}

// shareOf checks "1,200 jobs, or 15% of its 6,000 workers": the percent
// must be the part divided by the whole.
func (c *numChecker) shareOf(lo, hi int) {
	for k := lo; k+2 < hi; k++ {
		A, P, W := &c.ms[k], &c.ms[k+1], &c.ms[k+2]
		if A.Kind != NumCount && A.Kind != NumMoney || P.Kind != NumPercent || W.Kind != A.Kind || A.Unit != W.Unit ||
			A.Range || P.Range || W.Range || A.Approx || W.Approx || W.Value <= 0 {
			continue
		}
		j := A.SubjectEnd
		if c.lower(j) == "," {
			j++
		}
		if c.lower(j) != "or" || P.FirstToken != j+1 && !(c.lower(j+1) == "about" || c.lower(j+1) == "nearly" || c.lower(j+1) == "almost" || c.lower(j+1) == "roughly") {
			continue
		}
		g := P.EndToken
		if c.lower(g) != "of" {
			continue
		}
		g++
		if isDeterminer(c.lower(g)) {
			g++
		}
		if W.FirstToken != g {
			continue
		}
		actual := A.Value / W.Value * 100
		if math.Abs(actual-P.Value) > math.Max(1, 0.05*actual) && !(P.Approx && math.Abs(actual-P.Value) <= math.Max(3, 0.1*actual)) {
			c.add(CatPartsWhole, SeverityError, P, fmtNum(A.Value)+" of "+fmtNum(W.Value)+" is "+fmtNum(actual)+"% ("+fmtNum(A.Value)+" / "+fmtNum(W.Value)+"), not "+P.Text, A, W)
		}
	}
}

//go:noinline
func isPopulationNoun(stem string) bool {
	if isPopulationNounWords.has(stem) {
		return true
	}
	return false
}

var isPopulationNounWords = newWordSet("respond|voter|person|resid|popul|adult|household|student|member|worker|employe|particip|" +
	"citizen|vote|ballot|american|women|men|children|patient|parent")
