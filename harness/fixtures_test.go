package harness_test

import (
	"context"
	"path/filepath"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/kit"
	"github.com/threadproc/threadproc/harness/procs"
)

// The fixture suite (testdata/fixtures) runs deliberately broken servers
// through the harness. These specs run it once and check that each broken
// server fails its spec with the message the harness means it to, that the
// working ones pass, and that nothing the fixtures started is left running.
var _ = Describe("the harness, run against broken servers", Ordered, ContinueOnFailure, func() {
	var specs map[string]kit.Spec
	const tagKey, tagValue = "THREADPROC_FIXTURE_RUN", "fixtures-under-test"

	BeforeAll(func(ctx SpecContext) {
		root, err := kit.FindRoot(".")
		Expect(err).NotTo(HaveOccurred())
		s := &kit.Suite{Label: "fixtures", Pkg: "./harness/testdata/fixtures", Root: root,
			Binary: filepath.Join(GinkgoT().TempDir(), "fixtures.test"), Env: []string{tagKey + "=" + tagValue}}
		Expect(s.Build(ctx)).To(Succeed())
		res := s.Run(ctx, 2*time.Minute)
		Expect(res.Problem).To(BeEmpty())
		specs = map[string]kit.Spec{}
		for _, sp := range res.Specs {
			specs[sp.Text] = sp
		}
	}, NodeTimeout(3*time.Minute))

	passes := func(name string) {
		It(name+" passes", func() {
			Expect(specs).To(HaveKey("fixture " + name))
			sp := specs["fixture "+name]
			Expect(sp.Passed()).To(BeTrue(), "%s: %s", sp.State, sp.Message)
		})
	}
	failsSaying := func(name string, phrases ...string) {
		It(name+" fails, saying "+phrases[0], func() {
			Expect(specs).To(HaveKey("fixture " + name))
			sp := specs["fixture "+name]
			Expect(sp.Passed()).To(BeFalse(), "a broken server must fail its spec")
			for _, p := range phrases {
				Expect(sp.Message).To(ContainSubstring(p))
			}
		})
	}

	// endsAs checks that the harness recorded, as data, how the fixture's
	// run ended: kind, with a detail that contains detail.
	endsAs := func(name string, kind outcome.Kind, detail string) {
		It(name+" is recorded as "+string(kind), func() {
			Expect(specs).To(HaveKey("fixture " + name))
			Expect(specs["fixture "+name].Outcomes).To(ContainElement(And(
				HaveField("Kind", kind), HaveField("Detail", ContainSubstring(detail)))))
		})
	}
	endsAs("spawner", outcome.ForkBomb, "more than the 5 allowed")
	endsAs("racy", outcome.Race, "by goroutine")
	endsAs("panics", outcome.Panic, "panic: boom: a fixture panic")
	endsAs("todo without a client", outcome.Crash, "not implemented (TODO 7)")
	endsAs("silent", outcome.Hang, "client 1 got nothing at all")
	It("records nothing for a server that works, or only answers wrongly", func() {
		for _, name := range []string{"echo", "no-newline", "rerun", "file limit"} {
			Expect(specs).To(HaveKey("fixture " + name))
			Expect(specs["fixture "+name].Outcomes).To(BeEmpty(), name)
		}
	})

	passes("echo")
	passes("file limit")
	failsSaying("silent", "nothing at all for ", "still running", "hint: a fixture hint",
		"what happened on this connection", `→ "hello\n"`)
	failsSaying("no-newline", `"hello" and then nothing more: the reply came back without its "\n"`)
	failsSaying("panics", "crashed (exit status 2", "panic: boom: a fixture panic", "this spec checks task 2")
	failsSaying("racy", "The race detector found a data race", "WARNING: DATA RACE")
	failsSaying("todo", `your code says "not implemented (TODO 7)"`, "this spec checks task 7",
		"Serve returned an error while its listener was still open")
	failsSaying("todo without a client", "stopped on its own", "not implemented (TODO 7)")
	failsSaying("stuck", "after its listener was closed; its goroutines were")
	failsSaying("spawner", "more than the 5 this spec allows", "fork bomb")
	passes("rerun")
	failsSaying("gone", "ended before it connected", `not implemented (TODO 5)`)

	It("leaves no process of the fixtures running", func(ctx context.Context) {
		if err := procs.Supported(); err != nil {
			Skip(err.Error())
		}
		Eventually(func() ([]int, error) { return procs.WithEnv(tagKey, tagValue) }).
			WithContext(ctx).WithTimeout(5 * time.Second).Should(BeEmpty())
	}, SpecTimeout(10*time.Second))
})
