package goroutines_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// oneAtATime is the hint for a server that does not serve clients at the
// same time.
const oneAtATime = "your server serves one client at a time: while it serves one client, the others wait. " +
	"Start a goroutine for each accepted connection (go ...) and go straight back to Accept (TODO 1)."

// heldOpen is how many clients the barrier spec keeps connected at once.
const heldOpen = 100

// crowdSize is how many clients the largest spec connects at once.
const crowdSize = 1000

var _ = Describe("Serve, one goroutine per client", harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines") })

	It("does not let a silent client delay another client's echo", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		silent := srv.Dial() // connects, then sends nothing
		other := srv.Dial()
		other.SendLine("hello while client 1 is silent")
		other.ExpectLine("hello while client 1 is silent",
			"client 1 is connected and has sent nothing, and client 2 got no echo: "+oneAtATime)
		silent.SendLine("my turn")
		silent.ExpectLine("my turn", "a client that was silent for a while is still a client: keep serving it.")
	})

	It("does not let a client in the middle of a line delay another client's echo", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		halfway := srv.Dial()
		halfway.SendLine("I am being served")
		halfway.ExpectLine("I am being served")
		halfway.Send("half a li")
		other := srv.Dial()
		other.SendLine("hello")
		other.ExpectLine("hello", "client 1 has sent half a line and waits, and client 2 got no echo: "+oneAtATime)
		halfway.Send("ne\n")
		halfway.ExpectLine("half a line", "client 2 was answered, but client 1 was not: "+oneAtATime)
	})

	It(fmt.Sprintf("serves %d clients held open at once: each gets its echo before any of them leaves", heldOpen), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(heldOpen)
		for i, c := range clients { // one after another: no client leaves before all are answered
			line := fmt.Sprintf("client %d is here", i+1)
			c.SendLine(line)
			c.ExpectLine(line, fmt.Sprintf("all %d clients are connected at the same time, and each must be answered "+
				"while the others stay connected: %s", heldOpen, oneAtATime))
		}
		// The barrier: every client has its echo, and none has left yet.
		harness.Together(clients, func(i int, c *harness.Client) {
			c.SendLine("exit")
			c.ExpectClosed("\"exit\" closes the connection of the client that sent it.")
		})
	})

	It(fmt.Sprintf("serves %d simultaneous clients, all talking at once", crowdSize), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(crowdSize)
		harness.Together(clients, func(i int, c *harness.Client) {
			line := fmt.Sprintf("client %d of %d", i+1, crowdSize)
			c.SendLine(line)
			c.ExpectLine(line, fmt.Sprintf("%d clients are connected and talking at the same time: every one of "+
				"them needs its own goroutine (TODO 1). If only some are answered, look for a limit, a shared "+
				"buffer, or a lock held while a client is served.", crowdSize))
		})
		harness.Together(clients, func(i int, c *harness.Client) {
			c.SendLine("exit")
			c.ExpectClosed()
		})
	})

	It("keeps accepting after a client resets its connection in the middle of a line", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		rude := srv.Dial()
		rude.Send("half a li")
		rude.Reset()

		next := srv.Dial()
		next.SendLine("still there?")
		next.ExpectLine("still there?", "an error on one connection (such as \"connection reset by peer\") ends that "+
			"client's handler only: log it in the goroutine, and never return from Serve because of it.")
	})
})
