package goroutines

import "net"

// misbehave panics before Serve accepts anyone.
func misbehave(ln net.Listener) {
	panic("misbehave: a panic at the start of Serve, listening on " + ln.Addr().String())
}
