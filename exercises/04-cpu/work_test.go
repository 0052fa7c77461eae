package cpu_test

import (
	"strconv"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/04-cpu"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

// rejectCPU is more CPU time than rejecting a job can take: hashing first
// takes seconds (MaxRounds rounds), answering a line at once about nothing.
const rejectCPU = 500 * time.Millisecond

var _ = Describe("Work, the CPU-bound job", harness.Task(1), func() {
	// These specs run your Work in the spec's own small server (a child
	// process): each line is a number N, and it answers Work(N).
	var srv *harness.Server
	var c *harness.Client
	BeforeEach(func() {
		srv = harness.StartServer("work")
		c = srv.Dial()
	})

	It("is the 32 zero bytes themselves, in hex, for 0 rounds", func() {
		c.SendLine("0")
		c.ExpectLine(digest(0), tell("04.hint.zero-rounds"))
	})

	It("is the SHA-256 digest of 32 zero bytes, in hex, for 1 round", func() {
		c.SendLine("1")
		c.ExpectLine(digest(1), tell("04.hint.one-round"))
	})

	It("hashes 32 zero bytes N times over, each round the raw bytes of the digest before", func() {
		for _, n := range []int{2, 1000, 54321} {
			c.SendLine(strconv.Itoa(n))
			c.ExpectLine(digest(n), tell("04.hint.raw-bytes"))
		}
	})

	When("N is out of range", func() {
		It("returns ErrRounds for a negative number of rounds", func() {
			c.SendLine("-1")
			c.ExpectLine(rejected, tell("04.hint.negative"))
		})

		It("returns ErrRounds at once for more than MaxRounds rounds, without working first", func() {
			c.SendLine(ping)
			c.ExpectLine(pong) // the server process is up
			before, err := procs.TreeCPUTime(srv.PID)
			c.SendLine(strconv.Itoa(cpu.MaxRounds + 1))
			c.ExpectLine(rejected, tell("04.hint.max-rounds"))
			if err != nil {
				return // the reply's deadline was the check: MaxRounds rounds take longer
			}
			after, err := procs.TreeCPUTime(srv.PID)
			Expect(err).NotTo(HaveOccurred())
			Expect(after-before).To(BeNumerically("<", rejectCPU), tell("04.work.max-rounds-worked", after-before))
		})
	})
})
