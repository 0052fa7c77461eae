package harness_test

import (
	"fmt"
	"time"

	. "github.com/onsi/ginkgo/v2"

	"github.com/threadproc/threadproc/harness"
)

// A spec file of an exercise: a Describe per task, a server started per spec
// (cleaned up by the harness), clients that report in a learner's words.
func Example() {
	_ = Describe("Serve, one goroutine per client", harness.Task(1), func() {
		var srv *harness.Server
		BeforeEach(func() { srv = harness.StartServer("goroutines") })

		When("a client stays silent", func() {
			It("does not delay another client's echo", func() {
				silent, other := srv.Dial(), srv.Dial()
				other.SendLine("hello")
				other.ExpectLine("hello", "go back to Accept at once: serve each client on a goroutine of its own.")
				silent.SendLine("my turn")
				silent.ExpectLine("my turn")
			})
		})
	})
}

// Task labels a spec with the task it checks; failures then point at TODO(n)
// and hint n, and `make learn` orders its report by task.
func ExampleTask() {
	fmt.Println(harness.Task(3))
	// Output: [task-3]
}

// A Budget says what it was derived from, for the message of a spec that ran
// out of it.
func ExampleBudget_String() {
	b := harness.Budget{Workers: 200, PerStart: 40 * time.Millisecond, Total: 64 * time.Second}
	fmt.Println(b)
	// Output: starting a process costs 40ms here, so 200 workers were given 1m4s
}
