package speedup_test

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/say"
	"github.com/threadproc/threadproc/harness/speedup"
)

var _ = Describe("the CPU measurement helpers", func() {
	BeforeEach(func() { GinkgoT().Setenv(say.EnvVar, "en") }) // the specs below match English verdicts

	It("gives its verdicts in Korean with THREADPROC_LANG=ko", func() {
		GinkgoT().Setenv(say.EnvVar, "ko")
		serial := speedup.Measurement{Jobs: 2, Host: 1.95, CPUKnown: true, CPUOverWall: 0.98, Speedup: 1.02,
			DemandKnown: true, Demand: 1.0, Rounds: 3}
		Expect(speedup.Overlap(serial).Problem).To(HavePrefix("작업이 겹치지 않았습니다"))
		Expect(speedup.Overlap(serial).Problem).To(ContainSubstring("0.98"))
		Expect(speedup.Faster(serial).Problem).To(ContainSubstring("벽시계도 같은 말을 합니다: "))
		Expect(serial.String()).To(ContainSubstring("작업 2개: 하나씩"))
		busy := speedup.Measurement{Jobs: 2, Host: 1.1, Speedup: 1.0}
		Expect(speedup.Faster(busy).Unjudged).To(ContainSubstring("1.10x 빨랐을 뿐입니다"))
	})

	It("calibrates a job size to a target time, within its limit", func() {
		perUnit := func(n int) time.Duration { return time.Duration(n) * time.Microsecond }
		var tries []int
		n := speedup.Calibrate(200*time.Millisecond, 1000, 1<<30, func(n int) time.Duration {
			tries = append(tries, n)
			return perUnit(n)
		})
		Expect(n).To(BeNumerically("~", 200_000, 1))
		Expect(len(tries)).To(BeNumerically("<=", 8))
		Expect(speedup.Calibrate(time.Second, 10, 500, perUnit)).To(Equal(500), "the limit caps the size")
		slowedOnce := false // another program slows one timing down eightfold
		n = speedup.Calibrate(200*time.Millisecond, 1000, 1<<30, func(n int) time.Duration {
			if d := perUnit(n); d >= 40*time.Millisecond && !slowedOnce {
				slowedOnce = true
				return 8 * d
			}
			return perUnit(n)
		})
		Expect(n).To(BeNumerically("~", 200_000, 1), "a slowed-down timing must not shrink the job")
		Expect(speedup.Calibrate(time.Second, 10, 1<<30, func(int) time.Duration { return 0 })).To(BeNumerically(">", 0))
	})

	It("places its thresholds between one job at a time and what the host offers", func() {
		idle := speedup.Measurement{Jobs: 2, Host: 2}
		Expect(idle.CPUThreshold()).To(BeNumerically("~", 1.35, 1e-9))
		Expect(idle.SpeedupThreshold()).To(BeNumerically("~", 1.5, 1e-9))
		busy := speedup.Measurement{Jobs: 2, Host: 1.2}
		Expect(busy.CPUThreshold()).To(BeNumerically("~", 1.15, 1e-9), "CPU/wall never goes below its floor")
	})

	It("tells a serial server from a parallel one, by CPU time and by the CPUs asked for", func() {
		serial := speedup.Measurement{Jobs: 2, Host: 1.95, CPUKnown: true, CPUOverWall: 0.98, Speedup: 1.02,
			DemandKnown: true, Demand: 1.0, Sequential: 400 * time.Millisecond, Parallel: 392 * time.Millisecond}
		parallel := speedup.Measurement{Jobs: 2, Host: 1.95, CPUKnown: true, CPUOverWall: 1.9, Speedup: 1.9,
			DemandKnown: true, Demand: 1.95, Sequential: 400 * time.Millisecond, Parallel: 210 * time.Millisecond}
		Expect(speedup.Overlap(serial).Problem).To(ContainSubstring("jobs did not overlap"))
		Expect(speedup.Overlap(serial).Problem).To(ContainSubstring("0.98"))
		Expect(speedup.Faster(serial).Problem).To(ContainSubstring("ran one after the other"))
		Expect(speedup.Parallel(serial).Problem).NotTo(BeEmpty())
		Expect(speedup.NotParallel(serial)).To(Equal(speedup.Verdict{}))
		Expect(speedup.Overlap(parallel)).To(Equal(speedup.Verdict{}))
		Expect(speedup.Faster(parallel)).To(Equal(speedup.Verdict{}))
		Expect(speedup.Parallel(parallel)).To(Equal(speedup.Verdict{}))
		Expect(speedup.NotParallel(parallel).Problem).To(ContainSubstring("the jobs ran in parallel"))

		looksFast := serial
		looksFast.Speedup = 2.4 // the wall clock was fooled; CPU time was not
		Expect(speedup.Parallel(looksFast).Problem).To(ContainSubstring("jobs did not overlap"))
		Expect(speedup.NotParallel(looksFast)).To(Equal(speedup.Verdict{}), "where CPU time is known, it decides")

		starved := parallel // asked for two CPUs, got one: the machine was busy
		starved.CPUOverWall, starved.Demand, starved.Speedup = 1.0, 1.95, 1.05
		Expect(speedup.Overlap(starved)).To(Equal(speedup.Verdict{}), "asking for a CPU per job is running them at once")
		Expect(speedup.Faster(starved)).To(Equal(speedup.Verdict{}), "a busy host cannot show the speedup it asked for")
		Expect(speedup.NotParallel(starved).Problem).To(ContainSubstring("asked for 1.95 CPUs"),
			"a server that asks for two CPUs runs jobs in parallel, busy machine or not")

		serialOnBusyHost := serial
		serialOnBusyHost.Host, serialOnBusyHost.CPUOverWall, serialOnBusyHost.Demand = 1.1, 0.7, 1.0
		Expect(speedup.Overlap(serialOnBusyHost).Problem).To(ContainSubstring("asked for 1.00 CPUs at a time"))
		Expect(speedup.Faster(serialOnBusyHost).Problem).To(ContainSubstring("ran one after the other"))

		serialOnIdleLookingHost := serial // the host probe itself got no parallelism
		serialOnIdleLookingHost.Host, serialOnIdleLookingHost.Speedup = 1.02, 1.01
		Expect(speedup.Faster(serialOnIdleLookingHost).Problem).To(ContainSubstring("ran one after the other"),
			"a threshold near 1 on a starved host must not let a serial server pass")
		parallelOnStarvedHost := parallel
		parallelOnStarvedHost.Host = 1.02
		Expect(speedup.Faster(parallelOnStarvedHost)).To(Equal(speedup.Verdict{}), "judged by the CPUs asked for")
		parallelOnStarvedHost.DemandKnown = false
		Expect(speedup.Faster(parallelOnStarvedHost).Unjudged).To(ContainSubstring("ran only 1.02x"))

		noCPU := speedup.Measurement{Jobs: 2, Host: 1.95, Speedup: 1.9}
		Expect(speedup.Faster(noCPU)).To(Equal(speedup.Verdict{}))
		noCPU.Speedup = 2.4
		Expect(speedup.NotParallel(noCPU).Problem).To(ContainSubstring("finished 2.40x as fast"),
			"without CPU time, the wall clock decides")
		noCPU.Host = 1.1
		Expect(speedup.NotParallel(noCPU).Unjudged).To(ContainSubstring("ran only 1.10x as fast"))
	})

	It("judges on one CPU by the CPUs the server's threads asked for", func() {
		oneCPUParallel := speedup.Measurement{Jobs: 2, Host: 1.0, CPUKnown: true, CPUOverWall: 0.99, Speedup: 1.0,
			DemandKnown: true, Demand: 1.97}
		oneCPUSerial := speedup.Measurement{Jobs: 2, Host: 1.0, CPUKnown: true, CPUOverWall: 0.99, Speedup: 1.0,
			DemandKnown: true, Demand: 1.01}
		for _, check := range []speedup.Check{speedup.Overlap, speedup.Faster, speedup.Parallel} {
			Expect(check(oneCPUParallel)).To(Equal(speedup.Verdict{}))
			Expect(check(oneCPUSerial).Problem).NotTo(BeEmpty())
			Expect(check(oneCPUSerial).Unjudged).To(BeEmpty(), "a serial server is judged, never left unjudged")
		}
		Expect(speedup.NotParallel(oneCPUParallel).Problem).To(ContainSubstring("asked for 1.97 CPUs"))
		Expect(speedup.NotParallel(oneCPUSerial)).To(Equal(speedup.Verdict{}))
	})

	It("names the measure that failed, and no other", func() {
		clockFooled := speedup.Measurement{Jobs: 2, Host: 1.9, CPUKnown: true, CPUOverWall: 1.0, Speedup: 2.29,
			DemandKnown: true, Demand: 1.02}
		msg := speedup.Faster(clockFooled).Problem
		Expect(msg).To(ContainSubstring("asked for 1.02 CPUs"))
		Expect(msg).NotTo(ContainSubstring("speedup of only"), "2.29x is no shortfall; the CPUs asked for decided")
		askedSome := speedup.Measurement{Jobs: 2, Host: 1.9, CPUKnown: true, CPUOverWall: 1.05, Speedup: 1.1,
			DemandKnown: true, Demand: 1.61}
		Expect(speedup.Overlap(askedSome)).To(Equal(speedup.Verdict{}))
		askedSome.Demand = 1.45
		Expect(speedup.Overlap(askedSome).Problem).To(ContainSubstring("asked for 1.45 CPUs"))
		Expect(speedup.Overlap(askedSome).Problem).NotTo(ContainSubstring("never asked for more than one"))
	})

	It("credits a parallel server with the CPUs a shared machine withheld, and a wasteful one with none", func() {
		// Measured in a class graded two learners at a time (06's reference
		// solution): it asked for 1.59 CPUs, got 1.40, and the clock showed 1.21x.
		shared := speedup.Measurement{Jobs: 2, Host: 1.52, CPUKnown: true, CPUOverWall: 1.40, Speedup: 1.21,
			DemandKnown: true, Demand: 1.59, Sequential: 238 * time.Millisecond, Parallel: 192 * time.Millisecond}
		Expect(shared.CreditedSpeedup()).To(BeNumerically("~", 1.21*1.59/1.40, 1e-9))
		Expect(speedup.Faster(shared)).To(Equal(speedup.Verdict{}))

		// Each job's work done twice, in parallel: it gets every CPU it asks
		// for (no credit) and the clock shows no speedup.
		twice := speedup.Measurement{Jobs: 2, Host: 1.95, CPUKnown: true, CPUOverWall: 1.95, Speedup: 1.0,
			DemandKnown: true, Demand: 1.97, Sequential: 400 * time.Millisecond, Parallel: 400 * time.Millisecond}
		Expect(speedup.Faster(twice).Problem).To(ContainSubstring("speedup of only 1.00x"))
		Expect(speedup.Faster(twice).Problem).NotTo(ContainSubstring("withheld"))
		// ... on a shared machine, with four threads asking: credit stops at a CPU per job.
		twice.CPUOverWall, twice.Demand, twice.Speedup = 1.40, 4.0, 0.72
		Expect(twice.CreditedSpeedup()).To(BeNumerically("~", 0.72*2/1.40, 1e-9))
		Expect(speedup.Faster(twice).Problem).To(ContainSubstring("1.03x, counting the CPUs the machine withheld"))

		// A lock held for half of each job, on a quiet machine: the threads
		// ask for the CPUs they get, and no credit makes up the speedup.
		halfLocked := speedup.Measurement{Jobs: 2, Host: 1.95, CPUKnown: true, CPUOverWall: 1.33, Speedup: 1.33,
			DemandKnown: true, Demand: 1.34}
		Expect(halfLocked.CreditedSpeedup()).To(BeNumerically("~", 1.34, 0.01))
		Expect(speedup.Faster(halfLocked).Problem).NotTo(BeEmpty())
	})

	It("measures the host's parallelism as at most the number of copies", func() {
		spin := func() {
			deadline := time.Now().Add(20 * time.Millisecond)
			for time.Now().Before(deadline) {
			}
		}
		Expect(speedup.HostParallelism(2, spin)).To(And(BeNumerically(">", 0), BeNumerically("<=", 2)))
	})
})
