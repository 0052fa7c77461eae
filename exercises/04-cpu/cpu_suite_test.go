package cpu_test

import (
	"net"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/04-cpu"
	"github.com/threadproc/threadproc/harness"
)

// serveWith adapts one of your servers and a Config to what the harness runs.
func serveWith(serve func(net.Listener, cpu.Config) error, cfg cpu.Config) harness.ServeFunc {
	return func(ln net.Listener) error { return serve(ln, cfg) }
}

// TestMain lets the test binary also run your servers (and their worker
// processes) in child processes, so that a crash in them fails one spec, not
// the suite. cpu.WorkerMain runs first in every such process: a copy started
// by ServeProcesses becomes a worker there. After Serve returns, the server's
// process checks that every worker that ended has been reaped.
func TestMain(m *testing.M) {
	harness.Main(m, harness.Program{
		Init: cpu.WorkerMain,
		Servers: map[string]harness.ServeFunc{
			"work":                  serveWork, // the spec's own server around your Work (task 1)
			"goroutines":            serveWith(cpu.ServeGoroutines, cpu.Config{}),
			"goroutines-maxprocs-1": serveWith(cpu.ServeGoroutines, cpu.Config{MaxProcs: 1}),
			"processes-maxprocs-1":  serveWith(cpu.ServeProcesses, cpu.Config{MaxProcs: 1}),
			"goroutines-maxjobs-1":  serveWith(cpu.ServeGoroutines, cpu.Config{MaxJobs: 1}),
		},
		AfterServe: noWorkerUnreaped,
	})
}

func TestCPU(t *testing.T) {
	RegisterFailHandler(harness.FailWithTask)
	RunSpecs(t, "04-cpu")
}
