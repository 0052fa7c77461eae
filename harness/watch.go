package harness

import (
	"time"

	"github.com/threadproc/threadproc/harness/internal/words"
	"github.com/threadproc/threadproc/harness/procs"
)

// watchEvery is how often the watchdog counts a server's processes.
const watchEvery = 100 * time.Millisecond

// watch kills the server's whole tree if it ever has more than max processes
// below it, until the server exits. Where processes cannot be inspected it
// does nothing: the process group kill at cleanup still applies.
func (s *Server) watch(max int) {
	if procs.Supported() != nil {
		return
	}
	tick := time.NewTicker(watchEvery)
	defer tick.Stop()
	for {
		select {
		case <-s.proc.Done():
			return
		case <-tick.C:
		}
		below, err := procs.Descendants(s.PID)
		if err != nil || len(below) <= max {
			continue
		}
		s.mu.Lock()
		s.forkBomb = words.Say("outcome.fork-bomb", len(below), max)
		s.mu.Unlock()
		s.kill(words.Say("kill.fork-bomb", len(below), max))
		return
	}
}
