//go:build !js

// The JSON lexicon reader is left out of the wasm build: encoding/json
// costs about 115 KB of gzip payload there, and the browser parses JSON
// itself (JSON.parse) and hands the entries over as objects.

package analysis

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxLexiconBytes is the largest user lexicon file ParseLexiconJSON reads.
const MaxLexiconBytes = 8 << 20

// entryJSON is an Entry as written in JSON; pointers tell a missing field
// from a zero one (a missing weight defaults to 1, an explicit 0 stays 0).
type entryJSON struct {
	Term       *string  `json:"term"`
	Kind       *string  `json:"kind"`
	Category   *string  `json:"category"`
	Weight     *float64 `json:"weight"`
	Message    *string  `json:"message"`
	Suggestion *string  `json:"suggestion"`
	Context    *string  `json:"context"`
	Disable    *bool    `json:"disable"`
}

// ParseLexiconJSON reads user lexicon entries from JSON: either an array of
// entries or an object {"entries": [...]}. Each entry is an object with the
// fields of Entry:
//
//	{"term": "jackboot", "category": "name-calling", "weight": 2,
//	 "message": "casts security forces as oppressors", "suggestion": "police"}
//
// "kind" defaults to "loaded" and "weight" to 1; "context" limits where the
// term counts (see Entry.Context); {"term": "regime", "disable": true}
// removes a built-in entry when the result is passed to Lexicon.Extend.
// Unknown fields are errors (they are usually typos).
//
// Errors are *LexiconError values that name the source and line, and for a
// bad entry its number and term: `my.json:7: entry 2 (term "x"): field
// "weight" must be a number, not a JSON string`. The entries themselves are
// validated by Lexicon.Extend (or NewLexicon), whose errors name the same
// source.
func ParseLexiconJSON(source string, data []byte) ([]Entry, error) {
	if len(data) > MaxLexiconBytes {
		return nil, &LexiconError{source, fmt.Sprintf("file is %s; at most %s", humanBytes(len(data)), humanBytes(MaxLexiconBytes))}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &LexiconError{source, "empty file; want a JSON array of entries or {\"entries\": [...]}"}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonError(source, data, dec.InputOffset(), err)
	}
	wrapped := false
	switch tok {
	case json.Delim('['):
	case json.Delim('{'):
		// {"entries": [...]} and nothing else
		key, err := dec.Token()
		if err != nil {
			return nil, jsonError(source, data, dec.InputOffset(), err)
		}
		if key != "entries" {
			return nil, &LexiconError{lineSource(source, data, dec.InputOffset()), fmt.Sprintf("unknown field %v; the object form is {\"entries\": [...]}", jsonString(key))}
		}
		if tok, err = dec.Token(); err != nil {
			return nil, jsonError(source, data, dec.InputOffset(), err)
		}
		if tok != json.Delim('[') {
			return nil, &LexiconError{lineSource(source, data, dec.InputOffset()), "\"entries\" must be an array of entries"}
		}
		wrapped = true
	default:
		return nil, &LexiconError{lineSource(source, data, dec.InputOffset()), "want a JSON array of entries or {\"entries\": [...]}"}
	}

	var out []Entry
	for n := 1; dec.More(); n++ {
		if n > maxEntries {
			return nil, &LexiconError{source, fmt.Sprintf("more than %d entries", maxEntries)}
		}
		start := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, jsonError(source, data, dec.InputOffset(), err)
		}
		// the entry starts after the separator and spaces that precede it
		start += int64(len(data[start:]) - len(bytes.TrimLeft(data[start:], ", \t\r\n")))
		where := fmt.Sprintf("%s entry %d", lineSource(source, data, start), n)
		if t := termOf(raw); t != "" {
			where += fmt.Sprintf(" (term %q)", t)
		}
		e, err := decodeEntry(raw)
		if err != nil {
			return nil, &LexiconError{where, err.Error()}
		}
		e.Source = where
		out = append(out, e)
	}
	if _, err := dec.Token(); err != nil { // the closing ]
		return nil, jsonError(source, data, dec.InputOffset(), err)
	}
	if wrapped {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonError(source, data, dec.InputOffset(), err)
		}
		if tok != json.Delim('}') {
			return nil, &LexiconError{lineSource(source, data, dec.InputOffset()), "the object form is {\"entries\": [...]} with no other field"}
		}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &LexiconError{lineSource(source, data, dec.InputOffset()), "unexpected data after the entries"}
	}
	return out, nil
}

// decodeEntry turns one JSON entry into an Entry with defaults applied.
func decodeEntry(raw json.RawMessage) (Entry, error) {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return Entry{}, errors.New("an entry must be an object such as {\"term\": \"...\", \"category\": \"...\", \"message\": \"...\"}")
	}
	var j entryJSON
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return Entry{}, errors.New(cleanJSONError(err))
	}
	e := Entry{Kind: KindLoaded, Weight: 1}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return strings.TrimSpace(*p)
	}
	if j.Term == nil {
		return Entry{}, errors.New("missing field \"term\"")
	}
	e.Term = str(j.Term)
	if j.Kind != nil {
		e.Kind = str(j.Kind)
	}
	e.Category, e.Message, e.Suggestion, e.Context = str(j.Category), str(j.Message), str(j.Suggestion), str(j.Context)
	if j.Weight != nil {
		e.Weight = *j.Weight
	} else if e.Kind == KindIgnore {
		e.Weight = 0
	}
	if j.Disable != nil {
		e.Disable = *j.Disable
	}
	return e, nil
}

// termOf returns the entry's "term" when it is a string, for messages.
func termOf(raw json.RawMessage) string {
	var probe struct {
		Term any `json:"term"`
	}
	if json.Unmarshal(raw, &probe) == nil {
		if t, ok := probe.Term.(string); ok {
			if len(t) > 40 {
				t = t[:40] + "..."
			}
			return t
		}
	}
	return ""
}

// lineSource returns "source:line" for a byte offset into data.
func lineSource(source string, data []byte, off int64) string {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return fmt.Sprintf("%s:%d", source, 1+bytes.Count(data[:off], []byte("\n")))
}

func jsonString(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}

func jsonError(source string, data []byte, off int64, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &LexiconError{lineSource(source, data, se.Offset), "invalid JSON: " + se.Error()}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &LexiconError{lineSource(source, data, int64(len(data))), "invalid JSON: the file ends too early (a missing ] or })"}
	}
	return &LexiconError{lineSource(source, data, off), cleanJSONError(err)}
}

// jsonTypeNames says JSON types the way a lexicon author thinks of them.
var jsonTypeNames = map[string]string{"*string": "string", "string": "string", "*float64": "number", "float64": "number", "*bool": "true or false", "bool": "true or false"}

func cleanJSONError(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		want := te.Type.String()
		if n, ok := jsonTypeNames[want]; ok {
			want = n
		}
		if te.Field == "" {
			return fmt.Sprintf("want a %s, not a JSON %s", want, te.Value)
		}
		return fmt.Sprintf("field %q must be a %s, not a JSON %s", te.Field, want, te.Value)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.HasPrefix(msg, "unknown field") {
		msg += " (known fields: term, kind, category, weight, message, suggestion, context, disable)"
	}
	return msg
}
