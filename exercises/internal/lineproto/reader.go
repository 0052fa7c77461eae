package lineproto

import (
	"bytes"
	"errors"
	"io"
	"strings"
)

// ErrLineTooLong reports a line longer than MaxLineBytes.
var ErrLineTooLong = errors.New("line too long")

// Reader splits what it reads into lines. It holds at most about
// MaxLineBytes of input, and notices a line that is too long as soon as the
// byte that makes it too long arrives.
type Reader struct {
	r     io.Reader
	buf   []byte // read but not yet returned
	chunk []byte // where each Read lands, reused
	err   error  // the error that ended reading, once there was one
}

// NewReader returns a Reader of the lines of r.
func NewReader(r io.Reader) *Reader { return &Reader{r: r} }

// Next returns the next line with its "\n". At the end of the input it
// returns what is left (perhaps nothing) with the error that ended it
// (io.EOF when the client ended its side). The line is valid until the next
// call.
func (lr *Reader) Next() ([]byte, error) {
	if lr.chunk == nil {
		lr.chunk = make([]byte, 4096)
	}
	for {
		if i := bytes.IndexByte(lr.buf, '\n'); i >= MaxLineBytes {
			return nil, ErrLineTooLong // the "\n" came with the byte that made it too long
		} else if i >= 0 {
			line := lr.buf[: i+1 : i+1]
			lr.buf = lr.buf[i+1:]
			return line, nil
		}
		if len(lr.buf) >= MaxLineBytes { // no room left for the "\n"
			return nil, ErrLineTooLong
		}
		if lr.err != nil {
			rest := lr.buf
			lr.buf = nil
			return rest, lr.err
		}
		n, err := lr.r.Read(lr.chunk)
		lr.buf = append(lr.buf, lr.chunk[:n]...)
		lr.err = err
	}
}

// Is reports whether line, with its "\n" and an optional "\r" before it
// removed, is exactly word (such as ExitCommand).
func Is(line []byte, word string) bool {
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return string(line) == word
}

// SameEnding returns reply, a line that ends in "\n", ended the way line
// (the line it answers) was: with "\r\n" when line ended in "\r\n", as
// telnet and `nc -C` send lines, and with "\n" otherwise.
func SameEnding(line []byte, reply string) string {
	if bytes.HasSuffix(line, []byte("\r\n")) && !strings.HasSuffix(reply, "\r\n") {
		return strings.TrimSuffix(reply, "\n") + "\r\n"
	}
	return reply
}
