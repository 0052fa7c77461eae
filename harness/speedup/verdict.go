package speedup

import (
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/internal/outcome"
	"github.com/threadproc/threadproc/harness/internal/words"
)

// Thresholds of the speedup checks.
const (
	// cpuFraction places the CPU-time threshold, as a fraction of the way
	// from 1 (one job at a time) to the parallelism the host offered. CPU
	// time over wall time has a hard ceiling of 1.0 for a server that runs
	// one job at a time (clock-tick rounding adds a few hundredths), so the
	// line can sit close to 1, and never below cpuFloor.
	cpuFraction = 0.35
	cpuFloor    = 1.15
	// speedupFraction places the wall-clock threshold half way: wall times
	// have no hard ceiling, since other programs can slow one phase more
	// than the other.
	speedupFraction = 0.5
)

// CPUThreshold is the line between "one job at a time" and "in parallel" for
// [Measurement.CPUOverWall] on this host.
func (m Measurement) CPUThreshold() float64 { return max(cpuFloor, 1+cpuFraction*(m.Host-1)) }

// SpeedupThreshold is the line between "no speedup" and "speedup" for
// [Measurement.Speedup] on this host.
func (m Measurement) SpeedupThreshold() float64 { return 1 + speedupFraction*(m.Host-1) }

// DemandThreshold is the line between "asked for one CPU" and "asked for a
// CPU per job" for [Measurement.Demand]: half way between 1 and the number of
// jobs. It does not depend on the host.
func (m Measurement) DemandThreshold() float64 { return 1 + float64(m.Jobs-1)/2 }

// Verdict is what a [Check] concludes from one measurement.
type Verdict struct {
	// Problem says, in a learner's words, what is wrong; "" when the
	// measurement passes (or could not be judged).
	Problem string
	// Unjudged says why the measurement could not be judged, such as "the
	// machine was busy"; "" when it could.
	Unjudged string
}

// passed, failed and unjudged build verdicts.
func passed() Verdict { return Verdict{} }
func failed(key string, args ...any) Verdict {
	return Verdict{Problem: words.Say(key, args...)}
}
func unjudged(key string, args ...any) Verdict {
	return Verdict{Unjudged: words.Say(key, args...)}
}

// A Check judges one measurement.
type Check func(m Measurement) Verdict

// askedForOne reports whether the server's threads, while the jobs ran at
// once, asked for about one CPU: they ran the jobs one after the other,
// however busy or small the machine.
func (m Measurement) askedForOne() bool { return m.DemandKnown && m.Demand < m.DemandThreshold() }

// askedForEach reports whether the server's threads asked for about a CPU
// per job: they ran the jobs at the same time, whether or not the machine
// had the CPUs to give them.
func (m Measurement) askedForEach() bool { return m.DemandKnown && m.Demand >= m.DemandThreshold() }

// gotCPUs reports whether the server's processes kept more than one CPU's
// worth busy while the jobs ran at once.
func (m Measurement) gotCPUs() bool { return m.CPUKnown && m.CPUOverWall >= m.CPUThreshold() }

// Overlap passes when the server ran the jobs at the same time: its
// processes kept more CPUs busy than one job at a time can ([Measurement.CPUOverWall]
// of at least [Measurement.CPUThreshold]), or, on a machine too busy or too
// small to give them those CPUs, its threads asked the kernel for a CPU per
// job ([Measurement.Demand], Linux). It fails a server whose threads asked for
// one CPU, however the clock looked. Where neither can be read (macOS) it
// skips the spec, with the reason; where only CPU time can be read and the
// host was busy, the measurement is not judged.
func Overlap(m Measurement) Verdict {
	ginkgo.GinkgoHelper()
	if !m.CPUKnown {
		notJudgedHere(words.Say("speedup.no-cpu-time"))
	}
	switch {
	case m.gotCPUs(), m.askedForEach():
		return passed()
	case !m.DemandKnown && m.Host < MinHostParallelism:
		return hostBusy(m)
	}
	return failed("speedup.no-overlap", m.Jobs, m.CPUOverWall, demandNote(m))
}

// Faster passes when jobs sent at once finished at least
// [Measurement.SpeedupThreshold] times as fast as jobs sent one after the
// other, counting the CPUs the machine withheld (see
// [Measurement.CreditedSpeedup]). A server whose threads asked for one CPU
// while the jobs ran at once fails whatever the clock says. Where the host
// cannot show a speedup (one CPU, or other programs using them), a server
// whose threads asked for a CPU per job passes on that evidence; where that
// cannot be read either (macOS), the measurement is not judged.
func Faster(m Measurement) Verdict {
	switch {
	case m.askedForOne(): // judged whatever the host: a wall-clock "speedup" would be noise
		return failed("speedup.serial", m.Jobs, m.Demand, m.Jobs, m.DemandThreshold(), clockNote(m))
	case m.Host >= MinHostParallelism && m.CreditedSpeedup() >= m.SpeedupThreshold():
		return passed()
	case m.askedForEach() && !(m.gotCPUs() && m.Host >= MinHostParallelism):
		return passed() // it asked for a CPU per job; this machine could not give them
	case !m.DemandKnown && m.Host < MinHostParallelism:
		return hostBusy(m)
	}
	return failed("speedup.no-speedup", m.Jobs, m.Parallel.Round(time.Millisecond), m.Jobs,
		m.Sequential.Round(time.Millisecond), m.Speedup, m.CPUOverWall, creditNote(m), m.Host,
		m.SpeedupThreshold())
}

