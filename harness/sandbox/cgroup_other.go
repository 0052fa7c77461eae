//go:build !linux

package sandbox

import (
	"errors"
	"runtime"
)

// detectCgroups: cgroups are Linux's.
func detectCgroups() Cgroups {
	return Cgroups{Problem: "cgroups are Linux's; " + runtime.GOOS + " has none"}
}

// cgroup is never made off Linux.
type cgroup struct{}

func newCgroup(Cgroups, string, Limits) (*cgroup, error) {
	return nil, errors.New("cgroups are Linux's")
}

func (g *cgroup) procsFiles() []string { return nil }
func (g *cgroup) shareProblem() string { return "" }
func (g *cgroup) usage() Usage         { return Usage{} }
func (g *cgroup) close() error         { return nil }
