package compare

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// The textbook Python servers of the learner's notes, written to the run's
// folder and run with the listening socket as fd 3.
//
//go:embed python/threads.py python/processes.py
var pythonScripts embed.FS

// pythonEnv names the Python interpreter the Python servers run with.
const pythonEnv = "THREADPROC_COMPARE_PYTHON"

// PythonMissing says how to get the Python rows, where python3 is not on
// the PATH.
const PythonMissing = "python3 is not on the PATH, so the two Python servers of the notes (a thread per " +
	"connection, multiprocessing.Process per connection) were not measured: install Python 3 (from python.org, " +
	"or apt install python3, or brew install python) and run make compare again."

// findPython returns the path of python3, or an error saying how to get it.
func findPython() (string, error) {
	path, err := exec.LookPath("python3")
	if err != nil {
		return "", errors.New(PythonMissing)
	}
	return path, nil
}

// writePythonScripts writes the Python servers into dir.
func writePythonScripts(dir string) error {
	entries, err := pythonScripts.ReadDir("python")
	if err != nil {
		return err
	}
	for _, e := range entries {
		data, err := pythonScripts.ReadFile("python/" + e.Name())
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// pythonScript is the file that runs kind.
func pythonScript(kind Kind) (string, error) {
	dir := os.Getenv(runDirEnv)
	if dir == "" {
		return "", fmt.Errorf("%s is not set: the Python servers live in the run's folder", runDirEnv)
	}
	switch kind {
	case PythonThreads:
		return filepath.Join(dir, "threads.py"), nil
	case PythonProcesses:
		return filepath.Join(dir, "processes.py"), nil
	}
	return "", fmt.Errorf("%q is not a Python server", kind)
}
