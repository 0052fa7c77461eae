package grading

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// GradeFile is the name of a learner's grade, in its output folder: the
// records, the points and the provenance, as JSON. A class run that finds
// it, made by the same kit commit for the same submission, does not grade
// that learner again.
const GradeFile = "grade.json"

// WriteLearner writes a learner's outputs into out:
//
//	grade.json                  everything, as JSON (LearnerGrade)
//	records.csv                 one row per spec
//	classroom/EXERCISE.json     a GitHub Classroom runner result per exercise
//	gradescope/results.json     Gradescope's results.json
//	exercism/EXERCISE/results.json  exercism's test runner v3 results
//	junit/EXERCISE.xml          ginkgo's JUnit report (written while grading)
//
// Each file is checked against its format before grade.json, the last, is
// written.
func WriteLearner(out string, g LearnerGrade) error {
	for _, dir := range []string{"classroom", "gradescope", "exercism"} {
		if err := os.MkdirAll(filepath.Join(out, dir), 0o755); err != nil {
			return err
		}
	}
	if err := WriteRecordsCSV(filepath.Join(out, "records.csv"), g); err != nil {
		return err
	}
	if err := WriteClassroom(filepath.Join(out, "classroom"), g); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(out, "gradescope", "results.json"), Gradescope(g)); err != nil {
		return err
	}
	if err := WriteExercism(filepath.Join(out, "exercism"), g); err != nil {
		return err
	}
	if err := CheckLearnerFiles(out, g); err != nil {
		return fmt.Errorf("a file written for %s does not match its format: %w", g.Learner, err)
	}
	return writeJSON(filepath.Join(out, GradeFile), g)
}

// CheckLearnerFiles checks every platform file in out against its format.
func CheckLearnerFiles(out string, g LearnerGrade) error {
	check := func(path string, validate func([]byte) error) error {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := validate(b); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}
	errs := []error{
		check(filepath.Join(out, "records.csv"), func(b []byte) error { return ValidateCSV(b, RecordColumns) }),
		check(filepath.Join(out, "gradescope", "results.json"), ValidateGradescope),
	}
	for _, e := range g.Exercises {
		errs = append(errs,
			check(filepath.Join(out, "classroom", e.Exercise+".json"), ValidateClassroom),
			check(filepath.Join(out, "exercism", e.Exercise, "results.json"), ValidateExercism))
	}
	return errors.Join(errs...)
}

// ReadLearner reads a learner's grade.json.
func ReadLearner(out string) (LearnerGrade, error) {
	var g LearnerGrade
	b, err := os.ReadFile(filepath.Join(out, GradeFile))
	if err != nil {
		return g, err
	}
	return g, json.Unmarshal(b, &g)
}
