package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/model"
)

// Key orders for what parallax writes; keys it does not know follow in
// sorted order, before the tail keys.
var (
	itemHead   = []string{"@context", "id", "type", "motivation", "created", "modified", "generator", keySeverity}
	itemTail   = []string{"body", "target"}
	bodyHead   = []string{"type", "purpose", "format", "language", "value"}
	targetHead = []string{"type", "source", keyRole}
	targetTail = []string{"selector"}
	quoteHead  = []string{"type", "exact", "prefix", "suffix"}
	posHead    = []string{"type", "start", "end"}
)

// item is one annotation as stored: every property as found in the file
// (or as parallax last wrote it), plus what parallax reads from them.
// Items are never changed in place; a change makes a new item.
type item struct {
	raw       object
	canonOnce sync.Once
	canonJSON []byte
	id        string
	// listed items carry a discrepancy tag and are shown to the user;
	// other annotations in the file are kept as they are.
	listed  bool
	ann     model.Annotation // targets not yet anchored
	targets []storedTarget
}

// storedTarget is one target as the file has it.
type storedTarget struct {
	raw      json.RawMessage
	source   string
	exact    string
	prefix   string
	suffix   string
	hasQuote bool
	// start and end are the TextPositionSelector, in code points.
	start, end int
	hasPos     bool
	role       string
}

// whole reports whether the target names its article as a whole (no
// selector parallax understands), as the missing side of an omission does.
func (t storedTarget) whole() bool { return !t.hasQuote && !t.hasPos }

func (t storedTarget) model() model.Target {
	return model.Target{Source: t.source, Exact: t.exact, Prefix: t.prefix, Suffix: t.suffix, Role: t.role}
}

// canon is the item as compact JSON in the stable key order: what the
// file holds and what merges compare. Computed when first needed: opening
// a file does not need it.
func (it *item) canon() []byte {
	it.canonOnce.Do(func() {
		var buf bytes.Buffer
		writeObject(&buf, it.raw, itemHead, itemTail)
		it.canonJSON = buf.Bytes()
	})
	return it.canonJSON
}

// parseItem reads one annotation from a file.
func parseItem(v json.RawMessage) (*item, error) {
	var raw object
	if err := decode(v, &raw); err != nil || raw == nil {
		return nil, errors.New("is not a JSON object")
	}
	return itemFromObject(raw)
}

func itemFromObject(raw object) (*item, error) {
	it := &item{raw: raw, id: raw.str("id")}
	if it.id == "" {
		return nil, errors.New(`has no "id"`)
	}
	if !raw.hasType("Annotation") {
		return nil, fmt.Errorf(`%s is not of type "Annotation"`, it.id)
	}
	a := &it.ann
	a.ID = it.id
	a.Created = parseTime(raw.str("created"))
	a.Modified = parseTime(raw.str("modified"))
	a.Severity = model.Severity(raw.str(keySeverity))
	if !a.Severity.Valid() {
		a.Severity = model.Medium
	}
	for _, b := range anyList(decodeAny(raw["body"])) {
		body, ok := b.(map[string]any)
		if !ok {
			continue
		}
		purposes := anyStrings(body["purpose"])
		value, _ := body["value"].(string)
		switch {
		case !it.listed && slices.Contains(purposes, "tagging") && strings.HasPrefix(value, tagPrefix):
			it.listed = true
			a.Kind = model.DiscrepancyKind(strings.TrimPrefix(value, tagPrefix))
		case a.Note == "" && slices.Contains(purposes, "commenting"):
			a.Note = value
		}
	}
	for _, t := range valueList(raw["target"]) {
		st := parseTarget(t)
		it.targets = append(it.targets, st)
		a.Targets = append(a.Targets, st.model())
	}
	return it, nil
}

