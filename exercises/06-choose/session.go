package choose

import (
	"errors"
	"io"
	"net"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
)

// This file is GIVEN: exercise 02's handler, which asks answer for the
// reply to every line. It reads the client's lines one ahead (leave.go), so
// that the job of a client that leaves is stopped rather than run for
// nobody.

// handle serves one client until it sends "exit" or leaves, and closes
// conn. It runs in a goroutine of its own; while it waits for the answer to
// a job, the other clients' goroutines go on.
func (s *server) handle(conn net.Conn) error {
	defer conn.Close()
	in := readInput(conn) // see leave.go
	defer in.stop()
	for {
		line, err := in.next()
		if errors.Is(err, lineproto.ErrLineTooLong) {
			_, err = io.WriteString(conn, lineproto.LineTooLong)
			return err
		}
		if lineproto.Is(line, lineproto.ExitCommand) {
			return nil
		}
		if len(line) > 0 {
			ctx, cancel := in.forJob()
			reply := s.answer(ctx, line)
			stopped := ctx.Err() != nil
			cancel()
			switch { // a worker that was stopped did not crash: say why it ended
			case reply != CrashedReply:
			case s.pool.isClosed(): // Serve's listener was closed: the pool stops every worker
				reply = "error: " + errClosed.Error() + "\n"
			case stopped: // a client that only half-closed still reads this
				reply = "error: " + errLeft.Error() + "\n"
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
