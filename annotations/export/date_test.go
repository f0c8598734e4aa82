package export

import (
	"testing"
	"time"
)

func TestNoteDateHonoursSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	if got, want := NoteDate(), time.Unix(1700000000, 0).UTC(); !got.Equal(want) {
		t.Fatalf("NoteDate() = %v, want %v", got, want)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "not a number")
	if d := time.Since(NoteDate()); d < 0 || d > time.Minute {
		t.Fatalf("without a valid SOURCE_DATE_EPOCH the date should be now, off by %v", d)
	}
}
