package compare

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/threadproc/threadproc/harness/lineclient"
	"github.com/threadproc/threadproc/harness/procs"
)

// crashWait bounds each step of the crash measurement.
const crashWait = 3 * time.Second

// crashSettle is how much longer the measurement waits for "crash" to end
// its connection, on a machine too busy to act on it within crashWait.
const crashSettle = 20 * time.Second

// Crash is what one client's "crash" did to the others.
type Crash struct {
	// TakesOthersDown is true when, after client 1's handler crashed,
	// client 2 or 3 (connected before) or a new client was not served.
	TakesOthersDown bool
	// Detail says what happened to each.
	Detail string
}

// measureCrash connects three clients, has the first one crash the code
// that serves it, and checks whether the two others, and a new client, are
// still served.
func measureCrash(s *server) (Crash, error) {
	var clients []*lineclient.Client
	defer func() {
		for _, c := range clients {
			c.Close()
		}
	}()
	for i := range 3 {
		c, err := lineclient.Dial(s.addr)
		if err != nil {
			return Crash{}, err
		}
		clients = append(clients, c)
		if err := c.Echo(fmt.Sprintf("client %d", i+1)); err != nil {
			return Crash{}, fmt.Errorf("before the crash: %w", err)
		}
	}
	// The processes that serve client 1: the crash happens in one of them.
	mine, theirs := clients[0].Ends()
	servers, _ := procs.SocketOwners(theirs, mine) // none where it cannot be told (macOS)
	reply, err := clients[0].AskWithin(crashCommand, crashWait)
	if err == nil {
		return Crash{}, fmt.Errorf("\"crash\" was answered %q instead of ending the connection", reply)
	}
	if !lineclient.IsClosed(err) {
		// Not acted upon yet (a busy machine): the others are asked only
		// once the crash has happened, or they would be served by a server
		// that has not crashed yet.
		if err := clients[0].ClosedWithin(crashSettle); err != nil {
			return Crash{}, fmt.Errorf("\"crash\" did not end its connection within %v: %w", crashWait+crashSettle, err)
		}
	}
	// A handler's deferred Close runs while it panics, before the process
	// dies: the others are asked once the processes that served client 1
	// have ended or gone quiet (survived), not in between.
	crashSettled(servers, crashSettle)
	var notes []string
	down := false
	check := func(who string, c *lineclient.Client) {
		_, err := c.AskWithin("still there?", crashWait)
		if err != nil {
			down = true
		}
		notes = append(notes, who+" "+fate(err))
	}
	check("client 2", clients[1])
	check("client 3", clients[2])
	if c, err := lineclient.Dial(s.addr); err != nil {
		down = true
		notes = append(notes, "a new client "+fate(err))
	} else {
		clients = append(clients, c)
		check("a new client", c)
	}
	return Crash{TakesOthersDown: down, Detail: strings.Join(notes, ", ")}, nil
}

// fate says in a few words what happened to a client after the crash.
func fate(err error) string {
	switch {
	case err == nil:
		return "served"
	case lineclient.IsClosed(err):
		return "cut off"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "refused"
	case errors.Is(err, os.ErrDeadlineExceeded):
		return "not answered"
	default:
		return "failed (" + err.Error() + ")"
	}
}

// crashSettled waits, at most for d, until each of pids has ended, or has
// no thread running or ready to run: a process that crashes is busy until
// it exits (printing its panic), one that survived the crash goes back to
// waiting. Where threads cannot be read it returns at once.
func crashSettled(pids []int, d time.Duration) {
	deadline := time.Now().Add(d)
	for _, pid := range pids {
		for time.Now().Before(deadline) {
			p, err := procs.Get(pid)
			if err != nil || p.Zombie() {
				break // ended
			}
			runnable, _, err := procs.Activity(pid)
			if err != nil || runnable == 0 {
				break // survived, or cannot be told
			}
			time.Sleep(5 * time.Millisecond) // a bounded poll of the process's state
		}
	}
}
