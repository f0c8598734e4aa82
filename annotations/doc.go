// Package annotations is parallax's annotation store: W3C Web Annotation
// files (JSON-LD), anchoring and re-anchoring tags in edited articles, atomic
// saving with a backup, locking against a second instance, undo and redo, and
// the Markdown export of what was tagged.
package annotations
