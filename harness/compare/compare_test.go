package compare

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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
	for i, k := range Kinds {
		res := &Result{Kind: k, RoundTrips: map[int]float64{}}
		res.Setup = Setup{Median: time.Duration(i+1) * 100 * time.Microsecond, P99: time.Millisecond, Cycles: 10}
		for _, n := range ClientCounts {
			res.RoundTrips[n] = float64(1000 * (i + 1) * n)
		}
		res.Memory = Memory{Base: 8 << 20, PerClient: float64(i+1) * 1024, Clients: 200, Served: 200}
		res.CPU, res.CPUMaxProcs1 = Speedup{Speedup: 1.9, CPUOverWall: 1.95}, Speedup{Speedup: 1.0}
		res.Crash = Crash{TakesOthersDown: i%2 == 0, Detail: "client 2 cut off & <gone>"}
		r.Results = append(r.Results, res)
	}
	r.Results[3].Notes = []string{"memory: skipped"}
	return r
}

var _ = ginkgo.Describe("the report", func() {
	ginkgo.It("writes a Markdown table with a row per server in each of its two tables", quick, func(ctx ginkgo.SpecContext) {
		var b strings.Builder
		Expect(sample().WriteTable(&b)).To(Succeed())
		for _, k := range Kinds {
			Expect(strings.Count(b.String(), "| "+k.Title()+" |")).To(Equal(2), k.Title())
		}
		Expect(b.String()).To(ContainSubstring("1,000 clients at once"))
		Expect(b.String()).To(ContainSubstring("**yes**"))
		Expect(b.String()).To(ContainSubstring("Note, prefork process pool (8): memory: skipped"))
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
	)
})
