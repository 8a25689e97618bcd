//go:build !js

// The JSON lexicon reader is left out of the wasm build: encoding/json
// costs about 115 KB of gzip payload there, and the browser parses JSON
// itself (JSON.parse) and hands the entries over as objects.

package analysis

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// ParseLexiconJSON reads user lexicon entries from JSON: either an array of
// entries or an object {"entries": [...]}. Each entry has the fields of
// Entry ("term", "kind", "category", "weight", "message", "suggestion",
// "disable"); unknown fields are errors. Errors name the source and the
// entry (by number and term) or the line of a syntax error.
func ParseLexiconJSON(source string, data []byte) ([]Entry, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, &LexiconError{source, "empty file"}
	}
	var raw []json.RawMessage
	if trimmed[0] == '{' {
		var obj struct {
			Entries []json.RawMessage `json:"entries"`
		}
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&obj); err != nil {
			return nil, jsonError(source, data, err)
		}
		raw = obj.Entries
	} else if err := json.Unmarshal(trimmed, &raw); err != nil {
		return nil, jsonError(source, data, err)
	}
	if len(raw) > maxEntries {
		return nil, &LexiconError{source, fmt.Sprintf("%d entries; at most %d", len(raw), maxEntries)}
	}
	out := make([]Entry, 0, len(raw))
	for i, r := range raw {
		var e Entry
		dec := json.NewDecoder(bytes.NewReader(r))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, &LexiconError{entrySource(source, i, r), cleanJSONError(err)}
		}
		e.Source = entrySource(source, i, r)
		if e.Kind == "" {
			e.Kind = KindLoaded
		}
		if e.Weight == 0 && !e.Disable && e.Kind != KindIgnore {
			e.Weight = 1
		}
		out = append(out, e)
	}
	return out, nil
}

func entrySource(source string, i int, r json.RawMessage) string {
	var probe struct {
		Term any `json:"term"`
	}
	s := fmt.Sprintf("%s entry %d", source, i+1)
	if json.Unmarshal(r, &probe) == nil {
		if t, ok := probe.Term.(string); ok && t != "" {
			s += fmt.Sprintf(" (term %q)", t)
		}
	}
	return s
}

func jsonError(source string, data []byte, err error) error {
	if se, ok := err.(*json.SyntaxError); ok {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return &LexiconError{fmt.Sprintf("%s:%d", source, line), "invalid JSON: " + se.Error()}
	}
	return &LexiconError{source, cleanJSONError(err)}
}

func cleanJSONError(err error) string {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return fmt.Sprintf("field %q must be a %s, not a JSON %s", te.Field, te.Type.String(), te.Value)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}
