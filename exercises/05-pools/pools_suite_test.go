package pools_test

import (
	"fmt"
	"net"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/05-pools"
	"github.com/threadproc/threadproc/harness"
)

// The specs run each server with a small K, its number of workers.
const (
	// poolWorkers is K of the goroutine pool.
	poolWorkers = 2
	// preforkWorkers is K of the prefork server.
	preforkWorkers = 3
)

// The servers' names, which say their K.
var (
	poolServer    = fmt.Sprintf("goroutine-pool-%d", poolWorkers)
	preforkServer = fmt.Sprintf("prefork-%d", preforkWorkers)
)

// The thundering-herd spec (task 6) compares the prefork server with one
// worker and with herdWorkers workers.
const herdWorkers = 8

// The servers of the thundering-herd spec.
var (
	herdOne  = "prefork-1"
	herdMany = fmt.Sprintf("prefork-%d", herdWorkers)
)

// oneWorkerServer is the spec's own server for task 3: it starts a single
// worker process running your WorkerMain (see oneworker_test.go).
const oneWorkerServer = "one-worker"

// TestMain lets the test binary also run your servers in child processes,
// so that a crash in them fails one spec, not the suite. pools.WorkerMain
// runs first in every such process: a copy of the test binary that a
// supervisor starts as a worker becomes a worker there. The moment Serve
// returns, the server's process looks for worker processes it left running
// or unreaped, and then for goroutines of yours left running.
func TestMain(m *testing.M) {
	harness.Main(m, harness.Program{
		Init: pools.WorkerMain,
		Servers: map[string]harness.ServeFunc{
			poolServer:      watched(func(ln net.Listener) error { return pools.ServeGoroutinePool(ln, poolWorkers) }),
			preforkServer:   watched(func(ln net.Listener) error { return pools.ServePrefork(ln, preforkWorkers) }),
			oneWorkerServer: watched(serveOneWorker),
			herdOne:         watched(func(ln net.Listener) error { return pools.ServePrefork(ln, 1) }),
			herdMany:        watched(func(ln net.Listener) error { return pools.ServePrefork(ln, herdWorkers) }),
		},
		AfterServe: nothingLeft,
	})
}

func TestPools(t *testing.T) {
	RegisterFailHandler(harness.FailWithTask)
	RunSpecs(t, "05-pools")
}
