package harness

import (
	"strings"
	"sync"

	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/outcome"
)

// recordMu keeps two goroutines of one spec (see [Together]) from
// recording the same kind twice.
var recordMu sync.Mutex

// record adds an outcome to the running spec's report, once per kind and
// spec. It must run on a goroutine ginkgo tracks: the spec's own, one that
// ends before the spec does, or a cleanup.
func record(kind outcome.Kind, detail string) {
	recordMu.Lock()
	defer recordMu.Unlock()
	for _, o := range outcome.Of(CurrentSpecReport()) {
		if o.Kind == kind {
			return
		}
	}
	outcome.Record(kind, detail)
}

// recordOutcomes records, at cleanup, how the server's run ended when it
// ended worse than a wrong answer: the watchdog killed a fork bomb, the race
// detector reported, the process panicked (exit status 2), or it stopped on
// its own before the spec asked it to (stopped says whether it had).
func (s *Server) recordOutcomes(stopped bool, out string) {
	s.mu.Lock()
	forkBomb, killedBy := s.forkBomb, s.killedBy
	s.mu.Unlock()
	if forkBomb != "" {
		record(outcome.ForkBomb, forkBomb)
	}
	if race, ok := findRace(out); ok {
		detail := raceLine(race.report)
		if where := race.where(); where != "" {
			detail = where + ": " + detail
		}
		record(outcome.Race, detail)
	}
	st := s.proc.Exit()
	switch {
	case st.Code == 2:
		record(outcome.Panic, panicLine(out))
	case stopped || st.Running || st.Code == exitStray:
	case st.Code >= 0:
		what := s.exitDescription()
		if lines := strings.TrimSpace(s.harnessLines()); lines != "" {
			what += ": " + firstLine(lines)
		}
		record(outcome.Crash, what)
	case killedBy == "": // a signal the harness did not send
		record(outcome.Crash, st.String())
	}
}

// raceLine sums up a race detector's report (starting at its WARNING line)
// in one line: the first access and the function that made it.
func raceLine(report string) string {
	var parts []string
	for _, l := range strings.Split(report, "\n")[1:] {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
		if len(parts) == 2 {
			break
		}
	}
	if len(parts) == 0 {
		return "WARNING: DATA RACE"
	}
	return strings.Join(parts, " ")
}

// panicLine returns the last "panic: ..." (or else "fatal error: ...")
// line of a Go program's output, or what the exit status says.
func panicLine(out string) string {
	lines := strings.Split(out, "\n")
	for _, prefix := range []string{"panic: ", "fatal error: "} {
		for i := len(lines) - 1; i >= 0; i-- {
			if strings.HasPrefix(lines[i], prefix) {
				return strings.TrimSpace(lines[i])
			}
		}
	}
	return "exit status 2 (what a Go panic exits with)"
}

// firstLine returns s up to its first newline.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
