package choose

import (
	"context"
	"errors"
	"log"
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
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return s.pool.close()
		}
		if err != nil {
			_ = s.pool.close()
			return err
		}
		go func() {
			if err := s.handle(conn); err != nil {
				log.Printf("client %s: %v", conn.RemoteAddr(), err)
			}
		}()
	}
}

// answer returns the reply to one line from a client (the line has its
// "\n"): the answer of a job, or the line itself. ctx ends if the client
// leaves before its job is done (see leave.go).
func (s *server) answer(ctx context.Context, line []byte) string {
	if isJob(line) {
		return s.pool.run(ctx, jobOf(line)) // this goroutine waits; the job runs in a worker process
	}
	return string(line)
}
