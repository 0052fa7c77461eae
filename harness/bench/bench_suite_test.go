package bench_test

import (
	"flag"
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

func TestBench(t *testing.T) {
	// The specs run benchmark functions with testing.Benchmark: a fixed
	// b.N keeps them short (one call with N = 1, then one with N = 20).
	if err := flag.Set("test.benchtime", "20x"); err != nil {
		t.Fatal(err)
	}
	RegisterFailHandler(Fail)
	RunSpecs(t, "harness/bench")
}
