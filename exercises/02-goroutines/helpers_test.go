package goroutines_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	. "github.com/onsi/ginkgo/v2"

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
// Wrong numbers are often the visible half of a data race; the report is
// the explanation.
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
	return "\n\nThe race detector found a data race in your server: two goroutines used the same " +
		"memory at the same time, and at least one of them wrote to it. That is why the numbers " +
		"are wrong. Guard the counters with a sync.Mutex or use sync/atomic (TODO 3).\n    " +
		strings.Join(lines, "\n    ")
}

// settled is Eventually's description of a stats reply that did not settle.
func settled(srv *harness.Server, what string) func() string {
	return func() string {
		GinkgoHelper()
		return what + raceNote(srv)
	}
}
