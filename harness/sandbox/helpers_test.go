package sandbox_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/sandbox"

	"github.com/threadproc/threadproc/harness/internal/files"
)

// ran is what one run of a role showed.
type ran struct {
	out   string
	state *os.ProcessState
	usage sandbox.Usage
	took  time.Duration
}

// runIn runs this test binary, playing role with arg, in a sandbox made
// from t and l (the scratch folder defaults to a new temporary folder). A
// copy of the binary goes into the scratch folder: the sandbox hides /tmp,
// where go test keeps it.
func runIn(t sandbox.Tools, l sandbox.Limits, role, arg string) ran {
	GinkgoHelper()
	if l.Scratch == "" {
		l.Scratch = GinkgoT().TempDir()
	}
	sb, err := sandbox.New(t, l)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(sb.Close)
	cmd := roleCommand(filepath.Join(l.Scratch, "role.test"), role, arg)
	Expect(sb.Wrap(cmd)).To(Succeed())
	r := wait(cmd)
	r.usage = sb.Usage()
	return r
}

// runPlain runs the role with no sandbox: the control that shows the role
// can do what the sandbox stops.
func runPlain(role, arg string) ran {
	GinkgoHelper()
	return wait(roleCommand("", role, arg))
}

// roleCommand prepares this test binary, copied to bin unless bin is "",
// to play role.
func roleCommand(bin, role, arg string) *exec.Cmd {
	GinkgoHelper()
	self, err := os.Executable()
	Expect(err).NotTo(HaveOccurred())
	if bin == "" {
		bin = self
	} else {
		Expect(files.CopyExecutable(self, bin)).To(Succeed())
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	DeferCleanup(cancel)
	cmd := exec.CommandContext(ctx, bin)
	cmd.Env = append(os.Environ(), roleKey+"="+role, roleArg+"="+arg)
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// wait runs cmd to its end.
func wait(cmd *exec.Cmd) ran {
	GinkgoHelper()
	start := time.Now()
	out, _ := cmd.CombinedOutput()
	r := ran{out: string(out), state: cmd.ProcessState, took: time.Since(start)}
	GinkgoWriter.Printf("%s -> %v in %v:\n%s\n", cmd.Args, r.state, r.took.Round(time.Millisecond), r.out)
	return r
}

// hostListener listens on the host's own 127.0.0.1 and counts the
// connections it accepts, until the spec ends.
func hostListener() (addr string, accepted *atomic.Int32) {
	GinkgoHelper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(ln.Close)
	accepted = &atomic.Int32{}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return // closed at cleanup
			}
			accepted.Add(1)
			conn.Close()
		}
	}()
	return ln.Addr().String(), accepted
}

// needs skips the spec, saying why and where it can be judged, unless ok.
func needs(ok bool, why string) {
	GinkgoHelper()
	if !ok {
		Skip("not judged here: " + why)
	}
}

// killed reports whether a process ended by SIGKILL: by the signal itself,
// or, where bubblewrap ran it, by bwrap's exit status 128+9 for a child
// that was killed.
func killed(st *os.ProcessState) bool {
	if st == nil {
		return false
	}
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return ws.Signal() == syscall.SIGKILL
	}
	return st.ExitCode() == 128+int(syscall.SIGKILL)
}

// alive reports whether pid is a running process (not gone, not a zombie).
func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i > 0 && i+2 < len(s) && s[i+2] != 'Z'
}

// fmtSscan scans the first line of text that matches format.
func fmtSscan(text, format string, args ...any) (int, error) {
	var err error
	for _, line := range strings.Split(text, "\n") {
		var n int
		if n, err = fmt.Sscanf(line, format, args...); err == nil {
			return n, nil
		}
	}
	return 0, err
}

// errString is err's text, or "".
func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
