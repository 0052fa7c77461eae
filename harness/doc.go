// Package harness is the shared test harness of the threadproc exercises.
//
// It is shaped like net/http/httptest: a handful of functions that start real
// things on the loopback interface and register their own cleanup.
//
//   - [Main] goes in every exercise's TestMain. It lets the test binary re-run
//     itself as the learner's server (or client program) in a child process.
//   - [StartServer] starts the learner's server in that child process, in its own
//     process group, on a fresh listener at 127.0.0.1:0. The process group (and,
//     on Linux, every process that inherited the run's tag) is killed when the
//     spec ends: cleanup is registered with ginkgo's DeferCleanup, so callers
//     never clean up themselves.
//   - [Dial] and [Server.Dial] connect real clients. Every read and write has a
//     deadline, and every failed expectation is reported in words a learner can
//     act on: what the client did, what it expected, what happened, and a hint.
//   - [Server.ExpectOwnedByChild], [Server.ExpectNoZombies],
//     [Server.ExpectNoProcessesLeft] and [Server.ExpectWorkerModes] check a
//     process-per-connection server from the outside, through package
//     procs (/proc on Linux, ps and lsof on macOS; elsewhere they skip).
//   - [Server.DialMany] and [Together] drive many clients at once, and
//     the cpu helpers measure parallel speedup against the host's own.
//   - [StartClientProgram] runs the learner's client program against a listener
//     that the spec controls.
//
// Running the learner's code in a child process keeps one broken exercise from
// taking the report down with it: a panic or a data race fails the spec that
// triggered it, with the server's stderr in the message, and the remaining
// specs still run.
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
