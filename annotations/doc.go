// Package annotations is parallax's annotation store: W3C Web Annotation
// files (JSON-LD), anchoring and re-anchoring tags in edited articles, atomic
// saving with a backup, locking against a second instance, merging changes
// made by other programs, and undo and redo. The Markdown export lives in
// the export sub-package.
//
// A file is one AnnotationCollection whose items sit in an embedded
// AnnotationPage; each discrepancy tag is one Annotation with motivation
// "assessing", a tagging body "discrepancy:KIND", an optional Markdown
// commenting body, and one target per article passage carrying a
// TextQuoteSelector and a TextPositionSelector (in Unicode code points; the
// rest of parallax counts bytes, and this package converts). Severity,
// passage roles and dismissed suggestions are extension properties under a
// "parallax:" prefix. Whatever else a file holds is kept on every rewrite.
//
// Typical use:
//
//	path, err := annotations.DefaultPath(arts)
//	st, err := annotations.Open(path, arts, annotations.Options{Generator: "parallax " + version})
//	if errors.Is(err, annotations.ErrLocked) { /* offer Options{ReadOnly: true} */ }
//	defer st.Close()
//	tag, err := st.Add(model.Annotation{Kind: model.Number, Targets: …}) // saved on return
//	for _, a := range st.Annotations() { … a.Targets[i].Anchoring … }
//	msg, err := st.Undo() // "undid new number tag"
//	changed, err := st.Refresh() // on a timer: another program's edits
package annotations
