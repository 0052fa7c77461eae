package harness

import (
	"github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/internal/words"
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
		ginkgo.Skip(words.Say("unjudged", err.Error()))
	}
	if !s.proc.Wait(proc.KillWait) {
		ginkgo.Fail(words.Say("interrupt.no-end", s.PID, proc.KillWait))
	}
}
