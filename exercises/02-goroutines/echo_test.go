package goroutines_test

import (
	"fmt"
	"strings"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/exercises/internal/lineproto"
	"github.com/threadproc/threadproc/harness"
)

// Sizes of the interleaving spec.
const (
	talkers       = 20 // clients sending at the same time
	linesEach     = 50 // lines each of them sends
	piecesOfBytes = 7  // each client sends its lines in writes of this many bytes
)

var _ = Describe("handle, the echo and exit", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines") })

	It("echoes each line exactly as it came, several lines in one write too", func() {
		c := srv.Dial()
		c.SendLine("안녕하세요")
		c.ExpectLine("안녕하세요", tell.Say("02.echo.exact"))
		c.Send("one\ntwo\n")
		c.ExpectLine("one", tell.Say("02.echo.several"))
		c.ExpectLine("two", tell.Say("02.echo.several"))
	})

	It("echoes a line that only looks like \"exit\"", func() {
		c := srv.Dial()
		c.SendLine("exited")
		c.ExpectLine("exited", tell.Say("02.exit.exact"))
	})

	When("a client sends \"exit\"", func() {
		It("closes its connection without echoing it", func() {
			c := srv.Dial()
			c.SendLine("bye soon")
			c.ExpectLine("bye soon")
			c.SendLine("exit")
			c.ExpectClosed(tell.Say("02.exit.not-echoed"))
		})
	})

	When("a client ends its side after an unfinished line", func() {
		var c *harness.Client
		BeforeEach(func() {
			c = srv.Dial()
			c.Send("a\nunfinished")
			c.CloseWrite()
		})

		It("echoes the whole lines, then the unfinished rest", func() {
			c.ExpectLine("a", tell.Say("02.eof.rest"))
			c.ExpectData("unfinished", tell.Say("02.eof.rest"))
		})

		It("closes the connection after the rest", func() {
			c.ExpectData("a\nunfinished", tell.Say("02.eof.rest"))
			c.ExpectClosed(tell.Say("02.eof.close"))
		})
	})

	When("a line grows past MaxLineBytes", func() {
		var c *harness.Client
		BeforeEach(func() {
			c = srv.Dial()
			c.Send(strings.Repeat("y", lineproto.MaxLineBytes+1))
		})

		It("answers LineTooLong", func() {
			c.ExpectLine(strings.TrimSuffix(lineproto.LineTooLong, "\n"), tell.Say("02.limit.answer"))
		})

		It("closes the connection after LineTooLong", func() {
			c.ExpectLine(strings.TrimSuffix(lineproto.LineTooLong, "\n"), tell.Say("02.limit.answer"))
			c.ExpectClosed(tell.Say("02.limit.close"))
		})
	})

	It(fmt.Sprintf("gives each of %d clients sending at the same time exactly its own lines back, in order", talkers), func() {
		clients := srv.DialMany(talkers)
		harness.Together(clients, func(i int, c *harness.Client) {
			var all strings.Builder
			for j := range linesEach {
				fmt.Fprintf(&all, "client %02d says line %02d\n", i+1, j+1)
			}
			// Small writes, so that the server reads the clients' lines in
			// pieces, all mixed in time.
			for data := all.String(); data != ""; {
				n := min(piecesOfBytes, len(data))
				c.Send(data[:n])
				data = data[n:]
			}
			for j := range linesEach {
				c.ExpectLine(fmt.Sprintf("client %02d says line %02d", i+1, j+1), tell.Say("02.echo.own-lines"))
			}
		})
	})

	When("one of several clients sends \"exit\"", func() {
		var clients []*harness.Client
		BeforeEach(func() {
			clients = srv.DialMany(3)
			for i, c := range clients {
				c.SendLine(fmt.Sprintf("hello from client %d", i+1))
				c.ExpectLine(fmt.Sprintf("hello from client %d", i+1))
			}
			clients[1].SendLine("exit")
			clients[1].ExpectClosed(tell.Say("02.exit.own"))
		})

		It("keeps serving the others", func() {
			for _, i := range []int{0, 2} {
				clients[i].SendLine("still here")
				clients[i].ExpectLine("still here", tell.Say("02.exit.only-sender"))
			}
		})

		It("still accepts new clients", func() {
			newcomer := srv.Dial()
			newcomer.SendLine("and a new client")
			newcomer.ExpectLine("and a new client", tell.Say("02.exit.accepts"))
		})
	})
})
