package compare

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The READMEs quote what the comparison measured only between markers that
// the comparison itself rewrites (go run ./harness/cmd/compare -readme .),
// so that no figure in them can drift from what the kit measures:
//
//	<!-- figures:NAME -->
//	a block (tables), rewritten whole
//	<!-- /figures:NAME -->
//
//	prose with <!-- fig:NAME -->0.10 ms<!-- /fig --> in it
//
// A block is written in the README's language (README.ko.md: Korean).
// FigureBlocks lists the blocks; see figure for the inline figures.

// FigureBlocks lists the names of the generated blocks.
var FigureBlocks = []string{"compare-tables", "herd-sweep", "pool-churn", "process-cost", "python"}

var (
	blockRE  = regexp.MustCompile(`(?s)<!-- figures:([a-z0-9-]+) -->\n(.*?)<!-- /figures:([a-z0-9-]+) -->`)
	inlineRE = regexp.MustCompile(`<!-- fig:([a-z0-9:/-]+) -->(.*?)<!-- /fig -->`)
)

// FigureFiles lists the Markdown files below root that may hold figures:
// the top README, the exercises' READMEs and the docs.
func FigureFiles(root string) ([]string, error) {
	var files []string
	for _, pattern := range []string{"README*.md", "exercises/*/README*.md", "docs/*.md"} {
		matches, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			return nil, err
		}
		files = append(files, matches...)
	}
	return files, nil
}

// langOf is the language of a Markdown file, from its name.
func langOf(path string) Lang {
	if strings.HasSuffix(path, ".ko.md") {
		return Korean
	}
	return English
}

// WriteFigures rewrites the generated blocks and figures of every file of
// FigureFiles(root) from r, and returns the files it changed.
func (r *Report) WriteFigures(root string) ([]string, error) {
	files, err := FigureFiles(root)
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, f := range files {
		old, err := os.ReadFile(f)
		if err != nil {
			return changed, err
		}
		text, err := r.Rewrite(string(old), langOf(f))
		if err != nil {
			return changed, fmt.Errorf("%s: %w", f, err)
		}
		if text == string(old) {
			continue
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			return changed, err
		}
		changed = append(changed, f)
	}
	return changed, nil
}

// Rewrite returns text with every generated block and figure written from r
// in language l.
func (r *Report) Rewrite(text string, l Lang) (string, error) {
	if err := checkMarkers(text); err != nil {
		return "", err
	}
	var errs []error
	text = blockRE.ReplaceAllStringFunc(text, func(m string) string {
		name := blockRE.FindStringSubmatch(m)[1]
		body, err := r.block(name, l)
		if err != nil {
			errs = append(errs, err)
			return m
		}
		return fmt.Sprintf("<!-- figures:%s -->\n%s<!-- /figures:%s -->", name, strings.TrimRight(body, "\n")+"\n", name)
	})
	text = inlineRE.ReplaceAllStringFunc(text, func(m string) string {
		name := inlineRE.FindStringSubmatch(m)[1]
		value, err := r.figure(name)
		if err != nil {
			errs = append(errs, err)
			return m
		}
		return fmt.Sprintf("<!-- fig:%s -->%s<!-- /fig -->", name, value)
	})
	return text, errors.Join(errs...)
}

// checkMarkers reports markers that do not pair up.
func checkMarkers(text string) error {
	for _, m := range blockRE.FindAllStringSubmatch(text, -1) {
		if m[1] != m[3] {
			return fmt.Errorf("<!-- figures:%s --> is closed by <!-- /figures:%s -->", m[1], m[3])
		}
	}
	opens := strings.Count(text, "<!-- figures:")
	closes := strings.Count(text, "<!-- /figures:")
	if blocks := len(blockRE.FindAllString(text, -1)); opens != blocks || closes != blocks {
		return fmt.Errorf("%d block markers open, %d close, %d pair up: each <!-- figures:NAME --> needs a "+
			"<!-- /figures:NAME --> on a later line", opens, closes, blocks)
	}
	if n, m := strings.Count(text, "<!-- fig:"), len(inlineRE.FindAllString(text, -1)); n != m {
		return fmt.Errorf("%d inline figures open, %d pair up: each <!-- fig:NAME --> needs a <!-- /fig --> on "+
			"the same line", n, m)
	}
	return nil
}

