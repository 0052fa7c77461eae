package grading_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/grading"
	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/kit"
)

var _ = Describe("points", func() {
	It("gives a task its points when every one of its specs passes, bonus tasks included", func() {
		e := grading.GradeExercise("09-x", manifest, result(spec(1, "passed", "a_test.go:1"), spec(2, "passed", "a_test.go:2"),
			spec(2, "passed", "a_test.go:3"), spec(3, "passed", "a_test.go:4")))
		Expect(e.Points).To(Equal(35))
		Expect(e.Max).To(Equal(35))
		Expect(e.State).To(Equal(grading.Passed))
	})

	It("gives nothing for a task with one failed spec, not a share", func() {
		e := grading.GradeExercise("09-x", manifest, result(spec(1, "passed", "a_test.go:1"), spec(2, "passed", "a_test.go:2"),
			spec(2, "failed", "a_test.go:3"), spec(3, "passed", "a_test.go:4")))
		Expect(e.Points).To(Equal(15))
		Expect(e.Tasks[1]).To(And(HaveField("State", grading.Failed), HaveField("Points", 0), HaveField("Specs", 2), HaveField("Failed", 1)))
		Expect(e.State).To(Equal(grading.Failed))
	})

	It("withholds the points of a task with an ungraded spec: neither earned nor lost, and never a pass", func() {
		e := grading.GradeExercise("09-x", manifest, result(spec(1, "passed", "a_test.go:1"), spec(2, "passed", "a_test.go:2"),
			spec(3, "skipped", "a_test.go:4")))
		Expect(e.Points).To(Equal(30))
		Expect(e.Withheld).To(Equal(5))
		Expect(e.State).To(Equal(grading.Ungraded))
		Expect(e.Records[2].State).To(Equal(grading.Ungraded))
		Expect(grading.Summary(e.Points, e.Max, e.Withheld)).To(Equal("30/35, 5 withheld (ungraded)"))
	})

	It("gives nothing for a task with a failed and an ungraded spec, and withholds nothing", func() {
		e := grading.GradeExercise("09-x", manifest, result(spec(1, "passed", "a_test.go:1"), spec(2, "failed", "a_test.go:2"),
			spec(2, "skipped", "a_test.go:3"), spec(3, "passed", "a_test.go:4")))
		Expect(e.Points).To(Equal(15))
		Expect(e.Withheld).To(Equal(0))
		Expect(e.State).To(Equal(grading.Failed))
	})

	It("awards nothing for a task no spec checks, and says the exercise is in error", func() {
		e := grading.GradeExercise("09-x", manifest, result(spec(1, "passed", "a_test.go:1"), spec(2, "passed", "a_test.go:2")))
		Expect(e.Tasks[2].State).To(Equal(grading.Error))
		Expect(e.Points).To(Equal(30))
		Expect(e.State).To(Equal(grading.Error))
	})

	It("gives a suite that wrote no report nothing, with no-report as its outcome", func() {
		e := grading.GradeExercise("09-x", manifest, kit.Result{Problem: "the suite wrote no report (it crashed or was killed)"})
		Expect(e.Points).To(Equal(0))
		Expect(e.State).To(Equal(grading.Error))
		Expect(e.Outcome).To(Equal(kit.NoReport))
	})

	It("records a suite that does not compile as data, every task in error", func() {
		e := grading.Unrun("09-x", manifest, kit.DoesNotCompile, "it does not compile:\n./s.go:1:1: expected 'package'")
		Expect(e.Outcome).To(Equal(kit.DoesNotCompile))
		Expect(e.Max).To(Equal(35))
		Expect(e.Tasks).To(HaveEach(HaveField("State", grading.Error)))
	})

	It("adds a learner's exercises up, the worst state winning", func() {
		g := learner()
		Expect(g.Points).To(Equal(35 + 15 + 30 + 0))
		Expect(g.Max).To(Equal(4 * 35))
		Expect(g.Withheld).To(Equal(5))
		Expect(g.State).To(Equal(grading.Error))
	})
})

var _ = Describe("a spec's record", func() {
	It("names the task, the state, the message, the worst outcome, and the learner's output only", func() {
		race := outcome.Outcome{Kind: outcome.Race, Detail: "WARNING: DATA RACE"}
		hang := outcome.Outcome{Kind: outcome.Hang}
		r := grading.RecordOf("09-x", manifest, spec(2, "failed", "a_test.go:7", hang, race))
		Expect(r.Task).To(Equal(2))
		Expect(r.TaskTitle).To(Equal("echo"))
		Expect(r.State).To(Equal(grading.Failed))
		Expect(r.Message).To(HavePrefix("client 1 waited for a reply"))
		Expect(r.Outcome).To(Equal(outcome.Race), "the worst of the outcomes, by outcome.Kinds")
		Expect(r.Output).To(Equal("[server echo] panic: boom\n[server echo] goroutine 1 [running]:"))
		Expect(r.Location).To(Equal("/kit/exercises/09-x/a_test.go:7"))
	})

	It("keeps no outcome for a spec that passed", func() {
		r := grading.RecordOf("09-x", manifest, spec(1, "passed", "a_test.go:1", outcome.Outcome{Kind: outcome.Panic}))
		Expect(r.Outcome).To(BeEmpty())
		Expect(r.Output).To(BeEmpty())
	})

	It("lists an exercise's records in file order: by file, then line", func() {
		e := grading.GradeExercise("09-x", manifest, result(spec(3, "passed", "b_test.go:5"), spec(1, "passed", "a_test.go:30"),
			spec(2, "passed", "a_test.go:4")))
		Expect([]string{e.Records[0].Location, e.Records[1].Location, e.Records[2].Location}).To(Equal([]string{
			"/kit/exercises/09-x/a_test.go:4", "/kit/exercises/09-x/a_test.go:30", "/kit/exercises/09-x/b_test.go:5"}))
	})
})
