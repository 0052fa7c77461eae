package pools_test

import (
	"fmt"
	"slices"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
)

// replaceDead is the hint for a supervisor that does not replace a worker.
var replaceDead = fmt.Sprintf("When a worker ends while the server runs (it crashed, or something killed it), its "+
	"reaper sends it to s.exited; the supervisor's loop deletes it from s.running and calls s.replace, which "+
	"starts another with s.start(), so that K = %d workers keep serving (TODO 5).", preforkWorkers)

var _ = Describe("ServePrefork's supervisor, which replaces a worker that dies", harness.Task(5), func() {
	var srv *harness.Server
	BeforeEach(func() {
		needProcs()
		srv = startPrefork()
	})

	It("replaces a worker killed with SIGKILL: K workers again, one of them new, all serving", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		before := expectWorkers(srv, preforkWorkers, nil, startK)
		victim := before[0]
		kill(victim)
		after := expectWorkers(srv, preforkWorkers, []int{victim}, fmt.Sprintf("the spec killed worker %d. %s",
			victim, replaceDead))
		Expect(after).To(ContainElements(before[1:]), "only worker %d was killed, but other workers changed too "+
			"(before: %v, after: %v): replace the worker that died, and leave the others alone (TODO 5).",
			victim, before, after)

		clients := srv.DialMany(preforkWorkers)
		for _, c := range clients {
			greet(c, "after the replacement, K workers serve K clients at once. "+replaceDead)
		}
		ownersOf(srv, clients, replaceDead)
	})

	It("replaces a worker that crashes while it serves a client; the other clients carry on", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		clients := srv.DialMany(preforkWorkers)
		for _, c := range clients {
			greet(c, eachOwnWorker)
		}
		owners := ownersOf(srv, clients, eachOwnWorker)
		clients[0].SendLine("crash")
		clients[0].ExpectClosed("\"crash\" makes the worker that serves client 1 panic: it never answers, and " +
			"when it dies the kernel closes its connection.")
		for _, c := range clients[1:] {
			greet(c, "a crash ends one worker process, and only its own client: the others are served by other "+
				"processes, which carry on.")
		}
		after := expectWorkers(srv, preforkWorkers, owners[:1], fmt.Sprintf("worker %d crashed while it served "+
			"client 1. %s", owners[0], replaceDead))
		newcomer := srv.Dial()
		greet(newcomer, "the other clients keep their workers busy, so the worker that replaced the crashed one "+
			"serves the newcomer. "+replaceDead)
		replacement := slices.DeleteFunc(slices.Clone(after), func(pid int) bool { return slices.Contains(owners, pid) })
		Expect(srv.ExpectOwnedByChild(newcomer)).To(BeElementOf(replacement), "the newcomer should be served by "+
			"the worker that replaced the crashed one, %v, the only worker free: the other clients keep theirs busy "+
			"(TODO 5).", replacement)
	})

	It("replaces every worker when all K are killed at once", SpecTimeout(harness.SpecDeadline), func(ctx SpecContext) {
		before := expectWorkers(srv, preforkWorkers, nil, startK)
		for _, pid := range before {
			kill(pid)
		}
		expectWorkers(srv, preforkWorkers, before, fmt.Sprintf("the spec killed all %d workers %v at once: each "+
			"one's reaper sends it to s.exited, and the supervisor replaces each one in turn. %s",
			preforkWorkers, before, replaceDead))
		clients := srv.DialMany(preforkWorkers)
		for _, c := range clients {
			greet(c, replaceDead)
		}
	})
})
