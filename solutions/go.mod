// The reference solutions are not a package of their own: each file replaces
// the file of the same name in exercises/ through `go build -overlay` (see the
// Makefile's `solutions` target). This go.mod only keeps them out of `./...`.
module github.com/threadproc/threadproc/solutions

go 1.25.0
