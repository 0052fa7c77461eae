package compare

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind names one of the reference servers.
type Kind string

// The Go reference servers (see the package documentation).
const (
	Goroutines    Kind = "goroutines"
	Processes     Kind = "processes"
	GoroutinePool Kind = "goroutine-pool"
	PreforkPool   Kind = "prefork-pool"
)

// The textbook Python servers of the learner's notes (see python.go),
// measured when python3 is on the PATH.
const (
	PythonThreads   Kind = "python-threads"
	PythonProcesses Kind = "python-processes"
)

// Kinds lists the Go reference servers in the order the report shows them.
var Kinds = []Kind{Goroutines, Processes, GoroutinePool, PreforkPool}

// PythonKinds lists the Python servers, shown after the Go ones.
var PythonKinds = []Kind{PythonThreads, PythonProcesses}

// PoolSize is how many connections a pool serves at a time: goroutines in
// the goroutine pool, worker processes in the prefork pool.
const PoolSize = 8

// Cure is how the workers of a prefork pool wait for clients.
type Cure string

// The ways a prefork worker can wait for clients (see prefork.go).
const (
	// Herd: every worker waits in Accept, in Go's poller: a client wakes
	// every idle worker (the thundering herd).
	Herd Cure = "herd"
	// AcceptLock: a worker takes a lock (flock) around Accept, as Apache's
	// accept mutex does: only the worker holding it waits for clients.
	AcceptLock Cure = "accept-lock"
	// ReusePort: every worker has a listening socket of its own on the
	// port (SO_REUSEPORT, nginx's reuseport), and the kernel spreads the
	// clients over them.
	ReusePort Cure = "reuseport"
	// WakeOne: every worker waits in an epoll instance of its own with
	// EPOLLEXCLUSIVE, as nginx does: a client wakes one idle worker.
	WakeOne Cure = "wake-one"
)

// Cures lists the prefork variants of the herd sweep, the herd first.
var Cures = []Cure{Herd, AcceptLock, ReusePort, WakeOne}

// PoolCure is how the prefork pool of the main comparison waits.
const PoolCure = WakeOne

// Title names a cure in the report.
func (c Cure) Title() string {
	switch c {
	case Herd:
		return "Accept in every worker (the herd)"
	case AcceptLock:
		return "a lock around Accept (Apache's accept mutex)"
	case ReusePort:
		return "a listener per worker (SO_REUSEPORT)"
	case WakeOne:
		return "EPOLLEXCLUSIVE, one worker woken (nginx)"
	}
	return string(c)
}

// preforkPrefix starts the kind of a prefork variant: "prefork:CURE:K".
const preforkPrefix = "prefork:"

// PreforkVariant is the kind of a prefork pool of k workers that wait for
// clients the way cure says.
func PreforkVariant(cure Cure, k int) Kind {
	return Kind(fmt.Sprintf("%s%s:%d", preforkPrefix, cure, k))
}

// prefork returns how a prefork kind's workers wait, and how many there
// are; ok is false for the other kinds.
func (k Kind) prefork() (cure Cure, workers int, ok bool) {
	if k == PreforkPool {
		return PoolCure, PoolSize, true
	}
	rest, found := strings.CutPrefix(string(k), preforkPrefix)
	if !found {
		return "", 0, false
	}
	c, n, found := strings.Cut(rest, ":")
	workers, err := strconv.Atoi(n)
	if !found || err != nil || workers < 1 {
		return "", 0, false
	}
	return Cure(c), workers, true
}

// Title is how the report calls a kind of server.
func (k Kind) Title() string {
	switch k {
	case Goroutines:
		return "goroutine per connection"
	case Processes:
		return "process per connection"
	case GoroutinePool:
		return fmt.Sprintf("goroutine pool (%d)", PoolSize)
	case PreforkPool:
		return fmt.Sprintf("prefork process pool (%d)", PoolSize)
	case PythonThreads:
		return "Python: a thread per connection"
	case PythonProcesses:
		return "Python: multiprocessing.Process per connection"
	}
	if cure, n, ok := k.prefork(); ok {
		return fmt.Sprintf("prefork (%d), %s", n, cure.Title())
	}
	return string(k)
}

// python reports whether the kind is a Python server.
func (k Kind) python() bool { return k == PythonThreads || k == PythonProcesses }

// capacity is how many clients the server serves at the same time: 0 for no
// limit, K for the pools (the others wait their turn).
func (k Kind) capacity() int {
	if k == GoroutinePool {
		return PoolSize
	}
	if _, n, ok := k.prefork(); ok {
		return n
	}
	return 0
}

// shortLived reports whether the server's workers end with their client:
// their context switches end with them, so only the CPU time of the
// reaped workers can be read.
func (k Kind) shortLived() bool { return k == Processes || k == PythonProcesses }
