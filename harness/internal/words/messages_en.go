package words

import "github.com/threadproc/threadproc/harness/say"

// english is the harness's catalog in English. Its Korean twin is
// messages_ko.go; the harness suite checks that both have every key with
// the same arguments. Gallery entries (solutions/*/gallery/*.txt "says:")
// and the harness's fixture specs quote these words: change one, change
// them too.
var english = say.Messages{
	// the frame of every failure (harness/message.go)
	"frame.race.first": "First: your server had a data race during this spec%s. A race can cause any of what " +
		"follows; fix it first (the race detector's report is below).",
	"frame.did":      "%s %s",
	"frame.expected": "  expected: %s",
	"frame.got":      "  got:      %s",
	"frame.log":      "  what happened on this connection (→ sent by %s, ← received):",
	"frame.server":   "  the server: %s",
	"frame.hint":     "hint: %s",
	"list.and":       "%s and %s",
	"excerpt.more":   "[... %d more lines ...]",
	"unjudged":       "not judged here: %s",

	// the harness's pointers at the task a spec checks
	"pointer.todo": `your code says "not implemented (TODO %d)": that is the task to do next.`,
	"pointer.task": "this spec checks task %[1]d: see TODO(%[1]d) in the code and hint %[1]d in HINTS.md.",

	// what happened on a connection (harness/transcript.go, client.go)
	"log.empty":       "(nothing was sent or received)",
	"log.cut":         "(%d earlier events not shown)",
	"log.closed":      "← (connection closed by %s)",
	"log.half-closed": "→ (end of input: the client half-closed its side)",
	"log.reset":       "→ (connection reset by the client)",
	"quote.cut":       "%s… (%d bytes in all)",

	// clients (harness/client.go)
	"client.name":        "client %d",
	"client.new":         "a new client",
	"client.spec-server": "the spec's server",
	"peer.server":        "the server",
	"peer.client":        "your client",
	"dial.did":           "connected to %s",
	"dial.expected":      "the connection to be accepted",
	"dial.hint":          "a server accepts connections only while its process runs and its listener is open.",
	"dial.failed":        "could not connect to %s: %v",
	"send.did":           "sent %s",
	"send.expected":      "the write to succeed",
	"read.too-long":      "more than %d bytes arrived without a newline",
	"reply.did":          "waited for a reply",
	"reply.expected":     "the line %s within %s",
	"reply.expected-busy": "the line %s within %s of the last moment the server's processes had work to run " +
		"(at most %s in all: the time starting %d processes may take here)",
	"data.expected":     "exactly %s within %s",
	"closed.did":        "waited for %s to close the connection",
	"closed.expected":   "the connection to close with nothing more sent",
	"closed.sent":       "%s sent %s instead",
	"closed.within":     "the connection to close within %s",
	"deliver.did":       "sent %s, to be read before anything else is sent",
	"deliver.expected":  "the other side to read it",
	"deliver.got":       "%d bytes were still unread after %s",
	"open.did":          "waited %s",
	"open.expected":     "the connection to stay open and quiet",
	"open.sent":         "the server sent %s",
	"half-close.failed": "%s could not half-close its connection: %v",
	"files.not-out":     "the server held %d of the %d file descriptors it may have open after %s, and never ran out: what it does when Accept fails with \"too many open files\" cannot be seen (a server that caps its own connections below the limit, or one this slow, never meets the error)",

	// what came instead of a reply (Client.describeReply)
	"reply.error":        "%s (the server answered with an error)",
	"reply.no-newline":   `%s and then nothing more: the reply came back without its "\n"`,
	"reply.then-nothing": "%s and then nothing more for %s",
	"reply.then-closed":  "%s and then the server closed the connection",
	"reply.nothing":      "nothing at all for %s (the server neither answered nor closed the connection)",
	"reply.closed":       "the server closed the connection without answering",
	"outcome.hang":       "%s got nothing at all for %s: neither an answer nor a close",

	// the server's process (harness/server.go, watch.go)
	"start.no-binary":     "the harness cannot find its own test binary",
	"start.no-listen":     "the harness could not listen on 127.0.0.1:0",
	"start.server":        "the harness could not start the server process",
	"start.client":        "the harness could not start the client program",
	"status.running":      "still running (pid %d)",
	"status.ended":        "its process %s",
	"status.output":       "  its output:",
	"exit.running":        "is still running (pid %d)",
	"exit.killed.by":      "was killed by the harness because %s",
	"exit.killed":         "was killed: %s",
	"exit.ok":             "exited normally after Serve returned nil",
	"exit.status.harness": "exited (status %d)",
	"exit.panic":          "crashed (exit status 2, which is what a Go panic exits with)",
	"exit.race":           "exited with status 66: the race detector found a data race",
	"exit.status":         "exited with status %d",
	"kill.shutdown":       "it did not exit after Shutdown",
	"kill.spec-ended":     "the spec ended",
	"kill.owner":          "its owner killed it",
	"kill.fork-bomb": "it started %d processes at once, more than the %d this spec allows. If every worker re-runs " +
		"the program and the worker mode does not take over, each worker starts more workers (a fork bomb)",
	"outcome.fork-bomb": "%d processes at once below the server, more than the %d allowed",
	"outcome.panic":     "exit status 2 (what a Go panic exits with)",
	"shutdown.no-exit":  "the server process did not exit after its listener was closed",
	"shutdown.after":    "after its listener was closed, the server process %s",
	"shutdown.before":   "the server process had already exited before Shutdown: it %s",
	"cleanup.killed":    "The harness had to kill your server because %s",
	"cleanup.stopped":   "Your server process stopped on its own during this spec: it %s\n\nIts output:\n%s",

	// data races (harness/racereport.go, race.go)
	"race.where":       " in %s:%s (%s)",
	"race.where.task":  " in %[1]s:%[2]s (%[3]s), which task %[4]d writes (TODO %[4]d, hint %[4]d)",
	"race.where.tasks": " in %s:%s (%s), which tasks %s write",
	"race.found": "The race detector found a data race in your server during this spec%s: two goroutines used the " +
		"same memory at the same time, and at least one of them wrote to it. Protect shared data with a " +
		"sync.Mutex or use sync/atomic.",
	"race.rebuilt": "this test binary was built without the race detector, so the harness rebuilt it with -race " +
		"(a data race in your server must fail the spec that caused it); the rebuilt binary is reused until your " +
		"code changes. `go tool ginkgo -race` (or `make ex EX=NN`) builds it with -race at once.",
	"race.refuse": "these specs judge your code only with the race detector on, and this test binary was built " +
		"without it; rebuilding it with -race failed: %v\nRun the specs with the race detector instead:\n" +
		"    go tool ginkgo -race ./exercises/NN-name     (or: go test -race ./exercises/NN-name, make ex EX=NN)",
	"race.still-none": "the rebuilt test binary still has no race detector",

	// lines the server's own process writes (harness/child.go)
	"child.stray": "this process (pid %s) is a copy of the program, started by your server (pid %s), but it did " +
		"not enter worker mode, so it exits instead of starting another server. Check that a re-run program " +
		"recognises that it is a worker before anything else.",
	"child.stray.mark": "did not enter worker mode",
	"child.copy": "this process (pid %d) is a copy of the test binary started from inside the test run (by pid " +
		"%d's tree); it will not run the specs again. If your server re-runs itself as a worker, its worker mode " +
		"did not take over.",
	"child.args": "this test binary was started with arguments %q but no test flags; if your server re-runs " +
		"itself as a worker, its worker mode did not take over.",
	"child.no-role":           "this suite has no %s called %q",
	"child.listener":          "cannot use the listener handed to this process: %v",
	"child.serve.error":       "Serve returned an error while its listener was still open: %v",
	"child.serve.nil":         "Serve returned nil while its listener was still open: it stopped accepting clients",
	"child.serve.error.after": "Serve returned an error after its listener was closed: %v",
	"child.serve.no-return":   "Serve did not return within %v after its listener was closed; its goroutines were:",
	"child.after-serve":       "after Serve returned: %v",
	"child.client.error":      "the client program returned an error: %v",

	// the process checks (harness/owner*.go)
	"procs.skip":          "this spec checks %s from outside, which this system does not allow: %v",
	"procs.what.owner":    "which process serves a connection",
	"procs.what.sockets":  "which sockets a process holds",
	"procs.what.children": "the server's child processes",
	"owned.no-look":       "the harness could not look: %s",
	"owned.did": "was looked up from outside: which processes hold the server's side of its connection " +
		"(%s → %s)",
	"owned.expected": "exactly one process, a child of the server (pid %d), within %v",
	"owners.none":    "no process at all: the server's side of the connection is closed",
	"owners.server": "the server process itself (pid %d): the connection is served by the server process itself, " +
		"not by a child process",
	"owners.both": "both the server process itself (pid %d) and %s: the server kept its own copy of the " +
		"connection after it handed it over, so it is still held (and may be read) by the server process itself, " +
		"not by a child process alone",
	"owners.several":     "several processes at once: %s; one process should serve it",
	"pid.gone":           "pid %d (gone)",
	"pid.child":          "its child process %d (%s)",
	"pid.other":          "process %d (%s, whose parent is %d), which is not a child of the server",
	"listener.no-read":   "the harness could not read the sockets of process %d: %v",
	"listener.own":       "%s (the server's own listener)",
	"listener.did":       "was looked at from outside: which sockets it holds",
	"listener.expected":  "its client's connection, and no listening socket",
	"listener.got":       "it also holds the listening socket %s",
	"server.pid":         "the server (pid %d)",
	"zombies.did":        "was looked at from outside: its child processes",
	"zombies.expected":   "no zombie among them within %v",
	"zombies.got":        "%d zombie(s): %s. A zombie is a process that has exited but is still in the process table, because its parent has not waited for it (reaped it) yet",
	"left.who":           "the server (pid %d) and its processes",
	"left.did":           "were looked for from outside, by the tag they all inherited",
	"left.expected":      "none of them running within %v",
	"left.got":           "%d process(es) of this server still running: %s",
	"left.orphans":       ". The server's process has ended, so %d of them are orphans, adopted by another process, and still serving",
	"proc.info":          "%d (%s, parent %d, state %c)",
	"kill.failed":        "the harness could not kill the server's process %d: %v",
	"kill.no-end":        "the server's process %d did not end within %v of SIGKILL",
	"interrupt.no-end":   "the server's process %d did not end within %v of Ctrl-C (SIGINT to its process group)",
	"interrupt.no-group": "this system has no process groups to send Ctrl-C (SIGINT) to",
	"stray.failed": "A copy of your program that your server started as a worker did not enter worker mode, or " +
		"left it and carried on with the rest of the program: the worker mode did not take over, so the harness " +
		"stopped the copy. The copy said:\n    %s\n\nA worker is your program started again, with the connection " +
		"as fd 3 and a mark in its environment. The very first thing the program does (before the tests, or " +
		"main's own work) must be to notice that mark, serve the connection, and exit: check that the server sets " +
		"the mark the check looks for, that the check runs first, and that the worker exits once its client is " +
		"served.",

	// many clients, client programs, go vet, the machine (crowd.go,
	// clientprog.go, vet.go, host.go)
	"together.failed":    "%d of %d clients failed; the first failure is reported above",
	"clientprog.waited":  "the spec's server waited %v for your client program to connect, but it did not: %v",
	"clientprog.ended":   "your client program ended before it connected to the server.",
	"clientprog.state":   "  client program: %s",
	"clientprog.running": "it is still running",
	"clientprog.exited":  "it exited with status %d",
	"clientprog.stderr":  "; its stderr:\n%s",
	"vet.found":          "go vet found problems in your code:",
	"vet.task":           "  (task %s)",
	"vet.words":          "  go vet's own words:",
	"vet.hint":           "run `go vet ./exercises/...` yourself; each finding names a file and a line.",
	"vet.no-run":         "go vet could not run: %s",
	"budget.unmeasured":  "the cost of starting a process could not be measured here, so %d workers were given %v",
	"budget":             "starting a process costs %v here, so %d workers were given %v",

	// package speedup
	"speedup.cpu.unknown": "server CPU time unknown on this system",
	"speedup.cpu":         "server CPU/wall %.2f at once, %.2f one after the other",
	"speedup.demand":      ", CPUs asked for at once %.2f",
	"speedup.measurement": "%d jobs: one after the other %v, at once %v, speedup %.2fx; %s; host parallelism %.2f; " +
		"medians of %d rounds",
	"speedup.did":             "sent %q while %s",
	"speedup.when.warmup":     "warming up",
	"speedup.when.sequential": "sending jobs one after the other",
	"speedup.when.parallel":   "sending jobs at once",
	"speedup.no-cpu-time": "this spec reads the server's CPU time from the operating system, which this system does " +
		"not offer (it needs Linux's /proc). The other speedup specs still check parallelism by the wall clock.",
	"speedup.no-overlap": "jobs did not overlap: while %d jobs ran at once, the server's CPU time over wall time was " +
		"%.2f, and a server that runs one job at a time cannot exceed 1.0.%s",
	"speedup.serial": "the jobs ran one after the other: while %d jobs were sent at once, the server's threads " +
		"asked for %.2f CPUs, about one, where a server that runs them at the same time asks for about %d (at " +
		"least %.2f).%s",
	"speedup.credited": " (%.2fx, counting the CPUs the machine withheld from the %.2f its threads asked for)",
	"speedup.no-speedup": "no speedup: %d jobs sent at once took %v, and %d jobs sent one after the other took %v, " +
		"a speedup of only %.2fx, though the server's processes kept %.2f CPUs busy%s. On this host parallel jobs " +
		"reach about %.2fx (the parallelism the test process itself got), so at least %.2fx was expected: " +
		"something makes one job wait for another, or does the work more than once.",
	"speedup.parallel.cpu": "the jobs ran in parallel: while %d jobs ran at once, the server's CPU time over wall " +
		"time was %.2f, more than one CPU's worth (one job at a time stays at or below 1.0; %.2f is the limit " +
		"here), and they finished %.2fx as fast as one after the other.",
	"speedup.parallel.demand": "the jobs ran in parallel: while %d jobs ran at once, the server's threads asked for " +
		"%.2f CPUs at the same time (they got %.2f; this machine could not give more). One job at a time asks for " +
		"one.",
	"speedup.parallel.clock": "the jobs ran in parallel: %d jobs sent at once finished %.2fx as fast as one after " +
		"the other (one job at a time gives about 1x; %.2fx is the limit here).",
	"speedup.host-busy": "in this run, %d copies of the job in the test process itself ran only %.2fx as fast " +
		"together as one after the other (at least %.1fx is needed to judge by the wall clock; %dx would mean %d " +
		"idle CPUs), and this system does not report how many CPUs the server's threads asked for.",
	"speedup.demand.one": " Its threads asked for %.2f CPUs at a time, counting the time they waited for one: " +
		"about one, where a server that runs %d jobs at once asks for about %d (at least %.2f).",
	"speedup.demand.known": " Its threads asked for %.2f CPUs, counting the time they waited for one.",
	"speedup.demand.host": " On this host a server that runs them in parallel reaches about %.2f (the parallelism " +
		"the test process itself got), so at least %.2f was expected.",
	"speedup.clock.agrees": " The wall clock agrees: %.2fx as fast at once as one after the other.",
	"speedup.clock.fooled": " The wall clock showed %.2fx, but a serial server cannot run two jobs at once: another " +
		"program slowed one phase more than the other.",
	"speedup.howto": "%s\n  To have it judged, run it on Linux (a VM or container will do), with the other programs " +
		"that use the CPUs closed.",
	"speedup.busy":          "the machine is too busy to measure a speedup: %s",
	"speedup.measured":      "%s\n  measured: %s",
	"speedup.measured.list": "%s\n  measured (%s):\n%s",
	"speedup.measured.one":  "1 measurement, which failed",
	"speedup.measured.many": "%d measurements, all failed",

	// package inchild
	"leak.stderr":  "goroutines still running after Serve returned:\n%v",
	"leak.error":   "%s (full stacks in the server's output)",
	"leak.unread":  "goroutines were still running after Serve returned",
	"leak.started": ", started by %s at %s",
	"leak.in":      " in %s at %s",
	"leak.others":  "and %d other kinds",
	"leak.count":   "%d %s",
	"leak.summary": "%d goroutine(s) your server started were still running: %s",
}
