// Package say keeps the words the kit says to a learner in one catalog per
// language, English and Korean, and picks the language from the
// environment.
//
// A package that speaks to learners keeps its messages as data, not as
// string literals in its code:
//
//	// messages_en.go
//	var english = say.Messages{
//		"learn.next": "next: %s, task %d",
//	}
//
//	// messages_ko.go
//	var korean = say.Messages{
//		"learn.next": "다음: %s, 과제 %d",
//	}
//
//	// messages.go
//	var catalog = say.NewCatalog("kit", english, korean)
//
// and says them in the learner's language:
//
//	t := catalog.In(say.FromEnv())
//	fmt.Println(t.Say("learn.next", ex, task))
//
// A template is a fmt format. Its arguments may be reordered in a language
// with explicit indexes ("%[2]d번 과제, %[1]s"): [Catalog.Check] compares
// the verbs by argument, so a translation that drops, adds or changes an
// argument is caught, and so is a key that one language lacks. Every
// package with a catalog adds one spec to its suite,
//
//	It("has every message in every language", func() {
//		Expect(catalog.Check()).To(BeEmpty())
//	})
//
// and since `make test` runs every suite under harness/ (and every
// exercise's suite), a missing translation fails `make test`.
//
// The language comes from THREADPROC_LANG (the kit's own switch, such as
// THREADPROC_LANG=ko), then from the POSIX locale variables in their order
// of precedence, LC_ALL, LC_MESSAGES and LANG: the first one set decides.
// A value such as "ko", "ko_KR.UTF-8" or "ko-KR" means Korean; anything
// else, "C" included, means English. The test binaries that the kit runs
// inherit the environment, so a suite's messages follow the same setting.
//
// # Moving the spec harness and the exercises' specs to catalogs
//
// This package is built so that the failure messages of the spec harness
// (harness/) and of each exercise's specs can move here too, one package at
// a time, without a flag day:
//
//  1. Give each message a key named after its package and what it says
//     ("client.waited", "echo.exit.not-echoed") and move its English text
//     to a messages_en.go of that package, its Korean text to
//     messages_ko.go. An exercise's specs keep their catalog in
//     messages_en_test.go and messages_ko_test.go, in the package of the
//     specs.
//  2. Replace fmt.Sprintf(text, args...) with t.Say(key, args...), where
//     t = catalog.In(say.FromEnv()). Names that the learner types or reads
//     in the code (Serve, TODO(1), "exit", net.ErrClosed) stay as they are
//     in every language.
//  3. Add the parity spec above to the package's suite.
//  4. The kit's checks that match a message's words (a gallery entry's
//     "says:") must then run in English: verify, grade and flake give
//     their suites THREADPROC_LANG=en (kit.Suite.Env), so that a Korean
//     instructor's locale cannot make them fail. Better still, a check
//     matches a key or an outcome (harness/internal/outcome), which carry
//     no language.
//
// Why not golang.org/x/text/message or go-i18n: both look messages up well,
// but neither lets a test list a catalog's keys per language and compare
// their arguments, which is the check this kit needs in `make test`; go-i18n
// keeps messages in TOML or JSON files checked by a separate command. The
// whole of this package is a map lookup, fmt, and that check.
package say
