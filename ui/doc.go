// Package ui is parallax's Bubble Tea program: the root model, the article
// panes, side panels, dialogs, keymap and styles.
//
// The root Model lays the article panes out side by side (ui/pane), draws
// the status bar, the search prompt and the help overlay, and routes keys
// and mouse events. Its parts share a component.Common (styles, keys,
// terminal size) and implement component.Component; ui/keys holds the key
// table and ui/theme the dark, light and no-colour styles.
//
// Features that highlight text add a decoration layer to a pane with
// pane.SetDecorations or pane.SetSpans (one call per layer); the analysis
// arrives as an AnalysisMsg and is kept in Model.Analysis.
//
// When it arrives (analysis.go) every pane gets its entity, quotation and
// speaker layers once, and keeps its mentions and quotations sorted, so e,
// E, " and the status bar's context (what the mark or the cursor sentence
// is on) are binary searches. A jump marks its target with pane.Mark.
//
// Side panels (panels.go) are ui/panel components registered with addPanel
// (the key that toggles them, what enter does with an item) and opened with
// openPanel; at most one is open, beside the panes or, below 100 columns,
// over them. setPanelRows lists a panel's rows when it is first opened,
// setPanelKeys gives it keys of its own. The entities (entities.go) and
// quotations (quotes.go) panels are built this way.
//
// Tagging (tags.go) goes through the annotation store in Options.Store.
// Every feature that creates a tag calls (*Model).addTag(model.Annotation),
// which saves it before returning (the error is one status-bar line: a
// read-only store, a failed save) and re-places the tag layer (LayerTags)
// in the panes and the annotations panel; updateTag and deleteTag do the
// same for edits and deletions. The caller says what it did in the status
// bar. Around it: selection.go (v, word and sentence steps, LayerSelection),
// tagging.go (the tag form over the panes: its counterpart moves through
// the panes, and it closes only once the store has saved; undo and redo),
// annotpanel.go (the a panel on ui/panel: enter marks a tag's passages,
// e edits, d deletes, f steps the kind filter). The store is polled every
// two seconds for another program's edits (refreshTickMsg).
//
// Comparison (compare.go, suggestions.go) runs after every message
// (syncCompare): the analysis's alignments are indexed by pane and sentence
// once per analysis, and while linked scrolling (s) is on, a move of the
// focused pane's sentence cursor brings each other pane's aligned passage
// to the same height (LayerLinked) and diffs the pair word by word
// (LayerDiff). A pane that a jump has just marked keeps its place. The
// suggestions panel (x) lists the suggestions neither dismissed in the
// store nor already recorded by a tag; y accepts one through addTag.
package ui
