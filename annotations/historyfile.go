package annotations

import (
	"bytes"
	"encoding/json"
	"os"

	"github.com/parallax-reader/parallax/model"
)

// The undo history is kept beside the annotation file (FILE.history), so
// that u the next day undoes the last change made the day before. The
// annotation file stays the truth: the history is written after it, and a
// history that is missing, unreadable or out of step with the file only
// means less can be undone, never that a tag is changed blindly.

const historyVersion = 1

type historyFile struct {
	Version int           `json:"version"`
	Undo    []historyStep `json:"undo"`
	Redo    []historyStep `json:"redo"`
}

type historyStep struct {
	Verb   string                `json:"verb"`
	Kind   model.DiscrepancyKind `json:"kind"`
	ID     string                `json:"id"`
	Before json.RawMessage       `json:"before,omitempty"`
	After  json.RawMessage       `json:"after,omitempty"`
}

// historyPath is where the history of the annotation file at path is kept.
func historyPath(path string) string { return path + ".history" }

func encodeSteps(steps []step) []historyStep {
	out := make([]historyStep, 0, len(steps))
	for _, st := range steps {
		hs := historyStep{Verb: st.verb, Kind: st.kind, ID: st.id}
		if st.before != nil {
			hs.Before = st.before.canon()
		}
		if st.after != nil {
			hs.After = st.after.canon()
		}
		out = append(out, hs)
	}
	return out
}

// decodeSteps rebuilds steps, dropping any that do not read.
func decodeSteps(hs []historyStep) []step {
	var out []step
	for _, h := range hs {
		st := step{verb: h.Verb, kind: h.Kind, id: h.ID}
		ok := h.ID != "" && (h.Verb == "new" || h.Verb == "edit" || h.Verb == "delete")
		if len(h.Before) > 0 {
			it, err := parseItem(h.Before)
			ok = ok && err == nil && it.id == h.ID
			st.before = it
		}
		if len(h.After) > 0 {
			it, err := parseItem(h.After)
			ok = ok && err == nil && it.id == h.ID
			st.after = it
		}
		if ok {
			out = append(out, st)
		}
	}
	return out
}

// saveHistory writes the history after a change was saved. A failure is
// not the change's failure: the tag is safe in the annotation file.
func (s *Store) saveHistory() {
	if s.readOnly != "" {
		return
	}
	data, err := json.MarshalIndent(historyFile{Version: historyVersion,
		Undo: encodeSteps(s.undo), Redo: encodeSteps(s.redo)}, "", "  ")
	if err != nil {
		return
	}
	_ = WriteFile(historyPath(s.path), append(data, '\n'))
}

// loadHistory reads the history kept beside the file, if any.
func (s *Store) loadHistory() {
	data, err := os.ReadFile(historyPath(s.path))
	if err != nil {
		return
	}
	var hf historyFile
	if json.Unmarshal(data, &hf) != nil || hf.Version != historyVersion {
		return
	}
	s.undo, s.redo = lastSteps(decodeSteps(hf.Undo)), lastSteps(decodeSteps(hf.Redo))
}

// lastSteps keeps the newest maxHistory steps: a history file written by
// hand or by another version must not grow the history without bound.
func lastSteps(steps []step) []step {
	if len(steps) > maxHistory {
		return steps[len(steps)-maxHistory:]
	}
	return steps
}

// inStep reports whether the file holds the tag as the step left it (want:
// the state the step is to be undone or redone from). A tag changed by
// another program or another session since cannot be undone blindly.
func (s *Store) inStep(id string, want *item) bool {
	_, cur := s.doc.find(id)
	if want == nil || cur == nil {
		return want == nil && cur == nil
	}
	return sameContent(cur, want)
}

// sameContent compares two versions of a tag as the user and the file
// hold them: every property except when and by what it was last saved, so
// that an undo done in an earlier session (which gave the tag a new
// modified time) still matches, while any other change made elsewhere,
// even to a role or a property parallax does not know, does not.
func sameContent(a, b *item) bool {
	if a == b {
		return true
	}
	return bytes.Equal(contentKey(a), contentKey(b))
}

func contentKey(it *item) []byte {
	raw := it.raw.clone()
	delete(raw, "modified")
	delete(raw, "generator")
	var buf bytes.Buffer
	writeObject(&buf, raw, itemHead, itemTail)
	return buf.Bytes()
}
