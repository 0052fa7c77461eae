// Command kit runs the threadproc exercise suites for the Makefile:
//
//	kit run [-tree DIR] [-gallery NAME] EX [-- GINKGO-FLAGS]
//	                                           run one exercise's specs against a tree (or a gallery entry)
//	kit learn [-lang L] [EX...]                the learner's run: the first exercise not done in full, then progress
//	kit hint [-all] [-task N] EX               the next hint of the learner's task (one level at a time)
//	kit reset [-record] EX [FILE]              put an exercise's skeleton back, keeping a backup
//	kit verify [-j N] [EX...]                  skeletons fail, solutions pass, galleries are caught
//	kit test [-j N]                            the harness's own suites, then verify
//	kit new NAME                               scaffold a new exercise (NAME like 07-something)
//	kit grade [-out DIR] TREE [EX...]          grade a learner's copy of exercises/, in the sandbox
//	kit class [-j N] [-expect CSV] DIR [EX...]  grade every learner's copy in DIR (a class), resumable
//	kit gen-class [-n N] [-mix-seed S] DIR     generate a class of submissions, with their expected points
//	kit gen-class -calibrate [-j N] [-n N] [-mix-seed S] DIR
//	                                           the same, measuring first what the gallery entries it uses break
//	                                           (those harness/grading/testdata/gallery-tasks.csv lacks for this kit)
//	kit gen-class -calibrate -all [-j N] [EX...]
//	                                           measure what every gallery entry breaks (all rows again)
//	kit flake [-n N] [EX...]                   repeat the solution suites, count failures per spec
//	kit vet-solutions [EX...]                  go vet with the solutions swapped in
//	kit bench [EX...] [-- GO-TEST-FLAGS]        the benchmarks, against the solutions
//
// Before the command, -load N keeps N CPU-bound busy loops running for the
// whole command (a busy machine), and -cpus N runs everything on N CPUs only
// (Linux; -cpus 1 acts as a one-CPU laptop): the kit proves its verdicts
// under both.
//
// kit test and kit verify end with the line "N passed, N failed" and exit 1
// if anything failed.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"syscall"

	"github.com/threadproc/threadproc/harness/kit"
)

func main() {
	if kit.IsBurner(os.Args) {
		kit.Burn()
		return
	}
	global := flag.NewFlagSet("kit", flag.ExitOnError)
	load := global.Int("load", 0, "keep this many CPU-bound busy loops running beside the suites (a busy machine)")
	cpus := global.Int("cpus", 0, "run everything on this many CPUs only (Linux; 1 acts as a one-CPU laptop)")
	_ = global.Parse(os.Args[1:])
	if global.NArg() < 1 {
		usage()
	}
	if *cpus > 0 {
		if err := kit.PinCPUs(*cpus); err != nil {
			fail(err)
		}
	}
	root, err := kit.FindRoot(".")
	if err != nil {
		fail(err)
	}
	if stress, err = kit.StartStress(*load); err != nil {
		fail(err)
	}
	if *load > 0 || *cpus > 0 {
		fmt.Printf("conditions: %s; %d CPU(s) usable (runtime.NumCPU)\n", stress, runtime.NumCPU())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := dispatch(ctx, root, global.Arg(0), global.Args()[1:])
	stop()
	stopStress()
	os.Exit(code)
}

// stress is the load that -load keeps running; stopStress ends it.
var stress *kit.Stress

// stopStress ends the busy loops of -load, if any run.
func stopStress() {
	if stress != nil {
		stress.Stop()
	}
}

// dispatch runs one kit command and returns its exit status.
func dispatch(ctx context.Context, root, cmd string, args []string) int {
	switch cmd {
	case "run":
		return run(ctx, root, args)
	case "learn":
		return learn(ctx, root, args)
	case "hint":
		return hint(root, args)
	case "reset":
		return reset(root, args)
	case "verify", "test":
		return verify(ctx, root, cmd, args)
	case "new":
		if len(args) != 1 {
			usage()
		}
		if err := kit.Scaffold(root, args[0]); err != nil {
			fail(err)
		}
		fmt.Printf("created exercises/%s and solutions/%s: now run make verify EX=%s\n", args[0], args[0], args[0][:2])
	case "grade":
		return grade(ctx, root, args)
	case "class":
		return class(ctx, root, args)
	case "gen-class":
		return genClass(ctx, root, args)
	case "flake":
		return flake(ctx, root, args)
	case "vet-solutions":
		return withSolution(ctx, root, args, "vet")
	case "bench":
		names, flags := splitDashes(args)
		return withSolution(ctx, root, names, append([]string{"test", "-run", "^$", "-bench", ".", "-benchmem"}, flags...)...)
	default:
		usage()
	}
	return 0
}

func usage() {
	stopStress()
	fmt.Fprintln(os.Stderr, "usage: kit [-load N] [-cpus N] COMMAND ...\n       kit run [-tree DIR] [-gallery NAME] EX [-- GINKGO-FLAGS] | learn [EX...] | hint [-all] [-task N] EX\n"+
		"       | reset EX [FILE] | verify [-j N] [EX...] | test [-j N]\n"+
		"       | new NAME | grade [-out DIR] TREE [EX...] | class [-j N] DIR [EX...] | gen-class [-calibrate] DIR | gen-class -calibrate -all [EX...] | flake [-n N] [EX...] | vet-solutions [EX...] | bench [EX...]")
	os.Exit(2)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "kit:", err)
	stopStress()
	os.Exit(2)
}