// block renders the generated block name in l.
func (r *Report) block(name string, l Lang) (string, error) {
	switch name {
	case "compare-tables":
		return r.machineLine(l) + "\n\n" + r.clientsTable(l) + "\n" + r.churnTable(l) + "\n" + r.jobsTable(l) +
			r.notes(l), nil
	case "herd-sweep":
		return r.machineLine(l) + "\n\n" + r.herdTable(l), nil
	case "pool-churn":
		return r.machineLine(l) + "\n\n" + r.churnTable(l, Goroutines, GoroutinePool, PreforkPool, Processes), nil
	case "process-cost":
		return r.machineLine(l) + "\n\n" + r.processCost(l), nil
	case "python":
		return r.machineLine(l) + "\n\n" + r.pythonTable(l), nil
	}
	return "", fmt.Errorf("no generated block called %q (there are %s)", name, strings.Join(FigureBlocks, ", "))
}

// processCost is exercise 03's table: a goroutine per client against a
// process per client.
func (r *Report) processCost(l Lang) string {
	g, p := r.result(Goroutines), r.result(Processes)
	var b strings.Builder
	b.WriteString(l.t("| | goroutine per client (02) | worker process per client (03) |\n",
		"| | 클라이언트마다 고루틴 (02) | 클라이언트마다 워커 프로세스 (03) |\n"))
	b.WriteString("|---|---:|---:|\n")
	row := func(what string, cell func(*Result) string) {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", what, cell(g), cell(p))
	}
	row(l.t("connect → echo → exit, one client at a time: median, p99", "접속 → 에코 → exit, 한 번에 클라이언트 하나: 중앙값, p99"),
		func(res *Result) string { return millis(res.Setup.Median) + ", " + millis(res.Setup.P99) })
	for _, n := range ChurnClients {
		row(fmt.Sprintf(l.t("visits per second, %s at a time", "초당 방문, 한 번에 %s"), l.clients(n)),
			func(res *Result) string { return rate(res.churnAt(n).Rate) })
	}
	row(l.t("server CPU per visit, 1 client at a time", "방문 하나의 서버 CPU, 한 번에 클라이언트 하나"),
		func(res *Result) string { return micros(res.churnAt(1).CPU) })
	row(fmt.Sprintf(l.t("memory per connected client (%s)", "연결된 클라이언트 하나의 메모리 (%s)"), r.MemoryKind),
		func(res *Result) string { return perClient(l, res.Memory) })
	n := ClientCounts[len(ClientCounts)-1]
	row(fmt.Sprintf(l.t("echo round trips per second, %s at once", "초당 에코 왕복, 동시에 %s"), l.clients(n)),
		func(res *Result) string { return rate(res.RoundTrips[n]) })
	return b.String()
}

// pythonTable answers the notes' question with the Python servers, next to
// the Go servers that stand in for them in the exercises.
func (r *Report) pythonTable(l Lang) string {
	if r.PythonMissing != "" {
		return l.t("Not measured in this run. ", "이번 측정에는 없습니다. ") + r.PythonMissing + "\n"
	}
	var b strings.Builder
	b.WriteString(l.t("| server | 2 CPU jobs at once: speedup, CPUs asked for | a crashing handler takes the other clients down | connect → echo → exit, median | memory per connected client |\n",
		"| 서버 | CPU 작업 2개를 동시에: 속도 향상, 요청한 CPU | 크래시한 핸들러가 다른 클라이언트까지 끊는가 | 접속 → 에코 → exit, 중앙값 | 연결된 클라이언트 하나의 메모리 |\n"))
	b.WriteString("|---|---:|---|---:|---:|\n")
	for _, k := range []Kind{PythonThreads, PythonProcesses, Goroutines, Processes} {
		res := r.result(k)
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", l.title(k), speedup(l, res.CPU), crashText(l, res),
			millis(res.Setup.Median), perClient(l, res.Memory))
		if k == Goroutines {
			fmt.Fprintf(&b, "| %s, GOMAXPROCS=1 | %s | | | |\n", l.title(k), speedup(l, res.CPUMaxProcs1))
		}
	}
	return b.String()
}

// result returns the result of kind, or an empty one.
func (r *Report) result(kind Kind) *Result {
	for _, res := range r.Results {
		if res.Kind == kind {
			return res
		}
	}
	return &Result{Kind: kind, RoundTrips: map[int]float64{}}
}

