package harness

import "os"

// childEnv is the environment of a child process: this process's, plus the
// given variables. A race-instrumented child exits without the race
// detector's default one-second pause at exit.
func childEnv(extra ...string) []string {
	env := append(os.Environ(), "GORACE=atexit_sleep_ms=0 "+os.Getenv("GORACE"))
	return append(env, extra...)
}
