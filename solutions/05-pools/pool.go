package pools

import (
	"errors"
	"log"
	"net"
	"sync"
)

// pool is what ServeGoroutinePool shares with its worker goroutines.
type pool struct {
	queue   chan net.Conn  // accepted connections waiting for a free worker
	workers sync.WaitGroup // the worker goroutines still running (TODO 2)
	conns   openConns      // every connection accepted and not yet served to its end
}

// ServeGoroutinePool accepts clients on ln and serves them with a pool of
// workers goroutines: the accept loop puts every connection in a queue, and
// each worker takes the next connection from it whenever it is free. At
// most workers clients are served at the same time; the others wait in the
// queue, and once it is full, in the kernel's listen backlog. Once ln is
// closed it stops accepting, closes every connection, waits for the workers
// to return (see shutdown), and returns nil.
func ServeGoroutinePool(ln net.Listener, workers int) error {
	p := &pool{queue: make(chan net.Conn, QueueSize)}
	for range workers {
		p.workers.Add(1)
		go p.work()
	}
	for {
		// accept rides out "too many open files": its only error is a
		// closed ln.
		conn, err := accept(ln)
		if err != nil {
			return p.shutdown()
		}
		p.conns.add(conn)
		p.queue <- conn // waits while the queue is full
	}
}

// work is one worker: it serves the connections of the queue one after
// another, until the queue is closed and empty.
func (p *pool) work() {
	defer p.workers.Done()
	for conn := range p.queue {
		if err := handle(conn); err != nil && !errors.Is(err, net.ErrClosed) {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
		}
		p.conns.remove(conn)
	}
}
