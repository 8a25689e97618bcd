package analysis

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// Categories of number findings.
const (
	CatConflictingValues = "conflicting-values"
	CatUpdatedValue      = "updated-value"
	CatPercentChange     = "percent-change"
	CatPointsChange      = "points-change"
	CatMultiplier        = "multiplier"
	CatDirection         = "change-direction"
	CatLead              = "lead"
	CatPartsWhole        = "parts-whole"
	CatSharesSum         = "shares-sum"
	CatImpossible        = "impossible-value"
	CatConversion        = "unit-conversion"
	CatScale             = "scale-mismatch"
	CatWeekdayDate       = "weekday-date"
	CatDaysLater         = "days-later"
)

// checkNumbers extracts the numbers, fills r.Quantities and reports the
// numbers that do not agree with each other. Every message shows the
// arithmetic. Precision first: each rule fires only on patterns where a
// reader would see the same problem.
func checkNumbers(d *Document, r *Report) {
	ms := ExtractNumbers(d)
	c := numChecker{d: d, ms: ms, r: r}
	c.quantities()
	c.conflicts()
	for lo := 0; lo < len(ms); {
		hi := lo + 1
		for hi < len(ms) && ms[hi].Sentence == ms[lo].Sentence {
			hi++
		}
		c.sentence(lo, hi)
		lo = hi
	}
	c.scaleMismatch()
	c.dates()
}

type numChecker struct {
	d  *Document
	ms []NumberMention
	r  *Report
}

func (c *numChecker) lower(i int) string {
	if i < 0 || i >= len(c.d.Tokens) {
		return ""
	}
	return c.d.Tokens[i].Lower
}

func (c *numChecker) span(m *NumberMention) Span {
	return Span{Start: m.Start, End: m.End, Text: m.Text}
}

// add appends a number finding on m with the other mentions as related.
func (c *numChecker) add(cat, sev string, m *NumberMention, msg string, related ...*NumberMention) {
	f := Finding{Kind: KindNumber, Category: cat, Severity: sev, Start: m.Start, End: m.End, Text: m.Text,
		Message: msg, Related: []Span{}, Weight: float64(severityRank(sev)), Quoted: m.Quoted,
		Sentence: m.Sentence, Rule: "numbers/" + cat}
	for _, o := range related {
		if o != nil && o != m {
			f.Related = append(f.Related, c.span(o))
		}
	}
	c.r.Findings = append(c.r.Findings, f)
}

// fmtNum formats a number without needless decimals and with thousands
// separators: 200000 → "200,000", 33.333 → "33.3".
func fmtNum(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	var s string
	switch {
	case v >= 1e12 && math.Mod(v, 1e9) == 0:
		s = fmtNum(v/1e12) + " trillion"
	case v >= 1e9 && math.Mod(v, 1e6) == 0:
		s = fmtNum(v/1e9) + " billion"
	case v >= 1e6 && math.Mod(v, 1e3) == 0:
		s = fmtNum(v/1e6) + " million"
	default:
		r := math.Round(v*10) / 10
		if math.Abs(r-math.Round(r)) < 1e-9 {
			s = strconv.FormatFloat(math.Round(r), 'f', 0, 64)
		} else if v < 1 {
			s = strconv.FormatFloat(v, 'f', 2, 64)
		} else {
			s = strconv.FormatFloat(r, 'f', 1, 64)
		}
		if dot := strings.IndexByte(s, '.'); dot < 0 && len(s) > 3 || dot > 3 {
			intPart, frac := s, ""
			if dot >= 0 {
				intPart, frac = s[:dot], s[dot:]
			}
			var b strings.Builder
			for k, ch := range intPart {
				if k > 0 && (len(intPart)-k)%3 == 0 {
					b.WriteByte(',')
				}
				b.WriteRune(ch)
			}
			s = b.String() + frac
		}
	}
	if neg {
		return "-" + s
	}
	return s
}

// ---- quantities ----

// countable reports mentions that count a known thing with one exact value.
func countable(m *NumberMention) bool {
	return m.Kind == NumCount && m.HasSubject() && m.Unit != "adj"
}

func quantityKey(m *NumberMention) string {
	h := m.Head
	if h == "" {
		h = "person"
	}
	return h + "|" + m.State
}

// quantities groups the countable mentions by what they count.
func (c *numChecker) quantities() {
	index := map[string]int{}
	var keys []string
	for i := range c.ms {
		m := &c.ms[i]
		if !countable(m) {
			continue
		}
		k := quantityKey(m)
		q, ok := index[k]
		if !ok {
			q = len(c.r.Quantities)
			index[k] = q
			keys = append(keys, k)
			c.r.Quantities = append(c.r.Quantities, Quantity{Mentions: []Mention{}})
		}
		Q := &c.r.Quantities[q]
		if m.Subject != "" && len(m.Subject) >= len(Q.Subject) {
			Q.Subject = m.Subject
		}
		Q.Mentions = append(Q.Mentions, Mention{Start: m.Start, End: m.End, Text: m.Text, Value: m.Value, Unit: m.Unit, Kind: m.Kind.String()})
	}
	for q := range c.r.Quantities {
		if c.r.Quantities[q].Subject == "" {
			c.r.Quantities[q].Subject = strings.Trim(strings.Replace(keys[q], "|", " ", 1), " ")
		}
	}
}

// ---- one quantity, two values ----

// isUpdateWord reports words that, anywhere in a sentence, say a count
// was updated ("earlier it was reported", "revised", "now").
func isUpdateWord(w string) bool {
	switch w {
	case "earlier", "previously", "previous", "initially", "initial", "revised", "updated", "update", "originally",
		"original", "latest", "now", "preliminary", "corrected", "correction", "later", "subsequently", "meanwhile":
		return true
	}
	return false
}

