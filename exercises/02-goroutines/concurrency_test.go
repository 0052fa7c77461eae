package goroutines_test

import (
	"fmt"
	"runtime"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// heldOpen is how many clients the barrier spec keeps connected at once.
const heldOpen = 100

// crowdSize is how many clients the largest spec connects at once.
const crowdSize = 1000

// The descriptor spec: the server's limit on open files, and how many
// clients connect, more than fit (the server's process needs a few
// descriptors of its own too).
const (
	fileLimit      = 64
	beyondTheLimit = fileLimit + 32
)

var _ = Describe("Serve, one goroutine per client", harness.Task(1), func() {
	var srv *harness.Server
	var opts []harness.Option // how a spec wants the server started
	BeforeEach(func() { opts = nil })
	JustBeforeEach(func() { srv = harness.StartServer("goroutines", opts...) })

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
		JustBeforeEach(func() {
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
			next.SendLine("still there?", tell.Say("02.serve.reset"))
			next.ExpectLine("still there?", tell.Say("02.serve.reset"))
		})
	})

	When("the server runs out of file descriptors", func() {
		BeforeEach(func() {
			if runtime.GOOS == "windows" {
				Skip(tell.Say("02.serve.fd-windows"))
			}
			opts = append(opts, harness.WithFileLimit(fileLimit))
		})

		It("stays up, and serves the waiting clients once others leave", func() {
			clients := srv.DialMany(beyondTheLimit, tell.Say("02.serve.fd-limit", fileLimit)) // those past the limit wait in the listen backlog
			for i, c := range clients {
				c.SendLine(fmt.Sprintf("client %d", i+1))
			}
			clients[0].ExpectLine("client 1", tell.Say("02.serve.fd-limit", fileLimit))
			srv.AwaitOutOfFiles()
			// The last client cannot be accepted while the others hold every
			// descriptor: the server is full, and its Accept fails.
			clients[len(clients)-1].ExpectOpen(harness.QuietPeriod, tell.Say("02.serve.fd-limit", fileLimit))
			leaving := clients[:3*beyondTheLimit/4]
			for _, c := range leaving {
				c.Close()
			}
			for i, c := range clients[len(leaving):] {
				c.ExpectLine(fmt.Sprintf("client %d", len(leaving)+i+1), tell.Say("02.serve.fd-limit", fileLimit))
			}
		})
	})
})
