package pools_test

import "github.com/threadproc/threadproc/harness/say"

// english is what the specs say, in English: the catalog's reference
// language (messages_ko_test.go is its twin, key for key). A key is "05."
// and what the message is about; "05.hint.*" are the hints, which name the
// TODO they point at, and "05.skip.*" say why a spec could not judge here.
var english = say.Messages{
	// what every spec says
	"05.did.sent":     "sent %q",
	"05.exit.closes":  "\"exit\" closes the connection of the client that sent it.",
	"05.leave.eof":    "a client that ends its input has left: its worker closes the connection and goes back to Accept.",
	"05.crash.closes": "\"crash\" makes the worker that serves client 1 panic: it never answers, and when it dies the kernel closes its connection.",
	"05.crash.others": "a crash ends one worker process, and only its own client: the others are served by other processes, which carry on.",
	"05.skip.no-procs": "not judged here: this spec counts the server's worker processes from outside, which this " +
		"system does not allow: %v",
	"05.shutdown.failed": "%s, and then:\n    %s",
	"05.server-ended":    "the server's process has ended. Its output:\n    %s",
	"05.stray": "A copy of your program that the server started as a worker did not enter worker mode, so the " +
		"harness stopped it. The copy said:\n    %s\n\nA worker is your program started again, with the listening " +
		"socket as fd 3 and WorkerEnv=1 in its environment. The very first thing the program does must be to " +
		"call WorkerMain, which notices WorkerEnv and then accepts and serves clients for as long as the process " +
		"lives, and never returns (TODO 3).",

	// task 1: the goroutine pool
	"05.hint.k-at-once": "the pool has K = %[1]d workers, so %[1]d clients connected at once must all be served " +
		"while all of them stay connected: start K goroutines that each run p.work(), and in work, serve each " +
		"connection taken from the queue with handle (TODO 1).",
	"05.pool.waits": "the %[1]d clients before it keep the pool's %[1]d workers busy, so %[2]s must wait: no " +
		"echo, and its connection open, until a worker is free.",
	"05.hint.served-too-many": "if the server sent the echo: it served one client more than it has workers, K " +
		"= %d. Every connection must go through the queue to one of the K workers, and nothing else may serve " +
		"it: no goroutine of its own per connection in the accept loop, no extra worker (TODO 1).",
	"05.hint.turned-away": "if the server closed the connection: it turned away a client it could not serve " +
		"yet. A pool makes such clients wait: the accept loop puts every connection in the queue, and waits for " +
		"room when the queue is full; it never closes a connection because every worker is busy (TODO 1).",
	"05.hint.next-in-queue": "a worker whose client left takes the next connection from the queue: the waiting " +
		"client is served as soon as one of the busy ones leaves (TODO 1).",
	"05.pool.still-served": "the other busy client is still connected, and still served.",
	"05.hint.none-dropped": "%d clients connected at once to a pool of %d workers: the others wait their turn, " +
		"in the queue (a channel with room for QueueSize = 16) and, once it is full, in the listen backlog, and " +
		"are then served. A client that gets no answer was dropped or forgotten: put every accepted connection " +
		"in the queue, and let the send wait while the queue is full (TODO 1).",
	"05.hint.worker-lost": "after clients reset their connections, the pool served fewer clients at once than " +
		"it has workers: for each reset, handle returned an error, and a worker that returns (or exits) because " +
		"of one client's error is lost to all the clients after it. Log the error and go on with the next " +
		"connection of the queue (TODO 1).",

	// task 1: running out of file descriptors
	"05.hint.accept-retry": "this server may have only %d file descriptors open (ulimit -n), and every " +
		"connection takes one: past that, Accept fails with \"too many open files\" (EMFILE) until a client " +
		"leaves, while the clients that come meanwhile wait in the kernel's queue. The accept loop must not " +
		"return on that error: accept(ln) logs it, sleeps (5 ms, twice as long each time after, at most 1 s) and " +
		"tries again; it returns an error only once ln is closed (TODO 1).",
	"05.files.refused": "client %d could not connect (%v): the server had stopped. With its file descriptors " +
		"limited to %d, Accept fails once that many are open, and a server that returns then drops every " +
		"client it has.",
	"05.files.gone": "the server's process ended while the spec watched it for %v, out of file descriptors.",
	"05.files.spinning": "while it was out of file descriptors, with nothing to do but wait for a client to " +
		"leave, the server's threads asked for %.2f CPUs over %v: it tries Accept again and again without a " +
		"pause, and burns a CPU doing so. Sleep between tries: 5 ms the first time, twice as long each time " +
		"after, at most 1 s (TODO 1).",
	"05.skip.no-sched": "not judged here: this spec reads how long the server's threads ran and waited for a " +
		"CPU, which only Linux reports (%v). Run the specs on Linux to have it judged.",

	// task 2: the goroutine pool's shutdown
	"05.did.close-idle": "the spec closed the server's listener with no client connected",
	"05.did.close-busy": "the spec closed the server's listener while %d clients were being served and %d " +
		"waited in the queue",
	"05.hint.stop-pool": "Once its listener is closed, the accept loop calls p.shutdown(), which closes the " +
		"queue (so that every worker's range loop ends), closes every connection still open with " +
		"p.conns.closeAll(), waits for the workers (p.workers.Wait(), with one Add per worker before it " +
		"started), and returns nil. A worker left waiting on a queue nobody closes is a goroutine leak (TODO 2).",
	"05.hint.stuck-in-send": "If Serve did not return, look at where its goroutines were: one still in " +
		"ServeGoroutinePool, at the send to the queue, means that the accept loop waited for room in the queue, " +
		"not in Accept, and so never saw the listener close. Two clients waiting must fit in the queue: keep " +
		"its room (QueueSize) (TODO 1 and 2).",
	"05.pool.closed": "the server has stopped: every connection it accepted must be closed. %s",

	// task 3: the worker
	"05.hint.accept-on-fd3": "the worker is your program started again with WorkerEnv=1 in its environment and " +
		"the listening socket as fd 3: WorkerMain rebuilds the listener with net.FileListener(os.NewFile(3, " +
		"...)), then accepts clients on it and serves each one with handle (TODO 3).",
	"05.hint.client-after-client": "a prefork worker is started once and serves client after client: after one " +
		"client leaves, it goes back to Accept, in the same process. (Exercise 03's worker served one " +
		"connection and exited; this one lives as long as the server.) (TODO 3)",
	"05.worker.other-process": "client 2 was served by another process than client 1 (worker %d). %s",
	"05.hint.one-at-a-time": "a worker serves one client at a time: it calls handle(conn) itself, and Accepts " +
		"the next client only after handle has returned. If the server sent the echo, the worker served the " +
		"second client while the first was still connected (a goroutine per client inside the worker?): then K " +
		"workers no longer bound how many clients are served at once (TODO 3).",
	"05.hint.go-on-after-error": "client 1 reset its connection, so handle returned an error: that is client " +
		"1's problem. Log it and Accept the next client; a worker that exits or returns because of one client " +
		"is lost to every client after it (TODO 3).",
	"05.one-worker.ended": "the worker process %d ended on its own (%v) while the server still ran: a worker " +
		"accepts and serves client after client, for as long as it lives, and never returns or exits because " +
		"one client left or failed (TODO 3)",

	// task 4: the supervisor
	"05.hint.start-k": "ServePrefork starts its K = %d workers first thing, before any client connects, with " +
		"s.start() K times; each one is a child process of the server (TODO 4).",
	"05.workers.want": "the server (pid %d) should have %d worker processes alive, and no zombie, within %v; " +
		"looked at from outside, it had %s.",
	"05.workers.alive":          "%d alive %v",
	"05.workers.should-be-gone": " (%d among them, which should be gone)",
	"05.workers.zombies":        " and %d zombie(s) %v (ended, not reaped: nobody called cmd.Wait for them)",
	"05.workers.unreadable":     "none that could be read (%v)",
	"05.workers.server-ended": "the server (pid %d) should have %d worker processes alive, and no zombie, within %v; " +
		"but the server's process itself %s, so it has no workers to count: its workers, if any are left, are no " +
		"longer its children. Find out first why the server ended (its output is below).",
	"05.workers.came-and-went": "Meanwhile %d different worker processes came and went: workers die as soon " +
		"as they start, and the supervisor starts others in their place, again and again (a restart storm).",
	"05.storm.deaf": "worker %d holds no listening socket on %s: it was started without the listener the " +
		"supervisor shares (fd 3), so it cannot accept a client; it dies, and a supervisor that replaces it starts " +
		"another like it, again and again (a restart storm).",
	"05.storm": "while no worker was killed and no client came, the spec watched the server's worker " +
		"processes for %[2]v: besides the workers %[3]v, %[1]d more were started, %[4]v. A worker that dies as " +
		"soon as it starts, replaced by another that dies too, is a restart storm: the count of workers alive " +
		"looks right at most moments, while the machine spends itself starting processes that serve nobody.",
	"05.hint.no-storm": "each worker that starts must stay up and serve: the supervisor starts K at the " +
		"beginning, and one more only when one has died. Look at what the workers wrote in the server's output " +
		"(make run, or the spec's report): a worker that cannot use its listening socket ends at once (TODO 4 " +
		"and 5).",
	"05.hint.fd3-closed": "the server's output shows %d line(s) from workers whose fd 3 was no listening " +
		"socket, the last: %q. Every worker gets fd 3 from s.listener, the supervisor's copy of the listening " +
		"socket: keep it open for as long as the supervisor may start a worker, that is until ServePrefork " +
		"returns (its defer closes it). Closing it once a worker has started, as exercise 03's server closes " +
		"its copy of a client's connection, leaves every worker started after that with a closed fd 3 (TODO 4 " +
		"and 5).",
	"05.prefork.not-a-first-worker": "client 1 was served by process %d, which is not one of the %d workers %v " +
		"that were there before it connected: the workers are started once, and serve every client (TODO 4).",
	"05.hint.each-own-worker": "%[1]d clients connected at once are served by the %[1]d workers, one each: " +
		"every worker accepts on the socket it inherited (TODO 3 and 4).",
	"05.same-worker": "%s and %s are both served by worker process %d at the same time: a worker serves one " +
		"client at a time, and the next one only after the first has left (TODO 3).",
	"05.hint.backlog-waits": "the %d workers are busy with the clients before it, so this client waits in the " +
		"listen backlog until one is free. If the server sent the echo, something else than the K workers " +
		"served it: no process per client, no goroutine per client in a worker, and the supervisor accepts " +
		"nothing (TODO 3 and 4). If it closed the connection, a worker turned the client away.",
	"05.hint.free-worker": "client 1 left, so its worker (process %d) is free: it goes back to Accept and takes " +
		"the client that waited (TODO 3).",
	"05.prefork.not-the-free-one": "%s should be served by the worker that served client 1 (process %d), the " +
		"only one free: the workers are started once and serve client after client, and the supervisor starts " +
		"no process for a client (TODO 3 and 4).",
	"05.hint.crowd": "%[1]d clients connected at once: the %[2]d workers serve them %[2]d at a time, and the " +
		"others wait in the listen backlog for their turn (TODO 3 and 4).",
	"05.prefork.too-many": "while %d clients came and went, the server had %d worker processes at once %v, " +
		"more than K = %d.\n\n  hint: %s",
	"05.hint.never-more-than-k": "a prefork server runs K = %d worker processes, however many clients come: " +
		"the supervisor starts K at the beginning and one more only when one has died. The clients beyond K " +
		"wait in the listen backlog; starting a process per client is exercise 03, without a bound (TODO 4).",
	"05.hint.keep-workers": "a client that leaves, by \"exit\", by ending its input or by resetting its " +
		"connection, ends only its own connection: its worker goes back to Accept, in the same process, and " +
		"the supervisor has nothing to do (TODO 3 and 4).",
	"05.prefork.workers-changed": "the workers were %v before three clients left and %v after: a worker " +
		"serves client after client, and no worker ends because its client left. %s",
	"05.did.close-prefork": "the spec closed the server's listener while its K workers served clients and " +
		"another client waited in the backlog",
	"05.hint.stop-all": "Once its listener is closed, the supervisor kills every worker (cmd.Process.Kill), " +
		"receives each one from s.exited (its reaper has waited for it), and returns nil. The workers hold " +
		"copies of the listening socket: until the last of them is gone, the socket stays open and clients " +
		"can still connect (TODO 4).",
	"05.prefork.closed": "the server has stopped, so its workers must have stopped too, and their clients' " +
		"connections with them. %s",
	"05.prefork.still-listening": "a new client could still connect after the server and its workers were " +
		"gone: some process still holds the listening socket. %s",
	"05.after-serve.running": "Serve returned while %d worker process(es) were still running (pids %s): when " +
		"Serve returns, the server's program ends, and a worker left running would go on accepting clients " +
		"with no supervisor above it. Kill every worker, and receive its reaper's message before returning " +
		"(TODO 4)",
	"05.after-serve.zombies": "Serve returned before reaping %d worker(s) it killed (zombies, pids %s): a " +
		"killed worker stays a zombie until cmd.Wait has returned for it; wait until each reaper has sent its " +
		"worker to s.exited before returning (TODO 4)",
	"05.after-serve.unreaped": "Serve returned while worker processes it had started were not reaped yet " +
		"(still dying, or ended and waiting for their parent): their reapers reaped them a moment later, when " +
		"Serve had already returned. Killing a worker only sends it a signal, as Python's terminate() does; " +
		"like join(), receive one value from s.exited for each worker killed before returning (TODO 4)",
	"05.hint.ctrl-c": "Ctrl-C in a terminal sends SIGINT to the terminal's foreground process group: the " +
		"supervisor, and every worker still in its group. A worker ignores it (WorkerMain, given), and dies " +
		"with the supervisor: workerAttr (spawn_linux.go, given) asks the kernel for that (Pdeathsig). Keep " +
		"starting workers with startWorker, which uses it (TODO 4).",
	"05.ended.running":    "%d worker process(es) %v were still running %v after the server's process ended.",
	"05.pgid.cannot-look": "not judged here: the spec cannot read the server's process group: %v",
	"05.pgid.gone":        "worker %d ended while the server ran, before any client came (TODO 3 and 4).",
	"05.pgid": "worker %[1]d is in process group %[2]d, not in the server's group %[3]d. Ctrl-C in a terminal, " +
		"and a signal to the server's group (kill -INT -PGID, a supervisor program stopping the server), reach " +
		"only the server's group: a worker in a group of its own (SysProcAttr{Setpgid: true}) escapes them. " +
		"Start workers with startWorker and workerAttr as given, without Setpgid (TODO 4).",

	// task 5: replacing a worker that dies
	"05.hint.replace-dead": "When a worker ends while the server runs (it crashed, or something killed it), its " +
		"reaper sends it to s.exited; the supervisor's loop deletes it from s.running and calls s.replace, which " +
		"starts another with s.start(), so that K = %d workers keep serving (TODO 5).",
	"05.supervise.killed":  "the spec killed worker %d. %s",
	"05.supervise.crashed": "worker %d crashed while it served client 1. %s",
	"05.supervise.all-killed": "the spec killed all %d workers %v at once: each one's reaper sends it to " +
		"s.exited, and the supervisor replaces each one in turn. %s",
	"05.supervise.others-changed": "only worker %d was killed, but other workers changed too (before: %v, " +
		"after: %v): replace the worker that died, and leave the others alone (TODO 5).",
	"05.hint.reap-dead": "a worker that died stays a zombie until cmd.Wait returns for it: its reaper " +
		"goroutine, started with it in s.start(), waits for it and then sends it to s.exited (TODO 4 and 5).",
	"05.supervise.serve-after": "after the replacement, K workers serve K clients at once. %s",
	"05.supervise.newcomer": "the other clients keep their workers busy, so the worker that replaced the " +
		"crashed one serves the newcomer. %s",
	"05.supervise.not-replacement": "the newcomer should be served by the worker that replaced the crashed one, " +
		"%v, the only worker free: the other clients keep theirs busy (TODO 5).",
	"05.shutdown.started": "the supervisor started %d new worker process(es) %v after its listener was " +
		"closed: it replaced the workers it ended at shutdown, and the new ones keep ServePrefork from " +
		"returning (each must be ended and reaped in turn, and is replaced again).",
	"05.hint.no-replace-at-shutdown": "a worker that ends because the supervisor killed it at shutdown is not " +
		"to be replaced: once ln is closed, s.shutdown() kills every worker and receives each one from " +
		"s.exited itself, without calling s.replace. Only the supervisor's loop, while the server runs, " +
		"replaces a worker (TODO 5).",
	"05.kill.failed": "the spec could not kill worker process %d",

	// task 6: the thundering herd
	"05.skip.no-herd": "not judged here: the spec counts how often the workers are woken from the scheduler's " +
		"figures in /proc, which only Linux has (%v). Run it on Linux (a container or a VM will do).",
	"05.herd": "%d clients, one at a time, visited (connect, echo, exit) your prefork server with K = 1 and " +
		"with K = %d workers. Read from /proc, the server's processes gave up their CPU to wait %.1f times per " +
		"client with K = 1 and %.1f times with K = %d, and used %v and %v of CPU per client: each of the %d " +
		"idle workers added %.2f switches per client, where a worker that sleeps until it is needed adds close " +
		"to none (at most %.1f passes). The cost of a client grows with the number of workers that have " +
		"nothing to do: that is the thundering herd.",
	"05.herd.background": "(Not counted: the switches the servers' processes make with no client at all, " +
		"measured for as long as the visits took: %.0f and %.0f a second with K = 1 and K = %d.)",
	"05.hint.herd-cure": "A worker waiting in Accept waits in Go's network poller, where every idle worker " +
		"watches the listening socket: when a client arrives, the kernel wakes them all, one takes the client " +
		"and the others go back to sleep. Take clients with newWakeOne instead (given, wakeone_linux.go): " +
		"clients.accept() takes a client that is waiting, and when it returns errNoClient, clients.wait() waits " +
		"with EPOLLEXCLUSIVE, so that the kernel wakes one idle worker per client. And give the worker " +
		"runtime.GOMAXPROCS(1): a worker that waits in the kernel with more than one P has the Go runtime " +
		"check on it for milliseconds after every client. (A lock around Accept, Apache's accept mutex, stops " +
		"the herd but hands the clients round-robin to the worker that has slept longest, which costs about as " +
		"much: see the README.) (TODO 6)",
	"05.herd.visit": "visit %d of %d to %s (connect, echo, exit, one client at a time) failed: %v. The " +
		"workers serve client after client; see the specs of tasks 3 and 4.",
	"05.herd.no-sched": "the spec could not read the scheduler's counts of %s's processes",
}
