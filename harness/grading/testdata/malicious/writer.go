package goroutines

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
)

// misbehave tries to write into the kit's exercises folder, next to the
// folder the suite runs in (../), and into this exercise's own folder. It
// creates new files only, never overwrites one. If a write gets through,
// the sandbox did not hold, and Serve says so by failing; if not, it
// serves.
func misbehave(ln net.Listener) {
	_ = ln
	wd, _ := os.Getwd()
	for _, path := range []string{filepath.Join(wd, "..", "threadproc-sandbox-escape.txt"), filepath.Join(wd, "threadproc-sandbox-escape.txt")} {
		err := os.WriteFile(path, []byte("written by a graded submission\n"), 0o644)
		fmt.Fprintf(os.Stderr, "probe: write %s: %v\n", path, err)
		if err == nil {
			panic("probe: wrote " + path + " from inside the sandbox")
		}
	}
}
