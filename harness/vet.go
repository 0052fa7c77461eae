package harness

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/onsi/ginkgo/v2"
)

// vetLineRE finds a finding of go vet: "./stats.go:12:3: message".
var vetLineRE = regexp.MustCompile(`(?m)^(?:vet: )?\.?/?([^\s:]+\.go):(\d+)(?::\d+)?: (.+)$`)

// ExpectVetClean runs `go vet` on the package whose suite runs (a test
// binary runs in its package's folder), as the code stands, and fails the
// spec with vet's findings, each with the task whose file it is in. go vet
// finds mistakes no run shows every time, such as wg.Add inside the
// goroutine it counts (the waitgroup check) or a lock copied by value.
// Run by the kit, the learner's files come in through the same overlay
// (GOFLAGS) as the build's.
func ExpectVetClean() {
	ginkgo.GinkgoHelper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out, err := exec.Command(goTool, "vet", ".").CombinedOutput()
	if err == nil {
		return
	}
	if _, ok := err.(*exec.ExitError); !ok {
		ginkgo.Skip("not judged here: go vet could not run: " + err.Error())
	}
	var b strings.Builder
	b.WriteString("go vet found problems in your code:\n")
	for _, m := range vetLineRE.FindAllStringSubmatch(string(out), -1) {
		fmt.Fprintf(&b, "    %s:%s: %s", m[1], m[2], m[3])
		if tasks := thisManifest().TasksOf(filepath.Base(m[1])); len(tasks) > 0 {
			fmt.Fprintf(&b, "  (task %s)", joinInts(tasks))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n  go vet's own words:\n" + excerpt(string(out), 20) +
		"\n\n  hint: run `go vet ./exercises/...` yourself; each finding names a file and a line.")
	ginkgo.Fail(b.String())
}
