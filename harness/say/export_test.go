package say

// FromLookup is fromLookup, for the specs.
var FromLookup = fromLookup
