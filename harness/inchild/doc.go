// Package inchild holds the checks that run inside the learner's server
// process, not in the spec: a spec's suite wires them into its
// harness.Program (ServeFunc wrappers and AfterServe), and they report back
// through the server's exit status and output, which the spec's harness turns
// into a learner-worded failure.
//
//   - [WatchGoroutines] and [LeakedGoroutines]: every goroutine Serve started
//     has ended once Serve returns (goleak).
//   - [ChildrenLeft] and [PIDList]: no worker process is still running, or
//     left unreaped, once Serve returns.
//
// Everything here runs in the child; nothing here may call ginkgo.
package inchild
