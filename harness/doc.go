// Package harness is the shared spec harness of the threadproc exercises.
//
// It is shaped like net/http/httptest: a few functions that start real things
// on the loopback interface and register their own cleanup (ginkgo's
// DeferCleanup), so a spec never cleans up after them.
//
//   - [Main] goes in every exercise's TestMain: the test binary re-runs itself
//     as the learner's server or client program in a child process, so a
//     panic or a data race fails the spec that caused it and the others still
//     run. A binary built without the race detector rebuilds itself with it.
//   - [StartServer] runs a server of the suite's [Program] in that child, in
//     its own process group, on a fresh listener at 127.0.0.1:0; [Server]
//     checks it from the outside (ExpectOwnedByChild, ExpectNoZombies,
//     ExpectNoProcessesLeft, Interrupt, Shutdown).
//   - [Server.Dial], [Server.DialMany] and [Together] drive real clients
//     ([Client]). Every read and write has a deadline, and every failed
//     expectation says what the client did, what it expected, what happened,
//     and which task to look at. [Client.Deliver] waits until the server has
//     read a part of a line before the spec watches its answer (a busy
//     machine would otherwise join the parts in one read), and [Progress]
//     lets a crowd queue for a few workers: no read gives up while the
//     crowd is being answered.
//   - [StartClientProgram] runs the learner's client program against a
//     listener the spec controls ([Listen]).
//   - [WorkersBudget] gives a spec that starts many processes a time budget
//     from what starting one costs on this machine; reads wait longer on a
//     slow machine the same way. [ExpectVetClean] runs go vet.
//
// Below the root, one concept a package:
//
//	harness/speedup      is a server running jobs at once? (CPUs its threads asked for, CPU time, wall clock)
//	harness/inchild      checks that run inside the server's process after Serve returns (goroutines, workers)
//	harness/procs        the outside view of processes: owners of sockets, children, zombies, CPU, memory
//	harness/say          messages in English and Korean, one catalog per language
//	harness/internal/words     the harness's own messages, in both catalogs
//	harness/internal/proc      the one process layer (group, fd 3, parent-death signal, tag, output, stop)
//	harness/internal/outcome   how a spec's run ended (race, panic, fork bomb, hang), as report entries
//	harness/internal/hostinfo  what starting a process costs here, and the deadlines derived, as a report entry
//	harness/internal/manifest  an exercise's tasks, points and files (exercise.json)
//	harness/kit          the runner behind the Makefile (learn, verify, test, grade, flake, hint, reset)
//	harness/grading      results as records, and the formats grading platforms read
//	harness/sandbox      untrusted code under OS limits while grading
//	harness/bench, harness/compare, harness/lineclient, harness/cmd/...  measuring, and the commands
//
// Arrows point down only: nothing below harness/ imports the exercises.
//
// Every message the harness writes, in the spec's process or in the server's,
// is in the learner's language (English or Korean, from THREADPROC_LANG or the
// locale: see package say), from one catalog, harness/internal/words, which
// packages speedup and inchild and the kit share. What a client sent or
// received, and the names the learner types in code, are quoted as they are.
//
// Every helper calls ginkgo.GinkgoHelper, so a failure points at the spec line
// that made the call. The harness never does the learner's job: it only starts
// processes, moves bytes and observes from the outside.
package harness
