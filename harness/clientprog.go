package harness

import (
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/internal/task"
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
		ginkgo.Fail(fmt.Sprintf("the harness cannot find its own test binary: %v", err))
	}
	p := &ClientProgram{Name: name,
		stdout: proc.NewOutput(captureLimit, proc.Prefixed(GinkgoWriter, "[client "+name+" stdout] ")),
		stderr: proc.NewOutput(captureLimit, proc.Prefixed(GinkgoWriter, "[client "+name+" stderr] "))}
	p.proc, err = proc.Start(exe, []string{"threadproc-client", name}, proc.Options{
		Env: []string{envRole + "=client:" + name, envAddr + "=" + addr}, MinGOMAXPROCS: childGOMAXPROCS,
		Tag: proc.NewTag(envRun), Stdin: strings.NewReader(input), Output: p.stdout, Stderr: p.stderr})
	if err != nil {
		ginkgo.Fail(fmt.Sprintf("the harness could not start the client program: %v", err))
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
		return wrap(conn, "the spec's server")
	case err := <-failed:
		ginkgo.Fail(fmt.Sprintf("the spec's server waited %v for your client program to connect, but it did not: %v\n%s",
			ioTimeout(), err, p.describe()))
	case <-p.proc.Done():
		_ = ln.Close() // ends the Accept above
		ginkgo.Fail("your client program ended before it connected to the server.\n" + p.describe())
	}
	return nil
}

// describe says how the program is doing, with its stderr.
func (p *ClientProgram) describe() string {
	state := "it is still running"
	select {
	case <-p.proc.Done():
		state = fmt.Sprintf("it exited with status %d", p.proc.Exit().Code)
	default:
	}
	msg := "  client program: " + state
	if errs := p.stderr.String(); errs != "" {
		msg += "; its stderr:\n" + excerpt(errs, 15)
	}
	if todos := task.TODOs(p.stderr.String()); len(todos) > 0 {
		msg += fmt.Sprintf("\n  hint: your code says \"not implemented (TODO %d)\": that is the task to do next.", todos[0])
	}
	return msg
}

// Listen returns a new listener on 127.0.0.1:0 for a spec that plays the
// server itself; it is closed when the spec ends.
func Listen() net.Listener {
	GinkgoHelper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		ginkgo.Fail(fmt.Sprintf("the harness could not listen on 127.0.0.1:0: %v", err))
	}
	DeferCleanup(func() { _ = ln.Close() }) // it may be closed already
	return ln
}
