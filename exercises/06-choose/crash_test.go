package choose_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
)

// jobDuringCrash is how long the job that runs while another crashes takes.
const jobDuringCrash = 300 * time.Millisecond

// crashes is how many jobs in a row crash their workers in the specs about
// several crashes: more than the pool has slots.
const crashes = choose.Workers + 1

var _ = Describe("a job that crashes its worker", harness.Task(3), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	When("a client's job crashes its worker", func() {
		var crasher *harness.Client
		BeforeEach(func() {
			crasher = srv.Dial()
			expectJob(crasher, 1000, tell("06.hint.in-a-worker"))
		})

		It("answers \"error: worker crashed\" to that client", func() {
			crasher.SendLine(choose.CrashCommand)
			expectCrashed(srv, crasher, 1)
		})

		It("keeps that client's connection open", func() {
			crasher.SendLine(choose.CrashCommand)
			expectCrashed(srv, crasher, 1)
			crasher.SendLine("still connected?")
			crasher.ExpectLine("still connected?", tell("06.hint.crash-keeps-client"))
		})

		It(fmt.Sprintf("runs that client's next jobs in new workers: %d jobs after the crash", crashes), func() {
			crasher.SendLine(choose.CrashCommand)
			expectCrashed(srv, crasher, 1)
			for i := range crashes {
				expectJob(crasher, 2000+i, tell("06.hint.replace-worker"))
			}
		})
	})

	When("one client's job crashes its worker while other clients are connected", func() {
		var crasher, runner, bystander *harness.Client
		BeforeEach(func() {
			crasher, runner, bystander = srv.Dial(), srv.Dial(), srv.Dial()
			for _, c := range []*harness.Client{crasher, runner, bystander} {
				c.SendLine(c.Name + " is here")
				c.ExpectLine(c.Name+" is here", tell("06.hint.goroutine-per-client"))
			}
		})

		It("echoes the other clients' lines", func() {
			crasher.SendLine(choose.CrashCommand)
			expectCrashed(srv, crasher, 1)
			bystander.SendLine("did anything happen?")
			bystander.ExpectLine("did anything happen?", tell("06.hint.crash-isolated"))
		})

		It("finishes the job running in the other worker", func() {
			rounds := localRounds(jobDuringCrash)
			startJobs(srv, []*harness.Client{runner}, rounds, 20*time.Millisecond)
			crasher.SendLine(choose.CrashCommand)
			expectCrashed(srv, crasher, 1)
			runner.ExpectLine(digest(rounds), tell("06.crash.other-job", runner.Name, crasher.Name,
				tell("06.hint.crash-isolated")))
		})

		It("serves new clients", func() {
			crasher.SendLine(choose.CrashCommand)
			expectCrashed(srv, crasher, 1)
			newcomer := srv.Dial()
			newcomer.SendLine("a new client after the crash")
			newcomer.ExpectLine("a new client after the crash", tell("06.hint.crash-isolated"))
			expectJob(newcomer, 3000, tell("06.hint.replace-worker"))
		})
	})

	When(fmt.Sprintf("%d jobs in a row crash their workers, more than the pool's %d slots", crashes, choose.Workers), func() {
		It("still runs jobs, as many at once as it has slots", func() {
			c := srv.Dial()
			crashInARow(srv, c)
			others := srv.DialMany(choose.Workers)
			harness.Together(others, func(i int, o *harness.Client) {
				expectJob(o, 5000+i, tell("06.crash.slots-gone", crashes, choose.Workers,
					tell("06.hint.replace-worker")))
			})
		})

		It("reaps every dead worker: no zombie is left", func() {
			crashInARow(srv, srv.Dial())
			srv.ExpectNoZombies(tell("06.hint.reap-crashed"))
		})

		It(fmt.Sprintf("gives each crashed worker's slot back once: never more than %d workers run, while %d "+
			"clients send jobs", choose.Workers, jobSenders), func() {
			requireProcs("it counts the server's processes from outside")
			crasher := srv.Dial()
			senders := srv.DialMany(jobSenders)
			all := append([]*harness.Client{crasher}, senders...)
			// Every client's replies are judged after the count: a slot
			// counted twice can block any of them, and the count says why.
			sent := make([][]string, len(all))
			replies := make([][]reply, len(all))
			var turns harness.Progress // 8 clients queue for 2 workers: waiting one's turn is no stall
			peak, seen := watchWorkers(srv, func() {
				harness.Together(all, func(i int, c *harness.Client) {
					lines := make([]string, crashes) // the crasher's
					for j := range lines {
						lines[j] = choose.CrashCommand
					}
					if i > 0 {
						lines = make([]string, jobsEach)
						for j := range lines {
							lines[j] = work(poolRounds + i*jobsEach + j)
						}
					}
					for _, line := range lines {
						c.SendLine(line)
						got, err := turns.ReadLine(c)
						sent[i], replies[i] = append(sent[i], line), append(replies[i], reply{got, err})
					}
				})
			})
			Expect(peak).To(BeNumerically("<=", choose.Workers), tell("06.crash.slot-twice", crashes, jobSenders,
				peak, choose.Workers, len(seen), tell("06.hint.slot-once")))
			for i, c := range all {
				for j, line := range sent[i] {
					r := replies[i][j]
					if i == 0 {
						c.ExpectReply(tell("06.crash.did", j+1), r.got, r.err, crashed, crashHint(srv, r.got, r.err))
						continue
					}
					c.ExpectReply(tell("06.sent", line), r.got, r.err, digest(poolRounds+i*jobsEach+j),
						tell("06.hint.in-a-worker"))
				}
			}
		})
	})
})

// reply is a line a client read, and the error that came with it.
type reply struct {
	got string
	err error
}

// crashInARow has c send crashes crash jobs, one after the other, each
// answered CrashedReply.
func crashInARow(srv *harness.Server, c *harness.Client) {
	GinkgoHelper()
	for i := range crashes {
		c.SendLine(choose.CrashCommand)
		expectCrashed(srv, c, i+1)
	}
}

// expectCrashed expects CrashedReply on c, for its crash number n, with the
// hint that fits what the client got instead.
func expectCrashed(srv *harness.Server, c *harness.Client, n int) {
	GinkgoHelper()
	got, err := c.ReadLine()
	c.ExpectReply(tell("06.crash.did", n), got, err, crashed, crashHint(srv, got, err))
}

// crashHint is the hint for a client that sent "crash" and got (got, err)
// instead of CrashedReply: the server died with the worker, or it is alive
// but never answered (crashed blocked), or it answered something else.
func crashHint(srv *harness.Server, got string, err error) string {
	switch {
	case err != nil && !isTimeout(err) && exitsSoon(srv):
		return tell("06.hint.crash-isolated")
	case err != nil && got == "":
		return tell("06.hint.crash-no-answer")
	default:
		return tell("06.hint.crash-reply")
	}
}

// exitsSoon reports whether the server's process has exited, or does within
// a moment: a client whose connection ended as the server died may learn it
// before the harness has reaped the process.
func exitsSoon(srv *harness.Server) bool {
	for range 50 {
		if srv.Exited() {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}
