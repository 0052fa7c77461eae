package goroutines

import "net"

// misbehave never returns: Serve never accepts, and every client waits.
func misbehave(ln net.Listener) {
	_ = ln
	select {}
}
