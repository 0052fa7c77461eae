package goroutines

import "net"

// raced is written by two goroutines with nothing ordering the writes.
var raced int

// misbehave races: the race detector reports it in every server it starts.
func misbehave(ln net.Listener) {
	_ = ln
	done := make(chan struct{})
	go func() {
		raced++
		close(done)
	}()
	raced++
	<-done
}
