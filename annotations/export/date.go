package export

import (
	"os"
	"strconv"
	"time"
)

// NoteDate is the date written into a note: now, or the time in
// SOURCE_DATE_EPOCH when it is set, so that a note can be reproduced byte
// for byte. The reader and the export command both use it, so they write
// the same note.
func NoteDate() time.Time {
	if sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
		return time.Unix(sec, 0).UTC()
	}
	return time.Now()
}
