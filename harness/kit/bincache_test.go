package kit_test

import (
	"os"
	"path/filepath"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/kit"
)

var _ = Describe("the cache of test binaries", func() {
	var root string
	write := func(name, content string) string {
		path := filepath.Join(root, name)
		Expect(os.WriteFile(path, []byte(content), 0o644)).To(Succeed())
		return path
	}
	key := func(s *kit.Suite) string {
		k, err := kit.CacheKey(s)
		Expect(err).NotTo(HaveOccurred())
		return k
	}
	BeforeEach(func() {
		root = GinkgoT().TempDir()
		write("go.mod", "module example.com/m\n\ngo 1.22\n")
		write("a.go", "package m\n\nfunc A() int { return 1 }\n")
		write("a_test.go", "package m\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n")
	})

	It("finds the same binary for the same files", func() {
		Expect(key(&kit.Suite{Root: root, Pkg: "."})).To(Equal(key(&kit.Suite{Root: root, Pkg: "."})))
	})

	It("finds a binary built in another checkout of the same files", func() {
		first := key(&kit.Suite{Root: root, Pkg: "."})
		other := GinkgoT().TempDir()
		for _, name := range []string{"go.mod", "a.go", "a_test.go"} {
			b, err := os.ReadFile(filepath.Join(root, name))
			Expect(err).NotTo(HaveOccurred())
			Expect(os.WriteFile(filepath.Join(other, name), b, 0o644)).To(Succeed())
		}
		Expect(key(&kit.Suite{Root: other, Pkg: "."})).To(Equal(first))
	})

	It("builds again when a file of the package or of its tests changes", func() {
		before := key(&kit.Suite{Root: root, Pkg: "."})
		write("a.go", "package m\n\nfunc A() int { return 2 }\n")
		afterCode := key(&kit.Suite{Root: root, Pkg: "."})
		Expect(afterCode).NotTo(Equal(before))
		write("a_test.go", "package m\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) { t.Log() }\n")
		Expect(key(&kit.Suite{Root: root, Pkg: "."})).NotTo(Equal(afterCode))
	})

	It("reads an overlay's replacement, not the file it replaces, nor where the overlay is", func() {
		plain := key(&kit.Suite{Root: root, Pkg: "."})
		same := write("same.go.txt", "package m\n\nfunc A() int { return 1 }\n")
		other := write("other.go.txt", "package m\n\nfunc A() int { return 3 }\n")
		a := filepath.Join(root, "a.go")
		Expect(key(&kit.Suite{Root: root, Pkg: ".", Overlay: kit.Overlay{a: same}})).To(Equal(plain))
		Expect(key(&kit.Suite{Root: root, Pkg: ".", Overlay: kit.Overlay{a: other}})).NotTo(Equal(plain))
		added := key(&kit.Suite{Root: root, Pkg: ".", Overlay: kit.Overlay{filepath.Join(root, "b.go"): other}})
		Expect(added).NotTo(Equal(plain), "a file the overlay adds counts too")
	})
})
