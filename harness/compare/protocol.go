package compare

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net"
	"strconv"
	"strings"
)

// Commands of the reference servers' protocol.
const (
	exitCommand  = "exit"
	crashCommand = "crash"
	workPrefix   = "work "
)

// maxLine bounds a line a reference server accepts.
const maxLine = 64 << 10

// handle serves one connection until "exit" or the end of its input: it
// echoes lines, answers "work N" with Work(N), and panics on "crash", as a
// bug would, taking down whatever runs it.
func handle(conn net.Conn) {
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	lines.Buffer(make([]byte, 4096), maxLine)
	for lines.Scan() {
		line := strings.TrimSuffix(lines.Text(), "\r")
		var reply string
		switch {
		case line == exitCommand:
			return
		case line == crashCommand:
			panic("crash: a client asked the code serving it to crash")
		case strings.HasPrefix(line, workPrefix):
			reply = answerWork(strings.TrimPrefix(line, workPrefix))
		default:
			reply = line
		}
		if _, err := io.WriteString(conn, reply+"\n"); err != nil {
			return
		}
	}
}

// answerWork answers "work N".
func answerWork(arg string) string {
	rounds, err := strconv.Atoi(arg)
	if err != nil || rounds < 0 {
		return "error: work needs a whole number of rounds"
	}
	return Work(rounds)
}

// Work is the CPU-bound job: 32 zero bytes replaced by their SHA-256 digest
// rounds times over, as 64 hex digits. Each round needs the one before, so
// one job runs on one CPU; only different jobs can run in parallel.
func Work(rounds int) string {
	var sum [sha256.Size]byte
	for range rounds {
		sum = sha256.Sum256(sum[:])
	}
	return hex.EncodeToString(sum[:])
}
