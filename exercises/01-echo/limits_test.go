package echo_test

import (
	"strconv"
	"strings"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/exercises/01-echo"
	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("the line limit", harness.Task(4), func() {
	var c *harness.Client
	BeforeEach(func() { c = harness.StartServer("echo").Dial() })

	It("echoes a line of exactly MaxLineBytes", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		line := strings.Repeat("x", echo.MaxLineBytes-1)
		c.SendLine(line)
		c.ExpectLine(line, "MaxLineBytes counts the \"\\n\": a line of MaxLineBytes bytes in all is allowed.")
	})

	It("answers LineTooLong and closes the connection when a line grows past MaxLineBytes", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		// Exactly one byte too many, and no newline: a server that waits for
		// the end of the line before it checks the length waits forever.
		c.Send(strings.Repeat("y", echo.MaxLineBytes+1))
		c.ExpectLine(strings.TrimSuffix(echo.LineTooLong, "\n"), "count the bytes of the line as they arrive and give up at "+
			strconv.Itoa(echo.MaxLineBytes)+": a server that reads until \"\\n\" whatever the length can be made to "+
			"hold any amount of memory by one client.")
		c.ExpectClosed("after LineTooLong, close the connection.")
	})
})
