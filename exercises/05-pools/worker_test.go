package pools_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("WorkerMain, a prefork worker (one worker process, started by the spec)", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startOneWorker() })

	It("serves a client on the listener it inherited, in a process that is not the server's", func() {
		c := srv.Dial()
		greet(c, tell("05.hint.accept-on-fd3"))
		srv.ExpectOwnedByChild(c, tell("05.hint.accept-on-fd3"))
	})

	It("serves client after client, in the same process", func() {
		first := srv.Dial()
		greet(first, tell("05.hint.accept-on-fd3"))
		worker := srv.ExpectOwnedByChild(first, tell("05.hint.accept-on-fd3"))
		leave(first)
		second := srv.Dial()
		greet(second, tell("05.hint.client-after-client"))
		Expect(srv.ExpectOwnedByChild(second, tell("05.hint.client-after-client"))).To(Equal(worker),
			tell("05.worker.other-process", worker, tell("05.hint.client-after-client")))
	})

	It("serves one client at a time: a second client waits until the first leaves", func() {
		first := srv.Dial()
		greet(first, tell("05.hint.accept-on-fd3"))
		second := srv.Dial()
		line := second.Name + " waits its turn"
		second.SendLine(line)
		second.ExpectOpen(harness.QuietPeriod, tell("05.hint.one-at-a-time"))
		leave(first)
		second.ExpectLine(line, tell("05.hint.client-after-client"))
	})

	When("a client resets its connection", func() {
		It("goes on with the next client", func() {
			rude := srv.Dial()
			greet(rude, tell("05.hint.accept-on-fd3"))
			rude.Reset()
			greet(srv.Dial(), tell("05.hint.go-on-after-error"))
		})
	})
})
