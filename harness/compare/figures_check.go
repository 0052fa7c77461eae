package compare

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// notMeasured, on the line above a table, says that its numbers are not
// measurements (limits of the specs, for instance), so CheckFigures lets
// them be.
const notMeasured = "<!-- not measured -->"

// measuredRE finds a number that looks measured: with a unit of time, of
// memory, a speedup, or a rate.
var measuredRE = regexp.MustCompile(`\d[\d,]*(\.\d+)?\s?(µs|ms|s|MiB|KiB|MB|KB|GB|x)\b|\d[\d,]*(\.\d+)?( [a-z]+)?/s\b`)

// CheckedFiles are the Markdown files, below the kit's root, whose figures
// all come from the comparison. (Exercises 01, 02 and 04 still quote
// benchmarks by hand: add them here once theirs are generated too.)
var CheckedFiles = []string{"README.md", "exercises/03-*/README*.md", "exercises/05-*/README*.md",
	"exercises/06-*/README*.md", "docs/*.md"}

// CheckFigures checks the Markdown files of CheckedFiles below root: their
// generated blocks and figures pair up and have known names, and no table
// row outside a generated block quotes a measured number (unless the table
// is marked not measured). It returns one line per problem.
func CheckFigures(root string) ([]string, error) {
	var files []string
	for _, pattern := range CheckedFiles {
		matches, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			return nil, err
		}
		files = append(files, matches...)
	}
	var problems []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(root, f)
		for _, p := range checkFigureText(string(data)) {
			problems = append(problems, rel+": "+p)
		}
	}
	return problems, nil
}

// checkFigureText is CheckFigures for one file's text.
func checkFigureText(text string) []string {
	if err := checkMarkers(text); err != nil {
		return []string{err.Error()}
	}
	var problems []string
	empty := &Report{}
	for _, m := range blockRE.FindAllStringSubmatch(text, -1) {
		if _, err := empty.block(m[1], English); err != nil {
			problems = append(problems, err.Error())
		}
	}
	for _, m := range inlineRE.FindAllStringSubmatch(text, -1) {
		if _, err := empty.figure(m[1]); err != nil {
			problems = append(problems, err.Error())
		}
	}
	outside := blockRE.ReplaceAllStringFunc(text, func(m string) string {
		return strings.Repeat("\n", strings.Count(m, "\n")) // keep the line numbers
	})
	lines := strings.Split(outside, "\n")
	exempt := false
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if !strings.HasPrefix(trimmed, "|") {
			exempt = trimmed == notMeasured
			continue
		}
		if exempt {
			continue
		}
		if m := measuredRE.FindString(inlineRE.ReplaceAllString(trimmed, "")); m != "" {
			problems = append(problems, fmt.Sprintf("line %d: the table quotes %q outside a generated block: "+
				"write it with the comparison (a <!-- figures:NAME --> block or a <!-- fig:NAME --> figure), or, "+
				"if the table's numbers are not measurements, put %s on the line above it", i+1, m, notMeasured))
		}
	}
	return problems
}