// isStrongUpdate reports words that say the same count was updated.
func isStrongUpdate(w string) bool {
	w = strings.ToLower(w)
	if isUpdateWord(w) {
		return true
	}
	switch w {
	case "rose", "risen", "rise", "rises", "rising", "climbed", "climb", "climbs", "increased", "increase",
		"increases", "grew", "grown", "jumped", "fell", "fallen", "dropped", "declined", "decreased", "reached",
		"raised", "lowered", "toll", "up", "down", "stood", "stands", "hit":
		return true
	}
	return strings.Contains(w, " vs ") // two dates
}

// isChangeWord reports words that, just before a count, say it changed
// or is a different part ("has risen to 17", "another 5", "the remaining 3").
func isChangeWord(w string) bool {
	switch w {
	case "rose", "risen", "rise", "rises", "rising", "climbed", "climb", "climbs", "increased", "increase",
		"increases", "grew", "grown", "grow", "jumped", "fell", "fallen", "fall", "dropped", "declined",
		"decreased", "reached", "reach", "reaching", "raised", "lowered", "toll", "up", "down",
		"another", "additional", "more", "further", "least", "then", "since", "before", "first", "new",
		"remaining", "still", "surviving", "other", "others", "among", "including", "stood", "stands", "hit":
		return true
	}
	return false
}

// nearWindow is how many tokens either side of a mention the checks look
// at for words that qualify it; it keeps every check linear in the text.
const nearWindow = 60

// window returns the token range around m within its sentence.
func (c *numChecker) window(m *NumberMention) (int, int) {
	if m.Sentence < 0 || m.Sentence >= len(c.d.Sentences) {
		return 0, 0
	}
	S := c.d.Sentences[m.Sentence]
	return max(S.FirstToken, m.FirstToken-nearWindow), min(S.EndToken, m.EndToken+nearWindow)
}

// nearStems reports whether every stem in want occurs near m.
func (c *numChecker) nearStems(m *NumberMention, want []string) bool {
	lo, hi := c.window(m)
outer:
	for _, w := range want {
		for k := lo; k < hi; k++ {
			if c.d.Tokens[k].Stem == w {
				continue outer
			}
		}
		return false
	}
	return true
}

// changeWordNear returns a word near m, or anywhere in its sentence for
// update words, that explains a changed count; "" when there is none.
func (c *numChecker) changeWordNear(m *NumberMention) string {
	lo, hi := c.window(m)
	weak := ""
	for k := lo; k < hi; k++ {
		w := c.d.Tokens[k].Lower
		if w == "had" { // "officials had reported 9": an earlier report
			switch c.lower(k + 1) {
			case "reported", "said", "put", "counted", "confirmed", "estimated", "given", "been":
				if weak == "" {
					weak = c.d.TokenText(k)
				}
			}
			continue
		}
		if isUpdateWord(w) || k >= m.FirstToken-6 && k < m.FirstToken+4 && k != m.FirstToken && isChangeWord(w) && !c.determinerBetween(k, m.FirstToken) {
			if isStrongUpdate(w) {
				return c.d.TokenText(k)
			}
			if weak == "" {
				weak = c.d.TokenText(k)
			}
		}
	}
	return weak
}

// sumOfParts reports whether b is a part named in a's sentence ("Of the
// 50 states, 31 reported gains" … "the 31 states") or the sum of the counts
// of a's thing there ("five states passed laws and in one state the
// governor acted" … "the six states").
func (c *numChecker) sumOfParts(a, b *NumberMention) bool {
	sum, n := 0.0, 0
	first := sort.Search(len(c.ms), func(i int) bool { return c.ms[i].Sentence >= a.Sentence })
	for k := first; k < len(c.ms) && c.ms[k].Sentence == a.Sentence && k < first+nearWindow; k++ {
		m := &c.ms[k]
		if m.Kind != NumCount || m.Approx {
			continue
		}
		if m.Value == b.Value && m != a {
			return true // "Of the 50 states, 31 reported gains" … "the 31 states with gains"
		}
		if m.Head == a.Head {
			sum += m.Value
			n++
		}
	}
	return n > 1 && sum == b.Value
}

// countedOn returns a mention between a and b that counts on from a to
// b: "Three people died. A fourth person died later … the four victims"
// ("fourth"), or "another 2" / "2 more" making up the difference.
func (c *numChecker) countedOn(a, b *NumberMention) string {
	i := sort.Search(len(c.ms), func(i int) bool { return c.ms[i].Start > a.Start })
	for n := 0; i < len(c.ms) && c.ms[i].Start < b.Start && n < 2*nearWindow; i, n = i+1, n+1 {
		m := &c.ms[i]
		if m.Kind == NumOrdinal && m.Value == b.Value {
			return m.Text
		}
		if m.Kind == NumCount && m.Value == math.Abs(b.Value-a.Value) {
			switch c.lower(m.FirstToken - 1) {
			case "another", "further", "additional":
				return m.Text
			}
			if w := c.lower(m.EndToken); w == "more" || w == "additional" || w == "other" || w == "others" {
				return m.Text
			}
		}
	}
	return ""
}

// determinerBetween reports "the", "all", "those" or "these" between
// tokens k and j: "reached the 61 miners" does not say 61 is a new count.
func (c *numChecker) determinerBetween(k, j int) bool {
	for q := k + 1; q < j; q++ {
		switch c.lower(q) {
		case "the", "all", "those", "these":
			return true
		}
	}
	return false
}

