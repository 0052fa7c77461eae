package harness

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/internal/words"
)

// Server is a learner's server running in a child process started by
// [StartServer]. Its fields are read-only.
type Server struct {
	// Name is the server's name in the suite's [Program].
	Name string
	// Addr is the address it listens on, "127.0.0.1:PORT".
	Addr string
	// PID is the process ID of the child process that runs Serve.
	PID int
	// Tag is inherited by every process the server starts (in the
	// THREADPROC_RUN environment variable), so they can be found later.
	Tag string

	proc     *proc.Process
	output   *proc.Output
	mu       sync.Mutex
	stopping bool   // Shutdown or cleanup has begun
	killedBy string // why the harness killed it, if it did
	forkBomb string // what the watchdog saw, if it killed the server
	clients  int
	files    int // WithFileLimit's limit, 0 if none
	busy     busyLook
}

// Option configures [StartServer].
type Option func(*options)

type options struct {
	env       []string
	maxProcs  int
	fileLimit int
}

// WithEnv adds an environment variable to the server's process, such as
// "GOMAXPROCS=1".
func WithEnv(keyValue string) Option {
	return func(o *options) { o.env = append(o.env, keyValue) }
}

// MaxProcesses caps how many processes the server may have running below it
// at once (default 50). Past the cap the whole tree is killed and the spec
// fails: a server that spawns without end cannot take the machine down.
func MaxProcesses(n int) Option {
	return func(o *options) { o.maxProcs = n }
}

// WithFileLimit lowers the server's limit on open file descriptors, soft and
// hard, to n before its program starts, as `ulimit -n n` would; every
// process it starts inherits the limit. It is for specs about a server that
// runs out of descriptors. Linux and macOS only.
func WithFileLimit(n int) Option {
	return func(o *options) { o.fileLimit = n }
}

// captureLimit bounds what is kept of a server's or a client program's
// output: its first and its last captureLimit bytes.
const captureLimit = 64 << 10

// childGOMAXPROCS is the least GOMAXPROCS a server or client program gets
// unless GOMAXPROCS is set: Go's default is the number of CPUs this process
// may use, and on a one-CPU machine (or a container limited to one) a correct
// goroutine server could then never run two jobs at once, and the specs
// could not tell it from a serial one. With two Ps its threads ask the
// kernel for two CPUs, which the speedup specs read (see package speedup); a
// learner's own runtime.GOMAXPROCS call still wins.
const childGOMAXPROCS = 2

// StartServer starts the server called name in the suite's [Program] in a
// child process, in a process group of its own, listening on a new listener
// at 127.0.0.1:0. It returns once the process has started; connections made
// before Serve runs wait in the listen backlog.
//
// The caller does not clean up: StartServer registers a DeferCleanup that
// kills the process group and every process that inherited the server's
// [Server.Tag], and fails the spec if the race detector reported a data race
// or the server crashed.
func StartServer(name string, opts ...Option) *Server {
	GinkgoHelper()
	noteHost()
	s, err := startServer(name, opts, proc.Prefixed(GinkgoWriter, "[server "+name+"] "))
	if err != nil {
		ginkgo.Fail(err.Error())
	}
	DeferCleanup(s.cleanup)
	return s
}

// startServer starts the server's process and its watchdog; echo, if not
// nil, sees the server's output as it comes.
func startServer(name string, opts []Option, echo io.Writer) (*Server, error) {
	o := options{maxProcs: 50}
	for _, opt := range opts {
		opt(&o)
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", words.Say("start.no-binary"), err)
	}
	file, addr, err := proc.Listen()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", words.Say("start.no-listen"), err)
	}
	defer file.Close()
	tag := proc.NewTag(envRun)
	s := &Server{Name: name, Addr: addr, Tag: tag.Value, output: proc.NewOutput(captureLimit, echo), files: o.fileLimit}
	s.proc, err = proc.Start(exe, []string{"threadproc-server", name}, proc.Options{
		Env:           append([]string{envRole + "=server:" + name, envShutdownGrace + "=" + shutdownGrace().String()}, o.env...),
		MinGOMAXPROCS: childGOMAXPROCS, Tag: tag,
		Files: []*os.File{file}, StdinPipe: true, Output: s.output, FileLimit: o.fileLimit})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", words.Say("start.server"), err)
	}
	s.PID = s.proc.PID
	go s.watch(o.maxProcs)
	return s, nil
}

// Exited reports whether the server's process has exited and what it wrote
// has been read: at its exit, or up to [proc.DrainWait] later while
// processes it started (its workers) still hold its output open.
func (s *Server) Exited() bool {
	select {
	case <-s.proc.Done():
		return true
	default:
		return false
	}
}

