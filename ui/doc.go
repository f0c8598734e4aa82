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
package ui
