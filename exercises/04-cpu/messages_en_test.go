package cpu_test

import "github.com/threadproc/threadproc/harness/say"

// english is what the specs say, in English: the catalog's reference
// language (messages_ko_test.go is its twin, key for key). A key is "04."
// and what the message is about; "04.hint.*" are the hints, which name the
// TODO they point at, and "04.skip.*" say why a spec could not judge here.
var english = say.Messages{
	// task 1: Work
	"04.hint.zero-rounds": "Work(0) hashes nothing: it is the 32 zero bytes themselves, as 64 \"0\" digits " +
		"(TODO 1).",
	"04.hint.one-round": "Work(1) is sha256.Sum256 of 32 zero bytes, in lowercase hex (hex.EncodeToString): " +
		"start from a [32]byte of zeros, not from an empty input (TODO 1).",
	"04.hint.raw-bytes": "each round hashes the 32 raw bytes of the previous digest (digest[:]), not its hex " +
		"text, and the first round hashes 32 zero bytes, not an empty input (TODO 1).",
	"04.hint.negative": "return cpu.ErrRounds itself (or an error that wraps it with %%w) when rounds < 0 " +
		"(TODO 1).",
	"04.hint.max-rounds": "check rounds against MaxRounds before the loop: a client must not be able to make " +
		"the server burn a CPU for as long as it likes (TODO 1).",
	"04.work.max-rounds-worked": "Work(MaxRounds+1) returned ErrRounds, but the server used %v of CPU time to " +
		"answer it: it hashed first. Check the number of rounds before you start hashing (TODO 1).",

	// task 2: ServeGoroutines
	"04.hint.handle": "serve each client with handle(conn, Work): handle answers \"work N\" with Work(N) " +
		"(TODO 2).",
	"04.hint.echo": "only \"work N\" is a job; handle echoes every other line (TODO 2).",
	"04.hint.not-a-number": "a request whose N is not a number gets an \"error: ...\" line from handle, and the " +
		"connection stays open for the next request: serve the client with handle(conn, Work) (TODO 2).",
	"04.hint.exit": "\"exit\" closes the connection without a reply: handle does that, once the server serves " +
		"the client with it (TODO 2).",
	"04.hint.own-goroutine": "serve each client on a goroutine of its own (go handle(conn, Work)), so that the " +
		"accept loop takes the next client while the first is served (TODO 2).",
	"04.hint.not-one-at-a-time": "client 1's long job was still running: client 2's one-round job should not " +
		"wait for it. A server that runs one job at a time (a single goroutine for all clients, or a lock held " +
		"around Work) makes every client wait for the slowest job.",
	"04.hint.closed": "when ln is closed, Accept returns an error that errors.Is(err, net.ErrClosed) " +
		"recognises: return nil then (TODO %d).",
	"04.hint.overlap": "each client's job should run on its own goroutine, and Go runs goroutines on all CPUs " +
		"at once. A server that serves one client at a time, or holds a lock around Work, uses one CPU.",
	"04.hint.faster": "two jobs at once should take about as long as one: each on its own goroutine, on its " +
		"own CPU. Look for anything that makes one job wait for another.",
	"04.long-job.idle": "after %s sent %q, the server did not start working: it used less than %v of CPU time " +
		"in %v.",

	// task 2: running out of file descriptors
	"04.hint.accept-retry": "this server may have only %d file descriptors open (ulimit -n), and every " +
		"connection takes one: past that, Accept fails with \"too many open files\" (EMFILE) until a client " +
		"leaves, while the clients that come meanwhile wait in the kernel's queue. accept must not return on " +
		"that error: log it, sleep (5 ms, twice as long each time after, at most 1 s) and try again; it returns " +
		"an error only once ln is closed (TODO 2).",
	"04.files.refused": "client %d could not connect (%v): the server had stopped. With its file descriptors " +
		"limited to %d, Accept fails once that many are open, and a server that returns then drops every " +
		"client it has.",
	"04.files.gone": "the server's process ended while the spec watched it for %v, out of file descriptors.",
	"04.files.spinning": "while it was out of file descriptors, with nothing to do but wait for a client to " +
		"leave, the server's threads asked for %.2f CPUs over %v: it tries Accept again and again without a " +
		"pause, and burns a CPU doing so. Sleep between tries: 5 ms the first time, twice as long each time " +
		"after, at most 1 s (TODO 2).",
	"04.skip.no-sched": "not judged here: this spec reads how long the server's threads ran and waited for a " +
		"CPU, which only Linux reports (%v). Run the specs on Linux to have it judged.",

	// task 3: MaxProcs
	"04.hint.threads-not-clients": "MaxProcs limits threads, not clients: still serve every client on its own " +
		"goroutine (TODO 3).",
	"04.hint.take-turns": "with GOMAXPROCS=1 Go still switches between goroutines (it preempts a busy one about " +
		"every 10 ms), the way Python's GIL passes between threads: concurrency without parallelism. Do not " +
		"stand in for MaxProcs 1 with a lock (TODO 3).",
	"04.hint.set-maxprocs": "with cfg.MaxProcs 1 the whole server process must run Go code on one OS thread at " +
		"a time: call runtime.GOMAXPROCS(cfg.MaxProcs) before serving. An option that is read but never " +
		"applied leaves Go's default (one thread per CPU) (TODO 3).",

	// task 4: ServeProcesses
	"04.hint.start-each-worker": "start each worker with startWorker and reap it with `go cmd.Wait()`, then go " +
		"back to Accept at once: a server that waits for a worker (cmd.Wait, or cmd.Run) serves one client at " +
		"a time (TODO 4).",
	"04.hint.close-conn": "close the server's copy of conn once startWorker returns: the worker has its own, " +
		"and a copy the server keeps holds the connection open after the worker has closed it (TODO 4).",
	"04.processes.same-worker": "both clients are served by process %d: each client needs a worker of its own " +
		"(TODO 4).",
	"04.processes.no-gomaxprocs": "worker %d does not have GOMAXPROCS=1 in its environment: give each worker " +
		"\"GOMAXPROCS=N\" when cfg.MaxProcs > 0, as in startWorker(conn, \"GOMAXPROCS=1\") (TODO 4).",
	"04.hint.reap": "a worker process that ends stays a zombie (an entry in the process table) until its " +
		"parent waits for it: reap every worker with `go cmd.Wait()` right after startWorker, so that it is " +
		"reaped whenever it ends (TODO 4).",
	"04.processes.unreaped": "Serve returned, and %d worker(s) that had ended were still not reaped %[3]v later " +
		"(zombies, pids %[2]s): every worker that ends stays a zombie until the server waits for it. Reap each " +
		"worker with `go cmd.Wait()` right after startWorker (TODO 4).",
	"04.hint.workers-parallel": "each worker is its own process with its own GOMAXPROCS=1: the kernel runs the " +
		"workers on different CPUs. Check that every client gets a worker of its own and that the server does " +
		"not wait for one worker before it starts the next (TODO 4).",
	"04.skip.no-environments": "not judged here: this system does not let the spec read another process's " +
		"environment (%v). Run the specs on Linux to have it judged.",

	// task 5: MaxJobs
	"04.hint.free-slot": "jobs that wait for a slot must still run once one is free, and each must answer its " +
		"own client: free the slot when run returns (defer) (TODO 5).",
	"04.hint.one-slot": "with cfg.MaxJobs 1 a job waits while another job runs: serve with " +
		"limitJobs(cfg.MaxJobs, Work), and in limitJobs take a slot (a token in a channel with room for n) " +
		"before calling run (TODO 5).",
	"04.hint.whole-connection": "every client is served at once, and only jobs wait for a slot: take the slot " +
		"inside the runner, around run, not around the whole connection (TODO 5).",
	"04.hint.slot-back": "with MaxJobs 1, a job that failed (\"work -1\", answered with an error line) kept its " +
		"slot, so every later job waits for ever. Give the slot back on every path, the error's too: " +
		"`defer func() { <-slots }()` right after taking it (TODO 5).",
	"04.skip.no-cpu-time": "not judged here: this spec must see that the first job has started, from the " +
		"server's CPU time, which this system does not offer (%v). Run the specs on Linux to have it judged.",
}
