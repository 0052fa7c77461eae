package echo_test

import (
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

// clientWait bounds how long a spec waits for a client program to end once
// the spec's server is done with it.
const clientWait = 10 * time.Second

// longReply is a reply longer than any one Read a client might make with a
// fixed buffer (1 KiB, Python's recv(1024), or 4 KiB), and shorter than the
// 64 KiB that bufio.Scanner reads by default from the client's input.
var longReply = strings.Repeat("0123456789abcdef", 1024)

// clientRun is a learner's client program talking to the spec, which plays
// the server on a real listener, so it sees exactly what the client sends.
type clientRun struct {
	prog *harness.ClientProgram
	peer *harness.Client // the spec's side of the connection
}

// runClient starts the client program with input as its standard input and
// accepts its connection.
func runClient(input string) clientRun {
	GinkgoHelper()
	ln := harness.Listen()
	prog := harness.StartClientProgram("echo-client", ln.Addr().String(), input)
	return clientRun{prog: prog, peer: prog.Accept(ln)}
}

// echo waits for line from the client and answers it, in one write.
func (r clientRun) echo(line string, hints ...string) {
	GinkgoHelper()
	r.peer.ExpectLine(line, hints...)
	r.peer.SendLine(line)
}

// wait waits for the client program to end.
func (r clientRun) wait() harness.ClientResult {
	GinkgoHelper()
	res := r.prog.Wait(clientWait)
	Expect(res.TimedOut).To(BeFalse(), because("01.client.still-running", clientWait.String()))
	return res
}

// expectPrinted waits for the client program to end and fails unless it
// printed exactly want, saying how what it printed differs.
func (r clientRun) expectPrinted(want string) {
	GinkgoHelper()
	res := r.wait()
	if res.Stdout == want {
		return
	}
	hint := tell.Say("01.client.print-exact")
	switch {
	case strings.HasPrefix(want, res.Stdout):
		hint = tell.Say("01.client.print-part", len(res.Stdout), len(want))
	case res.Stdout == strings.ReplaceAll(want, "\n", "\n\n"):
		hint = tell.Say("01.client.print-extra-newline")
	}
	Fail(tell.Say("01.client.printed", shortQuote(res.Stdout), len(res.Stdout), shortQuote(want), len(want),
		hint, res.Stderr))
}

// shortQuote quotes s as a Go string, its middle cut out if it is long.
func shortQuote(s string) string {
	const keep = 40
	if len(s) <= 2*keep {
		return strconv.Quote(s)
	}
	return strconv.Quote(s[:keep]) + " … " + strconv.Quote(s[len(s)-keep:])
}

var _ = Describe("RunClient, the client program", harness.Task(5), func() {
	When("its input ends with \"exit\"", func() {
		// greet runs the client on lines before "exit" and lines after it,
		// and answers the two before.
		greet := func() clientRun {
			GinkgoHelper()
			r := runClient("hello\n안녕하세요\nexit\nnot sent\n")
			r.echo("hello", tell.Say("01.client.send-newline"))
			r.echo("안녕하세요", tell.Say("01.client.next-line"))
			return r
		}

		It("sends each input line with its \"\\n\"", func() { greet() })

		It("prints each reply exactly as the server sent it", func() {
			r := greet()
			r.peer.ExpectLine("exit")
			r.peer.Close()
			r.expectPrinted("hello\n안녕하세요\n")
		})

		It("sends \"exit\", then closes the connection without sending the lines after it", func() {
			r := greet()
			r.peer.ExpectLine("exit", tell.Say("01.client.send-exit"))
			r.peer.ExpectClosed(tell.Say("01.client.stop-after-exit"))
		})

		It("returns nil", func() {
			r := greet()
			r.peer.ExpectLine("exit")
			r.peer.Close()
			res := r.wait()
			Expect(res.ExitCode).To(Equal(0), because("01.client.nil-after-exit", res.Stderr))
		})
	})

	When("its input ends without \"exit\"", func() {
		It("closes the connection", func() {
			r := runClient("only line\n")
			r.echo("only line")
			r.peer.ExpectClosed(tell.Say("01.client.close-at-end"))
		})

		It("returns nil", func() {
			r := runClient("only line\n")
			r.echo("only line")
			r.peer.ExpectClosed()
			res := r.wait()
			Expect(res.ExitCode).To(Equal(0), because("01.client.nil-at-end", res.Stderr))
		})
	})

	When("the server closes the connection instead of answering", func() {
		It("returns an error", func() {
			r := runClient("anyone there?\n")
			r.peer.ExpectLine("anyone there?")
			r.peer.Close()
			res := r.wait()
			Expect(res.ExitCode).NotTo(Equal(0), because("01.client.no-reply", res.Stdout))
		})
	})

	When("a reply is longer than one read", func() {
		It("prints the whole reply", func() {
			r := runClient(longReply + "\n")
			r.echo(longReply)
			r.peer.ExpectClosed()
			r.expectPrinted(longReply + "\n")
		})
	})

	When("a reply arrives in pieces over several writes", func() {
		It("waits for the reply's \"\\n\" before it sends the next line", func() {
			r := runClient("first\nsecond\n")
			r.peer.ExpectLine("first")
			// The spec's pauses are checks: while the reply is unfinished, the
			// client must send nothing (no next line, no close).
			for _, piece := range []string{"fi", "rs"} {
				r.peer.Deliver(piece)
				r.peer.ExpectOpen(harness.QuietPeriod, tell.Say("01.client.wait-newline"))
			}
			r.peer.Send("t\n")
			r.echo("second")
			r.peer.ExpectClosed()
			r.expectPrinted("first\nsecond\n")
		})
	})
})
