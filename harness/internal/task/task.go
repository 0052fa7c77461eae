// Package task reads the two ways the kit ties a failure to an exercise's
// numbered task: a spec's "task-N" label, and the "not implemented (TODO N)"
// error of a function the learner has not written yet.
package task

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Label returns the label of task n, "task-N".
func Label(n int) string { return fmt.Sprintf("task-%d", n) }

// OfLabels returns the task number of the first "task-N" label, or 0.
func OfLabels(labels []string) int {
	for _, l := range labels {
		if n, ok := strings.CutPrefix(l, "task-"); ok {
			if v, err := strconv.Atoi(n); err == nil && v > 0 {
				return v
			}
		}
	}
	return 0
}

// todoRE finds the "not implemented (TODO n)" that an unwritten function
// returns, as servers print it and failure messages quote it.
var todoRE = regexp.MustCompile(`not implemented \(TODO (\d+)\)`)

// TODOs returns the task numbers of every "not implemented (TODO N)" in s,
// in order.
func TODOs(s string) []int {
	var ns []int
	for _, m := range todoRE.FindAllStringSubmatch(s, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil {
			ns = append(ns, n)
		}
	}
	return ns
}
