package goroutines_test

import (
	"fmt"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

// comeAndGo is how many clients the race specs run at the same time.
const comeAndGo = 100

var _ = Describe("stats, the statistic all handlers share", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = harness.StartServer("goroutines") })

	It("answers a lone client \"connected 1 served 0\": the asker counts as connected", func() {
		asker := srv.Dial()
		asker.SendLine("stats")
		asker.ExpectLine(statsLine(1, 0), tell.Say("02.stats.lone"))
	})

	It("counts every client connected now", func() {
		asker := srv.Dial()
		visitor := srv.Dial()
		visitor.SendLine("hi")
		visitor.ExpectLine("hi")
		asker.SendLine("stats")
		asker.ExpectLine(statsLine(2, 0), tell.Say("02.stats.connected"))
	})

	It(fmt.Sprintf("counts %d clients held open at once", heldOpen/2), func() {
		clients := srv.DialMany(heldOpen / 2)
		for i, c := range clients {
			c.SendLine(fmt.Sprintf("client %d", i+1))
			c.ExpectLine(fmt.Sprintf("client %d", i+1))
		}
		// Every handler has echoed a line, so every one has started.
		clients[0].SendLine("stats")
		clients[0].ExpectLine(statsLine(heldOpen/2, 0), tell.Say("02.stats.connected"))
	})

	DescribeTable("moves a client that left from connected to served",
		func(how string, leave func(c *harness.Client)) { // how: the key of how it left
			asker := srv.Dial()
			leaver := srv.Dial()
			leaver.SendLine("hello")
			leaver.ExpectLine("hello")
			leave(leaver)
			Eventually(askStats).WithArguments(asker).WithTimeout(harness.IOTimeout).Should(Equal(statsLine(1, 1)),
				settled(srv, "02.stats.left", tell.Say(how)))
		},
		Entry("after \"exit\"", "02.stats.how.exit", func(c *harness.Client) {
			c.SendLine("exit")
			c.ExpectClosed()
		}),
		Entry("after the end of its input", "02.stats.how.eof", func(c *harness.Client) {
			c.CloseWrite()
			c.ExpectClosed(tell.Say("02.eof.close"))
		}),
		Entry("after a reset", "02.stats.how.reset", func(c *harness.Client) { c.Reset() }),
	)

	DescribeTable("treats lines that only look like \"stats\" as ordinary lines",
		func(line string) {
			c := srv.Dial()
			c.SendLine(line)
			c.ExpectLine(line, tell.Say("02.stats.exact"))
		},
		Entry("\"STATS\"", "STATS"),
		Entry("\"stats \"", "stats "),
		Entry("\" stats\"", " stats"),
		Entry("\"statistics\"", "statistics"),
	)

	It("answers \"stats\\r\\n\" with a line ended by \"\\r\\n\"", func() {
		c := srv.Dial()
		c.Send("stats\r\n")
		c.ExpectLine(statsLine(1, 0)+"\r", tell.Say("02.stats.crlf"))
	})

	When(fmt.Sprintf("%d clients come, ask for stats and go at the same time", comeAndGo), func() {
		// comeAndGoTogether runs the crowd: each client says hello, asks for
		// stats, checks that the reply is a plausible one, and leaves (in
		// one of the three ways).
		comeAndGoTogether := func() {
			GinkgoHelper()
			clients := srv.DialMany(comeAndGo)
			harness.Together(clients, func(i int, c *harness.Client) {
				hello := fmt.Sprintf("client %d", i+1)
				c.SendLine(hello)
				c.ExpectLine(hello)
				c.SendLine("stats")
				reply, err := c.ReadLine()
				connected, served, ok := parseStats(reply)
				Expect(err == nil && ok).To(BeTrue(), func() string {
					return tell.Say("02.stats.malformed", c.Name, statsLine(3, 10)+"\n", reply, fmt.Sprint(err)) + raceNote(srv)
				})
				Expect(connected >= 1 && connected <= comeAndGo && served < comeAndGo).To(BeTrue(), func() string {
					return tell.Say("02.stats.out-of-range", c.Name, comeAndGo, reply) + raceNote(srv)
				})
				switch i % 3 { // leave in all three ways
				case 0:
					c.SendLine("exit")
					c.ExpectClosed()
				case 1:
					c.CloseWrite()
					c.ExpectClosed()
				default:
					c.Reset()
				}
			})
		}

		It("answers every one of them without a data race", func() {
			comeAndGoTogether()
			// The server's process is checked for data races when the spec
			// ends: a race fails it then, with the race detector's report.
		})

		It("counts every one of them as served once they have left", func() {
			comeAndGoTogether()
			observer := srv.Dial()
			Eventually(askStats).WithArguments(observer).WithTimeout(harness.IOTimeout).Should(
				Equal(statsLine(1, comeAndGo)), settled(srv, "02.stats.lost-update", comeAndGo))
		})
	})
})
