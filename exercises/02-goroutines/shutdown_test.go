package goroutines_test

import (
	"errors"
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/02-goroutines"
	"github.com/threadproc/threadproc/harness"
)

// stillServed is how long a connected client must stay served after the
// listener was closed. It is half of GracePeriod, and longer than the
// moment the leak check gives goroutines to finish after Serve returned, so
// a Serve that returns without waiting is seen ending the client early.
const stillServed = goroutines.GracePeriod / 2

// comeAndGoLeaks is how many clients come and go before the leak check.
const comeAndGoLeaks = 50

// waitForHandlers is the hint for a Serve that does not wait.
var waitForHandlers = fmt.Sprintf("after the listener is closed, a client still connected must be served "+
	"for up to GracePeriod (%v): Serve must wait for the running handlers (sync.WaitGroup) before it "+
	"returns, because when Serve returns the server program ends, and every connection with it (TODO 4).",
	goroutines.GracePeriod)

// shutdownAsync starts srv.Shutdown in the background: it closes the
// server's listener and waits for the server to exit. The channel gets its
// result.
func shutdownAsync(srv *harness.Server) <-chan error {
	result := make(chan error, 1)
	go func() { result <- srv.Shutdown() }()
	return result
}

// awaitListenerClosed waits until a new client can no longer connect: the
// server's listener is closed. A client that still got in leaves at once.
func awaitListenerClosed(srv *harness.Server) {
	GinkgoHelper()
	Eventually(func() error {
		c, err := srv.TryDial()
		if err != nil {
			return nil
		}
		c.Close()
		return errors.New("a new client could still connect")
	}).WithTimeout(harness.IOTimeout).Should(Succeed(), "the spec closed the server's listener, but clients could still connect")
}

// The specs that time the grace period are Serial: under ginkgo -p they run
// alone, so that a busy machine does not eat their margins.
var _ = Describe("Serve's shutdown", harness.Task(4), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines") })

	It("returns nil once its listener is closed and no client is connected", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine("ping")
		c.ExpectLine("ping")
		c.SendLine("exit")
		c.ExpectClosed()
		Expect(srv.Shutdown()).To(Succeed(), "when ln is closed, Accept returns an error that errors.Is(err, "+
			"net.ErrClosed) recognises: stop accepting, call s.shutdown(), and return nil (TODO 1 and 4).")
	})

	It(fmt.Sprintf("keeps serving a connected client for up to GracePeriod (%v) after its listener is closed, and returns once it leaves", goroutines.GracePeriod), Serial, SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine("before the shutdown")
		c.ExpectLine("before the shutdown")
		result := shutdownAsync(srv)
		awaitListenerClosed(srv)

		c.SendLine("during the shutdown")
		c.ExpectLine("during the shutdown", "a shutdown stops new clients, not the ones already connected: do not "+
			"close their connections before GracePeriod is over. "+waitForHandlers)
		c.ExpectOpen(stillServed, waitForHandlers)
		c.SendLine("still served")
		c.ExpectLine("still served", waitForHandlers)
		c.SendLine("exit")
		c.ExpectClosed()
		Eventually(result).WithTimeout(harness.IOTimeout).Should(Receive(Succeed()),
			"the last client left during the grace period: Serve should return nil as soon as its handler ends, "+
				"without waiting for the rest of GracePeriod (TODO 4).")
	})

	It(fmt.Sprintf("closes the connections still open after GracePeriod (%v), then returns nil", goroutines.GracePeriod), Serial, SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		idle := srv.Dial()
		idle.SendLine("I will stay")
		idle.ExpectLine("I will stay")
		halfway := srv.Dial()
		halfway.Send("a line that never ends")
		started := time.Now()
		result := shutdownAsync(srv)

		closeThem := fmt.Sprintf("a client may stay connected for ever, so once GracePeriod (%v) is over, close the "+
			"connections still open: their handlers' reads then fail and the handlers return (TODO 4).", goroutines.GracePeriod)
		idle.ExpectOpen(stillServed, waitForHandlers)
		idle.ExpectClosed(closeThem)
		halfway.ExpectClosed(closeThem)
		Expect(time.Since(started)).To(BeNumerically(">=", goroutines.GracePeriod-100*time.Millisecond),
			"the connections were closed before GracePeriod was over: wait the whole GracePeriod first (TODO 4).")
		var err error
		Eventually(result).WithTimeout(harness.IOTimeout).Should(Receive(&err), "Serve did not return after it closed the connections")
		Expect(err).NotTo(HaveOccurred(), "after closing the connections, wait for their handlers to return, then return nil (TODO 4).")
	})

	It(fmt.Sprintf("leaves no goroutine behind after %d clients came and went", comeAndGoLeaks), SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(comeAndGoLeaks)
		harness.Together(clients, func(i int, c *harness.Client) {
			c.SendLine(fmt.Sprintf("client %d", i+1))
			c.ExpectLine(fmt.Sprintf("client %d", i+1))
			c.SendLine("exit")
			c.ExpectClosed()
		})
		Expect(srv.Shutdown()).To(Succeed(), "once the clients have left and the listener is closed, Serve must "+
			"return nil with no goroutine of yours still running. Every goroutine started for a client must end "+
			"when that client leaves: one blocked for ever (on a channel nobody closes, or a read nobody ends) "+
			"is a leak, and a server that leaks one per client runs out of memory in the end (TODO 2 and 4).")
	})
})
