//go:build !linux

package pools

import (
	"net"
	"os"
)

// This file is GIVEN (see wakeone.go): outside Linux there is no
// EPOLLEXCLUSIVE, so a wakeOne is a net.Listener in disguise, and every idle
// worker is still woken for every client.

// wakeOne waits for clients on a listening socket the way net.Listener does.
type wakeOne struct {
	ln net.Listener
}

// newWakeOne prepares a worker to accept clients on the listening socket in
// listener. The caller closes listener afterwards.
func newWakeOne(listener *os.File) (*wakeOne, error) {
	ln, err := net.FileListener(listener)
	if err != nil {
		return nil, err
	}
	return &wakeOne{ln: ln}, nil
}

// wait returns at once: accept does the waiting here.
func (w *wakeOne) wait() error { return nil }

// accept waits for a client and takes it.
func (w *wakeOne) accept() (net.Conn, error) { return w.ln.Accept() }

// close closes the listener.
func (w *wakeOne) close() { _ = w.ln.Close() }
