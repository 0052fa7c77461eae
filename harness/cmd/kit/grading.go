package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/threadproc/threadproc/harness/grading"
	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/sandbox"
)

// gradingFlags are the flags kit grade and kit class share.
type gradingFlags struct {
	memoryMiB, tasks, cpuSeconds int
	budget                       time.Duration
	seed                         int64
	without                      string
}

// defaultMemoryMiB bounds a suite's whole process tree: 1.6 times the most
// a reference solution's suite held at once (03-processes, 3651 MiB, with
// 200 race-built workers; see README, Grading a class).
const defaultMemoryMiB = 6 << 10

// register adds the flags to fs.
func (f *gradingFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&f.memoryMiB, "memory", defaultMemoryMiB, "memory limit for a suite's whole process tree, in MiB")
	fs.IntVar(&f.tasks, "tasks", 4096, "limit on a suite's tasks (processes and threads) at once")
	fs.IntVar(&f.cpuSeconds, "cpu", 600, "CPU seconds each process may use")
	fs.DurationVar(&f.budget, "budget", 15*time.Minute, "time one learner's builds and runs may take in all")
	fs.Int64Var(&f.seed, "seed", 0, "ginkgo seed for every suite (0 picks one; it is recorded)")
	fs.StringVar(&f.without, "without", "", "grade as if these were missing: bwrap,unshare,prlimit,cgroups,cpu-share")
}

// options makes the grader's options.
func (f *gradingFlags) options(work string, hide ...string) grading.Options {
	tools := sandbox.Detect()
	if f.without != "" {
		tools = tools.Without(strings.Split(f.without, ",")...)
	}
	return grading.Options{Seed: f.seed, Budget: f.budget, Tools: tools, Work: work, Hide: hide,
		Limits: sandbox.Limits{Memory: int64(f.memoryMiB) << 20, Processes: f.tasks, CPUSeconds: f.cpuSeconds}}
}

// grade grades a learner's copy of exercises/.
func grade(ctx context.Context, root string, args []string) int {
	fs := flag.NewFlagSet("grade", flag.ExitOnError)
	out := fs.String("out", filepath.Join(root, ".reports", "grade"), "where to write the reports")
	var gf gradingFlags
	gf.register(fs)
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
	outDir, err := filepath.Abs(*out)
	if err != nil {
		fail(err)
	}
	opts := gf.options(work, tree, outDir)
	opts.Log = os.Stdout
	g, err := grading.NewGrader(ctx, root, exs, opts)
	if err != nil {
		fail(err)
	}
	for _, w := range g.Provenance().Sandbox.Warnings {
		fmt.Println("WARNING:", w)
	}
	lg, err := g.Grade(ctx, filepath.Base(tree), tree, outDir)
	if err != nil {
		fail(err)
	}
	lg.Print(os.Stdout)
	fmt.Printf("\ngraded %s in %.0fs; reports (grade.json, records.csv, classroom/, gradescope/, exercism/, junit/) in %s\n",
		tree, lg.Seconds, outDir)
	return 0
}
