package annotations

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

const (
	// annoContext is the W3C Web Annotation JSON-LD context.
	annoContext = "http://www.w3.org/ns/anno.jsonld"
	// nsPrefix and nsIRI name parallax's own properties (severity, roles,
	// dismissed suggestions) as a JSON-LD prefix.
	nsPrefix = "parallax"
	nsIRI    = "https://parallax-reader.github.io/ns#"
	// generatorIRI identifies parallax as the software that wrote a file.
	generatorIRI = "https://github.com/parallax-reader/parallax"

	keySeverity  = nsPrefix + ":severity"
	keyRole      = nsPrefix + ":role"
	keyDismissed = nsPrefix + ":dismissed"

	tagPrefix = "discrepancy:"
)

// contextValue is the @context parallax writes: the W3C context plus the
// parallax prefix, so every file and every item stands alone.
func contextValue() json.RawMessage {
	return mustJSON([]any{annoContext, map[string]string{nsPrefix: nsIRI}})
}

// withParallaxContext returns a @context that keeps whatever a file had and
// adds what parallax's properties need: the W3C context and the prefix.
func withParallaxContext(old json.RawMessage) json.RawMessage {
	var list []json.RawMessage
	switch {
	case len(old) == 0:
		return contextValue()
	case old[0] == '[':
		if json.Unmarshal(old, &list) != nil {
			return contextValue()
		}
	default:
		list = []json.RawMessage{old}
	}
	hasAnno, hasPrefix := false, false
	for _, entry := range list {
		var s string
		if json.Unmarshal(entry, &s) == nil && s == annoContext {
			hasAnno = true
		}
		var m map[string]json.RawMessage
		if json.Unmarshal(entry, &m) == nil {
			if _, ok := m[nsPrefix]; ok {
				hasPrefix = true
			}
		}
	}
	if !hasAnno {
		list = append([]json.RawMessage{mustJSON(annoContext)}, list...)
	}
	if !hasPrefix {
		list = append(list, mustJSON(map[string]string{nsPrefix: nsIRI}))
	}
	return mustJSON(list)
}

// object is a JSON object kept as raw property values, so that properties
// parallax does not know survive a rewrite unchanged.
type object map[string]json.RawMessage

func (o object) clone() object {
	c := make(object, len(o))
	for k, v := range o {
		c[k] = v
	}
	return c
}

func (o object) str(key string) string {
	var s string
	if v, ok := o[key]; ok {
		_ = json.Unmarshal(v, &s)
	}
	return s
}

func (o object) set(key string, v any) { o[key] = mustJSON(v) }

// setStr sets a string property, or removes it when s is empty.
func (o object) setStr(key, s string) {
	if s == "" {
		delete(o, key)
		return
	}
	o.set(key, s)
}

// hasType reports whether the "type" property is t or a list holding t.
func (o object) hasType(t string) bool {
	return slices.Contains(stringList(o["type"]), t)
}

// stringList reads a JSON string or array of strings; other values give nil.
func stringList(v json.RawMessage) []string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return []string{s}
	}
	var list []json.RawMessage
	if json.Unmarshal(v, &list) != nil {
		return nil
	}
	var out []string
	for _, e := range list {
		if json.Unmarshal(e, &s) == nil {
			out = append(out, s)
		}
	}
	return out
}

// valueList reads a single JSON value or an array of them as a list.
func valueList(v json.RawMessage) []json.RawMessage {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return nil
	}
	if v[0] == '[' {
		var list []json.RawMessage
		if json.Unmarshal(v, &list) == nil {
			return list
		}
		return nil
	}
	return []json.RawMessage{v}
}

// writeObject appends o as compact JSON: first the keys in head (in that
// order), then keys parallax does not know in sorted order, then the keys in
// tail. A fixed order keeps files stable in version control.
func writeObject(buf *bytes.Buffer, o object, head, tail []string) {
	buf.WriteByte('{')
	n := 0
	put := func(k string) {
		v, ok := o[k]
		if !ok {
			return
		}
		if n > 0 {
			buf.WriteByte(',')
		}
		n++
		buf.Write(mustJSON(k))
		buf.WriteByte(':')
		writeCompact(buf, v)
	}
	for _, k := range head {
		put(k)
	}
	var rest []string
	for k := range o {
		if !slices.Contains(head, k) && !slices.Contains(tail, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		put(k)
	}
	for _, k := range tail {
		put(k)
	}
	buf.WriteByte('}')
}

func writeCompact(buf *bytes.Buffer, v json.RawMessage) {
	if err := json.Compact(buf, v); err != nil {
		buf.WriteString("null") // unreachable: values come from a parsed file or mustJSON
	}
}

// mustJSON encodes values parallax builds itself (strings, numbers, maps
// and slices of them), which cannot fail. HTML characters stay as they are
// so notes read naturally in the file.
func mustJSON(v any) json.RawMessage {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("annotations: encoding a built value: " + err.Error())
	}
	return json.RawMessage(bytes.TrimRight(buf.Bytes(), "\n"))
}

// prettyJSON indents compact JSON with two spaces and ends it with a
// newline, the one layout parallax writes.
func prettyJSON(compact []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(compact) * 2)
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return append(compact, '\n')
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// shortID is the last part of an annotation id, for messages.
func shortID(id string) string {
	id = id[strings.LastIndexAny(id, ":/#")+1:]
	if len(id) > 8 {
		id = id[:8]
	}
	return id
}

// decode is json.Unmarshal for a value cut from a document that already
// parsed: a Decoder skips Unmarshal's separate validation pass, which
// matters for files of thousands of annotations.
func decode(data []byte, v any) error {
	return json.NewDecoder(bytes.NewReader(data)).Decode(v)
}
