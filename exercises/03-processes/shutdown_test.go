package processes_test

import (
	"runtime"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness"
	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("shutdown: no worker outlives the server", harness.Task(4), func() {
	var srv *harness.Server
	BeforeEach(func() { srv = startServer() })

	When("its listener is closed while clients are connected", func() {
		var clients []*harness.Client
		BeforeEach(func() {
			clients = srv.DialMany(3)
			greetAll(clients, msg("03.serve-fd3"))
		})

		It("returns nil from Serve once every worker has been reaped", func() {
			if err := srv.Shutdown(); err != nil {
				harness.FailWithTask(msg("03.shutdown.failed", err, msg("03.end-workers")))
			}
		})

		It("ends every worker, so that every client's connection closes", func() {
			_ = srv.Shutdown() // how Serve returned is the spec above's to judge
			srv.ExpectNoProcessesLeft(msg("03.end-workers"))
			for _, c := range clients {
				c.ExpectClosed(msg("03.shutdown.closed", msg("03.end-workers")))
			}
		})
	})

	When("clients have left in every way a client leaves", func() {
		It("still returns nil from Serve once its listener is closed", func() {
			clients := srv.DialMany(5)
			greetAll(clients, msg("03.serve-fd3"))
			for i, leaveBy := range []leaving{byExit, byEndOfInput, byReset, byCrash} {
				leaveBy(clients[i])
			} // and the last one is still connected
			if err := srv.Shutdown(); err != nil {
				harness.FailWithTask(msg("03.shutdown.failed", err, msg("03.every-path")))
			}
		})
	})

	When("its process is killed", func() {
		It("leaves no worker running (Linux: the parent-death signal)", func() {
			if runtime.GOOS != "linux" {
				Skip(msg("03.kill.not-linux", runtime.GOOS))
			}
			clients := srv.DialMany(3)
			greetAll(clients, msg("03.serve-fd3"))
			workersOf(srv, clients) // they are running now
			srv.KillServerProcess()
			if !srv.ExpectNoProcessesLeft(msg("03.death-signal")) {
				Skip(msg("03.kill.cannot-look"))
			}
			for _, c := range clients {
				c.ExpectClosed(msg("03.killed.closed", msg("03.death-signal")))
			}
		})
	})

	When("Ctrl-C is pressed in its terminal (SIGINT to its process group)", func() {
		It("ends every worker with the server", func() {
			clients := srv.DialMany(3)
			greetAll(clients, msg("03.serve-fd3"))
			workers := workersOf(srv, clients)
			srv.Interrupt()
			if !srv.ExpectNoProcessesLeft(msg("03.ctrl-c")) {
				expectEnded(workers, msg("03.ctrl-c"))
			}
			for _, c := range clients {
				c.ExpectClosed(msg("03.ctrl-c"))
			}
		})
	})

	It("keeps every worker in the server's process group, which Ctrl-C in a terminal reaches", func() {
		clients := srv.DialMany(2)
		greetAll(clients, msg("03.serve-fd3"))
		workers := workersOf(srv, clients)
		server, err := procs.Get(srv.PID)
		if err != nil {
			Skip(msg("03.pgid.cannot-look", err))
		}
		for _, pid := range workers {
			w, err := procs.Get(pid)
			Expect(err).NotTo(HaveOccurred(), msg("03.pgid.gone", pid))
			Expect(w.PGID).To(Equal(server.PGID), msg("03.pgid", pid, w.PGID, server.PGID))
		}
	})
})
