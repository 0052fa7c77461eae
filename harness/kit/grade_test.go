package kit_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/kit"
)

var _ = Describe("a suite's verdict", func() {
	// The results are synthesized as the harness records them: outcomes are
	// data on the spec, never read back from its message.
	failed := func(outcomes ...outcome.Outcome) kit.Spec {
		return kit.Spec{Text: "a spec", State: "failed", Message: "client 1 waited for a reply", Outcomes: outcomes}
	}
	passed := kit.Spec{Text: "another", State: "passed"}
	skipped := kit.Spec{Text: "a timing spec", State: "skipped", Message: "not judged here: 1 CPU",
		Outcomes: []outcome.Outcome{{Kind: outcome.Ungraded, Detail: "1 CPU"}}}
	panicked := outcome.Outcome{Kind: outcome.Panic, Detail: "panic: index out of range [3]\ngoroutine 8"}

	It("counts the specs when they only got wrong answers", func() {
		Expect(kit.Verdict(kit.Result{Specs: []kit.Spec{passed, failed()}})).To(Equal("1 of 2 specs pass, 1 fail"))
		Expect(kit.Verdict(kit.Result{Specs: []kit.Spec{passed, passed}})).To(Equal("all 2 specs pass"))
	})

	It("names the worst recorded outcome with the first line of its evidence", func() {
		Expect(kit.Verdict(kit.Result{Specs: []kit.Spec{passed, failed(panicked)}})).
			To(Equal("1 of 2 specs pass, 1 fail; worst: panic (panic: index out of range [3])"))
	})

	It("puts a data race before a panic, and a fork bomb before both, whatever the messages say", func() {
		race := failed(outcome.Outcome{Kind: outcome.Race})
		bomb := failed(outcome.Outcome{Kind: outcome.ForkBomb, Detail: "65 processes"})
		Expect(kit.Verdict(kit.Result{Specs: []kit.Spec{failed(panicked), race}})).To(HaveSuffix("; worst: data-race"))
		Expect(kit.Verdict(kit.Result{Specs: []kit.Spec{failed(panicked), race, bomb}})).To(HaveSuffix("; worst: fork-bomb (65 processes)"))
		racyWords := kit.Spec{Text: "x", State: "failed", Message: "WARNING: DATA RACE"}
		Expect(kit.Verdict(kit.Result{Specs: []kit.Spec{racyWords}})).To(Equal("0 of 1 specs pass, 1 fail"),
			"a message is text for the learner, not data")
	})

	It("never counts a skipped spec as passed: it is ungraded", func() {
		Expect(skipped.Ungraded()).To(BeTrue())
		Expect(skipped.Passed()).To(BeFalse())
		Expect(kit.Verdict(kit.Result{Specs: []kit.Spec{passed, skipped}})).
			To(Equal("1 of 2 specs pass, 1 not judged here (ungraded)"))
	})

	It("says why a suite that did not run has no specs", func() {
		Expect(kit.Verdict(kit.Result{Problem: "the suite wrote no report (it crashed or was killed)\nsee log"})).
			To(Equal("the suite wrote no report (it crashed or was killed)"))
	})

	It("reads the worst outcome of the specs that did not pass only", func() {
		recovered := kit.Spec{Text: "x", State: "passed", Outcomes: []outcome.Outcome{panicked}}
		_, found := kit.Worst(kit.Result{Specs: []kit.Spec{recovered}})
		Expect(found).To(BeFalse())
		o, found := kit.Worst(kit.Result{Specs: []kit.Spec{recovered, failed(outcome.Outcome{Kind: outcome.Hang})}})
		Expect(found).To(BeTrue())
		Expect(o.Kind).To(Equal(outcome.Hang))
	})
})