// Ended reports whether the server's process has ended, as soon as it has
// been reaped (before [Server.Exited] while its output is still read), and
// says how, in the learner's words, such as "exited (status 3)" or
// "crashed (exit status 2, which is what a Go panic exits with)".
func (s *Server) Ended() (how string, ended bool) {
	select {
	case <-s.proc.Exited():
		return s.exitDescription(), true
	default:
		return "", false
	}
}

// Output returns what the server's process (and everything it started)
// wrote to stdout and stderr so far, its head and tail if it was long.
func (s *Server) Output() string { return s.output.String() }

// Shutdown asks the server to stop, the way the spec's process would when it
// is done: it closes the server's listener, waits for Serve to return and for
// the process to exit, and returns nil if Serve returned nil. Otherwise the
// error says, in a learner's words, what went wrong: Serve returned an error,
// did not return within [ShutdownGrace] (longer on a slow machine), or the
// process had already crashed.
func (s *Server) Shutdown() error {
	s.mu.Lock()
	s.stopping = true
	s.mu.Unlock()
	exitedBefore := s.Exited()
	s.proc.CloseStdin() // the child closes its listener on EOF
	if !s.proc.Wait(shutdownGrace() + proc.KillWait) {
		s.kill(words.Say("kill.shutdown"))
		return errors.New(words.Say("shutdown.no-exit"))
	}
	code := s.proc.Exit().Code
	if code == exitOK && !exitedBefore {
		return nil
	}
	what := words.Say("shutdown.after", s.exitDescription())
	if exitedBefore {
		what = words.Say("shutdown.before", s.exitDescription())
	}
	return errors.New(what + s.harnessLines())
}

// exitDescription says how the process ended, in a learner's words.
func (s *Server) exitDescription() string {
	st := s.proc.Exit()
	if st.Running {
		return words.Say("exit.running", s.PID)
	}
	switch code := st.Code; code {
	case -1: // ended by a signal
		s.mu.Lock()
		reason := s.killedBy
		s.mu.Unlock()
		if reason != "" {
			return words.Say("exit.killed.by", reason)
		}
		return words.Say("exit.killed", st.String())
	case exitOK:
		return words.Say("exit.ok")
	case exitServeError, exitServeNilEarly, exitServeErrClosed, exitNoReturn, exitAfterServe, exitSetup, exitStray:
		return words.Say("exit.status.harness", code)
	case 2:
		return words.Say("exit.panic")
	case 66:
		return words.Say("exit.race")
	default:
		return words.Say("exit.status", code)
	}
}

// harnessLines returns the lines the harness child wrote to stderr, indented,
// or "" if there are none.
func (s *Server) harnessLines() string {
	var b strings.Builder
	for _, line := range strings.Split(s.Output(), "\n") {
		if strings.HasPrefix(line, childPrefix) {
			b.WriteString("\n    " + strings.TrimPrefix(line, childPrefix))
		}
	}
	return b.String()
}

// kill kills the server's process group and every process carrying its tag,
// and waits (bounded) for the server's process to be reaped.
func (s *Server) kill(reason string) {
	s.mu.Lock()
	if s.killedBy == "" && s.proc.Exit().Running {
		s.killedBy = reason
	}
	s.mu.Unlock()
	s.proc.Kill()
}

// cleanup runs when the spec ends: it kills everything the server started and
// fails the spec if the server raced, or ended on its own before the spec
// asked it to stop (a crash, or Serve returning early).
func (s *Server) cleanup() {
	s.mu.Lock()
	stopped := s.stopping
	s.stopping = true
	s.mu.Unlock()
	s.kill(words.Say("kill.spec-ended")) // no graceful stop here: that is Shutdown's to test
	out := s.Output()
	s.recordOutcomes(stopped, out)
	s.mu.Lock()
	killedBy, forkBomb := s.killedBy, s.forkBomb
	s.mu.Unlock()
	if race, ok := findRace(out); ok {
		ginkgo.Fail(race.message())
	}
	if forkBomb != "" {
		ginkgo.Fail(words.Say("cleanup.killed", killedBy))
	}
	// A process the harness killed has exit code -1; any other code means
	// it ended on its own.
	// (Not when the spec failed already: its message shows the server's end.)
	if st := s.proc.Exit(); !stopped && st.Code >= 0 && st.Code != exitStray && !CurrentSpecReport().Failed() {
		ginkgo.Fail(words.Say("cleanup.stopped", s.exitDescription()+s.harnessLines(), excerpt(out, 30)))
	}
}

// excerpt returns at most n lines of s, indented.
func excerpt(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], words.Say("excerpt.more", len(lines)-n))
	}
	return "    " + strings.Join(lines, "\n    ")
}
