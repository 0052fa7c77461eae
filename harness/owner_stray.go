package harness

import (
	"strings"
	"time"

	"github.com/threadproc/threadproc/harness/internal/words"
	"github.com/threadproc/threadproc/harness/procs"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native
)

// ExpectWorkerModes registers a check that runs when the spec ends: if any
// copy of the program that the server started did not enter worker mode (so
// [Main] stopped it at once), the spec fails and says so, quoting the
// copy's own line. Call it right after [StartServer] in suites whose servers
// re-run themselves as workers: without it, a missing worker mode shows only
// as connections that end without an answer.
func (s *Server) ExpectWorkerModes() {
	DeferCleanup(func() {
		// A copy that carried on writes its line as it ends, which can be
		// just after the spec's last step: wait (bounded) for the server's
		// workers to end, then for the line to come through the pipe.
		pollFor(strayWait, func() bool { return !s.hasLiveDescendants() })
		pollFor(statusWait/3, func() bool { return len(s.strayLines()) > 0 })
		lines := s.strayLines()
		if len(lines) == 0 {
			return
		}
		ginkgo.Fail(words.Say("stray.failed", strings.Join(lines, "\n    ")))
	})
}

// strayWait bounds how long ExpectWorkerModes waits for workers to end.
const strayWait = time.Second

// hasLiveDescendants reports whether the server has processes below it that
// are not zombies (false where processes cannot be inspected).
func (s *Server) hasLiveDescendants() bool {
	below, err := procs.Descendants(s.PID)
	if err != nil {
		return false
	}
	for _, p := range below {
		if !p.Zombie() {
			return true
		}
	}
	return false
}

// strayLines returns the harness lines about copies that did not enter
// worker mode, in whatever language the copy wrote them.
func (s *Server) strayLines() []string {
	var out []string
	for _, line := range strings.Split(s.Output(), "\n") {
		if strings.HasPrefix(line, childPrefix) && words.Contains(line, "child.stray.mark") {
			out = append(out, strings.TrimPrefix(line, childPrefix))
		}
	}
	return out
}
