package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/threadproc/threadproc/harness/kit"
)

// grade grades a learner's copy of exercises/.
func grade(ctx context.Context, root string, args []string) int {
	fs := flag.NewFlagSet("grade", flag.ExitOnError)
	out := fs.String("out", filepath.Join(root, ".reports", "grade"), "where to write the reports")
	_ = fs.Parse(args)
	if fs.NArg() < 1 {
		usage()
	}
	tree, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		fail(err)
	}
	exs, err := kit.Exercises(root, fs.Args()[1:]...)
	if err != nil {
		fail(err)
	}
	work, err := os.MkdirTemp("", "threadproc-grade-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(work)
	start := time.Now()
	grades, err := kit.GradeTree(ctx, exs, tree, *out, work)
	if err != nil {
		fail(err)
	}
	kit.PrintGrades(os.Stdout, grades)
	fmt.Printf("\ngraded %s in %.0fs; reports (JUnit, JSON, grades.json) in %s\n", tree, time.Since(start).Seconds(), *out)
	return 0
}

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
	failures := kit.Flake(ctx, exs, *n, work, os.Stdout)
	fmt.Printf("%d runs of each suite in %.0fs: %d failures\n", *n, time.Since(start).Seconds(), failures)
	if failures > 0 {
		return 1
	}
	return 0
}
