package say_test

import (
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/say"
)

// env is an environment for say.FromLookup.
func env(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

var _ = Describe("the language", func() {
	DescribeTable("comes from THREADPROC_LANG, then LC_ALL, LC_MESSAGES and LANG",
		func(vars map[string]string, want say.Lang) {
			Expect(say.FromLookup(env(vars))).To(Equal(want))
		},
		Entry("nothing set: English", map[string]string{}, say.En),
		Entry("LANG=ko_KR.UTF-8", map[string]string{"LANG": "ko_KR.UTF-8"}, say.Ko),
		Entry("LANG=ko", map[string]string{"LANG": "ko"}, say.Ko),
		Entry("LANG=ko-KR", map[string]string{"LANG": "ko-KR"}, say.Ko),
		Entry("LANG=en_US.UTF-8", map[string]string{"LANG": "en_US.UTF-8"}, say.En),
		Entry("LC_ALL wins over LANG", map[string]string{"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}, say.En),
		Entry("LC_MESSAGES wins over LANG", map[string]string{"LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, say.Ko),
		Entry("an empty LC_ALL is not set", map[string]string{"LC_ALL": "", "LANG": "ko_KR.UTF-8"}, say.Ko),
		Entry("THREADPROC_LANG wins over all", map[string]string{"THREADPROC_LANG": "ko", "LC_ALL": "en_US.UTF-8"}, say.Ko),
		Entry("a language the kit does not speak: English", map[string]string{"LANG": "fr_FR.UTF-8"}, say.En),
	)
})

var _ = Describe("a catalog", func() {
	var c *say.Catalog
	BeforeEach(func() {
		c = say.NewCatalog("test",
			say.Messages{"next": "next: %s, task %d", "only.en": "English only"},
			say.Messages{"next": "다음: %[2]d번 과제, %[1]s"})
	})

	It("says a message in the language asked for, with its arguments in the language's order", func() {
		Expect(c.In(say.En).Say("next", "02-goroutines", 3)).To(Equal("next: 02-goroutines, task 3"))
		Expect(c.In(say.Ko).Say("next", "02-goroutines", 3)).To(Equal("다음: 3번 과제, 02-goroutines"))
	})

	It("falls back to English for a message a language lacks, and names a key that no language has", func() {
		Expect(c.In(say.Ko).Say("only.en")).To(Equal("English only"))
		Expect(c.In(say.Ko).Say("nowhere", 7)).To(Equal("‹nowhere› 7"))
	})

	It("is listed among the catalogs of the program", func() {
		Expect(say.Catalogs()).To(ContainElement(c))
	})
})

var _ = Describe("the parity check", func() {
	It("passes a catalog whose every message is in every language with the same arguments", func() {
		c := say.NewCatalog("good",
			say.Messages{"a": "%s has %d specs", "b": "100%% done", "c": "%[2]s then %[1]s"},
			say.Messages{"a": "%[2]d개의 스펙, %[1]s", "b": "100%% 완료", "c": "%[1]s 앞에 %[2]s"})
		Expect(c.Check()).To(BeEmpty())
	})

	It("fails on a missing translation", func() {
		c := say.NewCatalog("planted",
			say.Messages{"a": "one", "b": "two"},
			say.Messages{"a": "하나"})
		Expect(c.Check()).To(ConsistOf(`catalog planted: "b" has no ko message`))
	})

	It("fails on a message missing in English, and on an empty one", func() {
		c := say.NewCatalog("planted",
			say.Messages{"a": "one"},
			say.Messages{"a": " ", "z": "영어에는 없는 말"})
		Expect(c.Check()).To(ConsistOf(`catalog planted: "a" is empty in ko`, `catalog planted: "z" has no en message`))
	})

	It("fails on a language missing altogether", func() {
		c := say.NewCatalog("planted", say.Messages{"a": "one"})
		Expect(c.Check()).To(ContainElement("catalog planted has no ko messages at all"))
	})

	It("fails on a translation that drops, adds or changes an argument", func() {
		c := say.NewCatalog("planted",
			say.Messages{"drop": "%s: %d of %d", "add": "done", "kind": "task %d", "moved": "%s, %d"},
			say.Messages{"drop": "%s: %d", "add": "%s 완료", "kind": "과제 %s", "moved": "%[2]d, %[1]s"})
		Expect(c.Check()).To(ConsistOf(
			`catalog planted: "drop" takes %[1]s %[2]d %[3]d in en but %[1]s %[2]d in ko`,
			`catalog planted: "add" takes no arguments in en but %[1]s in ko`,
			`catalog planted: "kind" takes %[1]d in en but %[1]s in ko`,
		))
	})
})

var _ = Describe("the parity check, with arguments said twice", func() {
	It("lets a language repeat an argument that another says once", func() {
		c := say.NewCatalog("repeat",
			say.Messages{"a": "task %[1]d: write TODO(%[1]d) in %[2]s"},
			say.Messages{"a": "%[2]s의 TODO를 쓰세요 (과제 %[1]d)"})
		Expect(c.Check()).To(BeEmpty())
	})
})
