package echo_test

import (
	"strings"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// noNewline is the hint for replies that lose their line ending.
const noNewline = "write the line back with its \"\\n\": the client waits for it to know the reply is complete."

var _ = Describe("handle, the echo", harness.Task(2), func() {
	var c *harness.Client
	BeforeEach(func() { c = harness.StartServer("echo").Dial() })

	It("echoes an ASCII line byte for byte", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.SendLine("hello, server")
		c.ExpectLine("hello, server", noNewline)
	})

	It("echoes UTF-8 text such as Korean unchanged", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.SendLine("안녕하세요")
		c.ExpectLine("안녕하세요", "bytes are bytes: echo what you read, do not decode or re-encode it.")
	})

	It("echoes an empty line", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.SendLine("")
		c.ExpectLine("", "a line that is only \"\\n\" is still a line: echo it.")
		c.SendLine("after the empty line")
		c.ExpectLine("after the empty line")
	})

	It("echoes a 64 KiB line", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		long := strings.Repeat("0123456789abcdef", 4096)
		c.SendLine(long)
		c.ExpectLine(long, "bufio.Scanner stops at 64 KiB tokens by default, and bufio.Reader.ReadSlice at its buffer's size: "+
			"keep the unfinished line in a buffer of your own, which can grow up to MaxLineBytes.")
	})

	It("does not answer a line before its \"\\n\" arrives, then echoes the whole line", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.Send("hel")
		c.ExpectOpen(harness.QuietPeriod, "echo whole lines, not each Read: one Read can return half a line.")
		c.Send("lo\n")
		c.ExpectLine("hello")
	})

	It("echoes several lines sent in one write, each in order", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.Send("one\ntwo\nthree\n")
		c.ExpectLine("one", "one Read can return several lines: echo each of them.")
		c.ExpectLine("two")
		c.ExpectLine("three")
	})

	It("echoes bytes that are not UTF-8, and NUL bytes, exactly", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.SendLine("\xff\xfe\x00nul\x00\x80")
		c.ExpectLine("\xff\xfe\x00nul\x00\x80", "do not convert the line to a string and back through a text API that replaces invalid bytes.")
	})

	It("echoes what a half-closed client sent, then closes the connection", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c.Send("a\nb\nunfinished")
		c.CloseWrite()
		c.ExpectLine("a")
		c.ExpectLine("b")
		c.ExpectData("unfinished", "at end of file, echo what is left of the last line as it is, then close.")
		c.ExpectClosed("after the client's end of file, close the connection (Close, or return so a defer closes it).")
	})
})
