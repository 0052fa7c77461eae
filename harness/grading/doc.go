// Package grading grades learners' copies of exercises/ as data: one
// [Record] per spec, points per task from each exercise's manifest, and
// writers that turn the same records into the files graders' platforms
// read (GitHub Classroom, Gradescope, exercism's test runner v3), ginkgo's
// JUnit and CSV. It grades one learner ([Grader.Grade]) or a whole class,
// J learners at a time, resuming an interrupted run ([Class]); every run
// of a learner's code goes through [sandbox].
//
// # Points
//
// A task earns its points (exercise.json) when every spec labelled with
// it passed, and nothing otherwise: the manifest's contract ("what the
// task is worth when all its specs pass"). Not proportional, because the
// specs of a task overlap, and some pass vacuously on an unwritten
// skeleton (a server that never answers never echoes "exit" either).
// Bonus tasks count like the others, in the points and in the maximum.
//
// A spec that could not judge here (skipped, such as a timing spec on a
// starved machine) is ungraded: its task's points are withheld, neither
// earned nor lost, and reported as ungraded points next to the points, so
// a grade with ungraded specs reads "200/255, 45 withheld (ungraded)" and
// the exercise's state is "ungraded", never "passed". A task with a failed
// spec earns nothing, ungraded specs or not.
package grading
