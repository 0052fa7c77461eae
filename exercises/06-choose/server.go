package choose

import (
	"context"
	"net"
)

// server is what Serve shares with the goroutines that serve its clients.
type server struct {
	pool *pool // the worker processes that run the jobs
}

// Serve accepts clients on ln and serves each one in a goroutine of its own,
// so that any number of clients, most of them idle, cost a few KB each. Jobs
// do not run in those goroutines: answer sends them to the pool of worker
// processes. Once ln is closed, Serve stops the workers and returns nil.
func Serve(ln net.Listener) error {
	s := &server{pool: newPool(Workers)}
	// TODO(1): accept clients in a loop, and serve each one on a goroutine
	// of its own with s.handle(conn); log the error handle returns. When
	// Accept fails because ln was closed (errors.Is(err, net.ErrClosed)),
	// return s.pool.close(), which stops every worker process at once,
	// busy or not. Any other Accept error is a shortage that passes, such
	// as "too many open files" when every file descriptor is taken: log
	// it, wait (5 ms, doubling with each failure in a row, at most 1 s, as
	// net/http does), and accept again; returning would drop every client.
	_ = s
	return notImplemented(1)
}

// answer returns the reply to one line from a client (the line has its
// "\n"): the answer of a job, or the line itself. ctx ends if the client
// leaves before its job is done (see leave.go).
func (s *server) answer(ctx context.Context, line []byte) string {
	// TODO(1): a line that asks for a job (isJob) goes to a worker process:
	// return s.pool.run(ctx, jobOf(line)). Any other line is echoed: return
	// it as it is.
	return errorLine(notImplemented(1))
}
