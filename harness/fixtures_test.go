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
	"github.com/threadproc/threadproc/harness/say"
)

// run runs the fixture suite s and returns its specs by their text.
func run(ctx context.Context, s *kit.Suite) map[string]kit.Spec {
	GinkgoHelper()
	res := s.Run(ctx, 2*time.Minute)
	Expect(res.Problem).To(BeEmpty())
	specs := map[string]kit.Spec{}
	for _, sp := range res.Specs {
		specs[sp.Text] = sp
	}
	return specs
}

// The fixture suite (testdata/fixtures) runs deliberately broken servers
// through the harness. These specs run it once and check that each broken
// server fails its spec with the message the harness means it to, that the
// working ones pass, and that nothing the fixtures started is left running.
// The suite runs in English, whatever the locale, since these specs match
// its words; a few fixtures then run again in Korean.
var _ = Describe("the harness, run against broken servers", Ordered, ContinueOnFailure, func() {
	var specs, korean map[string]kit.Spec
	const tagKey, tagValue = "THREADPROC_FIXTURE_RUN", "fixtures-under-test"

	BeforeAll(func(ctx SpecContext) {
		root, err := kit.FindRoot(".")
		Expect(err).NotTo(HaveOccurred())
		s := &kit.Suite{Label: "fixtures", Pkg: "./harness/testdata/fixtures", Root: root,
			Binary: filepath.Join(GinkgoT().TempDir(), "fixtures.test"),
			Env:    []string{tagKey + "=" + tagValue, say.EnvVar + "=en"}}
		Expect(s.Build(ctx)).To(Succeed())
		specs = run(ctx, s)
		ko := *s
		ko.Env = []string{tagKey + "=" + tagValue, say.EnvVar + "=ko"}
		ko.Focus = []string{"fixture todo", "fixture silent"}
		korean = run(ctx, &ko)
	}, NodeTimeout(4*time.Minute))

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
	// A server slow to accept runs out of descriptors only after a while:
	// AwaitOutOfFiles keeps clients connected until it has, so a server that
	// ends on "too many open files" is seen to end.
	failsSaying("out of files, slowly", "too many open files")
	It("out of files, never is not judged, saying why", func() {
		if procs.Supported() != nil {
			Skip("descriptors are counted on Linux only")
		}
		Expect(specs).To(HaveKey("fixture out of files, never"))
		sp := specs["fixture out of files, never"]
		Expect(sp.Ungraded()).To(BeTrue(), "%s: %s", sp.State, sp.Message)
		Expect(sp.Message).To(ContainSubstring("never ran out"))
	})
	// A server that works longer than a read's deadline before it answers
	// is waited for while it works; one that does nothing is not.
	passes("busy")
	failsSaying("busy, read as usual", "nothing at all for ")
	failsSaying("silent, while busy", "nothing at all for ", "had work to run")
	It("silent, while busy fails after about one read's deadline, not the budget for 20 processes", func() {
		if procs.Supported() != nil {
			Skip("threads are read on Linux only: elsewhere the read waits for the whole budget")
		}
		sp := specs["fixture silent, while busy"]
		Expect(sp.Seconds).To(BeNumerically("<", 25), "the budget's floor is 30s")
	})
	failsSaying("gone", "ended before it connected", `not implemented (TODO 5)`)

	// saysInKorean checks the failure of a fixture run with THREADPROC_LANG=ko:
	// it has every phrase, and none of the English frame.
	saysInKorean := func(name string, phrases ...string) {
		It(name+" fails in Korean with THREADPROC_LANG=ko, saying "+phrases[0], func() {
			Expect(korean).To(HaveKey("fixture " + name))
			sp := korean["fixture "+name]
			Expect(sp.Passed()).To(BeFalse())
			for _, p := range phrases {
				Expect(sp.Message).To(ContainSubstring(p))
			}
			for _, english := range []string{"expected:", "got:", "the server:", "hint:", "this spec checks task",
				"your code says", "Serve returned an error", "stopped on its own"} {
				Expect(sp.Message).NotTo(ContainSubstring(english))
			}
		})
	}
	saysInKorean("silent", "클라이언트 1: 응답을 기다림", "  기대: ", "  실제: ", "동안 아무것도 오지 않았습니다",
		"이 연결에서 오간 내용 (→ 클라이언트 1 쪽에서 보냄, ← 받음)", `→ "hello\n"`, "서버: 아직 실행 중",
		"힌트: a fixture hint")
	saysInKorean("todo", `힌트: 여러분의 코드가 "not implemented (TODO 7)"라고 합니다`, "이 스펙이 확인하는 과제: 7번",
		"HINTS.ko.md", "리스너가 아직 열려 있는데 Serve가 오류를 반환했습니다: not implemented (TODO 7)")
	saysInKorean("todo without a client", "서버 프로세스가 스스로 멈췄습니다", "not implemented (TODO 7)")
	It("records a Korean run's outcomes by the same kinds", func() {
		Expect(korean).To(HaveKey("fixture silent"))
		Expect(korean["fixture silent"].Outcomes).To(ContainElement(HaveField("Kind", outcome.Hang)))
	})

	It("leaves no process of the fixtures running", func(ctx context.Context) {
		if err := procs.Supported(); err != nil {
			Skip(err.Error())
		}
		Eventually(func() ([]int, error) { return procs.WithEnv(tagKey, tagValue) }).
			WithContext(ctx).WithTimeout(5 * time.Second).Should(BeEmpty())
	}, SpecTimeout(10*time.Second))
})