// explained says why a and b may differ: a change word in either
// sentence, or different dates.
func (c *numChecker) explained(a, b *NumberMention) string {
	if w := c.countedOn(a, b); w != "" {
		return w
	}
	wb, wa := c.changeWordNear(b), c.changeWordNear(a)
	if isStrongUpdate(wb) {
		return wb
	}
	if isStrongUpdate(wa) {
		return wa
	}
	da, db := c.dateIn(a.Sentence), c.dateIn(b.Sentence)
	if da != nil && db != nil && da.Text != db.Text {
		return da.Text + " vs " + db.Text
	}
	if wb != "" {
		return wb
	}
	return wa
}

func (c *numChecker) dateIn(s int) *NumberMention {
	k := sort.Search(len(c.ms), func(i int) bool { return c.ms[i].Sentence >= s })
	for ; k < len(c.ms) && c.ms[k].Sentence == s; k++ {
		if c.ms[k].Kind == NumDate || c.ms[k].Kind == NumWeekday {
			return &c.ms[k]
		}
	}
	return nil
}

// sameThing reports whether b (a reference back: "the three wounded
// soldiers") can only mean the quantity of a ("two soldiers were wounded").
func (c *numChecker) sameThing(a, b *NumberMention) bool {
	switch {
	case a.Head == b.Head:
	case b.Head == "" && (a.Head == "person" || a.Head == ""):
	case a.Head == "" && b.Head == "person":
	default:
		return false
	}
	if b.Head == "" && b.State == "" {
		return false
	}
	if b.State != "" && a.State != b.State && !(a.State == "" && c.isAll(b)) {
		return false // "all 151 passengers were killed" may refer back to "150 passengers"
	}
	if a.State != "" && b.State == "" && b.Head == "person" && a.Head != "person" {
		return false
	}
	return c.nearStems(a, b.Mods) && c.nearStems(b, a.Mods)
}

// conflicts reports one quantity given different values: a warning when
// a later reference back ("the 34 destroyed homes") disagrees with the
// earlier count and nothing explains it, info when the text says it
// changed ("has risen to 17", "earlier it was reported").
func (c *numChecker) conflicts() {
	const window = 64
	var prev []int // countable mentions so far (last window)
	for i := range c.ms {
		b := &c.ms[i]
		if !countable(b) {
			continue
		}
		if !b.Approx && !b.Range && !b.Restricted && b.Value > 0 {
			var warnA, infoA *NumberMention
			agrees := c.toldBefore(i) // b repeats a value given earlier for the same thing
			for _, k := range prev {
				if a := &c.ms[k]; a.Value == b.Value && (quantityKey(a) == quantityKey(b) || c.sameThing(a, b)) {
					agrees = true
				}
			}
			for k := len(prev) - 1; k >= 0 && !agrees; k-- {
				a := &c.ms[prev[k]]
				if a.Approx || a.Range || a.Restricted || a.Value == b.Value {
					continue
				}
				if a.Value == 1 || b.Value == 1 {
					continue // "one House employee" … "the two House employees": singular and plural say so
				}
				if b.Definite && warnA == nil && c.sameThing(a, b) && plausibleSlip(a.Value, b.Value) && c.samePlace(a, b) && !c.sumOfParts(a, b) {
					warnA = a
					break
				}
				if infoA == nil && quantityKey(a) == quantityKey(b) {
					infoA = a
					break
				}
			}
			if warnA != nil {
				// a weak word ("the other three") makes b a different part:
				// no finding; a strong one ("has risen to") an update
				switch why := c.explained(warnA, b); {
				case isStrongUpdate(why):
					c.add(CatUpdatedValue, SeverityInfo, b, "updated count of "+subjectOr(b, warnA)+": "+fmtNum(warnA.Value)+" → "+fmtNum(b.Value)+" (\""+why+"\" explains the change)", warnA)
				case why == "":
					c.add(CatConflictingValues, SeverityWarning, b, "one count, two values: "+subjectOr(warnA, b)+": "+fmtNum(warnA.Value)+" earlier, but \""+c.refText(b)+"\" refers back to them: "+fmtNum(b.Value)+" ≠ "+fmtNum(warnA.Value)+", and nothing says the number changed", warnA)
				}
			} else if infoA != nil {
				// only a plain update of one toll is worth knowing: "has
				// risen to 17", "earlier it was reported … 16"
				if why := c.explained(infoA, b); isStrongUpdate(why) && (b.State != "" || b.Definite) && b.Value/infoA.Value <= 10 && infoA.Value/b.Value <= 10 {
					c.add(CatUpdatedValue, SeverityInfo, b, "updated count of "+subjectOr(b, infoA)+": "+fmtNum(infoA.Value)+" → "+fmtNum(b.Value)+" (\""+why+"\" explains the change)", infoA)
				}
			}
		}
		prev = append(prev, i)
		if len(prev) > window {
			prev = prev[1:]
		}
	}
}

// samePlace reports whether a phrase of place or event after b ("the 30
// employees in the Paris office", "the 12 injured in the blast at the
// market") is also near a; one that a does not name makes b a subset.
func (c *numChecker) samePlace(a, b *NumberMention) bool {
	j := b.SubjectEnd
	switch c.lower(j) {
	case "in", "at", "from", "inside", "outside", "near":
	default:
		return true
	}
	S := c.d.Sentences[b.Sentence]
	var want []string
	for j++; j < S.EndToken && len(want) < 4; j++ {
		t := &c.d.Tokens[j]
		if t.Kind != Word || isAux(t.Lower) || isVerbLike(t.Lower) {
			break
		}
		if !isNPStop(t.Lower) {
			want = append(want, t.Stem)
		}
	}
	return c.nearStems(a, want)
}

