package sandbox

import "time"

// SetFreshEvery sets how often an open sandbox renews its group's mtime,
// for the sandboxes made after it, and returns the function that puts the
// period back.
func SetFreshEvery(d time.Duration) (restore func()) {
	was := freshEvery
	freshEvery = d
	return func() { freshEvery = was }
}
