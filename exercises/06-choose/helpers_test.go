package choose_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/exercises/06-choose"
	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/inchild"
	"github.com/threadproc/threadproc/harness/procs"
	"github.com/threadproc/threadproc/harness/speedup"
)

// maxProcesses caps the processes a spec's server may have below it. The
// solution needs choose.Workers; the cap is high enough that a server with a
// process per client fails the memory spec, with its numbers, before the
// harness's watchdog steps in.
const maxProcesses = 120

// startServer starts your Serve in a child process, and fails the spec if a
// copy of the program it starts does not enter worker mode.
func startServer(opts ...harness.Option) *harness.Server {
	GinkgoHelper()
	srv := harness.StartServer("choose", append([]harness.Option{harness.MaxProcesses(maxProcesses)}, opts...)...)
	srv.ExpectWorkerModes()
	return srv
}

// requireProcs skips the spec, saying why, where the spec cannot look at
// the server's processes from outside; what says what the spec would do.
func requireProcs(what string) {
	GinkgoHelper()
	if err := procs.Supported(); err != nil {
		Skip(tell("06.skip.procs", what, err))
	}
}

// digest is the spec's own Work: 32 zero bytes replaced by their SHA-256
// digest rounds times over, in hex. Answers are checked against it.
func digest(rounds int) string {
	var sum [sha256.Size]byte
	for range rounds {
		sum = sha256.Sum256(sum[:])
	}
	return hex.EncodeToString(sum[:])
}

// work is the request for a job of rounds rounds.
func work(rounds int) string { return choose.WorkCommand + " " + strconv.Itoa(rounds) }

// crashed is CrashedReply without its "\n".
var crashed = strings.TrimSuffix(choose.CrashedReply, "\n")

// expectJob sends a job of rounds rounds on c and expects its digest.
func expectJob(c *harness.Client, rounds int, hints ...string) {
	GinkgoHelper()
	c.SendLine(work(rounds))
	c.ExpectLine(digest(rounds), hints...)
}

// workers returns the processes below the server that are running (not
// zombies): its worker processes.
func workers(srv *harness.Server) []procs.Info {
	below, _ := procs.Descendants(srv.PID)
	var running []procs.Info
	for _, p := range below {
		if !p.Zombie() {
			running = append(running, p)
		}
	}
	return running
}

// pidsOf returns the PIDs of infos, sorted.
func pidsOf(infos []procs.Info) []int {
	var out []int
	for _, p := range infos {
		out = append(out, p.PID)
	}
	slices.Sort(out)
	return out
}

// pids lists processes for a message.
func pids(infos []procs.Info) string {
	var parts []string
	for _, p := range infos {
		parts = append(parts, fmt.Sprintf("%d (%c)", p.PID, p.State))
	}
	if len(parts) == 0 {
		return tell("06.none")
	}
	return strings.Join(parts, ", ")
}

// pidList lists PIDs for a message.
func pidList(ps []int) string {
	if len(ps) == 0 {
		return tell("06.none")
	}
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = strconv.Itoa(p)
	}
	return strings.Join(parts, ", ")
}

// localRounds returns a job size that takes about target in the test
// process itself (the workers run the same code at about the same speed).
func localRounds(target time.Duration) int {
	return speedup.Calibrate(target, 10_000, choose.MaxRounds, func(n int) time.Duration {
		start := time.Now()
		digest(n)
		return time.Since(start)
	})
}

// serverRounds returns a job size that takes about target on the server,
// timed by sending jobs on c: the learner's own server, under whatever else
// this machine is doing, sets the size. A few small jobs go first, so that
// the jobs it times do not also start worker processes (a pool that fills
// its empty slots one job after the other starts one per slot).
func serverRounds(c *harness.Client, target time.Duration, hints ...string) int {
	GinkgoHelper()
	for i := range choose.Workers {
		expectJob(c, 1000+i, hints...)
	}
	return speedup.Calibrate(target, 10_000, choose.MaxRounds, func(n int) time.Duration {
		GinkgoHelper()
		start := time.Now()
		expectJob(c, n, hints...)
		return time.Since(start)
	})
}

// readLineWithin reads the next line on c, waiting up to limit for it
// (longer than a single read's deadline): for the answer of a job that is
// meant to take long. It returns what arrived and the last error.
func readLineWithin(c *harness.Client, limit time.Duration) (string, error) {
	deadline := time.Now().Add(limit)
	for {
		line, err := c.ReadLine()
		if err == nil || line != "" || !isTimeout(err) || time.Now().After(deadline) {
			return line, err
		}
	}
}

// isTimeout reports whether err is a read that reached its deadline.
func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// noWorkerLeft runs in the server's process after Serve returned: none of
// its workers may still be running, or be waiting to be reaped.
func noWorkerLeft() error {
	running, zombies := inchild.ChildrenLeft()
	if len(running)+len(zombies) == 0 {
		return nil
	}
	return errors.New(tell("06.after-serve.workers-left", len(running)+len(zombies), inchild.PIDList(running),
		inchild.PIDList(zombies)))
}

// serverState says whether the server's process still runs, for messages.
func serverState(srv *harness.Server) string {
	if srv.Exited() {
		return tell("06.server.ended", srv.Output())
	}
	return tell("06.server.running", srv.PID)
}
