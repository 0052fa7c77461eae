package grading

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/onsi/ginkgo/v2/reporters"
	"github.com/onsi/ginkgo/v2/types"

	"github.com/threadproc/threadproc/harness/kit"
)

// ginkgoReport is one suite run's report, as ginkgo writes it in JSON.
type ginkgoReport = types.Report

// readGinkgoReport reads a ginkgo JSON report.
func readGinkgoReport(path string) ([]ginkgoReport, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var reports []ginkgoReport
	return reports, json.Unmarshal(b, &reports)
}

// isTiming reports whether labels hold the timing label.
func isTiming(labels []string) bool { return slices.Contains(labels, TimingLabel) }

// hasTimingSpecs reports whether a run's report lists timing specs (which
// its label filter left out).
func hasTimingSpecs(res kit.Result) bool {
	return slices.ContainsFunc(res.Specs, func(s kit.Spec) bool { return isTiming(s.Labels) })
}

// mergeTiming joins the run of a suite's other specs with the run of its
// timing specs: each spec's result comes from the run that ran it.
func mergeTiming(first, timing kit.Result) kit.Result {
	merged := kit.Result{Log: first.Log, Seconds: first.Seconds + timing.Seconds}
	for _, s := range first.Specs {
		if !isTiming(s.Labels) {
			merged.Specs = append(merged.Specs, s)
		}
	}
	for _, s := range timing.Specs {
		if isTiming(s.Labels) {
			merged.Specs = append(merged.Specs, s)
		}
	}
	var problems []string
	for _, p := range []string{first.Problem, timing.Problem} {
		if p != "" {
			problems = append(problems, p)
		}
	}
	merged.Problem = strings.Join(problems, "\n")
	return merged
}

// mergeReports does for ginkgo's reports what mergeTiming does for results,
// so that one JUnit file covers both runs.
func mergeReports(first, timing []ginkgoReport) []ginkgoReport {
	if len(first) == 0 || len(timing) == 0 {
		return append(first, timing...)
	}
	r := first[0]
	t := timing[0]
	var specs types.SpecReports
	for _, sr := range r.SpecReports {
		if sr.LeafNodeType != types.NodeTypeIt || !isTiming(sr.Labels()) {
			specs = append(specs, sr)
		}
	}
	for _, sr := range t.SpecReports {
		if sr.LeafNodeType == types.NodeTypeIt && isTiming(sr.Labels()) {
			specs = append(specs, sr)
		}
	}
	r.SpecReports = specs
	r.SuiteSucceeded = r.SuiteSucceeded && t.SuiteSucceeded
	r.SpecialSuiteFailureReasons = append(r.SpecialSuiteFailureReasons, t.SpecialSuiteFailureReasons...)
	r.RunTime += t.RunTime
	r.EndTime = t.EndTime
	return []ginkgoReport{r}
}

// writeJUnit writes the report as JUnit XML with ginkgo's own generator,
// then adds the provenance to each test suite's properties.
func writeJUnit(reports []ginkgoReport, p Provenance, path string) error {
	if len(reports) == 0 {
		return errors.New("the suite wrote no report")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := reporters.GenerateJUnitReport(reports[0], path); err != nil {
		return err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var suites reporters.JUnitTestSuites
	if err := xml.Unmarshal(b, &suites); err != nil {
		return err
	}
	for i := range suites.TestSuites {
		props := &suites.TestSuites[i].Properties.Properties
		for _, kv := range [][2]string{{"threadproc.kit_commit", p.KitCommit}, {"threadproc.go_version", p.GoVersion},
			{"threadproc.platform", p.OS + "/" + p.Arch}, {"threadproc.cpus", strconv.Itoa(p.CPUs)},
			{"threadproc.ginkgo_seed", strconv.FormatInt(p.GinkgoSeed, 10)}} {
			*props = append(*props, reporters.JUnitProperty{Name: kv[0], Value: kv[1]})
		}
	}
	out, err := xml.MarshalIndent(suites, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append([]byte(xml.Header), out...), 0o644)
}
