package choose_test

import "github.com/threadproc/threadproc/harness/say"

// english is what the specs say, in English: the catalog's reference
// language (messages_ko_test.go is its twin, key for key). A key is "06."
// and what the message is about; "06.hint.*" are the hints, which name the
// TODO they point at.
var english = say.Messages{
	// hints: what to do, and where
	"06.hint.goroutine-per-client": "serve each accepted connection on a goroutine of its own (go ...) and go " +
		"straight back to Accept: a client waiting for its job must not keep the others waiting (TODO 1).",
	"06.hint.jobs-to-workers": "answer sends a line that asks for a job (isJob) to s.pool.run(ctx, jobOf(line)), " +
		"and echoes every other line as it is (TODO 1).",
	"06.hint.only-jobs": "only \"work N\" and a line that is exactly \"crash\" are jobs: isJob tells them apart; " +
		"everything else is echoed. answer sends a job to s.pool.run(ctx, jobOf(line)), and echoes every other " +
		"line as it is (TODO 1).",
	"06.hint.crlf": "telnet ends lines with \"\\r\\n\": jobOf removes it before the job goes to a worker (TODO 1).",
	"06.hint.exit": "\"exit\" closes the connection of the client that sent it: handle (given) does that once " +
		"Serve runs it on a goroutine per client (TODO 1).",
	"06.hint.close-pool": "when Accept fails because ln was closed, return s.pool.close(): it stops every worker " +
		"process and waits for it, so that none outlives the server (TODO 1).",
	"06.hint.none-left": "once Serve has returned, no worker process may be left running (TODO 1).",
	"06.hint.shutdown-busy": "when ln is closed, return s.pool.close() at once: it stops every worker, busy or " +
		"not, and each client whose job was cut short is told that the server is shutting down. Waiting for the " +
		"running jobs first (draining p.slots) can take as long as the longest job: a \"work 100000000\" runs " +
		"for many seconds (TODO 1).",
	"06.hint.ctrl-c": "Ctrl-C in a terminal sends SIGINT to the server's whole process group. The workers ignore " +
		"it (worker.go): their life is the server's business. A worker must stay in the server's process group " +
		"and be killed when the server dies (workerAttr asks the kernel for that with Pdeathsig, in attr_linux.go, " +
		"which is given): a worker in a group of its own, with no parent-death signal, works on after the server " +
		"is gone, for nobody.",
	"06.hint.in-a-worker": "a job must run in a worker process, not in the server's: run takes a worker with " +
		"p.take() (which starts one in an empty slot), sends it the job with w.doFor(ctx, job), and puts it back " +
		"(TODO 2).",
	"06.hint.for-nobody": "run sends the job with w.doFor(ctx, job) (given, in leave.go): it calls your do, and " +
		"stops the worker when ctx ends because the client left; then p.crashed reaps it and frees its slot " +
		"(TODO 2).",
	"06.hint.left-reaped": "doFor kills the worker of a client that left, and returns an error: give that worker " +
		"to p.crashed(w, err), as for a crash. p.stop(w) waits for it, which reaps it: a killed process stays a " +
		"zombie until its parent waits for it (TODO 2, TODO 3).",
	"06.hint.left-slot": "a worker stopped because its client left frees its slot: p.crashed gives it back empty " +
		"(p.slots <- nil), so the pool keeps its %d slots, and the next job there starts a new worker (TODO 2, " +
		"TODO 3).",
	"06.hint.pool-size": "the pool has %d slots, and a job runs only in the worker of a slot it holds: take a " +
		"token from p.slots, start a worker only when the token is nil (an empty slot), and put the worker back " +
		"into p.slots when its job is done, so that the next job reuses it. A new process for every job pays a " +
		"program's start-up every time, and with many clients it runs more processes than there are CPUs (TODO 2).",
	"06.hint.in-parallel": "two clients' jobs should run at the same time, each in a worker process of its own, " +
		"on two CPUs: run holds a slot only while its job runs, and nothing else (a mutex, a single worker) makes " +
		"one job wait for another while a slot is free (TODO 2).",
	"06.hint.error-not-crash": "an answer that starts with \"error: \" is the worker's ordinary answer to a job " +
		"it could not do: the worker is healthy, and goes back to its slot (p.slots <- w) like after any answer. " +
		"Only a failed do (its connection ended: the worker died) is a crash for p.crashed; killing a healthy " +
		"worker costs a program's start-up for the next job (TODO 2).",
	"06.hint.slow-not-dead": "a slow job is not a dead worker: do waits for the answer as long as the job takes " +
		"(a \"work N\" may run for many seconds, up to MaxRounds rounds). A worker has died only when its " +
		"connection ends (do returns an error); a deadline on the answer, or a timer, kills healthy workers " +
		"in the middle of long jobs (TODO 2).",
	"06.hint.crash-isolated": "\"crash\" makes the process that runs the job panic. If your server's process " +
		"died with it (see \"the server\" above: a Go panic exits with status 2), the job ran in the server's own " +
		"process, and every client died with it: goroutines share one process, and a panic in any of them ends " +
		"it all. A job must run in a worker process (TODO 2); when that worker dies, w.do returns an error, and " +
		"p.crashed(w, err) answers CrashedReply to that one client (TODO 3).",
	"06.hint.crash-no-answer": "the server still runs, but this client got no answer to its job. Either the job " +
		"waits for a slot that never came back (crashed must give the dead worker's slot back: p.slots <- nil), " +
		"or crashed itself never returned: a send into p.slots waits while the channel is full, which happens " +
		"when a slot is given back twice (a slot counted twice). Give each crashed worker's slot back exactly " +
		"once, and return CrashedReply (TODO 3).",
	"06.hint.crash-reply": "a job whose worker died is answered CrashedReply, \"error: worker crashed\": p.crashed " +
		"returns it, once it has stopped the worker and given its slot back empty (TODO 3).",
	"06.hint.crash-keeps-client": "a job that crashed its worker ends the job, not the client's connection: " +
		"p.crashed returns CrashedReply, and handle goes on reading that client's lines (TODO 3).",
	"06.hint.replace-worker": "when a worker dies, its slot must not die with it: crashed stops the dead worker " +
		"with p.stop(w), which reaps it, and gives the slot back empty (p.slots <- nil), so that the next job " +
		"there starts a new worker. Putting the dead worker back (p.slots <- w) hands the next job to a process " +
		"that is gone (TODO 3).",
	"06.hint.reap-crashed": "a worker that died stays a zombie until its parent waits for it: p.stop(w) kills " +
		"and reaps it (TODO 3).",
	"06.hint.slot-once": "each token of p.slots is a slot: a job takes one, and gives exactly one back, a worker " +
		"after a good job, nil after a crash. crashed gives the dead worker's slot back once (p.slots <- nil); " +
		"a second send counts that slot twice, and the pool then starts more workers than it has slots (TODO 3).",
	"06.hint.over-budget": "an idle client should cost a goroutine (a few KB of stack) and a buffer, not a " +
		"process: a process per client costs a whole program's memory (its runtime, its heap, its stacks), a " +
		"megabyte or more each, and many more under the race detector. Serve every client on a goroutine of the " +
		"server's process (TODO 1); only jobs go to the few worker processes of the pool.",

	"06.hint.fd-backoff": "Accept fails with \"too many open files\" (EMFILE) when the server's process has no " +
		"file descriptor left for a new connection: here its limit was lowered to %[1]d, as `ulimit -n %[1]d` " +
		"does. That passes as soon as clients leave: log it, wait a moment (5 ms, doubling with each failure in " +
		"a row, at most 1 s, as net/http does) and call Accept again. Returning from Serve, or exiting, drops " +
		"every client (TODO 1).",

	// what the specs saw
	"06.fd.waited": "%d clients connected to a server that may have %d files open, so it ran out of file " +
		"descriptors; then all but the last few left, and this client (from number %d on) waited to be served.",
	"06.none":           "none",
	"06.server.running": "still running (pid %d)",
	"06.server.ended":   "its process has ended; its output:\n%s",
	"06.reply.nothing":  "nothing (%v)",
	"06.reply.partial":  "%q and then: %v",
	"06.skip.slow-too-fast": "not judged here: %q was answered in %v, even at %d times the size this server runs in " +
		"about 0.2 s, which is too soon to tell a healthy slow job from a deadline of a few seconds; run the spec " +
		"again on a quieter machine.",
	"06.skip.procs": "not judged here: %s, and this system does not let the spec look at processes (%v). " +
		"Run the specs on Linux to have it judged.",
	"06.skip.ctrl-c": "not judged here: after Ctrl-C, the spec looks for the server's processes by the tag " +
		"they inherit, which needs Linux's /proc. Run the specs on Linux to have it judged.",
	"06.after-serve.workers-left": "Serve returned while %d worker process(es) were still running or not reaped " +
		"(running: %s; zombies: %s). When its listener is closed, Serve must return s.pool.close(), which stops " +
		"every worker and waits for it (TODO 1)",
	"06.shutdown.failed": "the spec closed the server's listener, and then:\n    %v\n\n  hint: %s",
	"06.long-job.not-started": "after %d client(s) sent %q, the server did not start working: it and its " +
		"processes used less than %v of CPU time in %v. Send jobs to s.pool.run (TODO 1), which runs them in a " +
		"worker (TODO 2).",
	"06.others.no-echo": "client 1 is waiting for a long job, and the other clients got no echo:",
	"06.others.second-worker": "client 1's long job runs in one worker; a second job can run in another worker " +
		"at the same time (TODO 2).",
	"06.in-worker.none-below": "while a long job runs, no process runs below the server: %s",
	"06.in-worker.in-server": "while a long job ran, the server used %v of CPU time in its own process, and no " +
		"process ran below it: the job runs in the server's process. %s",
	"06.in-worker.cpu-in-server": "while a long job ran, the server's own process used %v of the %v of CPU time " +
		"that the server and its processes used (processes below it: %s): the job ran in the server's process. %s",
	"06.error.wrong-line": "%s sent %q\n  expected: %q, the line the worker answers to it (a job it cannot " +
		"do; the worker stays ready for the next job)\n  got:      %s\n\n  the server: %s\n\n  hint: %s",
	"06.same.after-answer": "%s sent %q and got an answer",
	"06.sent":              "sent %q",
	"06.same.after-next":   "the next jobs were answered",
	"06.same.replaced": "%s, and the server's worker processes changed: before, %s; now, %s. Worker(s) %s " +
		"ended: an ordinary error answer was treated as a crash, and a healthy worker stopped.\n\n  the server: " +
		"%s\n\n  hint: %s",
	"06.pool.none-seen": "%d jobs ran and the spec never saw a process below the server: %s",
	"06.pool.too-many": "while %d clients sent %d jobs each, the server ran up to %d processes below it at once " +
		"(%d different ones in all). %s",
	"06.pool.not-reused": "%d jobs ran in %d different worker processes: a worker must be reused from job to " +
		"job, not started anew. %s",
	"06.pool.seen": "\n\n  the processes seen below the server (pid, from when to when, counted from the first " +
		"job): %s\n  the end of the server's output:\n%s",
	"06.slow.not-answered": "%s sent %q, a job %d times as long as %q (the size this server runs in about " +
		"0.2 s here)\n  expected: its digest, however long it takes\n  got:      %s, after %v\n\n  the server: " +
		"%s\n\n  hint: %s",
	"06.leave.no-worker": "%s sent %q, and no worker process started below the server within %v. %s",
	"06.leave.still-running": "%s sent %q (many seconds of work), then closed its connection. %v later, the " +
		"worker that ran the job was still running (%s): it worked on for nobody, while other clients' jobs " +
		"could wait for its slot. %s",
	"06.crash.did": "sent \"crash\" (crash number %d in a row)",
	"06.crash.other-job": "%s's job was running in another worker when %s's job crashed its worker: only that " +
		"one worker died. %s",
	"06.crash.slots-gone": "%d jobs crashed their workers, more than the pool's %d slots: every slot needs a " +
		"new worker after a crash. %s",
	"06.crash.slot-twice": "while %d jobs in a row crashed their workers and %d other clients sent jobs, up to " +
		"%d worker processes ran below the server at once, more than its %d slots (%d different ones in all): " +
		"a slot counted twice, given back more than once after a crash. %s",
	"06.memory.tree":       "%s in all: the server's process %s, and %d process(es) below it %s",
	"06.memory.unreadable": "the spec could not read the memory of the server's process %d: %v",
	"06.memory.idle-echo":  "%d clients are connected and idle, and every one of them needs its own goroutine. %s",
	"06.memory.pss":        "PSS: shared pages divided among the processes sharing them",
	"06.memory.rss":        "RSS: this system has no PSS, so pages shared by several processes count in each",
	"06.memory.over-budget": "with %d idle clients connected, the server and its processes use %s, over the " +
		"budget of %s for %d clients (%s per client so far; %s, measured from outside).\n\n  hint: %s",
}
