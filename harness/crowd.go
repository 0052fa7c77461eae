package harness

import (
	"fmt"
	"sync"
	"sync/atomic"

	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native
)

// DialMany connects n clients to the server, one after another, and returns
// them in order ("client 1" first). Each is closed when the spec ends. A
// connection that fails fails the spec, like [Server.Dial].
//
// Dialing one at a time keeps the listen backlog short (macOS allows 128
// waiting connections by default) while the server accepts: the clients are
// all connected at once when DialMany returns, not necessarily all accepted.
func (s *Server) DialMany(n int) []*Client {
	GinkgoHelper()
	clients := make([]*Client, n)
	for i := range clients {
		clients[i] = s.Dial()
	}
	return clients
}

// Together calls fn once for every client, all at the same time, each call
// in a goroutine of its own, and returns once every call has returned: the
// return is a barrier that no client passes before all have arrived.
//
// fn may use its own client's methods (ExpectLine and the rest), and only
// its own: a [Client] is not safe for use by several goroutines. A failure
// in any call fails the spec with that client's message (the first failure
// is the one reported); the other calls still run to their end, which is
// bounded because every read and write has a deadline, and then Together
// ends the spec.
func Together(clients []*Client, fn func(i int, c *Client)) {
	GinkgoHelper()
	var wg sync.WaitGroup
	var failed atomic.Int64
	for i, c := range clients {
		wg.Go(func() {
			defer GinkgoRecover()
			finished := false
			defer func() { // runs before GinkgoRecover, while a failure still unwinds
				if !finished {
					failed.Add(1)
				}
			}()
			fn(i, c)
			finished = true
		})
	}
	wg.Wait()
	if n := failed.Load(); n > 0 {
		Fail(fmt.Sprintf("%d of %d clients failed; the first failure is reported above", n, len(clients)))
	}
}

// RunServer starts the server called name in a child process, exactly as
// [StartServer] does, for code that runs outside a spec, such as a benchmark
// measuring the server's memory with package procs while many clients are
// connected. It returns an error instead of failing a spec, its output is
// kept (see [Server.Output]) but not shown, and it registers no cleanup: the
// caller must end the server with [Server.Shutdown] or [Server.Kill].
func RunServer(name string, opts ...Option) (*Server, error) {
	return startServer(name, opts, nil)
}

// Kill kills the server's process group and every process that inherited
// its [Server.Tag], and waits (bounded) for the server's process to end. It
// is what a spec's cleanup does; call it after [RunServer].
func (s *Server) Kill() {
	s.mu.Lock()
	s.stopping = true
	s.mu.Unlock()
	s.kill("its owner killed it")
}
