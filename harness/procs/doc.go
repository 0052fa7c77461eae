// Package procs looks at processes and TCP sockets from the outside.
//
// The exercise specs must never trust what a server says about itself, so
// they use this package to ask the operating system instead: which children a
// server forked, whether any of them is a zombie, which process owns the fd
// of an accepted connection, which sockets a process listens on, how much CPU
// and memory it used.
//
// # Linux (full support)
//
// Everything is read from procfs with the standard library only, no cgo:
// /proc/PID/stat (identity, state, CPU time), /proc/PID/environ, /proc/PID/fd,
// /proc/net/tcp and /proc/net/tcp6 (socket rows), /proc/PID/smaps_rollup and
// /proc/PID/status (memory). Supported reports an error when /proc is not
// mounted. Sockets are looked up in the network namespace of the calling
// process (SocketOwners) or of the inspected process (ListeningSockets).
// Processes that cannot be read (other users' environ or fds) are skipped,
// and processes that vanish during a scan are skipped, never reported as an
// error.
//
// # macOS (fallback through ps and lsof)
//
// Get, Children and Descendants parse `ps -A -o pid=,ppid=,pgid=,stat=,ucomm=`;
// State is the first letter of ps's STAT column, so besides 'R', 'S', 'T' and
// 'Z' it may be 'I' (idle) or 'U' (uninterruptible wait). SocketOwners and
// ListeningSockets parse `lsof -F` output (lsof must be installed, as it is on
// stock macOS). MemoryPSS and MemoryRSS both return the RSS reported by
// `ps -o rss=`: macOS has no PSS, so MemoryPSS is RSS there. WithEnv and
// CPUTime return an error wrapping ErrUnsupported: macOS does not expose the
// environment of other processes reliably, nor the CPU time of reaped
// children.
//
// # Other systems
//
// Every function returns an error wrapping ErrUnsupported that names the
// operating system, so specs can call
//
//	if err := procs.Supported(); err != nil { Skip(err.Error()) }
//
// and skip with a clear message.
package procs
