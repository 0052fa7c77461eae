package procs

import (
	"encoding/binary"
	"os"
	"strconv"
	"sync"
	"time"
)

// CPUTime returns the CPU time (user + system) pid has used itself, and the
// CPU time of its children that it has already reaped (waited for), from
// /proc/PID/stat. Resolution is one clock tick (usually 10ms). The error
// wraps os.ErrNotExist when the process is gone.
func CPUTime(pid int) (self, reapedChildren time.Duration, err error) {
	if err := checkPID(pid); err != nil {
		return 0, 0, err
	}
	st, err := readStat(pid)
	if err != nil {
		return 0, 0, procErr(pid, err)
	}
	hz := clockTicks()
	return ticksToDuration(st.utime+st.stime, hz), ticksToDuration(st.cutime+st.cstime, hz), nil
}

// ticksToDuration converts clock ticks at hz ticks per second, without
// overflowing for large tick counts.
func ticksToDuration(ticks, hz uint64) time.Duration {
	return time.Duration(ticks/hz)*time.Second + time.Duration(ticks%hz)*time.Second/time.Duration(hz)
}

// atClkTck is the auxiliary vector key holding sysconf(_SC_CLK_TCK).
const atClkTck = 17

// clockTicks returns USER_HZ, the unit of the times in /proc/PID/stat. It is
// read without cgo from the AT_CLKTCK entry of /proc/self/auxv (each entry
// is a native-endian key/value pair of machine words) and falls back to 100,
// the value on every mainstream Linux architecture.
var clockTicks = sync.OnceValue(func() uint64 {
	const fallback = 100
	data, err := os.ReadFile(procRoot + "/self/auxv")
	if err != nil {
		return fallback
	}
	word := strconv.IntSize / 8
	for i := 0; i+2*word <= len(data); i += 2 * word {
		var key, val uint64
		if word == 8 {
			key = binary.NativeEndian.Uint64(data[i:])
			val = binary.NativeEndian.Uint64(data[i+word:])
		} else {
			key = uint64(binary.NativeEndian.Uint32(data[i:]))
			val = uint64(binary.NativeEndian.Uint32(data[i+word:]))
		}
		if key == 0 { // AT_NULL ends the vector
			break
		}
		if key == atClkTck && val > 0 {
			return val
		}
	}
	return fallback
})
