package harness

import (
	"fmt"
	"io"
	"net"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Environment variables by which a parent tells a child process what to be.
const (
	envRole     = "THREADPROC_ROLE"      // "server:NAME", "client:NAME" or "probe:"
	envRun      = "THREADPROC_RUN"       // a tag inherited by everything a spec starts
	envAddr     = "THREADPROC_ADDR"      // the address a client program dials
	envOwner    = "THREADPROC_OWNER"     // the PID of the process that took the role
	envSuitePID = "THREADPROC_SUITE_PID" // the PID of the test process itself
)

// Exit codes of a child process; the parent turns them into messages.
const (
	exitOK             = 0
	exitServeError     = 10 // Serve returned an error while its listener was open
	exitServeNilEarly  = 11 // Serve returned nil while its listener was open
	exitNoReturn       = 12 // Serve did not return after its listener was closed
	exitServeErrClosed = 13 // Serve returned an error after its listener was closed
	exitAfterServe     = 14 // Program.AfterServe reported a problem
	exitSetup          = 15 // the child could not start its role
	exitStray          = 16 // a copy of the test binary that should not run
	exitClientError    = 20 // the client program returned an error
)

// childPrefix starts every line the harness itself writes to a child's stderr.
const childPrefix = "threadproc: "

// Main runs the tests, or, in a process that a spec started, the role that
// the spec asked for. Call it from the exercise's TestMain:
//
//	func TestMain(m *testing.M) { harness.Main(m, program) }
//
// Main never returns. It refuses to run the suite again in a copy of the test
// binary started by the learner's server, so a worker mode that does not take
// over cannot multiply into a fork bomb. A test binary built without the race
// detector (plain `go test` or `ginkgo`) rebuilds itself with it and runs
// that instead: the specs never judge a server without the race detector.
func Main(m *testing.M, prog Program) {
	if prog.Init != nil {
		prog.Init()
	}
	role := os.Getenv(envRole)
	if role == "" {
		if reason := strayReason(); reason != "" {
			childf("%s", reason)
			os.Exit(exitStray)
		}
		ensureRace()
		_ = os.Setenv(envSuitePID, strconv.Itoa(os.Getpid()))
		os.Exit(m.Run())
	}
	self := strconv.Itoa(os.Getpid())
	if owner := os.Getenv(envOwner); owner != "" && owner != self {
		childf("this process (pid %s) is a copy of the program, started by your server (pid %s), "+
			"but it did not enter worker mode, so it exits instead of starting another server. "+
			"Check that a re-run program recognises that it is a worker before anything else.", self, owner)
		os.Exit(exitStray)
	}
	_ = os.Setenv(envOwner, self)
	os.Exit(runRole(role, prog))
}

// strayReason explains why this process must not run the suite, or is "".
func strayReason() string {
	if pid := os.Getenv(envSuitePID); pid != "" && pid != strconv.Itoa(os.Getpid()) {
		return fmt.Sprintf("this process (pid %d) is a copy of the test binary started from inside the "+
			"test run (by pid %d's tree); it will not run the specs again. If your server re-runs "+
			"itself as a worker, its worker mode did not take over.", os.Getpid(), os.Getppid())
	}
	for _, a := range os.Args[1:] {
		if strings.HasPrefix(a, "-test.") || strings.HasPrefix(a, "--test.") ||
			strings.HasPrefix(a, "-ginkgo.") || strings.HasPrefix(a, "--ginkgo.") {
			return ""
		}
	}
	if len(os.Args) > 1 {
		return fmt.Sprintf("this test binary was started with arguments %q but no test flags; "+
			"if your server re-runs itself as a worker, its worker mode did not take over.", os.Args[1:])
	}
	return ""
}

// childf writes a harness message to the child's stderr, every line of it
// prefixed so that the parent can tell it from the learner's output.
func childf(format string, args ...any) {
	msg := strings.TrimRight(fmt.Sprintf(format, args...), "\n")
	fmt.Fprint(os.Stderr, childPrefix+strings.ReplaceAll(msg, "\n", "\n"+childPrefix)+"\n")
}

// runRole runs the role named in THREADPROC_ROLE and returns the exit code.
func runRole(role string, prog Program) int {
	kind, name, _ := strings.Cut(role, ":")
	switch kind {
	case "server":
		if serve, ok := prog.Servers[name]; ok {
			return runServerRole(serve, prog.AfterServe)
		}
	case "client":
		if client, ok := prog.Clients[name]; ok {
			return runClientRole(client)
		}
	case "probe": // the harness measuring what starting a process costs
		return exitOK
	}
	childf("this suite has no %s called %q", kind, name)
	return exitSetup
}

// runServerRole serves on the listener inherited as fd 3 until stdin closes.
func runServerRole(serve ServeFunc, after func() error) int {
	f := os.NewFile(3, "listener")
	ln, err := net.FileListener(f) // a duplicate, close-on-exec
	_ = f.Close()                  // so no program the learner starts inherits fd 3
	if err != nil {
		childf("cannot use the listener handed to this process: %v", err)
		return exitSetup
	}
	stop := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin) // EOF: the spec (or its process) is gone
		close(stop)
	}()
	done := make(chan error, 1)
	go func() { done <- serve(ln) }()

	select {
	case err := <-done:
		if err != nil {
			childf("Serve returned an error while its listener was still open: %v", err)
			return exitServeError
		}
		childf("Serve returned nil while its listener was still open: it stopped accepting clients")
		return exitServeNilEarly
	case <-stop:
	}
	_ = ln.Close()
	timer := time.NewTimer(ShutdownGrace)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			childf("Serve returned an error after its listener was closed: %v", err)
			return exitServeErrClosed
		}
	case <-timer.C:
		childf("Serve did not return within %v after its listener was closed; its goroutines were:", ShutdownGrace)
		_ = pprof.Lookup("goroutine").WriteTo(os.Stderr, 1)
		return exitNoReturn
	}
	if after != nil {
		if err := after(); err != nil {
			childf("after Serve returned: %v", err)
			return exitAfterServe
		}
	}
	return exitOK
}

// runClientRole runs a client program against THREADPROC_ADDR with this
// process's stdin and stdout.
func runClientRole(client ClientFunc) int {
	if err := client(os.Getenv(envAddr), os.Stdin, os.Stdout); err != nil {
		childf("the client program returned an error: %v", err)
		return exitClientError
	}
	return exitOK
}
