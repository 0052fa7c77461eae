package goroutines

import (
	"errors"
	"log"
	"net"
	"sync"
	"time"
)

// server is what Serve shares with the goroutines that serve its clients.
type server struct {
	stats stats // the shared statistic

	running sync.WaitGroup        // one count per handler still running
	mu      sync.Mutex            // guards conns
	conns   map[net.Conn]struct{} // the connections still open
}

// newServer returns a server ready to accept clients.
func newServer() *server {
	return &server{conns: make(map[net.Conn]struct{})}
}

// Serve accepts clients on ln and serves each one in a goroutine of its
// own, so that any number of clients are served at the same time. Once ln
// is closed it stops accepting, lets the clients still connected finish
// (see shutdown), and returns nil.
//
// The caller has already created the socket, bound it to an address and made
// it listen: net.Listen does socket(), bind() and listen() in one call.
func Serve(ln net.Listener) error {
	s := newServer()
	var pause time.Duration // after a failed Accept; 0 while Accept works
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return s.shutdown()
		}
		if err != nil {
			// Such as "too many open files": every descriptor is taken
			// until some clients leave. The listener is fine: wait a
			// little, longer each time, and try again, as net/http does.
			pause = nextPause(pause)
			log.Printf("accept: %v; trying again in %v", err, pause)
			time.Sleep(pause)
			continue
		}
		pause = 0
		s.track(conn)
		go s.serve(conn)
	}
}

// The pauses after a failed Accept: the first, and the longest.
const (
	firstPause = 5 * time.Millisecond
	maxPause   = time.Second
)

// nextPause returns the pause after one that lasted p: firstPause, then
// twice as long each time, up to maxPause.
func nextPause(p time.Duration) time.Duration {
	if p == 0 {
		return firstPause
	}
	return min(2*p, maxPause)
}

// serve runs in a goroutine of its own: it serves one client with handle,
// and logs how that ended if it went wrong.
func (s *server) serve(conn net.Conn) {
	defer s.untrack(conn)
	if err := s.handle(conn); err != nil && !errors.Is(err, net.ErrClosed) {
		log.Printf("client %s: %v", conn.RemoteAddr(), err)
	}
}
