package harness

import (
	"strings"
	"time"

	"github.com/threadproc/threadproc/harness/procs"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native
)

// strayMark is in the line [Main] writes in a copy of the test binary that a
// learner's server started but that did not enter worker mode.
const strayMark = "did not enter worker mode"

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
		ginkgo.Fail("A copy of your program that your server started as a worker did not enter worker mode, " +
			"or left it and carried on with the rest of the program: the worker mode did not take over, so " +
			"the harness stopped the copy. The copy said:\n    " + strings.Join(lines, "\n    ") + "\n\n" +
			"A worker is your program started again, with the connection as fd 3 and a mark in its " +
			"environment. The very first thing the program does (before the tests, or main's own work) must " +
			"be to notice that mark, serve the connection, and exit: check that the server sets the mark the " +
			"check looks for, that the check runs first, and that the worker exits once its client is served.")
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
// worker mode.
func (s *Server) strayLines() []string {
	var out []string
	for _, line := range strings.Split(s.Output(), "\n") {
		if strings.HasPrefix(line, childPrefix) && strings.Contains(line, strayMark) {
			out = append(out, strings.TrimPrefix(line, childPrefix))
		}
	}
	return out
}
