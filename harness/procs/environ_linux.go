package procs

import (
	"bytes"
	"errors"
	"os"
)

// WithEnv returns the sorted PIDs of the processes whose initial environment
// (/proc/PID/environ, as passed to execve) contains exactly key=value.
// Processes whose environment cannot be read (other users' processes,
// kernel threads, processes that vanish) are skipped.
func WithEnv(key, value string) ([]int, error) {
	if key == "" {
		return nil, errors.New("procs: WithEnv: empty key")
	}
	pids, err := allPIDs()
	if err != nil {
		return nil, err
	}
	needle := []byte(key + "=" + value)
	var out []int
	for _, pid := range pids {
		data, err := os.ReadFile(procPath(pid, "environ"))
		if err != nil {
			continue // gone, or not ours to read
		}
		for entry := range bytes.SplitSeq(data, []byte{0}) {
			if bytes.Equal(entry, needle) {
				out = append(out, pid)
				break
			}
		}
	}
	return sortedUnique(out), nil
}
