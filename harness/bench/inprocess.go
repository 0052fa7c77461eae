package bench

import (
	"bytes"
	"log"
	"net"
	"os"
	"sync"
	"testing"
	"time"
)

// InProcess runs serve on a new listener on 127.0.0.1:0 in the benchmark's
// own process and returns its address. When the benchmark ends, the
// listener is closed and serve must return nil within grace + IOTimeout.
// What the server logs meanwhile is kept, and shown only if the benchmark
// fails, so that it does not break up the results table.
func InProcess(b *testing.B, grace time.Duration, serve func(net.Listener) error) string {
	b.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	var logged syncBuffer
	log.SetOutput(&logged)
	done := make(chan error, 1)
	go func() { done <- serve(ln) }()
	b.Cleanup(func() {
		_ = ln.Close()
		select {
		case err := <-done:
			if err != nil {
				b.Errorf("Serve returned %v once its listener was closed; want nil", err)
			}
		case <-time.After(grace + IOTimeout):
			b.Errorf("Serve did not return within %v of its listener's close", grace+IOTimeout)
		}
		log.SetOutput(os.Stderr)
		if b.Failed() {
			b.Logf("the server's log:\n%s", logged.String())
		}
	})
	return ln.Addr().String()
}

// syncBuffer is a bytes.Buffer safe for use by several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write implements io.Writer.
func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

// String returns what was written.
func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}
