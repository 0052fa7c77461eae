package harness

import (
	"fmt"

	"github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness/internal/proc"
)

// Interrupt does to the server what Ctrl-C in a terminal does: it sends
// SIGINT to the server's whole process group, the server's process and every
// worker that stayed in its group, and waits (bounded) for the server's
// process to end. A worker that moved to a group of its own (Setpgid) gets no
// signal and lives on: [Server.ExpectNoProcessesLeft] then finds it. Where
// there are no process groups (Windows), the spec is skipped.
func (s *Server) Interrupt() {
	ginkgo.GinkgoHelper()
	s.mu.Lock()
	s.stopping = true
	s.mu.Unlock()
	if err := interruptGroup(s.PID); err != nil {
		ginkgo.Skip("not judged here: " + err.Error())
	}
	if !s.proc.Wait(proc.KillWait) {
		ginkgo.Fail(fmt.Sprintf("the server's process %d did not end within %v of Ctrl-C (SIGINT to its process "+
			"group)", s.PID, proc.KillWait))
	}
}
