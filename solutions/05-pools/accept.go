package pools

import (
	"errors"
	"log"
	"net"
	"time"
)

// Backing off a failing Accept, as net/http's Server does.
const (
	firstRetry = 5 * time.Millisecond
	maxRetry   = time.Second
)

// accept waits for the next client of ln and returns its connection, like
// ln.Accept. Unlike ln.Accept, it rides out the errors that pass, so that
// the pool's accept loop can use it: it returns an error only once ln is
// closed (errors.Is(err, net.ErrClosed)).
//
// The error that passes is the one a busy server meets first: "accept4: too
// many open files" (EMFILE). Every connection is a file descriptor, and a
// process may have only so many open (`ulimit -n`, often 256 or 1024). Once
// it has that many, Accept fails, and the new client waits in the kernel's
// queue until a descriptor is free again, when a connected client leaves. A
// server that returns on this error drops every client it has, those the
// workers serve and those waiting in the queue.
func accept(ln net.Listener) (net.Conn, error) {
	var wait time.Duration
	for {
		conn, err := ln.Accept()
		if err == nil || errors.Is(err, net.ErrClosed) {
			return conn, err
		}
		wait = min(max(2*wait, firstRetry), maxRetry)
		log.Printf("accept: %v; trying again in %v", err, wait)
		time.Sleep(wait)
	}
}
