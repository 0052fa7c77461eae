package echo

import (
	"bytes"
	"errors"
	"io"
	"net"
)

// errLineTooLong reports a line longer than MaxLineBytes.
var errLineTooLong = errors.New("line too long")

// handle serves one client: it writes every line back exactly as it came,
// until the client sends "exit" or ends its side, and closes conn. A line
// longer than MaxLineBytes gets the reply LineTooLong.
func handle(conn net.Conn) error {
	defer conn.Close()
	lines := lineReader{r: conn}
	for {
		line, err := lines.next()
		if errors.Is(err, errLineTooLong) {
			_, err = io.WriteString(conn, LineTooLong)
			return err
		}
		if isExit(line) {
			return nil
		}
		if len(line) > 0 {
			if _, werr := conn.Write(line); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			return nil // the client ended its side
		}
		if err != nil {
			return err
		}
	}
}

// lineReader splits what it reads into lines. It holds at most about
// MaxLineBytes of input, and notices a line that is too long as soon as the
// byte that makes it too long arrives.
type lineReader struct {
	r   io.Reader
	buf []byte // read but not yet returned
	err error  // the error that ended reading, once there was one
}

// next returns the next line with its "\n". At the end of the input it
// returns what is left (perhaps nothing) with the error that ended it.
func (lr *lineReader) next() ([]byte, error) {
	var chunk [4096]byte
	for {
		if i := bytes.IndexByte(lr.buf, '\n'); i >= MaxLineBytes {
			return nil, errLineTooLong // the "\n" came with the byte that made it too long
		} else if i >= 0 {
			line := lr.buf[: i+1 : i+1]
			lr.buf = lr.buf[i+1:]
			return line, nil
		}
		if len(lr.buf) >= MaxLineBytes { // no room left for the "\n"
			return nil, errLineTooLong
		}
		if lr.err != nil {
			rest := lr.buf
			lr.buf = nil
			return rest, lr.err
		}
		n, err := lr.r.Read(chunk[:])
		lr.buf = append(lr.buf, chunk[:n]...)
		lr.err = err
	}
}

// isExit reports whether line is the exit command ("\r\n" from telnet too).
func isExit(line []byte) bool {
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	return string(line) == ExitCommand
}
