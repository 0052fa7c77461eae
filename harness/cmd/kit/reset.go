package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/say"
)

// reset puts an exercise's skeleton back (all of the learner's files, or
// one), keeping a backup of each file it replaces. -record writes the
// skeletons' blob IDs instead (for the kit's maintainers, after a skeleton
// changed).
func reset(root string, args []string) int {
	fs := flag.NewFlagSet("reset", flag.ExitOnError)
	record := fs.Bool("record", false, "record the skeletons of every exercise as they are now (maintainers)")
	teller := langFlag(fs)
	_ = fs.Parse(args)
	t := teller()
	if *record {
		exs, err := kit.Exercises(root)
		if err != nil {
			fail(err)
		}
		if err := kit.WriteSkeletonSums(root, exs); err != nil {
			fail(err)
		}
		fmt.Println(t.Say("reset.record", len(exs), kit.SkeletonSums))
		return 0
	}
	ex, ok := theExercise(root, fs, t, "reset.usage", 2)
	if !ok {
		return 2
	}
	m, err := kit.LoadManifest(ex)
	if err != nil {
		fail(err)
	}
	files := m.Files
	if fs.NArg() == 2 {
		files = []string{filepath.Base(fs.Arg(1))}
	}
	sums, err := kit.LoadSkeletonSums(root)
	if err != nil {
		fail(err)
	}
	done, err := kit.Reset(ex, files, sums, kit.BackupDir(root, ex, time.Now()))
	for _, r := range done {
		switch {
		case r.Unchanged:
			fmt.Println(t.Say("reset.unchanged", ex.Name, r.File))
		case r.Backup == "":
			fmt.Println(t.Say("reset.restored.new", ex.Name, r.File))
		default:
			rel, _ := filepath.Rel(root, r.Backup)
			fmt.Println(t.Say("reset.restored", ex.Name, r.File, rel))
		}
	}
	if errors.Is(err, kit.ErrNoGit) {
		fmt.Fprintln(os.Stderr, t.Say("reset.nogit", ex.Name, err))
		return 1
	}
	if err != nil {
		fail(err)
	}
	fmt.Println(t.Say("reset.next", ex.Name[:2]))
	return 0
}

// theExercise returns the exercise that fs's first argument names. With no
// argument, or more than most, it prints the usage (the catalog's message
// usage) and returns false.
func theExercise(root string, fs *flag.FlagSet, t say.Teller, usage string, most int) (kit.Exercise, bool) {
	if fs.NArg() < 1 || fs.NArg() > most {
		fmt.Fprintln(os.Stderr, t.Say(usage))
		return kit.Exercise{}, false
	}
	exs, err := kit.Exercises(root, fs.Arg(0))
	if err != nil {
		fail(err)
	}
	return exs[0], true
}
