package echo

import "net"

// Serve accepts clients on ln one after another and serves each one with
// handle until it leaves. It returns nil once ln is closed.
//
// The caller has already created the socket, bound it to an address and made
// it listen: net.Listen does socket(), bind() and listen() in one call.
func Serve(ln net.Listener) error {
	// TODO(1): accept clients in a loop, serve each one with handle, and
	// return nil when Accept fails because ln was closed (net.ErrClosed).
	// Log handle's errors and go on with the next client.
	return notImplemented(1)
}
