package task_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/task"
)

var _ = Describe("task numbers", func() {
	It("round-trips a label, and finds the first task label among others", func() {
		Expect(task.Label(3)).To(Equal("task-3"))
		Expect(task.OfLabels([]string{"Serial", task.Label(3), "task-5"})).To(Equal(3))
		Expect(task.OfLabels([]string{"task-x", "tasks"})).To(Equal(0))
		Expect(task.OfLabels(nil)).To(Equal(0))
	})

	It("finds every unwritten TODO in a message, in order", func() {
		Expect(task.TODOs("a: not implemented (TODO 7)\nb: not implemented (TODO 2)")).To(Equal([]int{7, 2}))
		Expect(task.TODOs("TODO 7 is done")).To(BeEmpty())
	})
})
