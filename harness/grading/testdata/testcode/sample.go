package sample

// A file shaped like a spec file, for the specs of TestCode: it is parsed,
// never built.

var _ = Describe("a server", func() {
	It("echoes a line", func(ctx SpecContext) {
		c := srv.Dial()
		c.SendLine("hello")

		c.ExpectLine("hello")
	})

	DescribeTable("answers",
		func(in, out string) { check(in, out) },
		Entry("an empty line", "", ""),
	)
})
