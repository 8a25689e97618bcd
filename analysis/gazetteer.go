package analysis

import (
	"errors"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/plumbline/plumbline/internal/numtext"
)

// The gazetteer is DATA (data/gazetteer.tsv, built in as the constant
// gazetteerTSV in data_gen.go); see that file's header for its format and
// how it was built. It lives outside lexicons/ because Builtin parses every
// file there as lexicon entries.

// GazetteerKind says what a gazetteer line lists.
type GazetteerKind uint8

// Gazetteer kinds (the first column of a gazetteer line).
const (
	// GazPlace is one place with forms derived from it ("Russia",
	// "Russian", "Russians"): never misspellings of each other.
	GazPlace GazetteerKind = iota + 1
	// GazAlias is one thing with several names, current name first
	// ("Almaty", "Alma-Ata"): reported as info when two appear.
	GazAlias
	// GazPerson lists given names and surnames, each its own name.
	GazPerson
	// GazTitle lists words that stand before a name ("President").
	GazTitle
	// GazCommon lists common words capitalised at a sentence start.
	GazCommon
)

var gazetteerKinds = map[string]GazetteerKind{
	"place": GazPlace, "alias": GazAlias, "person": GazPerson, "title": GazTitle, "common": GazCommon,
}

// maxGazetteerName limits one name, so that a user file cannot make
// lookups slow; maxGazetteerWords limits the words in one name.
const (
	maxGazetteerName  = 64
	maxGazetteerWords = 5
)

// gazRef ties a name to the group (one line of place or alias, or one
// name of a list kind) it belongs to.
type gazRef struct {
	group int32
	kind  GazetteerKind
}

// Gazetteer knows names that are different from each other (Iran, Iraq),
// forms of one place (Kazakh, Kazakhstan), aliases (Kiev, Kyiv), titles
// and common words. Keys are lower-case; it is immutable after parsing and
// safe for concurrent use.
type Gazetteer struct {
	names map[string][]gazRef
	// groups holds each group's names as written; the first is canonical.
	groups [][]string
	// maxWords is the most words in one name ("Ho Chi Minh City": 4).
	maxWords int
	// aliasHeads maps the first word, without diacritics, of each alias
	// of several words to the most words of such an alias: a phrase whose
	// first word is not here (folded) is no alias of several words.
	aliasHeads map[string]uint8
}

var (
	gazetteerOnce sync.Once
	gazetteerBI   *Gazetteer
	gazetteerErr  error
)

// BuiltinGazetteer returns the gazetteer built into the binary
// (data/gazetteer.tsv), parsed once.
func BuiltinGazetteer() (*Gazetteer, error) {
	gazetteerOnce.Do(func() {
		gazetteerBI, gazetteerErr = ParseGazetteer("gazetteer.tsv", gazetteerTSV)
	})
	return gazetteerBI, gazetteerErr
}

// ParseGazetteer reads gazetteer lines "kind<TAB>name|name|...". Blank
// lines and lines starting with "#" are skipped. Every line is checked: a
// known kind, names of letters (with inner spaces, hyphens, apostrophes or
// periods) at most 64 bytes and 5 words long, no name twice in one line,
// no name twice in the lists of one list kind (person, title, common),
// no name in two alias lines.
// Errors name the source and line.
func ParseGazetteer(source, data string) (*Gazetteer, error) {
	g := &Gazetteer{names: make(map[string][]gazRef, 2048), maxWords: 1, aliasHeads: map[string]uint8{}}
	// the line of each alias and of each name of a list kind, by kind and key
	seen := map[string]int{}
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := source + ":" + itoa(n+1)
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return nil, &LexiconError{where, "want 2 tab-separated fields (kind, names), got " + itoa(len(f))}
		}
		kind, ok := gazetteerKinds[strings.TrimSpace(f[0])]
		if !ok {
			return nil, &LexiconError{where, "kind " + quoted(f[0]) + " is not one of place, alias, person, title, common"}
		}
		names := strings.Split(f[1], "|")
		inLine := map[string]bool{}
		group := int32(len(g.groups))
		var written []string
		for _, name := range names {
			name = strings.TrimSpace(name)
			if err := validGazetteerName(name); err != nil {
				return nil, &LexiconError{where, err.Error()}
			}
			key := nameKey(name)
			if inLine[key] {
				return nil, &LexiconError{where, "name " + quoted(name) + " twice in one line"}
			}
			inLine[key] = true
			if words := strings.Count(key, " ") + 1; words > g.maxWords {
				g.maxWords = words
			}
			// one thing has one line of names; a list names each once
			if kind != GazPlace {
				k := string(rune(kind)) + key
				if prev, dup := seen[k]; dup {
					what := "name "
					if kind == GazAlias {
						what = "alias "
					}
					return nil, &LexiconError{where, what + quoted(name) + " is already listed on line " + itoa(prev)}
				}
				seen[k] = n + 1
			}
			if kind == GazPlace || kind == GazAlias {
				written = append(written, name)
				g.add(key, gazRef{group, kind})
				continue
			}
			g.add(key, gazRef{int32(len(g.groups)), kind})
			g.groups = append(g.groups, []string{name})
		}
		if written != nil {
			g.groups = append(g.groups, written)
		}
	}
	return g, nil
}

