package procs

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
)

// procStat is the part of /proc/PID/stat this package uses.
type procStat struct {
	Info
	utime, stime, cutime, cstime uint64 // clock ticks
}

// parseStat parses the content of /proc/PID/stat. The command name sits
// between the first '(' and the LAST ')' because it may itself contain
// spaces and parentheses.
func parseStat(data []byte) (procStat, error) {
	var st procStat
	open := bytes.IndexByte(data, '(')
	closing := bytes.LastIndexByte(data, ')')
	if open < 0 || closing < open {
		return st, fmt.Errorf("procs: malformed stat line %q", data)
	}
	pid, err := strconv.Atoi(string(bytes.TrimSpace(data[:open])))
	if err != nil {
		return st, fmt.Errorf("procs: malformed pid in stat line %q", data)
	}
	// Fields after the comm, numbered from 0: state(0) ppid(1) pgrp(2)
	// session(3) tty_nr(4) tpgid(5) flags(6) minflt(7) cminflt(8) majflt(9)
	// cmajflt(10) utime(11) stime(12) cutime(13) cstime(14) ... exit_signal(35)
	f := bytes.Fields(data[closing+1:])
	if len(f) < 15 || len(f[0]) != 1 {
		return st, fmt.Errorf("procs: short stat line %q", data)
	}
	nums := make([]int64, 15)
	for i := 1; i < 15; i++ {
		if nums[i], err = strconv.ParseInt(string(f[i]), 10, 64); err != nil {
			return st, fmt.Errorf("procs: malformed field %d in stat line %q", i, data)
		}
	}
	st.Info = Info{
		PID:   pid,
		PPID:  int(nums[1]),
		PGID:  int(nums[2]),
		State: f[0][0],
		Comm:  string(data[open+1 : closing]),
		Probe: len(f) > 35 && string(f[35]) == "0",
	}
	st.utime, st.stime = uint64(nums[11]), uint64(nums[12])
	st.cutime, st.cstime = uint64(nums[13]), uint64(nums[14])
	return st, nil
}

// readStat reads and parses /proc/PID/stat. Errors are raw (see procErr).
func readStat(pid int) (procStat, error) {
	data, err := os.ReadFile(procPath(pid, "stat"))
	if err != nil {
		return procStat{}, err
	}
	return parseStat(data)
}

// Get returns what the kernel says about pid. When the process does not
// exist (any more) the error wraps os.ErrNotExist. A zombie still exists:
// Get succeeds and reports State 'Z'.
func Get(pid int) (Info, error) {
	if err := checkPID(pid); err != nil {
		return Info{}, err
	}
	st, err := readStat(pid)
	if err != nil {
		return Info{}, procErr(pid, err)
	}
	return st.Info, nil
}
