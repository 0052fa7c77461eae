package kit

import (
	"context"
	"os"
	"path/filepath"
	"strings"
)

// HarnessSuites runs the kit's own suites: every package under harness/
// that has tests. Every spec must pass.
func HarnessSuites(ctx context.Context, root, work string, jobs int, t *Tally) {
	var variants []*variant
	_ = filepath.WalkDir(filepath.Join(root, "harness"), func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if d.Name() == "testdata" {
			return filepath.SkipDir // fixtures, run by the suites that own them
		}
		tests, _ := filepath.Glob(filepath.Join(path, "*_test.go"))
		if len(tests) == 0 {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		name := strings.ReplaceAll(rel, string(filepath.Separator), "-")
		variants = append(variants, &variant{kind: "harness", suite: &Suite{Label: rel, Pkg: "./" + filepath.ToSlash(rel),
			Root: root, Binary: filepath.Join(work, name+".test")}})
		return nil
	})
	buildAll(ctx, variants, jobs)
	for _, v := range variants {
		if v.err != nil {
			t.Check(false, "%s: %v", v.suite.Label, v.err)
			continue
		}
		judgeSolution(v.suite.Label, v.suite.Run(ctx, SuiteTimeout), t)
	}
}
