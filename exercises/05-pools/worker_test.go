package pools_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

// Hints of the worker's specs.
const (
	acceptOnFD3 = "the worker is your program started again with WorkerEnv=1 in its environment and the " +
		"listening socket as fd 3: WorkerMain rebuilds the listener with net.FileListener(os.NewFile(3, ...)), " +
		"then accepts clients on it and serves each one with handle (TODO 3)."
	clientAfterClient = "a prefork worker is started once and serves client after client: after one client " +
		"leaves, it goes back to Accept, in the same process. (Exercise 03's worker served one connection and " +
		"exited; this one lives as long as the server.) (TODO 3)"
	oneAtATime = "a worker serves one client at a time: it calls handle(conn) itself, and Accepts the next " +
		"client only after handle has returned. If the server sent the echo, the worker served the second client " +
		"while the first was still connected (a goroutine per client inside the worker?): then K workers no " +
		"longer bound how many clients are served at once (TODO 3)."
	goOnAfterError = "client 1 reset its connection, so handle returned an error: that is client 1's problem. " +
		"Log it and Accept the next client; a worker that exits or returns because of one client is lost to " +
		"every client after it (TODO 3)."
)

var _ = Describe("WorkerMain, a prefork worker (one worker process, started by the spec)", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startOneWorker() })

	It("serves clients on the listener it inherited, one after another, in the same process, which is not the server's", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		first := srv.Dial()
		greet(first, acceptOnFD3)
		worker := srv.ExpectOwnedByChild(first, acceptOnFD3)
		leave(first)

		second := srv.Dial()
		greet(second, clientAfterClient)
		Expect(srv.ExpectOwnedByChild(second, clientAfterClient)).To(Equal(worker),
			"client 2 was served by another process than client 1 (worker %d). "+clientAfterClient, worker)
	})

	It("serves one client at a time: a second client waits until the first leaves", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		first := srv.Dial()
		greet(first, acceptOnFD3)
		second := srv.Dial()
		line := second.Name + " waits its turn"
		second.SendLine(line)
		second.ExpectOpen(harness.QuietPeriod, oneAtATime)
		leave(first)
		second.ExpectLine(line, clientAfterClient)
	})

	It("goes on with the next client after a client resets its connection", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		rude := srv.Dial()
		greet(rude, acceptOnFD3)
		rude.Reset()
		next := srv.Dial()
		greet(next, goOnAfterError)
	})
})
