package annotations

import (
	"crypto/rand"
	"fmt"
)

// newURN returns a fresh urn:uuid IRI (a random, version 4 UUID). Sixteen
// random bytes and two fixed nibbles do not justify a dependency.
func newURN() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
