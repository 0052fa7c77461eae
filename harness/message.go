package harness

import (
	"fmt"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/task"
)

// problem is a failed expectation, in the four parts a learner needs.
type problem struct {
	who      string // "client 2"
	did      string // what the client did last
	expected string
	got      string
	hints    []string
	log      *transcript
	server   *Server
}

// fail fails the current spec with the problem written out for a learner.
func (p problem) fail() {
	GinkgoHelper()
	ginkgo.Fail(p.String())
}

// String writes the problem out.
func (p problem) String() string {
	var b strings.Builder
	if p.server != nil {
		if race, ok := findRace(p.server.Output()); ok {
			fmt.Fprintf(&b, "First: your server had a data race during this spec %s. A race can cause any of "+
				"what follows; fix it first (the race detector's report is below).\n\n", race.where())
		}
	}
	fmt.Fprintf(&b, "%s %s\n", p.who, p.did)
	fmt.Fprintf(&b, "  expected: %s\n", p.expected)
	fmt.Fprintf(&b, "  got:      %s\n", p.got)
	if p.log != nil {
		fmt.Fprintf(&b, "\n  what happened on this connection (→ sent by %s, ← received):\n%s\n", p.who, p.log)
	}
	if p.server != nil {
		fmt.Fprintf(&b, "\n  the server: %s\n", p.server.status())
	}
	for _, h := range p.hints {
		fmt.Fprintf(&b, "\n  hint: %s", h)
	}
	if t := taskHint(p.server); t != "" {
		fmt.Fprintf(&b, "\n  hint: %s", t)
	}
	return strings.TrimRight(b.String(), "\n")
}

// status describes the server process for a failure message.
func (s *Server) status() string {
	select { // a client that just saw its connection end may see the server's end
	case <-s.proc.Done():
	case <-time.After(statusWait):
	}
	if !s.Exited() {
		return fmt.Sprintf("still running (pid %d)", s.PID) + s.harnessLines()
	}
	out := s.Output()
	st := "its process " + s.exitDescription() + s.harnessLines()
	if out != "" && !strings.Contains(s.harnessLines(), "not implemented") {
		st += "\n  its output:\n" + excerpt(out, 15)
	}
	return st
}

// statusWait is how long a failure message waits for a server that may be
// exiting, so that it can say how it ended.
const statusWait = 300 * time.Millisecond

// taskHint points the learner at the task a failing spec checks (from its
// "task-N" label) and at the TODO the server says it has not done yet.
func taskHint(s *Server) string {
	var parts []string
	if s != nil {
		if todos := task.TODOs(s.Output()); len(todos) > 0 {
			parts = append(parts, fmt.Sprintf("your code says \"not implemented (TODO %d)\": that is the task to do next.", todos[0]))
		}
	}
	if n := task.OfLabels(CurrentSpecReport().Labels()); n > 0 {
		parts = append(parts, fmt.Sprintf("this spec checks task %d: see TODO(%d) in the code and hint %d in HINTS.md.", n, n, n))
	}
	return strings.Join(parts, " ")
}

// FailWithTask is a fail handler for gomega
// (RegisterFailHandler(harness.FailWithTask)): it
// fails the spec like ginkgo.Fail, and adds which task the spec checks, so
// that plain Expect failures point at TODO(n) and hint n too.
func FailWithTask(message string, callerSkip ...int) {
	skip := 1
	if len(callerSkip) > 0 {
		skip += callerSkip[0]
	}
	if t := taskHint(nil); t != "" && !strings.Contains(message, "this spec checks task") {
		message += "\n\n  hint: " + t
	}
	ginkgo.Fail(message, skip)
}

// Task labels a spec or container with the number of the exercise task it
// checks, so failures and progress reports can point at TODO(n) and hint n.
func Task(n int) Labels {
	return Label(task.Label(n))
}
