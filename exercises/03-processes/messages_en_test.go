package processes_test

import "github.com/threadproc/threadproc/harness/say"

// english is what these specs say to a learner in English. Keys are named
// "03.what"; msg says them.
var english = say.Messages{
	// Task 1: the accept loop.
	"03.one-worker-each": "for every accepted connection, Serve starts a worker with startWorker(conn), closes its " +
		"own copy of conn, and goes straight back to Accept (TODO 1). A goroutine per client (exercise 02) " +
		"serves every client inside the server's own process: here each one needs a process of its own.",
	"03.one-at-a-time": "while a worker serves one client, the server must already accept the next one: start the " +
		"worker with cmd.Start (not cmd.Run, which waits for it to end), reap it in a goroutine, and go straight " +
		"back to Accept (TODO 1 and 3).",
	"03.workers.shared": "%s and %s are both served by process %d: every client needs a worker process of its " +
		"own. Start a new worker for each accepted connection (TODO 1).",
	"03.listener": "hand the worker exactly one file, its client's connection (ExtraFiles: []*os.File{f}), and " +
		"nothing else. A worker that holds the listener keeps the port open after the server closes it, and " +
		"may accept clients itself. A fork()ing server (C, or Python's multiprocessing on Linux) must close the " +
		"listener in the child; re-running the program passes only the files you list (TODO 1).",
	"03.silent": "client 1 is connected and has sent nothing, and client 2 got no echo: %s",
	"03.held-open": "all %d clients are connected at the same time, and each must be answered while the others " +
		"stay connected: %s",
	"03.crowd.budget": "%d of %d clients were connected and served after %v: %s. A correct server starts a worker " +
		"per client in about the time the machine takes to start a process; look in the server's output for " +
		"workers that fail to start or wait for each other (TODO 1).",
	"03.crowd.connected": "%d clients are already connected, each served by a worker process that is still " +
		"running. If a worker failed to start, the server's output says why.",
	"03.crowd.talking": "%d clients are connected and talking at the same time, each to its own worker process.",

	// Task 2: the worker mode.
	"03.serve-fd3": "the worker is your program started again with WorkerEnv=1 in its environment and the " +
		"connection as fd 3: WorkerMain rebuilds the connection with net.FileConn(os.NewFile(3, ...)), serves " +
		"it with handle, and exits (TODO 2).",
	"03.exit.closes": "on \"exit\" handle returns and closes its connection: the worker then exits, and the " +
		"connection ends only if no other process holds a copy of it. The server must close its copy once " +
		"startWorker returns, and the worker its *os.File once net.FileConn has duplicated it (TODO 1 and 2).",
	"03.crash.closes": "\"crash\" makes the process that serves the client panic: it never answers, and when it " +
		"dies the kernel closes its connection, unless another process (the server) still holds a copy of it " +
		"(TODO 1).",
	"03.crash-domain": "client 1 sent \"crash\", which makes the process that serves it panic. If your server's " +
		"process died with it (see \"the server\" above), every client died with it: goroutines share one " +
		"process, and a panic in any goroutine ends the whole process. When each client has a worker process " +
		"of its own, a crash ends that worker only, and the kernel closes that one connection (TODO 1 and 2).",
	"03.crash.newcomer": "after a worker crashed, the server still accepts new clients: %s",
	"03.shared-memory": "\"count\" answers how many lines the process serving this client has echoed: handle " +
		"adds one to an ordinary package-level variable for each line. Another number than this client's own " +
		"means that the variable also counted other clients' lines: they were served in the same memory, by " +
		"one process. Every worker process has a copy of its own of every variable (TODO 1 and 2).",
	"03.count.second": "client 2 has had 1 line echoed. %s",
	"03.count.first":  "client 1 has had 3 lines echoed. %s",
	"03.count.third": "client 3 has had no line echoed yet: a new worker process starts with its variables at " +
		"zero. %s",

	// Task 3: reaping, whichever way a client leaves.
	"03.way.exit":  "by \"exit\"",
	"03.way.eof":   "by ending its input",
	"03.way.reset": "by resetting the connection",
	"03.way.crash": "by crashing its worker",
	"03.leave.eof": "after the client's end of input, handle returns and the worker exits (TODO 2).",
	"03.leave.still-running": "%d clients have left %s, but worker processes of the server are still running: " +
		"%s. A worker serves one client: when handle returns, however the client left (and whatever error " +
		"handle returned), WorkerMain ends the process with os.Exit (TODO 2).",
	"03.reap-each": "the clients left %s, and their workers ended. Every worker that ends stays a zombie until its " +
		"parent waits for it: for each worker, start a goroutine that calls cmd.Wait() (TODO 3), which " +
		"returns however the worker ended (an error for a crash: exit status 2). Zombies use no memory, but " +
		"each one keeps a process-table entry and a PID: a busy server that never reaps runs out of them.",

	// Task 4: no worker outlives the server.
	"03.end-workers": "once its listener is closed, Serve kills every worker still running (cmd.Process.Kill), " +
		"waits until each one is reaped, and returns nil (TODO 4): when Serve returns, the program ends, and a " +
		"worker left behind would go on serving with no server above it. Killing is not enough: like " +
		"Python's terminate() without join(), it returns before the workers are gone.",
	"03.shutdown.failed": "the spec closed the server's listener, and then:\n    %v\n\n  hint: %s",
	"03.shutdown.closed": "the server has stopped, so its workers must have stopped too, and their connections " +
		"with them. %s",
	"03.every-path": "clients had left by \"exit\", by ending their input, by resetting the connection and by " +
		"crashing their workers, and one was still connected. Serve must account for every worker however it " +
		"ended: reap marks each one done once cmd.Wait returns, also when Wait returns an error (a crash is " +
		"\"exit status 2\", a worker killed at shutdown \"signal: killed\"). A reaper that returns early on " +
		"an error leaves the WaitGroup waiting for ever (TODO 3 and 4).",
	"03.kill.not-linux": "not judged here: only Linux has a parent-death signal (Pdeathsig): on %s the workers of " +
		"a killed server go on serving until their clients leave. See README.md.",
	"03.kill.cannot-look": "not judged here: this system does not let the spec find the workers of a killed " +
		"server (it reads their environment in /proc).",
	"03.death-signal": "a server can die without running any of its code: SIGKILL, the out-of-memory killer, a " +
		"crash. Its workers are not told: they are adopted by another process (init) and go on. On Linux, ask " +
		"the kernel to kill each worker when its parent dies: SysProcAttr{Pdeathsig: syscall.SIGKILL} in " +
		"workerAttr (TODO 4).",
	"03.killed.closed": "the server's process was killed, so its workers must die too. %s",
	"03.ctrl-c": "Ctrl-C in a terminal sends SIGINT to the terminal's foreground process group: the server, " +
		"and every worker that stayed in the server's group, as a child does unless it asks for a group of " +
		"its own. A worker started with SysProcAttr{Setpgid: true} is in a group of its own: Ctrl-C never " +
		"reaches it, and unless the kernel kills it when the server dies (Pdeathsig, Linux only), it outlives " +
		"the server. Leave Setpgid out of workerAttr (TODO 4).",
	"03.ended.cannot-look": "not judged here: %v",
	"03.ended.running":     "%d worker(s) of the server are still running after Ctrl-C: %s.\n  hint: %s",
	"03.pgid.cannot-look":  "not judged here: the spec cannot read the server's process group: %v",
	"03.pgid.gone":         "worker %d ended while its client was still connected (TODO 2).",
	"03.pgid": "worker %d is in process group %d, not in the server's group %d. Ctrl-C in a terminal, and a " +
		"signal sent to the server's group (kill -INT -PGID, a supervisor stopping the server), reach the " +
		"server's group only: a worker in a group of its own (SysProcAttr{Setpgid: true}) escapes them. Leave " +
		"Setpgid out of workerAttr (TODO 4).",

	// After Serve returns, in the server's own process.
	"03.after-serve.running": "Serve returned while %d worker process(es) were still running (pids %s): when " +
		"Serve returns, the server's program ends, and a worker left running would outlive it. Before " +
		"returning, kill every worker still running and wait until each one is reaped (TODO 4)",
	"03.after-serve.unreaped": "Serve returned while worker processes it had started were not reaped yet " +
		"(still dying, or ended and waiting for their parent); a moment later their reaper goroutines reaped " +
		"them, after Serve had returned. Killing a worker only sends it a signal: wait until every worker has " +
		"been reaped (the WaitGroup) before returning (TODO 4)",
	"03.after-serve.zombies": "Serve returned before reaping %d worker(s) it killed (zombies, pids %s): wait " +
		"until every worker has been reaped (cmd.Wait has returned) before returning (TODO 4)",
}
