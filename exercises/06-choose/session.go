package choose

import (
	"errors"
	"io"
	"net"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// This file is GIVEN: exercise 02's handler, which asks answer for the
// reply to every line.

// handle serves one client until it sends "exit" or leaves, and closes
// conn. It runs in a goroutine of its own; while it waits for the answer to
// a job, the other clients' goroutines go on.
func (s *server) handle(conn net.Conn) error {
	defer conn.Close()
	lines := lineproto.NewReader(conn)
	for {
		line, err := lines.Next()
		if errors.Is(err, lineproto.ErrLineTooLong) {
			_, err = io.WriteString(conn, lineproto.LineTooLong)
			return err
		}
		if lineproto.Is(line, lineproto.ExitCommand) {
			return nil
		}
		if len(line) > 0 {
			reply := s.answer(line)
			if reply == CrashedReply && s.pool.isClosed() {
				// The worker did not crash: the pool stopped it because the
				// server is shutting down (Serve's listener was closed).
				reply = "error: " + errClosed.Error() + "\n"
			}
			if _, werr := io.WriteString(conn, reply); werr != nil {
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

// isClosed reports whether close has run: the server is shutting down.
func (p *pool) isClosed() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.closed
}
