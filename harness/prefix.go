package harness

import (
	"bytes"
	"io"
	"sync"
)

// prefixWriter returns a writer that starts every line it writes to w with
// prefix, so that the output of several processes can be told apart.
func prefixWriter(w io.Writer, prefix string) io.Writer {
	return &prefixed{w: w, prefix: []byte(prefix), atStart: true}
}

type prefixed struct {
	mu      sync.Mutex
	w       io.Writer
	prefix  []byte
	atStart bool
}

// Write implements io.Writer.
func (p *prefixed) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out bytes.Buffer
	for _, c := range b {
		if p.atStart {
			out.Write(p.prefix)
		}
		out.WriteByte(c)
		p.atStart = c == '\n'
	}
	_, err := p.w.Write(out.Bytes())
	return len(b), err
}
