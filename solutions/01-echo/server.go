package echo

import (
	"errors"
	"log"
	"net"
)

// Serve accepts clients on ln one after another and serves each one with
// handle until it leaves. It returns nil once ln is closed.
//
// The caller has already created the socket, bound it to an address and made
// it listen: net.Listen does socket(), bind() and listen() in one call.
func Serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := handle(conn); err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
		}
	}
}
