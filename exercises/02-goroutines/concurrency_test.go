package goroutines_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// heldOpen is how many clients the barrier spec keeps connected at once.
const heldOpen = 100

// crowdSize is how many clients the largest spec connects at once.
const crowdSize = 1000

var _ = Describe("Serve, one goroutine per client", harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines") })

	When("a client is connected and silent", func() {
		It("echoes another client's line meanwhile", func() {
			srv.Dial() // connects, then sends nothing
			other := srv.Dial()
			other.SendLine("hello while client 1 is silent")
			other.ExpectLine("hello while client 1 is silent", tell.Say("02.serve.silent-blocks"))
		})

		It("serves the silent client once it speaks", func() {
			silent := srv.Dial()
			other := srv.Dial()
			other.SendLine("hello")
			other.ExpectLine("hello", tell.Say("02.serve.silent-blocks"))
			silent.SendLine("my turn")
			silent.ExpectLine("my turn", tell.Say("02.serve.silent-served"))
		})
	})

	When("a client is in the middle of a line", func() {
		var halfway *harness.Client
		BeforeEach(func() {
			halfway = srv.Dial()
			halfway.SendLine("I am being served")
			halfway.ExpectLine("I am being served")
			halfway.Send("half a li")
		})

		It("echoes another client's line meanwhile", func() {
			other := srv.Dial()
			other.SendLine("hello")
			other.ExpectLine("hello", tell.Say("02.serve.halfway-blocks"))
		})

		It("echoes its whole line once the rest arrives", func() {
			other := srv.Dial()
			other.SendLine("hello")
			other.ExpectLine("hello", tell.Say("02.serve.halfway-blocks"))
			halfway.Send("ne\n")
			halfway.ExpectLine("half a line", tell.Say("02.serve.halfway-served"))
		})
	})

	It(fmt.Sprintf("serves %d clients held open at once: each gets its echo before any of them leaves", heldOpen), func() {
		clients := srv.DialMany(heldOpen)
		for i, c := range clients { // one after another: no client leaves before all are answered
			line := fmt.Sprintf("client %d is here", i+1)
			c.SendLine(line)
			c.ExpectLine(line, tell.Say("02.serve.held-open", heldOpen))
		}
		// The barrier: every client has its echo, and none has left yet.
		harness.Together(clients, func(i int, c *harness.Client) {
			c.SendLine("exit")
			c.ExpectClosed(tell.Say("02.exit.own"))
		})
	})

	It(fmt.Sprintf("serves %d simultaneous clients, all talking at once", crowdSize), func() {
		clients := srv.DialMany(crowdSize)
		harness.Together(clients, func(i int, c *harness.Client) {
			line := fmt.Sprintf("client %d of %d", i+1, crowdSize)
			c.SendLine(line)
			c.ExpectLine(line, tell.Say("02.serve.crowd", crowdSize))
		})
		harness.Together(clients, func(i int, c *harness.Client) {
			c.SendLine("exit")
			c.ExpectClosed(tell.Say("02.exit.own"))
		})
	})

	When("a client resets its connection in the middle of a line", func() {
		It("keeps accepting new clients", func() {
			rude := srv.Dial()
			rude.Send("half a li")
			rude.Reset()

			next := srv.Dial()
			next.SendLine("still there?")
			next.ExpectLine("still there?", tell.Say("02.serve.reset"))
		})
	})
})
