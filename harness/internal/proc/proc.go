// Package proc is the kit's one way to start a process: the spec harness's
// server and client programs, the benchmarks' runnable servers, the
// comparison's reference servers and their workers, and the kit's suite
// runs all go through [Start].
//
// A process started here leads a process group of its own (so that [Process.Kill]
// reaches every worker it started), dies with this process on Linux (a
// parent-death signal), may inherit a listener as fd 3, carries a [Tag] in
// its environment that everything it starts inherits, and has its output
// kept within bounds ([Output]). Stopping is graceful first ([Process.Stop]:
// close its stdin or send a signal, wait a grace period), then a kill of the
// whole group; every wait is bounded.
package proc

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Options says how to start a process. The zero value starts it with this
// process's environment (plus the defaults [Start] adds), its stdin on the
// null device, its output discarded, at the head of a process group of its
// own.
type Options struct {
	// Dir is the process's working folder; "" means this process's.
	Dir string
	// Env is added to the environment, after this process's own and the
	// defaults; a later value of a variable wins.
	Env []string
	// MinGOMAXPROCS, if positive, gives the process GOMAXPROCS of at least
	// this many (or this process's own GOMAXPROCS, if larger) unless
	// GOMAXPROCS is set in this process's environment.
	MinGOMAXPROCS int
	// Tag, if set, is added to the environment; [Process.Kill] then kills
	// every process that carries it too, wherever it now is in the tree.
	Tag Tag
	// Files are inherited as fd 3, 4 and so on (not on Windows). Start does
	// not close them: the caller closes its copies once Start returns.
	Files []*os.File
	// Stdin is the process's input; nil means the null device.
	Stdin io.Reader
	// StdinPipe gives the process a pipe as its input instead of Stdin,
	// which [Process.CloseStdin] and [Process.Stop] close: a child that
	// reads its stdin to the end learns that it should stop.
	StdinPipe bool
	// Output receives what the process writes to stdout and, unless Stderr
	// is set, to stderr, in the order it wrote it. An *os.File is handed to
	// the process as it is; any other writer is fed from a pipe.
	Output io.Writer
	// Stderr, if set, receives stderr apart from stdout.
	Stderr io.Writer
	// SameGroup leaves the process in this process's group, as a worker of
	// a server: a kill of the server's group reaches it.
	SameGroup bool
	// FileLimit, if positive, lowers the process's limit on open file
	// descriptors (soft and hard) to it before its program starts; everything
	// it starts inherits the limit. Unix only.
	FileLimit int
	// Drain bounds how long output is still read after the process has
	// exited, while processes it started hold its output open (default
	// [DrainWait]).
	Drain time.Duration
}

// drain is [Options.Drain] or its default.
func (o Options) drain() time.Duration {
	if o.Drain <= 0 {
		return DrainWait
	}
	return o.Drain
}

// DrainWait is how long, by default, a process's output is still read after
// it has exited (see [Options.Drain]).
const DrainWait = 2 * time.Second

// KillWait bounds how long [Process.Kill] waits for a killed process to be
// reaped.
const KillWait = 5 * time.Second

// Process is a started process.
type Process struct {
	// PID is its process ID; it leads its process group unless started
	// with [Options.SameGroup].
	PID int

	cmd     *exec.Cmd
	opts    Options
	stdin   io.WriteCloser
	mu      sync.Mutex
	exit    Exit
	exited  chan struct{} // closed once it has been reaped
	done    chan struct{} // closed once it has been reaped and its output read
	drained sync.WaitGroup
	readers []*os.File // the read ends of the output pipes
}

