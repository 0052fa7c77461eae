package kit

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// ManifestFile is the name of an exercise's manifest, in its folder.
const ManifestFile = "exercise.json"

// Manifest is the one place that says what an exercise's tasks are and what
// each is worth, and which files the learner edits.
type Manifest struct {
	// Files are the files the learner edits (the solution tree has the
	// same files, written).
	Files []string `json:"files"`
	// Tasks are the numbered tasks, in order.
	Tasks []Task `json:"tasks"`
}

// Task is one numbered task of an exercise.
type Task struct {
	// Number matches the TODO(n) markers, the hints and the specs' "task-n"
	// label.
	Number int `json:"number"`
	// Title and TitleKo name the task in English and Korean.
	Title   string `json:"title"`
	TitleKo string `json:"title_ko"`
	// Points is what the task is worth when all its specs pass.
	Points int `json:"points"`
	// Files are the files the task is written in.
	Files []string `json:"files"`
	// Bonus marks a task that is not needed to finish the exercise.
	Bonus bool `json:"bonus,omitempty"`
}

// LoadManifest reads ex's manifest.
func LoadManifest(ex Exercise) (Manifest, error) {
	var m Manifest
	b, err := os.ReadFile(filepath.Join(ex.Dir(), ManifestFile))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s/%s: %w", ex.Name, ManifestFile, err)
	}
	return m, nil
}

// Task returns the task numbered n, and whether there is one.
func (m Manifest) Task(n int) (Task, bool) {
	i := slices.IndexFunc(m.Tasks, func(t Task) bool { return t.Number == n })
	if i < 0 {
		return Task{}, false
	}
	return m.Tasks[i], true
}

// MaxPoints is what all tasks together are worth, bonus tasks included.
func (m Manifest) MaxPoints() int {
	total := 0
	for _, t := range m.Tasks {
		total += t.Points
	}
	return total
}
