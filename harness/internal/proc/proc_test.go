package proc_test

import (
	"bufio"
	"errors"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/procs"
)

// sh starts a shell script with o, and kills what is left of it when the
// spec ends.
func sh(script string, o proc.Options) *proc.Process {
	GinkgoHelper()
	if err := proc.Supported(); err != nil {
		Skip(err.Error())
	}
	p, err := proc.Start("/bin/sh", []string{"-c", script}, o)
	Expect(err).NotTo(HaveOccurred())
	DeferCleanup(p.Kill)
	return p
}

// gone reports whether pid no longer runs (a zombie counts as gone).
func gone(pid int) bool {
	info, err := procs.Get(pid)
	return errors.Is(err, os.ErrNotExist) || err == nil && info.State == 'Z'
}

var _ = Describe("a process", func() {
	It("writes stdout and stderr into one output, in order, and exits with a status", func() {
		out := proc.NewOutput(1<<10, nil)
		p := sh("echo one; echo two >&2; echo three; exit 3", proc.Options{Output: out})
		Expect(p.Wait(5 * time.Second)).To(BeTrue())
		Expect(out.String()).To(Equal("one\ntwo\nthree\n"))
		Expect(p.Exit().Code).To(Equal(3))
		Expect(p.Exit().String()).To(Equal("exit status 3"))
		Expect(p.Exit().Success()).To(BeFalse())
	})

	It("keeps stderr apart when asked", func() {
		out, errs := proc.NewOutput(1<<10, nil), proc.NewOutput(1<<10, nil)
		p := sh("echo one; echo two >&2", proc.Options{Output: out, Stderr: errs})
		Expect(p.Wait(5 * time.Second)).To(BeTrue())
		Expect(out.String()).To(Equal("one\n"))
		Expect(errs.String()).To(Equal("two\n"))
		Expect(p.Exit().Success()).To(BeTrue())
	})

	It("says which signal ended it", func() {
		p := sh("kill -TERM $$", proc.Options{})
		Expect(p.Wait(5 * time.Second)).To(BeTrue())
		Expect(p.Exit().Signal).To(Equal(syscall.SIGTERM))
		Expect(p.Exit().Code).To(Equal(-1))
		Expect(p.Exit().String()).To(Equal("signal: terminated"))
	})

	It("reads its input, and hands it files as fd 3 on", func() {
		r, w, err := os.Pipe()
		Expect(err).NotTo(HaveOccurred())
		defer r.Close()
		out := proc.NewOutput(1<<10, nil)
		p := sh("cat; echo via-fd-3 >&3", proc.Options{Stdin: strings.NewReader("input\n"), Output: out, Files: []*os.File{w}})
		_ = w.Close()
		Expect(p.Wait(5 * time.Second)).To(BeTrue())
		Expect(out.String()).To(Equal("input\n"))
		Expect(bufio.NewReader(r).ReadString('\n')).To(Equal("via-fd-3\n"))
	})

	It("stops gracefully when its stdin pipe closes, leaving its group alone", func() {
		p := sh("sleep 30 & exec cat >/dev/null", proc.Options{StdinPipe: true})
		Eventually(func() ([]procs.Info, error) { return procs.Children(p.PID) }).Should(HaveLen(1))
		below, _ := procs.Children(p.PID)
		Expect(p.Stop(nil, 5*time.Second)).To(BeTrue())
		Expect(p.Exit().Success()).To(BeTrue())
		Expect(gone(below[0].PID)).To(BeFalse(), "Stop leaves the processes it started to the caller")
		p.Kill()
		Eventually(func() bool { return gone(below[0].PID) }).Should(BeTrue(), "Kill kills the whole group")
	})

	It("stops on a signal, and is killed when it ignores it", func() {
		p := sh("sleep 30", proc.Options{})
		Expect(p.Stop(syscall.SIGTERM, 5*time.Second)).To(BeTrue())
		Expect(p.Exit().Signal).To(Equal(syscall.SIGTERM))

		ready := make(chan string, 1)
		stubborn := sh(`trap "" TERM; echo ready; while :; do sleep 1; done`,
			proc.Options{Output: proc.Lines(func(l string) { ready <- l })})
		Eventually(ready).Should(Receive(Equal("ready")))
		start := time.Now()
		Expect(stubborn.Stop(syscall.SIGTERM, 300*time.Millisecond)).To(BeFalse())
		Expect(stubborn.Exit().Signal).To(Equal(syscall.SIGKILL))
		Expect(time.Since(start)).To(BeNumerically("<", proc.KillWait))
	})

	It("is done once its output is read, or a bounded time after it exits", func() {
		out := proc.NewOutput(1<<10, nil)
		p := sh("sleep 30 & echo hi", proc.Options{Output: out, Drain: 300 * time.Millisecond})
		Eventually(p.Exited()).Should(BeClosed())
		Expect(p.Wait(3*time.Second)).To(BeTrue(), "a worker holding the output delays Done by Drain only")
		Expect(out.String()).To(Equal("hi\n"))
	})

	It("lowers its limit on open files, soft and hard, before its program runs", func() {
		out := proc.NewOutput(1<<10, nil)
		p := sh("ulimit -Sn; ulimit -Hn", proc.Options{Output: out, FileLimit: 64})
		Expect(p.Wait(5 * time.Second)).To(BeTrue())
		Expect(out.String()).To(Equal("64\n64\n"))
	})

	It("gets the defaults and the options' variables in its environment", func() {
		out := proc.NewOutput(1<<10, nil)
		tag := proc.NewTag("THREADPROC_PROC_TEST")
		p := sh(`echo "$GORACE|$THREADPROC_PROC_TEST|$EXTRA|${GOMAXPROCS:-unset}"`,
			proc.Options{Output: out, Tag: tag, Env: []string{"EXTRA=x"}, MinGOMAXPROCS: 2})
		Expect(p.Wait(5 * time.Second)).To(BeTrue())
		fields := strings.Split(strings.TrimSpace(out.String()), "|")
		Expect(fields[0]).To(HavePrefix("atexit_sleep_ms=0"))
		Expect(fields[1:3]).To(Equal([]string{tag.Value, "x"}))
		if os.Getenv("GOMAXPROCS") == "" {
			Expect(fields[3]).NotTo(Equal("unset"))
			Expect(fields[3]).NotTo(BeElementOf("0", "1"), "at least 2")
		}
	})

	It("kills every process that carries its tag when killed, wherever it is", func() {
		if err := procs.Supported(); err != nil {
			Skip(err.Error())
		}
		tag := proc.NewTag("THREADPROC_PROC_TEST")
		// The sleep leaves the group, as a worker that calls setsid would.
		p := sh("setsid sleep 30 & wait", proc.Options{Tag: tag})
		Eventually(tag.Processes).Should(HaveLen(2))
		escaped, _ := tag.Processes()
		p.Kill()
		Eventually(tag.Processes).Should(BeEmpty())
		for _, pid := range escaped {
			Expect(gone(pid)).To(BeTrue())
		}
	})
})

