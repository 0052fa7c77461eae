package echo_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/01-echo"
	"github.com/threadproc/threadproc/harness"
)

// TestMain lets the test binary also run your server and client program in
// child processes, so that a crash in them fails one spec, not the suite.
func TestMain(m *testing.M) {
	harness.Main(m, harness.Program{
		Servers: map[string]harness.ServeFunc{"echo": echo.Serve},
		Clients: map[string]harness.ClientFunc{"echo-client": echo.RunClient},
	})
}

func TestEcho(t *testing.T) {
	RegisterFailHandler(harness.FailWithTask)
	RunSpecs(t, "01-echo")
}
