package speedup

import (
	"time"

	"github.com/threadproc/threadproc/harness/procs"
)

// sampleEvery is how often a phase reads the scheduler's times of the
// server's threads. A worker process that starts and ends between two
// readings is missed; one that lives longer than this is counted.
const sampleEvery = 5 * time.Millisecond

// sampling reads the scheduler's times of a process tree's threads until it
// is stopped, keeping for every thread the first and the last reading: a
// thread's times only grow, so the last reading before it ended is what it
// did, even when its process ended (and was reaped) before the phase did.
type sampling struct {
	pid  int
	quit chan struct{}
	done chan samples
}

// samples is what a sampling found.
type samples struct {
	first, last map[int]procs.SchedTimes
	err         error
}

// startSampling takes a first reading of pid's tree and goes on reading in
// the background until stop.
func startSampling(pid int) *sampling {
	s := &sampling{pid: pid, quit: make(chan struct{}), done: make(chan samples, 1)}
	first, err := procs.TreeSched(pid)
	if err != nil {
		s.done <- samples{err: err}
		close(s.quit)
		return s
	}
	go s.run(first)
	return s
}

// run reads until quit, then once more.
func (s *sampling) run(first map[int]procs.SchedTimes) {
	res := samples{first: first, last: map[int]procs.SchedTimes{}}
	read := func() {
		snap, err := procs.TreeSched(s.pid)
		if err != nil {
			return // the server may be ending; keep what was read
		}
		for tid, t := range snap {
			res.last[tid] = t
		}
	}
	read()
	tick := time.NewTicker(sampleEvery)
	defer tick.Stop()
	for {
		select {
		case <-s.quit:
			read()
			s.done <- res
			return
		case <-tick.C:
			read()
		}
	}
}

// stop ends the sampling and returns what it found.
func (s *sampling) stop() samples {
	select {
	case <-s.quit: // never started
	default:
		close(s.quit)
	}
	res := <-s.done
	if res.err == nil && len(res.last) == 0 {
		res.err = errNoSamples
	}
	return res
}
