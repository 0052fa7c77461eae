package compare

import (
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/threadproc/threadproc/harness/internal/proc"
)

// servePrefork starts k worker processes that wait for clients the way cure
// says and serve one connection at a time, and replaces any that dies.
func servePrefork(ln net.Listener, cure Cure, k int) error {
	tcp, ok := ln.(*net.TCPListener)
	if !ok {
		return fmt.Errorf("a prefork pool needs a TCP listener, not %T", ln)
	}
	if cure == ReusePort {
		// The workers add listening sockets of their own to this port:
		// the socket the server was handed must say it shares the port.
		if err := shareThePort(tcp); err != nil {
			return err
		}
	}
	f, err := tcp.File()
	if err != nil {
		return err
	}
	defer f.Close()
	var env []string
	if cure == AcceptLock {
		path, err := newAcceptLock()
		if err != nil {
			return err
		}
		defer os.Remove(path)
		env = append(env, acceptLockEnv+"="+path)
	}
	died := make(chan int, k)
	start := func(i int) error {
		w, err := spawn(fmt.Sprintf("%s:%s:%d", rolePreforkWorker, cure, i), f, env...)
		if err != nil {
			return err
		}
		go func() {
			<-w.Exited()
			died <- i
		}()
		return nil
	}
	for i := range k {
		if err := start(i); err != nil {
			return err
		}
	}
	for i := range died { // a worker ended (a crash): start another in its place
		if err := start(i); err != nil {
			return err
		}
	}
	return nil
}

// runPreforkWorker is a prefork worker: role is "CURE:INDEX", and fd3 the
// listening socket. It serves one connection at a time, for ever.
func runPreforkWorker(role string, fd3 *os.File) error {
	c, index, _ := strings.Cut(role, ":")
	i, err := strconv.Atoi(index)
	if err != nil {
		return fmt.Errorf("prefork worker role %q: %w", role, err)
	}
	// One connection at a time needs one P; and a worker that waits in a
	// system call (flock, epoll_wait) with more than one has the runtime
	// check on it for milliseconds after every connection.
	runtime.GOMAXPROCS(1)
	var next func() (net.Conn, error)
	switch cure := Cure(c); cure {
	case Herd:
		next, err = acceptIn(fd3)
	case AcceptLock:
		next, err = lockedAccept(fd3)
	case ReusePort:
		next, err = ownListener(fd3, i)
	case WakeOne:
		next, err = wakeOneAccept(fd3)
	default:
		err = fmt.Errorf("no prefork cure called %q", cure)
	}
	if err != nil {
		return err
	}
	_ = fd3.Close() // each cure keeps descriptors of its own
	for {
		conn, err := next()
		if err != nil {
			return err
		}
		handle(conn)
	}
}

// acceptIn returns the Accept of a net.Listener on the listening socket in
// f: it waits in Go's poller, as every other idle worker does.
func acceptIn(f *os.File) (func() (net.Conn, error), error) {
	ln, err := net.FileListener(f)
	if err != nil {
		return nil, err
	}
	return ln.Accept, nil
}

// acceptLockEnv names the file the workers of the accept-lock cure lock.
const acceptLockEnv = "THREADPROC_COMPARE_ACCEPT_LOCK"

// newAcceptLock creates the file of an accept lock in the run's folder.
func newAcceptLock() (string, error) {
	dir := os.Getenv(runDirEnv)
	if dir == "" {
		return "", fmt.Errorf("%s is not set: the accept lock needs the run's folder", runDirEnv)
	}
	f, err := os.CreateTemp(dir, "accept-*.lock")
	if err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// lockedAccept returns an Accept that holds the accept lock while it waits:
// the workers take turns waiting for a client, as with Apache's accept
// mutex. Each worker opens the file itself: a lock belongs to an open file,
// and workers sharing one would share the lock.
func lockedAccept(f *os.File) (func() (net.Conn, error), error) {
	accept, err := acceptIn(f)
	if err != nil {
		return nil, err
	}
	lock, err := os.OpenFile(os.Getenv(acceptLockEnv), os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	return func() (net.Conn, error) {
		if err := lockFile(lock); err != nil {
			return nil, err
		}
		conn, err := accept()
		if uerr := unlockFile(lock); err == nil && uerr != nil {
			conn.Close()
			return nil, uerr
		}
		return conn, err
	}, nil
}

// spawn starts this program again in role, with file as its fd 3, this
// process's environment and env, and its stdout and stderr. The worker
// stays in this process's group, and (on Linux) dies with it.
func spawn(role string, file *os.File, env ...string) (*proc.Process, error) {
	return proc.Start(proc.Self(), []string{"compare-" + role}, proc.Options{
		Env: append([]string{roleEnv + "=" + role}, env...), Files: []*os.File{file},
		Output: os.Stdout, Stderr: os.Stderr, SameGroup: true})
}