// toldBefore reports whether the value of mention i was given shortly
// before it, as any plain count ("20 were injured" … "the 20 injured") or
// as the sum of the counts of one sentence ("Seven people died and 20
// were injured" … "the 27 casualties").
func (c *numChecker) toldBefore(i int) bool {
	b := &c.ms[i]
	sum, n, sent := 0.0, 0, -1
	for k := i - 1; k >= 0 && k >= i-nearWindow && c.ms[k].Sentence >= b.Sentence-3; k-- {
		m := &c.ms[k]
		if m.Sentence != sent {
			if n > 1 && sum == b.Value {
				return true
			}
			sum, n, sent = 0, 0, m.Sentence
		}
		if m.Kind != NumCount || m.Approx || m.Range {
			continue
		}
		if m.Value == b.Value {
			return true
		}
		sum += m.Value
		n++
	}
	return n > 1 && sum == b.Value
}

// isAll reports a count introduced by "all" ("all 13 miners", "all the 72").
func (c *numChecker) isAll(m *NumberMention) bool {
	p := m.FirstToken - 1
	if c.lower(p) == "the" {
		p--
	}
	return c.lower(p) == "all"
}

// plausibleSlip reports two values that one count could plausibly have
// been garbled into: close (at most twice as large), the same digits in
// another order (27 / 72) or a power of ten apart (200 / 2,000). Very
// different values usually count different groups ("the world's 5,000
// bishops" … "the three bishops").
func plausibleSlip(a, b float64) bool {
	lo, hi := math.Min(a, b), math.Max(a, b)
	if lo <= 0 {
		return false
	}
	if hi <= 2*lo {
		return true
	}
	if r := hi / lo; r == 10 || r == 100 || r == 1000 {
		return true
	}
	da, db := []byte(strconv.FormatFloat(a, 'f', -1, 64)), []byte(strconv.FormatFloat(b, 'f', -1, 64))
	if len(da) != len(db) {
		return false
	}
	sort.Slice(da, func(i, j int) bool { return da[i] < da[j] })
	sort.Slice(db, func(i, j int) bool { return db[i] < db[j] })
	return string(da) == string(db)
}

// refText returns the back-reference as written: "the 34 destroyed homes".
func (c *numChecker) refText(m *NumberMention) string {
	first := m.FirstToken
	if first > 0 && (c.lower(first-1) == "the" || c.lower(first-1) == "all" || c.lower(first-1) == "their" || c.lower(first-1) == "its" || c.lower(first-1) == "those" || c.lower(first-1) == "these" || c.lower(first-1) == "both") {
		first--
		if first > 0 && c.lower(first-1) == "all" {
			first--
		}
	}
	end := max(m.EndToken, m.SubjectEnd)
	if end > len(c.d.Tokens) || end <= first {
		return m.Text
	}
	return c.d.Text[c.d.Tokens[first].Start:c.d.Tokens[end-1].End]
}

func subjectOr(ms ...*NumberMention) string {
	for _, m := range ms {
		if m.Subject != "" {
			return m.Subject
		}
	}
	return "the same thing"
}

// ---- per sentence: changes, parts and wholes, impossible values ----

func (c *numChecker) sentence(lo, hi int) {
	c.changes(lo, hi)
	c.lead(lo, hi)
	c.partsWhole(lo, hi)
	c.shares(lo, hi)
	c.votes(lo, hi)
	c.voteCounts(lo, hi)
	c.majority(lo, hi)
	c.overHundred(lo, hi)
	c.shareOf(lo, hi)
	c.fractionPercent(lo, hi)
	c.conversions(lo, hi)
}

// direction of a change word: +1 up, -1 down, 0 none.
func changeDirection(w string) int {
	switch w {
	case "rose", "risen", "rise", "rises", "rising", "increased", "increase", "increases", "increasing", "grew",
		"grown", "grow", "grows", "growing", "climbed", "climb", "climbs", "climbing", "jumped", "jump", "jumps",
		"soared", "soar", "surged", "surge", "gained", "gain", "gains", "up", "higher", "doubled", "tripled",
		"trebled", "quadrupled", "rebounded", "hike", "spiked", "growth", "boost", "boosted", "expanded":
		return 1
	case "fell", "fallen", "fall", "falls", "falling", "dropped", "drop", "drops", "dropping", "declined",
		"decline", "declines", "declining", "decreased", "decrease", "decreases", "shrank", "shrunk", "shrink",
		"slipped", "slip", "plunged", "plunge", "plummeted", "sank", "sunk", "tumbled", "slumped", "slump",
		"down", "lower", "halved", "reduced", "reduction", "cut", "cuts", "loss", "lost", "dipped", "dip",
		"contracted", "contraction", "eased", "slid", "slide":
		return -1
	}
	return 0
}

func multiplierWord(w string) float64 {
	switch w {
	case "doubled", "doubling", "doubles":
		return 2
	case "tripled", "trebled", "tripling", "triples":
		return 3
	case "quadrupled", "quadrupling":
		return 4
	case "halved", "halving":
		return 0.5
	}
	return 0
}

