package procs

import (
	"cmp"
	"slices"
)

// sortByPID sorts infos by PID in place and returns it.
func sortByPID(infos []Info) []Info {
	slices.SortFunc(infos, func(a, b Info) int { return cmp.Compare(a.PID, b.PID) })
	return infos
}

// childrenIn returns the direct children of pid within a process snapshot,
// sorted by PID, bare clones left out (see [Info.Probe]).
func childrenIn(all []Info, pid int) []Info {
	var out []Info
	for _, p := range all {
		if p.PPID == pid && p.PID != pid && !p.Probe {
			out = append(out, p)
		}
	}
	return sortByPID(out)
}

// descendantsIn walks PPID links within a process snapshot and returns every
// descendant of pid (children, grandchildren, ...), sorted by PID, bare
// clones left out (see [Info.Probe]). The walk
// visits each process at most once, so it terminates even on a snapshot
// whose PPID links form a cycle (possible when PIDs are reused mid-scan).
func descendantsIn(all []Info, pid int) []Info {
	byParent := make(map[int][]Info, len(all))
	for _, p := range all {
		if p.PID != p.PPID && !p.Probe {
			byParent[p.PPID] = append(byParent[p.PPID], p)
		}
	}
	seen := map[int]bool{pid: true}
	var out []Info
	queue := []int{pid}
	for len(queue) > 0 {
		parent := queue[0]
		queue = queue[1:]
		for _, c := range byParent[parent] {
			if seen[c.PID] {
				continue
			}
			seen[c.PID] = true
			out = append(out, c)
			queue = append(queue, c.PID)
		}
	}
	return sortByPID(out)
}

// sortedUnique sorts pids and removes duplicates.
func sortedUnique(pids []int) []int {
	slices.Sort(pids)
	return slices.Compact(pids)
}
