package compare

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/threadproc/threadproc/harness/lineclient"
	"github.com/threadproc/threadproc/harness/procs"
)

// server is a reference server running in a child process of the measuring
// program, in a process group of its own.
type server struct {
	kind Kind
	addr string
	pid  int
	cmd  *exec.Cmd
	out  *tail // what it and its workers wrote
	done chan struct{}
}

// startServer starts the reference server kind on a new loopback listener,
// with env added to its environment (such as "GOMAXPROCS=1", which its
// workers inherit), and returns once it answers an echo. The caller must
// stop it.
func startServer(kind Kind, tag string, env ...string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	f, err := ln.(*net.TCPListener).File()
	addr := ln.Addr().String()
	_ = ln.Close() // f keeps the socket listening
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s := &server{kind: kind, addr: addr, out: &tail{}, done: make(chan struct{})}
	role := roleServer + string(kind)
	s.cmd = exec.Command(selfPath(), "compare-"+role)
	s.cmd.Env = append(append(os.Environ(), roleEnv+"="+role, runEnv+"="+tag), env...)
	s.cmd.ExtraFiles = []*os.File{f}
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	s.cmd.SysProcAttr = serverAttr()
	s.cmd.WaitDelay = time.Second
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	s.pid = s.cmd.Process.Pid
	go func() {
		_ = s.cmd.Wait()
		close(s.done)
	}()
	if err := s.ready(); err != nil {
		s.stop()
		return nil, fmt.Errorf("%s server: %w\n%s", kind, err, s.out)
	}
	return s, nil
}

// ready returns once the server has served one client. The listener exists
// before the server starts, so the client's connection waits in its backlog
// until the server (or, for the prefork pool, a worker) accepts it.
func (s *server) ready() error {
	if err := lineclient.Visit(s.addr); err != nil {
		return fmt.Errorf("it did not serve a first client: %w", err)
	}
	return nil
}

// exited reports whether the server's process has ended.
func (s *server) exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// stop kills the server's process group (the server and its workers) and
// every process of the run still around, and waits (bounded) for the server
// to be reaped.
func (s *server) stop() {
	killGroup(s.pid)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
	}
}

// memory returns the memory of the server's process and of every process
// below it, in bytes: PSS where the system has it (Linux), RSS elsewhere.
func (s *server) memory() (int64, error) {
	total, err := procs.MemoryPSS(s.pid)
	if err != nil {
		return 0, err
	}
	below, err := procs.Descendants(s.pid)
	if err != nil {
		return 0, err
	}
	for _, p := range below {
		if m, err := procs.MemoryPSS(p.PID); err == nil {
			total += m
		}
	}
	return total, nil
}

// cpuTime returns the CPU time used so far by the server's process, by every
// process below it, and by the children they have reaped; an error wrapping
// procs.ErrUnsupported where the system does not say (macOS).
func (s *server) cpuTime() (time.Duration, error) {
	self, reaped, err := procs.CPUTime(s.pid)
	if err != nil {
		return 0, err
	}
	total := self + reaped
	below, err := procs.Descendants(s.pid)
	if err != nil {
		return 0, err
	}
	for _, p := range below {
		self, reaped, err := procs.CPUTime(p.PID)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		total += self + reaped
	}
	return total, nil
}

// cpuDemand returns the CPU time used and the time spent waiting for a CPU
// so far by the server's process and every process below it: together, the
// CPU time they asked for. wait is 0 with a nil error where the system does
// not report waiting times.
func (s *server) cpuDemand() (used, wait time.Duration, err error) {
	if used, err = s.cpuTime(); err != nil {
		return 0, 0, err
	}
	pids := []int{s.pid}
	below, _ := procs.Descendants(s.pid)
	for _, p := range below {
		pids = append(pids, p.PID)
	}
	for _, pid := range pids {
		w, err := waitTime(pid)
		if errors.Is(err, errors.ErrUnsupported) {
			return used, 0, nil
		}
		if err == nil {
			wait += w
		}
	}
	return used, wait, nil
}

// tail keeps the last few KB written to it.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

// tailBytes is how much output a tail keeps.
const tailBytes = 4 << 10

// Write keeps the end of p.
func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > tailBytes {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-tailBytes:]...)
	}
	return len(p), nil
}

// String returns what was kept.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
