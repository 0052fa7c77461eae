package echo_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("exit", harness.Task(3), func() {
	var c *harness.Client
	BeforeEach(func() { c = harness.StartServer("echo").Dial() })

	When("a client sends \"exit\"", func() {
		It("closes the connection without echoing it", func() {
			c.SendLine("bye soon")
			c.ExpectLine("bye soon")
			c.SendLine("exit")
			c.ExpectClosed(tell.Say("01.exit.not-echoed"))
		})
	})

	When("lines end in \"\\r\\n\", as telnet sends them", func() {
		It("echoes the \"\\r\" with the line", func() {
			c.Send("telnet ends lines with CR LF\r\n")
			c.ExpectLine("telnet ends lines with CR LF\r", tell.Say("01.exit.echo-cr"))
		})

		It("closes the connection on \"exit\\r\\n\"", func() {
			c.Send("exit\r\n")
			c.ExpectClosed(tell.Say("01.exit.crlf"))
		})
	})

	When("\"exit\" arrives in pieces over several writes", func() {
		It("waits for the whole line, then closes the connection", func() {
			c.Deliver("ex")
			c.ExpectOpen(harness.QuietPeriod, tell.Say("01.exit.wait-whole"))
			c.Send("it\n")
			c.ExpectClosed(tell.Say("01.exit.pieces"))
		})
	})

	When("lines follow \"exit\" in the same write", func() {
		It("does not echo them", func() {
			c.Send("last\nexit\nnever echoed\n")
			c.ExpectLine("last")
			c.ExpectClosed(tell.Say("01.exit.after"))
		})
	})

	When("the input ends with an unfinished \"exit\"", func() {
		It("closes the connection without echoing it", func() {
			c.Send("exit")
			c.CloseWrite()
			c.ExpectClosed(tell.Say("01.exit.unfinished"))
		})
	})

	DescribeTable("treats lines that only look like exit as ordinary lines",
		func(line string) {
			c.SendLine(line)
			c.ExpectLine(line, tell.Say("01.exit.exact"))
		},
		Entry("\"exited\"", "exited"),
		Entry("\"EXIT\"", "EXIT"),
		Entry("\" exit\"", " exit"),
		Entry("\"exit \"", "exit "),
	)
})
