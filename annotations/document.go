package annotations

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

var (
	collectionHead = []string{"@context", "id", "type", "label", "total", "created", "modified", "generator", keyDismissed}
	collectionTail = []string{"first"}
	pageHead       = []string{"id", "type", "startIndex"}
	pageTail       = []string{"items"}
)

// document is one annotation file: an AnnotationCollection whose items sit
// in an embedded AnnotationPage.
type document struct {
	head  object  // collection properties except "first"
	page  object  // page properties except "items"
	items []*item // sorted by created time, then id
}

// formatError is a file that cannot be read; offset is the index of the
// offending byte (len(data) when the file ends too soon), or -1 when the
// problem is not at one place.
type formatError struct {
	offset int64
	msg    string
}

func (e *formatError) Error() string { return e.msg }

func structural(format string, args ...any) error {
	return &formatError{offset: -1, msg: fmt.Sprintf(format, args...)}
}

// parseDocument reads an annotation file. An empty file reads as no
// document (nil, nil): there is nothing in it to keep.
func parseDocument(data []byte) (*document, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM an editor may add
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var head object
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(err)
	}
	if head == nil || !head.hasType("AnnotationCollection") {
		return nil, structural(`not an annotation collection (the top level needs "type": "AnnotationCollection")`)
	}
	d := &document{head: head, page: object{}}
	first, hasFirst := head["first"]
	delete(head, "first")
	if hasFirst {
		if decode(first, &d.page) != nil || d.page == nil {
			return nil, structural(`"first" is not an embedded AnnotationPage (pages in other files are not supported)`)
		}
	}
	rawItems := d.page["items"]
	delete(d.page, "items")
	var list []json.RawMessage
	if len(rawItems) > 0 && decode(rawItems, &list) != nil {
		return nil, structural(`"items" is not a list of annotations`)
	}
	seen := map[string]int{}
	for i, v := range list {
		it, err := parseItem(v)
		if err != nil {
			return nil, structural("annotation %d %s", i+1, err.Error())
		}
		if j, dup := seen[it.id]; dup {
			return nil, structural("annotations %d and %d share the id %s", j+1, i+1, it.id)
		}
		seen[it.id] = i
		d.items = append(d.items, it)
	}
	if v, ok := head[keyDismissed]; ok {
		var ids []string
		if json.Unmarshal(v, &ids) != nil {
			return nil, structural("%q is not a list of suggestion ids", keyDismissed)
		}
	}
	// A page needs an id and a type; give them once, so every later
	// encoding of this document is the same.
	if _, ok := d.page["id"]; !ok {
		d.page.set("id", newURN())
	}
	if _, ok := d.page["type"]; !ok {
		d.page.set("type", "AnnotationPage")
	}
	d.sortItems()
	return d, nil
}

// jsonError turns a decoding error into one that knows its byte offset.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	// encoding/json counts the bytes read when it gave up, the offending
	// one included; at the end of the input there is no offending byte.
	case errors.As(err, &syn):
		at := syn.Offset - 1
		if strings.Contains(syn.Error(), "unexpected end") {
			at = syn.Offset
		}
		return &formatError{offset: at, msg: syn.Error()}
	case errors.As(err, &typ):
		return &formatError{offset: typ.Offset - 1, msg: fmt.Sprintf("expected a JSON object, found %s", typ.Value)}
	}
	return &formatError{offset: -1, msg: err.Error()}
}

// lineColumn converts a byte index to a 1-based line and column (in
// bytes, as editors that jump to file:line:col expect).
func lineColumn(data []byte, offset int64) (line, col int) {
	at := int(max(0, min(offset, int64(len(data)))))
	line = 1 + bytes.Count(data[:at], []byte("\n"))
	col = at - bytes.LastIndexByte(data[:at], '\n')
	return line, col
}

func newDocument(label string, now time.Time, generator json.RawMessage) *document {
	head := object{}
	head["@context"] = contextValue()
	head.set("id", newURN())
	head.set("type", "AnnotationCollection")
	head.setStr("label", label)
	head.set("created", formatTime(now))
	head.set("modified", formatTime(now))
	head["generator"] = generator
	page := object{}
	page.set("id", newURN())
	page.set("type", "AnnotationPage")
	page.set("startIndex", 0)
	return &document{head: head, page: page}
}

func (d *document) clone() *document {
	return &document{head: d.head.clone(), page: d.page.clone(), items: slices.Clone(d.items)}
}

func (d *document) sortItems() {
	slices.SortStableFunc(d.items, func(a, b *item) int {
		if c := a.ann.Created.Compare(b.ann.Created); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
}

func (d *document) find(id string) (int, *item) {
	for i, it := range d.items {
		if it.id == id {
			return i, it
		}
	}
	return -1, nil
}

// put adds an item or replaces the one with its id.
func (d *document) put(it *item) {
	if i, _ := d.find(it.id); i >= 0 {
		d.items[i] = it
	} else {
		d.items = append(d.items, it)
	}
	d.sortItems()
}

func (d *document) remove(id string) {
	if i, _ := d.find(id); i >= 0 {
		d.items = slices.Delete(d.items, i, i+1)
	}
}

func (d *document) byID() map[string]*item {
	m := make(map[string]*item, len(d.items))
	for _, it := range d.items {
		m[it.id] = it
	}
	return m
}

// dismissed lists the suggestion ids the user dismissed.
func (d *document) dismissed() []string {
	v, ok := d.head[keyDismissed]
	if !ok {
		return nil
	}
	var ids []string
	if json.Unmarshal(v, &ids) != nil {
		return nil
	}
	return ids
}

func (d *document) setDismissed(ids []string) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		delete(d.head, keyDismissed)
		return
	}
	d.head.set(keyDismissed, ids)
}

// encode writes the file: two-space indent, a final newline, keys and
// items in a stable order.
func (d *document) encode() []byte {
	var items bytes.Buffer
	items.WriteByte('[')
	for i, it := range d.items {
		if i > 0 {
			items.WriteByte(',')
		}
		items.Write(it.canon())
	}
	items.WriteByte(']')
	page := d.page.clone()
	page["items"] = items.Bytes()
	head := d.head.clone()
	head.set("total", len(d.items))
	head["first"] = encodeObject(page, pageHead, pageTail)
	return prettyJSON(encodeObject(head, collectionHead, collectionTail))
}
