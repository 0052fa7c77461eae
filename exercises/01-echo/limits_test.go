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

	It("refuses a line one byte too long even when its \"\\n\" arrives with it", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		// The short line first shifts where the long line falls in your reads,
		// so its "\n" arrives in the same read as the byte that is too many.
		c.Send("a\n" + strings.Repeat("z", echo.MaxLineBytes) + "\n")
		c.ExpectLine("a")
		c.ExpectLine(strings.TrimSuffix(echo.LineTooLong, "\n"), "a line is too long when it has more than "+
			strconv.Itoa(echo.MaxLineBytes)+" bytes counting its \"\\n\", however its bytes were split into reads: check "+
			"the length of a line you found too, not only of the unfinished rest.")
	})
})
