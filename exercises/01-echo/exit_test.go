package echo_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// exactExit is the hint for lines that only look like exit.
const exactExit = "only a line that is exactly \"exit\" ends the connection; compare the whole line, not a prefix, " +
	"and do not change case or trim spaces."

var _ = Describe("exit", harness.Task(3), func() {
	var c *harness.Client
	BeforeEach(func() { c = harness.StartServer("echo").Dial() })

	It("closes the connection on \"exit\" without echoing it", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.SendLine("bye soon")
		c.ExpectLine("bye soon")
		c.SendLine("exit")
		c.ExpectClosed("\"exit\" is a command, not a message: do not write it back, close the connection.")
	})

	It("accepts \"exit\" ended by \"\\r\\n\", as telnet sends it", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.Send("telnet ends lines with CR LF\r\n")
		c.ExpectLine("telnet ends lines with CR LF\r", "echo every byte of the line, \"\\r\" included.")
		c.Send("exit\r\n")
		c.ExpectClosed("trim one \"\\r\" before the \"\\n\" when you look for \"exit\".")
	})

	It("recognises \"exit\" that arrives in pieces over several writes", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.Send("ex")
		c.ExpectOpen(harness.QuietPeriod, "wait for the whole line before you decide anything about it.")
		c.Send("it\n")
		c.ExpectClosed("collect a whole line before you compare it with \"exit\": one Read can return part of a line.")
	})

	It("does not echo lines that came after \"exit\" in the same write", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.Send("last\nexit\nnever echoed\n")
		c.ExpectLine("last")
		c.ExpectClosed("stop at the \"exit\" line, even when more lines were read with it.")
	})

	It("does not echo an unfinished \"exit\" at the end of the input", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.Send("exit")
		c.CloseWrite()
		c.ExpectClosed("\"exit\" is a command even when the client ends its side instead of sending \"\\n\".")
	})

	DescribeTable("treats lines that only look like exit as ordinary lines",
		func(ctx SpecContext, line string) {
			c.SendLine(line)
			c.ExpectLine(line, exactExit)
		},
		Entry("\"exited\"", SpecTimeout(harness.SpecDeadline), "exited"),
		Entry("\"EXIT\"", SpecTimeout(harness.SpecDeadline), "EXIT"),
		Entry("\" exit\"", SpecTimeout(harness.SpecDeadline), " exit"),
		Entry("\"exit \"", SpecTimeout(harness.SpecDeadline), "exit "),
	)
})
