package grading_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/grading"
)

// written writes the learner's files into a new folder and returns it.
func written(g grading.LearnerGrade) string {
	GinkgoHelper()
	out := GinkgoT().TempDir()
	Expect(grading.WriteLearner(out, g)).To(Succeed())
	return out
}

// readJSON reads a JSON file into v.
func readJSON(path string, v any) {
	GinkgoHelper()
	b, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	Expect(json.Unmarshal(b, v)).To(Succeed())
}

// valid checks a written file with a schema check.
func valid(path string, check func([]byte) error) {
	GinkgoHelper()
	b, err := os.ReadFile(path)
	Expect(err).NotTo(HaveOccurred())
	Expect(check(b)).To(Succeed(), path)
}

var _ = Describe("the writers, from the same records", func() {
	var g grading.LearnerGrade
	var out string
	BeforeEach(func() {
		g = learner()
		out = written(g)
	})

	It("write GitHub Classroom results the reporter adds up to the learner's points", func() {
		total, max := 0, 0
		for _, ex := range []string{"09-x", "10-y", "11-z", "12-w"} {
			path := filepath.Join(out, "classroom", ex+".json")
			valid(path, grading.ValidateClassroom)
			var res grading.ClassroomResult
			readJSON(path, &res)
			max += res.MaxScore
			for _, t := range res.Tests { // as notify-classroom.js sums them
				total += t.Score
			}
		}
		Expect(total).To(Equal(g.Points))
		Expect(max).To(Equal(g.Max))

		var failed, ungraded, broken grading.ClassroomResult
		readJSON(filepath.Join(out, "classroom", "10-y.json"), &failed)
		readJSON(filepath.Join(out, "classroom", "11-z.json"), &ungraded)
		readJSON(filepath.Join(out, "classroom", "12-w.json"), &broken)
		Expect(failed.Status).To(Equal("fail"))
		Expect(failed.Tests[1]).To(And(HaveField("Status", "fail"), HaveField("Score", 0),
			HaveField("Message", ContainSubstring("client 1 waited for a reply")), HaveField("LineNo", 20)))
		Expect(ungraded.Status).To(Equal("error"), "withheld points are not a pass")
		Expect(ungraded.Tests[2]).To(And(HaveField("Status", "error"), HaveField("Score", 0),
			HaveField("Message", ContainSubstring("not judged here"))))
		Expect(broken.Status).To(Equal("error"))
		Expect(broken.Message).To(ContainSubstring("does-not-compile"))
	})

	It("write a Gradescope results.json with a test per task, numbered exercise.task", func() {
		path := filepath.Join(out, "gradescope", "results.json")
		valid(path, grading.ValidateGradescope)
		var res grading.GradescopeResults
		readJSON(path, &res)
		Expect(res.Score).To(BeEquivalentTo(g.Points))
		Expect(res.Tests).To(HaveLen(12))
		Expect(res.Tests[4]).To(And(HaveField("Number", "10.2"), HaveField("Score", BeEquivalentTo(0)), HaveField("MaxScore", BeEquivalentTo(20)),
			HaveField("Tags", ContainElements("10-y", "task-2", "failed", "panic")), HaveField("Output", ContainSubstring("✗ spec at a_test.go:20"))))
		Expect(res.Tests[8].Tags).To(ContainElements("ungraded", "bonus"))
		Expect(res.Output).To(ContainSubstring("Points 80/140, 5 withheld (ungraded)"))
		Expect(res.Output).To(ContainSubstring("threadproc 0123abcd (Go go1.26.8, linux/amd64, 2 CPUs, ginkgo seed 42)"))
	})

	It("write exercism v3 results: a test per spec in file order, output cut at 500 characters", func() {
		for _, ex := range []string{"09-x", "10-y", "11-z", "12-w"} {
			valid(filepath.Join(out, "exercism", ex, "results.json"), grading.ValidateExercism)
		}
		var failed, ungraded, broken grading.ExercismResults
		readJSON(filepath.Join(out, "exercism", "10-y", "results.json"), &failed)
		readJSON(filepath.Join(out, "exercism", "11-z", "results.json"), &ungraded)
		readJSON(filepath.Join(out, "exercism", "12-w", "results.json"), &broken)
		Expect(failed.Status).To(Equal("fail"))
		Expect(failed.Message).To(BeNil())
		Expect([]string{failed.Tests[0].Name, failed.Tests[1].Name, failed.Tests[2].Name}).To(Equal(
			[]string{"spec at a_test.go:10", "spec at a_test.go:20", "spec at b_test.go:5"}))
		Expect(failed.Tests[1]).To(And(HaveField("Status", "fail"), HaveField("TaskID", 2)))
		Expect(utf8.RuneCountInString(failed.Tests[1].Output)).To(BeNumerically("<=", 500))
		Expect(failed.Tests[1].Output).To(HaveSuffix(grading.ExercismTruncated))
		Expect(ungraded.Status).To(Equal("fail"), "an ungraded spec is never a pass")
		Expect(ungraded.Tests[2]).To(And(HaveField("Status", "error"), HaveField("Message", HavePrefix("not judged here: 1 CPU"))))
		Expect(broken.Status).To(Equal("error"))
		Expect(*broken.Message).To(ContainSubstring("syntax error"))
	})

	It("write a CSV row per spec, with the provenance in every row", func() {
		path := filepath.Join(out, "records.csv")
		valid(path, func(b []byte) error { return grading.ValidateCSV(b, grading.RecordColumns) })
		b, _ := os.ReadFile(path)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		Expect(lines).To(HaveLen(1 + 9))
		Expect(lines[5]).To(HavePrefix("ada,10-y,2,echo,spec at a_test.go:20,failed,panic,0.250,"))
		Expect(lines[5]).To(HaveSuffix(",client 1 waited for a reply,0123abcd,go1.26.8,linux/amd64,2,42"))
	})

	It("write the class CSV, a row per learner and exercise", func() {
		path := filepath.Join(GinkgoT().TempDir(), "class.csv")
		Expect(grading.WriteClassCSV(path, []grading.LearnerGrade{g, g})).To(Succeed())
		valid(path, func(b []byte) error { return grading.ValidateCSV(b, grading.ClassColumns) })
		b, _ := os.ReadFile(path)
		Expect(strings.Split(strings.TrimSpace(string(b)), "\n")).To(HaveLen(1+8), "4 exercises for each of 2 learners")
		Expect(string(b)).To(ContainSubstring("ada,12-w,0,35,0,error,does-not-compile,"))
	})

	It("write grade.json last, and read it back whole", func() {
		back, err := grading.ReadLearner(out)
		Expect(err).NotTo(HaveOccurred())
		Expect(back).To(Equal(g))
	})
})
