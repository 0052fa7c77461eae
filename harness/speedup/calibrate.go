package speedup

import "time"

// Calibrate finds a job size that takes about target: try(n) runs a job of
// size n and returns how long it took. It starts at start and grows n until a
// job takes long enough to time well, then times a job of the size that
// should take target, and returns the size that takes target at the fastest
// rate it saw: other programs can only make a job slower than it is, never
// faster, so the fastest rate is the truest. The result stays between 1 and
// limit. Try is called at most 8 times.
//
// Timing specs calibrate against the learner's own server, so a job takes
// about target whatever the machine, the race detector, or the speed of the
// learner's code.
func Calibrate(target time.Duration, start, limit int, try func(n int) time.Duration) int {
	const (
		longEnough = 40 * time.Millisecond // a job long enough to time
		tooShort   = 5 * time.Millisecond  // shorter ones do not count
		tries      = 8
	)
	limit = max(1, limit)
	n := max(1, min(start, limit))
	best := 0.0 // the fastest rate seen, in size per nanosecond
	size := func() int { return int(max(1, min(best*float64(target), float64(limit)))) }
	timed := 0
	for range tries {
		took := try(n)
		if took >= tooShort {
			best = max(best, float64(n)/float64(took))
		}
		switch {
		case took >= longEnough:
			if timed++; timed == 2 {
				return size()
			}
			n = size()
		case n >= limit:
			return limit
		case took > 0:
			n = min(limit, int(float64(n)*min(10, max(2, 1.5*float64(longEnough)/float64(took)))))
		default:
			n = min(limit, n*10)
		}
	}
	if best == 0 {
		return n
	}
	return size()
}
