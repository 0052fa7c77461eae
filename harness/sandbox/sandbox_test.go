package sandbox_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/sandbox"
)

var tools = sandbox.Detect()

// hasNamespaces reports whether t can give a command its own network.
func hasNamespaces(t sandbox.Tools) bool {
	return t.Bwrap != "" || (t.Unshare != "" && t.IP != "")
}

var _ = Describe("a sandboxed command", func() {
	DescribeTable("sees only lo and cannot reach a listener on the host's own 127.0.0.1",
		func(t sandbox.Tools, via string) {
			needs(t.OS == "linux", "network namespaces are Linux's")
			needs(hasNamespaces(t), "neither bubblewrap nor unshare with ip is installed (apt-get install bubblewrap)")
			addr, accepted := hostListener()

			control := runPlain("probe-net", addr)
			Expect(control.out).To(ContainSubstring("dial " + addr + ": ok"))
			Expect(accepted.Load()).To(BeEquivalentTo(1), "the control run outside the sandbox reaches the listener")

			inside := runIn(t, sandbox.Limits{}, "probe-net", addr)
			Expect(inside.out).To(ContainSubstring("interfaces: lo (ok)"), "via %s the sandbox has one interface, lo", via)
			Expect(inside.out).To(ContainSubstring("dial " + addr + ": dial tcp " + addr + ": connect: connection refused"))
			Consistently(accepted.Load).WithTimeout(300*time.Millisecond).Should(BeEquivalentTo(1),
				"nothing from inside the sandbox reached the host's listener")
		},
		Entry("with bubblewrap", tools, "bubblewrap"),
		Entry("with unshare, where bubblewrap is missing", tools.Without("bwrap"), "unshare"),
	)

	It("changes nothing outside its scratch folder, and can write inside it", func() {
		needs(tools.OS == "linux" && tools.Bwrap != "", "bubblewrap is not installed (apt-get install bubblewrap)")
		outside, err := os.MkdirTemp("/var/tmp", "threadproc-sandbox-")
		needs(err == nil, "no /var/tmp to write to: "+errString(err))
		DeferCleanup(os.RemoveAll, outside)
		tmp := GinkgoT().TempDir() // under /tmp, which the sandbox replaces with its own
		scratch := GinkgoT().TempDir()
		targets := []string{filepath.Join(outside, "pwned"), filepath.Join(tmp, "pwned"), filepath.Join(scratch, "ok")}

		control := runPlain("write", strings.Join(targets[:2], ","))
		Expect(control.out).To(ContainSubstring("write " + targets[0] + ": ok"))
		Expect(targets[0]).To(BeAnExistingFile(), "the control run outside the sandbox writes there")
		Expect(os.Remove(targets[0])).To(Succeed())
		Expect(os.Remove(targets[1])).To(Succeed())

		inside := runIn(tools, sandbox.Limits{Scratch: scratch}, "write", strings.Join(targets, ","))
		Expect(inside.out).To(ContainSubstring("write " + targets[0] + ": open " + targets[0] + ": read-only file system"))
		Expect(targets[0]).NotTo(BeAnExistingFile())
		Expect(targets[1]).NotTo(BeAnExistingFile(), "a write to /tmp lands in the sandbox's own /tmp, gone with it")
		Expect(targets[2]).To(BeAnExistingFile(), "the scratch folder is writable")
	})

	It("is killed when its tree passes the memory limit, and the kill is counted", func() {
		needs(tools.Cgroups.Version > 0, "no cgroups: "+tools.Cgroups.Problem)
		control := runIn(tools, sandbox.Limits{Memory: 1 << 30}, "hog", "128")
		Expect(control.out).To(ContainSubstring("held 128 MiB"), "under a roomy limit the same program runs to its end")
		Expect(control.usage.PeakMemory).To(BeNumerically(">=", 128<<20), "the peak counts the memory it held")

		r := runIn(tools, sandbox.Limits{Memory: 192 << 20}, "hog", "1024")
		Expect(r.out).NotTo(ContainSubstring("held"))
		Expect(killed(r.state)).To(BeTrue())
		Expect(r.usage.OOMKills).To(BeNumerically(">=", 1))
	})

	It("cannot have more tasks than the process limit, and the refusals are counted", func() {
		needs(tools.Cgroups.Version > 0, "no cgroups: "+tools.Cgroups.Problem)
		control := runIn(tools, sandbox.Limits{Processes: 400}, "fork", "20")
		Expect(control.out).To(ContainSubstring("started 20 of 20: ok"))

		r := runIn(tools, sandbox.Limits{Processes: 60}, "fork", "200")
		Expect(r.out).To(MatchRegexp(`started \d+ of 200: fork/exec \S+: resource temporarily unavailable`))
		Expect(r.usage.ProcessLimitHits).To(BeNumerically(">=", 1))
	})

	It("is killed when a process has used its CPU seconds", func() {
		needs(tools.OS == "linux" && tools.Prlimit != "", "prlimit is not installed (util-linux)")
		control := runIn(tools, sandbox.Limits{CPUSeconds: 2}, "noop", "")
		Expect(control.out).To(ContainSubstring("ran"))

		r := runIn(tools, sandbox.Limits{CPUSeconds: 1}, "spin", "")
		Expect(r.out).NotTo(ContainSubstring("spun"))
		Expect(killed(r.state)).To(BeTrue())
		Expect(r.took).To(BeNumerically("<", 20*time.Second), "one CPU second, not the role's 30 s")
	})

	It("leaves nothing running once closed, even what escaped the command's own process group", func() {
		needs(tools.Cgroups.Version > 0, "no cgroups: "+tools.Cgroups.Problem)
		// Without namespaces, nothing but the cgroup holds the orphan.
		sb, err := sandbox.New(tools.Without("bwrap", "unshare"), sandbox.Limits{Processes: 100, Scratch: GinkgoT().TempDir()})
		Expect(err).NotTo(HaveOccurred())
		cmd := roleCommand("", "leave-sleeper", "")
		Expect(sb.Wrap(cmd)).To(Succeed())
		r := wait(cmd)
		var pid int
		Expect(r.out).To(MatchRegexp(`left \d+`))
		_, _ = fmtSscan(r.out, "left %d", &pid)
		Expect(alive(pid)).To(BeTrue(), "the sleeper outlives the command")
		Expect(sb.Close()).To(Succeed())
		Eventually(func() bool { return alive(pid) }).WithTimeout(5 * time.Second).Should(BeFalse())
	})

	It("cannot limit memory with RLIMIT_AS: a -race binary reserves gigabytes of address space it never uses", func() {
		needs(tools.Prlimit != "", "prlimit is not installed (util-linux)")
		needs(raceBuilt, "this test binary was built without -race; run it as kit test does (go test -race)")
		self, err := os.Executable()
		Expect(err).NotTo(HaveOccurred())
		under := func(as string) ran {
			cmd := exec.Command(tools.Prlimit, "--as="+as, "--", self)
			cmd.Env = append(os.Environ(), roleKey+"=noop")
			return wait(cmd)
		}
		Expect(under("8589934592").out).To(ContainSubstring("ran"), "with 8 GiB of address space it starts")
		r := under("1073741824") // 1 GiB, though it needs about 30 MB of memory
		Expect(r.out).NotTo(ContainSubstring("ran"))
		Expect(r.state.Success()).To(BeFalse())
	})
})

