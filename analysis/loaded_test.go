package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loadedFindings returns "text/category/severity" for every loaded finding.
func loadedFindings(text string) []string {
	rep := Analyze(text, Options{Kinds: []string{KindLoaded}})
	var out []string
	for _, f := range rep.Findings {
		out = append(out, f.Text+"/"+f.Category+"/"+f.Severity)
	}
	return out
}

func TestCheckLoaded(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // space-separated "text/category/severity"
	}{
		{"violence labels in a story about unrest", "Protests turned into riots. The terrorists and militants attacked.",
			"terrorists/violence-label/warning militants/violence-label/warning attacked/violence-label/warning"},
		{"violence labels need unrest nearby", "The army fought militants in the mountains.", ""},
		{"acts of aggression", "They called for a response to such acts of aggression.", "acts of aggression/violence-label/warning"},
		{"dehumanizing metaphor", "They came like a huge flock of hyenas.", "huge flock of hyenas/dehumanizing-metaphor/warning"},
		{"vermin and swarm", "He called migrants vermin who swarm the border.",
			"vermin/dehumanizing-metaphor/warning swarm/dehumanizing-metaphor/warning"},
		{"scare label and name-calling", "The so-called color revolutions are run by thugs.",
			"color revolutions/name-calling/warning thugs/name-calling/warning"}, // bare "so-called" is the hedge check's
		{"bare regime is not reported", "The regime denied it.", ""},
		{"a loaded label on regime is", "The rogue regime denied it.", "rogue regime/name-calling/warning"},
		{"conspiracy framing", "The riots were coordinated from one center, an attack from outside.",
			"coordinated from one center/conspiracy-framing/info attack from outside/conspiracy-framing/info"},
		{"inflected provocation", "Be ready for any provocations.", "provocations/conspiracy-framing/info"},
		{"catastrophe words", "It was chaos, a tragedy, a catastrophe.",
			"chaos/catastrophe/warning tragedy/catastrophe/warning catastrophe/catastrophe/warning"},
		{"idiom of menace", "We will not let anyone rock the boat.", "rock the boat/idiom-of-menace/warning"},
		{"glorifying boosters", "The forces acted swiftly and seamlessly after profound training; he demonstrated courage.",
			"swiftly and seamlessly/glorifying/info profound training/glorifying/info demonstrated courage/glorifying/info"},
		{"hyphenated praise", "A well-organized and well-controlled group.",
			"well-organized/glorifying/info well-controlled/glorifying/info"},
		{"coup in unrest", "The riots were an attempted coup d'etat.", "attempted coup d'etat/violence-label/warning"},
		{"coup in unrest, inflected", "After the protests came coups.", "coups/violence-label/warning"},

		// context rules
		{"negation: not", "This is not a tragedy.", ""},
		{"negation: no", "There was no chaos.", ""},
		{"negation: has no", "The plan has no sinister agenda.", ""},
		{"quantifier no is not a denial", "No terrorist will escape, he said of the rioters.", "terrorist/violence-label/warning"},
		{"negation: contraction", "It wasn't a catastrophe.", ""},
		{"negation: never been", "He has never been a traitor.", ""},
		{"negation: non-", "It was a non-violent, not brutal, protest.", ""},
		{"negation does not reach far", "We will not let anyone rock the boat.", "rock the boat/idiom-of-menace/warning"},
		{"negation stops at punctuation", "Not now: chaos.", "chaos/catastrophe/warning"},
		{"quoted speech is info", `"They are traitors," he said.`, "traitors/name-calling/info"},
		{"curly quotes", "He said: “It was a tragedy for all of us.”", "tragedy/catastrophe/info"},
		{"scare quotes stay the author's", `The "traitors" were jailed.`, "traitors/name-calling/warning"},
		{"two-word scare quotes", `The "useful idiots" were jailed.`, "useful idiots/name-calling/warning"},
		{"neutral sense: heart attack", "He died of a heart attack during the riots.", ""},
		{"neutral sense: regime change", "They want regime change.", ""},
		{"neutral sense: sanctions regime", "The sanctions regime was eased.", ""},
		{"neutral sense: natural disaster", "A natural disaster struck.", ""},
		{"neutral sense: attack on the problem", "After the protests the council began an attack on the problem of housing.", ""},
		{"neutral sense: designation", "It was designated a terrorist organization after the riots.", ""},
		{"neutral sense: gross domestic product", "Gross domestic product fell.", ""},
		{"neutral sense: toxic waste", "Toxic waste leaked.", ""},
		{"neutral sense: bomb blast", "A bomb blast killed two. Police blasted the area.", ""},
		{"plain words stay plain", "The council met on Monday and approved the budget by 7 votes to 2.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(loadedFindings(tt.text), " ")
			if got != tt.want {
				t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestLoadedFindingFields(t *testing.T) {
	text := `The militants sowed chaos during the protests. "It is a tragedy," she said.`
	rep := Analyze(text, Options{})
	n := 0
	for _, f := range rep.Findings {
		if f.Kind != KindLoaded {
			continue
		}
		n++
		if f.Text != text[f.Start:f.End] {
			t.Errorf("finding text %q is not input[%d:%d]", f.Text, f.Start, f.End)
		}
		if f.Message == "" || f.Suggestion == "" || f.Rule == "" || f.Weight <= 0 {
			t.Errorf("finding %+v lacks message, suggestion, rule or weight", f)
		}
		if f.Quoted != (f.Text == "tragedy") {
			t.Errorf("finding %q: Quoted = %v", f.Text, f.Quoted)
		}
		if f.Quoted && (f.Severity != SeverityInfo || !strings.Contains(f.Message, "speaker's word")) {
			t.Errorf("quoted finding %+v: want info severity and a message saying whose word it is", f)
		}
	}
	if n != 3 { // militants, sowed chaos, tragedy
		t.Errorf("got %d loaded findings, want 3: %+v", n, rep.Findings)
	}
}

// TestBuiltinLoadedEntries checks the data itself: every loaded entry has
// a known category, a weight, an explanation and a neutral alternative.
func TestBuiltinLoadedEntries(t *testing.T) {
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	categories := map[string]bool{
		"violence-label": true, "dehumanizing-metaphor": true, "name-calling": true, "conspiracy-framing": true,
		"catastrophe": true, "idiom-of-menace": true, "glorifying": true, "discrediting": true, "emotive": true,
		"combative-verb": true, "exaggeration": true,
	}
	count := map[string]int{}
	for _, e := range lex.Entries() {
		if e.Kind != KindLoaded {
			continue
		}
		count[e.Category]++
		if !categories[e.Category] {
			t.Errorf("%s: unknown category %q", e.Source, e.Category)
		}
		if e.Weight <= 0 || e.Message == "" || e.Suggestion == "" {
			t.Errorf("%s (%q): want a weight, a message and a suggestion", e.Source, e.Term)
		}
	}
	total := 0
	for c := range categories {
		if count[c] == 0 {
			t.Errorf("no entries in category %q", c)
		}
		total += count[c]
	}
	if total < 300 {
		t.Errorf("%d loaded entries; the lexicon should have several hundred", total)
	}
}

// TestSampleArticleLoaded checks the sample article against the loaded
// terms a careful editor flags in it (shared/examples), when present.
func TestSampleArticleLoaded(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "examples")
	text, err := os.ReadFile(filepath.Join(dir, "kazakhstan-riots-2022.txt"))
	if err != nil {
		t.Skip("shared examples not found: ", err)
	}
	rep := Analyze(string(text), Options{Kinds: []string{KindLoaded}})
	lower := strings.ToLower(string(text))
	// the expected loaded terms (from kazakhstan-riots-2022.expected.md)
	for _, term := range []string{"attack", "acts of aggression", "the aggression", "terrorist camps", "terrorists",
		"militants", "militant groups", "a huge flock of hyenas", "so-called color revolutions", "rock the boat",
		"provocations", "chaos", "tragedy", "coup d'etat", "attempted coup", "well-coordinated", "well-prepared",
		"well-organized", "well-controlled", "swiftly and seamlessly", "profound training", "demonstrated courage"} {
		for off := 0; ; {
			k := strings.Index(lower[off:], term)
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(term)
			off = e
			found := false
			for _, f := range rep.Findings {
				if f.Start < e && s < f.End {
					found = true
				}
			}
			if !found {
				t.Errorf("%q at %d is not flagged", term, s)
			}
		}
	}
}

// TestLoadedScoreExplainable recomputes the loaded score and the sentence
// scores from the findings alone, as score.go documents.
func TestLoadedScoreExplainable(t *testing.T) {
	tests := []struct {
		name string
		text string
		want float64 // the loaded score
	}{
		{"plain text", "The council met on Monday and approved the budget.", 0},
		{"one word in a headline counts as in 50 words", "Sheer luck", 22.1}, // 0.5 points → 1 per 100 words
		{"quoted speech counts half", `"It was a tragedy," he said.`, 22.1},  // weight 1 halved: 0.5 points
		{"denser is higher", "Chaos. Tragedy. Catastrophe. Hoax. Sham.", 95}, // 6 points → 12 per 100 words
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Analyze(tt.text, Options{Kinds: []string{KindLoaded}})
			points := 0.0
			perSentence := make([]float64, len(rep.Sentences))
			for i := range rep.Findings {
				points += Points(&rep.Findings[i])
				perSentence[rep.Findings[i].Sentence] += Points(&rep.Findings[i])
			}
			recomputed := saturate(points*100/float64(max(rep.Stats.Words, 50)), densityScale)
			if rep.Scores.Loaded != recomputed {
				t.Errorf("loaded score %v, recomputed from findings %v", rep.Scores.Loaded, recomputed)
			}
			if rep.Scores.Loaded != tt.want {
				t.Errorf("loaded score %v, want %v (findings %+v)", rep.Scores.Loaded, tt.want, rep.Findings)
			}
			for i, s := range rep.Sentences {
				if want := saturate(perSentence[i], sentenceScale); s.Score != want {
					t.Errorf("sentence %d scores %v, recomputed %v", i, s.Score, want)
				}
			}
		})
	}
}

// FuzzCheckLoaded checks that the loaded check never fails on any text and
// that every finding is a valid span of it.
func FuzzCheckLoaded(f *testing.F) {
	for _, s := range []string{
		`The "terrorists" were not a tragedy; non-violent chaos — “a huge flock of hyenas”.`,
		"no\u2011chaos - well-\n-coordinated \"\" “", "\xff\xfe terror\xc3", "isn't n't non-",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		rep := Analyze(text, Options{Kinds: []string{KindLoaded}})
		if rep.Error != "" {
			t.Fatalf("error: %s", rep.Error)
		}
		for _, x := range rep.Findings {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End || x.Text != text[x.Start:x.End] {
				t.Fatalf("bad finding %+v", x)
			}
		}
	})
}
