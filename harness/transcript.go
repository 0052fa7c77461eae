package harness

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/threadproc/threadproc/harness/internal/words"
)

// quoteLimit is how many bytes of data a message shows before cutting it.
const quoteLimit = 80

// transcript remembers what happened on one connection, for failure messages.
type transcript struct {
	mu     sync.Mutex
	events []string
	cut    int
}

// transcriptKeep is how many of the latest events a message shows.
const transcriptKeep = 12

// add records one event, such as `→ "hello\n"`.
func (t *transcript) add(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.events = append(t.events, fmt.Sprintf(format, args...))
	if len(t.events) > transcriptKeep {
		t.cut += len(t.events) - transcriptKeep
		t.events = t.events[len(t.events)-transcriptKeep:]
	}
}

// String lists the events, one a line, indented.
func (t *transcript) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.events) == 0 {
		return "    " + words.Say("log.empty")
	}
	var b strings.Builder
	if t.cut > 0 {
		b.WriteString("    " + words.Say("log.cut", t.cut) + "\n")
	}
	for i, e := range t.events {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("    " + e)
	}
	return b.String()
}

// quote shows bytes as a Go string literal (UTF-8 such as 안녕 stays
// readable), cut after quoteLimit bytes with the total length.
func quote(b []byte) string {
	if len(b) <= quoteLimit {
		return strconv.Quote(string(b))
	}
	return words.Say("quote.cut", strconv.Quote(string(b[:quoteLimit])), len(b))
}
