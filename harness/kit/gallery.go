package kit

import (
	"bufio"
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// Entry is one wrong implementation in an exercise's gallery: an edit of the
// reference solution that must fail each spec it names, each with its phrase
// in the failure message.
//
// The file format, one entry a file (gallery/NAME.txt):
//
//	# a comment
//	about: what this implementation does wrong
//	fails: a substring of exactly one spec's full text
//	says: a substring that spec's failure message must contain (any case)
//	fails: another spec it must fail (optional, as many as needed)
//	says: what that one must say
//	file: server.go
//	- a line of server.go (white space around it is ignored)
//	+ the line that replaces it
//	file: other.go
//	with: whole_file.go
//
// A hunk is a run of "-" lines followed by "+" lines; the "-" lines must
// match exactly one run of consecutive lines. "with:" replaces the whole file
// with a file of the gallery folder instead. After the hunks, imports the
// edited file no longer uses are removed, so an entry needs no filler lines
// to keep them used (an import it needs anew, it adds with a hunk).
type Entry struct {
	// Name is the file name without ".txt".
	Name string
	// About says what the implementation does wrong.
	About string
	// Fails and Says are the first spec the entry must fail and its phrase
	// (the first of Catches).
	Fails, Says string
	// Catches are all the specs the entry must fail, each with the phrase
	// its failure message must contain.
	Catches []Catch
	// Edits are the changes to the solution's files.
	Edits []FileEdit
	dir   string
}

// Catch is one spec a gallery entry must fail, and why.
type Catch struct {
	// Fails is a substring of exactly one spec's full text.
	Fails string
	// Says must appear in that spec's failure message (any case).
	Says string
}

// FileEdit is the change an entry makes to one file.
type FileEdit struct {
	// File is the name of the file in the exercise folder.
	File string
	// With, if set, is a gallery file that replaces File whole.
	With string
	// Hunks are line replacements, applied in order.
	Hunks []Hunk
}

// Hunk replaces the lines Remove (matched with white space trimmed) with Add.
type Hunk struct {
	Remove, Add []string
}

// Gallery loads every entry of ex's gallery, sorted by name; no gallery
// folder means no entries.
func Gallery(ex Exercise) ([]Entry, error) {
	paths, err := filepath.Glob(filepath.Join(ex.GalleryDir(), "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var entries []Entry
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		e, err := ParseEntry(strings.TrimSuffix(filepath.Base(p), ".txt"), f)
		_ = f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		e.dir = ex.GalleryDir()
		entries = append(entries, e)
	}
	return entries, nil
}

// ParseEntry reads one gallery entry.
func ParseEntry(name string, r io.Reader) (Entry, error) {
	e := Entry{Name: name}
	var edit *FileEdit
	var hunk *Hunk
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, _ := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		switch {
		case strings.HasPrefix(line, "-") || strings.HasPrefix(line, "+"):
			if edit == nil || edit.With != "" {
				return e, fmt.Errorf("line %d: a hunk line must follow a file: line without with:", n)
			}
			text := strings.TrimPrefix(line[1:], " ")
			if line[0] == '-' {
				if hunk == nil || len(hunk.Add) > 0 {
					edit.Hunks = append(edit.Hunks, Hunk{})
					hunk = &edit.Hunks[len(edit.Hunks)-1]
				}
				hunk.Remove = append(hunk.Remove, text)
			} else {
				if hunk == nil {
					return e, fmt.Errorf("line %d: a hunk starts with the \"-\" lines it replaces", n)
				}
				hunk.Add = append(hunk.Add, text)
			}
		case key == "about":
			e.About = value
		case key == "fails":
			e.Catches = append(e.Catches, Catch{Fails: value})
		case key == "says":
			if len(e.Catches) == 0 || e.Catches[len(e.Catches)-1].Says != "" {
				return e, fmt.Errorf("line %d: a says: line follows the fails: line it belongs to", n)
			}
			e.Catches[len(e.Catches)-1].Says = value
		case key == "file":
			e.Edits = append(e.Edits, FileEdit{File: value})
			edit, hunk = &e.Edits[len(e.Edits)-1], nil
		case key == "with":
			if edit == nil || len(edit.Hunks) > 0 {
				return e, fmt.Errorf("line %d: with: must follow a file: line, instead of hunks", n)
			}
			edit.With = value
		default:
			return e, fmt.Errorf("line %d: unknown line %q", n, line)
		}
	}
	if err := sc.Err(); err != nil {
		return e, err
	}
	for _, c := range e.Catches {
		if c.Says == "" {
			return e, fmt.Errorf("fails: %q has no says: line", c.Fails)
		}
	}
	if len(e.Catches) > 0 {
		e.Fails, e.Says = e.Catches[0].Fails, e.Catches[0].Says
	}
	switch {
	case e.About == "" || len(e.Catches) == 0:
		return e, fmt.Errorf("an entry needs about:, and at least one fails: with its says:")
	case len(e.Edits) == 0:
		return e, fmt.Errorf("an entry needs at least one file: edit")
	}
	return e, nil
}

// Apply writes the entry's edited files into dir and returns base with
// those files replaced.
func (e Entry) Apply(ex Exercise, base Overlay, dir string) (Overlay, error) {
	o := base.Clone()
	for _, edit := range e.Edits {
		var text string
		if edit.With != "" {
			b, err := os.ReadFile(filepath.Join(e.dir, edit.With))
			if err != nil {
				return nil, err
			}
			text = string(b)
		} else {
			b, err := os.ReadFile(base.Source(ex, edit.File))
			if err != nil {
				return nil, err
			}
			if text, err = applyHunks(string(b), edit.Hunks); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", e.Name, edit.File, err)
			}
			fixed, err := dropUnusedImports(text)
			if err != nil {
				return nil, fmt.Errorf("%s: %s after the edits: %w", e.Name, edit.File, err)
			}
			text = string(fixed)
		}
		out := filepath.Join(dir, ex.Name+"."+e.Name+"."+edit.File)
		if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
			return nil, err
		}
		o[filepath.Join(ex.Dir(), edit.File)] = out
	}
	return o, nil
}

