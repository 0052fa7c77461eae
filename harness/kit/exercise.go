package kit

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// exerciseRE matches an exercise folder name such as "01-echo".
var exerciseRE = regexp.MustCompile(`^\d\d-[a-z0-9-]+$`)

// Exercise is one folder of exercises/.
type Exercise struct {
	// Name is the folder name, such as "01-echo".
	Name string
	// Root is the kit's root folder (where go.mod is).
	Root string
}

// Dir returns the exercise's folder.
func (e Exercise) Dir() string { return filepath.Join(e.Root, "exercises", e.Name) }

// SolutionDir returns the folder of the exercise's reference solution.
func (e Exercise) SolutionDir() string { return filepath.Join(e.Root, "solutions", e.Name) }

// GalleryDir returns the folder of the exercise's wrong implementations.
func (e Exercise) GalleryDir() string { return filepath.Join(e.SolutionDir(), "gallery") }

// Package returns the exercise's Go package path relative to Root.
func (e Exercise) Package() string { return "./exercises/" + e.Name }

// Exercises lists the exercises under root/exercises, in order. If names are
// given, only those (an exact name, or its two-digit number such as "02").
func Exercises(root string, names ...string) ([]Exercise, error) {
	entries, err := os.ReadDir(filepath.Join(root, "exercises"))
	if err != nil {
		return nil, err
	}
	var all []Exercise
	for _, e := range entries {
		if e.IsDir() && exerciseRE.MatchString(e.Name()) {
			all = append(all, Exercise{Name: e.Name(), Root: root})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
	if len(names) == 0 {
		return all, nil
	}
	var picked []Exercise
	for _, n := range names {
		found := false
		for _, ex := range all {
			if ex.Name == n || strings.HasPrefix(ex.Name, n+"-") {
				picked = append(picked, ex)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("no exercise called %q in %s", n, filepath.Join(root, "exercises"))
		}
	}
	return picked, nil
}

// FindRoot returns the nearest folder at or above dir that holds go.mod.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for range 64 { // bounded walk up the tree
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return "", fmt.Errorf("no go.mod at or above the current folder")
}
