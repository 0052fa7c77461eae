package compare

import (
	"fmt"
	"time"

	"github.com/threadproc/threadproc/harness/lineclient"
)

// memoryClients is how many idle clients the memory measurement connects.
const memoryClients = 200

// memoryWait bounds waiting for the clients' echoes.
const memoryWait = 20 * time.Second

// Memory is what idle connected clients cost a server, measured from
// outside: the memory of the server's process and of every process below
// it (PSS on Linux, RSS elsewhere).
type Memory struct {
	// Base is the memory with no client connected (for the prefork pool,
	// its workers included).
	Base int64
	// PerClient is what each of Clients connected clients added, in bytes.
	PerClient float64
	// Clients is how many clients were connected; Served of them had their
	// echo (a pool serves PoolSize at a time, the others wait).
	Clients, Served int
}

// measureMemory connects memoryClients clients, each sends one line, waits
// until every client the server serves at once has its echo, and measures.
func measureMemory(s *server) (Memory, error) {
	base, err := s.memory()
	if err != nil {
		return Memory{}, err
	}
	m := Memory{Base: base, Clients: memoryClients}
	var clients []*lineclient.Client
	defer func() {
		for _, c := range clients {
			c.Close()
		}
	}()
	echoed := make(chan error, memoryClients)
	for i := range memoryClients {
		c, err := lineclient.Dial(s.addr)
		if err != nil {
			return m, err
		}
		clients = append(clients, c)
		go func() { echoed <- c.Echo(fmt.Sprintf("idle client %d", i)) }()
	}
	want := memoryClients
	if k := s.kind.capacity(); k > 0 {
		want = min(want, k)
	}
	timeout := time.After(memoryWait)
	for m.Served < want {
		select {
		case err := <-echoed:
			if err != nil {
				return m, err
			}
			m.Served++
		case <-timeout:
			return m, fmt.Errorf("only %d of %d clients got their echo within %v", m.Served, want, memoryWait)
		}
	}
	after, err := s.memory()
	if err != nil {
		return m, err
	}
	m.PerClient = float64(after-base) / float64(memoryClients)
	return m, nil
}
