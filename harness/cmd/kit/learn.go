package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/threadproc/threadproc/harness/kit"
)

// learn runs each exercise's specs as the learner's code stands, showing
// ginkgo's output, then prints the progress summary.
func learn(ctx context.Context, root string, args []string) int {
	exs, err := kit.Exercises(root, args...)
	if err != nil {
		fail(err)
	}
	work, err := os.MkdirTemp("", "threadproc-learn-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(work)
	var ps []kit.Progress
	for _, ex := range exs {
		s := &kit.Suite{Label: ex.Name, Pkg: ex.Package(), Root: root, Binary: filepath.Join(work, ex.Name+".test")}
		var res kit.Result
		if err := s.Build(ctx); err != nil {
			res.Problem = err.Error()
			fmt.Printf("\n=== %s does not compile ===\n%v\n", ex.Name, err)
		} else {
			res = s.Run(ctx, kit.SuiteTimeout)
			fmt.Printf("\n=== %s ===\n", ex.Name)
			kit.PrintFailures(os.Stdout, res, kit.ProgressOf(ex.Name, res).NextTask)
		}
		ps = append(ps, kit.ProgressOf(ex.Name, res))
	}
	kit.PrintProgress(os.Stdout, ps)
	for _, p := range ps {
		if !p.Done() {
			return 1
		}
	}
	return 0
}
