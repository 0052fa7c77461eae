package compare

import (
	"fmt"
	"net"
	"os"
	"strings"
)

// Environment variables by which the measuring program tells a copy of
// itself what to be.
const (
	roleEnv   = "THREADPROC_COMPARE_ROLE" // "server:KIND", "conn-worker" or "prefork-worker:CURE:INDEX"
	runEnv    = "THREADPROC_COMPARE_RUN"  // a tag inherited by every process of one run
	runDirEnv = "THREADPROC_COMPARE_DIR"  // a folder of the run's own, removed at its end
)

// Roles a copy of the program can take.
const (
	roleServer        = "server:"
	roleConnWorker    = "conn-worker"
	rolePreforkWorker = "prefork-worker"
	roleExit          = "exit" // starts and ends at once (see measureStarts)
)

// WorkerMain turns this process into a reference server or one of its
// workers if the measuring program started it as one (its environment
// says so), and exits when that role ends. In any other process it returns
// at once. The compare command calls it first thing in main.
func WorkerMain() {
	role := os.Getenv(roleEnv)
	if role == "" {
		return
	}
	if err := runRole(role); err != nil {
		fmt.Fprintf(os.Stderr, "compare %s (pid %d): %v\n", role, os.Getpid(), err)
		os.Exit(1)
	}
	os.Exit(0)
}

// runRole runs one role on the file inherited as fd 3.
func runRole(role string) error {
	fd3 := os.NewFile(3, role)
	defer fd3.Close()
	switch {
	case strings.HasPrefix(role, roleServer) && Kind(strings.TrimPrefix(role, roleServer)).python():
		return execPython(Kind(strings.TrimPrefix(role, roleServer)))
	case strings.HasPrefix(role, roleServer):
		ln, err := net.FileListener(fd3)
		if err != nil {
			return err
		}
		return serve(Kind(strings.TrimPrefix(role, roleServer)), ln)
	case role == roleConnWorker:
		conn, err := net.FileConn(fd3)
		if err != nil {
			return err
		}
		_ = fd3.Close()
		handle(conn) // a "crash" panics here and ends this worker only
		return nil
	case role == roleExit:
		return nil
	case strings.HasPrefix(role, rolePreforkWorker+":"):
		return runPreforkWorker(strings.TrimPrefix(role, rolePreforkWorker+":"), fd3)
	}
	return fmt.Errorf("unknown role %q", role)
}
