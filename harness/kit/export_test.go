package kit

import "context"

// DescribeHosts is describeHosts, for the specs.
var DescribeHosts = describeHosts

// CacheKey is the binary cache's key of a suite's build, for the specs.
func CacheKey(s *Suite) (string, error) {
	c := &binCache{envs: map[string]string{}, files: map[string]*pkgFiles{}}
	return c.key(context.Background(), s, []string{"test", "-c", "-race"})
}
