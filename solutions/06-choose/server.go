package choose

import (
	"context"
	"errors"
	"log"
	"net"
	"time"
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
	var pause time.Duration // how long to wait after a failed Accept; 0 after a good one
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return s.pool.close()
		}
		if err != nil { // out of file descriptors, for instance: wait for clients to leave, then try again
			pause = min(max(2*pause, minPause), maxPause)
			log.Printf("accept: %v; trying again in %v", err, pause)
			time.Sleep(pause)
			continue
		}
		pause = 0
		go func() {
			if err := s.handle(conn); err != nil {
				log.Printf("client %s: %v", conn.RemoteAddr(), err)
			}
		}()
	}
}

// How long Serve waits after a failed Accept before it tries again: from
// minPause, doubling with every failure in a row, up to maxPause (as
// net/http's Server does).
const (
	minPause = 5 * time.Millisecond
	maxPause = time.Second
)

// answer returns the reply to one line from a client (the line has its
// "\n"): the answer of a job, or the line itself. ctx ends if the client
// leaves before its job is done (see leave.go).
func (s *server) answer(ctx context.Context, line []byte) string {
	if isJob(line) {
		return s.pool.run(ctx, jobOf(line)) // this goroutine waits; the job runs in a worker process
	}
	return string(line)
}
