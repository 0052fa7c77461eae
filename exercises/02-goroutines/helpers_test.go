package goroutines_test

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/02-goroutines"
	"github.com/threadproc/threadproc/harness"
)

// statsLine is the reply a spec expects to "stats", without its "\n".
func statsLine(connected, served int) string {
	return strings.TrimSuffix(fmt.Sprintf(goroutines.StatsFormat, connected, served), "\n")
}

// askStats sends "stats" and returns the reply line without its "\n", or an
// error: for Eventually, which asks again until the numbers settle.
func askStats(c *harness.Client) (string, error) {
	if err := c.TrySend(goroutines.StatsCommand + "\n"); err != nil {
		return "", err
	}
	line, err := c.ReadLine()
	if err != nil {
		return "", fmt.Errorf("no whole reply to \"stats\" (got %q): %w", line, err)
	}
	return strings.TrimSuffix(line, "\n"), nil
}

// statsRE parses a stats reply.
var statsRE = regexp.MustCompile(`^connected (\d+) served (\d+)\n$`)

// parseStats reads the two numbers of a stats reply (with its "\n").
func parseStats(line string) (connected, served int, ok bool) {
	m := statsRE.FindStringSubmatch(line)
	if m == nil {
		return 0, 0, false
	}
	connected, _ = strconv.Atoi(m[1])
	served, _ = strconv.Atoi(m[2])
	return connected, served, true
}

// raceNote returns the race detector's report from the server's output, as
// a paragraph for a failure message, or "" if it reported no data race.
// Wrong numbers, and a shutdown that fails, are often the visible half of a
// data race; the report is the explanation.
func raceNote(srv *harness.Server) string {
	out := srv.Output()
	i := strings.Index(out, "WARNING: DATA RACE")
	if i < 0 {
		return ""
	}
	lines := strings.Split(out[i:], "\n")
	if len(lines) > 30 {
		lines = lines[:30]
	}
	return "\n\n" + tell.Say("02.race.note") + "\n    " + strings.Join(lines, "\n    ")
}

// settled is Eventually's description of a stats reply that did not settle.
func settled(srv *harness.Server, key string, args ...any) func() string {
	return func() string {
		GinkgoHelper()
		return tell.Say(key, args...) + raceNote(srv)
	}
}

// stopped is how a shutdown ended, seen from the spec.
type stopped struct {
	err error     // what Shutdown returned
	at  time.Time // when it returned: the server's process had exited
}

// shutdownAsync starts srv.Shutdown in the background: it closes the
// server's listener and waits (bounded) for the server to exit. The channel
// gets how it ended.
func shutdownAsync(srv *harness.Server) <-chan stopped {
	result := make(chan stopped, 1)
	go func() {
		err := srv.Shutdown()
		result <- stopped{err: err, at: time.Now()}
	}()
	return result
}

// expectStoppedCleanly fails the spec unless the shutdown ended with Serve
// returning nil. When the server raced, the race leads the message: a
// process that raced exits with the race detector's status, whatever its
// shutdown did, so the hint of the spec would send the learner to the wrong
// task.
func expectStoppedCleanly(srv *harness.Server, s stopped, hint string) {
	GinkgoHelper()
	if s.err == nil {
		return
	}
	if note := raceNote(srv); note != "" {
		Fail(tell.Say("02.shutdown.raced", s.err.Error()) + note)
	}
	Fail(s.err.Error() + "\n\n  hint: " + hint)
}

// awaitListenerClosed waits until a new client can no longer connect: the
// server's listener is closed. A client that still got in leaves at once.
func awaitListenerClosed(srv *harness.Server) {
	GinkgoHelper()
	Eventually(func() error {
		c, err := srv.TryDial()
		if err != nil {
			return nil
		}
		c.Close()
		return errors.New("a new client could still connect")
	}).WithTimeout(harness.IOTimeout).Should(Succeed(), because("02.shutdown.listener-open"))
}
