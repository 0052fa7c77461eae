// Command cpu-load measures a running cpu-server by hand: it sends one job
// and times it, then sends the same job from several clients at once and
// times that, and prints the speedup.
//
//	go run ./exercises/04-cpu/cmd/cpu-load -clients 2 -rounds 5000000
//
// A server that runs jobs in parallel finishes the clients' jobs in about the
// time of one (speedup close to the number of clients, up to the number of
// free CPUs); a server that runs one job at a time takes about clients times
// as long (speedup about 1).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"strings"
	"sync"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address of the server")
	clients := flag.Int("clients", 2, "how many clients send a job at once")
	rounds := flag.Int("rounds", 5_000_000, "the N of each \"work N\" request")
	flag.Parse()
	if *clients < 1 {
		log.Fatal("-clients must be at least 1")
	}

	conns := make([]*client, *clients)
	for i := range conns {
		c, err := dial(*addr)
		if err != nil {
			log.Fatal(err)
		}
		defer c.conn.Close()
		conns[i] = c
	}
	request := fmt.Sprintf("work %d", *rounds)

	start := time.Now()
	reply, err := conns[0].ask(request)
	if err != nil {
		log.Fatal(err)
	}
	one := time.Since(start)
	fmt.Printf("1 job alone:         %v  (reply %s)\n", one.Round(time.Millisecond), reply)

	start = time.Now()
	var wg sync.WaitGroup
	errs := make([]error, len(conns))
	for i, c := range conns {
		wg.Go(func() { _, errs[i] = c.ask(request) })
	}
	wg.Wait()
	all := time.Since(start)
	for _, err := range errs {
		if err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("%d jobs at once:      %v\n", len(conns), all.Round(time.Millisecond))
	fmt.Printf("speedup:             %.2fx (%d jobs in %v instead of %d × %v)\n",
		float64(len(conns))*float64(one)/float64(all), len(conns), all.Round(time.Millisecond),
		len(conns), one.Round(time.Millisecond))
}

// client is one connection to the server.
type client struct {
	conn net.Conn
	r    *bufio.Reader
}

func dial(addr string) (*client, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	return &client{conn: conn, r: bufio.NewReader(conn)}, nil
}

// ask sends one request and returns the reply line.
func (c *client) ask(request string) (string, error) {
	if _, err := fmt.Fprintln(c.conn, request); err != nil {
		return "", err
	}
	_ = c.conn.SetReadDeadline(time.Now().Add(5 * time.Minute))
	line, err := c.r.ReadString('\n')
	if err != nil {
		return "", err
	}
	line = strings.TrimSuffix(line, "\n")
	if strings.HasPrefix(line, "error: ") {
		return "", fmt.Errorf("the server answered %q", line)
	}
	return line, nil
}
