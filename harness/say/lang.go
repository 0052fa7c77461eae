package say

import (
	"os"
	"strings"
)

// Lang is a language a catalog speaks.
type Lang string

// The languages of the kit. English is the fallback: a message missing in
// another language is said in English (and [Catalog.Check] reports it).
const (
	En Lang = "en"
	Ko Lang = "ko"
)

// Langs lists every language a catalog must have, English first.
var Langs = []Lang{En, Ko}

// EnvVar is the kit's own switch, which wins over the locale:
// THREADPROC_LANG=ko or THREADPROC_LANG=en.
const EnvVar = "THREADPROC_LANG"

// envOrder is where FromEnv looks, first to last: the kit's switch, then
// the POSIX locale variables in their order of precedence.
var envOrder = []string{EnvVar, "LC_ALL", "LC_MESSAGES", "LANG"}

// FromEnv returns the language the environment asks for: the first of
// THREADPROC_LANG, LC_ALL, LC_MESSAGES and LANG that is set decides. It
// returns En when none is set or the one set names a language the kit does
// not speak.
func FromEnv() Lang { return fromLookup(os.LookupEnv) }

// fromLookup is FromEnv with the environment as a function, for tests.
func fromLookup(lookup func(string) (string, bool)) Lang {
	for _, name := range envOrder {
		if v, ok := lookup(name); ok && v != "" {
			l, _ := Parse(v)
			return l
		}
	}
	return En
}

// Parse reads a language from a locale name such as "ko", "ko_KR.UTF-8",
// "ko-KR" or "en_US.UTF-8". It returns En and false for a language the kit
// does not speak ("C" and "POSIX" are English).
func Parse(s string) (Lang, bool) {
	base := strings.ToLower(s)
	if i := strings.IndexAny(base, "_-.@"); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "ko", "kor", "korean":
		return Ko, true
	case "en", "eng", "english", "c", "posix":
		return En, true
	}
	return En, false
}
