package annotations

import (
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
	s.undo, s.redo = decodeSteps(hf.Undo), decodeSteps(hf.Redo)
	if len(s.undo) > maxHistory {
		s.undo = s.undo[len(s.undo)-maxHistory:]
	}
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

// sameContent compares what the user sees of a tag: its kind, severity,
// note and passages, not the times it was saved at.
func sameContent(a, b *item) bool {
	if a.ann.Kind != b.ann.Kind || a.ann.Severity != b.ann.Severity || a.ann.Note != b.ann.Note ||
		len(a.targets) != len(b.targets) {
		return false
	}
	for i := range a.targets {
		x, y := a.targets[i], b.targets[i]
		if x.source != y.source || x.exact != y.exact || x.start != y.start || x.end != y.end {
			return false
		}
	}
	return true
}
