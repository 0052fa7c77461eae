package echo_test

import (
	"strings"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/exercises/01-echo"
	"github.com/threadproc/threadproc/harness"
)

// tooLong is the reply to a line past the limit, without its "\n".
var tooLong = strings.TrimSuffix(echo.LineTooLong, "\n")

var _ = Describe("the line limit", harness.Task(4), func() {
	var c *harness.Client
	BeforeEach(func() { c = harness.StartServer("echo").Dial() })

	It("echoes a line of exactly MaxLineBytes", func() {
		line := strings.Repeat("x", echo.MaxLineBytes-1)
		c.SendLine(line)
		c.ExpectLine(line, tell.Say("01.limit.exact"))
	})

	When("a line grows past MaxLineBytes before its \"\\n\"", func() {
		// Exactly one byte too many, and no newline: a server that waits for
		// the end of the line before it checks the length waits forever.
		BeforeEach(func() { c.Send(strings.Repeat("y", echo.MaxLineBytes+1)) })

		It("answers LineTooLong without waiting for the \"\\n\"", func() {
			c.ExpectLine(tooLong, tell.Say("01.limit.count", echo.MaxLineBytes))
		})

		It("closes the connection after LineTooLong", func() {
			c.ExpectLine(tooLong, tell.Say("01.limit.count", echo.MaxLineBytes))
			c.ExpectClosed(tell.Say("01.limit.close"))
		})
	})

	When("the \"\\n\" of a line one byte too long arrives with the byte too many", func() {
		It("refuses the line all the same", func() {
			// The short line first shifts where the long line falls in your
			// reads, so its "\n" arrives in the same read as the byte that is
			// too many.
			c.Send("a\n" + strings.Repeat("z", echo.MaxLineBytes) + "\n")
			c.ExpectLine("a")
			c.ExpectLine(tooLong, tell.Say("01.limit.found", echo.MaxLineBytes))
		})
	})
})
