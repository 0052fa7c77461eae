// Package kit runs the exercise suites for the kit's own commands: the
// learner's progress summary, the solution suite, the instructor's
// verification of every exercise, and grading.
//
// The specs exist once, in exercises/. To run them against another tree
// (solutions/, or a learner's copy), kit builds an overlay for `go build
// -overlay` that replaces each exercise file with the file of the same name
// in that tree. A gallery entry (solutions/NN/gallery/*.txt) is a small edit
// of the solution that must fail one named spec for a named reason.
package kit