// comparable reports two mentions that can be the two ends of a change.
func comparable(x, y *NumberMention) bool {
	if x.Range || y.Range {
		return false
	}
	if x.Kind == NumCount && x.Unit == "" && x.Head == "" && (y.Kind == NumMeasure || y.Kind == NumPercent || y.Kind == NumMoney) {
		return true // "from 20 to 30 tonnes": the unit is said once
	}
	if x.Kind != y.Kind {
		return false
	}
	switch x.Kind {
	case NumCount, NumMoney, NumPercent, NumMeasure:
		return x.Unit == y.Unit
	}
	return false
}

// changes checks "from X to Y" (and "Y, up from X") against the stated
// percent change, percentage-point change, multiplier and direction.
func (c *numChecker) changes(lo, hi int) {
	for xi := lo; xi < hi; xi++ {
		X := &c.ms[xi]
		f := X.FirstToken
		if c.lower(f-1) != "from" {
			continue
		}
		var Y *NumberMention
		dir := 0
		verbAt := f - 1
		if xi+1 < hi && c.lower(c.ms[xi+1].FirstToken-1) == "to" && c.smallGap(X.EndToken, c.ms[xi+1].FirstToken-1) && comparable(X, &c.ms[xi+1]) {
			Y = &c.ms[xi+1] // "from X to Y"
		} else if yi := c.mentionBefore(lo, xi, f-1); yi >= 0 && c.lower(c.ms[yi].FirstToken-1) == "to" && comparable(X, &c.ms[yi]) {
			Y = &c.ms[yi] // "rose 50% to Y from X"
			verbAt = Y.FirstToken - 1
		} else {
			// "Y, up 20% from X" / "Y, down from X"
			k := f - 2
			for ; k > f-6 && k >= 0; k-- {
				if d := changeDirection(c.lower(k)); d != 0 && (c.lower(k) == "up" || c.lower(k) == "down" || c.lower(k) == "higher" || c.lower(k) == "lower") {
					dir = d
					break
				}
			}
			if dir == 0 {
				continue
			}
			verbAt = k
			for yi := xi - 1; yi >= lo; yi-- {
				if c.ms[yi].EndToken <= k && comparable(X, &c.ms[yi]) {
					Y = &c.ms[yi]
					break
				}
			}
			if Y == nil {
				continue
			}
		}
		if X.Approx && Y.Approx {
			continue
		}
		x, y := X.Value, Y.Value
		// the change verb: before "from" ("rose sharply from")
		verb := ""
		if dir == 0 {
			for k := verbAt - 1; k >= verbAt-4 && k >= 0 && c.d.Tokens[k].Sentence == X.Sentence; k-- {
				if d := changeDirection(c.lower(k)); d != 0 {
					dir, verb = d, c.d.TokenText(k)
					break
				}
			}
		} else {
			verb = c.d.TokenText(verbAt)
		}
		arith := "from " + X.Text + " to " + Y.Text
		if dir != 0 && x != y && (dir > 0) != (y > x) && multiplierWord(strings.ToLower(verb)) == 0 {
			way := "fell"
			if y > x {
				way = "rose"
			}
			c.add(CatDirection, SeverityError, Y, "\""+verb+"\" but the numbers say otherwise: "+arith+" "+way+" ("+fmtNum(x)+" → "+fmtNum(y)+")", X)
			continue
		}
		// a stated multiplier in the sentence
		wlo, whi := c.window(X)
		for k := max(wlo, X.FirstToken-15); k < min(whi, Y.EndToken+15); k++ {
			fct := multiplierWord(c.lower(k))
			if c.lower(k) == "half" && c.lower(k-1) == "by" && dir < 0 {
				fct = 0.5 // "fell by half"
			}
			if fct == 0 || x <= 0 {
				continue
			}
			ratio := y / x
			ok := math.Abs(ratio/fct-1) <= 0.1
			switch c.lower(k - 1) {
			case "nearly", "almost":
				ok = ratio <= fct*1.02 && ratio >= fct*0.75
			case "than":
				ok = ratio >= fct*0.98
			}
			if !ok {
				word := c.d.TokenText(k)
				c.add(CatMultiplier, SeverityError, Y, "\""+word+"\" means ×"+fmtNum(fct)+", but "+arith+" is ×"+strconv.FormatFloat(math.Round(ratio*100)/100, 'f', -1, 64)+" ("+fmtNum(y)+" / "+fmtNum(x)+")", X)
			}
			break
		}
		// the stated percent or point change nearest to this pair, in its clause
		var best *NumberMention
		bestDist := 12
		for pi := max(lo, xi-6); pi < min(hi, xi+8); pi++ {
			P := &c.ms[pi]
			if P == X || P == Y || (P.Kind != NumPercent && P.Kind != NumPoints && P.Kind != NumFraction) || P.Range || P.Unit == "pt" && X.Kind != NumPercent {
				continue
			}
			if !c.isChangeAmount(P) {
				continue
			}
			a, b := min(P.FirstToken, X.FirstToken, Y.FirstToken), max(P.FirstToken, X.FirstToken, Y.FirstToken)
			if c.crossesClause(a, b, X.FirstToken-1) {
				continue
			}
			dist := min(abs(P.FirstToken-X.FirstToken), abs(P.FirstToken-Y.FirstToken))
			if dist < bestDist {
				best, bestDist = P, dist
			}
		}
		if best != nil {
			c.checkChange(X, Y, best)
		} else {
			c.absoluteChange(lo, hi, xi, X, Y)
		}
	}
}

// smallGap reports whether tokens [a, b) are at most a short phrase of
// time or place ("in May") between the two ends of a change.
func (c *numChecker) smallGap(a, b int) bool {
	if b-a > 3 || b < a {
		return false
	}
	if b == a {
		return true
	}
	switch c.lower(a) {
	case "in", "on", "at", "by", "for", "last", "this", "a", "per", "each":
	default:
		return false
	}
	for j := a; j < b; j++ {
		if c.d.Tokens[j].Kind == Punct {
			return false
		}
	}
	return true
}

