package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/threadproc/threadproc/harness/kit"
)

// withSolution runs `go ARGS... PKG` for each exercise, with its
// solution swapped in (GOFLAGS=-overlay=O), and returns 1 if any run failed.
func withSolution(ctx context.Context, root string, names []string, args ...string) int {
	exs, err := kit.Exercises(root, names...)
	if err != nil {
		fail(err)
	}
	work, err := os.MkdirTemp("", "threadproc-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(work)
	status := 0
	for _, ex := range exs {
		o, err := kit.TreeOverlay(ex, filepath.Join(root, "solutions"))
		if err != nil {
			fail(err)
		}
		path := filepath.Join(work, ex.Name+".overlay.json")
		if err := o.Write(path); err != nil {
			fail(err)
		}
		// The overlay goes in GOFLAGS, not on the command line, so that a
		// go build run by a benchmark (exercise 03 builds its runnable
		// server) applies it too.
		cmd := exec.CommandContext(ctx, "go", append(args, ex.Package())...)
		cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stdout, os.Stderr
		cmd.Env = append(os.Environ(), "GOFLAGS="+os.Getenv("GOFLAGS")+" -overlay="+path)
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "kit: %s (solution): %v\n", ex.Name, err)
			status = 1
		}
	}
	return status
}
