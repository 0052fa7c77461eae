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

// onlyItsOwn is the hint for a client that got another client's bytes.
const onlyItsOwn = "each handler must read from and write to its own connection only, with buffers of its " +
	"own: a variable shared by all handlers (a package-level buffer or reader) mixes the clients' lines, and the " +
	"race detector reports such sharing as a data race (TODO 2)."

var _ = Describe("handle, the echo and exit", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines") })

	It("echoes each line and closes the connection on \"exit\" without echoing it", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine("안녕하세요")
		c.ExpectLine("안녕하세요", "write each line back exactly as it came, \"\\n\" included.")
		c.Send("one\ntwo\n")
		c.ExpectLine("one", "one read can bring several lines: lineproto's Next returns them one by one.")
		c.ExpectLine("two")
		c.SendLine("exited")
		c.ExpectLine("exited", "only a line that is exactly \"exit\" ends the connection (lineproto.Is).")
		c.SendLine("exit")
		c.ExpectClosed("\"exit\" is a command, not a message: do not write it back, close the connection.")
	})

	It("echoes what a half-closed client sent, then closes the connection", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.Send("a\nunfinished")
		c.CloseWrite()
		c.ExpectLine("a")
		c.ExpectData("unfinished", "at the end of the input, Next returns what is left with io.EOF: echo it, then close.")
		c.ExpectClosed("after the client's end of file, close the connection.")
	})

	It("answers LineTooLong and closes the connection when a line grows past MaxLineBytes", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.Send(strings.Repeat("y", lineproto.MaxLineBytes+1))
		c.ExpectLine(strings.TrimSuffix(lineproto.LineTooLong, "\n"),
			"when Next returns lineproto.ErrLineTooLong, write lineproto.LineTooLong and stop.")
		c.ExpectClosed("after LineTooLong, close the connection.")
	})

	It(fmt.Sprintf("gives each of %d clients sending at the same time exactly its own lines back, in order", talkers), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
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
				c.ExpectLine(fmt.Sprintf("client %02d says line %02d", i+1, j+1), onlyItsOwn)
			}
		})
	})

	It("closes only the connection of the client that sent \"exit\"; the others keep being served", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(3)
		for i, c := range clients {
			c.SendLine(fmt.Sprintf("hello from client %d", i+1))
			c.ExpectLine(fmt.Sprintf("hello from client %d", i+1))
		}
		clients[1].SendLine("exit")
		clients[1].ExpectClosed("\"exit\" closes the connection of the client that sent it.")

		onlyTheSender := "client 2 sent \"exit\", and your server ended this client's connection too: \"exit\" ends " +
			"only the connection of the client that sent it. Return from that client's handler; leave the other " +
			"connections and the listener alone (TODO 2)."
		for _, i := range []int{0, 2} {
			clients[i].SendLine("still here")
			clients[i].ExpectLine("still here", onlyTheSender)
		}
		newcomer := srv.Dial()
		newcomer.SendLine("and a new client")
		newcomer.ExpectLine("and a new client", "after one client's \"exit\", the server still accepts new clients.")
	})
})