// mentionBefore returns the mention (index < xi) that ends shortly before
// token end ("6% in May" before "from"), or -1.
func (c *numChecker) mentionBefore(lo, xi, end int) int {
	for k := xi - 1; k >= lo; k-- {
		if c.smallGap(max(c.ms[k].EndToken, c.ms[k].SubjectEnd), end) {
			return k
		}
		if c.ms[k].EndToken < end-3 {
			break
		}
	}
	return -1
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// crossesClause reports a ";" or another "from" (than the one at token
// from) between tokens a and b.
func (c *numChecker) crossesClause(a, b, from int) bool {
	for j := a; j < b; j++ {
		if w := c.lower(j); w == ";" || w == "from" && j != from {
			return true
		}
	}
	return false
}

// absoluteChange checks a stated difference against "from X to Y":
// "rose from 100,000 to 160,000, an increase of 50,000" (it is 60,000).
func (c *numChecker) absoluteChange(lo, hi, xi int, X, Y *NumberMention) {
	for pi := max(lo, xi-6); pi < min(hi, xi+8); pi++ {
		P := &c.ms[pi]
		if P == X || P == Y || P.Kind != Y.Kind || P.Unit != Y.Unit || P.Range || P.Approx || P.Kind == NumPercent {
			continue
		}
		if !c.isChangeAmount(P) || c.lower(P.FirstToken-1) == "to" {
			continue
		}
		a, b := min(P.FirstToken, X.FirstToken, Y.FirstToken), max(P.FirstToken, X.FirstToken, Y.FirstToken)
		if c.crossesClause(a, b, X.FirstToken-1) {
			continue
		}
		diff := math.Abs(Y.Value - X.Value)
		if math.Abs(P.Value-diff) > math.Max(0.01*diff, 0.5) && P.Value != 0 {
			c.add(CatPercentChange, SeverityError, P, "from "+X.Text+" to "+Y.Text+" is a change of "+fmtNum(diff)+" ("+fmtNum(Y.Value)+" − "+fmtNum(X.Value)+"), not "+fmtNum(P.Value), X, Y)
		}
		return
	}
}

// isChangeAmount reports a percent that states a change: "an increase
// of 20 percent", "a 33% decline", "up 5%", "by 3 percentage points".
func (c *numChecker) isChangeAmount(P *NumberMention) bool {
	b := c.lower(P.FirstToken - 1)
	if b == "by" || changeDirection(b) != 0 {
		return true
	}
	if b == "of" && changeDirection(c.lower(P.FirstToken-2)) != 0 {
		return true
	}
	if changeDirection(c.lower(P.EndToken)) != 0 {
		return true
	}
	return false
}

func (c *numChecker) checkChange(X, Y, P *NumberMention) {
	x, y := X.Value, Y.Value
	arith := "from " + X.Text + " to " + Y.Text
	if P.Kind == NumPoints {
		if X.Kind != NumPercent {
			return
		}
		actual := math.Abs(y - x)
		if math.Abs(P.Value-actual) > 0.5+1e-9 {
			c.add(CatPointsChange, SeverityError, P, arith+" is a change of "+fmtNum(actual)+" percentage points ("+fmtNum(y)+" − "+fmtNum(x)+"), not "+fmtNum(P.Value), X, Y)
		}
		return
	}
	if x == 0 {
		return
	}
	rel := (y - x) / x * 100
	actual := math.Abs(rel)
	if P.Kind == NumFraction { // "a drop of a third", "cut by half"
		if math.Abs(P.Value*100-actual) > math.Max(3, 0.1*actual) {
			c.add(CatPercentChange, SeverityError, P, arith+" is a change of "+fmtNum(actual)+"% ("+fmtNum(math.Abs(y-x))+" / "+fmtNum(x)+"), not "+P.Text+" ("+fmtNum(P.Value*100)+"%)", X, Y)
		}
		return
	}
	tol := math.Max(1, 0.05*actual)
	if math.Abs(P.Value-actual) <= tol {
		if d := changeDirection(c.lower(P.EndToken)); d != 0 && (d > 0) != (rel > 0) && rel != 0 {
			c.add(CatDirection, SeverityError, P, "\""+P.Text+" "+c.d.TokenText(P.EndToken)+"\" but "+arith+" goes the other way", X, Y)
		}
		return
	}
	word := "increase"
	if rel < 0 {
		word = "decrease"
	}
	msg := arith + " is a " + fmtNum(actual) + "% " + word + " (" + fmtNum(math.Abs(y-x)) + " / " + fmtNum(x) + "), not " + fmtNum(P.Value) + "%"
	if X.Kind == NumPercent && math.Abs(P.Value-math.Abs(y-x)) <= 0.5 {
		c.add(CatPercentChange, SeverityWarning, P, arith+" is a change of "+fmtNum(math.Abs(y-x))+" percentage points ("+fmtNum(y)+" − "+fmtNum(x)+"), which is "+fmtNum(actual)+" percent ("+fmtNum(math.Abs(y-x))+" / "+fmtNum(x)+"): \""+P.Text+"\" should say percentage points", X, Y)
		return
	}
	if alt := math.Abs(y-x) / y * 100; y != 0 && math.Abs(P.Value-alt) <= math.Max(1, 0.05*alt) {
		msg += "; " + fmtNum(P.Value) + "% is the change divided by the new value (" + fmtNum(math.Abs(y-x)) + " / " + fmtNum(y) + ")"
	}
	c.add(CatPercentChange, SeverityError, P, msg, X, Y)
}

// lead checks "a lead of N points" against the two shares in the sentence.
func (c *numChecker) lead(lo, hi int) {
	for li := lo; li < hi; li++ {
		L := &c.ms[li]
		if L.Kind != NumPoints || L.Range {
			continue
		}
		cue := false
		for _, k := range [...]int{L.EndToken, L.EndToken + 1, L.FirstToken - 1, L.FirstToken - 2, L.FirstToken - 3} {
			switch c.lower(k) {
			case "lead", "leads", "leading", "ahead", "margin", "advantage", "edge", "behind", "trails", "trailing", "gap":
				cue = true
			}
		}
		if !cue {
			continue
		}
		if hi-lo > 12 {
			return // a long list of numbers: which two shares the lead is between is unclear
		}
		var shares []*NumberMention
		for k := lo; k < hi; k++ {
			if c.ms[k].Kind == NumPercent && !c.ms[k].Range {
				shares = append(shares, &c.ms[k])
			}
		}
		if len(shares) != 2 {
			continue
		}
		diff := math.Abs(shares[0].Value - shares[1].Value)
		if math.Abs(diff-L.Value) > 1+1e-9 {
			c.add(CatLead, SeverityError, L, "a lead of "+fmtNum(L.Value)+" points does not match the shares: "+shares[0].Text+" − "+shares[1].Text+" is "+fmtNum(diff)+" points", shares[0], shares[1])
		}
	}
}

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
	switch b {
	case "^", ",", "and", ";", ":", "while", "whereas", "but", "with", "another", "just", "only", "said", "that",
		"found", "showed", "shows", "finds", "says":
	default:
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
		if verbs[v] && !isAnswerVerb(v) {
			return false // the same verb twice: two attributes
		}
		verbs[v] = true
	}
	return true
}

