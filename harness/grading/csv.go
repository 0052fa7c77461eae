package grading

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
)

// ClassColumns are the columns of the class CSV: one row per learner and
// exercise, with the provenance of that learner's grade.
var ClassColumns = []string{"learner", "exercise", "points", "max", "withheld", "state", "outcome", "seconds",
	"kit_commit", "go_version", "platform", "cpus", "ginkgo_seed"}

// RecordColumns are the columns of a learner's records CSV: one row per spec.
var RecordColumns = []string{"learner", "exercise", "task", "task_title", "spec", "state", "outcome", "seconds",
	"location", "message", "kit_commit", "go_version", "platform", "cpus", "ginkgo_seed"}

// provenanceCells are the provenance columns' values.
func provenanceCells(p Provenance) []string {
	return []string{p.KitCommit, p.GoVersion, p.OS + "/" + p.Arch, strconv.Itoa(p.CPUs), strconv.FormatInt(p.GinkgoSeed, 10)}
}

// WriteClassCSV writes the class CSV.
func WriteClassCSV(path string, grades []LearnerGrade) error {
	rows := [][]string{ClassColumns}
	for _, g := range grades {
		for _, e := range g.Exercises {
			row := []string{g.Learner, e.Exercise, strconv.Itoa(e.Points), strconv.Itoa(e.Max), strconv.Itoa(e.Withheld),
				string(e.State), string(e.Outcome), seconds(e.Seconds)}
			rows = append(rows, append(row, provenanceCells(g.Provenance)...))
		}
	}
	return writeCSV(path, rows)
}

// WriteRecordsCSV writes a learner's records CSV. Messages keep their first
// line; the JSON files have them whole.
func WriteRecordsCSV(path string, g LearnerGrade) error {
	rows := [][]string{RecordColumns}
	for _, e := range g.Exercises {
		for _, r := range e.Records {
			row := []string{g.Learner, r.Exercise, strconv.Itoa(r.Task), r.TaskTitle, r.Spec, string(r.State),
				string(r.Outcome), seconds(r.Seconds), r.Location, firstLine(r.Message)}
			rows = append(rows, append(row, provenanceCells(g.Provenance)...))
		}
	}
	return writeCSV(path, rows)
}

// seconds writes a duration in seconds with a millisecond's precision.
func seconds(s float64) string { return fmt.Sprintf("%.3f", s) }

// writeCSV writes rows to path.
func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
