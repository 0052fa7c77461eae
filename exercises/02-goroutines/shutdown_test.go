package goroutines_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/02-goroutines"
	"github.com/threadproc/threadproc/harness"
)

// timing bundles the decorators of the specs that time the grace period:
// Serial, so that under ginkgo -p they run alone and a busy machine does not
// eat their margins.
var timing = []any{Serial, Label("timing")}

// stillServed is how long a connected client must stay served after the
// listener was closed. It is half of GracePeriod, and longer than the
// moment the leak check gives goroutines to finish after Serve returned, so
// a Serve that returns without waiting is seen ending the client early.
const stillServed = goroutines.GracePeriod / 2

// prompt is how soon Serve must return once nothing is left to wait for:
// half of GracePeriod. A shutdown that sleeps the grace period through takes
// all of it; a process exits in far less, even on a busy machine.
const prompt = goroutines.GracePeriod / 2

// comeAndGoLeaks is how many clients come and go before the leak check.
const comeAndGoLeaks = 50

var _ = Describe("Serve's shutdown", harness.Task(4), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines") })

	// visit is one short client life: a line, its echo, "exit".
	visit := func() {
		GinkgoHelper()
		c := srv.Dial()
		c.SendLine("ping")
		c.ExpectLine("ping")
		c.SendLine("exit")
		c.ExpectClosed()
	}

	When("its listener is closed and no client is connected", func() {
		BeforeEach(visit)

		It("returns nil", func() {
			expectStoppedCleanly(srv, <-shutdownAsync(srv), tell.Say("02.shutdown.nil"))
		})

		It("returns at once, without waiting for GracePeriod", timing, func() {
			began := time.Now()
			s := <-shutdownAsync(srv)
			took := s.at.Sub(began)
			Expect(took).To(BeNumerically("<", prompt),
				because("02.shutdown.no-client-waits", took.Round(time.Millisecond).String(), goroutines.GracePeriod.String()))
		})
	})

	When("a client is connected when its listener is closed", func() {
		var c *harness.Client
		var result <-chan stopped
		BeforeEach(func() {
			c = srv.Dial()
			c.SendLine("before the shutdown")
			c.ExpectLine("before the shutdown")
			result = shutdownAsync(srv)
			awaitListenerClosed(srv)
		})

		It(fmt.Sprintf("keeps serving it for up to GracePeriod (%v)", goroutines.GracePeriod), timing, func() {
			c.SendLine("during the shutdown")
			c.ExpectLine("during the shutdown", tell.Say("02.shutdown.not-yet"), tell.Say("02.shutdown.wait-handlers", goroutines.GracePeriod.String()))
			c.ExpectOpen(stillServed, tell.Say("02.shutdown.wait-handlers", goroutines.GracePeriod.String()))
			c.SendLine("still served")
			c.ExpectLine("still served", tell.Say("02.shutdown.wait-handlers", goroutines.GracePeriod.String()))
		})

		It("returns as soon as the client leaves", timing, func() {
			c.SendLine("exit")
			c.ExpectClosed()
			left := time.Now()
			s := <-result
			expectStoppedCleanly(srv, s, tell.Say("02.shutdown.nil"))
			took := s.at.Sub(left)
			Expect(took).To(BeNumerically("<", prompt),
				because("02.shutdown.sleeps", took.Round(time.Millisecond).String(), goroutines.GracePeriod.String()))
		})
	})

	When(fmt.Sprintf("clients stay connected past GracePeriod (%v)", goroutines.GracePeriod), func() {
		var idle, halfway *harness.Client
		var began time.Time
		var result <-chan stopped
		BeforeEach(func() {
			idle = srv.Dial()
			idle.SendLine("I will stay")
			idle.ExpectLine("I will stay")
			halfway = srv.Dial()
			halfway.Send("a line that never ends")
			began = time.Now()
			result = shutdownAsync(srv)
		})

		It("closes their connections once GracePeriod is over, not before", timing, func() {
			idle.ExpectOpen(stillServed, tell.Say("02.shutdown.wait-handlers", goroutines.GracePeriod.String()))
			idle.ExpectClosed(tell.Say("02.shutdown.close-them", goroutines.GracePeriod.String()))
			halfway.ExpectClosed(tell.Say("02.shutdown.close-them", goroutines.GracePeriod.String()))
			took := time.Since(began)
			Expect(took).To(BeNumerically(">=", goroutines.GracePeriod-100*time.Millisecond),
				because("02.shutdown.too-early", took.Round(time.Millisecond).String(), goroutines.GracePeriod.String()))
		})

		It("returns nil once it has closed them", timing, func() {
			expectStoppedCleanly(srv, <-result, tell.Say("02.shutdown.nil-after-close"))
		})
	})

	When(fmt.Sprintf("%d clients came and went", comeAndGoLeaks), func() {
		It("leaves no goroutine behind", func() {
			clients := srv.DialMany(comeAndGoLeaks)
			harness.Together(clients, func(i int, c *harness.Client) {
				c.SendLine(fmt.Sprintf("client %d", i+1))
				c.ExpectLine(fmt.Sprintf("client %d", i+1))
				c.SendLine("exit")
				c.ExpectClosed()
			})
			expectStoppedCleanly(srv, <-shutdownAsync(srv), tell.Say("02.shutdown.leak"))
		})
	})
})
