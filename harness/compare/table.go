package compare

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// WriteTable writes the report as Markdown, in English: a heading line about
// the machine, the tables (clients, churn, the herd sweep, jobs), and the
// notes.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	b.WriteString(r.machineLine(English) + "\n\n")
	b.WriteString(r.clientsTable(English) + "\n")
	b.WriteString(r.churnTable(English) + "\n")
	b.WriteString(r.herdTable(English) + "\n")
	b.WriteString(r.jobsTable(English))
	b.WriteString(r.notes(English))
	_, err := io.WriteString(w, b.String())
	return err
}

// machineLine says when, where and how the report was measured.
func (r *Report) machineLine(l Lang) string {
	return fmt.Sprintf(l.t("Measured %s on %s/%s, %d CPUs, %s; host parallelism during the run %.2f (2.00 = two idle CPUs); took %v.",
		"%s에 %s/%s, CPU %d개, %s에서 측정; 측정하는 동안 기계가 내준 병렬성 %.2f (2.00 = 한가한 CPU 두 개); %v 걸림."),
		r.Date.Format("2006-01-02"), r.OS, r.Arch, r.CPUs, r.GoVersion, r.Host, r.Took.Round(time.Second))
}

// clientsTable is the table about clients: setup cost, round trips, memory.
func (r *Report) clientsTable(l Lang) string {
	var b strings.Builder
	b.WriteString(l.t("| server | connect → echo → exit, median | p99 |", "| 서버 | 접속 → 에코 → exit, 중앙값 | p99 |"))
	for _, n := range ClientCounts {
		fmt.Fprintf(&b, l.t(" round trips/s, %s at once |", " 왕복/초, 동시에 %s |"), l.clients(n))
	}
	fmt.Fprintf(&b, l.t(" memory per connected client (%s) | with no client |\n", " 연결된 클라이언트 하나의 메모리 (%s) | 클라이언트 없을 때 |\n"),
		r.MemoryKind)
	b.WriteString("|---|---:|---:|" + strings.Repeat("---:|", len(ClientCounts)) + "---:|---:|\n")
	for _, res := range r.Results {
		fmt.Fprintf(&b, "| %s | %s | %s |", l.title(res.Kind), millis(res.Setup.Median), millis(res.Setup.P99))
		for _, n := range ClientCounts {
			fmt.Fprintf(&b, " %s |", rate(res.RoundTrips[n]))
		}
		fmt.Fprintf(&b, " %s | %s |\n", perClient(l, res.Memory), mebibytes(res.Memory.Base))
	}
	return b.String()
}

