package harness

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native
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

	cmd      *exec.Cmd
	stdin    io.WriteCloser
	output   *capture
	done     chan struct{} // closed once the process has exited
	mu       sync.Mutex
	stopping bool // Shutdown or cleanup has begun
	killedBy string
	clients  int
}

// Option configures [StartServer].
type Option func(*options)

type options struct {
	env      []string
	maxProcs int
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
	o := options{maxProcs: 50}
	for _, opt := range opts {
		opt(&o)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		ginkgo.Fail(fmt.Sprintf("the harness could not listen on 127.0.0.1:0: %v", err))
	}
	file, err := ln.(*net.TCPListener).File()
	addr := ln.Addr().String()
	_ = ln.Close() // the duplicate in file keeps the socket listening
	if err != nil {
		ginkgo.Fail(fmt.Sprintf("the harness could not get the listener's file: %v", err))
	}
	defer file.Close()

	s := &Server{Name: name, Addr: addr, Tag: newTag(), done: make(chan struct{})}
	s.output = &capture{echo: prefixWriter(GinkgoWriter, "[server "+name+"] ")}
	cmd, err := s.command(o)
	if err != nil {
		ginkgo.Fail(err.Error())
	}
	cmd.ExtraFiles = []*os.File{file} // fd 3 in the child
	if err := cmd.Start(); err != nil {
		ginkgo.Fail(fmt.Sprintf("the harness could not start the server process: %v", err))
	}
	s.cmd, s.PID = cmd, cmd.Process.Pid
	go func() {
		_ = cmd.Wait()
		close(s.done)
	}()
	DeferCleanup(s.cleanup)
	go s.watch(o.maxProcs)
	return s
}

// command prepares the child process that runs the server role.
func (s *Server) command(o options) (*exec.Cmd, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("the harness cannot find its own test binary: %w", err)
	}
	cmd := exec.Command(exe, "threadproc-server", s.Name)
	cmd.Env = childEnv(append([]string{envRole + "=server:" + s.Name, envRun + "=" + s.Tag,
		envShutdownGrace + "=" + shutdownGrace().String()}, o.env...)...)
	cmd.Stdout, cmd.Stderr = s.output, s.output
	cmd.SysProcAttr = sysProcAttr()
	cmd.WaitDelay = 2 * time.Second // do not wait for grandchildren holding stderr
	if s.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	return cmd, nil
}

// newTag returns a random tag that marks the processes of one server.
func newTag() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Exited reports whether the server's process has exited.
func (s *Server) Exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
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
	_ = s.stdin.Close() // the child closes its listener on EOF
	select {
	case <-s.done:
	case <-time.After(shutdownGrace() + killWait):
		s.kill("it did not exit after Shutdown")
		return errors.New("the server process did not exit after its listener was closed")
	}
	code := s.cmd.ProcessState.ExitCode()
	if code == exitOK && !exitedBefore {
		return nil
	}
	what := "after its listener was closed, the server process " + s.exitDescription()
	if exitedBefore {
		what = "the server process had already exited before Shutdown: it " + s.exitDescription()
	}
	return errors.New(what + s.harnessLines())
}

// exitDescription says how the process ended, in a learner's words.
func (s *Server) exitDescription() string {
	st := s.cmd.ProcessState
	if st == nil {
		return fmt.Sprintf("is still running (pid %d)", s.PID)
	}
	switch code := st.ExitCode(); code {
	case -1: // ended by a signal
		if s.killedBy != "" {
			return "was killed by the harness because " + s.killedBy
		}
		return "was killed: " + st.String()
	case exitOK:
		return "exited normally after Serve returned nil"
	case exitServeError, exitServeNilEarly, exitServeErrClosed, exitNoReturn, exitAfterServe, exitSetup, exitStray:
		return fmt.Sprintf("exited (status %d)", code)
	case 2:
		return "crashed (exit status 2, which is what a Go panic exits with)"
	case 66:
		return "exited with status 66: the race detector found a data race"
	default:
		return fmt.Sprintf("exited with status %d", code)
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
	if s.killedBy == "" && !s.Exited() {
		s.killedBy = reason
	}
	s.mu.Unlock()
	killGroup(s.PID)
	killTagged(s.Tag)
	select {
	case <-s.done:
	case <-time.After(killWait):
	}
}

// cleanup runs when the spec ends: it kills everything the server started and
// fails the spec if the server raced, or ended on its own before the spec
// asked it to stop (a crash, or Serve returning early).
func (s *Server) cleanup() {
	s.mu.Lock()
	stopped := s.stopping
	s.stopping = true
	s.mu.Unlock()
	s.kill("the spec ended") // no graceful stop here: that is Shutdown's to test
	out := s.Output()
	if race, ok := findRace(out); ok {
		ginkgo.Fail(race.message())
	}
	if strings.HasPrefix(s.killedBy, "it started") {
		ginkgo.Fail("The harness had to kill your server because " + s.killedBy)
	}
	// A process the harness killed has exit code -1; any other code means
	// it ended on its own.
	// (Not when the spec failed already: its message shows the server's end.)
	if st := s.cmd.ProcessState; !stopped && st != nil && st.ExitCode() >= 0 && st.ExitCode() != exitStray &&
		!CurrentSpecReport().Failed() {
		ginkgo.Fail("Your server process stopped on its own during this spec: it " + s.exitDescription() +
			s.harnessLines() + "\n\nIts output:\n" + excerpt(out, 30))
	}
}

// excerpt returns at most n lines of s, indented.
func excerpt(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("[... %d more lines ...]", len(lines)-n))
	}
	return "    " + strings.Join(lines, "\n    ")
}
