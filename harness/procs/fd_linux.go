package procs

import (
	"os"
	"strconv"
	"syscall"
)

// fdScanner reads /proc/PID/fd symlinks, reusing one buffer.
type fdScanner struct {
	buf [128]byte
}

// socketInodes calls fn with the inode of every socket pid holds an fd on;
// fn returns false to stop early. It returns the raw error from opening
// /proc/PID/fd (ENOENT when the process is gone, EACCES for other users'
// processes). Fds closed during the scan are skipped.
func (s *fdScanner) socketInodes(pid int, fn func(inode uint64) bool) error {
	dirPath := procPath(pid, "fd")
	dir, err := os.Open(dirPath)
	if err != nil {
		return err
	}
	names, err := dir.Readdirnames(-1)
	dir.Close()
	if err != nil {
		return err
	}
	const prefix = "socket:["
	for _, name := range names {
		n, err := syscall.Readlink(dirPath+"/"+name, s.buf[:])
		if err != nil || n <= len(prefix)+1 || string(s.buf[:len(prefix)]) != prefix || s.buf[n-1] != ']' {
			continue
		}
		inode, err := strconv.ParseUint(string(s.buf[len(prefix):n-1]), 10, 64)
		if err != nil {
			continue
		}
		if !fn(inode) {
			return nil
		}
	}
	return nil
}
