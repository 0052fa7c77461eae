package kit

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Overlay maps files of the exercise tree to the files that replace them, as
// `go build -overlay` takes it. Keys and values are absolute paths.
type Overlay map[string]string

// TreeOverlay replaces each Go file of ex (tests excluded) with the file of
// the same name in tree/ex.Name, where one exists; a file only in the tree
// is added to the package. tree is solutions/ or a learner's exercises/.
func TreeOverlay(ex Exercise, tree string) (Overlay, error) {
	dir := filepath.Join(tree, ex.Name)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	o := Overlay{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := filepath.Abs(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		o[filepath.Join(ex.Dir(), name)] = src
	}
	return o, nil
}

// Source returns the file that provides name (a file of ex) under o.
func (o Overlay) Source(ex Exercise, name string) string {
	path := filepath.Join(ex.Dir(), name)
	if src, ok := o[path]; ok {
		return src
	}
	return path
}

// Clone returns a copy of o.
func (o Overlay) Clone() Overlay {
	c := make(Overlay, len(o))
	for k, v := range o {
		c[k] = v
	}
	return c
}

// Files lists the replaced files' names, sorted, for messages.
func (o Overlay) Files() []string {
	var names []string
	for k := range o {
		names = append(names, filepath.Base(k))
	}
	sort.Strings(names)
	return names
}

// Write saves o as an overlay JSON file for `go build -overlay`.
func (o Overlay) Write(path string) error {
	b, err := json.MarshalIndent(struct{ Replace Overlay }{o}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
