package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
)

// Limits bound what a sandboxed command and everything it starts may use.
// A zero field sets no limit.
type Limits struct {
	// Memory bounds the memory of the whole process tree, in bytes.
	Memory int64
	// Processes bounds the tasks of the whole tree. The kernel counts
	// threads as tasks: a Go program has several.
	Processes int
	// CPUSeconds bounds the CPU time of each process.
	CPUSeconds int
	// Scratch is the one folder the command may write to (absolute). It
	// must exist.
	Scratch string
	// Hide lists folders the command must not see: each is covered by an
	// empty tmpfs (other learners' copies, the grader's reports).
	Hide []string
}

// Plan says, for each guarantee, what enforces it on this machine, and
// warns about each one nothing enforces.
type Plan struct {
	Network   string   `json:"network"`
	Files     string   `json:"files"`
	Memory    string   `json:"memory"`
	Processes string   `json:"processes"`
	CPU       string   `json:"cpu"`
	CPUShare  string   `json:"cpu_share"`
	Warnings  []string `json:"warnings,omitempty"`
}

// notEnforced is a Plan entry for a guarantee nothing enforces.
const notEnforced = "not enforced"

// PlanFor says how t enforces l.
func PlanFor(t Tools, l Limits) Plan {
	p := Plan{Network: notEnforced, Files: notEnforced, Memory: notEnforced, Processes: notEnforced, CPU: notEnforced, CPUShare: notEnforced}
	warn := func(format string, args ...any) { p.Warnings = append(p.Warnings, fmt.Sprintf(format, args...)) }
	for _, problem := range t.Problems {
		warn("%s", problem)
	}
	if t.OS != "linux" {
		warn("no sandbox on %s: the learner's code runs with your rights, with the network, and may write anywhere you can; "+
			"grade untrusted code on Linux with bubblewrap installed, as root (see README, Grading a class)", t.OS)
		return p
	}
	switch {
	case t.Bwrap != "" && t.Sh != "":
		p.Network = t.BwrapVersion + ": a new network namespace with only lo (up)"
		p.Files = t.BwrapVersion + ": / read-only, /tmp private, only the scratch folder writable"
	case t.Unshare != "" && t.IP != "" && t.Sh != "":
		p.Network = "unshare: a new network namespace with only lo (brought up by ip)"
		warn("bubblewrap is not installed: the learner's code may write anywhere this user can (install it: apt-get install bubblewrap)")
	default:
		warn("neither bubblewrap nor unshare with ip is installed: the learner's code has the network and may write anywhere this user can (install bubblewrap)")
	}
	if t.Cgroups.Version == 0 {
		warn("no memory limit, no process limit and no CPU share per run: %s", t.Cgroups.Problem)
	} else {
		for _, note := range t.Cgroups.Notes {
			warn("%s", note)
		}
		if t.Cgroups.CPUShare != "" {
			share := "cpu.weight 100"
			if t.Cgroups.Version == 1 {
				share = "cpu.shares 1024"
			}
			p.CPUShare = fmt.Sprintf("cgroup v%d: %s for the whole tree, as for every other run, whatever its number of processes", t.Cgroups.Version, share)
		}
		if l.Memory > 0 {
			p.Memory = fmt.Sprintf("cgroup v%d: %s for the whole tree", t.Cgroups.Version, bytesText(l.Memory))
		}
		if l.Processes > 0 {
			p.Processes = fmt.Sprintf("cgroup v%d: %d tasks (threads included) for the whole tree", t.Cgroups.Version, l.Processes)
		}
	}
	if l.CPUSeconds > 0 {
		if t.Prlimit != "" {
			p.CPU = fmt.Sprintf("prlimit: %d CPU seconds per process", l.CPUSeconds)
		} else {
			warn("prlimit is not installed: no CPU-time limit (install util-linux)")
		}
	}
	return p
}

// Sandbox is one sandboxed run's setup: its cgroup, if any, and how to wrap
// a command. Close it when the command has ended.
type Sandbox struct {
	tools  Tools
	limits Limits
	plan   Plan
	cg     *cgroup
}

// New prepares a sandbox with limits l, using tools t. It makes a cgroup
// where t has them, for the limits and for the run's share of the CPUs; if
// making it fails, the sandbox runs without and its plan warns. Before
// that, it removes the run groups a killed grader left: those that hold no
// process and whose folders' mtime is more than 10 minutes old. Until it is
// closed, the sandbox renews its group's mtime every minute, so that its
// group is not taken for one of those while the run waits to start (a class
// grader's timing runs wait for the machine to themselves).
func New(t Tools, l Limits) (*Sandbox, error) {
	if l.Scratch == "" || !filepath.IsAbs(l.Scratch) {
		return nil, fmt.Errorf("the sandbox needs an absolute scratch folder, not %q", l.Scratch)
	}
	if _, err := os.Stat(l.Scratch); err != nil {
		return nil, err
	}
	s := &Sandbox{tools: t, limits: l}
	if t.Cgroups.Version > 0 {
		cg, err := newCgroup(t.Cgroups, "run-"+randomName(), l)
		switch {
		case err != nil:
			s.tools.Cgroups = Cgroups{Problem: "making a cgroup failed: " + err.Error()}
		case cg.shareProblem() != "":
			s.cg = cg
			s.tools.Cgroups.CPUShare = ""
			s.tools.Cgroups.Notes = append(slices.Clip(t.Cgroups.Notes), fmt.Sprintf(noCPUShare, cg.shareProblem()))
		default:
			s.cg = cg
		}
	}
	s.plan = PlanFor(s.tools, l)
	return s, nil
}

