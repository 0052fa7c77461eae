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

	"github.com/threadproc/threadproc/harness/internal/words"
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
			childLine(reason)
			os.Exit(exitStray)
		}
		ensureRace()
		_ = os.Setenv(envSuitePID, strconv.Itoa(os.Getpid()))
		os.Exit(m.Run())
	}
	self := strconv.Itoa(os.Getpid())
	if owner := os.Getenv(envOwner); owner != "" && owner != self {
		childSay("child.stray", self, owner)
		os.Exit(exitStray)
	}
	_ = os.Setenv(envOwner, self)
	os.Exit(runRole(role, prog))
}

// strayReason explains why this process must not run the suite, or is "".
func strayReason() string {
	if pid := os.Getenv(envSuitePID); pid != "" && pid != strconv.Itoa(os.Getpid()) {
		return words.Say("child.copy", os.Getpid(), os.Getppid())
	}
	for _, a := range os.Args[1:] {
		if strings.HasPrefix(a, "-test.") || strings.HasPrefix(a, "--test.") ||
			strings.HasPrefix(a, "-ginkgo.") || strings.HasPrefix(a, "--ginkgo.") {
			return ""
		}
	}
	if len(os.Args) > 1 {
		return words.Say("child.args", os.Args[1:])
	}
	return ""
}

// childSay writes the harness's message key to the child's stderr, in the
// language the environment asks for (the child inherits the suite's).
func childSay(key string, args ...any) { childLine(words.Say(key, args...)) }

// childLine writes a harness message to the child's stderr, every line of it
// prefixed so that the parent can tell it from the learner's output.
func childLine(msg string) {
	msg = strings.TrimRight(msg, "\n")
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
	childSay("child.no-role", kind, name)
	return exitSetup
}

// runServerRole serves on the listener inherited as fd 3 until stdin closes.
func runServerRole(serve ServeFunc, after func() error) int {
	f := os.NewFile(3, "listener")
	ln, err := net.FileListener(f) // a duplicate, close-on-exec
	_ = f.Close()                  // so no program the learner starts inherits fd 3
	if err != nil {
		childSay("child.listener", err)
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
			childSay("child.serve.error", err)
			return exitServeError
		}
		childSay("child.serve.nil")
		return exitServeNilEarly
	case <-stop:
	}
	_ = ln.Close()
	grace := childShutdownGrace()
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			childSay("child.serve.error.after", err)
			return exitServeErrClosed
		}
	case <-timer.C:
		childSay("child.serve.no-return", grace)
		_ = pprof.Lookup("goroutine").WriteTo(os.Stderr, 1)
		return exitNoReturn
	}
	if after != nil {
		if err := after(); err != nil {
			childSay("child.after-serve", err)
			return exitAfterServe
		}
	}
	return exitOK
}

// runClientRole runs a client program against THREADPROC_ADDR with this
// process's stdin and stdout.
func runClientRole(client ClientFunc) int {
	if err := client(os.Getenv(envAddr), os.Stdin, os.Stdout); err != nil {
		childSay("child.client.error", err)
		return exitClientError
	}
	return exitOK
}
