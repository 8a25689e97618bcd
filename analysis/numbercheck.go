package analysis

import (
	"math"
	"sort"
	"strings"

	"github.com/plumbline/plumbline/internal/numtext"
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
	var buf []NumberMention
	if d.scratch != nil {
		buf, d.scratch.numbers = d.scratch.numbers, nil
	}
	ms := extractNumbers(d, buf)
	c := numChecker{d: d, ms: ms, r: r, first: len(r.Findings)}
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
	if d.scratch != nil {
		giveBack(&d.scratch.numbers, ms, maxKeptNumbers)
	}
}

type numChecker struct {
	d     *Document
	ms    []NumberMention
	r     *Report
	first int // index of this check's first finding in r.Findings
}

//go:noinline
func (c *numChecker) lower(i int) string {
	if i < 0 || i >= len(c.d.Tokens) {
		return ""
	}
	return c.d.Tokens[i].Lower
}

//go:noinline
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
	if c.reported(&f) {
		return
	}
	c.r.Findings = append(c.r.Findings, f)
}

// reported says whether a finding of the same category already covers the
// same set of mentions: two rules that see one problem (parts that exceed
// their whole, read as votes too) report it once.
func (c *numChecker) reported(f *Finding) bool {
	for i := c.first; i < len(c.r.Findings); i++ {
		if g := &c.r.Findings[i]; g.Kind == KindNumber && g.Category == f.Category && sameSpans(f, g) {
			return true
		}
	}
	return false
}

// sameSpans compares the spans of two findings as sets (finding + related).
func sameSpans(a, b *Finding) bool {
	if len(a.Related) != len(b.Related) {
		return false
	}
	has := func(f *Finding, start int) bool {
		if f.Start == start {
			return true
		}
		for _, r := range f.Related {
			if r.Start == start {
				return true
			}
		}
		return false
	}
	if !has(b, a.Start) {
		return false
	}
	for _, r := range a.Related {
		if !has(b, r.Start) {
			return false
		}
	}
	return true
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
			s = numtext.FormatFixed(math.Round(r), 0)
		} else if v < 1 {
			s = numtext.FormatFixed(v, 2)
		} else {
			s = numtext.FormatFixed(r, 1)
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
//
//go:noinline
func countable(m *NumberMention) bool {
	return m.Kind == NumCount && m.HasSubject() && m.Unit != "adj"
}

func quantityKey(m *NumberMention) string {
	return quantityHead(m) + "|" + m.State
}

// quantityHead is the head of m's quantity: "person" when only a state
// is known ("the 72 injured").
func quantityHead(m *NumberMention) string {
	if m.Head == "" {
		return "person"
	}
	return m.Head
}

// sameQuantity reports quantityKey(a) == quantityKey(b) without building
// the keys (neither a stem nor a state holds "|").
func sameQuantity(a, b *NumberMention) bool {
	return a.State == b.State && quantityHead(a) == quantityHead(b)
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
//
//go:noinline
func isUpdateWord(w string) bool {
	if isUpdateWordWords.has(w) {
		return true
	}
	return false
}

var isUpdateWordWords = newWordSet("earlier|previously|previous|initially|initial|revised|updated|update|originally|original|" +
	"latest|now|preliminary|corrected|correction|later|subsequently|meanwhile")

// isStrongUpdate reports words that say the same count was updated.
func isStrongUpdate(w string) bool {
	w = strings.ToLower(w)
	if isUpdateWord(w) {
		return true
	}
	if isStrongUpdateWords.has(w) {
		return true
	}
	return strings.Contains(w, " vs ") // two dates
}

var isStrongUpdateWords = newWordSet("rose|risen|rise|rises|rising|climbed|climb|climbs|increased|increase|increases|grew|grown|" +
	"jumped|fell|fallen|dropped|declined|decreased|reached|raised|lowered|toll|up|down|stood|" +
	"stands|hit")

// isChangeWord reports words that, just before a count, say it changed
// or is a different part ("has risen to 17", "another 5", "the remaining 3").
//
//go:noinline
func isChangeWord(w string) bool {
	if isChangeWordWords.has(w) {
		return true
	}
	return false
}

var isChangeWordWords = newWordSet("rose|risen|rise|rises|rising|climbed|climb|climbs|increased|increase|increases|grew|grown|" +
	"grow|jumped|fell|fallen|fall|dropped|declined|decreased|reached|reach|reaching|raised|" +
	"lowered|toll|up|down|another|additional|more|further|least|then|since|before|first|new|" +
	"remaining|still|surviving|other|others|among|including|stood|stands|hit")

// nearWindow is how many tokens either side of a mention the checks look
// at for words that qualify it; it keeps every check linear in the text.
const nearWindow = 60

// window returns the token range around m within its sentence.
//
//go:noinline
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
				if a := &c.ms[k]; a.Value == b.Value && (sameQuantity(a, b) || c.sameThing(a, b)) {
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
				if infoA == nil && sameQuantity(a, b) {
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
	da, db := []byte(numtext.FormatShort(a)), []byte(numtext.FormatShort(b))
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

//go:noinline
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
