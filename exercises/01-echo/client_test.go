package echo_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

// clientWait bounds a client program's run.
const clientWait = 10 * time.Second

var _ = Describe("RunClient, the client program", harness.Task(5), func() {
	// In these specs the spec itself plays the server, on a real listener, so
	// it can see exactly what your client sends.
	It("sends each line, prints each reply, and stops after \"exit\"", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		ln := harness.Listen()
		prog := harness.StartClientProgram("echo-client", ln.Addr().String(), "hello\n안녕하세요\nexit\nnot sent\n")
		peer := prog.Accept(ln)
		peer.ExpectLine("hello", "send each input line with its \"\\n\".")
		peer.SendLine("hello")
		peer.ExpectLine("안녕하세요", "after printing a reply, send the next input line.")
		peer.SendLine("안녕하세요")
		peer.ExpectLine("exit", "send \"exit\" to the server too: that is how the server knows to close.")
		peer.ExpectClosed("after sending \"exit\", stop: do not send the lines that follow it, and close the connection.")

		res := prog.Wait(clientWait)
		Expect(res.TimedOut).To(BeFalse(), "your client program was still running %v after sending \"exit\"", clientWait)
		Expect(res.Stdout).To(Equal("hello\n안녕하세요\n"), "print each reply exactly as the server sent it, one per line.\nstderr:\n%s", res.Stderr)
		Expect(res.ExitCode).To(Equal(0), "RunClient should return nil after \"exit\".\nstderr:\n%s", res.Stderr)
	})

	It("closes the connection at the end of its input", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		ln := harness.Listen()
		prog := harness.StartClientProgram("echo-client", ln.Addr().String(), "only line\n")
		peer := prog.Accept(ln)
		peer.ExpectLine("only line")
		peer.SendLine("only line")
		peer.ExpectClosed("when the input ends, close the connection and return.")
		res := prog.Wait(clientWait)
		Expect(res.Stdout).To(Equal("only line\n"), "print each reply exactly as the server sent it.\nstderr:\n%s", res.Stderr)
		Expect(res.ExitCode).To(Equal(0), "RunClient should return nil at the end of its input.\nstderr:\n%s", res.Stderr)
	})

	It("returns an error when the server closes the connection instead of answering", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		ln := harness.Listen()
		prog := harness.StartClientProgram("echo-client", ln.Addr().String(), "anyone there?\n")
		peer := prog.Accept(ln)
		peer.ExpectLine("anyone there?")
		peer.Close()
		res := prog.Wait(clientWait)
		Expect(res.TimedOut).To(BeFalse(), "your client waited for a reply from a server that had closed the connection")
		Expect(res.ExitCode).NotTo(Equal(0), "a reply that never comes is an error: RunClient should return it.\nstdout:\n%s", res.Stdout)
	})
})
