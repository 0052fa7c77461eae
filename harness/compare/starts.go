package compare

import (
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/internal/stats"
)

// startReps is how many times each program is started by measureStarts.
const startReps = 30

// Starts is what it costs this machine to start a program and wait for it
// to end: the part of a process-per-connection visit that has nothing to do
// with the connection.
type Starts struct {
	// True is the median time to start true(1), a program that does
	// nothing, and reap it.
	True time.Duration
	// Self is the median time to start this program in a role that exits
	// at once (the Go runtime starts, then ends) and reap it.
	Self time.Duration
}

// measureStarts times startReps starts of true(1) and of this program,
// taking turns.
func measureStarts() (Starts, error) {
	truePath, err := exec.LookPath("true")
	if err != nil {
		return Starts{}, err
	}
	var trues, selves []time.Duration
	for range startReps {
		for _, list := range []*[]time.Duration{&trues, &selves} {
			cmd := exec.Command(truePath)
			if list == &selves {
				cmd = exec.Command(proc.Self(), "compare-"+roleExit)
				cmd.Env = append(os.Environ(), roleEnv+"="+roleExit)
			}
			start := time.Now()
			if err := cmd.Run(); err != nil {
				return Starts{}, fmt.Errorf("%s: %w", cmd.Path, err)
			}
			*list = append(*list, time.Since(start))
		}
	}
	return Starts{True: stats.Quantile(trues, 0.5), Self: stats.Quantile(selves, 0.5)}, nil
}
