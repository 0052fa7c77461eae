package processes_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// serveFD3 is the hint for a worker that does not serve its connection.
const serveFD3 = "the worker is your program started again with WorkerEnv=1 in its environment and the " +
	"connection as fd 3: WorkerMain rebuilds the connection with net.FileConn(os.NewFile(3, ...)), serves it " +
	"with handle, and exits (TODO 2)."

// crashDomain explains what a crash in one client's handler must not do.
const crashDomain = "client 1 sent \"crash\", which makes the process that serves it panic. If your server's " +
	"process died with it (see \"the server\" below), every client died with it: goroutines share one " +
	"process, and a panic in any goroutine ends the whole process. When each client has a worker process of " +
	"its own, a crash ends that worker only, and the kernel closes that one connection (TODO 1 and 2)."

// sharedMemory explains a count that includes other clients' lines.
const sharedMemory = "\"count\" answers how many lines the process serving this client has echoed: handle adds " +
	"one to an ordinary package-level variable for each line. Another number than this client's own means " +
	"that the variable also counted other clients' lines: they were served in the same memory, by one " +
	"process. Every worker process has a copy of its own of every variable (TODO 1 and 2)."

var _ = Describe("WorkerMain, the worker's side", harness.Task(2), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	It("echoes each line and closes the connection on \"exit\" without echoing it", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine("안녕하세요")
		c.ExpectLine("안녕하세요", serveFD3)
		c.Send("one\ntwo\n")
		c.ExpectLine("one")
		c.ExpectLine("two")
		c.SendLine("exited")
		c.ExpectLine("exited")
		c.SendLine("exit")
		c.ExpectClosed("on \"exit\" handle returns and closes its connection: the worker then exits, and the " +
			"connection ends only if no other process holds a copy of it. The server must close its copy " +
			"once startWorker returns, and the worker its *os.File once net.FileConn has duplicated it " +
			"(TODO 1 and 2).")
	})

	It("ends only the crashing client's connection when its worker crashes; the others and the server carry on", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(3)
		for _, c := range clients {
			greet(c, serveFD3)
		}
		clients[0].SendLine("crash")
		clients[0].ExpectClosed("\"crash\" makes the process that serves client 1 panic: it never answers, and " +
			"when it dies the kernel closes its connection.")
		for _, c := range clients[1:] {
			c.SendLine("still here after client 1's crash")
			c.ExpectLine("still here after client 1's crash", crashDomain)
		}
		newcomer := srv.Dial()
		newcomer.SendLine("a new client after the crash")
		newcomer.ExpectLine("a new client after the crash", "after a worker crashed, the server still accepts "+
			"new clients: "+crashDomain)
	})

	It("keeps each worker's memory to itself: \"count\" counts only its own client's lines", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		first, second := srv.Dial(), srv.Dial()
		for i := range 3 {
			line := fmt.Sprintf("client 1, line %d", i+1)
			first.SendLine(line)
			first.ExpectLine(line, serveFD3)
		}
		second.SendLine("client 2, line 1")
		second.ExpectLine("client 2, line 1", serveFD3)

		second.SendLine("count")
		second.ExpectLine(countLine(1), "client 2 has had 1 line echoed. "+sharedMemory)
		first.SendLine("count")
		first.ExpectLine(countLine(3), "client 1 has had 3 lines echoed. "+sharedMemory)
		third := srv.Dial()
		third.SendLine("count")
		third.ExpectLine(countLine(0), "client 3 has had no line echoed yet: a new worker process starts with "+
			"its variables at zero. "+sharedMemory)
	})
})
