package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/threadproc/threadproc/harness/internal/proc"
)

// Build compiles the main package pkg, a path as go build takes it (such as
// "./cmd/process-server", relative to the benchmark's package folder), into
// a temporary folder that is removed when b ends, and returns the binary's
// path. It runs the go command (go test puts its own first on PATH) with
// this process's environment, so that GOFLAGS applies to the build too:
// make bench passes the reference solution's overlay that way.
//
// The binary is built without the race detector and with CGO_ENABLED=0: a
// pure Go, statically linked program, as go build makes on a machine with
// no C compiler and as Go servers are usually shipped. With cgo (the
// default where gcc is installed) a program that imports net is linked
// dynamically against the C library, and every process start pays for the
// dynamic loader: on the 2-core machine of exercise 03's README, 0.9 ms more
// per worker, nearly twice the cost of a visit.
func Build(b *testing.B, pkg string) string {
	b.Helper()
	gocmd, err := exec.LookPath("go")
	if err != nil {
		b.Skipf("building %s needs the go command on PATH: %v", pkg, err)
	}
	out := filepath.Join(b.TempDir(), filepath.Base(pkg))
	cmd := exec.Command(gocmd, "build", "-o", out, pkg)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	return out
}

// Program is a runnable server started by [Start]: a process of its own,
// leader of its own process group.
type Program struct {
	// Addr is where the server listens.
	Addr string
	// PID is the server's process ID.
	PID int

	proc   *proc.Process
	output *proc.Output
}

// addrLine matches the line the runnable servers log when they listen
// (exercises/internal/runserver).
var addrLine = regexp.MustCompile(`listening on (\S+)`)

// maxOutput bounds what a [Program]'s output keeps: its head and its tail.
const maxOutput = 1 << 20

// Start runs binary, a runnable server of the exercises, with
// "-addr 127.0.0.1:0" and args, in a process group of its own, and waits
// (at most IOTimeout) until it logs where it listens. When the benchmark
// ends the server gets an interrupt (Ctrl-C) and must exit within
// IOTimeout; then its process group is killed, so that no worker survives
// the benchmark. What the server and its workers print is shown only if the
// benchmark fails.
func Start(b *testing.B, binary string, args ...string) *Program {
	b.Helper()
	addr := make(chan string, 1)
	found := false // guarded by the Lines writer
	p := &Program{output: proc.NewOutput(maxOutput/2, proc.Lines(func(line string) {
		if m := addrLine.FindStringSubmatch(line); m != nil && !found {
			found = true
			addr <- m[1]
		}
	}))}
	var err error
	p.proc, err = proc.Start(binary, append([]string{"-addr", "127.0.0.1:0"}, args...), proc.Options{Output: p.output})
	if err != nil {
		b.Fatal(err)
	}
	p.PID = p.proc.PID
	b.Cleanup(func() { p.stop(b) })
	select {
	case p.Addr = <-addr:
		return p
	case <-p.proc.Done():
		b.Fatalf("%s exited before it listened: %v\n%s", binary, p.proc.Exit(), p.output.String())
	case <-time.After(IOTimeout):
		b.Fatalf("%s did not say where it listens within %v\n%s", binary, IOTimeout, p.output.String())
	}
	return nil
}

// stop interrupts the server, waits for it to exit, and kills its process
// group.
func (p *Program) stop(b *testing.B) {
	b.Helper()
	if p.proc.Stop(os.Interrupt, IOTimeout) {
		if st := p.proc.Exit(); !st.Success() {
			b.Errorf("the server ended with %v after Ctrl-C; want exit status 0", st)
		}
	} else {
		b.Errorf("the server did not exit within %v of Ctrl-C: killed", IOTimeout)
	}
	p.proc.Kill()
	if b.Failed() {
		b.Logf("what the server printed:\n%s", p.output.String())
	}
}
