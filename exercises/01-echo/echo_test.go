package echo_test

import (
	"strings"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("handle, the echo", harness.Task(2), func() {
	var c *harness.Client
	BeforeEach(func() { c = harness.StartServer("echo").Dial() })

	It("echoes an ASCII line byte for byte", func() {
		c.SendLine("hello, server")
		c.ExpectLine("hello, server", tell.Say("01.echo.newline"))
	})

	It("echoes UTF-8 text such as Korean unchanged", func() {
		c.SendLine("안녕하세요")
		c.ExpectLine("안녕하세요", tell.Say("01.echo.bytes"))
	})

	It("echoes an empty line", func() {
		c.SendLine("")
		c.ExpectLine("", tell.Say("01.echo.empty"))
		c.SendLine("after the empty line")
		c.ExpectLine("after the empty line", tell.Say("01.echo.after-empty"))
	})

	It("echoes a 64 KiB line", func() {
		long := strings.Repeat("0123456789abcdef", 4096)
		c.SendLine(long)
		c.ExpectLine(long, tell.Say("01.echo.long"))
	})

	It("echoes bytes that are not UTF-8, and NUL bytes, exactly", func() {
		c.SendLine("\xff\xfe\x00nul\x00\x80")
		c.ExpectLine("\xff\xfe\x00nul\x00\x80", tell.Say("01.echo.invalid-utf8"))
	})

	It("echoes several lines sent in one write, each in order", func() {
		c.Send("one\ntwo\nthree\n")
		c.ExpectLine("one", tell.Say("01.echo.several"))
		c.ExpectLine("two", tell.Say("01.echo.several"))
		c.ExpectLine("three", tell.Say("01.echo.several"))
	})

	When("a line arrives in two writes", func() {
		It("does not answer before its \"\\n\" arrives, then echoes the whole line", func() {
			c.Deliver("hel")
			c.ExpectOpen(harness.QuietPeriod, tell.Say("01.echo.per-read"))
			c.Send("lo\n")
			c.ExpectLine("hello", tell.Say("01.echo.joined"))
		})
	})

	When("the client ends its side after an unfinished line", func() {
		BeforeEach(func() {
			c.Send("a\nb\nunfinished")
			c.CloseWrite()
		})

		It("echoes the whole lines, then the unfinished rest as it is", func() {
			c.ExpectLine("a", tell.Say("01.eof.lines"))
			c.ExpectLine("b", tell.Say("01.eof.lines"))
			c.ExpectData("unfinished", tell.Say("01.eof.rest"))
		})

		It("closes the connection after the rest", func() {
			c.ExpectData("a\nb\nunfinished", tell.Say("01.eof.rest"))
			c.ExpectClosed(tell.Say("01.eof.close"))
		})
	})
})
