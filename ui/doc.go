// Package ui is parallax's Bubble Tea program: the root model, the article
// panes, side panels, dialogs, keymap and styles.
package ui
