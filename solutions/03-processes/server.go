package processes

import (
	"errors"
	"log"
	"net"
)

// Serve accepts clients on ln and serves each one in a worker process of its
// own (see startWorker), so that clients are served at the same time and
// none of them shares memory with another. Once ln is closed it stops
// accepting, ends the workers still running (see shutdown), and returns nil.
//
// The caller has already created the socket, bound it to an address and made
// it listen: net.Listen does socket(), bind() and listen() in one call.
func Serve(ln net.Listener) error {
	s := newServer()
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return s.shutdown()
		}
		if err != nil {
			return err
		}
		cmd, err := startWorker(conn)
		_ = conn.Close() // the worker has its own copy; the server keeps none
		if err != nil {
			log.Printf("cannot start a worker for %s: %v", conn.RemoteAddr(), err)
			continue
		}
		s.started(cmd)
	}
}