// parseTarget reads a target, decoding it once: files hold thousands.
func parseTarget(v json.RawMessage) storedTarget {
	st := storedTarget{raw: v}
	switch t := decodeAny(v).(type) {
	case string:
		st.source = t // a bare IRI: the whole resource
	case map[string]any:
		switch src := t["source"].(type) {
		case string:
			st.source = src
		case map[string]any:
			st.source, _ = src["id"].(string)
		}
		if st.source == "" {
			st.source, _ = t["id"].(string) // an external resource as the target
		}
		st.role, _ = t[keyRole].(string)
		for _, sv := range anyList(t["selector"]) {
			sel, ok := sv.(map[string]any)
			if !ok {
				continue
			}
			types := anyStrings(sel["type"])
			switch {
			case slices.Contains(types, "TextQuoteSelector") && !st.hasQuote:
				if exact, ok := sel["exact"].(string); ok {
					st.hasQuote, st.exact = true, exact
					st.prefix, _ = sel["prefix"].(string)
					st.suffix, _ = sel["suffix"].(string)
				}
			case slices.Contains(types, "TextPositionSelector") && !st.hasPos:
				start, ok1 := naturalNumber(sel["start"])
				end, ok2 := naturalNumber(sel["end"])
				if ok1 && ok2 && start <= end {
					st.start, st.end, st.hasPos = start, end, true
				}
			}
		}
	}
	return st
}

// decodeAny decodes a value into generic Go values, numbers as
// json.Number; nil when it does not decode.
func decodeAny(v json.RawMessage) any {
	if len(v) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	var out any
	if dec.Decode(&out) != nil || dec.More() {
		return nil
	}
	return out
}

// anyList reads a single value or an array as a list.
func anyList(v any) []any {
	switch t := v.(type) {
	case nil:
		return nil
	case []any:
		return t
	}
	return []any{v}
}

