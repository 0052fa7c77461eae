//go:build !race

package choose_test

// raceDetector reports whether the test binary, and so your server and its
// workers, were built with the race detector (-race).
const raceDetector = false
