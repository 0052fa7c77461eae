package goroutines_test

import "github.com/threadproc/threadproc/harness/say"

// english is what these specs say to a learner, in English. Its Korean twin
// is messages_ko_test.go; "has every message in every language" checks that
// both have every key with the same arguments. Names the learner types or
// reads in the code (Serve, TODO(3), "exit", net.ErrClosed) stay as they are.
var english = say.Messages{
	// task 1: Serve, one goroutine per client
	"02.serve.silent-blocks": "client 1 is connected and has sent nothing, and client 2 got no echo: your server " +
		"serves one client at a time: while it serves one client, the others wait. Start a goroutine for each " +
		"accepted connection (go ...) and go straight back to Accept (TODO 1).",
	"02.serve.silent-served": "a client that was silent for a while is still a client: keep serving it.",
	"02.serve.halfway-blocks": "client 1 has sent half a line and waits, and client 2 got no echo: your server " +
		"serves one client at a time: while it serves one client, the others wait. Start a goroutine for each " +
		"accepted connection (go ...), and lock only around shared data, never around a Read (TODO 1).",
	"02.serve.halfway-served": "client 2 was answered, but client 1, whose line has now ended, was not: each " +
		"client needs its own goroutine, reading its own connection until its line is whole (TODO 1).",
	"02.serve.held-open": "all %d clients are connected at the same time, and each must be answered while the " +
		"others stay connected: your server serves one client at a time. Start a goroutine for each accepted " +
		"connection (go ...) and go straight back to Accept (TODO 1).",
	"02.serve.crowd": "%d clients are connected and talking at the same time: every one of them needs its own " +
		"goroutine (TODO 1). If only some are answered, look for a limit, a shared buffer, or a lock held while " +
		"a client is served.",
	"02.serve.reset": "an error on one connection (such as \"connection reset by peer\") ends that client's " +
		"handler only: log it in the goroutine, and never return from Serve because of it.",
	"02.serve.fd-limit": "your server's process may hold %d open files here, and more clients than that are " +
		"connected: Accept fails with \"too many open files\" until some of them leave. That error is about the " +
		"moment, not the listener: log it, pause (5 ms, twice as long after each failure in a row, at most 1 s) " +
		"and Accept again. Returning from Serve ends the server and drops every client (TODO 1, hint 1.4).",
	"02.serve.fd-windows": "not judged here: Windows has no limit on open files to lower; run this spec on " +
		"Linux or macOS (or WSL).",

	// task 2: handle, the echo and exit
	"02.echo.exact":      "write each line back exactly as it came, \"\\n\" included.",
	"02.echo.several":    "one read can bring several lines: lineproto's Next returns them one by one.",
	"02.exit.exact":      "only a line that is exactly \"exit\" ends the connection (lineproto.Is).",
	"02.exit.own":        "\"exit\" closes the connection of the client that sent it.",
	"02.exit.not-echoed": "\"exit\" is a command, not a message: do not write it back, close the connection.",
	"02.eof.rest":        "at the end of the input, Next returns what is left with io.EOF: echo it, then close.",
	"02.eof.close":       "after the client's end of file, close the connection.",
	"02.limit.answer":    "when Next returns lineproto.ErrLineTooLong, write lineproto.LineTooLong and stop.",
	"02.limit.close":     "after LineTooLong, close the connection.",
	"02.echo.own-lines": "each handler must read from and write to its own connection only, with buffers of " +
		"its own: a variable shared by all handlers (a package-level buffer or reader) mixes the clients' " +
		"lines, and the race detector reports such sharing as a data race (TODO 2).",
	"02.exit.only-sender": "client 2 sent \"exit\", and your server ended this client's connection too: \"exit\" " +
		"ends only the connection of the client that sent it. Return from that client's handler; leave the " +
		"other connections and the listener alone (TODO 2).",
	"02.exit.accepts": "after one client's \"exit\", the server still accepts new clients.",

	// task 3: stats
	"02.stats.lone": "answer \"stats\" with one line, StatsFormat filled in. A client counts as connected from " +
		"the moment its handler starts until it ends, the client asking included: call s.stats.arrived() first " +
		"thing in handle (TODO 3).",
	"02.stats.connected": "every client whose handler runs counts as connected, the client asking included: " +
		"call s.stats.arrived() first thing in handle (TODO 3).",
	"02.stats.left": "the other client %s, so \"stats\" should settle at 1 connected and 1 served: when a " +
		"handler ends, for any reason, its client moves from connected to served. defer s.stats.left() (TODO 3).",
	"02.stats.how.exit":  "sent \"exit\"",
	"02.stats.how.eof":   "ended its input",
	"02.stats.how.reset": "reset its connection",
	"02.stats.exact": "only a line that is exactly \"stats\" asks for the statistic; compare the whole line " +
		"with lineproto.Is (TODO 3).",
	"02.stats.crlf": "telnet ends lines with \"\\r\\n\": lineproto.Is ignores that \"\\r\", and the answer ends " +
		"the same way, with lineproto.SameEnding(line, s.stats.reply()) (TODO 3).",
	"02.stats.malformed": "%s sent \"stats\" and expected a line like %q; got %q (%s)",
	"02.stats.out-of-range": "%[1]s asked for stats while %[2]d clients came and went, and got %[3]q: " +
		"connected must count the asker and stay between 1 and %[2]d, served below %[2]d.",
	"02.stats.lost-update": "after %[1]d clients came and went, a new client should read 1 connected (itself) " +
		"and %[1]d served. Every handler updates the same counters at the same time: an update that is not " +
		"guarded by a mutex (or atomic) can be lost (TODO 3).",
	"02.race.note": "The race detector found a data race in your server: two goroutines used the same memory " +
		"at the same time, and at least one of them wrote to it. That is why this went wrong. Guard the " +
		"shared data with a sync.Mutex or use sync/atomic; the report names the file and the line:",

	// task 4: Serve's shutdown
	"02.shutdown.raced": "First: your server had a data race, and a process that races ends with the race " +
		"detector's status, whatever its shutdown did: fix the race first. The shutdown said: %s",
	"02.shutdown.listener-open": "the spec closed the server's listener, but clients could still connect.",
	"02.shutdown.nil": "when ln is closed, Accept returns an error that errors.Is(err, net.ErrClosed) " +
		"recognises: stop accepting, call s.shutdown(), and return nil (TODO 1 and 4).",
	"02.shutdown.no-client-waits": "with no client connected, Serve took %s to return after its listener was " +
		"closed (GracePeriod is %s): nothing is left to wait for, so it should return at once. Wait for the " +
		"running handlers (a sync.WaitGroup), not for the clock: a shutdown that sleeps GracePeriod through " +
		"keeps everyone waiting for nothing (TODO 4).",
	"02.shutdown.not-yet": "a shutdown stops new clients, not the ones already connected: do not close their " +
		"connections before GracePeriod is over.",
	"02.shutdown.wait-handlers": "after the listener is closed, a client still connected must be served for up " +
		"to GracePeriod (%s): Serve must wait for the running handlers (sync.WaitGroup) before it returns, " +
		"because when Serve returns the server program ends, and every connection with it (TODO 4).",
	"02.shutdown.sleeps": "the last client left, and Serve still took %s to return (GracePeriod is %s): it " +
		"should return as soon as the last handler ends. Wait for the handlers (sync.WaitGroup's Wait, in a " +
		"goroutine that closes a channel) and for GracePeriod at the same time, with select: whichever comes " +
		"first ends the wait. A time.Sleep(GracePeriod) waits for the clock even when nobody is left (TODO 4).",
	"02.shutdown.close-them": "a client may stay connected for ever, so once GracePeriod (%s) is over, close " +
		"the connections still open: their handlers' reads then fail and the handlers return (TODO 4).",
	"02.shutdown.too-early": "the connections were closed %s after the listener was, before GracePeriod (%s) " +
		"was over: wait the whole GracePeriod first (TODO 4).",
	"02.shutdown.nil-after-close": "after closing the connections, wait for their handlers to return, then " +
		"return nil (TODO 4).",
	"02.shutdown.leak": "once the clients have left and the listener is closed, Serve must return nil with no " +
		"goroutine of yours still running. Every goroutine started for a client must end when that client " +
		"leaves: one blocked for ever (on a channel nobody closes, or a read nobody ends) is a leak, and a " +
		"server that leaks one per client runs out of memory in the end (TODO 2 and 4).",
}
