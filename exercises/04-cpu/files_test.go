package cpu_test

import (
	"errors"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
	"github.com/threadproc/threadproc/harness/speedup"
)

// Running out of file descriptors: every connection a process holds is one,
// and a process may have only so many open. The specs start the server with
// a low limit (harness.WithFileLimit) and connect more clients than it
// allows.
const (
	// fileLimit is the server's limit on open file descriptors: the Go
	// runtime and the listener take a few, each connection one.
	fileLimit = 64
	// pastFileLimit is how many clients the specs connect, more than
	// fileLimit: the last ones wait in the listener's queue.
	pastFileLimit = fileLimit + 16
	// spinDemand is how many CPUs a server's threads may ask for, at most,
	// while it waits for a client to leave: a server that sleeps between
	// tries of Accept asks for next to none, one that spins for about one.
	spinDemand = 0.5
)

// dialPastFileLimit connects pastFileLimit clients to srv, more than it has
// file descriptors for, and returns them in order once one from the middle
// of the crowd has had its line echoed and the server's process holds every
// descriptor it may: by then Accept fails until a client leaves.
func dialPastFileLimit(srv *harness.Server) []*harness.Client {
	GinkgoHelper()
	clients := make([]*harness.Client, 0, pastFileLimit)
	for range pastFileLimit {
		c, err := srv.TryDial()
		if err != nil {
			Fail(tell("04.files.refused", len(clients)+1, err, fileLimit) + "\n\n  hint: " +
				tell("04.hint.accept-retry", fileLimit))
		}
		clients = append(clients, c)
	}
	probe := clients[fileLimit/2]
	probe.SendLine("hello")
	probe.ExpectLine("hello", tell("04.hint.accept-retry", fileLimit))
	srv.AwaitOutOfFiles()
	return clients
}

// expectIdleWhileOutOfFiles fails the spec if srv's threads ask for
// spinDemand CPUs or more while it has no file descriptor left: they run or
// wait for a CPU, from /proc schedstat, so a busy or one-CPU machine does not
// change the verdict. Only Linux reports it; elsewhere the spec is skipped
// as not judged.
func expectIdleWhileOutOfFiles(srv *harness.Server) {
	GinkgoHelper()
	cpus, wall, err := speedup.CPUsAskedFor(srv.PID, 2*harness.QuietPeriod)
	if errors.Is(err, procs.ErrUnsupported) {
		Skip(tell("04.skip.no-sched", err))
	}
	Expect(err).NotTo(HaveOccurred(), tell("04.files.gone", wall))
	Expect(cpus).To(BeNumerically("<", spinDemand), tell("04.files.spinning", cpus, wall.Round(time.Millisecond)))
}
