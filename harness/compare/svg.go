package compare

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// Geometry of the chart, in pixels.
const (
	chartWidth = 960
	labelWidth = 300 // room for a server's name left of its bars
	valueRoom  = 170 // room right of the longest bar for its value
	barHeight  = 13
	rowGap     = 12
	panelHead  = 52 // title and legend
	panelGap   = 26
	margin     = 20
)

// series is one kind of bar in a panel.
type series struct {
	name, color string
}

// row is one server's bars in a panel.
type row struct {
	label  string
	values []float64 // one per series; 0 or less draws no bar
	texts  []string  // what to write after each bar
}

// panel is one horizontal bar chart.
type panel struct {
	title  string
	series []series
	rows   []row
	marks  []float64 // values to draw a dashed line at, such as 1x and 2x
	unit   string    // written after a mark's value
	flags  bool      // values are yes (1) or no (0), drawn as boxes
}

// height is the panel's height in pixels.
func (p panel) height() int {
	per := barHeight*len(p.series) + rowGap
	if p.flags {
		per = 2*barHeight + rowGap
	}
	return panelHead + len(p.rows)*per
}

// WriteSVG draws the report as an SVG chart: one panel per measurement.
func (r *Report) WriteSVG(w io.Writer) error {
	panels := r.panels()
	h := margin + 55
	for _, p := range panels {
		h += p.height() + panelGap
	}
	h += 20
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" `+
		`font-family="Helvetica, Arial, sans-serif" font-size="12">`+"\n", chartWidth, h, chartWidth, h)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", chartWidth, h)
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="18" font-weight="bold">%s</text>`+"\n", margin, margin+16,
		esc("threadproc: which server fits which job?"))
	for i, line := range r.machine() {
		fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#555">%s</text>`+"\n", margin, margin+34+15*i, esc(line))
	}
	y := margin + 55
	for _, p := range panels {
		y += drawPanel(&b, p, y) + panelGap
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// machine describes where and when the report was measured, in two lines.
func (r *Report) machine() []string {
	return []string{
		fmt.Sprintf("Measured %s on %s/%s, %d CPUs, %s; host parallelism during the run %.2f (2 = two idle CPUs); "+
			"took %v.", r.Date.Format("2006-01-02"), r.OS, r.Arch, r.CPUs, r.GoVersion, r.Host, r.Took.Round(time.Second)),
		fmt.Sprintf("Loopback TCP; every server in a child process of its own, measured from outside; pools of %d "+
			"(prefork workers woken one at a time: %s).", PoolSize, PoolCure.Title()),
	}
}

// panels builds the chart's panels from the report.
func (r *Report) panels() []panel {
	setup := panel{title: "Connection setup: connect → echo → exit, one client after another (ms, shorter is better)",
		series: []series{{"median", "#1f77b4"}, {"p99", "#aec7e8"}}}
	trips := panel{title: "Echo round trips per second, N clients at once (longer is better)"}
	colors := []string{"#c6dbef", "#6baed6", "#2171b5", "#08306b"}
	for i, n := range ClientCounts {
		trips.series = append(trips.series, series{clientsText(n), colors[i%len(colors)]})
	}
	memory := panel{title: fmt.Sprintf("Memory per connected client, %d clients (KiB of %s, shorter is better)",
		memoryClients, r.MemoryKind), series: []series{{"per client", "#2ca02c"}}}
	cpu := panel{title: r.cpuTitle(), marks: []float64{1, 2}, unit: r.cpuUnit(),
		series: []series{{"Go default", "#ff7f0e"}, {"GOMAXPROCS=1 (a GIL)", "#ffbb78"}}}
	crash := panel{title: "Does one client's crashing handler take the other clients down?", flags: true,
		series: []series{{"measured", "#d62728"}}}
	for _, res := range r.Results {
		name := res.Kind.Title()
		setup.rows = append(setup.rows, row{label: name,
			values: []float64{ms(res.Setup.Median), ms(res.Setup.P99)},
			texts:  []string{millis(res.Setup.Median), "p99 " + millis(res.Setup.P99)}})
		tr := row{label: name}
		for _, n := range ClientCounts {
			tr.values = append(tr.values, res.RoundTrips[n])
			tr.texts = append(tr.texts, rate(res.RoundTrips[n])+"/s")
		}
		trips.rows = append(trips.rows, tr)
		memory.rows = append(memory.rows, row{label: name, values: []float64{res.Memory.PerClient / 1024},
			texts: []string{perClient(English, res.Memory)}})
		cpu.rows = append(cpu.rows, row{label: name, values: []float64{r.cpuFigure(res.CPU), r.cpuFigure(res.CPUMaxProcs1)},
			texts: []string{speedup(English, res.CPU), speedup(English, res.CPUMaxProcs1)}})
		flag := 0.0
		if res.Crash.TakesOthersDown {
			flag = 1
		}
		crash.rows = append(crash.rows, row{label: name, values: []float64{flag},
			texts: []string{"after client 1's crash: " + res.Crash.Detail}})
	}
	return []panel{setup, r.churnPanel(), trips, r.herdPanel(), memory, cpu, crash}
}

// churnPanel draws the visits per second of clients that come and go.
func (r *Report) churnPanel() panel {
	p := panel{title: "Churn: clients that connect, echo once and leave, again and again (visits/s, longer is better)"}
	colors := []string{"#9ecae1", "#08519c"}
	for i, n := range ChurnClients {
		p.series = append(p.series, series{clientsText(n) + " at a time", colors[i%len(colors)]})
	}
	for _, res := range r.Results {
		rw := row{label: res.Kind.Title()}
		for _, n := range ChurnClients {
			c := res.churnAt(n)
			rw.values = append(rw.values, c.Rate)
			text := rate(c.Rate) + "/s"
			if c.CPU > 0 {
				text += ", CPU " + micros(c.CPU)
			}
			rw.texts = append(rw.texts, text)
		}
		p.rows = append(p.rows, rw)
	}
	return p
}

// herdPanel draws the herd sweep: visits per second, one client at a time,
// of prefork pools of K workers, by the way their workers wait.
func (r *Report) herdPanel() panel {
	p := panel{title: "The thundering herd: a prefork pool of K workers, 1 client at a time (visits/s, longer is better)"}
	colors := []string{"#fdd0a2", "#fd8d3c", "#a63603"}
	for i, k := range HerdKs {
		p.series = append(p.series, series{fmt.Sprintf("K = %d", k), colors[i%len(colors)]})
	}
	for _, cure := range Cures {
		rw := row{label: cureLabel(cure)}
		for _, k := range HerdKs {
			pt, _ := r.HerdAt(cure, k)
			rw.values = append(rw.values, pt.Churn.Rate)
			text := rate(pt.Churn.Rate) + "/s"
			if pt.Churn.Switches > 0 {
				text += fmt.Sprintf(", %.1f switches", pt.Churn.Switches)
			}
			rw.texts = append(rw.texts, text)
		}
		p.rows = append(p.rows, rw)
	}
	return p
}

// cureLabel is a cure's short name, for the chart's labels.
func cureLabel(c Cure) string {
	switch c {
	case Herd:
		return "Accept (herd)"
	case AcceptLock:
		return "accept lock (flock)"
	case ReusePort:
		return "SO_REUSEPORT"
	case WakeOne:
		return "EPOLLEXCLUSIVE"
	}
	return string(c)
}

// demandKnown reports whether every CPU measurement knows the CPUs asked for.
func (r *Report) demandKnown() bool {
	for _, res := range r.Results {
		if res.CPU.Demand <= 0 || res.CPUMaxProcs1.Demand <= 0 {
			return false
		}
	}
	return len(r.Results) > 0
}

// cpuTitle names what the CPU panel draws: the CPUs asked for where known
// (they do not depend on what else runs on the machine), else the speedup.
func (r *Report) cpuTitle() string {
	if r.demandKnown() {
		return "2 CPU jobs at once: CPUs the server asked for (2 = in parallel, 1 = in turn; text: speedup)"
	}
	return "2 CPU jobs at once: speedup over one after the other (x, 2 = both CPUs)"
}

// cpuUnit is the unit of the CPU panel's marks.
func (r *Report) cpuUnit() string {
	if r.demandKnown() {
		return " CPU"
	}
	return "x"
}

// cpuFigure is the value the CPU panel draws for s.
func (r *Report) cpuFigure(s Speedup) float64 {
	if r.demandKnown() {
		return s.Demand
	}
	return s.Speedup
}

// ms converts a duration to milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// drawPanel draws p with its top at y, and returns its height.
func drawPanel(b *strings.Builder, p panel, y int) int {
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="14" font-weight="bold">%s</text>`+"\n", margin, y+18, esc(p.title))
	if !p.flags {
		x := margin
		for _, s := range p.series {
			fmt.Fprintf(b, `<rect x="%d" y="%d" width="12" height="12" fill="%s"/>`, x, y+28, s.color)
			fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n", x+16, y+38, esc(s.name))
			x += 30 + 7*len(s.name)
		}
	}
	top := y + panelHead
	width := float64(chartWidth - labelWidth - valueRoom - margin)
	scale := width / p.axisMax()
	for i, r := range p.rows {
		ry := top + i*(p.height()-panelHead)/max(1, len(p.rows))
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", labelWidth-8, ry+barHeight, esc(r.label))
		if p.flags {
			color, word := "#2ca02c", "no"
			if r.values[0] > 0 {
				color, word = "#d62728", "yes"
			}
			fmt.Fprintf(b, `<rect x="%d" y="%d" width="46" height="%d" rx="4" fill="%s"/>`, labelWidth, ry, 2*barHeight-4, color)
			fmt.Fprintf(b, `<text x="%d" y="%d" fill="white" font-weight="bold" text-anchor="middle">%s</text>`,
				labelWidth+23, ry+barHeight+2, word)
			fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n", labelWidth+56, ry+barHeight+2, esc(r.texts[0]))
			continue
		}
		for j, v := range r.values {
			by := ry + j*barHeight
			bw := 0.0
			if v > 0 {
				bw = math.Max(1, v*scale)
				fmt.Fprintf(b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`, labelWidth, by, bw, barHeight-2,
					p.series[j].color)
			}
			fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="10" fill="#333">%s</text>`+"\n", float64(labelWidth)+bw+4,
				by+barHeight-3, esc(r.texts[j]))
		}
	}
	for _, m := range p.marks {
		x := float64(labelWidth) + m*scale
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#888" stroke-dasharray="4 3"/>`, x, top-4, x,
			top+p.height()-panelHead-rowGap+4)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" font-size="10" fill="#555" text-anchor="middle">%s</text>`+"\n", x, top-6,
			esc(fmt.Sprintf("%g%s", m, p.unit)))
	}
	return p.height()
}

// axisMax is the value the full bar width stands for.
func (p panel) axisMax() float64 {
	top := 0.0
	for _, r := range p.rows {
		for _, v := range r.values {
			top = math.Max(top, v)
		}
	}
	for _, m := range p.marks {
		top = math.Max(top, m*1.1)
	}
	if top <= 0 {
		return 1
	}
	return top
}

// esc escapes text for XML.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
