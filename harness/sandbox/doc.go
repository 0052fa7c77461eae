// Package sandbox runs an untrusted command (a learner's test binary, and
// so the learner's server and everything it starts) with no network but
// loopback, a memory limit, a process limit, a CPU-time limit, and no write
// access outside one scratch folder.
//
// It hand-rolls none of that: it drives the operating system's own,
// well-kept tools and says which one gives which guarantee.
//
//   - bubblewrap (bwrap, the sandbox Flatpak uses): new network, PID, IPC
//     and UTS namespaces (the network has only lo, and bwrap brings it up),
//     the whole file system bound read-only, a private /tmp, the scratch
//     folder bound writable, chosen folders hidden under an empty tmpfs,
//     and --die-with-parent, so that killing the grader's child ends every
//     process in the sandbox. Chosen because one small setuid-free program
//     does all of the namespace and mount work that would otherwise be a
//     hand-written init process.
//   - unshare (util-linux) with ip (iproute2), where bwrap is missing: a
//     network namespace with lo brought up, and a PID namespace. The file
//     system stays writable: the plan says so in a warning.
//   - cgroups, through the kernel's own files (v1 as on this project's
//     development machine, v2 as on GitHub's runners): memory.limit_in_bytes
//     or memory.max for the whole tree, pids.max for its tasks, and the
//     counters that show a limit was hit (oom_kill, pids "max" events).
//     Each run also gets a group of its own in the cpu controller, with the
//     default share (cpu.shares 1024, cpu.weight 100): runs side by side
//     then share the CPUs equally, however many busy processes one starts
//     (a fork bomb takes its own share, not its neighbour's). Where the cpu
//     controller is missing, the limits still hold and the plan warns.
//     A limit on the address space (RLIMIT_AS) cannot stand in: it is per
//     process, so it bounds no tree, and a binary built with -race reserves
//     about 1.9 GB of address space at start while holding 30 MB (measured
//     with Go 1.26): under 1 GiB it does not even start (see the specs).
//   - prlimit (util-linux): RLIMIT_CPU per process, soft = hard, so the
//     kernel sends SIGKILL when a process has used its CPU seconds (Go
//     ignores SIGXCPU).
//
// Where a tool is missing (macOS has none of them; a fresh Linux machine
// may lack bubblewrap; cgroups need root or delegation) the command still
// runs with whatever is available, and [Plan.Warnings] says, in one line
// each, what is not enforced and how to get it. Nothing degrades silently.
package sandbox
