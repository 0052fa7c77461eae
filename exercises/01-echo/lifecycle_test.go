package echo_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("Serve, the accept loop", harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("echo") })

	// visit is one short client life: a line, its echo, "exit".
	visit := func(line string) {
		GinkgoHelper()
		c := srv.Dial()
		c.SendLine(line)
		c.ExpectLine(line)
		c.SendLine("exit")
		c.ExpectClosed()
	}

	When("a client leaves", func() {
		It("serves the next client", func() {
			visit("first")
			second := srv.Dial()
			second.SendLine("second")
			second.ExpectLine("second", tell.Say("01.serve.loop"))
		})
	})

	When("a second client connects while the first is being served", func() {
		It("serves it once the first leaves", func() {
			first := srv.Dial()
			first.SendLine("hello")
			first.ExpectLine("hello")
			waiting := srv.Dial() // queued in the listen backlog while first is served
			waiting.SendLine("queued")
			first.SendLine("exit")
			first.ExpectClosed()
			waiting.ExpectLine("queued", tell.Say("01.serve.queued"))
		})
	})

	When("a client resets its connection in the middle of a line", func() {
		It("keeps serving the next client", func() {
			rude := srv.Dial()
			rude.Send("half a li")
			rude.Reset()

			next := srv.Dial()
			next.SendLine("still there?", tell.Say("01.serve.reset"))
			next.ExpectLine("still there?", tell.Say("01.serve.reset"))
		})
	})

	When("its listener is closed", func() {
		It("returns nil", func() {
			visit("ping")
			Expect(srv.Shutdown()).To(Succeed(), because("01.serve.closed"))
		})
	})
})
