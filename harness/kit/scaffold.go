package kit

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Scaffold creates a new exercise called name (such as "07-something") and
// its solution folder, from templates: both READMEs, both hint files, a
// skeleton with a TODO(1) marker, a suite with one spec, the runnable
// server, and a solution that is still the skeleton, so that `make verify`
// at once reports the skeleton failing and the solution not passing yet.
func Scaffold(root, name string) error {
	if !exerciseRE.MatchString(name) {
		return fmt.Errorf("%q is not an exercise name like 07-something (two digits, a dash, lower case)", name)
	}
	ex := Exercise{Name: name, Root: root}
	if _, err := os.Stat(ex.Dir()); err == nil {
		return fmt.Errorf("%s exists already", ex.Dir())
	}
	pkg := PackageName(name)
	files := map[string]string{
		filepath.Join(ex.Dir(), "README.md"):                     readmeTemplate,
		filepath.Join(ex.Dir(), "README.ko.md"):                  readmeKoTemplate,
		filepath.Join(ex.Dir(), "HINTS.md"):                      hintsTemplate,
		filepath.Join(ex.Dir(), "HINTS.ko.md"):                   hintsKoTemplate,
		filepath.Join(ex.Dir(), "todo.go"):                       todoTemplate,
		filepath.Join(ex.Dir(), "server.go"):                     serverTemplate,
		filepath.Join(ex.Dir(), pkg+"_suite_test.go"):            suiteTemplate,
		filepath.Join(ex.Dir(), "server_test.go"):                specTemplate,
		filepath.Join(ex.Dir(), "cmd", pkg+"-server", "main.go"): mainTemplate,
		filepath.Join(ex.SolutionDir(), "server.go"):             serverTemplate,
		filepath.Join(ex.GalleryDir(), "README.md"):              galleryTemplate,
	}
	r := strings.NewReplacer("{{NAME}}", name, "{{PKG}}", pkg, "{{TITLE}}", strings.ToUpper(pkg[:1])+pkg[1:])
	for path, text := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(r.Replace(text)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// PackageName is the Go package name of an exercise folder: its name without
// the number, without dashes ("07-big-thing" → "bigthing").
func PackageName(exercise string) string {
	return strings.ReplaceAll(exercise[3:], "-", "")
}

const readmeTemplate = `# {{NAME}}

TODO(instructor): what the learner builds, and the idea it teaches.

## Tasks

1. Write ` + "`Serve`" + ` in server.go (TODO 1). Checked by the specs of "Serve".

## Run

    go tool ginkgo ./exercises/{{NAME}}
`

const readmeKoTemplate = `# {{NAME}}

TODO(instructor): 학습자가 만드는 것과 배우는 개념.

## 과제

1. server.go의 ` + "`Serve`" + `를 작성하세요 (TODO 1). "Serve" 스펙이 확인합니다.

## 실행

    go tool ginkgo ./exercises/{{NAME}}
`

const hintsTemplate = `# Hints for {{NAME}}

## 1

TODO(instructor): a first nudge, then a more concrete pointer.
`

const hintsKoTemplate = `# {{NAME}} 힌트

## 1

TODO(instructor): 처음에는 방향만, 그다음에 더 구체적인 단서를.
`

const todoTemplate = `package {{PKG}}

import "fmt"

// notImplemented is what an unwritten function returns: the specs then say
// which TODO to do next.
func notImplemented(task int) error {
	return fmt.Errorf("not implemented (TODO %d)", task)
}
`

const serverTemplate = `// Package {{PKG}} is exercise {{NAME}} of threadproc. See README.md.
package {{PKG}}

import "net"

// Serve serves clients on ln and returns nil once ln is closed.
func Serve(ln net.Listener) error {
	// TODO(1): accept clients and serve them.
	return notImplemented(1)
}
`

const suiteTemplate = `package {{PKG}}_test

import (
	"testing"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/exercises/{{NAME}}"
	"github.com/threadproc/threadproc/harness"
)

// TestMain lets the test binary also run your server in a child process.
func TestMain(m *testing.M) {
	harness.Main(m, harness.Program{
		Servers: map[string]harness.ServeFunc{"{{PKG}}": {{PKG}}.Serve},
	})
}

func Test{{TITLE}}(t *testing.T) {
	RegisterFailHandler(harness.FailWithTask)
	RunSpecs(t, "{{NAME}}")
}
`

const specTemplate = `package {{PKG}}_test

import (
	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

var _ = Describe("Serve", harness.Task(1), func() {
	When("a client sends a line", func() {
		It("echoes it", func() {
			c := harness.StartServer("{{PKG}}").Dial()
			c.SendLine("hello")
			c.ExpectLine("hello", "TODO(instructor): a hint for the common mistake.")
		})
	})
})
`

const mainTemplate = `// Command {{PKG}}-server runs exercise {{NAME}}'s server on 127.0.0.1:5000.
package main

import (
	"flag"
	"log"
	"net"

	"github.com/threadproc/threadproc/exercises/{{NAME}}"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", ln.Addr())
	if err := {{PKG}}.Serve(ln); err != nil {
		log.Fatal(err)
	}
}
`

const galleryTemplate = `# Gallery of {{NAME}}

Wrong implementations, one *.txt file each; make verify needs at least three.
The format is documented in harness/kit/gallery.go.
`
