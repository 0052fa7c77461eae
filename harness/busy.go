package harness

import (
	"errors"
	"sync"
	"time"

	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/words"
	"github.com/threadproc/threadproc/harness/procs"
)

// busyTurn is how often ExpectLineWhileBusy looks at the server's processes
// while it waits.
const busyTurn = 100 * time.Millisecond

// ExpectLineWhileBusy is [Client.ExpectLine] for a reply that may have to
// wait while the server starts up to workers processes, on a machine that
// may be busy with other work too: twenty race-built workers started at
// once can take longer than one read's deadline before the first of them
// answers. It waits while any process of the server's tree has work to run
// (a thread running or waiting for a CPU), gives up one read's
// deadline after the last moment one had, and waits no longer in all than
// [WorkersBudget] allows for workers processes. A server that has nothing
// to run and does not answer — one that serves one client at a time, say —
// fails after one read's deadline, as with ExpectLine. Where threads cannot
// be read (not Linux), it waits for the whole budget: slower to fail, never
// failing a server for the machine's slowness.
func (c *Client) ExpectLineWhileBusy(want string, workers int, hints ...string) {
	GinkgoHelper()
	start, busy := time.Now(), time.Now()
	budget := WorkersBudget(workers).Total
	got, err := c.readLine(busyTurn, func() bool {
		if c.server != nil && c.server.treeRunnable() {
			busy = time.Now()
		}
		return time.Since(busy) < ioTimeout() && time.Since(start) < budget
	})
	if err == nil && got == want+"\n" {
		return
	}
	c.problem(words.Say("reply.did"), words.Say("reply.expected-busy", quote([]byte(want+"\n")), waited(),
		budget.Round(time.Second), workers), c.describeReply(got, err, want, time.Since(start)), hints...).fail()
}

// busyLook is the last look at whether a server's processes had work to
// run, shared by its clients: one look per busyTurn however many of them
// wait, so that waiting does not take the CPU from the server.
type busyLook struct {
	mu   sync.Mutex
	at   time.Time
	busy bool
}

// treeRunnable reports whether the server's process has a thread running
// or waiting for a CPU, or a process below it is (state R, or D: in the
// kernel on its behalf, as while it starts); true where that cannot be
// read. It looks at each process below the server by its main thread only,
// in the one scan of /proc that finds them: a starting process runs there.
func (s *Server) treeRunnable() bool {
	s.busy.mu.Lock()
	defer s.busy.mu.Unlock()
	if time.Since(s.busy.at) >= busyTurn {
		s.busy.at, s.busy.busy = time.Now(), s.lookBusy()
	}
	return s.busy.busy
}

// lookBusy is one look for treeRunnable.
func (s *Server) lookBusy() bool {
	below, err := procs.Descendants(s.PID)
	if err != nil {
		return errors.Is(err, procs.ErrUnsupported) // a server that ended has nothing to run
	}
	for _, p := range below {
		if p.State == 'R' || p.State == 'D' {
			return true
		}
	}
	runnable, _, err := procs.Activity(s.PID)
	return runnable > 0 || errors.Is(err, procs.ErrUnsupported)
}
