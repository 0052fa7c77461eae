package processes

import (
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// This file is GIVEN: the echo of exercise 02, plus "count" and "crash".

// echoed counts the lines this process has echoed. It is an ordinary
// package-level variable, with no mutex: in a worker process exactly one
// goroutine (the one running handle) ever touches it, and no other process
// can see it, because every process has a copy of its own of every variable.
// Run handle in several goroutines of one process instead, and they would all
// share this one variable (and the race detector would object).
var echoed int

// handle serves one client: it echoes every line until the client sends
// "exit" or ends its side, answers "count" with the number of lines this
// process has echoed, panics on "crash", and closes conn.
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
			panic("crash: the client asked this process to crash")
		case lineproto.Is(line, CountCommand):
			if _, werr := fmt.Fprintf(conn, CountFormat, echoed); werr != nil {
				return werr
			}
		case len(line) > 0:
			if _, werr := conn.Write(line); werr != nil {
				return werr
			}
			echoed++
		}
		if err == io.EOF {
			return nil // the client ended its side
		}
		if err != nil {
			return err
		}
	}
}
