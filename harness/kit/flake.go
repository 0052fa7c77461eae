package kit

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"time"
)

// Flake runs each exercise's solution suite n times in a row and reports,
// per spec, how often it failed or was skipped. It returns the number of
// failed runs of specs.
func Flake(ctx context.Context, exs []Exercise, n int, work string, w io.Writer) int {
	failures := 0
	for _, ex := range exs {
		sol, err := TreeOverlay(ex, filepath.Join(ex.Root, "solutions"))
		if err != nil {
			fmt.Fprintf(w, "%s: %v\n", ex.Name, err)
			failures++
			continue
		}
		s := &Suite{Label: ex.Name, Pkg: ex.Package(), Root: ex.Root, Overlay: sol,
			Binary: filepath.Join(work, ex.Name+".flake.test")}
		if err := s.Build(ctx); err != nil {
			fmt.Fprintf(w, "%s: %v\n", ex.Name, err)
			failures++
			continue
		}
		failed, skipped := map[string]int{}, map[string]int{}
		start := time.Now()
		problems := 0
		for range n {
			res := s.Run(ctx, SuiteTimeout)
			if res.Problem != "" {
				problems++
				fmt.Fprintf(w, "  %s: %s\n", ex.Name, firstLine(res.Problem))
			}
			for _, sp := range res.Specs {
				switch {
				case sp.Skipped():
					skipped[sp.Text]++
				case !sp.Passed():
					failed[sp.Text]++
					failures++
				}
			}
		}
		failures += problems
		fmt.Fprintf(w, "%-16s %d runs in %.0fs: %d spec failures, %d suite problems\n",
			ex.Name, n, time.Since(start).Seconds(), sum(failed), problems)
		printCounts(w, "failed", failed, n)
		printCounts(w, "skipped", skipped, n)
	}
	return failures
}

// printCounts lists specs by how many of n runs they failed or skipped in.
func printCounts(w io.Writer, what string, counts map[string]int, n int) {
	var specs []string
	for s := range counts {
		specs = append(specs, s)
	}
	sort.Strings(specs)
	for _, s := range specs {
		fmt.Fprintf(w, "    %s %d/%d: %s\n", what, counts[s], n, s)
	}
}

// sum adds up the counts.
func sum(counts map[string]int) int {
	total := 0
	for _, c := range counts {
		total += c
	}
	return total
}
