package choose_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
func startServer() *harness.Server {
	GinkgoHelper()
	srv := harness.StartServer("choose", harness.MaxProcesses(maxProcesses))
	srv.ExpectWorkerModes()
	return srv
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

// pids lists processes for a message.
func pids(infos []procs.Info) string {
	var parts []string
	for _, p := range infos {
		parts = append(parts, fmt.Sprintf("%d (%c)", p.PID, p.State))
	}
	if len(parts) == 0 {
		return "none"
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

// noWorkerLeft runs in the server's process after Serve returned: none of
// its workers may still be running, or be waiting to be reaped.
func noWorkerLeft() error {
	running, zombies := inchild.ChildrenLeft()
	if len(running)+len(zombies) == 0 {
		return nil
	}
	return fmt.Errorf("Serve returned while %d worker process(es) were still running or not reaped "+
		"(running: %s; zombies: %s). When its listener is closed, Serve must return s.pool.close(), which "+
		"stops every worker and waits for it (TODO 1)",
		len(running)+len(zombies), inchild.PIDList(running), inchild.PIDList(zombies))
}
