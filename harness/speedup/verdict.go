package speedup

import (
	"fmt"
	"strings"
	"time"

	"github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
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
func failed(format string, args ...any) Verdict {
	return Verdict{Problem: fmt.Sprintf(format, args...)}
}
func unjudged(format string, a ...any) Verdict {
	return Verdict{Unjudged: fmt.Sprintf(format, a...)}
}

// A Check judges one measurement.
type Check func(m Measurement) Verdict

// Overlap passes when the server's processes kept more CPUs busy, while the
// jobs ran at once, than one job at a time can: CPU time over wall time of at
// least [Measurement.CPUThreshold]. It fails without appeal when the server's
// threads did not even ask for more than one CPU ([Measurement.Demand]); when they
// asked but did not get them, the machine was busy and the measurement is not
// judged. Where CPU time cannot be read it skips the spec, with the reason.
func Overlap(m Measurement) Verdict {
	ginkgo.GinkgoHelper()
	if !m.CPUKnown {
		ginkgo.Skip("this spec reads the server's CPU time from the operating system, which this system does not " +
			"offer (it needs Linux's /proc); the speedup specs still check parallelism by the wall clock.")
	}
	if m.CPUOverWall >= m.CPUThreshold() {
		return passed()
	}
	if m.DemandKnown && m.Demand >= m.DemandThreshold() {
		return unjudged("the server's threads asked for %.2f CPUs at once but got only %.2f: the machine was busy.",
			m.Demand, m.CPUOverWall)
	}
	if !m.DemandKnown && m.Host < MinHostParallelism {
		return hostBusy(m)
	}
	return failed("jobs did not overlap: while %d jobs ran at once, the server's CPU time over wall time was %.2f, "+
		"and a server that runs one job at a time cannot exceed 1.0.%s On this host a server that runs them in "+
		"parallel reaches about %.2f (the parallelism the test process itself got), so at least %.2f was expected.",
		m.Jobs, m.CPUOverWall, demandNote(m), m.Host, m.CPUThreshold())
}

// Faster passes when jobs sent at once finished at least
// [Measurement.SpeedupThreshold] times as fast as jobs sent one after the other.
// A measurement in which the server's threads did not even ask for more than
// one CPU ([Measurement.Demand]) fails whatever the host and the clock say; one
// during which the host offered too little parallelism, or the server's
// threads waited for CPUs they asked for, is not judged.
func Faster(m Measurement) Verdict {
	serial := m.DemandKnown && m.Demand < m.DemandThreshold()
	switch {
	case serial: // judged whatever the host: a wall-clock "speedup" would be noise
	case m.Host < MinHostParallelism:
		return hostBusy(m)
	case m.Speedup >= m.SpeedupThreshold():
		return passed()
	case m.DemandKnown && m.CPUOverWall < m.CPUThreshold():
		return unjudged("the server's threads asked for %.2f CPUs at once but got only %.2f: the machine was busy.",
			m.Demand, m.CPUOverWall)
	}
	return failed("no speedup: %d jobs sent at once took %v, and %d jobs sent one after the other took %v, a "+
		"speedup of only %.2fx.%s On this host parallel jobs reach about %.2fx (the parallelism the test process "+
		"itself got), so at least %.2fx was expected.", m.Jobs, m.Parallel.Round(time.Millisecond), m.Jobs,
		m.Sequential.Round(time.Millisecond), m.Speedup, demandNote(m), m.Host, max(MinHostParallelism,
			m.SpeedupThreshold()))
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
// asked for below [Measurement.DemandThreshold], however busy the machine was. A
// wall-clock speedup without the CPU time to show for it is another program
// disturbing the clock, not parallelism. Elsewhere the speedup must stay
// below [Measurement.SpeedupThreshold], and a busy host leaves it unjudged.
func NotParallel(m Measurement) Verdict {
	if m.CPUKnown {
		switch {
		case m.CPUOverWall >= m.CPUThreshold():
			return failed("the jobs ran in parallel: while %d jobs ran at once, the server's CPU time over wall time "+
				"was %.2f, more than one CPU's worth (one job at a time stays at or below 1.0; %.2f is the limit "+
				"here), and they finished %.2fx as fast as one after the other.", m.Jobs, m.CPUOverWall,
				m.CPUThreshold(), m.Speedup)
		case m.DemandKnown && m.Demand >= m.DemandThreshold():
			return failed("the jobs ran in parallel: while %d jobs ran at once, the server's threads asked for %.2f "+
				"CPUs at the same time (they got %.2f; the machine was busy). One job at a time asks for one.",
				m.Jobs, m.Demand, m.CPUOverWall)
		}
		return passed()
	}
	if m.Host < MinHostParallelism {
		return hostBusy(m)
	}
	if m.Speedup < m.SpeedupThreshold() {
		return passed()
	}
	return failed("the jobs ran in parallel: %d jobs sent at once finished %.2fx as fast as one after the other "+
		"(one job at a time gives about 1x; %.2fx is the limit here).", m.Jobs, m.Speedup, m.SpeedupThreshold())
}

// hostBusy leaves m unjudged because the host offered too little
// parallelism during it.
func hostBusy(m Measurement) Verdict {
	return unjudged("in this run, %d copies of the job in the test process itself ran only %.2fx as fast "+
		"together as one after the other (at least %.1fx is needed; %dx would mean %d idle CPUs).",
		m.Jobs, m.Host, MinHostParallelism, m.Jobs, m.Jobs)
}

// demandNote says how many CPUs the server asked for, where known.
func demandNote(m Measurement) string {
	if !m.DemandKnown {
		return ""
	}
	return fmt.Sprintf(" Its threads never asked for more than one CPU at a time (%.2f CPUs asked for, counting "+
		"the time they waited for one).", m.Demand)
}

// Expect judges a server by measurements from measure (typically a
// call of [Server.MeasureSpeedup]) with check, and fails the spec with
// check's problem, the numbers and hints unless one of at most attempts
// measurements passes. A measurement that check cannot judge (the machine
// was too busy during it) is taken again; if none could be judged, the spec
// is skipped, with the reason.
//
// A measurement that fails is taken again too, because another program can
// steal a CPU during one: a server that runs one job at a time still never
// passes [Overlap], whose ceiling of 1.0 is physical, however often it is
// measured. Every measurement is recorded as a report entry.
func Expect(attempts int, measure func() Measurement, check Check, hints ...string) {
	ginkgo.GinkgoHelper()
	var problems, numbers []string
	why := ""
	for range max(1, attempts) {
		m := measure()
		v := check(m)
		switch {
		case v.Unjudged != "":
			why = v.Unjudged + "\n  measured: " + m.String()
			continue
		case v.Problem == "":
			return
		}
		problems, numbers = append(problems, v.Problem), append(numbers, "    "+m.String())
	}
	if len(problems) == 0 {
		ginkgo.Skip(fmt.Sprintf("the machine is too busy to measure a speedup: %s\n  Other programs are using the CPUs. "+
			"Close them and run again, or leave the timing specs out with --label-filter='!timing'.", why))
	}
	harness.FailWithTask(withHints(fmt.Sprintf("%s\n  measured (%s):\n%s", problems[len(problems)-1],
		plural(len(problems), "measurement, which failed", "measurements, all failed"),
		strings.Join(numbers, "\n")), hints))
}

// plural writes n with the singular or plural words.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// withHints appends "hint:" lines to a message (FailWithTask adds the task's).
func withHints(msg string, hints []string) string {
	var b strings.Builder
	b.WriteString(msg)
	for _, h := range hints {
		b.WriteString("\n\n  hint: " + h)
	}
	return b.String()
}
