package grading

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
)

// learnerPlan is what one generated learner's copy will hold.
type learnerPlan struct {
	Name string
	// Tree is where the copy of exercises/ goes, relative to the class
	// folder; Repo, if set, is the git repository around it.
	Tree, Repo string
	// Variants are the variant of each exercise, in the class's order:
	// skeleton, solution, gallery:NAME or malice:NAME.
	Variants []string
}

// planClass draws the variant of every exercise (named exs, in order) of
// n learners (see [Generate]) with seed; drawable lists the gallery entries
// a mix may hold for an exercise. It writes nothing, so that a calibration
// can see which gallery entries a class uses before it is written.
func planClass(exs []string, n int, seed int64, drawable func(ex string) ([]string, error)) ([]learnerPlan, error) {
	if n < len(Malice)+3 {
		return nil, fmt.Errorf("a generated class needs at least %d learners", len(Malice)+3)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x7468726561647072))
	var plan []learnerPlan
	add := func(name, tree, repo string, pick func(ex string) (string, error)) error {
		l := learnerPlan{Name: name, Tree: tree, Repo: repo}
		for _, ex := range exs {
			v, err := pick(ex)
			if err != nil {
				return err
			}
			l.Variants = append(l.Variants, v)
		}
		plan = append(plan, l)
		return nil
	}
	fixed := func(v string) func(string) (string, error) {
		return func(string) (string, error) { return v, nil }
	}
	if err := add("all-solution", "all-solution", "", fixed("solution")); err != nil {
		return nil, err
	}
	if err := add("all-skeleton", "all-skeleton", "", fixed("skeleton")); err != nil {
		return nil, err
	}
	for _, m := range Malice {
		planted := func(ex string) (string, error) {
			if ex == MaliceExercise {
				return "malice:" + m, nil
			}
			return "solution", nil
		}
		if err := add("malice-"+m, "malice-"+m, "", planted); err != nil {
			return nil, err
		}
	}
	mix := func(ex string) (string, error) {
		entries, err := drawable(ex)
		if err != nil {
			return "", err
		}
		switch r := rng.IntN(20); {
		case r < 5:
			return "skeleton", nil
		case r < 12 || len(entries) == 0:
			return "solution", nil
		default:
			return "gallery:" + entries[rng.IntN(len(entries))], nil
		}
	}
	if err := add("repo-mixed", filepath.Join("repo-mixed", "exercises"), "repo-mixed", mix); err != nil {
		return nil, err
	}
	for i := len(Malice) + 4; i <= n; i++ {
		name := fmt.Sprintf("mixed-%02d", i-len(Malice)-3)
		if err := add(name, name, "", mix); err != nil {
			return nil, err
		}
	}
	return plan, nil
}

// usedEntries lists the gallery entries a class plan holds, each once, in
// the order they first come.
func usedEntries(plan []learnerPlan, exs []string) []EntryRef {
	var used []EntryRef
	seen := map[EntryRef]bool{}
	for _, l := range plan {
		for i, v := range l.Variants {
			if name, ok := strings.CutPrefix(v, "gallery:"); ok && !seen[EntryRef{exs[i], name}] {
				seen[EntryRef{exs[i], name}] = true
				used = append(used, EntryRef{exs[i], name})
			}
		}
	}
	return used
}
