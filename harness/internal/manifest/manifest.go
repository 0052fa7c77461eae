// Package manifest reads an exercise's manifest, exercise.json: its numbered
// tasks (title in English and Korean, points, the files each is written in)
// and the files the learner edits. It is the one place that says what a task
// is worth; the spec harness, the kit and the grader all read it.
package manifest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// File is the name of an exercise's manifest, in its folder.
const File = "exercise.json"

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

// Load reads the manifest of the exercise in dir.
func Load(dir string) (Manifest, error) {
	var m Manifest
	path := filepath.Join(dir, File)
	b, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// TasksOf returns the numbers of the tasks written in file (a base name such
// as "stats.go"), in order.
func (m Manifest) TasksOf(file string) []int {
	var ns []int
	for _, t := range m.Tasks {
		if slices.Contains(t.Files, file) {
			ns = append(ns, t.Number)
		}
	}
	return ns
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
