package procs

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
)

// MemoryPSS returns the proportional set size of pid in bytes: resident
// memory with each shared page divided among the processes sharing it, so
// that the PSS of a server and its forked children adds up to what they
// really use. It reads "Pss:" from /proc/PID/smaps_rollup, or sums it over
// /proc/PID/smaps on kernels older than 4.14. Zombies and kernel threads
// have no memory and give 0. Reading another user's process needs ptrace
// permission; the error wraps os.ErrNotExist when the process is gone.
func MemoryPSS(pid int) (int64, error) {
	if err := checkPID(pid); err != nil {
		return 0, err
	}
	kb, err := sumKB(procPath(pid, "smaps_rollup"), "Pss:")
	if err != nil && gone(err) {
		// Old kernel without smaps_rollup, or the process is gone.
		kb, err = sumKB(procPath(pid, "smaps"), "Pss:")
	}
	if err != nil {
		return 0, procErr(pid, err)
	}
	return kb * 1024, nil
}

// MemoryRSS returns the resident set size of pid in bytes ("VmRSS:" in
// /proc/PID/status). Zombies and kernel threads give 0. The error wraps
// os.ErrNotExist when the process is gone.
func MemoryRSS(pid int) (int64, error) {
	if err := checkPID(pid); err != nil {
		return 0, err
	}
	kb, err := sumKB(procPath(pid, "status"), "VmRSS:")
	if err != nil {
		return 0, procErr(pid, err)
	}
	return kb * 1024, nil
}

// sumKB adds up the values of every "Label:   N kB" line of a file; a file
// without such a line gives 0.
func sumKB(path, label string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var kb int64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, []byte(label)) {
			continue
		}
		fields := bytes.Fields(line[len(label):])
		if len(fields) == 0 {
			return 0, fmt.Errorf("procs: malformed line %q in %s", line, path)
		}
		n, err := strconv.ParseInt(string(fields[0]), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("procs: malformed line %q in %s", line, path)
		}
		kb += n
	}
	return kb, sc.Err()
}
