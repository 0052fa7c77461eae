package compare

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/lineclient"
	"github.com/threadproc/threadproc/harness/procs"
)

// server is a reference server running in a child process of the measuring
// program, in a process group of its own.
type server struct {
	kind Kind
	addr string
	pid  int
	proc *proc.Process
	out  *proc.Output // what it and its workers wrote
}

// outputBytes bounds what is kept of a server's output: its first and its
// last outputBytes bytes.
const outputBytes = 2 << 10

// startServer starts the reference server kind on a new loopback listener,
// with env added to its environment (such as "GOMAXPROCS=1", which its
// workers inherit), and returns once it answers an echo. The caller must
// stop it.
func startServer(kind Kind, tag proc.Tag, env ...string) (*server, error) {
	f, addr, err := proc.Listen()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s := &server{kind: kind, addr: addr, out: proc.NewOutput(outputBytes, nil)}
	role := roleServer + string(kind)
	s.proc, err = proc.Start(proc.Self(), []string{"compare-" + role}, proc.Options{
		Env: append([]string{roleEnv + "=" + role}, env...), Tag: tag, Files: []*os.File{f},
		Output: s.out, Drain: time.Second})
	if err != nil {
		return nil, err
	}
	s.pid = s.proc.PID
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

// stop kills the server's process group (the server and its workers) and
// every process of the run still around, and waits (bounded) for the server
// to be reaped.
func (s *server) stop() { s.proc.Kill() }

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

// cpuDemand returns the CPU time used and the time spent waiting for a CPU
// so far by the server's process and every process below it (and the
// children they have reaped): together, the CPU time they asked for. wait is
// 0 with a nil error where the system does not report waiting times.
func (s *server) cpuDemand() (used, wait time.Duration, err error) {
	if used, err = procs.TreeCPUTime(s.pid); err != nil {
		return 0, 0, err
	}
	threads, err := procs.TreeSched(s.pid)
	if errors.Is(err, procs.ErrUnsupported) {
		return used, 0, nil
	}
	if err != nil {
		return 0, 0, err
	}
	for _, t := range threads {
		wait += t.Wait
	}
	return used, wait, nil
}
