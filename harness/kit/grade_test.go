package kit_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/kit"
)

var _ = Describe("a grade's verdict", func() {
	failed := func(msg string) kit.Spec { return kit.Spec{Text: "a spec", State: "failed", Message: msg} }
	passed := kit.Spec{Text: "another", State: "passed"}

	It("counts failing specs when they only got wrong answers", func() {
		g := kit.GradeOf("01-echo", kit.Result{Specs: []kit.Spec{passed, failed("client 1 waited for a reply\n  got: nothing")}})
		Expect(g.Verdict).To(Equal("1 spec fails"))
		Expect(g.Failures).To(ConsistOf("a spec: client 1 waited for a reply"))
	})

	It("says that the server panicked, with the panic's first line", func() {
		msg := "client 1 waited for a reply\n  the server: its process crashed\n  its output:\n    panic: index out of range [3]\n\ngoroutine 8"
		g := kit.GradeOf("04-cpu", kit.Result{Specs: []kit.Spec{passed, failed(msg)}})
		Expect(g.Verdict).To(Equal("1 spec fails; the server panicked: panic: index out of range [3]"))
	})

	It("says that the server hangs when a client got neither an answer nor a close", func() {
		msg := "client 1 waited for a reply\n  got:      nothing at all for 3s (the server neither answered nor closed the connection)"
		Expect(kit.GradeOf("03", kit.Result{Specs: []kit.Spec{failed(msg)}}).Verdict).
			To(Equal("1 spec fails; it hangs: a client got neither an answer nor a close"))
	})

	It("puts a data race before a panic, and a fork bomb before both", func() {
		race := failed("The race detector found a data race in your server during this spec")
		bomb := failed("The harness had to kill your server because it started 65 processes")
		panicked := failed("panic: boom")
		Expect(kit.GradeOf("02", kit.Result{Specs: []kit.Spec{panicked, race}}).Verdict).To(HaveSuffix("; a data race"))
		Expect(kit.GradeOf("03", kit.Result{Specs: []kit.Spec{panicked, race, bomb}}).Verdict).
			To(HaveSuffix("; killed: it started processes without end"))
	})
})
