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
