package say

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Check returns every problem of the catalog, one sentence each, or none:
// a language missing altogether, a key that a language lacks, an empty
// message, and a message whose fmt verbs differ from the English one's (an
// argument dropped, added or of another kind). A package's suite runs it
// as a spec, so that `make test` fails on a missing translation.
func (c *Catalog) Check() []string {
	var problems []string
	for _, l := range Langs {
		if c.byLang[l] == nil {
			problems = append(problems, fmt.Sprintf("catalog %s has no %s messages at all", c.name, l))
		}
	}
	for _, key := range c.Keys() {
		english, hasEnglish := c.byLang[En][key]
		want := verbs(english)
		for _, l := range Langs {
			m := c.byLang[l]
			if m == nil {
				continue
			}
			text, ok := m[key]
			switch {
			case !ok:
				problems = append(problems, fmt.Sprintf("catalog %s: %q has no %s message", c.name, key, l))
			case strings.TrimSpace(text) == "":
				problems = append(problems, fmt.Sprintf("catalog %s: %q is empty in %s", c.name, key, l))
			case hasEnglish && l != En && !maps.Equal(verbs(text), want):
				problems = append(problems, fmt.Sprintf("catalog %s: %q takes %s in en but %s in %s",
					c.name, key, describe(want), describe(verbs(text)), l))
			}
		}
	}
	return problems
}

// verbs maps each argument a fmt format uses (1 for the first) to the verbs
// it is formatted with, sorted and joined, such as {1: "s", 2: "d"}. It
// follows fmt's rules: verbs take arguments in turn, and "%[n]v" moves to
// argument n. An argument used twice with the same verb counts once, so a
// language may repeat an argument that another says once.
func verbs(format string) map[int]string {
	used := map[int][]string{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		// flags, width, precision, and an explicit argument index
		for i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0 {
			if format[i] == '[' {
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					break
				}
				if n, err := strconv.Atoi(format[i+1 : i+end]); err == nil {
					arg = n
				}
				i += end
			} else if format[i] == '*' {
				used[arg] = append(used[arg], "*")
				arg++
			}
			i++
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		used[arg] = append(used[arg], string(format[i]))
		arg++
	}
	out := make(map[int]string, len(used))
	for n, vs := range used {
		slices.Sort(vs)
		out[n] = strings.Join(slices.Compact(vs), ",")
	}
	return out
}

// describe writes a verbs map for a message, such as "%[1]s %[2]d".
func describe(v map[int]string) string {
	if len(v) == 0 {
		return "no arguments"
	}
	var parts []string
	for _, n := range slices.Sorted(maps.Keys(v)) {
		parts = append(parts, fmt.Sprintf("%%[%d]%s", n, v[n]))
	}
	return strings.Join(parts, " ")
}
