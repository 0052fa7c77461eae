package processes_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/03-processes"
	"github.com/threadproc/threadproc/harness"
)

// TestMain lets the test binary also run your server in a child process, so
// that a crash in it fails one spec, not the suite. processes.WorkerMain runs
// first in every such process: a copy of the test binary that your server
// starts as a worker becomes a worker there. After Serve returns, the
// server's process checks that none of its workers is left.
func TestMain(m *testing.M) {
	harness.Main(m, harness.Program{
		Init:       processes.WorkerMain,
		Servers:    map[string]harness.ServeFunc{"processes": processes.Serve},
		AfterServe: noWorkerLeft,
	})
}

func TestProcesses(t *testing.T) {
	RegisterFailHandler(harness.FailWithTask)
	RunSpecs(t, "03-processes")
}
