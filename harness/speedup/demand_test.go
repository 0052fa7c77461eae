package speedup

import (
	"testing"
	"time"

	"github.com/threadproc/threadproc/harness/procs"
)

// TestDemand checks which threads count as asking for a CPU.
func TestDemand(t *testing.T) {
	ms := time.Millisecond
	wall := 400 * ms
	before := map[int]procs.SchedTimes{1: {}, 2: {}, 3: {}, 4: {Run: 5 * ms, Wait: 5 * ms}}
	cases := []struct {
		name  string
		after map[int]procs.SchedTimes
		want  float64
	}{
		{"two job threads on an idle machine", map[int]procs.SchedTimes{
			1: {Run: 400 * ms}, 2: {Run: 390 * ms}, 3: {Run: 1 * ms, Wait: 1 * ms}}, 1.975},
		{"two job threads, one starved by a busy machine", map[int]procs.SchedTimes{
			1: {Run: 300 * ms, Wait: 100 * ms}, 2: {Run: 60 * ms, Wait: 340 * ms},
			3: {Run: 1 * ms, Wait: 60 * ms}}, 2},
		{"one job at a time, on two threads in turn, on a busy machine", map[int]procs.SchedTimes{
			1: {Run: 120 * ms, Wait: 80 * ms}, 2: {Run: 130 * ms, Wait: 70 * ms},
			3: {Run: 2 * ms, Wait: 90 * ms}}, 1},
		{"a thread started during the phase", map[int]procs.SchedTimes{
			1: {Run: 400 * ms}, 5: {Run: 380 * ms, Wait: 20 * ms}}, 2},
		{"a thread that ended during the phase", map[int]procs.SchedTimes{1: {Run: 400 * ms}}, 1},
		{"nothing ran", map[int]procs.SchedTimes{1: {}, 4: {Run: 5 * ms, Wait: 5 * ms}}, 0},
	}
	for _, c := range cases {
		if got := demand(before, c.after, wall); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("%s: demand = %.3f, want %.3f", c.name, got, c.want)
		}
	}
}
