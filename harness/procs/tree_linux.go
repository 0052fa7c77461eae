package procs

// snapshot reads /proc/*/stat for every process. Processes that vanish
// during the scan are skipped.
func snapshot() ([]Info, error) {
	pids, err := allPIDs()
	if err != nil {
		return nil, err
	}
	all := make([]Info, 0, len(pids))
	for _, pid := range pids {
		st, err := readStat(pid)
		if err != nil {
			if gone(err) {
				continue
			}
			return nil, procErr(pid, err)
		}
		all = append(all, st.Info)
	}
	return all, nil
}

// Children returns the direct children of pid, zombies included, bare
// clones left out (see [Info.Probe]), sorted by PID. The error wraps os.ErrNotExist when pid itself does not exist.
func Children(pid int) ([]Info, error) {
	if _, err := Get(pid); err != nil {
		return nil, err
	}
	all, err := snapshot()
	if err != nil {
		return nil, err
	}
	return childrenIn(all, pid), nil
}

// Descendants returns every process below pid in the process tree
// (children, grandchildren, ...), found by following PPID links in one scan
// of /proc, sorted by PID, bare clones left out (see [Info.Probe]). Orphans
// re-parented to init or a subreaper are no longer descendants. The error wraps os.ErrNotExist when pid does not exist.
func Descendants(pid int) ([]Info, error) {
	if _, err := Get(pid); err != nil {
		return nil, err
	}
	all, err := snapshot()
	if err != nil {
		return nil, err
	}
	return descendantsIn(all, pid), nil
}
