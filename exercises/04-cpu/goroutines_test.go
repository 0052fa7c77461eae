package cpu_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/speedup"
)

var _ = Describe("ServeGoroutines", harness.Task(2), func() {
	var srv *harness.Server
	var opts []harness.Option // set by a BeforeEach that needs the server started otherwise
	BeforeEach(func() { opts = nil })
	JustBeforeEach(func() { srv = harness.StartServer("goroutines", opts...) })

	It("answers \"work N\" with Work's digest", func() {
		c := srv.Dial()
		c.SendLine(work(1000))
		c.ExpectLine(digest(1000), tell("04.hint.handle"))
	})

	It("echoes every other line", func() {
		c := srv.Dial()
		c.SendLine("workshop")
		c.ExpectLine("workshop", tell("04.hint.echo"))
	})

	When("N is not a number", func() {
		It("answers an error line and keeps the connection open", func() {
			c := srv.Dial()
			c.SendLine("work ten")
			expectErrorLine(c, "work ten", tell("04.hint.not-a-number"))
			c.SendLine(work(10))
			c.ExpectLine(digest(10), tell("04.hint.not-a-number"))
		})
	})

	When("a client sends exit", func() {
		It("closes that connection without a reply", func() {
			c := srv.Dial()
			c.SendLine("exit")
			c.ExpectClosed(tell("04.hint.exit"))
		})
	})

	When("several clients send jobs at once", func() {
		It("answers each with its own job's digest", func() {
			expectJobsAtOnce(srv, tell("04.hint.own-goroutine"))
		})
	})

	When("a long job runs", func() {
		It("answers a second client's short job meanwhile", func() {
			long, short := srv.Dial(), srv.Dial()
			long.SendLine("hello")
			long.ExpectLine("hello")
			short.SendLine("hello")
			short.ExpectLine("hello", tell("04.hint.own-goroutine"))
			startLongJob(srv, long)
			short.SendLine(work(1))
			short.ExpectLine(digest(1), tell("04.hint.not-one-at-a-time"))
			long.ExpectOpen(quietLong, tell("04.hint.not-one-at-a-time"))
		})
	})

	When("its listener is closed", func() {
		It("returns nil from Serve", func() {
			c := srv.Dial()
			c.SendLine(work(10))
			c.ExpectLine(digest(10))
			Expect(srv.Shutdown()).To(Succeed(), tell("04.hint.closed", 2))
		})
	})

	When("it runs out of file descriptors", func() {
		var clients []*harness.Client
		BeforeEach(func() { opts = []harness.Option{harness.WithFileLimit(fileLimit)} })
		JustBeforeEach(func() { clients = dialPastFileLimit(srv) })

		It("serves the clients that waited, once others leave", func() {
			for _, c := range clients[:len(clients)/2] {
				c.Close()
			}
			last := clients[len(clients)-1]
			hint := tell("04.hint.accept-retry", fileLimit)
			last.SendLine("still there?", hint)
			last.ExpectLine("still there?", hint)
		})

		It("waits before it tries Accept again, instead of spinning", func() {
			expectIdleWhileOutOfFiles(srv)
		})
	})

	Context("measured from outside", timing, func() {
		It("runs two clients' jobs in parallel: its CPU time grows about twice as fast as the wall clock", func() {
			expectTiming(srv, speedup.Overlap, tell("04.hint.own-goroutine"), tell("04.hint.overlap"))
		})

		It("finishes two jobs sent at once about twice as fast as two sent one after the other", func() {
			expectTiming(srv, speedup.Faster, tell("04.hint.own-goroutine"), tell("04.hint.faster"))
		})
	})
})
