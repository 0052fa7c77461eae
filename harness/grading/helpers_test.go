package grading_test

import (
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/grading"
	"github.com/threadproc/threadproc/harness/kit"
)

var _ = Describe("a spec's test code", func() {
	It("is the body of the It on the spec's line, dedented", func() {
		Expect(grading.TestCode("testdata/testcode/sample.go:7")).To(Equal(
			"c := srv.Dial()\nc.SendLine(\"hello\")\n\nc.ExpectLine(\"hello\")"))
	})

	It("is the whole Entry of a table", func() {
		Expect(grading.TestCode("testdata/testcode/sample.go:16")).To(Equal(`Entry("an empty line", "", "")`))
	})

	It("is empty where there is no spec or no file", func() {
		Expect(grading.TestCode("testdata/testcode/sample.go:3")).To(BeEmpty())
		Expect(grading.TestCode("testdata/testcode/missing.go:7")).To(BeEmpty())
	})
})

var _ = Describe("a suite run in two parts, its timing specs alone", func() {
	It("takes each spec's result from the run that ran it", func() {
		timing := func(s kit.Spec) kit.Spec { s.Labels = append(s.Labels, grading.TimingLabel); return s }
		filtered := timing(spec(2, "skipped", "a_test.go:2"))
		filtered.Message = ""
		first := kit.Result{Specs: []kit.Spec{spec(1, "passed", "a_test.go:1"), filtered}, Seconds: 2}
		second := kit.Result{Specs: []kit.Spec{spec(1, "skipped", "a_test.go:1"), timing(spec(2, "failed", "a_test.go:2"))},
			Seconds: 5, Problem: "a problem"}
		merged := grading.MergeTiming(first, second)
		Expect(merged.Specs).To(HaveLen(2))
		Expect(merged.Specs[0].State).To(Equal("passed"))
		Expect(merged.Specs[1].State).To(Equal("failed"))
		Expect(merged.Seconds).To(BeEquivalentTo(7))
		Expect(merged.Problem).To(Equal("a problem"))
	})
})

var _ = Describe("the class report's hints", func() {
	It("point at the task's section of the exercise's HINTS.md, with its first words", func() {
		root, err := kit.FindRoot(".")
		Expect(err).NotTo(HaveOccurred())
		exs, err := kit.Exercises(root, "02")
		Expect(err).NotTo(HaveOccurred())
		hint := grading.HintOf(exs[0], 1)
		Expect(hint).To(HavePrefix("exercises/02-goroutines/HINTS.md §1: **One goroutine per client**"))
		Expect(len(hint)).To(BeNumerically("<=", 400))
		Expect(grading.HintOf(exs[0], 99)).To(BeEmpty())
	})
})

var _ = Describe("a folder of submissions", func() {
	It("holds a learner per folder: a copy of exercises/, or a folder with exercises/ inside", func() {
		dir := GinkgoT().TempDir()
		for _, d := range []string{"ada/01-echo", "bob/exercises/01-echo", ".git", "_notes"} {
			Expect(os.MkdirAll(filepath.Join(dir, d), 0o755)).To(Succeed())
		}
		Expect(os.WriteFile(filepath.Join(dir, "expected.csv"), nil, 0o644)).To(Succeed())
		ls, err := grading.Learners(dir)
		Expect(err).NotTo(HaveOccurred())
		Expect(ls).To(Equal([]grading.Learner{{Name: "ada", Tree: filepath.Join(dir, "ada")},
			{Name: "bob", Tree: filepath.Join(dir, "bob", "exercises")}}))
	})
})

var _ = Describe("predictions", func() {
	It("match an exercise's points, and a learner not graded is a mismatch", func() {
		g := learner()
		rows := grading.CheckExpected([]grading.Part{
			{Learner: "ada", Exercise: "10-y", Predicted: 15},
			{Learner: "ada", Exercise: "11-z", Predicted: 35},
			{Learner: "ada", Exercise: "99-not-graded", Predicted: 1},
			{Learner: "eve", Exercise: "09-x", Predicted: 35},
		}, []grading.LearnerGrade{g})
		Expect(rows).To(HaveLen(3))
		Expect(rows[0].OK).To(BeTrue())
		Expect(rows[1]).To(And(HaveField("OK", false), HaveField("Got", 30), HaveField("State", grading.Ungraded)))
		Expect(rows[2]).To(And(HaveField("OK", false), HaveField("Got", -1)))
	})
})
