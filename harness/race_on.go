//go:build race

package harness

// raceEnabled is true in a test binary built with the race detector.
const raceEnabled = true
