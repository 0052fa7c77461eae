package kit

// DescribeHosts is describeHosts, for the specs.
var DescribeHosts = describeHosts