// CreditedSpeedup is [Measurement.Speedup] as it would have been had the
// machine given the server's threads every CPU they asked for while the
// jobs ran at once, up to one per job: the speedup times
// min(Demand, Jobs) / CPUOverWall, where both are known and the machine gave
// less. On a machine shared with other work, parallel jobs get fewer CPUs
// than they ask for, and the clock shows less speedup than the server earned;
// a server that does a job's work twice, or spins while it waits for another
// job, asks for the CPUs it gets and is credited nothing.
func (m Measurement) CreditedSpeedup() float64 {
	if !m.DemandKnown || !m.CPUKnown || m.CPUOverWall <= 0 {
		return m.Speedup
	}
	return m.Speedup * max(1, min(m.Demand, float64(m.Jobs))/m.CPUOverWall)
}

// creditNote says what the speedup is worth counting the CPUs the machine
// withheld, when the machine withheld more than a twentieth of them.
func creditNote(m Measurement) string {
	if c := m.CreditedSpeedup(); c > 1.05*m.Speedup {
		return words.Say("speedup.credited", c, min(m.Demand, float64(m.Jobs)))
	}
	return ""
}

// Parallel passes when the jobs overlapped ([Overlap], where CPU time can be
// read) and finished faster ([Faster]).
func Parallel(m Measurement) Verdict {
	ginkgo.GinkgoHelper()
	if m.CPUKnown {
		if v := Overlap(m); v != passed() {
			return v
		}
	}
	return Faster(m)
}

// NotParallel passes when the server did not run the jobs in parallel. Where
// CPU time can be read it decides: CPU time over wall time must stay below
// [Measurement.CPUThreshold], and (where known) the CPUs the server's threads
// asked for below [Measurement.DemandThreshold], however busy the machine was.
// A wall-clock speedup without the CPU time to show for it is another program
// disturbing the clock, not parallelism. Elsewhere the speedup must stay
// below [Measurement.SpeedupThreshold], and a busy host leaves it unjudged.
func NotParallel(m Measurement) Verdict {
	if m.CPUKnown {
		switch {
		case m.gotCPUs():
			return failed("speedup.parallel.cpu", m.Jobs, m.CPUOverWall, m.CPUThreshold(), m.Speedup)
		case m.askedForEach():
			return failed("speedup.parallel.demand", m.Jobs, m.Demand, m.CPUOverWall)
		}
		return passed()
	}
	if m.Host < MinHostParallelism {
		return hostBusy(m)
	}
	if m.Speedup < m.SpeedupThreshold() {
		return passed()
	}
	return failed("speedup.parallel.clock", m.Jobs, m.Speedup, m.SpeedupThreshold())
}

// hostBusy leaves m unjudged because the host offered too little
// parallelism during it, and nothing else could be read.
func hostBusy(m Measurement) Verdict {
	return unjudged("speedup.host-busy", m.Jobs, m.Host, MinHostParallelism, m.Jobs, m.Jobs)
}

// demandNote says how many CPUs the server's threads asked for, where known.
func demandNote(m Measurement) string {
	switch {
	case m.askedForOne():
		return words.Say("speedup.demand.one", m.Demand, m.Jobs, m.Jobs, m.DemandThreshold())
	case m.DemandKnown:
		return words.Say("speedup.demand.known", m.Demand)
	}
	return words.Say("speedup.demand.host", m.Host, m.CPUThreshold())
}

// clockNote says what the wall clock showed, when it looked like a speedup
// that the CPUs asked for do not back.
func clockNote(m Measurement) string {
	if m.Speedup < m.SpeedupThreshold() {
		return words.Say("speedup.clock.agrees", m.Speedup)
	}
	return words.Say("speedup.clock.fooled", m.Speedup)
}

// notJudgedHere skips the running spec as ungraded: it could not judge on
// this machine. why says what is missing; the message adds how to run it
// where it can judge.
func notJudgedHere(why string) {
	ginkgo.GinkgoHelper()
	outcome.Record(outcome.Ungraded, why)
	ginkgo.Skip(words.Say("unjudged", words.Say("speedup.howto", why)))
}

// Expect judges a server by measurements from measure (typically a call of
// [Measure]) with check, and fails the spec with check's problem, the
// numbers and hints unless one of at most attempts measurements passes. A
// measurement that check cannot judge is taken again; if none could be
// judged, the spec is skipped as not judged here, with the reason (it is
// never passed by default).
//
// A measurement that fails is taken again too, because another program can
// steal a CPU during one: a server that runs one job at a time still never
// passes, since what its threads ask for does not depend on the load. Every
// measurement is recorded as a report entry.
func Expect(attempts int, measure func() Measurement, check Check, hints ...string) {
	ginkgo.GinkgoHelper()
	var problems, numbers []string
	why := ""
	for range max(1, attempts) {
		m := measure()
		v := check(m)
		switch {
		case v.Unjudged != "":
			why = words.Say("speedup.measured", v.Unjudged, m.String())
			continue
		case v.Problem == "":
			return
		}
		problems, numbers = append(problems, v.Problem), append(numbers, "    "+m.String())
	}
	if len(problems) == 0 {
		notJudgedHere(words.Say("speedup.busy", why))
	}
	harness.FailWithTask(withHints(words.Say("speedup.measured.list", problems[len(problems)-1],
		measurements(len(problems)), strings.Join(numbers, "\n")), hints))
}

// measurements says how many measurements failed.
func measurements(n int) string {
	if n == 1 {
		return words.Say("speedup.measured.one")
	}
	return words.Say("speedup.measured.many", n)
}

// withHints appends "hint:" lines to a message (FailWithTask adds the task's).
func withHints(msg string, hints []string) string {
	var b strings.Builder
	b.WriteString(msg)
	for _, h := range hints {
		b.WriteString("\n\n  " + words.Say("frame.hint", h))
	}
	return b.String()
}
