package grading

// Unexported helpers the specs reach.
var (
	MergeTiming   = mergeTiming
	HintOf        = hintOf
	PlanClass     = planClass
	UsedEntries   = usedEntries
	CalibratePlan = calibratePlan
	Confirmed     = confirmed
)

// LearnerPlan is what one generated learner's copy will hold.
type LearnerPlan = learnerPlan
