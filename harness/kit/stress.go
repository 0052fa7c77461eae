package kit

import (
	"fmt"
	"os"
	"time"

	"github.com/threadproc/threadproc/harness/internal/proc"
)

// Stress is CPU-bound load that the kit runs beside its suites, to prove
// that verdicts do not depend on an idle machine: Load busy loops, each in a
// process of its own, for as long as the kit command runs.
type Stress struct {
	burners []*proc.Process
}

// burnerRole is the hidden kit subcommand that a busy loop runs as.
const burnerRole = "burn"

// burnerLimit bounds a busy loop's life even if nothing stops it (the kit
// stops its burners when it ends; on Linux they also die with it).
const burnerLimit = 3 * time.Hour

// StartStress starts load busy loops (none for load 0). Each is a copy of
// the kit's own program running [Burn], in a process group of its own,
// tagged like every process a kit command starts. Stop them with
// [Stress.Stop]; they also end on their own if the kit dies, or after
// burnerLimit.
func StartStress(load int) (*Stress, error) {
	s := &Stress{}
	if load <= 0 {
		return s, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	for range load {
		p, err := proc.Start(exe, []string{burnerRole}, proc.Options{Env: []string{runTag.String(), "GOMAXPROCS=1",
			burnerParentKey + "=" + fmt.Sprint(os.Getpid())}})
		if err != nil {
			s.Stop()
			return nil, fmt.Errorf("starting a busy loop: %w", err)
		}
		s.burners = append(s.burners, p)
	}
	return s, nil
}

// Stop kills the busy loops and waits (bounded) for each to be reaped.
func (s *Stress) Stop() {
	for _, p := range s.burners {
		p.Kill()
	}
	s.burners = nil
}

// String says what load runs, for the kit's first line of output.
func (s *Stress) String() string {
	if len(s.burners) == 0 {
		return "no extra load"
	}
	return fmt.Sprintf("%d CPU-bound busy loop(s) running beside the suites", len(s.burners))
}

// burnerParentKey names the kit process a busy loop belongs to.
const burnerParentKey = "THREADPROC_BURN_PARENT"

// Burn is a busy loop: it keeps one CPU busy until its kit process is gone
// (checked every few milliseconds of work) or burnerLimit has passed.
// The kit's main runs it for the hidden subcommand "burn".
func Burn() {
	parent := os.Getenv(burnerParentKey)
	deadline := time.Now().Add(burnerLimit)
	x := uint64(1)
	for time.Now().Before(deadline) {
		for range 1 << 20 { // a few milliseconds of arithmetic
			x = x*6364136223846793005 + 1442695040888963407
		}
		if fmt.Sprint(os.Getppid()) != parent {
			break // the kit is gone: this loop was orphaned
		}
	}
	if x == 0 {
		fmt.Println() // keeps the loop from being optimised away
	}
}

// IsBurner reports whether args name the hidden busy-loop subcommand.
func IsBurner(args []string) bool { return len(args) == 2 && args[1] == burnerRole }