// run runs one exercise's specs with go tool ginkgo against a tree.
func run(ctx context.Context, root string, args []string) int {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	tree := fs.String("tree", "", "a tree laid out like exercises/ (such as solutions) whose files replace the exercise's")
	gallery := fs.String("gallery", "", "run against this gallery entry of the exercise (a wrong implementation)")
	_ = fs.Parse(args)
	if fs.NArg() < 1 {
		usage()
	}
	exs, err := kit.Exercises(root, fs.Arg(0))
	if err != nil {
		fail(err)
	}
	extra := fs.Args()[1:]
	if len(extra) > 0 && extra[0] == "--" {
		extra = extra[1:]
	}
	ginkgoArgs := append([]string{"tool", "ginkgo", "-race"}, extra...)
	env := os.Environ()
	if *gallery != "" && *tree == "" {
		*tree = filepath.Join(root, "solutions")
	}
	if *tree != "" {
		work, err := os.MkdirTemp("", "threadproc-run-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(work)
		o, err := runOverlay(exs[0], *tree, *gallery, work)
		if err != nil {
			fail(err)
		}
		path := filepath.Join(work, "overlay.json")
		if err := o.Write(path); err != nil {
			fail(err)
		}
		env = append(env, "GOFLAGS="+os.Getenv("GOFLAGS")+" -overlay="+path)
	}
	cmd := exec.CommandContext(ctx, "go", append(ginkgoArgs, exs[0].Package())...)
	cmd.Dir, cmd.Env = root, env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		fail(err)
	}
	return 0
}

// runOverlay is the overlay for kit run: tree's files, and a gallery
// entry's edits if one is named.
func runOverlay(ex kit.Exercise, tree, entry, work string) (kit.Overlay, error) {
	dir, err := filepath.Abs(tree)
	if err != nil {
		return nil, err
	}
	o, err := kit.TreeOverlay(ex, dir)
	if err != nil || entry == "" {
		return o, err
	}
	entries, err := kit.Gallery(ex)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.Name == entry {
			fmt.Printf("gallery entry %s: %s\nexpected to fail: %q\n\n", e.Name, e.About, e.Fails)
			return e.Apply(ex, o, work)
		}
	}
	return nil, fmt.Errorf("%s has no gallery entry %q", ex.Name, entry)
}

// verify runs kit verify, or kit test (the harness's suites first).
func verify(ctx context.Context, root, cmd string, args []string) int {
	fs := flag.NewFlagSet(cmd, flag.ExitOnError)
	jobs := fs.Int("j", 2, "how many suites to compile at once")
	keep := fs.Bool("keep", false, "keep the build folder (binaries, logs, reports)")
	_ = fs.Parse(args)
	exs, err := kit.Exercises(root, fs.Args()...)
	if err != nil {
		fail(err)
	}
	work, err := os.MkdirTemp("", "threadproc-verify-")
	if err != nil {
		fail(err)
	}
	if *keep {
		fmt.Println("build folder:", work)
	} else {
		defer os.RemoveAll(work)
	}
	t := kit.NewTally(os.Stdout)
	harness := ""
	if cmd == "test" {
		harness = root
	}
	kit.Verify(ctx, harness, exs, work, *jobs, t)
	stopStress() // the busy loops too must be gone for the leftover check
	kit.CheckLeftovers(t)
	fmt.Println(t.Summary())
	if t.Failed > 0 {
		return 1
	}
	return 0
}

// splitDashes splits args at "--": exercise names before, flags after.
func splitDashes(args []string) (names, flags []string) {
	for i, a := range args {
		if a == "--" {
			return args[:i], args[i+1:]
		}
	}
	return args, nil
}
