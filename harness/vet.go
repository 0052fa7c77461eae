package harness

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness/internal/vetresult"
	"github.com/threadproc/threadproc/harness/internal/words"
)

// vetLineRE finds a finding of go vet: "./stats.go:12:3: message".
var vetLineRE = regexp.MustCompile(`(?m)^(?:vet: )?\.?/?([^\s:]+\.go):(\d+)(?::\d+)?: (.+)$`)

// runVet runs go vet on the package, or, when a grader ran it outside its
// sandbox (see package vetresult), reads what it found. err says why vet
// could not run at all.
func runVet() (out []byte, clean bool, err error) {
	if path := os.Getenv(vetresult.EnvVar); path != "" {
		code, out, err := vetresult.Read(path)
		return out, code == 0, err
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	out, err = exec.Command(goTool, "vet", ".").CombinedOutput()
	if err == nil {
		return out, true, nil
	}
	if _, ok := err.(*exec.ExitError); ok {
		return out, false, nil
	}
	return out, false, err
}

// ExpectVetClean runs `go vet` on the package whose suite runs (a test
// binary runs in its package's folder), as the code stands, and fails the
// spec with vet's findings, each with the task whose file it is in. go vet
// finds mistakes no run shows every time, such as wg.Add inside the
// goroutine it counts (the waitgroup check) or a lock copied by value.
// Run by the kit, the learner's files come in through the same overlay
// (GOFLAGS) as the build's.
func ExpectVetClean() {
	ginkgo.GinkgoHelper()
	out, clean, err := runVet()
	if err != nil {
		ginkgo.Skip(words.Say("unjudged", words.Say("vet.no-run", err.Error())))
	}
	if clean {
		return
	}
	var b strings.Builder
	b.WriteString(words.Say("vet.found") + "\n")
	for _, m := range vetLineRE.FindAllStringSubmatch(string(out), -1) {
		fmt.Fprintf(&b, "    %s:%s: %s", filepath.Base(m[1]), m[2], m[3])
		if tasks := thisManifest().TasksOf(filepath.Base(m[1])); len(tasks) > 0 {
			b.WriteString(words.Say("vet.task", joinInts(tasks)))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n" + words.Say("vet.words") + "\n" + excerpt(string(out), 20) +
		"\n\n  " + words.Say("frame.hint", words.Say("vet.hint")))
	ginkgo.Fail(b.String())
}