// applyHunks applies each hunk to src in turn.
func applyHunks(src string, hunks []Hunk) (string, error) {
	lines := strings.Split(src, "\n")
	for i, h := range hunks {
		at := -1
		for start := 0; start+len(h.Remove) <= len(lines); start++ {
			if matchAt(lines, start, h.Remove) {
				if at >= 0 {
					return "", fmt.Errorf("hunk %d matches more than once (at lines %d and %d)", i+1, at+1, start+1)
				}
				at = start
			}
		}
		if at < 0 {
			return "", fmt.Errorf("hunk %d does not match: its first line is %q", i+1, h.Remove[0])
		}
		rest := append(append([]string{}, h.Add...), lines[at+len(h.Remove):]...)
		lines = append(lines[:at], rest...)
	}
	return strings.Join(lines, "\n"), nil
}

// matchAt reports whether want matches lines from start, white space trimmed.
func matchAt(lines []string, start int, want []string) bool {
	for j, w := range want {
		if strings.TrimSpace(lines[start+j]) != strings.TrimSpace(w) {
			return false
		}
	}
	return true
}

// dropUnusedImports removes the imports src does not use and formats it.
func dropUnusedImports(src string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	type unused struct{ name, path string }
	var drop []unused
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, `"`)
		name := ""
		if imp.Name != nil {
			name = imp.Name.Name
		}
		if name != "_" && name != "." && !astutil.UsesImport(f, path) {
			drop = append(drop, unused{name, path})
		}
	}
	for _, u := range drop { // deleting changes f.Imports: not while ranging over it
		astutil.DeleteNamedImport(fset, f, u.name, u.path)
	}
	var out bytes.Buffer
	if err := format.Node(&out, fset, f); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
