package kit

import (
	"os"
	"path/filepath"
	"strings"
)

// harnessVariants lists the kit's own suites: every package under harness/
// that has tests. Every spec of theirs must pass.
func harnessVariants(root, work string) []*variant {
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
	return variants
}