// Start starts the program at path with args and the given options.
func Start(path string, args []string, o Options) (*Process, error) {
	if err := supports(o); err != nil {
		return nil, err
	}
	if o.FileLimit > 0 {
		path, args = withFileLimit(path, args, o.FileLimit)
	}
	cmd := exec.Command(path, args...)
	cmd.Dir = o.Dir
	cmd.Env = environment(o)
	cmd.ExtraFiles = o.Files
	cmd.Stdin = o.Stdin
	cmd.SysProcAttr = sysProcAttr(o.SameGroup)
	cmd.WaitDelay = o.drain() // for the copy of a Stdin that is not a file
	p := &Process{cmd: cmd, opts: o, exit: Exit{Running: true, Code: -1}, exited: make(chan struct{}), done: make(chan struct{})}
	if o.StdinPipe {
		cmd.Stdin = nil
		var err error
		if p.stdin, err = cmd.StdinPipe(); err != nil {
			return nil, err
		}
	}
	closeAfterStart, err := p.connectOutput()
	if err == nil {
		err = cmd.Start()
	}
	for _, f := range closeAfterStart {
		_ = f.Close() // the process has its own copies
	}
	if err != nil {
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	p.PID = cmd.Process.Pid
	go p.reap()
	return p, nil
}

// connectOutput points the command's stdout and stderr at the writers of
// the options, through pipes that goroutines of p read, and returns the
// write ends that the process inherits, for Start to close.
func (p *Process) connectOutput() ([]*os.File, error) {
	var inherited []*os.File
	connect := func(w io.Writer) (io.Writer, error) {
		if _, ok := w.(*os.File); ok || w == nil {
			return w, nil // nil: the null device
		}
		r, pw, err := os.Pipe()
		if err != nil {
			return nil, err
		}
		inherited = append(inherited, pw)
		p.drained.Go(func() {
			_, _ = io.Copy(w, r)
			_ = r.Close()
		})
		p.readers = append(p.readers, r)
		return pw, nil
	}
	out, err := connect(p.opts.Output)
	if err != nil {
		return inherited, err
	}
	p.cmd.Stdout, p.cmd.Stderr = out, out
	if p.opts.Stderr != nil {
		errs, err := connect(p.opts.Stderr)
		if err != nil {
			return inherited, err
		}
		p.cmd.Stderr = errs
	}
	return inherited, nil
}

// reap waits for the process, records how it ended, and waits (bounded) for
// its output to be read.
func (p *Process) reap() {
	err := p.cmd.Wait()
	p.mu.Lock()
	p.exit = exitOf(p.cmd.ProcessState, err)
	p.mu.Unlock()
	close(p.exited)
	drained := make(chan struct{})
	go func() {
		p.drained.Wait()
		close(drained)
	}()
	select {
	case <-drained:
	case <-time.After(p.opts.drain()):
		for _, r := range p.readers {
			_ = r.Close() // ends the copies: what processes it started write is lost
		}
		<-drained
	}
	close(p.done)
}

// Exited is closed once the process has exited and been reaped.
func (p *Process) Exited() <-chan struct{} { return p.exited }

// Done is closed once the process has exited and what it wrote has been
// read: at its exit, or [Options.Drain] later if processes it started still
// hold its output open.
func (p *Process) Done() <-chan struct{} { return p.done }

// Wait waits up to timeout for [Process.Done], and reports whether it came.
func (p *Process) Wait(timeout time.Duration) bool { return within(p.done, timeout) }

// within waits up to d for ch to close, and reports whether it did.
func within(ch <-chan struct{}, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ch:
		return true
	case <-t.C:
		return false
	}
}

// Exit says how the process ended, or that it is still running.
func (p *Process) Exit() Exit {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.exit
}

// CloseStdin closes the process's stdin pipe (see [Options.StdinPipe]).
func (p *Process) CloseStdin() {
	if p.stdin != nil {
		_ = p.stdin.Close()
	}
}

// Signal sends sig to the process itself (not its group).
func (p *Process) Signal(sig os.Signal) error {
	err := p.cmd.Process.Signal(sig)
	if errors.Is(err, os.ErrProcessDone) {
		return nil
	}
	return err
}

// Stop asks the process to end: it sends sig, or closes its stdin when sig is
// nil (or cannot be sent here, as an interrupt on Windows), and waits up to
// grace for it to exit. If it has not, Stop kills it with [Process.Kill].
// It reports whether the process exited within grace; the processes it
// started are left to the caller.
func (p *Process) Stop(sig os.Signal, grace time.Duration) bool {
	if sig == nil || p.Signal(sig) != nil {
		p.CloseStdin()
	}
	if within(p.exited, grace) {
		return true
	}
	p.Kill()
	return false
}

// Kill kills the process's group (or the process alone, if it was started in
// this process's group), and every process carrying its [Options.Tag], then
// waits up to [KillWait] for it to be done.
func (p *Process) Kill() {
	if p.opts.SameGroup {
		_ = p.Signal(os.Kill)
	} else {
		killGroup(p.PID)
	}
	if p.opts.Tag.Key != "" {
		p.opts.Tag.Kill()
	}
	p.Wait(KillWait)
}

// environment is the process's environment: this process's, the defaults,
// the tag, and the options' variables. A race-instrumented child exits
// without the race detector's default one-second pause at exit.
func environment(o Options) []string {
	env := append(os.Environ(), "GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"))
	if o.MinGOMAXPROCS > 0 && os.Getenv("GOMAXPROCS") == "" {
		env = append(env, "GOMAXPROCS="+strconv.Itoa(max(o.MinGOMAXPROCS, runtime.GOMAXPROCS(0))))
	}
	if o.Tag.Key != "" {
		env = append(env, o.Tag.String())
	}
	return append(env, o.Env...)
}

// exitOf describes how a reaped process ended.
func exitOf(st *os.ProcessState, err error) Exit {
	if st == nil {
		return Exit{Code: -1, Err: err}
	}
	e := Exit{Code: st.ExitCode(), Err: err}
	if ws, ok := st.Sys().(interface {
		Signaled() bool
		Signal() syscall.Signal
	}); ok && ws.Signaled() {
		e.Signal = ws.Signal()
	}
	return e
}

// selfPath is a path that re-runs this program, where the system has one
// that outlives the deletion of the binary (set on Linux).
var selfPath string

// Self returns a path that re-runs this program: /proc/self/exe on Linux,
// which works even after `go run` has deleted its temporary binary, and the
// executable's path elsewhere.
func Self() string {
	if selfPath != "" {
		return selfPath
	}
	if exe, err := os.Executable(); err == nil {
		return exe
	}
	return os.Args[0]
}
