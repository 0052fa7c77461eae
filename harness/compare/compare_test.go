package compare

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2" // not dot-imported: it has a Report too
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/internal/proc"
	"github.com/threadproc/threadproc/harness/lineclient"
	"github.com/threadproc/threadproc/harness/procs"
)

// sample is a report with made-up numbers, for the rendering specs.
func sample() *Report {
	r := newReport()
	r.Host, r.JobRounds, r.Took = 1.9, 1000, 42*time.Second
	r.Starts = Starts{True: 700 * time.Microsecond, Self: 1100 * time.Microsecond}
	for i, k := range append(slices.Clone(Kinds), PythonKinds...) {
		res := &Result{Kind: k, RoundTrips: map[int]float64{}}
		res.Setup = Setup{Median: time.Duration(i+1) * 100 * time.Microsecond, P99: time.Millisecond, Cycles: 10}
		for _, n := range ClientCounts {
			res.RoundTrips[n] = float64(1000 * (i + 1) * n)
		}
		for _, n := range ChurnClients {
			res.Churn = append(res.Churn, Churn{Clients: n, Rate: float64(1000 * (i + 1) * n), CPU: 150 * time.Microsecond,
				Switches: 4.5, Visits: 100})
		}
		res.Memory = Memory{Base: 8 << 20, PerClient: float64(i+1) * 1024, Clients: 200, Served: 200}
		res.CPU, res.CPUMaxProcs1 = Speedup{Speedup: 1.9, CPUOverWall: 1.95}, Speedup{Speedup: 1.0}
		res.Crash = Crash{TakesOthersDown: i%2 == 0, Detail: "client 2 cut off & <gone>"}
		r.Results = append(r.Results, res)
	}
	for _, k := range HerdKs {
		for j, cure := range Cures {
			r.Herd = append(r.Herd, HerdPoint{Cure: cure, K: k, Churn: Churn{Clients: 1, Rate: float64(5000 - 100*k*j),
				CPU: time.Duration(100+10*k*j) * time.Microsecond, Switches: float64(4 + k*j)}})
		}
	}
	r.Results[3].Notes = []string{"memory: skipped"}
	return r
}

var _ = ginkgo.Describe("the report", func() {
	ginkgo.It("writes Markdown tables with a row per server, the herd sweep, and the notes", quick, func(ctx ginkgo.SpecContext) {
		var b strings.Builder
		Expect(sample().WriteTable(&b)).To(Succeed())
		for _, k := range append(slices.Clone(Kinds), PythonKinds...) {
			Expect(strings.Count(b.String(), "| "+k.Title()+" |")).To(Equal(3), k.Title())
		}
		for _, c := range Cures {
			Expect(b.String()).To(ContainSubstring("| " + c.Title() + " |"))
		}
		Expect(b.String()).To(ContainSubstring("1,000 clients at once"))
		Expect(b.String()).To(ContainSubstring("**yes**"))
		Expect(b.String()).To(ContainSubstring("| 5,000 | 5,000 | 5,000 |")) // the herd's K = 1, 4, 16
		Expect(b.String()).To(ContainSubstring("Note, prefork process pool (8): memory: skipped"))
		Expect(b.String()).To(ContainSubstring("n/a: CPython has its GIL anyway"))
	})

	ginkgo.It("says how to get the Python rows when python3 was not found", quick, func(ctx ginkgo.SpecContext) {
		r := sample()
		r.Results, r.PythonMissing = r.Results[:len(Kinds)], PythonMissing
		var b strings.Builder
		Expect(r.WriteTable(&b)).To(Succeed())
		Expect(b.String()).To(ContainSubstring("install Python 3"))
		Expect(b.String()).NotTo(ContainSubstring("Python: a thread"))
		body, err := r.block("python", Korean)
		Expect(err).NotTo(HaveOccurred())
		Expect(body).To(ContainSubstring("install Python 3"))
	})

	ginkgo.It("writes a well-formed SVG chart, text escaped", quick, func(ctx ginkgo.SpecContext) {
		var b bytes.Buffer
		Expect(sample().WriteSVG(&b)).To(Succeed())
		dec := xml.NewDecoder(&b)
		texts := 0
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			Expect(err).NotTo(HaveOccurred())
			if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "text" {
				texts++
			}
		}
		Expect(texts).To(BeNumerically(">", 30))
	})
})

// Time limits of the specs.
var (
	quick        = ginkgo.SpecTimeout(10 * time.Second)
	crashTimeout = ginkgo.SpecTimeout(30 * time.Second)
)

