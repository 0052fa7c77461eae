package cpu_test

import (
	"strconv"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/04-cpu"
	"github.com/threadproc/threadproc/harness"
)

// rawBytes is the hint for digests computed from the wrong input.
const rawBytes = "each round hashes the 32 raw bytes of the previous digest (digest[:]), not its hex text, " +
	"and the first round hashes 32 zero bytes, not an empty input."

var _ = Describe("Work, the CPU-bound job", harness.Task(1), func() {
	// These specs run your Work in the spec's own small server (a child
	// process): each line is a number N, and it answers Work(N).
	var c *harness.Client
	BeforeEach(func() { c = harness.StartServer("work").Dial() })

	It("hashes 32 zero bytes N times over and answers the last digest in hex", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.SendLine("0")
		c.ExpectLine(digest(0), "Work(0) hashes nothing: it is the 32 zero bytes themselves, as 64 \"0\" digits.")
		c.SendLine("1")
		c.ExpectLine(digest(1), "Work(1) is sha256.Sum256 of 32 zero bytes, in lowercase hex (hex.EncodeToString).")
		for _, n := range []int{2, 1000, 54321} {
			c.SendLine(strconv.Itoa(n))
			c.ExpectLine(digest(n), rawBytes)
		}
	})

	It("returns ErrRounds for a negative number of rounds", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.SendLine("-1")
		c.ExpectLine(rejected, "return cpu.ErrRounds itself (or an error that wraps it with %w) when rounds < 0.")
	})

	It("returns ErrRounds at once for more than MaxRounds rounds, without working first", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.SendLine(ping)
		c.ExpectLine(pong) // the server process is up
		start := time.Now()
		c.SendLine(strconv.Itoa(cpu.MaxRounds + 1))
		c.ExpectLine(rejected, "check rounds against MaxRounds before the loop: a client must not be able to make "+
			"the server burn a CPU for as long as it likes.")
		Expect(time.Since(start)).To(BeNumerically("<", time.Second),
			"Work(MaxRounds+1) returned ErrRounds, but only after %v: check the number of rounds before you "+
				"start hashing (TODO 1).", time.Since(start).Round(time.Millisecond))
	})
})
