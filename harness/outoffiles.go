package harness

import (
	"time"

	. "github.com/onsi/ginkgo/v2" //nolint:revive // the harness is ginkgo-native

	"github.com/threadproc/threadproc/harness/internal/words"
	"github.com/threadproc/threadproc/harness/procs"
)

// triedAccept is how long a server's threads must have run on a CPU, once
// it holds every descriptor it may, for [Server.AwaitOutOfFiles] to take it
// that its accept loop has called Accept again, although some thread is
// still runnable: a loop that retries Accept without pausing never sleeps.
const triedAccept = 50 * time.Millisecond

// AwaitOutOfFiles returns once the server's process has run out of file
// descriptors: it holds every one [WithFileLimit] allows, and it has since
// had the CPU to call Accept again (its threads are all asleep, or they have
// run for triedAccept), which fails with "too many open files". A spec
// about a server that runs out calls it after connecting more clients than
// the limit, before any client leaves: otherwise, on a machine where the
// server is slow, clients leave before it ran out, it never meets the
// error, and a server that returns on that error would pass.
//
// It also returns if the server's process ended (what comes next in the
// spec says so). If the server has still not run out after a read's
// deadline (it limits its own connections, or it is too slow here), the
// spec is skipped as not judged, saying so. Where descriptors cannot be
// counted (macOS) it returns at once and the spec goes on as though the
// server had run out: there a slow server can hide the mistake. It panics
// if the server was started without WithFileLimit.
func (s *Server) AwaitOutOfFiles() {
	GinkgoHelper()
	if s.files <= 0 {
		panic("harness: AwaitOutOfFiles on a server started without WithFileLimit")
	}
	wait := ioTimeout()
	deadline := time.Now().Add(wait)
	var full bool                 // it has held every descriptor
	var ranWhenFull time.Duration // its threads' time on a CPU then
	for {
		if _, ended := s.Ended(); ended {
			return
		}
		open, err := procs.OpenFiles(s.PID)
		if err != nil {
			return // unsupported here, or gone: the spec goes on and says what it finds
		}
		if open >= s.files {
			runnable, ran, err := procs.Activity(s.PID)
			if err != nil {
				return
			}
			if !full {
				full, ranWhenFull = true, ran
			}
			if runnable == 0 || ran-ranWhenFull >= triedAccept {
				return
			}
		}
		if time.Now().After(deadline) {
			Skip(words.Say("unjudged", words.Say("files.not-out", open, s.files, wait)))
		}
		time.Sleep(10 * time.Millisecond) // a bounded poll of the server's descriptors
	}
}
