package pools_test

import (
	"slices"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("ServePrefork's supervisor, which replaces a worker that dies", harness.Task(5), func() {
	var srv *harness.Server
	BeforeEach(func() {
		needProcs()
		srv = startPrefork()
	})

	When("a worker is killed with SIGKILL", func() {
		var before, after []int
		var victim int
		BeforeEach(func() {
			before = expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
			victim = before[0]
			kill(victim)
			after = expectWorkers(srv, preforkWorkers, []int{victim}, tell("05.supervise.killed", victim,
				tell("05.hint.replace-dead", preforkWorkers)))
		})

		It("starts another in its place: K workers again, the others untouched", func() {
			Expect(after).To(ContainElements(before[1:]), tell("05.supervise.others-changed", victim, before, after))
		})

		It("has reaped the worker killed: no zombie is left", func() {
			srv.ExpectNoZombies(tell("05.hint.reap-dead"))
		})

		It("starts one worker in its place, which stays up: no restart storm", func() {
			expectSteady(srv, after, tell("05.hint.no-storm"))
		})

		It("serves K clients at once, the replacement among the workers", func() {
			clients := srv.DialMany(preforkWorkers)
			for _, c := range clients {
				greetOn(srv, c, tell("05.supervise.serve-after", tell("05.hint.replace-dead", preforkWorkers)))
			}
			ownersOf(srv, clients, tell("05.hint.replace-dead", preforkWorkers))
		})
	})

	When("a worker crashes while it serves a client", func() {
		var clients []*harness.Client
		var owners []int
		BeforeEach(func() {
			clients = srv.DialMany(preforkWorkers)
			for _, c := range clients {
				greetOn(srv, c, tell("05.hint.each-own-worker", preforkWorkers))
			}
			owners = ownersOf(srv, clients, tell("05.hint.each-own-worker", preforkWorkers))
			clients[0].SendLine("crash")
			clients[0].ExpectClosed(tell("05.crash.closes"))
		})

		It("goes on serving the other clients", func() {
			for _, c := range clients[1:] {
				greetOn(srv, c, tell("05.crash.others"))
			}
		})

		It("replaces it with a worker that serves the next client", func() {
			after := expectWorkers(srv, preforkWorkers, owners[:1], tell("05.supervise.crashed", owners[0],
				tell("05.hint.replace-dead", preforkWorkers)))
			newcomer := srv.Dial()
			greetOn(srv, newcomer, tell("05.supervise.newcomer", tell("05.hint.replace-dead", preforkWorkers)))
			replacement := slices.DeleteFunc(slices.Clone(after), func(pid int) bool { return slices.Contains(owners, pid) })
			Expect(srv.ExpectOwnedByChild(newcomer)).To(BeElementOf(replacement), tell("05.supervise.not-replacement",
				replacement))
		})
	})

	When("all K workers are killed at once", func() {
		It("replaces every one of them, and the replacements serve", func() {
			before := expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
			for _, pid := range before {
				kill(pid)
			}
			expectWorkers(srv, preforkWorkers, before, tell("05.supervise.all-killed", preforkWorkers, before,
				tell("05.hint.replace-dead", preforkWorkers)))
			for _, c := range srv.DialMany(preforkWorkers) {
				greetOn(srv, c, tell("05.hint.replace-dead", preforkWorkers))
			}
		})
	})

	When("its listener is closed", func() {
		It("starts no worker in place of those it ends at shutdown", func() {
			expectWorkers(srv, preforkWorkers, nil, tell("05.hint.start-k", preforkWorkers))
			_, started := shutdownWatched(srv) // how Serve returned is task 4's spec to judge
			Expect(started).To(BeEmpty(), tell("05.shutdown.started", len(started), started)+"\n\n  hint: "+
				tell("05.hint.no-replace-at-shutdown"))
		})
	})
})