// figure returns the inline figure name: a value with its unit, or "–"
// for one that was not measured. The names:
//
//	date, machine                     when and where the report was measured
//	start:true, start:self            starting true(1), or this program, and reaping it
//	setup:KIND, setup-p99:KIND        a visit, one client after another (ms)
//	churn1:KIND, churn8:KIND          visits per second, 1 or 8 clients at a time
//	cpu1:KIND, switches1:KIND         server CPU and context switches per visit, 1 client at a time
//	memory:KIND                       memory per connected client
//	speedup:KIND, demand:KIND         2 CPU jobs at once: speedup, CPUs asked for
//	speedup-gomaxprocs1:KIND          the same with GOMAXPROCS=1
//	herd:CURE:K, herd-cpu:CURE:K, herd-switches:CURE:K   a point of the herd sweep
//	herd-ratio:CURE                   its visits per second at the largest K over the smallest
//	ratio:METRIC:KIND/KIND            setup, churn1 or churn8 of one kind over another's
func (r *Report) figure(name string) (string, error) {
	parts := strings.Split(name, ":")
	bad := fmt.Errorf("no figure called %q (see the names in harness/compare/figures.go)", name)
	kind := func(s string) (*Result, bool) {
		k := Kind(s)
		if !slices.Contains(Kinds, k) && !slices.Contains(PythonKinds, k) {
			return nil, false
		}
		return r.result(k), true
	}
	switch {
	case name == "date":
		return r.Date.Format("2006-01-02"), nil
	case name == "machine":
		return fmt.Sprintf("%s/%s, %d CPUs, %s", r.OS, r.Arch, r.CPUs, r.GoVersion), nil
	case name == "start:true":
		return millis(r.Starts.True), nil
	case name == "start:self":
		return millis(r.Starts.Self), nil
	case len(parts) == 2 && parts[0] == "herd-ratio":
		lo, ok1 := r.HerdAt(Cure(parts[1]), HerdKs[0])
		hi, ok2 := r.HerdAt(Cure(parts[1]), HerdKs[len(HerdKs)-1])
		if !slices.Contains(Cures, Cure(parts[1])) {
			return "", bad
		}
		if !ok1 || !ok2 {
			return "–", nil
		}
		return fmt.Sprintf("%.2fx", hi.Churn.Rate/lo.Churn.Rate), nil
	case len(parts) == 3 && strings.HasPrefix(parts[0], "herd"):
		k, err := strconv.Atoi(parts[2])
		if err != nil || !slices.Contains(HerdKs, k) || !slices.Contains(Cures, Cure(parts[1])) {
			return "", bad
		}
		p, _ := r.HerdAt(Cure(parts[1]), k)
		switch parts[0] {
		case "herd":
			return rate(p.Churn.Rate), nil
		case "herd-cpu":
			return micros(p.Churn.CPU), nil
		case "herd-switches":
			return switchesText(p.Churn.Switches), nil
		}
		return "", bad
	case len(parts) == 3 && parts[0] == "ratio":
		a, b, _ := strings.Cut(parts[2], "/")
		ra, ok1 := kind(a)
		rb, ok2 := kind(b)
		metric := map[string]func(*Result) float64{
			"setup":  func(res *Result) float64 { return float64(res.Setup.Median) },
			"churn1": func(res *Result) float64 { return res.churnAt(1).Rate },
			"churn8": func(res *Result) float64 { return res.churnAt(8).Rate },
		}[parts[1]]
		if !ok1 || !ok2 || metric == nil {
			return "", bad
		}
		return ratioText(metric(ra), metric(rb)), nil
	case len(parts) == 2:
		res, ok := kind(parts[1])
		if !ok {
			return "", bad
		}
		switch parts[0] {
		case "setup":
			return millis(res.Setup.Median), nil
		case "setup-p99":
			return millis(res.Setup.P99), nil
		case "churn1", "churn8":
			return rate(res.churnAt(int(parts[0][5] - '0')).Rate), nil
		case "cpu1":
			return micros(res.churnAt(1).CPU), nil
		case "switches1":
			return switchesText(res.churnAt(1).Switches), nil
		case "memory":
			if res.Memory.Clients == 0 {
				return "–", nil
			}
			return fmt.Sprintf("%.0f KiB", res.Memory.PerClient/1024), nil
		case "speedup":
			return speedupOnly(res.CPU), nil
		case "demand":
			return demandOnly(res.CPU), nil
		case "speedup-gomaxprocs1":
			return speedupOnly(res.CPUMaxProcs1), nil
		}
	}
	return "", bad
}

// ratioText writes a over b, "–" when either is missing.
func ratioText(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "–"
	}
	if a/b >= 10 {
		return fmt.Sprintf("%.0f", a/b)
	}
	return fmt.Sprintf("%.2f", a/b)
}

// speedupOnly writes a speedup alone.
func speedupOnly(s Speedup) string {
	if s.Speedup <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2fx", s.Speedup)
}

// demandOnly writes the CPUs asked for alone.
func demandOnly(s Speedup) string {
	if s.Demand <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f", s.Demand)
}

// Missing lists the inline figures of the files below root that r did not
// measure (they would read "–"). The blocks show what is missing in their
// notes.
func (r *Report) Missing(root string) ([]string, error) {
	files, err := FigureFiles(root)
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range inlineRE.FindAllStringSubmatch(string(data), -1) {
			if v, err := r.figure(m[1]); err != nil || v == "–" {
				missing = append(missing, filepath.Base(f)+": "+m[1])
			}
		}
	}
	return missing, nil
}
