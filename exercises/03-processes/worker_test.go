package processes_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("WorkerMain, the worker's side", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("echoes each line its client sends", func() {
		c := srv.Dial()
		c.SendLine("안녕하세요")
		c.ExpectLine("안녕하세요", msg("03.serve-fd3"))
		c.Send("one\ntwo\n")
		c.ExpectLine("one")
		c.ExpectLine("two")
		c.SendLine("exited")
		c.ExpectLine("exited")
	})

	When("its client sends \"exit\"", func() {
		It("closes the connection without echoing it", func() {
			c := srv.Dial()
			greet(c, msg("03.serve-fd3"))
			c.SendLine("exit")
			c.ExpectClosed(msg("03.exit.closes"))
		})
	})

	When("a client's worker crashes", func() {
		var clients []*harness.Client
		BeforeEach(func() {
			clients = srv.DialMany(3)
			greetAll(clients, msg("03.serve-fd3"))
			clients[0].SendLine("crash")
		})
		// crashed waits until client 1's connection has ended: its worker has
		// crashed (and, in a server that serves clients in goroutines, the
		// whole server with it).
		crashed := func() {
			GinkgoHelper()
			clients[0].ExpectClosed(msg("03.crash.closes"))
		}

		It("closes that client's connection", func() {
			crashed()
		})

		It("goes on serving the other clients", func() {
			crashed()
			for _, c := range clients[1:] {
				c.SendLine("still here after client 1's crash")
				c.ExpectLine("still here after client 1's crash", msg("03.crash-domain"))
			}
		})

		It("goes on accepting new clients", func() {
			crashed()
			newcomer := srv.Dial()
			newcomer.SendLine("a new client after the crash")
			newcomer.ExpectLine("a new client after the crash", msg("03.crash.newcomer", msg("03.crash-domain")))
		})
	})

	It("keeps each worker's memory to itself: \"count\" counts only its own client's lines", func() {
		first, second := srv.Dial(), srv.Dial()
		for i := range 3 {
			line := fmt.Sprintf("client 1, line %d", i+1)
			first.SendLine(line)
			first.ExpectLine(line, msg("03.serve-fd3"))
		}
		second.SendLine("client 2, line 1")
		second.ExpectLine("client 2, line 1", msg("03.serve-fd3"))

		second.SendLine("count")
		second.ExpectLine(countLine(1), msg("03.count.second", msg("03.shared-memory")))
		first.SendLine("count")
		first.ExpectLine(countLine(3), msg("03.count.first", msg("03.shared-memory")))
		third := srv.Dial()
		third.SendLine("count")
		third.ExpectLine(countLine(0), msg("03.count.third", msg("03.shared-memory")))
	})
})
