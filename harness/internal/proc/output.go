package proc

import (
	"bytes"
	"io"
	"sync"
)

// Output keeps the head and the tail of what a process writes, at most a
// limit of bytes each, so that a process that writes without end cannot
// exhaust this process's memory; it may copy every byte to a second writer
// as well. It is safe for concurrent use.
type Output struct {
	mu      sync.Mutex
	limit   int
	head    bytes.Buffer
	tail    []byte
	dropped int64
	echo    io.Writer
}

// NewOutput returns an Output that keeps the first and the last limit bytes
// written to it and copies every byte to echo, if echo is not nil.
func NewOutput(limit int, echo io.Writer) *Output {
	return &Output{limit: limit, echo: echo}
}

// Write implements io.Writer; it never fails.
func (o *Output) Write(p []byte) (int, error) {
	n := len(p)
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.echo != nil {
		_, _ = o.echo.Write(p)
	}
	if room := o.limit - o.head.Len(); room > 0 {
		k := min(room, len(p))
		o.head.Write(p[:k])
		p = p[k:]
	}
	o.tail = append(o.tail, p...)
	if extra := len(o.tail) - o.limit; extra > 0 {
		o.dropped += int64(extra)
		o.tail = append(o.tail[:0], o.tail[extra:]...)
	}
	return n, nil
}

// String returns what was kept, with a marker where bytes were dropped.
func (o *Output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	s := o.head.String()
	if o.dropped > 0 {
		s += "\n[... output cut ...]\n"
	}
	return s + string(o.tail)
}

// Prefixed returns a writer that starts every line it writes to w with
// prefix, so that the output of several processes can be told apart.
func Prefixed(w io.Writer, prefix string) io.Writer {
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

// maxLine bounds a line that [Lines] waits for: a longer one is passed on
// in pieces.
const maxLine = 64 << 10

// Lines returns a writer that calls fn with every whole line written to it,
// without its "\n", in order.
func Lines(fn func(line string)) io.Writer { return &lines{fn: fn} }

type lines struct {
	mu  sync.Mutex
	buf []byte
	fn  func(string)
}

// Write implements io.Writer.
func (l *lines) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf = append(l.buf, b...)
	for {
		i := bytes.IndexByte(l.buf, '\n')
		if i < 0 && len(l.buf) < maxLine {
			return len(b), nil
		}
		if i < 0 {
			i = len(l.buf)
		}
		l.fn(string(l.buf[:i]))
		l.buf = l.buf[min(i+1, len(l.buf)):]
	}
}
