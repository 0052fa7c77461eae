package grading

import (
	"net"
	"sync"
)

// canary listens on the host's own 127.0.0.1 for the time one learner is
// graded, and counts the connections that reach it (see [NetworkProbe]).
type canary struct {
	ln    net.Listener
	mu    sync.Mutex
	count int
	done  chan struct{}
}

// startCanary opens the listener.
func startCanary() (*canary, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	c := &canary{ln: ln, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for {
			conn, err := ln.Accept()
			if err != nil {
				return // closed
			}
			c.mu.Lock()
			c.count++
			c.mu.Unlock()
			_ = conn.Close() // not a byte is read or sent
		}
	}()
	return c, nil
}

// Addr is the listener's address.
func (c *canary) Addr() string { return c.ln.Addr().String() }

// Close stops listening and returns how many connections came.
func (c *canary) Close() int {
	_ = c.ln.Close()
	<-c.done
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.count
}
