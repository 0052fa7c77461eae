package pools

import (
	"errors"
	"log"
	"net"
	"os/exec"
	"sync"
)

// ServePrefork, exercise 03's way: a worker process per client, ignoring
// workers.
func ServePrefork(ln net.Listener, workers int) error {
	var mu sync.Mutex
	running := map[*exec.Cmd]struct{}{}
	var reaped sync.WaitGroup
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			mu.Lock()
			for cmd := range running {
				_ = cmd.Process.Kill()
			}
			mu.Unlock()
			reaped.Wait()
			return nil
		}
		if err != nil {
			return err
		}
		f, err := conn.(*net.TCPConn).File()
		_ = conn.Close()
		if err != nil {
			log.Print(err)
			continue
		}
		cmd, err := startWorker(f) // fd 3 is the client's connection
		_ = f.Close()
		if err != nil {
			log.Print(err)
			continue
		}
		mu.Lock()
		running[cmd] = struct{}{}
		mu.Unlock()
		reaped.Add(1)
		go func() {
			defer reaped.Done()
			_ = cmd.Wait()
			mu.Lock()
			delete(running, cmd)
			mu.Unlock()
		}()
	}
}
