package pools

import (
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
	// TODO(1): start the workers: `workers` goroutines, each running
	// p.work(). Then accept clients in a loop, with accept(ln) (in
	// accept.go: write it too), not ln.Accept(): record each connection
	// with p.conns.add(conn), then put it in the queue (p.queue <- conn).
	// That send waits while the queue is full, and meanwhile new clients
	// wait in the listen backlog: never start anything else for a
	// connection. When accept fails, ln was closed (accept rides out every
	// other error, such as running out of file descriptors): return
	// p.shutdown().
	// TODO(2): count every worker in p.workers (Add) before its goroutine
	// starts.
	_ = p
	return notImplemented(1)
}

// work is one worker: it serves the connections of the queue one after
// another, until the queue is closed and empty.
func (p *pool) work() {
	// TODO(1): take connections from the queue (for conn := range
	// p.queue) and serve each one with handle(conn). Log the error handle
	// returns (log.Printf) and go on with the next connection: one
	// client's error must not cost the pool a worker. After each client,
	// forget its connection with p.conns.remove(conn).
	// TODO(2): when the loop ends, mark this worker done in p.workers
	// (defer).
}
