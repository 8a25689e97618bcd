// Command texts writes the inputs of `make bench` to a folder, with a
// manifest.json naming each one:
//
//   - sample: the sample article (../shared/examples), when present;
//   - 100KB and 1MB: real, varied news, the first bytes of the articles in
//     ../shared/corpora/ptc-train/train-articles (no article repeated);
//   - scale-1KB, scale-10KB, scale-10MB: the same articles for the
//     linear-scaling curve (with 100KB and 1MB); past the corpus (about
//     2 MB) the articles start over.
//
// Without the shared folder, the news texts are generated: sentences drawn
// from a fixed vocabulary and made-up names, deterministic (fixed seed).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Text is one manifest entry.
type Text struct {
	Name   string `json:"name"`
	File   string `json:"file"`
	Bytes  int    `json:"bytes"`
	Source string `json:"source"`
	// Scale marks the texts of the linear-scaling curve.
	Scale bool `json:"scale,omitempty"`
	// Peers marks the texts the JavaScript peers are run on too.
	Peers bool `json:"peers,omitempty"`
}

func main() {
	shared := flag.String("shared", "../shared", "the shared folder (examples, corpora); skipped when absent")
	out := flag.String("out", "bench/_out", "folder to write the texts and manifest.json to")
	flag.Parse()
	if err := run(*shared, *out); err != nil {
		fmt.Fprintln(os.Stderr, "texts:", err)
		os.Exit(1)
	}
}

func run(shared, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var texts []Text
	write := func(t Text, data string) error {
		t.File = t.Name + ".txt"
		t.Bytes = len(data)
		texts = append(texts, t)
		return os.WriteFile(filepath.Join(out, t.File), []byte(data), 0o644)
	}
	if data, err := os.ReadFile(filepath.Join(shared, "examples", "kazakhstan-riots-2022.txt")); err == nil {
		if err := write(Text{Name: "sample", Source: "shared/examples/kazakhstan-riots-2022.txt", Peers: true}, string(data)); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(os.Stderr, "texts: no sample article (", err, "): skipped")
	}

	corpus, source := readCorpus(filepath.Join(shared, "corpora", "ptc-train", "train-articles"))
	if corpus == "" {
		corpus, source = generate(2<<20), "generated (no shared corpus)"
	}
	repeated := source + ", repeated past its end"
	for _, s := range []struct {
		name  string
		n     int
		peers bool
	}{{"100KB", 100 << 10, true}, {"1MB", 1 << 20, true}} {
		if err := write(Text{Name: s.name, Source: source, Peers: s.peers, Scale: true}, prefix(corpus, s.n)); err != nil {
			return err
		}
	}
	for _, s := range []struct {
		name string
		n    int
	}{{"1KB", 1 << 10}, {"10KB", 10 << 10}, {"10MB", 10_000_000}} {
		src := source
		if s.n > len(corpus) {
			src = repeated
		}
		if err := write(Text{Name: "scale-" + s.name, Source: src, Scale: true}, prefix(corpus, s.n)); err != nil {
			return err
		}
	}
	data, err := json.MarshalIndent(texts, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "manifest.json"), append(data, '\n'), 0o644)
}

// readCorpus joins the articles of dir, in name order, by blank lines.
func readCorpus(dir string) (string, string) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(names) == 0 {
		return "", ""
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.Write(data)
	}
	return b.String(), fmt.Sprintf("PTC news articles (%d, shared/corpora/ptc-train)", len(names))
}

// prefix returns the first n bytes of s, cut back to a rune boundary,
// starting s over (after a blank line) when it is shorter than n.
func prefix(s string, n int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	t := b.String()
	for n > 0 && n < len(t) && !utf8.RuneStart(t[n]) {
		n--
	}
	return t[:n]
}

// list splits a "|"-separated list of phrases.
func list(s string) []string {
	var out []string
	for _, f := range strings.Split(s, "|") {
		if f = strings.Join(strings.Fields(f), " "); f != "" {
			out = append(out, f)
		}
	}
	return out
}

var (
	subjects = list(`officials|police|protesters|residents|witnesses|analysts|lawmakers|soldiers|doctors|
		investigators|workers|farmers|students|prosecutors|voters|rescuers|journalists|traders|teachers|nurses`)
	bodies = list(`the government|the ministry|the president|the company|the mayor|the court|the opposition|
		the army|the central bank|the regional council|the electoral commission|the union`)
	verbs = list(`said|reported|announced|confirmed|denied|claimed|warned|argued|insisted|estimated|found|
		promised|accused|criticised|praised|rejected|approved|blocked|urged|feared|expected|described`)
	objects = list(`decision|attack|violence|reform|budget|election|deal|proposal|investigation|crisis|
		protests|ceasefire|strike|shortage|flooding|results|increase|damage|evacuation|sanctions|talks|
		verdict|agreement|inflation|curfew|outage|merger|drought`)
	adjectives = list(`new|large|small|serious|peaceful|violent|brutal|massive|modest|sudden|gradual|
		unprecedented|controversial|historic|local|regional|national|foreign|economic|political|military|
		terrible|shocking|alleged|apparent|widespread|limited|significant`)
	places = list(`in the capital|across the region|near the border|in the north|in the south|at the port|
		outside parliament|in several cities|along the coast|in rural areas`)
	hedges = list(`perhaps|possibly|reportedly|apparently|allegedly|likely|clearly|certainly|obviously|
		probably`)
	syllables = list(`ka|ze|mor|tal|vin|ros|bel|an|dra|kov|ul|mi|sen|tor|ga|lia|pe|nu|har|ov|ski|de`)
	weekdays  = list(`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday`)
)

// capitalize upper-cases the first letter of an ASCII-initial phrase.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// generate returns about n bytes of made-up news paragraphs.
func generate(n int) string {
	r := rand.New(rand.NewPCG(2022, 1))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	name := func() string {
		var b strings.Builder
		for k := 0; k < 2+r.IntN(2); k++ {
			b.WriteString(pick(syllables))
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	var b strings.Builder
	for b.Len() < n {
		for k := 0; k < 3+r.IntN(4); k++ {
			var subj string
			switch r.IntN(4) {
			case 0:
				subj = name() + " " + name()
			case 1:
				subj = fmt.Sprintf("%d %s", 2+r.IntN(5000), pick(subjects))
			case 2:
				subj = pick(bodies)
			default:
				subj = pick(subjects)
			}
			s := fmt.Sprintf("%s %s the %s %s %s on %s", subj, pick(verbs), pick(adjectives), pick(objects), pick(places), pick(weekdays))
			switch r.IntN(4) {
			case 0:
				s += fmt.Sprintf(", %s because %d%% of %s in %s %s it", pick(hedges), r.IntN(100), pick(subjects), name(), pick(verbs))
				s = capitalize(s) + ". "
			case 1:
				s = fmt.Sprintf("“%s,” %s %s. ", capitalize(s), pick(bodies), pick(verbs))
			default:
				s = capitalize(s) + ". "
			}
			b.WriteString(s)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}
