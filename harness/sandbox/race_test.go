//go:build race

package sandbox_test

// raceBuilt reports whether this test binary was built with -race.
const raceBuilt = true