// churnTable is the table about clients that come and go, for the kinds
// given (every kind measured when none is).
func (r *Report) churnTable(l Lang, kinds ...Kind) string {
	var b strings.Builder
	b.WriteString(l.t("| server |", "| 서버 |"))
	for _, n := range ChurnClients {
		fmt.Fprintf(&b, l.t(" %s at a time: visits/s | server CPU per visit | context switches per visit |",
			" 한 번에 %s: 방문/초 | 방문 하나의 서버 CPU | 방문 하나의 문맥 교환 |"), l.clients(n))
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|---:|---:|", len(ChurnClients)) + "\n")
	for _, res := range r.Results {
		if len(kinds) > 0 && !slices.Contains(kinds, res.Kind) {
			continue
		}
		fmt.Fprintf(&b, "| %s |", l.title(res.Kind))
		for _, n := range ChurnClients {
			c := res.churnAt(n)
			fmt.Fprintf(&b, " %s | %s | %s |", rate(c.Rate), micros(c.CPU), switchesText(c.Switches))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// herdTable is the herd sweep: for each way of waiting, the visits per
// second of a prefork pool of K workers, one client at a time.
func (r *Report) herdTable(l Lang) string {
	var b strings.Builder
	b.WriteString(l.t("| prefork workers waiting for clients with |", "| 프리포크 워커가 클라이언트를 기다리는 방법 |"))
	for _, k := range HerdKs {
		fmt.Fprintf(&b, l.t(" K = %d: visits/s |", " K = %d: 방문/초 |"), k)
	}
	first, last := HerdKs[0], HerdKs[len(HerdKs)-1]
	fmt.Fprintf(&b, l.t(" K = %d against K = %d | server CPU per visit, K = %d → %d | context switches per visit, K = %d → %d |\n",
		" K = %d ÷ K = %d | 방문 하나의 서버 CPU, K = %d → %d | 방문 하나의 문맥 교환, K = %d → %d |\n"),
		last, first, first, last, first, last)
	b.WriteString("|---|" + strings.Repeat("---:|", len(HerdKs)) + "---:|---:|---:|\n")
	for _, cure := range Cures {
		fmt.Fprintf(&b, "| %s |", l.cure(cure))
		for _, k := range HerdKs {
			p, _ := r.HerdAt(cure, k)
			fmt.Fprintf(&b, " %s |", rate(p.Churn.Rate))
		}
		lo, okLo := r.HerdAt(cure, first)
		hi, okHi := r.HerdAt(cure, last)
		if !okLo || !okHi {
			b.WriteString(" – | – | – |\n")
			continue
		}
		fmt.Fprintf(&b, " %.2fx | %s → %s | %s → %s |\n", hi.Churn.Rate/lo.Churn.Rate, micros(lo.Churn.CPU),
			micros(hi.Churn.CPU), switchesText(lo.Churn.Switches), switchesText(hi.Churn.Switches))
	}
	return b.String()
}

// jobsTable is the table about jobs: CPU speedup, and crash isolation.
func (r *Report) jobsTable(l Lang) string {
	var b strings.Builder
	b.WriteString(l.t("| server | 2 CPU jobs at once: speedup, CPUs asked for | the same with GOMAXPROCS=1 | a crashing handler takes the other clients down |\n",
		"| 서버 | CPU 작업 2개를 동시에: 속도 향상, 요청한 CPU | GOMAXPROCS=1일 때 | 크래시한 핸들러가 다른 클라이언트까지 끊는가 |\n"))
	b.WriteString("|---|---:|---:|---|\n")
	for _, res := range r.Results {
		maxProcs1 := speedup(l, res.CPUMaxProcs1)
		if res.Kind.python() {
			maxProcs1 = l.t("n/a: CPython has its GIL anyway", "해당 없음: CPython에는 어차피 GIL이 있음")
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", l.title(res.Kind), speedup(l, res.CPU), maxProcs1, crashText(l, res))
	}
	return b.String()
}

// notes lists what was not measured, and why.
func (r *Report) notes(l Lang) string {
	var b strings.Builder
	for _, n := range r.Notes {
		fmt.Fprintf(&b, l.t("\nNote: %s\n", "\n참고: %s\n"), n)
	}
	if r.PythonMissing != "" {
		fmt.Fprintf(&b, l.t("\nPython: %s\n", "\nPython: %s\n"), r.PythonMissing)
	}
	for _, res := range r.Results {
		for _, n := range res.Notes {
			fmt.Fprintf(&b, l.t("\nNote, %s: %s\n", "\n참고, %s: %s\n"), l.title(res.Kind), n)
		}
	}
	for _, p := range r.Herd {
		if p.Note != "" {
			fmt.Fprintf(&b, l.t("\nNote, %s: %s\n", "\n참고, %s: %s\n"), l.title(PreforkVariant(p.Cure, p.K)), p.Note)
		}
	}
	return b.String()
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

// micros writes a duration in microseconds, or "–" for none.
func micros(d time.Duration) string {
	if d <= 0 {
		return "–"
	}
	return fmt.Sprintf("%s µs", thousands(int(d.Microseconds())))
}

// switchesText writes a number of context switches, or "–" for unknown.
func switchesText(x float64) string {
	if x <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", x)
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
func perClient(l Lang, m Memory) string {
	if m.Clients == 0 {
		return "–"
	}
	s := fmt.Sprintf("%.0f KiB", m.PerClient/1024)
	if m.Served < m.Clients {
		s += fmt.Sprintf(l.t(" (%d of %d served, the others wait)", " (%[2]d개 중 %[1]d개 서비스, 나머지는 대기)"), m.Served, m.Clients)
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
func speedup(l Lang, s Speedup) string {
	var text string
	switch {
	case s.Speedup <= 0:
		return "–"
	case s.Demand > 0:
		text = fmt.Sprintf(l.t("%.2fx, asked for %.1f CPUs", "%.2fx, CPU %.1f개 요청"), s.Speedup, s.Demand)
	case s.CPUOverWall > 0:
		text = fmt.Sprintf(l.t("%.2fx, %.1f CPUs busy", "%.2fx, CPU %.1f개 사용"), s.Speedup, s.CPUOverWall)
	default:
		text = fmt.Sprintf("%.2fx", s.Speedup)
	}
	if s.Host > 0 && s.Host < busyHost {
		text += fmt.Sprintf(l.t(" (machine busy: %.1f CPUs free)", " (기계가 바쁨: 남는 CPU %.1f개)"), s.Host)
	}
	return text
}

// crashWords translates the crash measurement's words into Korean.
var crashWords = strings.NewReplacer("a new client", "새 클라이언트", "client", "클라이언트", "served", "서비스됨",
	"cut off", "끊김", "refused", "거절됨", "not answered", "응답 없음", "failed", "실패")

// crashText writes the crash verdict.
func crashText(l Lang, res *Result) string {
	detail := res.Crash.Detail
	if l == Korean {
		detail = crashWords.Replace(detail)
	}
	switch {
	case detail == "":
		return "–"
	case res.Crash.TakesOthersDown:
		return l.t("**yes** (", "**예** (") + detail + ")"
	default:
		return l.t("no (", "아니요 (") + detail + ")"
	}
}
