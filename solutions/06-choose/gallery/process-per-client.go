package choose

import (
	"context"
	"errors"
	"log"
	"net"
	"os"
	"os/exec"
	"sync"
)

// A gallery entry: exercise 03's design, a worker process for every client,
// which echoes that client's lines and runs its jobs itself. It replaces
// server.go.

// clientWorkerEnv marks a process started to serve one client.
const clientWorkerEnv = "THREADPROC_CHOOSE_CLIENT_WORKER"

// init serves the client inherited as fd 3 and exits, in a process that Serve
// started; in any other process it does nothing.
func init() {
	if os.Getenv(clientWorkerEnv) != "1" {
		return
	}
	f := os.NewFile(3, "client")
	conn, err := net.FileConn(f)
	_ = f.Close()
	if err != nil {
		log.Printf("client worker %d: %v", os.Getpid(), err)
		os.Exit(1)
	}
	if err := (&server{}).handle(conn); err != nil {
		log.Printf("client worker %d: %v", os.Getpid(), err)
	}
	os.Exit(0)
}

// server is unused by this design's workers but needed by handle.
type server struct {
	pool *pool
}

// Serve starts a process for every client, and stops them all once ln is
// closed.
func Serve(ln net.Listener) error {
	var mu sync.Mutex
	running := map[*exec.Cmd]struct{}{}
	var reapers sync.WaitGroup
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			mu.Lock()
			for cmd := range running {
				_ = cmd.Process.Kill()
			}
			mu.Unlock()
			reapers.Wait()
			return nil
		}
		if err != nil {
			return err
		}
		f, err := conn.(*net.TCPConn).File()
		_ = conn.Close()
		if err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
			continue
		}
		cmd := exec.Command(selfPath(), "client-worker")
		cmd.Env = append(os.Environ(), clientWorkerEnv+"=1")
		cmd.ExtraFiles = []*os.File{f}
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		cmd.SysProcAttr = workerAttr()
		err = cmd.Start()
		_ = f.Close()
		if err != nil {
			log.Printf("client %s: %v", conn.RemoteAddr(), err)
			continue
		}
		mu.Lock()
		running[cmd] = struct{}{}
		mu.Unlock()
		reapers.Add(1)
		go func() {
			defer reapers.Done()
			_ = cmd.Wait()
			mu.Lock()
			delete(running, cmd)
			mu.Unlock()
		}()
	}
}

// answer runs a job right here, in this client's own process.
func (s *server) answer(_ context.Context, line []byte) string {
	if isJob(line) {
		return runJob(jobOf(line))
	}
	return string(line)
}