func (g *Gazetteer) add(key string, ref gazRef) {
	g.names[key] = append(g.names[key], ref)
	f := foldDiacritics(key)
	if f != key {
		g.names[f] = append(g.names[f], ref)
	}
	if sp := strings.IndexByte(f, ' '); sp > 0 && ref.kind == GazAlias {
		words := uint8(strings.Count(f, " ") + 1)
		g.aliasHeads[f[:sp]] = max(g.aliasHeads[f[:sp]], words)
	}
}

func validGazetteerName(name string) error {
	problem := ""
	switch r, _ := utf8.DecodeRuneInString(name); {
	case name == "":
		return errors.New("empty name")
	case len(name) > maxGazetteerName:
		problem = " is " + itoa(len(name)) + " bytes; at most " + itoa(maxGazetteerName)
	case strings.Contains(name, "  "):
		problem = " has two spaces in a row"
	case strings.Count(name, " ")+1 > maxGazetteerWords:
		problem = " has more than " + itoa(maxGazetteerWords) + " words"
	case !unicode.IsLetter(r):
		problem = " does not start with a letter"
	}
	for _, r := range name {
		if problem == "" && !(isWordRune(r) || r == ' ' || r == '-' || r == '.' || isApostrophe(r)) {
			problem = " has " + numtext.QuoteRune(r) + "; names hold letters, spaces, hyphens, apostrophes and periods"
		}
	}
	if problem != "" {
		return errors.New("name " + quoted(name) + problem)
	}
	return nil
}

// Kinds returns the kinds of every gazetteer entry the name belongs to
// (case-insensitive, with or without diacritics), in file order.
func (g *Gazetteer) Kinds(name string) []GazetteerKind {
	var out []GazetteerKind
	for _, r := range g.lookup(nameKey(name)) {
		out = append(out, r.kind)
	}
	return out
}

// lookup returns the references of a key made by nameKey.
func (g *Gazetteer) lookup(key string) []gazRef {
	if refs, ok := g.names[key]; ok {
		return refs
	}
	if f := foldDiacritics(key); f != key {
		return g.names[f]
	}
	return nil
}

// related says how two looked-up names relate: the kind of a group they
// share (GazPlace: forms of one place; GazAlias: names of one thing), or 0.
func related(a, b []gazRef) GazetteerKind {
	var best GazetteerKind
	for _, x := range a {
		for _, y := range b {
			if x.group == y.group && (best == 0 || x.kind == GazAlias) {
				best = x.kind
			}
		}
	}
	return best
}

// nameKey lower-cases a name and straightens its apostrophes, as token
// Lower fields are.
//
//go:noinline
func nameKey(s string) string { return normalize(s) }

// foldDiacritics maps the accented Latin letters most common in names to
// their plain letters ("erdoğan" → "erdogan"); other runes are kept. It
// returns s itself when s is ASCII.
func foldDiacritics(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := diacriticFold[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var diacriticFold = func() map[rune]string {
	const pairs = "àaáaâaãaäaåaāaăaąaçcćcčcďdđdèeéeêeëeēeėeęeěeğgìiíiîiïiīiįiıiķkĺlļlľlłlñnńnņnňnòoóoôoõoöoøoōoőoŕrřrśsşsšsșsţtťtțtùuúuûuüuūuůuűuųuýyÿyźzżzžz"
	m := make(map[rune]string, 80)
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		m[rs[i]] = string(rs[i+1])
	}
	m['ß'] = "ss"
	m['æ'] = "ae"
	m['œ'] = "oe"
	return m
}()
