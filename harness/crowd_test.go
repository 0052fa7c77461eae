package harness_test

import (
	"bufio"
	"net"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

// queue plays a server with one worker: it accepts n clients, reads a line
// from each, and answers them in turn, each after the given pause (nil:
// answers nobody). It stops when the spec ends.
func queue(n int, pause func(i int) time.Duration) string {
	ln := harness.Listen()
	done := make(chan struct{})
	DeferCleanup(func() { close(done) })
	go func() {
		defer GinkgoRecover()
		var conns []net.Conn
		defer func() {
			<-done // the clients' reads are over
			for _, c := range conns {
				_ = c.Close()
			}
		}()
		for range n {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
		for i, c := range conns {
			line, err := bufio.NewReader(c).ReadString('\n')
			if err != nil || pause == nil {
				continue
			}
			time.Sleep(pause(i)) // the job's length, which the crowd waits out
			_, _ = c.Write([]byte(line))
		}
	}()
	return ln.Addr().String()
}

var _ = Describe("Progress", func() {
	It("lets a client wait past a read's deadline while others of its crowd are answered", func() {
		step := harness.ReadTimeout() * 2 / 3 // two turns take longer than one read may wait
		addr := queue(2, func(int) time.Duration { return step })
		clients := []*harness.Client{harness.Dial(addr), harness.Dial(addr)}
		var turns harness.Progress
		harness.Together(clients, func(i int, c *harness.Client) {
			c.SendLine("job")
			got, err := turns.ReadLine(c)
			Expect(err).NotTo(HaveOccurred())
			Expect(got).To(Equal("job\n"))
		})
	})

	It("gives up once the whole crowd has heard nothing for a read's deadline", func() {
		addr := queue(1, nil)
		c := harness.Dial(addr)
		c.SendLine("job")
		var turns harness.Progress
		start := time.Now()
		_, err := turns.ReadLine(c)
		Expect(err).To(MatchError(ContainSubstring("timeout")))
		Expect(time.Since(start)).To(BeNumerically("<", 2*harness.ReadTimeout()), "one read's deadline, not more")
	})
})
