package pools

import (
	"errors"
	"io"
	"net"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// This file is GIVEN: the echo of exercise 02, plus "crash".

// handle serves one client: it echoes every line until the client sends
// "exit" or ends its side, panics on "crash", and closes conn. It returns
// the error that ended the connection, if any (such as "connection reset by
// peer"): that client's problem, never a reason to stop serving others.
func handle(conn net.Conn) error {
	defer conn.Close()
	lines := lineproto.NewReader(conn)
	for {
		line, err := lines.Next()
		if errors.Is(err, lineproto.ErrLineTooLong) {
			_, err = io.WriteString(conn, lineproto.LineTooLong)
			return err
		}
		switch {
		case lineproto.Is(line, lineproto.ExitCommand):
			return nil
		case lineproto.Is(line, CrashCommand):
			panic("crash: the client asked the worker to crash")
		case len(line) > 0:
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
