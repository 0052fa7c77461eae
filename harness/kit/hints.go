package kit

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/threadproc/threadproc/harness/say"
)

// HintsFile is the name of an exercise's hints in lang: HINTS.md, or
// HINTS.ko.md.
func HintsFile(lang say.Lang) string {
	if lang == say.En {
		return "HINTS.md"
	}
	return "HINTS." + string(lang) + ".md"
}

// HintSection is one task's section of a hints file:
//
//	## 2
//
//	**Echo and `exit`** (`session.go`, `TODO(2)`)
//
//	**Hint 2.1.** a nudge ...
//
//	**Hint 2.2.** more concrete ...
//
//	**The common mistakes**
//
//	- ...
//
// In Korean the labels read "**힌트 2.1.**" and "**자주 하는 실수**": a
// hint is any paragraph that starts with a bold label ending in "N.M.".
type HintSection struct {
	// Task is the section's task number ("## 2").
	Task int
	// Title is the section's bold first line, as written.
	Title string
	// Hints are the hints in order, each with its label, from the nudge to
	// the concrete pointer.
	Hints []string
	// Mistakes is the closing part (its bold heading included), or "".
	Mistakes string
}

// Levels is how many times `make hint` can show something new for the
// task: each hint, then the common mistakes.
func (h HintSection) Levels() int {
	if h.Mistakes != "" {
		return len(h.Hints) + 1
	}
	return len(h.Hints)
}

// Level returns what `make hint` shows the i-th time (from 1).
func (h HintSection) Level(i int) string {
	if i <= len(h.Hints) {
		return h.Hints[i-1]
	}
	return h.Mistakes
}

var (
	sectionRE  = regexp.MustCompile(`^## (\d+)\b`)
	hintRE     = regexp.MustCompile(`^\*\*[^*]*\d+\.\d+\.\*\*`)
	boldLineRE = regexp.MustCompile(`^\*\*[^*]+\*\*\s*$`)
)

// ParseHints reads a hints file's sections, in order.
func ParseHints(text string) []HintSection {
	var out []HintSection
	var cur *HintSection
	var para []string
	var inMistakes bool
	flush := func() {
		if cur == nil || len(para) == 0 {
			para = nil
			return
		}
		p := strings.TrimSpace(strings.Join(para, "\n"))
		para = nil
		switch {
		case inMistakes:
			cur.Mistakes = strings.TrimSpace(cur.Mistakes + "\n\n" + p)
		case hintRE.MatchString(p):
			cur.Hints = append(cur.Hints, p)
		case len(cur.Hints) > 0: // a hint's second paragraph
			cur.Hints[len(cur.Hints)-1] += "\n\n" + p
		case cur.Title == "":
			cur.Title = p
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if m := sectionRE.FindStringSubmatch(line); m != nil {
			flush()
			n, _ := strconv.Atoi(m[1])
			out = append(out, HintSection{Task: n})
			cur, inMistakes = &out[len(out)-1], false
			continue
		}
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "## ") {
			flush()
			cur = nil
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		if cur != nil && len(para) == 0 && len(cur.Hints) > 0 && boldLineRE.MatchString(line) {
			inMistakes = true
		}
		para = append(para, line)
	}
	flush()
	return out
}

// LoadHints reads ex's hints in lang (English when that language has no
// hints file) and returns the path it read.
func LoadHints(ex Exercise, lang say.Lang) ([]HintSection, string, error) {
	path := filepath.Join(ex.Dir(), HintsFile(lang))
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) && lang != say.En {
		return LoadHints(ex, say.En)
	}
	if err != nil {
		return nil, path, err
	}
	return ParseHints(string(b)), path, nil
}

// HintFor returns the section of task n.
func HintFor(sections []HintSection, n int) (HintSection, error) {
	for _, s := range sections {
		if s.Task == n {
			return s, nil
		}
	}
	return HintSection{}, fmt.Errorf("no section \"## %d\"", n)
}
