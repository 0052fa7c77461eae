package kit

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
)

// StateDir is the learner's own folder of the kit, under the root: the
// state of make learn and make hint, and make reset's backups. It is
// git-ignored.
const StateDir = ".threadproc"

// State is what the kit remembers for a learner between runs, in
// StateDir/state.json.
type State struct {
	// Exercises is keyed by exercise name.
	Exercises map[string]ExerciseState `json:"exercises"`
	path      string
}

// ExerciseState is what the kit remembers about one exercise.
type ExerciseState struct {
	// Learned is set once make learn has run the exercise.
	Learned bool `json:"learned"`
	// Task is the task make learn pointed at last (0: none to do).
	Task int `json:"task"`
	// Done is set when every spec passed at the last make learn.
	Done bool `json:"done"`
	// Hints counts, per task number, the hints make hint has shown.
	Hints map[string]int `json:"hints,omitempty"`
}

// LoadState reads the learner's state under root; a missing or unreadable
// file is an empty state (the kit then starts from the beginning).
func LoadState(root string) *State {
	st := &State{Exercises: map[string]ExerciseState{}, path: filepath.Join(root, StateDir, "state.json")}
	if b, err := os.ReadFile(st.path); err == nil {
		_ = json.Unmarshal(b, st)
		if st.Exercises == nil {
			st.Exercises = map[string]ExerciseState{}
		}
	}
	return st
}

// Save writes the state back.
func (st *State) Save() error {
	if st.path == "" {
		return errors.New("state: no path")
	}
	if err := os.MkdirAll(filepath.Dir(st.path), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(st.path, append(b, '\n'), 0o644)
}

// Path is the state file's path.
func (st *State) Path() string { return st.path }

// Record keeps what make learn found for one exercise. A new task restarts
// nothing: the hints shown per task stay counted.
func (st *State) Record(p Progress) {
	e := st.Exercises[p.Exercise]
	e.Learned, e.Task, e.Done = true, p.NextTask, p.Done()
	st.Exercises[p.Exercise] = e
}

// NextHint counts one more hint of h (a section of ex's hints) as shown
// and returns its level (1 for the first), or false when every level has
// been shown already. Save the state to remember it.
func (st *State) NextHint(ex string, h HintSection) (int, bool) {
	shown := st.HintsShown(ex, h.Task)
	if shown >= h.Levels() {
		return 0, false
	}
	st.SetHintsShown(ex, h.Task, shown+1)
	return shown + 1, true
}

// HintsShown returns how many hints of task n make hint has shown for ex.
func (st *State) HintsShown(ex string, n int) int {
	return st.Exercises[ex].Hints[strconv.Itoa(n)]
}

// SetHintsShown records how many hints of task n have been shown for ex.
func (st *State) SetHintsShown(ex string, n, shown int) {
	e := st.Exercises[ex]
	if e.Hints == nil {
		e.Hints = map[string]int{}
	}
	e.Hints[strconv.Itoa(n)] = shown
	st.Exercises[ex] = e
}