// isAnswerVerb reports verbs whose shares answer one question even when
// repeated ("45% voted for A, 40% voted for B").
func isAnswerVerb(stem string) bool {
	switch stem {
	case "vote", "went", "chose", "pick", "prefer", "back", "support", "oppos", "favour", "favor", "approv",
		"disapprov", "said", "answer", "respond", "were", "are", "was", "is":
		return true
	}
	return false
}

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
func isBody(M *NumberMention) bool {
	if M.Kind != NumCount || M.Approx || M.Range || M.Restricted {
		return false
	}
	switch M.Head {
	case "member", "seat", "senat", "judg", "justic", "juror", "deleg", "lawmak", "legisl", "councillor", "mp":
		return true
	}
	return false
}

// majority checks "a majority" / "more than half" / "nearly half" against
// the percent that states it.
func (c *numChecker) majority(lo, hi int) {
	S := c.d.Sentences[c.ms[lo].Sentence]
	for k := S.FirstToken; k < S.EndToken; k++ {
		w := c.lower(k)
		var lowOK, highOK float64 = -1, 101 // allowed range of the percent
		claim := ""
		switch w {
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
		// the percent that states it: within a few tokens, same clause
		for j := k + 1; j < S.EndToken && j <= k+7; j++ {
			lw := c.lower(j)
			if lw == ";" || lw == "while" || lw == "but" || lw == "whereas" || lw == "although" || lw == "compared" {
				break
			}
			mi := c.mentionAt(lo, hi, j)
			if mi < 0 {
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
			switch c.lower(j) {
			case ",", "or", "(", "—", "–", "-", "about", "some", "roughly", "around", "nearly", "almost", "approximately":
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

func isPopulationNoun(stem string) bool {
	switch stem {
	case "respond", "voter", "person", "resid", "popul", "adult", "household", "student", "member", "worker",
		"employe", "particip", "citizen", "vote", "ballot", "american", "women", "men", "children", "patient", "parent":
		return true
	}
	return false
}

// conversions checks a measure against its conversion next to it:
// "5 km (8 miles)" is wrong: 5 km is 3.1 miles.
func (c *numChecker) conversions(lo, hi int) {
	for k := lo; k+1 < hi; k++ {
		A, B := &c.ms[k], &c.ms[k+1]
		if A.Kind != NumMeasure || B.Kind != NumMeasure || A.Range || B.Range {
			continue
		}
		ok := true
		for j := A.EndToken; j < B.FirstToken; j++ {
			switch c.lower(j) {
			case "(", ",", "or", "about", "around", "roughly", "some", "nearly", "almost", "approximately", "—", "–", "-", "[":
			default:
				ok = false
			}
		}
		if !ok || B.FirstToken-A.EndToken > 3 {
			continue
		}
		if p := c.lower(A.FirstToken - 1); p == "to" || p == "and" || p == "+" {
			continue // "-40°C to +50°C (-40°F to 122°F)": a range converted end by end
		}
		want, exact := convert(A.Value, A.Unit, B.Unit)
		if !exact {
			continue
		}
		tol := math.Max(0.12*math.Abs(want), 0.5)
		if A.Unit == "C" || A.Unit == "F" {
			tol = 2.5
		}
		if math.Abs(B.Value-want) > tol {
			c.add(CatConversion, SeverityError, B, A.Text+" is about "+fmtNum(want)+" "+B.Unit+", not "+fmtNum(B.Value), A)
		}
	}
}

// convert converts v from unit a to unit b; ok is false when the units
// are not a known pair.
func convert(v float64, a, b string) (float64, bool) {
	if a == "C" && b == "F" {
		return v*9/5 + 32, true
	}
	if a == "F" && b == "C" {
		return (v - 32) * 5 / 9, true
	}
	factors := [...]struct {
		a, b string
		f    float64
	}{{"km", "mi", 0.621371}, {"kg", "lb", 2.20462}, {"m", "ft", 3.28084}, {"cm", "in", 0.393701},
		{"l", "gal", 0.264172}, {"ha", "acre", 2.47105}, {"km2", "mi2", 0.386102}, {"kmh", "mph", 0.621371}}
	for _, p := range factors {
		if a == p.a && b == p.b {
			return v * p.f, true
		}
		if a == p.b && b == p.a {
			return v / p.f, true
		}
	}
	return 0, false
}

// scaleMismatch flags the same amount given with different scale words:
// "3.2 billion euros" and "3.2 million euros".
func (c *numChecker) scaleMismatch() {
	seen := map[string]int{}
	for i := range c.ms {
		m := &c.ms[i]
		if m.Scale < 1e6 || m.Range || (m.Kind != NumMoney && m.Kind != NumCount) {
			continue
		}
		round := m.Mantissa == math.Trunc(m.Mantissa) && m.Mantissa <= 10
		if round && m.Head == "" {
			continue
		}
		key := m.Unit + "|" + strconv.FormatFloat(m.Mantissa, 'f', -1, 64)
		if round {
			key += "|" + m.Head
		}
		if j, ok := seen[key]; ok && c.ms[j].Scale != m.Scale {
			a := &c.ms[j]
			c.add(CatScale, SeverityWarning, m, "the same amount with two scales: "+a.Text+" earlier, "+m.Text+" here ("+fmtNum(a.Value)+" vs "+fmtNum(m.Value)+", a factor of "+fmtNum(math.Max(a.Scale, m.Scale)/math.Min(a.Scale, m.Scale))+")", a)
			continue
		}
		seen[key] = i
	}
}

// ---- dates ----

// dates checks weekdays against their dates and "N days later" against
// the two dates.
func (c *numChecker) dates() {
	var last *NumberMention // latest full date
	var years []int         // the years the text names
	for i := range c.ms {
		if m := &c.ms[i]; (m.Kind == NumYear || m.Kind == NumDate) && m.Year > 0 && !m.YearInferred {
			years = append(years, m.Year)
		}
	}
	for i := range c.ms {
		m := &c.ms[i]
		switch m.Kind {
		case NumDate:
			if m.Invalid {
				days := daysIn(max(m.Year, 2001), m.Month)
				if m.Year == 0 && m.Month == 2 {
					days = 29
				}
				when := monthTitle(m.Month)
				if m.Year > 0 {
					when += " " + strconv.Itoa(m.Year)
				}
				c.add(CatImpossible, SeverityError, m, monthTitle(m.Month)+" "+strconv.Itoa(m.Day)+" does not exist: "+when+" has "+strconv.Itoa(days)+" days")
				continue
			}
			if m.Weekday >= 0 && m.Day > 0 && m.Year > 0 {
				if wd := dayOfWeek(m.Year, m.Month, m.Day); wd != m.Weekday && !(m.YearInferred && (anyYearFits(years, m) || abs(m.Sentence-m.YearFrom) > 3)) {
					sev, note := SeverityError, ""
					if m.YearInferred {
						sev, note = SeverityWarning, " (taking the year "+strconv.Itoa(m.Year)+" from the other dates)"
					}
					c.add(CatWeekdayDate, sev, m, monthTitle(m.Month)+" "+strconv.Itoa(m.Day)+", "+strconv.Itoa(m.Year)+" was a "+titleCase(weekdayNames[wd])+", not a "+titleCase(weekdayNames[m.Weekday])+note)
				}
			}
		case NumDuration:
			if !m.Later || last == nil || (m.Unit != "day" && m.Unit != "week") || m.Approx || m.Range || m.Sentence-last.Sentence > 20 {
				break // "later" counts from a date told not long before
			}
			n := int(m.Value)
			if m.Unit == "week" {
				n *= 7
			}
			// the date the duration leads to: in the same sentence
			for k := i + 1; k < len(c.ms) && c.ms[k].Sentence == m.Sentence; k++ {
				D := &c.ms[k]
				if D.Kind != NumDate || D.Day == 0 {
					continue
				}
				y1, y2 := last.Year, D.Year
				if y1 == 0 || y2 == 0 {
					if y1 != y2 {
						break
					}
					y1, y2 = 2001, 2001
				}
				diff := dayNumber(y2, D.Month, D.Day) - dayNumber(y1, last.Month, last.Day)
				if diff != n {
					gap := strconv.Itoa(diff) + " days later"
					if diff < 0 {
						gap = strconv.Itoa(-diff) + " days earlier"
					}
					c.add(CatDaysLater, SeverityError, m, "\""+m.Text+"\" but "+D.Text+" is "+gap+" than "+last.Text, last, D)
				}
				break
			}
		}
		switch {
		case m.Kind == NumDate && m.Day > 0 && !m.Invalid:
			last = m
		case m.Kind == NumWeekday, m.Kind == NumDuration && m.Later:
			last = nil // another event in between: "later" may count from it
		}
	}
}

// anyYearFits reports whether one of the years gives the date its weekday:
// a date without a year may belong to any year the text names.
func anyYearFits(years []int, m *NumberMention) bool {
	for _, y := range years {
		if validDate(y, m.Month, m.Day) && dayOfWeek(y, m.Month, m.Day) == m.Weekday {
			return true
		}
	}
	return false
}

func monthTitle(m int) string { return titleCase(monthNames[m-1]) }

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
