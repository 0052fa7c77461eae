package sandbox

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
)

// Tools is what this machine offers for sandboxing, found by [Detect].
type Tools struct {
	// Bwrap, Unshare, IP, Prlimit and Sh are the paths of the programs, or
	// "" where missing.
	Bwrap, Unshare, IP, Prlimit, Sh string
	// BwrapVersion is `bwrap --version`'s answer, such as "bubblewrap 0.8.0".
	BwrapVersion string
	// Cgroups is how limits on a whole process tree can be set here.
	Cgroups Cgroups
	// Root reports whether the grader runs as root.
	Root bool
	// Problems say why a tool that is installed cannot be used here, such
	// as bwrap where user namespaces are not allowed.
	Problems []string
	// OS is runtime.GOOS.
	OS string
}

// Detect looks at this machine: which programs are on PATH and which
// cgroup controllers can be used.
func Detect() Tools {
	t := Tools{OS: runtime.GOOS, Root: os.Geteuid() == 0}
	look := func(name string) string {
		p, err := exec.LookPath(name)
		if err != nil {
			return ""
		}
		return p
	}
	t.Sh = look("sh")
	if runtime.GOOS != "linux" {
		return t // the namespaces, cgroups and rlimit tools below are Linux's
	}
	t.Bwrap, t.Unshare, t.IP, t.Prlimit = look("bwrap"), look("unshare"), look("ip"), look("prlimit")
	if t.Bwrap != "" {
		if out, err := exec.Command(t.Bwrap, "--version").Output(); err == nil {
			t.BwrapVersion = strings.TrimSpace(string(out))
		}
		// Installed is not enough: a machine may forbid the namespaces it
		// needs (Ubuntu 24.04 restricts user namespaces to root, say).
		if out, err := exec.Command(t.Bwrap, "--unshare-all", "--ro-bind", "/", "/", "--", "true").CombinedOutput(); err != nil {
			t.Problems = append(t.Problems, fmt.Sprintf("bwrap is installed but cannot make a sandbox here (%v: %s)",
				err, strings.TrimSpace(string(out))))
			t.Bwrap, t.BwrapVersion = "", ""
		}
	}
	if t.Unshare != "" {
		args := []string{"--net", "--pid", "--fork", "--mount-proc"}
		if !t.Root {
			args = append(args, "--map-root-user")
		}
		if out, err := exec.Command(t.Unshare, append(args, "true")...).CombinedOutput(); err != nil {
			t.Problems = append(t.Problems, fmt.Sprintf("unshare is installed but cannot make namespaces here (%v: %s)",
				err, strings.TrimSpace(string(out))))
			t.Unshare = ""
		}
	}
	t.Cgroups = detectCgroups()
	return t
}

// Without returns a copy of t without the named tools ("bwrap", "unshare",
// "prlimit", "cgroups", "cpu-share": the cpu controller alone), as if they
// were not installed: to grade or test with less than the machine has.
func (t Tools) Without(names ...string) Tools {
	for _, n := range names {
		switch n {
		case "bwrap":
			t.Bwrap, t.BwrapVersion = "", ""
		case "unshare":
			t.Unshare = ""
		case "prlimit":
			t.Prlimit = ""
		case "cgroups":
			t.Cgroups = Cgroups{Problem: "not used (switched off)"}
		case "cpu-share":
			if t.Cgroups.Version > 0 && t.Cgroups.CPUShare != "" {
				t.Cgroups.CPUShare = ""
				t.Cgroups.Notes = append(slices.Clip(t.Cgroups.Notes), fmt.Sprintf(noCPUShare, "the cpu controller is not used (switched off)"))
			}
		}
	}
	return t
}
