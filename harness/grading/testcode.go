package grading

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"sync"
)

// sources caches parsed test files, by path.
var sources = struct {
	sync.Mutex
	files map[string]*sourceFile
}{files: map[string]*sourceFile{}}

// sourceFile is one parsed test file.
type sourceFile struct {
	fset *token.FileSet
	file *ast.File
	src  []byte
}

// TestCode returns the code of the spec at location ("file.go:line"): the
// body of the It that starts on that line, or the whole Entry of a table;
// "" when the file cannot be read or holds no such call.
func TestCode(location string) string {
	path, line := splitLocation(location)
	f := parsed(path)
	if f == nil {
		return ""
	}
	var code string
	ast.Inspect(f.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || code != "" || f.fset.Position(call.Pos()).Line != line {
			return code == ""
		}
		switch callee(call) {
		case "It", "FIt", "PIt", "Specify":
			if len(call.Args) == 0 {
				break
			}
			if lit, ok := call.Args[len(call.Args)-1].(*ast.FuncLit); ok {
				body := f.src[f.fset.Position(lit.Body.Lbrace).Offset+1 : f.fset.Position(lit.Body.Rbrace).Offset]
				code = dedent(string(body))
			}
		case "Entry", "FEntry", "PEntry":
			code = string(f.src[f.fset.Position(call.Pos()).Offset:f.fset.Position(call.End()).Offset])
		}
		return code == ""
	})
	return code
}

// parsed returns the parsed file at path, or nil.
func parsed(path string) *sourceFile {
	sources.Lock()
	defer sources.Unlock()
	if f, ok := sources.files[path]; ok {
		return f
	}
	var f *sourceFile
	if src, err := os.ReadFile(path); err == nil {
		fset := token.NewFileSet()
		if file, err := parser.ParseFile(fset, path, src, 0); err == nil {
			f = &sourceFile{fset: fset, file: file, src: src}
		}
	}
	sources.files[path] = f
	return f
}

// callee is the name a call calls: "It" for It(...) and for g.It(...).
func callee(call *ast.CallExpr) string {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		return fn.Sel.Name
	}
	return ""
}

// dedent trims the blank lines around code and the indentation its lines
// share.
func dedent(code string) string {
	lines := strings.Split(strings.Trim(code, "\n"), "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, "\t "))
		if common < 0 || indent < common {
			common = indent
		}
	}
	for i, l := range lines {
		if len(l) >= common && common > 0 {
			lines[i] = l[common:]
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), " \t\n")
}
