package harness

import (
	"fmt"
	"time"

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
		s.forkBomb = fmt.Sprintf("%d processes at once below the server, more than the %d allowed", len(below), max)
		s.mu.Unlock()
		s.kill(fmt.Sprintf("it started %d processes at once, more than the %d this spec allows. "+
			"If every worker re-runs the program and the worker mode does not take over, each "+
			"worker starts more workers (a fork bomb)", len(below), max))
		return
	}
}
