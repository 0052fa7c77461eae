package bench_test

import (
	"net"
	"syscall"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/bench"
	"github.com/threadproc/threadproc/harness/lineclient"

	"github.com/threadproc/threadproc/harness/internal/files"
)

// The specs run benchmark functions with testing.Benchmark, which reports
// a failed benchmark as a result with N == 0.
var _ = Describe("a runnable server measured as a process of its own", Ordered, func() {
	var bin string
	BeforeAll(func() {
		testing.Benchmark(func(b *testing.B) {
			built := bench.Build(b, "./testdata/lineserver")
			// Build's folder goes when b ends: keep a copy for the spec.
			bin = GinkgoT().TempDir() + "/lineserver"
			Expect(files.CopyExecutable(built, bin)).To(Succeed())
		})
		Expect(bin).To(BeAnExistingFile(), "go build ./testdata/lineserver failed")
	})

	It("times visits and stops the server when the benchmark ends", func() {
		var pid int
		res := testing.Benchmark(func(b *testing.B) {
			srv := bench.Start(b, bin)
			pid = srv.PID
			bench.Run(b, 2, func(int) error { return lineclient.Visit(srv.Addr) }).Report(b, "visit")
		})
		Expect(res.N).To(BeNumerically(">", 0), "the benchmark failed")
		Expect(res.Extra).To(HaveKeyWithValue("ms-median/visit", BeNumerically(">", 0)))
		Expect(res.Extra).To(HaveKey("ms-p99/visit"))
		Expect(syscall.Kill(pid, 0)).To(MatchError(syscall.ESRCH), "the server (pid %d) is still running", pid)
	})

	It("fails when a client is not served", func() {
		var addr string
		res := testing.Benchmark(func(b *testing.B) {
			srv := bench.Start(b, bin, "-hangup")
			addr = srv.Addr
			bench.Run(b, 1, func(int) error { return lineclient.Visit(srv.Addr) })
		})
		Expect(res.N).To(BeZero(), "a benchmark whose server hangs up on every client passed")
		_, err := net.Dial("tcp", addr)
		Expect(err).To(HaveOccurred(), "the server still listens after its benchmark ended")
	})

	It("fails when the server exits before it listens", func() {
		res := testing.Benchmark(func(b *testing.B) { bench.Start(b, bin, "-fail") })
		Expect(res.N).To(BeZero())
	})
})