// Plan says what this sandbox enforces.
func (s *Sandbox) Plan() Plan { return s.plan }

// Wrap rewrites cmd (not yet started) to run inside the sandbox (see
// [Sandbox.Command]); its Dir, Env, files and process attributes are kept,
// and Env gets [Sandbox.Env].
func (s *Sandbox) Wrap(cmd *exec.Cmd) error {
	if cmd.Process != nil {
		return fmt.Errorf("the command has started already")
	}
	env := cmd.Env
	if env == nil {
		env = os.Environ()
	}
	cmd.Env = append(env, s.Env()...)
	path, args := s.Command(cmd.Path, cmd.Args[1:], cmd.Dir)
	cmd.Path, cmd.Args = path, append([]string{path}, args...)
	return nil
}

// Env is what the sandboxed command's environment needs besides its own:
// TMPDIR in the scratch folder.
func (s *Sandbox) Env() []string { return []string{"TMPDIR=" + s.limits.Scratch} }

// Command returns the command line that runs path with args, in the
// folder dir, inside the sandbox: it joins the cgroup, gets the CPU limit,
// then enters the namespaces. Off Linux it is the command itself.
func (s *Sandbox) Command(path string, args []string, dir string) (string, []string) {
	if s.tools.OS != "linux" {
		return path, args
	}
	argv := append([]string{path}, args...)
	switch {
	case s.tools.Bwrap != "" && s.tools.Sh != "":
		argv = append(s.bwrapArgs(dir), argv...)
	case s.tools.Unshare != "" && s.tools.IP != "" && s.tools.Sh != "":
		argv = append(s.unshareArgs(), argv...)
	}
	if s.limits.CPUSeconds > 0 && s.tools.Prlimit != "" {
		n := strconv.Itoa(s.limits.CPUSeconds)
		argv = append([]string{s.tools.Prlimit, "--cpu=" + n + ":" + n, "--"}, argv...)
	}
	if s.cg != nil {
		// sh joins the group before anything else runs, then execs the rest:
		// every process after it is born inside.
		files := s.cg.procsFiles()
		join := []string{s.tools.Sh, "-c", joinScript, "threadproc-sandbox", strconv.Itoa(len(files))}
		argv = append(append(join, files...), argv...)
	}
	return argv[0], argv[1:]
}

// joinScript writes the shell's PID into each of the first $1 files, then
// runs the rest of its arguments in its place.
const joinScript = `n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n-1)); done; exec "$@"`

// bwrapArgs is the bubblewrap command line up to the sandboxed command.
func (s *Sandbox) bwrapArgs(dir string) []string {
	args := []string{s.tools.Bwrap,
		"--unshare-all",       // user (where possible), ipc, pid, net, uts, cgroup namespaces
		"--die-with-parent",   // the grader killing its child ends the sandbox
		"--new-session",       // no terminal to inject input into
		"--ro-bind", "/", "/", // the whole file system, read-only
		"--dev", "/dev",
		"--proc", "/proc", // the PID namespace's own
		"--tmpfs", "/tmp",
	}
	for _, h := range s.limits.Hide {
		args = append(args, "--tmpfs", h)
	}
	args = append(args, "--bind", s.limits.Scratch, s.limits.Scratch)
	if dir != "" {
		args = append(args, "--chdir", dir)
	}
	return append(args, "--")
}

// unshareArgs is the unshare command line up to the sandboxed command: new
// network and PID namespaces, lo brought up.
func (s *Sandbox) unshareArgs() []string {
	args := []string{s.tools.Unshare, "--net", "--pid", "--fork", "--kill-child", "--mount-proc"}
	if !s.tools.Root {
		args = append(args, "--map-root-user")
	}
	return append(args, "--", s.tools.Sh, "-c", s.tools.IP+` link set lo up && exec "$@"`, "threadproc-sandbox")
}

// Usage reads what the run used, from its cgroup; zero without one.
func (s *Sandbox) Usage() Usage {
	if s.cg == nil {
		return Usage{}
	}
	return s.cg.usage()
}

// Close kills whatever is left in the sandbox's cgroup and removes it.
func (s *Sandbox) Close() error {
	if s.cg == nil {
		return nil
	}
	return s.cg.close()
}

// randomName returns a name no other run uses.
func randomName() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// bytesText writes n bytes as MiB or GiB.
func bytesText(n int64) string {
	if n%(1<<30) == 0 {
		return fmt.Sprintf("%d GiB", n>>30)
	}
	return fmt.Sprintf("%d MiB", n>>20)
}
