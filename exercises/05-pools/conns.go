package pools

import (
	"net"
	"sync"
)

// This file is GIVEN: the set of open connections you wrote for exercise
// 02's shutdown.

// openConns is a set of connections that may be closed all at once. Its
// methods are safe for use by several goroutines at the same time.
type openConns struct {
	mu  sync.Mutex
	set map[net.Conn]struct{}
}

// add records conn as open.
func (o *openConns) add(conn net.Conn) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.set == nil {
		o.set = make(map[net.Conn]struct{})
	}
	o.set[conn] = struct{}{}
}

// remove forgets conn.
func (o *openConns) remove(conn net.Conn) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.set, conn)
}

// closeAll closes every connection in the set: a worker reading from one of
// them gets an error at once, and its handler returns.
func (o *openConns) closeAll() {
	o.mu.Lock()
	defer o.mu.Unlock()
	for conn := range o.set {
		_ = conn.Close()
	}
}
