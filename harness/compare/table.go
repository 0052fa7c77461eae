package compare

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// WriteTable writes the report as Markdown: a heading line about the
// machine, a table about clients (setup cost, round trips, memory), a table
// about jobs (CPU speedup, crash isolation), and the notes.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Measured %s on %s/%s, %d CPUs, %s; host parallelism during the run %.2f (2.00 = two idle CPUs); "+
		"took %v.\n\n", r.Date.Format("2006-01-02"), r.OS, r.Arch, r.CPUs, r.GoVersion, r.Host, r.Took.Round(time.Second))

	fmt.Fprintf(&b, "| server | connect → echo → exit, median | p99 |")
	for _, n := range ClientCounts {
		fmt.Fprintf(&b, " round trips/s, %s at once |", clientsText(n))
	}
	fmt.Fprintf(&b, " memory per connected client (%s) | with no client |\n|---|---:|---:|", r.MemoryKind)
	b.WriteString(strings.Repeat("---:|", len(ClientCounts)) + "---:|---:|\n")
	for _, res := range r.Results {
		fmt.Fprintf(&b, "| %s | %s | %s |", res.Kind.Title(), millis(res.Setup.Median), millis(res.Setup.P99))
		for _, n := range ClientCounts {
			fmt.Fprintf(&b, " %s |", rate(res.RoundTrips[n]))
		}
		fmt.Fprintf(&b, " %s | %s |\n", perClient(res.Memory), mebibytes(res.Memory.Base))
	}

	b.WriteString("\n| server | 2 CPU jobs at once: speedup, CPUs asked for | the same with GOMAXPROCS=1 | a crashing handler takes the other clients down |\n")
	b.WriteString("|---|---:|---:|---|\n")
	for _, res := range r.Results {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", res.Kind.Title(), speedup(res.CPU), speedup(res.CPUMaxProcs1),
			crashText(res))
	}
	for _, res := range r.Results {
		for _, n := range res.Notes {
			fmt.Fprintf(&b, "\nNote, %s: %s\n", res.Kind.Title(), n)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// clientsText writes a number of clients.
func clientsText(n int) string {
	if n == 1 {
		return "1 client"
	}
	return thousands(n) + " clients"
}

// millis writes a duration in milliseconds, or "–" for none.
func millis(d time.Duration) string {
	if d <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}

// rate writes a rate per second, or "–" for none.
func rate(x float64) string {
	if x <= 0 {
		return "–"
	}
	return thousands(int(x + 0.5))
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// perClient writes the memory per connected client, saying how many were
// served where a pool served only some.
func perClient(m Memory) string {
	if m.Clients == 0 {
		return "–"
	}
	s := fmt.Sprintf("%.0f KiB", m.PerClient/1024)
	if m.Served < m.Clients {
		s += fmt.Sprintf(" (%d of %d served, the others wait)", m.Served, m.Clients)
	}
	return s
}

// mebibytes writes bytes in MiB, or "–" for none.
func mebibytes(b int64) string {
	if b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}

// speedup writes a speedup and the CPUs asked for, or "–" for none, and
// says when the machine was busy during the measurement.
func speedup(s Speedup) string {
	var text string
	switch {
	case s.Speedup <= 0:
		return "–"
	case s.Demand > 0:
		text = fmt.Sprintf("%.2fx, asked for %.1f CPUs", s.Speedup, s.Demand)
	case s.CPUOverWall > 0:
		text = fmt.Sprintf("%.2fx, %.1f CPUs busy", s.Speedup, s.CPUOverWall)
	default:
		text = fmt.Sprintf("%.2fx", s.Speedup)
	}
	if s.Host > 0 && s.Host < busyHost {
		text += fmt.Sprintf(" (machine busy: %.1f CPUs free)", s.Host)
	}
	return text
}

// crashText writes the crash verdict.
func crashText(res *Result) string {
	switch {
	case res.Crash.Detail == "":
		return "–"
	case res.Crash.TakesOthersDown:
		return "**yes** (" + res.Crash.Detail + ")"
	default:
		return "no (" + res.Crash.Detail + ")"
	}
}
