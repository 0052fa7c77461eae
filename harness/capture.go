package harness

import (
	"bytes"
	"io"
	"sync"
)

// captureLimit bounds what is kept of a child's output: its first and its
// last captureLimit bytes. A server that writes without end cannot exhaust
// the test process's memory.
const captureLimit = 64 << 10

// capture keeps the head and the tail of a stream and copies every byte to a
// second writer (ginkgo's GinkgoWriter, shown when a spec fails).
type capture struct {
	mu      sync.Mutex
	head    bytes.Buffer
	tail    []byte
	dropped int64
	echo    io.Writer
}

// Write implements io.Writer.
func (c *capture) Write(p []byte) (int, error) {
	n := len(p)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.echo != nil {
		_, _ = c.echo.Write(p)
	}
	if room := captureLimit - c.head.Len(); room > 0 {
		k := min(room, len(p))
		c.head.Write(p[:k])
		p = p[k:]
	}
	c.tail = append(c.tail, p...)
	if extra := len(c.tail) - captureLimit; extra > 0 {
		c.dropped += int64(extra)
		c.tail = append(c.tail[:0], c.tail[extra:]...)
	}
	return n, nil
}

// String returns what was kept, with a marker where bytes were dropped.
func (c *capture) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.head.String()
	if c.dropped > 0 {
		s += "\n[... output cut ...]\n"
	}
	return s + string(c.tail)
}
