package cpu_test

import (
	"net"
	"net/netip"
	"slices"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
	"github.com/threadproc/threadproc/harness/speedup"
)

// startEachWorker is the hint for a server that waits for its workers.
const startEachWorker = "start each worker with startWorker and reap it with `go cmd.Wait()`, then go back to " +
	"Accept at once: a server that waits for a worker (cmd.Wait, or cmd.Run) serves one client at a time."

// workerEnvHint is the hint for workers started without GOMAXPROCS=1.
const workerEnvHint = "give each worker \"GOMAXPROCS=N\" in its environment when cfg.MaxProcs > 0: " +
	"startWorker(conn, \"GOMAXPROCS=1\")."

// ownerWait bounds waiting for the hand-off of a connection to a worker.
const ownerWait = 5 * time.Second

var _ = Describe("ServeProcesses with MaxProcs 1", harness.Task(4), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("processes-maxprocs-1") })

	It("answers \"work N\" with the digest, echoes other lines, and closes on exit", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine(work(1000))
		c.ExpectLine(digest(1000), startEachWorker)
		c.SendLine("workshop")
		c.ExpectLine("workshop")
		c.SendLine("exit")
		c.ExpectClosed("the worker closes the connection on \"exit\"; the server must not keep a copy of it open " +
			"(close conn once startWorker returns).")
	})

	It("serves two connected clients at once, each in its own worker process with GOMAXPROCS=1", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		a, b := srv.Dial(), srv.Dial()
		a.SendLine(work(10))
		a.ExpectLine(digest(10), startEachWorker)
		b.SendLine(work(20))
		b.ExpectLine(digest(20), startEachWorker)
		if err := procs.Supported(); err != nil {
			Skip("the replies were right, but this system does not let the spec see which process owns a " +
				"connection: " + err.Error())
		}
		ownerA, ownerB := workerOf(srv, a), workerOf(srv, b)
		Expect(ownerA).NotTo(Equal(ownerB), "both clients are served by process %d: each client needs a worker "+
			"of its own (TODO 4)", ownerA)
		withEnv, err := procs.WithEnv("GOMAXPROCS", "1")
		if err != nil {
			return // environments cannot be read here (macOS)
		}
		for _, pid := range []int{ownerA, ownerB} {
			Expect(withEnv).To(ContainElement(pid), "worker %d does not have GOMAXPROCS=1 in its environment. %s "+
				"(TODO 4)", pid, workerEnvHint)
		}
	})

	It("still runs two clients' jobs in parallel, though every worker has GOMAXPROCS=1", Serial, Label("timing"), SpecTimeout(timingDeadline), func(ctx SpecContext) {
		expectTiming(srv, speedup.Parallel, startEachWorker, "each worker is its own process with its own GOMAXPROCS=1: the kernel runs the workers on "+
			"different CPUs. Check that every client gets a worker of its own and that the server does not wait "+
			"for one worker before it starts the next.")
	})
})

// workerOf returns the one process that holds c's connection on the server
// side, and fails the spec unless it is a worker: a process below the
// server, not the server itself.
func workerOf(srv *harness.Server, c *harness.Client) int {
	GinkgoHelper()
	local, remote := addrPort(c.Conn().RemoteAddr()), addrPort(c.Conn().LocalAddr())
	var owners []int
	// Right after the hand-off both the server and the worker can hold the
	// connection for a moment: wait for one owner.
	Eventually(func() []int {
		owners, _ = procs.SocketOwners(local, remote)
		return owners
	}).WithTimeout(ownerWait).WithPolling(20*time.Millisecond).Should(HaveLen(1),
		"%s's connection should be held by exactly one process, its worker; it was held by %v. "+
			"Close the server's copy of conn once startWorker returns (TODO 4).", c.Name, owners)
	owner := owners[0]
	Expect(owner).NotTo(Equal(srv.PID), "%s is served by the server process itself (pid %d), not by a worker "+
		"process: hand each connection to startWorker (TODO 4).", c.Name, srv.PID)
	below, err := procs.Descendants(srv.PID)
	Expect(err).NotTo(HaveOccurred())
	Expect(slices.ContainsFunc(below, func(p procs.Info) bool { return p.PID == owner })).To(BeTrue(),
		"%s is served by process %d, which is not one of the server's worker processes (TODO 4).", c.Name, owner)
	return owner
}

// addrPort converts a TCP address.
func addrPort(a net.Addr) netip.AddrPort {
	return a.(*net.TCPAddr).AddrPort()
}
