package compare

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/threadproc/threadproc/harness/lineclient"
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
