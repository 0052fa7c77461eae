package harness

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"
	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native
)

// ClientProgram is a learner's client program running in a child process,
// started by [StartClientProgram].
type ClientProgram struct {
	// Name is the client's name in the suite's [Program].
	Name   string
	cmd    *exec.Cmd
	stdout *capture
	stderr *capture
	done   chan struct{}
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
	p := &ClientProgram{Name: name, done: make(chan struct{}),
		stdout: &capture{echo: prefixWriter(GinkgoWriter, "[client "+name+" stdout] ")},
		stderr: &capture{echo: prefixWriter(GinkgoWriter, "[client "+name+" stderr] ")}}
	p.cmd = exec.Command(exe, "threadproc-client", name)
	p.cmd.Env = childEnv(envRole+"=client:"+name, envAddr+"="+addr, envRun+"="+newTag())
	p.cmd.Stdin = strings.NewReader(input)
	p.cmd.Stdout, p.cmd.Stderr = p.stdout, p.stderr
	p.cmd.SysProcAttr = sysProcAttr()
	p.cmd.WaitDelay = 2 * time.Second
	if err := p.cmd.Start(); err != nil {
		ginkgo.Fail(fmt.Sprintf("the harness could not start the client program: %v", err))
	}
	go func() {
		_ = p.cmd.Wait()
		close(p.done)
	}()
	DeferCleanup(func() {
		killGroup(p.cmd.Process.Pid)
		<-p.done
	})
	return p
}

// Wait waits up to timeout for the program to end (killing it after that)
// and returns how it ended.
func (p *ClientProgram) Wait(timeout time.Duration) ClientResult {
	timedOut := false
	select {
	case <-p.done:
	case <-time.After(timeout):
		timedOut = true
		killGroup(p.cmd.Process.Pid)
		<-p.done
	}
	return ClientResult{Stdout: p.stdout.String(), Stderr: p.stderr.String(),
		ExitCode: p.cmd.ProcessState.ExitCode(), TimedOut: timedOut}
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
	case <-p.done:
		_ = ln.Close() // ends the Accept above
		ginkgo.Fail("your client program ended before it connected to the server.\n" + p.describe())
	}
	return nil
}

// describe says how the program is doing, with its stderr.
func (p *ClientProgram) describe() string {
	state := "it is still running"
	select {
	case <-p.done:
		state = fmt.Sprintf("it exited with status %d", p.cmd.ProcessState.ExitCode())
	default:
	}
	msg := "  client program: " + state
	if errs := p.stderr.String(); errs != "" {
		msg += "; its stderr:\n" + excerpt(errs, 15)
	}
	if m := todoRE.FindStringSubmatch(p.stderr.String()); m != nil {
		msg += "\n  hint: your code says \"not implemented (TODO " + m[1] + ")\": that is the task to do next."
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
