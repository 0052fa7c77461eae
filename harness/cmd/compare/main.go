// Command compare measures four ways for a TCP server to serve many clients
// (a goroutine per connection, a process per connection, a goroutine pool, a
// prefork process pool) side by side on this machine, over loopback, and
// writes the results as a table (stdout, and OUT/compare.md) and a chart
// (OUT/compare.svg). It takes under two minutes and leaves nothing running.
//
//	make compare                      # or: go run ./harness/cmd/compare
//	go run ./harness/cmd/compare -out /tmp/results
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
	"syscall"

	"github.com/threadproc/threadproc/harness/compare"
)

func main() {
	// First thing: a copy of this program started as a reference server or
	// as one of its workers takes that role here, and exits.
	compare.WorkerMain()

	out := flag.String("out", ".reports", "folder for compare.svg and compare.md")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintf(os.Stderr, "comparing %d servers on this machine (at most %v)...\n", len(compare.Kinds), compare.Budget)
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
}

// fail reports err and exits.
func fail(err error) {
	fmt.Fprintln(os.Stderr, "compare:", err)
	os.Exit(1)
}
