package goroutines

import (
	"net"
	"time"
)

// track records conn as open and its handler as running. Serve calls it
// before it starts the handler's goroutine, so that shutdown, which runs in
// Serve's goroutine after the loop, cannot miss a handler.
func (s *server) track(conn net.Conn) {
	s.running.Add(1)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conns[conn] = struct{}{}
}

// untrack forgets conn and records that its handler has ended.
func (s *server) untrack(conn net.Conn) {
	s.mu.Lock()
	delete(s.conns, conn)
	s.mu.Unlock()
	s.running.Done()
}

// closeAll closes every connection still open, which makes their handlers'
// reads and writes fail at once.
func (s *server) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for conn := range s.conns {
		_ = conn.Close()
	}
}

// shutdown runs once the listener is closed. It waits up to GracePeriod for
// the handlers still running to end by themselves, then closes the
// connections still open and waits for their handlers to return.
func (s *server) shutdown() error {
	done := make(chan struct{})
	go func() {
		s.running.Wait()
		close(done)
	}()
	grace := time.NewTimer(GracePeriod)
	defer grace.Stop()
	select {
	case <-done:
		return nil
	case <-grace.C:
	}
	s.closeAll()
	<-done
	return nil
}
