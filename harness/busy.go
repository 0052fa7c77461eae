package harness

import (
	"errors"
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
// answers. It waits while any process of the server's tree has a thread
// running or waiting for a CPU (procs.Activity), gives up one read's
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

// treeRunnable reports whether the server's process, or any process below
// it, has a thread running or waiting for a CPU; true where that cannot be
// read.
func (s *Server) treeRunnable() bool {
	below, err := procs.Descendants(s.PID)
	if err != nil {
		return errors.Is(err, procs.ErrUnsupported) // a server that ended has nothing to run
	}
	pids := []int{s.PID}
	for _, p := range below {
		pids = append(pids, p.PID)
	}
	for _, pid := range pids {
		runnable, _, err := procs.Activity(pid)
		if runnable > 0 || errors.Is(err, procs.ErrUnsupported) {
			return true
		}
	}
	return false
}