// anyStrings reads a string or the strings of an array.
func anyStrings(v any) []string {
	var out []string
	for _, e := range anyList(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// naturalNumber reads a non-negative integer that fits an int comfortably.
func naturalNumber(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	if err != nil || i < 0 || i > 1<<40 {
		return 0, false
	}
	return int(i), true
}

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// encodeObject is writeObject into a fresh value.
func encodeObject(o object, head, tail []string) json.RawMessage {
	var buf bytes.Buffer
	writeObject(&buf, o, head, tail)
	return buf.Bytes()
}

// itemFields is what parallax sets when it writes an annotation.
type itemFields struct {
	id        string
	kind      model.DiscrepancyKind
	severity  model.Severity
	note      string
	created   time.Time
	modified  time.Time
	generator json.RawMessage
	targets   []json.RawMessage
}

// buildItem writes parallax's fields into a copy of prev's properties
// (nil for a new annotation): anything else the annotation had is kept.
func buildItem(prev *item, f itemFields) *item {
	raw := object{}
	if prev != nil {
		raw = prev.raw.clone()
	}
	raw["@context"] = withParallaxContext(raw["@context"])
	raw.set("id", f.id)
	raw.set("type", "Annotation")
	raw.set("motivation", "assessing")
	raw.set("created", formatTime(f.created))
	raw.set("modified", formatTime(f.modified))
	raw["generator"] = f.generator
	raw.set(keySeverity, string(f.severity))
	raw["body"] = buildBodies(raw["body"], raw["bodyValue"], f.kind, f.note)
	delete(raw, "bodyValue") // moved into the body list: both may not be present
	var targets bytes.Buffer
	targets.WriteByte('[')
	for i, t := range f.targets {
		if i > 0 {
			targets.WriteByte(',')
		}
		writeCompact(&targets, t)
	}
	targets.WriteByte(']')
	raw["target"] = targets.Bytes()
	it, err := itemFromObject(raw)
	if err != nil {
		panic("annotations: built an unreadable item: " + err.Error()) // id and type were just set
	}
	return it
}

// buildBodies replaces the discrepancy tag and the note in a body list,
// keeping every other body (and every other property of these two).
func buildBodies(old, bodyValue json.RawMessage, kind model.DiscrepancyKind, note string) json.RawMessage {
	bodies := valueList(old)
	if len(bodyValue) > 0 {
		var s string
		if json.Unmarshal(bodyValue, &s) == nil {
			bodies = append(bodies, encodeObject(object{"type": mustJSON("TextualBody"), "value": bodyValue}, bodyHead, nil))
		}
	}
	tagAt, noteAt := -1, -1
	for i, b := range bodies {
		var o object
		if json.Unmarshal(b, &o) != nil || o == nil {
			continue
		}
		purposes := stringList(o["purpose"])
		if tagAt < 0 && slices.Contains(purposes, "tagging") && strings.HasPrefix(o.str("value"), tagPrefix) {
			tagAt = i
		} else if noteAt < 0 && slices.Contains(purposes, "commenting") {
			noteAt = i
		}
	}
	tag := object{}
	if tagAt >= 0 {
		_ = json.Unmarshal(bodies[tagAt], &tag)
	}
	tag.set("type", "TextualBody")
	tag.set("purpose", "tagging")
	tag.set("value", tagPrefix+string(kind))
	tagJSON := encodeObject(tag, bodyHead, nil)
	if tagAt >= 0 {
		bodies[tagAt] = tagJSON
	} else {
		bodies = append([]json.RawMessage{tagJSON}, bodies...)
		if noteAt >= 0 {
			noteAt++
		}
	}
	switch {
	case note == "" && noteAt >= 0:
		bodies = append(bodies[:noteAt], bodies[noteAt+1:]...)
	case note != "":
		c := object{}
		if noteAt >= 0 {
			_ = json.Unmarshal(bodies[noteAt], &c)
		}
		c.set("type", "TextualBody")
		c.set("purpose", "commenting")
		c.set("format", "text/markdown")
		c.set("value", note)
		cJSON := encodeObject(c, bodyHead, nil)
		if noteAt >= 0 {
			bodies[noteAt] = cJSON
		} else {
			at := 1 // right after the tag
			if tagAt >= 0 {
				at = tagAt + 1
			}
			bodies = append(bodies[:at], append([]json.RawMessage{cJSON}, bodies[at:]...)...)
		}
	}
	return mustJSON(bodies)
}

// selectorFields is a target as parallax writes it.
type selectorFields struct {
	source, role          string
	exact, prefix, suffix string
	start, end            int // code points
	whole                 bool
}

// buildTarget writes a target, keeping the other properties prev had
// (prev may be nil). Selectors are replaced: ones of other kinds would no
// longer agree with the new passage.
func buildTarget(prev json.RawMessage, f selectorFields) json.RawMessage {
	o := object{}
	if prev != nil && json.Unmarshal(prev, &o) != nil || o == nil {
		o = object{}
	}
	delete(o, "id") // an external-resource target becomes a specific resource
	o.set("source", f.source)
	o.setStr(keyRole, f.role)
	delete(o, "selector")
	if !f.whole {
		quote := encodeObject(object{
			"type": mustJSON("TextQuoteSelector"), "exact": mustJSON(f.exact),
			"prefix": mustJSON(f.prefix), "suffix": mustJSON(f.suffix),
		}, quoteHead, nil)
		pos := encodeObject(object{
			"type": mustJSON("TextPositionSelector"), "start": mustJSON(f.start), "end": mustJSON(f.end),
		}, posHead, nil)
		o["selector"] = mustJSON([]json.RawMessage{quote, pos})
	}
	return encodeObject(o, targetHead, targetTail)
}

// withRole returns a stored target with its role replaced, everything else
// as it was.
func withRole(t storedTarget, role string) json.RawMessage {
	if t.role == role {
		return t.raw
	}
	var o object
	if json.Unmarshal(t.raw, &o) != nil || o == nil {
		if role == "" {
			return t.raw
		}
		o = object{"source": t.raw} // a bare IRI gains a role
	}
	o.setStr(keyRole, role)
	return encodeObject(o, targetHead, targetTail)
}

// generatorValue describes parallax as the generator of what it writes.
func generatorValue(name string) json.RawMessage {
	return encodeObject(object{
		"id":   mustJSON(generatorIRI),
		"type": mustJSON("Software"),
		"name": mustJSON(name),
	}, []string{"id", "type", "name"}, nil)
}

// touched is the item with a new modified time, written by this program.
func (it *item) touched(now time.Time, generator json.RawMessage) *item {
	raw := it.raw.clone()
	raw.set("modified", formatTime(now))
	raw["generator"] = generator
	t, err := itemFromObject(raw)
	if err != nil {
		return it // unreachable: the id and type are unchanged
	}
	return t
}
