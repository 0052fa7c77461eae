package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/threadproc/threadproc/harness/kit"
)

// flake repeats the solution suites.
func flake(ctx context.Context, root string, args []string) int {
	fs := flag.NewFlagSet("flake", flag.ExitOnError)
	n := fs.Int("n", 20, "how many runs of each suite")
	_ = fs.Parse(args)
	exs, err := kit.Exercises(root, fs.Args()...)
	if err != nil {
		fail(err)
	}
	work, err := os.MkdirTemp("", "threadproc-flake-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(work)
	start := time.Now()
	sum := kit.Flake(ctx, exs, *n, work, os.Stdout)
	fmt.Printf("%d runs of each suite in %.0fs: %d failures, %d ungraded\n", *n, time.Since(start).Seconds(),
		sum.Failures, sum.Ungraded)
	if sum.Failures > 0 {
		return 1
	}
	return 0
}
