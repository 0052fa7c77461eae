package processes_test

import (
	"net"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/03-processes"
	"github.com/threadproc/threadproc/harness"
)

// TestMain lets the test binary also run your server in a child process, so
// that a crash in it fails one spec, not the suite. processes.WorkerMain runs
// first in every such process: a copy of the test binary that your server
// starts as a worker becomes a worker there. The moment Serve returns, the
// server's process looks for workers it left running or unreaped.
func TestMain(m *testing.M) {
	harness.Main(m, harness.Program{
		Init:       processes.WorkerMain,
		Servers:    map[string]harness.ServeFunc{"processes": serveThenLook},
		AfterServe: func() error { return leftAtReturn },
	})
}

// leftAtReturn is what noWorkerLeft found when Serve returned.
var leftAtReturn error

// serveThenLook runs your Serve, and looks for its workers as soon as it
// returns, in the same goroutine: a worker killed but not waited for may be
// reaped by its reaper goroutine a moment later, and a later look would
// miss it.
func serveThenLook(ln net.Listener) error {
	err := processes.Serve(ln)
	leftAtReturn = noWorkerLeft()
	return err
}

func TestProcesses(t *testing.T) {
	RegisterFailHandler(harness.FailWithTask)
	RunSpecs(t, "03-processes")
}
