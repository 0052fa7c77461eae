package harness

import (
	"testing"
	"time"
)

// TestDemand checks which threads count as asking for a CPU.
func TestDemand(t *testing.T) {
	ms := time.Millisecond
	wall := 400 * ms
	before := map[int]schedTimes{1: {}, 2: {}, 3: {}, 4: {run: 5 * ms, wait: 5 * ms}}
	cases := []struct {
		name  string
		after map[int]schedTimes
		want  float64
	}{
		{"two job threads on an idle machine", map[int]schedTimes{
			1: {run: 400 * ms}, 2: {run: 390 * ms}, 3: {run: 1 * ms, wait: 1 * ms}}, 1.975},
		{"two job threads, one starved by a busy machine", map[int]schedTimes{
			1: {run: 300 * ms, wait: 100 * ms}, 2: {run: 60 * ms, wait: 340 * ms},
			3: {run: 1 * ms, wait: 60 * ms}}, 2},
		{"one job at a time, on two threads in turn, on a busy machine", map[int]schedTimes{
			1: {run: 120 * ms, wait: 80 * ms}, 2: {run: 130 * ms, wait: 70 * ms},
			3: {run: 2 * ms, wait: 90 * ms}}, 1},
		{"a thread started during the phase", map[int]schedTimes{
			1: {run: 400 * ms}, 5: {run: 380 * ms, wait: 20 * ms}}, 2},
		{"a thread that ended during the phase", map[int]schedTimes{1: {run: 400 * ms}}, 1},
		{"nothing ran", map[int]schedTimes{1: {}, 4: {run: 5 * ms, wait: 5 * ms}}, 0},
	}
	for _, c := range cases {
		if got := demand(before, c.after, wall); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("%s: demand = %.3f, want %.3f", c.name, got, c.want)
		}
	}
}