var _ = Describe("output helpers", func() {
	It("keeps the head and the tail of a long output", func() {
		out := proc.NewOutput(4, nil)
		_, _ = io.WriteString(out, "abcdefgh")
		_, _ = io.WriteString(out, "ijkl")
		Expect(out.String()).To(Equal("abcd\n[... output cut ...]\nijkl"))
	})

	It("echoes every byte, each line prefixed", func() {
		var b strings.Builder
		out := proc.NewOutput(1<<10, proc.Prefixed(&b, "> "))
		_, _ = io.WriteString(out, "one\ntw")
		_, _ = io.WriteString(out, "o\n")
		Expect(b.String()).To(Equal("> one\n> two\n"))
	})

	It("passes whole lines on, however they were written", func() {
		var got []string
		w := proc.Lines(func(l string) { got = append(got, l) })
		_, _ = io.WriteString(w, "one\ntw")
		_, _ = io.WriteString(w, "o\nthree")
		Expect(got).To(Equal([]string{"one", "two"}))
	})
})

var _ = Describe("a process without output", func() {
	It("writes to the null device, not to a closed descriptor", func() {
		p := sh("echo lost", proc.Options{})
		Expect(p.Wait(5 * time.Second)).To(BeTrue())
		Expect(p.Exit().Success()).To(BeTrue(), "echo to stdout failed: %v", p.Exit())
	})
})