var _ = Describe("a sandbox's plan", func() {
	full := sandbox.Tools{OS: "linux", Bwrap: "/usr/bin/bwrap", BwrapVersion: "bubblewrap 0.8.0", Unshare: "/usr/bin/unshare",
		IP: "/usr/sbin/ip", Prlimit: "/usr/bin/prlimit", Sh: "/bin/sh",
		Cgroups: sandbox.Cgroups{Version: 2, Memory: "/sys/fs/cgroup", Pids: "/sys/fs/cgroup", CPUUsage: "/sys/fs/cgroup", CPUShare: "/sys/fs/cgroup"}}
	limits := sandbox.Limits{Memory: 6 << 30, Processes: 4096, CPUSeconds: 300}

	It("names the tool behind each guarantee and warns about nothing when all are there", func() {
		p := sandbox.PlanFor(full, limits)
		Expect(p.Warnings).To(BeEmpty())
		Expect(p.Network).To(HavePrefix("bubblewrap 0.8.0"))
		Expect(p.Memory).To(Equal("cgroup v2: 6 GiB for the whole tree"))
		Expect(p.CPU).To(Equal("prlimit: 300 CPU seconds per process"))
		Expect(p.CPUShare).To(HavePrefix("cgroup v2: cpu.weight 100 for the whole tree"))
	})

	It("says the CPU share is not enforced, and why, where the cpu controller is missing", func() {
		p := sandbox.PlanFor(full.Without("cpu-share"), limits)
		Expect(p.CPUShare).To(Equal("not enforced"))
		Expect(p.Memory).To(Equal("cgroup v2: 6 GiB for the whole tree"), "memory and processes are still limited")
		Expect(p.Warnings).To(ConsistOf(And(ContainSubstring("no CPU share per run: the cpu controller is not used"),
			ContainSubstring("J=1"))))
		Expect(sandbox.PlanFor(full, limits).Warnings).To(BeEmpty(), "Without left the original as it was")
	})

	It("warns, for each missing tool, what is not enforced and how to get it", func() {
		p := sandbox.PlanFor(full.Without("bwrap"), limits)
		Expect(p.Files).To(Equal("not enforced"))
		Expect(p.Warnings).To(ConsistOf(ContainSubstring("may write anywhere this user can (install it: apt-get install bubblewrap)")))

		p = sandbox.PlanFor(full.Without("bwrap", "unshare", "cgroups", "prlimit"), limits)
		Expect(p.Network).To(Equal("not enforced"))
		Expect(p.Warnings).To(HaveLen(3))
	})

	It("says there is no sandbox at all on macOS", func() {
		p := sandbox.PlanFor(sandbox.Tools{OS: "darwin", Sh: "/bin/sh"}, limits)
		Expect(p.Warnings).To(ConsistOf(ContainSubstring("no sandbox on darwin")))
		Expect([]string{p.Network, p.Files, p.Memory, p.Processes, p.CPU, p.CPUShare}).To(HaveEach("not enforced"))
	})
})
