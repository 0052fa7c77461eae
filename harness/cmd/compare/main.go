// Command compare measures four ways for a TCP server to serve many clients
// (a goroutine per connection, a process per connection, a goroutine pool, a
// prefork process pool) side by side on this machine, over loopback, with
// the two textbook Python servers of the learner's notes when python3 is on
// the PATH and a sweep of the prefork pool's size and the ways its workers
// wait (the thundering herd); and writes the results as a table (stdout,
// and OUT/compare.md) and a chart (OUT/compare.svg). It takes a few minutes
// and leaves nothing running.
//
//	make compare                      # or: go run ./harness/cmd/compare
//	go run ./harness/cmd/compare -out /tmp/results
//	make compare README=1             # also rewrite the figures of the READMEs (-readme .)
//
// With -readme ROOT it also rewrites every figure the READMEs below ROOT
// quote between <!-- figures:NAME --> markers (see package compare), but
// only from a complete run of a static build (CGO_ENABLED=0, as make compare
// builds), unless -force.
//
// See package compare for what is measured, and exercise 06's README for what
// it means.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/threadproc/threadproc/harness/compare"
)

func main() {
	// First thing: a copy of this program started as a reference server or
	// as one of its workers takes that role here, and exits.
	compare.WorkerMain()

	out := flag.String("out", ".reports", "folder for compare.svg and compare.md")
	readme := flag.String("readme", "", "also rewrite the figures of the READMEs below this folder (the kit's root)")
	force := flag.Bool("force", false, "with -readme: write the figures even from an incomplete run or a cgo build")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintf(os.Stderr, "comparing %d servers (and the Python ones, with python3) on this machine (at most %v)...\n",
		len(compare.Kinds), compare.Budget)
	report, err := compare.Run(ctx, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		if report == nil {
			os.Exit(1)
		}
	}
	var table, chart bytes.Buffer
	if err := report.WriteTable(&table); err != nil {
		fail(err)
	}
	if err := report.WriteSVG(&chart); err != nil {
		fail(err)
	}
	fmt.Print("\n" + table.String())
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	for name, data := range map[string][]byte{"compare.md": table.Bytes(), "compare.svg": chart.Bytes()} {
		path := filepath.Join(*out, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			fail(err)
		}
		fmt.Fprintln(os.Stderr, "wrote", path)
	}
	if err != nil {
		os.Exit(1)
	}
	if *readme != "" {
		writeFigures(report, *readme, *force)
	}
}

// writeFigures rewrites the READMEs' figures from report, unless the run
// cannot stand for the kit's published figures.
func writeFigures(report *compare.Report, root string, force bool) {
	var why []string
	if cgo() {
		why = append(why, "this program was built with cgo: build it with CGO_ENABLED=0, as make compare does")
	}
	if report.PythonMissing != "" {
		why = append(why, "the Python servers were not measured")
	}
	if missing, err := report.Missing(root); err != nil {
		fail(err)
	} else if len(missing) > 0 {
		why = append(why, fmt.Sprintf("%d figures were not measured (%s)", len(missing), strings.Join(missing, ", ")))
	}
	if len(why) > 0 && !force {
		fail(fmt.Errorf("the READMEs were left as they were: %s (-force writes them anyway)", strings.Join(why, "; ")))
	}
	changed, err := report.WriteFigures(root)
	for _, f := range changed {
		fmt.Fprintln(os.Stderr, "wrote the figures of", f)
	}
	if err != nil {
		fail(err)
	}
}

// cgo reports whether this program was built with cgo.
func cgo() bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range info.Settings {
		if s.Key == "CGO_ENABLED" {
			return s.Value == "1"
		}
	}
	return false
}

// fail reports err and exits.
func fail(err error) {
	fmt.Fprintln(os.Stderr, "compare:", err)
	os.Exit(1)
}
