package choose_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
)

// TestMain lets the test binary also run your server (and its worker
// processes) in child processes, so that a crash in them fails one spec, not
// the suite. choose.WorkerMain runs first in every such process: a copy that
// your pool starts becomes a worker there. After Serve returns, the server's
// process checks that none of its workers is left.
func TestMain(m *testing.M) {
	harness.Main(m, harness.Program{
		Init:       choose.WorkerMain,
		Servers:    map[string]harness.ServeFunc{"choose": choose.Serve},
		AfterServe: noWorkerLeft,
	})
}

func TestChoose(t *testing.T) {
	RegisterFailHandler(harness.FailWithTask)
	RunSpecs(t, "06-choose")
}
