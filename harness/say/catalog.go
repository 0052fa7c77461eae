package say

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Messages is one language's messages: a key, such as "learn.next", and a
// fmt format for it.
type Messages map[string]string

// Catalog is one package's messages in every language of [Langs].
type Catalog struct {
	name   string
	byLang map[Lang]Messages
}

// registry holds every catalog made with NewCatalog, for [Catalogs].
var registry struct {
	sync.Mutex
	all []*Catalog
}

// NewCatalog returns the catalog called name (the package it belongs to,
// for [Catalog.Check]'s messages) with one Messages per language, in the
// order of [Langs]: English, then Korean. It also registers the catalog,
// so that [Catalogs] lists it.
func NewCatalog(name string, perLang ...Messages) *Catalog {
	c := &Catalog{name: name, byLang: map[Lang]Messages{}}
	for i, m := range perLang {
		if i < len(Langs) {
			c.byLang[Langs[i]] = m
		}
	}
	registry.Lock()
	defer registry.Unlock()
	registry.all = append(registry.all, c)
	return c
}

// Catalogs returns every catalog made so far in this program, so that one
// spec can check them all.
func Catalogs() []*Catalog {
	registry.Lock()
	defer registry.Unlock()
	return append([]*Catalog(nil), registry.all...)
}

// Name returns the catalog's name.
func (c *Catalog) Name() string { return c.name }

// Keys returns every key that any language of the catalog has, sorted.
func (c *Catalog) Keys() []string {
	seen := map[string]bool{}
	for _, m := range c.byLang {
		for k := range m {
			seen[k] = true
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Has reports whether the catalog has key in English, the language every
// key must have.
func (c *Catalog) Has(key string) bool {
	_, ok := c.byLang[En][key]
	return ok
}

// In returns a Teller that says the catalog's messages in lang.
func (c *Catalog) In(lang Lang) Teller { return Teller{c: c, Lang: lang} }

// Teller says one catalog's messages in one language.
type Teller struct {
	c *Catalog
	// Lang is the language it speaks.
	Lang Lang
}

// Say returns the message key in the Teller's language, formatted with
// args. A message its language lacks is said in English; a key no
// language has is returned as "‹key›" followed by its arguments, so that
// nothing is lost (Check reports both).
func (t Teller) Say(key string, args ...any) string {
	format, ok := t.c.byLang[t.Lang][key]
	if !ok {
		format, ok = t.c.byLang[En][key]
	}
	if !ok {
		return strings.TrimSpace(fmt.Sprintf("‹%s› ", key) + fmt.Sprintln(args...))
	}
	return fmt.Sprintf(format, args...)
}
