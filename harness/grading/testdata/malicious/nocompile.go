package goroutines

import "net"

// misbehave does not compile: a string is not an int.
func misbehave(ln net.Listener) {
	var n int = "not a number"
	_, _ = n, ln
}
