package kit

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Documents are the learner-facing texts of an exercise that the kit checks
// against its specs and against each other.
var documents = []string{"README.md", "README.ko.md", "HINTS.md", "HINTS.ko.md"}

// quotedSpecRE finds a spec quoted in prose: **"text"**, the way the READMEs
// and HINTS name the specs that check a task. A leading "..." stands for the
// start of the spec's text.
var quotedSpecRE = regexp.MustCompile(`\*\*"([^"*]+)"\*\*`)

// CheckQuotedSpecs records whether every spec that ex's READMEs and HINTS
// quote (**"text"**) exists: some spec's full text, of those in res (a run of
// the whole suite), contains it. A renamed or removed spec then cannot leave
// prose pointing at nothing.
func CheckQuotedSpecs(ex Exercise, res Result, t *Tally) {
	if len(res.Specs) == 0 {
		return // the run's own check reports it
	}
	for _, name := range documents {
		b, err := os.ReadFile(filepath.Join(ex.Dir(), name))
		if err != nil {
			continue // CheckLayout reports it
		}
		for _, m := range quotedSpecRE.FindAllStringSubmatch(string(b), -1) {
			quoted := strings.Join(strings.Fields(strings.TrimPrefix(m[1], "...")), " ") // prose wraps lines
			found := slices.ContainsFunc(res.Specs, func(s Spec) bool { return strings.Contains(s.Text, quoted) })
			t.Check(found, "%s: %s quotes the spec **%q**, but no spec's text contains it", ex.Name, name, quoted)
		}
	}
}

// Headings and task lines the two READMEs must have alike.
var (
	headingRE = regexp.MustCompile(`(?m)^## `)
	taskRE    = map[string]*regexp.Regexp{
		"README.md":    regexp.MustCompile(`(?m)^\*\*Task (\d+)(?::|,| \()`),
		"README.ko.md": regexp.MustCompile(`(?m)^\*\*과제 (\d+)(?::|,| \()`),
	}
)

// CheckReadmes records whether README.md and README.ko.md have the same
// number of sections and the same numbered tasks, and whether those are the
// tasks of the exercise's manifest: a section or a task added to one
// language only shows up here.
func CheckReadmes(ex Exercise, t *Tally) {
	m, err := LoadManifest(ex)
	if err != nil {
		t.Check(false, "%s: %s cannot be read: %v", ex.Name, ManifestFile, err)
		return
	}
	var want []int
	for _, task := range m.Tasks {
		want = append(want, task.Number)
	}
	sections := map[string]int{}
	for _, name := range []string{"README.md", "README.ko.md"} {
		b, err := os.ReadFile(filepath.Join(ex.Dir(), name))
		if err != nil {
			continue // CheckLayout reports it
		}
		sections[name] = len(headingRE.FindAll(b, -1))
		var tasks []int
		for _, mm := range taskRE[name].FindAllSubmatch(b, -1) {
			n, _ := strconv.Atoi(string(mm[1]))
			tasks = append(tasks, n)
		}
		t.Check(slices.Equal(tasks, want), "%s: %s lists tasks %v, but %s has tasks %v", ex.Name, name, tasks,
			ManifestFile, want)
	}
	if len(sections) == 2 {
		t.Check(sections["README.md"] == sections["README.ko.md"], "%s: README.md has %d sections (## headings), "+
			"README.ko.md has %d: the two languages must say the same things", ex.Name, sections["README.md"],
			sections["README.ko.md"])
	}
}