var _ = ginkgo.Describe("the reference servers", func() {
	ginkgo.It("answer work with the digest of the exercises", quick, func(ctx ginkgo.SpecContext) {
		Expect(Work(0)).To(Equal(strings.Repeat("0", 64)))
		Expect(Work(1)).To(Equal("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"))
	})

	ginkgo.It("reads how much CPU a server's tree used and asked for", crashTimeout, func(ctx ginkgo.SpecContext) {
		tag := proc.NewTag(runEnv)
		s, err := startServer(Processes, tag)
		Expect(err).NotTo(HaveOccurred())
		defer s.stop()
		usedBefore, waitBefore, err := s.cpuDemand()
		if errors.Is(err, procs.ErrUnsupported) {
			ginkgo.Skip("CPU time cannot be read here: " + err.Error())
		}
		Expect(err).NotTo(HaveOccurred())
		c, err := lineclient.Dial(s.addr)
		Expect(err).NotTo(HaveOccurred())
		defer c.Close()
		rounds := calibrate()
		Expect(c.Ask(fmt.Sprintf("%s%d", workPrefix, rounds))).To(Equal(Work(rounds)))
		used, wait, err := s.cpuDemand()
		Expect(err).NotTo(HaveOccurred())
		Expect(used-usedBefore).To(BeNumerically(">=", jobTarget/4), "the worker's job, reaped or running, counts")
		Expect(wait).To(BeNumerically(">=", waitBefore))
	})

	ginkgo.DescribeTable("a crashing handler takes the other clients down, measured",
		func(ctx ginkgo.SpecContext, kind Kind, takesDown bool) {
			if _, err := findPython(); kind.python() && err != nil {
				ginkgo.Skip("not measured here: " + err.Error())
			}
			tag := proc.NewTag(runEnv)
			s, err := startServer(kind, tag)
			Expect(err).NotTo(HaveOccurred())
			defer s.stop()
			crash, err := measureCrash(s)
			Expect(err).NotTo(HaveOccurred())
			Expect(crash.TakesOthersDown).To(Equal(takesDown), crash.Detail)
			s.stop()
			if pids, err := tag.Processes(); err == nil {
				Eventually(func() []int {
					pids, _ = tag.Processes()
					var alive []int
					for _, pid := range pids {
						if p, err := procs.Get(pid); err == nil && !p.Zombie() {
							alive = append(alive, pid)
						}
					}
					return alive
				}).WithTimeout(5*time.Second).Should(BeEmpty(), "processes left after stop: %v", pids)
			}
		},
		ginkgo.Entry("goroutines: yes", crashTimeout, Goroutines, true),
		ginkgo.Entry("processes: no", crashTimeout, Processes, false),
		ginkgo.Entry("goroutine pool: yes", crashTimeout, GoroutinePool, true),
		ginkgo.Entry("prefork pool: no", crashTimeout, PreforkPool, false),
		ginkgo.Entry("Python, a thread per connection: no (an exception ends its thread only)", crashTimeout,
			PythonThreads, false),
		ginkgo.Entry("Python, multiprocessing.Process per connection: no", crashTimeout, PythonProcesses, false),
	)

	ginkgo.DescribeTable("prefork pools serve client after client, whichever way their workers wait",
		func(ctx ginkgo.SpecContext, cure Cure) {
			s, err := startServer(PreforkVariant(cure, 3), proc.NewTag(runEnv))
			if err != nil && runtime.GOOS != "linux" && cure == ReusePort {
				ginkgo.Skip(err.Error())
			}
			Expect(err).NotTo(HaveOccurred())
			defer s.stop()
			c, err := measureChurn(s, 2)
			Expect(err).NotTo(HaveOccurred())
			Expect(c.Visits).To(BeNumerically(">", 10))
		},
		ginkgo.Entry("in Accept", crashTimeout, Herd),
		ginkgo.Entry("taking turns with a lock", crashTimeout, AcceptLock),
		ginkgo.Entry("each with a listener of its own", crashTimeout, ReusePort),
		ginkgo.Entry("woken one at a time", crashTimeout, WakeOne),
	)
})

// The reference servers started by the specs find the run's folder (the
// accept lock's file, the Python servers) and python3 in their environment,
// as those of a Run do.
var _ = ginkgo.BeforeSuite(func() {
	dir := ginkgo.GinkgoT().TempDir()
	Expect(os.Setenv(runDirEnv, dir)).To(Succeed())
	if python, err := findPython(); err == nil {
		Expect(writePythonScripts(dir)).To(Succeed())
		Expect(os.Setenv(pythonEnv, python)).To(Succeed())
	}
})
