package harness

import (
	"net"
	"os"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/internal/task"
	"github.com/threadproc/threadproc/harness/internal/words"
)

// ClientProgram is a learner's client program running in a child process,
// started by [StartClientProgram].
type ClientProgram struct {
	// Name is the client's name in the suite's [Program].
	Name   string
	proc   *proc.Process
	stdout *proc.Output
	stderr *proc.Output
}

// ClientResult is how a client program ended.
type ClientResult struct {
	// Stdout is what the program printed.
	Stdout string
	// Stderr is what it wrote to stderr, including the harness's own lines.
	Stderr string
	// ExitCode is its exit status; 0 when the client function returned nil.
	ExitCode int
	// TimedOut is true when the program had to be killed.
	TimedOut bool
}

// StartClientProgram runs the client program called name in the suite's
// [Program] in a child process, connecting to addr, with input as its
// standard input. The process (group) is killed when the spec ends; the
// caller does not clean up.
func StartClientProgram(name, addr, input string) *ClientProgram {
	GinkgoHelper()
	exe, err := os.Executable()
	if err != nil {
		ginkgo.Fail(words.Say("start.no-binary") + ": " + err.Error())
	}
	p := &ClientProgram{Name: name,
		stdout: proc.NewOutput(captureLimit, proc.Prefixed(GinkgoWriter, "[client "+name+" stdout] ")),
		stderr: proc.NewOutput(captureLimit, proc.Prefixed(GinkgoWriter, "[client "+name+" stderr] "))}
	p.proc, err = proc.Start(exe, []string{"threadproc-client", name}, proc.Options{
		Env: []string{envRole + "=client:" + name, envAddr + "=" + addr}, MinGOMAXPROCS: childGOMAXPROCS,
		Tag: proc.NewTag(envRun), Stdin: strings.NewReader(input), Output: p.stdout, Stderr: p.stderr})
	if err != nil {
		ginkgo.Fail(words.Say("start.client") + ": " + err.Error())
	}
	DeferCleanup(p.proc.Kill)
	return p
}

// Wait waits up to timeout for the program to end (killing it after that)
// and returns how it ended.
func (p *ClientProgram) Wait(timeout time.Duration) ClientResult {
	timedOut := !p.proc.Wait(timeout)
	if timedOut {
		p.proc.Kill()
	}
	return ClientResult{Stdout: p.stdout.String(), Stderr: p.stderr.String(),
		ExitCode: p.proc.Exit().Code, TimedOut: timedOut}
}

// Accept waits up to [IOTimeout] for the program to connect to ln and returns
// the spec's side of the connection as a [Client] called "the spec's
// server". If the program exits first, the spec fails at once with what the
// program wrote to stderr.
func (p *ClientProgram) Accept(ln net.Listener) *Client {
	GinkgoHelper()
	_ = ln.(*net.TCPListener).SetDeadline(time.Now().Add(ioTimeout()))
	accepted := make(chan net.Conn, 1)
	failed := make(chan error, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			failed <- err
			return
		}
		accepted <- conn
	}()
	select {
	case conn := <-accepted:
		return wrap(conn, "the spec's server", "client.spec-server")
	case err := <-failed:
		ginkgo.Fail(words.Say("clientprog.waited", ioTimeout(), err) + "\n" + p.describe())
	case <-p.proc.Done():
		_ = ln.Close() // ends the Accept above
		ginkgo.Fail(words.Say("clientprog.ended") + "\n" + p.describe())
	}
	return nil
}

// describe says how the program is doing, with its stderr.
func (p *ClientProgram) describe() string {
	state := words.Say("clientprog.running")
	select {
	case <-p.proc.Done():
		state = words.Say("clientprog.exited", p.proc.Exit().Code)
	default:
	}
	msg := words.Say("clientprog.state", state)
	if errs := p.stderr.String(); errs != "" {
		msg += words.Say("clientprog.stderr", excerpt(errs, 15))
	}
	if todos := task.TODOs(p.stderr.String()); len(todos) > 0 {
		msg += "\n  " + words.Say("frame.hint", words.Say("pointer.todo", todos[0]))
	}
	return msg
}

// Listen returns a new listener on 127.0.0.1:0 for a spec that plays the
// server itself; it is closed when the spec ends.
func Listen() net.Listener {
	GinkgoHelper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		ginkgo.Fail(words.Say("start.no-listen") + ": " + err.Error())
	}
	DeferCleanup(func() { _ = ln.Close() }) // it may be closed already
	return ln
}
