package grading

// Unexported helpers the specs reach.
var (
	MergeTiming = mergeTiming
	HintOf      = hintOf
)
