package procs

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// Supported returns nil when ps is available, and otherwise an error
// wrapping ErrUnsupported. SocketOwners and ListeningSockets also need lsof;
// WithEnv and CPUTime are never supported on darwin.
func Supported() error {
	if _, err := exec.LookPath("ps"); err != nil {
		return fmt.Errorf("%w on darwin: ps not found (%v)", ErrUnsupported, err)
	}
	return nil
}

// psFormat selects the columns parsePS expects; ucomm (the accounting name)
// comes last because it may contain spaces.
const psFormat = "pid=,ppid=,pgid=,stat=,ucomm="

// ps runs ps with psFormat and the given selection and parses its output.
func ps(selection ...string) ([]Info, error) {
	out, err := run("ps", append([]string{"-o", psFormat}, selection...)...)
	if err != nil {
		return nil, err
	}
	return parsePS(string(out))
}

// parsePS parses lines of "PID PPID PGID STAT COMM...".
func parsePS(out string) ([]Info, error) {
	var infos []Info
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 4 {
			return nil, fmt.Errorf("procs: malformed ps line %q", line)
		}
		var nums [3]int
		for i := range nums {
			n, err := strconv.Atoi(f[i])
			if err != nil {
				return nil, fmt.Errorf("procs: malformed ps line %q", line)
			}
			nums[i] = n
		}
		// The command name is everything after the fourth field.
		rest := line
		for range 4 {
			rest = strings.TrimLeft(rest, " \t")
			if i := strings.IndexAny(rest, " \t"); i >= 0 {
				rest = rest[i:]
			} else {
				rest = ""
			}
		}
		infos = append(infos, Info{
			PID:   nums[0],
			PPID:  nums[1],
			PGID:  nums[2],
			State: f[3][0],
			Comm:  strings.TrimSpace(rest),
		})
	}
	return infos, nil
}

// Get returns what ps says about pid. When the process does not exist the
// error wraps os.ErrNotExist. State is the first letter of ps's STAT.
func Get(pid int) (Info, error) {
	if pid <= 0 {
		return Info{}, fmt.Errorf("procs: invalid pid %d: %w", pid, os.ErrNotExist)
	}
	infos, err := ps("-p", strconv.Itoa(pid))
	if err != nil {
		return Info{}, err
	}
	for _, i := range infos {
		if i.PID == pid {
			return i, nil
		}
	}
	return Info{}, fmt.Errorf("procs: process %d: %w", pid, os.ErrNotExist)
}

// Children returns the direct children of pid, zombies included, sorted by
// PID, from one `ps -A` run. The error wraps os.ErrNotExist when pid does not
// exist.
func Children(pid int) ([]Info, error) {
	all, err := psAllWith(pid)
	if err != nil {
		return nil, err
	}
	return childrenIn(all, pid), nil
}

// Descendants returns every process below pid (children, grandchildren,
// ...), found by following PPID links in one `ps -A` run, sorted by PID.
// The error wraps os.ErrNotExist when pid does not exist.
func Descendants(pid int) ([]Info, error) {
	all, err := psAllWith(pid)
	if err != nil {
		return nil, err
	}
	return descendantsIn(all, pid), nil
}

// psAllWith lists all processes and checks that pid is among them.
func psAllWith(pid int) ([]Info, error) {
	all, err := ps("-A")
	if err != nil {
		return nil, err
	}
	for _, i := range all {
		if i.PID == pid {
			return all, nil
		}
	}
	return nil, fmt.Errorf("procs: process %d: %w", pid, os.ErrNotExist)
}
