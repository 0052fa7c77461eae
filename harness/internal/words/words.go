// Package words holds what the spec harness says to a learner, in every
// language of package say: the frame of every failure, the server's end,
// the task pointers, the process checks, and the messages of packages
// speedup and inchild. It is one catalog, "harness", shared by those
// packages because they write parts of the same messages (a speedup
// verdict ends with the harness's hint lines and task pointer) and because
// the kit must recognise the harness's own pointers and hint lines in every
// language to leave them out of make learn's report (kit/failure.go): one
// catalog keeps the words in one place.
//
// Messages are said in the language the environment asks for at the moment
// they are written ([say.FromEnv]), not when the program starts: a spec may
// set THREADPROC_LANG, and a server's process, which inherits the
// environment, speaks the language of the suite that started it.
package words

import (
	"strings"

	"github.com/threadproc/threadproc/harness/say"
)

// Catalog is the harness's catalog; the harness suite checks it with
// [say.Catalog.Check].
var Catalog = say.NewCatalog("harness", english, korean)

// byLang is the catalog's messages in the order of say.Langs.
var byLang = []say.Messages{english, korean}

// T returns a Teller in the language the environment asks for now.
func T() say.Teller { return Catalog.In(say.FromEnv()) }

// Say returns the message key, formatted with args, in the language the
// environment asks for now.
func Say(key string, args ...any) string { return T().Say(key, args...) }

// All returns the message key in every language, unformatted, for finding
// it in text that another process wrote, whatever its language.
func All(key string) []string {
	var out []string
	for _, m := range byLang {
		if s, ok := m[key]; ok {
			out = append(out, s)
		}
	}
	return out
}

// Prefixes returns, for every language, the text of the message key before
// its first argument, such as "this spec checks task ": how a line that
// the harness wrote with key starts, whatever its arguments.
func Prefixes(key string) []string {
	var out []string
	for _, s := range All(key) {
		if i := strings.IndexByte(s, '%'); i >= 0 {
			s = s[:i]
		}
		out = append(out, s)
	}
	return out
}

// HasPrefix reports whether s starts with the message key, in any language.
func HasPrefix(s, key string) bool {
	for _, p := range Prefixes(key) {
		if p != "" && strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Contains reports whether s contains the message key (its text before
// its first argument), in any language.
func Contains(s, key string) bool {
	for _, p := range Prefixes(key) {
		if p != "" && strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// JoinAnd writes a list for a sentence, such as "2 and 3" or "1, 2 and 3"
// in English.
func JoinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return Say("list.and", strings.Join(items[:len(items)-1], ", "), items[len(items)-1])
}
