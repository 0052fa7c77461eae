package sandbox_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// roleKey names the role the test binary plays when a spec re-runs it as
// the untrusted command; roleArg is its argument.
const (
	roleKey = "THREADPROC_SANDBOX_ROLE"
	roleArg = "THREADPROC_SANDBOX_ARG"
)

// playRole runs the role named in the environment, if any, and exits.
func playRole() {
	role := os.Getenv(roleKey)
	if role == "" {
		return
	}
	arg := os.Getenv(roleArg)
	switch role {
	case "probe-net":
		probeNet(arg)
	case "write":
		for _, path := range strings.Split(arg, ",") {
			err := os.WriteFile(path, []byte("written from inside\n"), 0o644)
			fmt.Printf("write %s: %v\n", path, errText(err))
		}
	case "hog":
		mib, _ := strconv.Atoi(arg)
		hog := make([][]byte, 0, mib)
		for range mib { // touch every page, so the memory is really used
			b := make([]byte, 1<<20)
			for i := 0; i < len(b); i += 4096 {
				b[i] = 1
			}
			hog = append(hog, b)
		}
		fmt.Printf("held %d MiB\n", len(hog))
	case "fork":
		n, _ := strconv.Atoi(arg)
		started := 0
		var err error
		for ; started < n; started++ {
			cmd := exec.Command("sleep", "30")
			if err = cmd.Start(); err != nil {
				break
			}
		}
		fmt.Printf("started %d of %d: %v\n", started, n, errText(err))
	case "spin":
		end := time.Now().Add(30 * time.Second)
		for x := 0; time.Now().Before(end); x++ { // bounded: 30 s of wall time
		}
		fmt.Println("spun for 30 s")
	case "spinners":
		spinners(arg)
	case "spin-loud":
		fmt.Println("spinning")
		end := time.Now().Add(time.Minute)
		for x := 0; time.Now().Before(end); x++ { // bounded: a minute of wall time
		}
	case "leave-sleeper":
		cmd := exec.Command("sleep", "30")
		_ = cmd.Start()
		fmt.Printf("left %d\n", cmd.Process.Pid)
	case "noop":
		fmt.Println("ran")
	}
	os.Exit(0)
}

// spinners starts n CPU-bound processes, each printing "spinning" as it
// starts, and waits for them. Each is in a session of its own, as a
// learner's code may start them: where the kernel groups processes by
// session (autogroup), a session each is what lets many processes take
// more of the CPUs than one.
func spinners(arg string) {
	n, _ := strconv.Atoi(arg)
	self, err := os.Executable()
	if err != nil {
		fmt.Println(err)
		return
	}
	var started []*exec.Cmd
	for range n {
		cmd := exec.Command(self)
		cmd.Env = append(os.Environ(), roleKey+"=spin-loud")
		cmd.Stdout = os.Stdout
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
		if err := cmd.Start(); err != nil {
			fmt.Println(err)
			break
		}
		started = append(started, cmd)
	}
	for _, cmd := range started {
		_ = cmd.Wait()
	}
}

// probeNet lists the network interfaces it sees and dials addr.
func probeNet(addr string) {
	ifs, err := net.Interfaces()
	var names []string
	for _, i := range ifs {
		names = append(names, i.Name)
	}
	fmt.Printf("interfaces: %s (%v)\n", strings.Join(names, " "), errText(err))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err == nil {
		conn.Close()
	}
	fmt.Printf("dial %s: %v\n", addr, errText(err))
}

// errText is "ok" or the error's text.
func errText(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}
