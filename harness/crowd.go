package harness

import (
	"sync"
	"sync/atomic"
	"time"

	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/words"
)

// DialMany connects n clients to the server, one after another, and returns
// them in order ("client 1" first). Each is closed when the spec ends. A
// connection that fails fails the spec, like [Server.Dial], with hints.
//
// Dialing one at a time keeps the listen backlog short (macOS allows 128
// waiting connections by default) while the server accepts: the clients are
// all connected at once when DialMany returns, not necessarily all accepted.
func (s *Server) DialMany(n int, hints ...string) []*Client {
	GinkgoHelper()
	clients := make([]*Client, n)
	for i := range clients {
		clients[i] = s.Dial(hints...)
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
		Fail(words.Say("together.failed", n, len(clients)))
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
	s.kill(words.Say("kill.owner"))
}

// maxTurns bounds how many reads [Progress.ReadLine] makes for one line.
const maxTurns = 30

// Progress lets the clients of a crowd that share a server's few workers
// wait their turn. A read of [Progress.ReadLine] goes on waiting as long as
// some client of the crowd was answered within a read's deadline: a queue
// of jobs on a small or busy machine is no stall. Once the whole crowd has
// heard nothing for a read's deadline (the server stalled, or lost a slot)
// it returns what [Client.ReadLine] returns. The zero Progress is ready;
// use one per crowd, from all of its goroutines at once (each client still
// from its own only).
type Progress struct {
	last atomic.Int64 // when a client of the crowd was last answered, in Unix nanoseconds
}

// ReadLine reads c's next line like [Client.ReadLine], waiting longer while
// the crowd is being answered.
func (p *Progress) ReadLine(c *Client) (string, error) {
	p.last.CompareAndSwap(0, time.Now().UnixNano())
	var line string
	var err error
	for range maxTurns {
		line, err = c.ReadLine()
		if err == nil {
			p.last.Store(time.Now().UnixNano())
			return line, nil
		}
		if line != "" || !isTimeout(err) || time.Since(time.Unix(0, p.last.Load())) >= ioTimeout() {
			return line, err
		}
	}
	return line, err
}
