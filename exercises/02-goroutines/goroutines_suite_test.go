package goroutines_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/02-goroutines"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/inchild"
)

// TestMain lets the test binary also run your server in a child process, so
// that a crash or a data race in it fails one spec, not the suite. After
// Serve returns, the child looks for goroutines your server left running.
func TestMain(m *testing.M) {
	harness.Main(m, harness.Program{
		Servers:    map[string]harness.ServeFunc{"goroutines": inchild.WatchGoroutines(goroutines.Serve)},
		AfterServe: func() error { return inchild.LeakedGoroutines("exercises/02-goroutines") },
	})
}

func TestGoroutines(t *testing.T) {
	RegisterFailHandler(Fail)
	RunSpecs(t, "02-goroutines")
}
