package echo_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("Serve, the accept loop", harness.Task(1), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("echo") })

	It("serves a second client after the first one leaves", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		first := srv.Dial()
		first.SendLine("first")
		first.ExpectLine("first")
		first.SendLine("exit")
		first.ExpectClosed()

		second := srv.Dial()
		second.SendLine("second")
		second.ExpectLine("second", "after one client leaves, Accept the next one: the accept loop must go round again.")
	})

	It("serves clients one after another: a waiting client is served once the first leaves", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		first := srv.Dial()
		first.SendLine("hello")
		first.ExpectLine("hello")
		waiting := srv.Dial() // queued in the listen backlog while first is served
		waiting.SendLine("queued")
		first.SendLine("exit")
		first.ExpectClosed()
		waiting.ExpectLine("queued", "this server serves one client at a time; exercise 02 changes that.")
	})

	It("keeps serving after a client resets its connection in the middle of a line", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		rude := srv.Dial()
		rude.Send("half a li")
		rude.Reset()

		next := srv.Dial()
		next.SendLine("still there?")
		next.ExpectLine("still there?", "a read or write error on one connection (such as \"connection reset by peer\") "+
			"ends that client only: log it and Accept the next one, do not return from Serve.")
	})

	It("returns nil from Serve once its listener is closed", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine("ping")
		c.ExpectLine("ping")
		c.SendLine("exit")
		c.ExpectClosed()
		Expect(srv.Shutdown()).To(Succeed(), "when ln is closed, Accept returns an error that errors.Is(err, net.ErrClosed) "+
			"recognises: that is the normal way to stop, so Serve returns nil then (TODO 1).")
	})
})
