package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/threadproc/threadproc/harness/grading"
	"github.com/threadproc/threadproc/harness/kit"
)

// class grades a folder of learners' copies.
func class(ctx context.Context, root string, args []string) int {
	fs := flag.NewFlagSet("class", flag.ExitOnError)
	out := fs.String("out", filepath.Join(root, ".reports", "class"), "where to write the reports")
	jobs := fs.Int("j", 2, "how many learners to grade at once")
	expected := fs.String("expect", "", "an expected.csv (kit gen-class writes one) to check the points against")
	var gf gradingFlags
	gf.register(fs)
	_ = fs.Parse(args)
	if fs.NArg() < 1 {
		usage()
	}
	subs, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		fail(err)
	}
	exs, err := kit.Exercises(root, fs.Args()[1:]...)
	if err != nil {
		fail(err)
	}
	outDir, err := filepath.Abs(*out)
	if err != nil {
		fail(err)
	}
	c := &grading.Class{Root: root, Exercises: exs, Submissions: subs, Out: outDir, Jobs: *jobs,
		Options: gf.options(""), Expected: *expected, Log: os.Stdout}
	for _, w := range grading.PlanWarnings(c.Options) {
		fmt.Println("WARNING:", w)
	}
	rep, err := c.Run(ctx)
	if err != nil {
		fail(err)
	}
	fmt.Printf("\n%d learners in %.0fs (%d at a time); class.csv, class-report.md and learners/ in %s\n",
		rep.Learners, rep.Seconds, rep.Jobs, outDir)
	status := 0
	if !rep.Integrity.Unchanged {
		fmt.Printf("FILES CHANGED outside the scratch folders: %v\n", rep.Integrity.Changed)
		status = 1
	}
	fmt.Println("processes:", rep.Integrity.Leftovers)
	if rep.Integrity.Leftovers != "nothing left running" {
		status = 1
	}
	if len(rep.Expectations) > 0 {
		ok := 0
		for _, e := range rep.Expectations {
			if e.OK {
				ok++
			} else {
				fmt.Printf("NOT AS PREDICTED: %s %s (%s): predicted %d, got %d (%s %s)\n", e.Learner, e.Exercise, e.Variant,
					e.Predicted, e.Got, e.State, e.Outcome)
			}
		}
		fmt.Printf("%d of %d exercises earned the points their mix predicts\n", ok, len(rep.Expectations))
		if ok < len(rep.Expectations) {
			status = 1
		}
	}
	return status
}

// genClass writes a generated class of submissions (kit gen-class DIR),
// measuring first what its predictions need (-calibrate DIR), or measures
// what every gallery entry breaks (-calibrate -all [EX...]).
func genClass(ctx context.Context, root string, args []string) int {
	fs := flag.NewFlagSet("gen-class", flag.ExitOnError)
	n := fs.Int("n", 20, "how many learners")
	seed := fs.Int64("mix-seed", 1, "seed of the mixes")
	calibrate := fs.Bool("calibrate", false, "before writing the class, grade the gallery entries it uses that "+
		grading.BreakageFile+" has no row for, or a row another kit commit measured, and add their rows")
	all := fs.Bool("all", false, "with -calibrate: grade every gallery entry of the exercises named after the flags "+
		"(all without), and replace their rows in "+grading.BreakageFile+" (no DIR)")
	jobs := fs.Int("j", 2, "with -calibrate: how many entries to grade at once")
	var gf gradingFlags
	gf.register(fs)
	_ = fs.Parse(args)
	cal := func() grading.Calibration {
		c := grading.Calibration{Jobs: *jobs, Options: gf.options(""), Log: os.Stdout}
		for _, w := range grading.PlanWarnings(c.Options) {
			fmt.Println("WARNING:", w)
		}
		return c
	}
	path := filepath.Join(root, grading.BreakageFile)
	leftOut := func(bs []grading.Breakage) {
		for _, b := range bs {
			if b.Problem != "" {
				fmt.Printf("left out %s %s (not predictable, so never drawn): %s\n", b.Exercise, b.Entry, b.Problem)
			}
		}
	}
	if *all {
		if !*calibrate {
			fail(fmt.Errorf("-all goes with -calibrate: kit gen-class -calibrate -all [EX...]"))
		}
		exs, err := kit.Exercises(root, fs.Args()...)
		if err != nil {
			fail(err)
		}
		bs, err := grading.CalibrateAll(ctx, root, exs, cal())
		if err != nil {
			fail(err)
		}
		leftOut(bs)
		fmt.Printf("measured %d gallery entries into %s\n", len(bs), path)
		return 0
	}
	if fs.NArg() != 1 {
		usage()
	}
	exs, err := kit.Exercises(root)
	if err != nil {
		fail(err)
	}
	dir, err := filepath.Abs(fs.Arg(0))
	if err != nil {
		fail(err)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fail(fmt.Errorf("%s is not empty", dir))
	}
	var parts []grading.Part
	if *calibrate {
		var bs []grading.Breakage
		if parts, bs, err = grading.CalibrateClass(ctx, root, exs, dir, *n, *seed, cal()); err != nil {
			fail(err)
		}
		leftOut(bs)
		fmt.Printf("measured %d gallery entries the class uses into %s; its other entries had rows for this kit already\n", len(bs), path)
	} else if parts, err = grading.Generate(ctx, root, exs, dir, *n, *seed); err != nil {
		fail(err)
	}
	fmt.Printf("wrote %d learners' copies (%d exercises) into %s, and %s\n", *n, len(parts), dir, filepath.Join(dir, "expected.csv"))
	fmt.Printf("grade them: make grade-class DIR=%s EXPECT=%s\n", dir, filepath.Join(dir, "expected.csv"))
	return 0
}
