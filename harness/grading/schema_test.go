package grading_test

import (
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/grading"
)

// Each schema check must reject the mistakes a writer could make: a status
// word of another format, a misspelt key, a missing field, a wrong type, a
// bound passed.
var _ = Describe("the schema checks", func() {
	DescribeTable("accept the documented shape of GitHub Classroom's result, and reject a mistake",
		func(doc, mistake string) {
			if mistake == "" {
				Expect(grading.ValidateClassroom([]byte(doc))).To(Succeed())
				return
			}
			Expect(grading.ValidateClassroom([]byte(doc))).To(MatchError(ContainSubstring(mistake)))
		},
		Entry("a valid result", `{"version":1,"status":"fail","max_score":20,"tests":[{"name":"t1","status":"pass","score":10,"message":"ok"},{"name":"t2","status":"fail","score":0,"message":"no","line_no":3,"filename":"a_test.go","duration":0.5}]}`, ""),
		Entry("a status of another format", `{"version":1,"status":"passed","max_score":10,"tests":[{"name":"t","status":"pass","score":10}]}`, `status is passed`),
		Entry("another version", `{"version":2,"status":"pass","max_score":10,"tests":[{"name":"t","status":"pass","score":10}]}`, `version is 2`),
		Entry("a misspelt key", `{"version":1,"status":"pass","max_score":10,"tests":[{"name":"t","status":"pass","scroe":10}]}`, `"scroe"`),
		Entry("no score, which the reporter adds up", `{"version":1,"status":"pass","max_score":10,"tests":[{"name":"t","status":"pass"}]}`, `has no "score"`),
		Entry("a score as text", `{"version":1,"status":"pass","max_score":10,"tests":[{"name":"t","status":"pass","score":"10"}]}`, `score is not a number`),
		Entry("scores past max_score", `{"version":1,"status":"pass","max_score":5,"tests":[{"name":"t","status":"pass","score":10}]}`, `more than max_score`),
		Entry("a pass with a failing test", `{"version":1,"status":"pass","max_score":10,"tests":[{"name":"t","status":"fail","score":0}]}`, `not every test passes`),
		Entry("no tests", `{"version":1,"status":"pass","max_score":10,"tests":[]}`, `fewer than 1`),
		Entry("no max_score", `{"version":1,"status":"pass","tests":[{"name":"t","status":"pass","score":1}]}`, `has no "max_score"`),
	)

	DescribeTable("accept the documented shape of Gradescope's results.json, and reject a mistake",
		func(doc, mistake string) {
			if mistake == "" {
				Expect(grading.ValidateGradescope([]byte(doc))).To(Succeed())
				return
			}
			Expect(grading.ValidateGradescope([]byte(doc))).To(MatchError(ContainSubstring(mistake)))
		},
		Entry("a valid results.json", `{"score":44,"execution_time":136,"output":"x","visibility":"after_due_date","stdout_visibility":"visible","extra_data":{},"tests":[{"score":2,"max_score":2,"name":"n","number":"1.1","output":"o","tags":["a","b"],"visibility":"visible","extra_data":{}}],"leaderboard":[{"name":"Time","value":15.1,"order":"asc"}]}`, ""),
		Entry("tests' scores only", `{"tests":[{"score":2,"max_score":2}]}`, ""),
		Entry("no score anywhere", `{"tests":[{"max_score":2,"name":"n"}]}`, `has no score`),
		Entry("a visibility it does not define", `{"score":1,"tests":[{"score":1,"visibility":"public"}]}`, `visibility is public`),
		Entry("a tag that is no string", `{"score":1,"tests":[{"score":1,"tags":[1]}]}`, `tags[0]`),
		Entry("a number that is no string", `{"score":1,"tests":[{"score":1,"number":1.1}]}`, `number is 1.1, not a string`),
		Entry("a misspelt key", `{"score":1,"test":[]}`, `"test"`),
		Entry("a negative execution time", `{"score":1,"execution_time":-1}`, `execution_time is -1`),
	)

	DescribeTable("accept the documented shape of exercism's v3 results.json, and reject a mistake",
		func(doc, mistake string) {
			if mistake == "" {
				Expect(grading.ValidateExercism([]byte(doc))).To(Succeed())
				return
			}
			Expect(grading.ValidateExercism([]byte(doc))).To(MatchError(ContainSubstring(mistake)))
		},
		Entry("the spec's v3 example", `{"version":3,"status":"fail","message":null,"tests":[{"name":"Test that the thing works","status":"fail","message":"Expected 42 but got 123123","output":"Debugging information output by the user","test_code":"assert_equal 42, answerToTheUltimateQuestion()","task_id":1}]}`, ""),
		Entry("an error with its message", `{"version":3,"status":"error","message":"does not compile","tests":[]}`, ""),
		Entry("version 2", `{"version":2,"status":"pass","tests":[]}`, `version is 2`),
		Entry("an error without a message", `{"version":3,"status":"error","tests":[]}`, `required when status is error`),
		Entry("a message with a pass", `{"version":3,"status":"pass","message":"all good","tests":[]}`, `must be null or absent`),
		Entry("output past 500 characters", `{"version":3,"status":"fail","tests":[{"name":"t","status":"fail","output":"`+strings.Repeat("안", 501)+`"}]}`, `501 characters`),
		Entry("a task 0", `{"version":3,"status":"pass","tests":[{"name":"t","status":"pass","task_id":0}]}`, `task_id is 0`),
		Entry("a test with no name", `{"version":3,"status":"pass","tests":[{"status":"pass"}]}`, `has no "name"`),
		Entry("a pass with a failed test", `{"version":3,"status":"pass","tests":[{"name":"t","status":"fail"}]}`, `a test did not pass`),
		Entry("a fail where all passed", `{"version":3,"status":"fail","tests":[{"name":"t","status":"pass"}]}`, `every test passed`),
		Entry("a status of another format", `{"version":3,"status":"fail","tests":[{"name":"t","status":"failed"}]}`, `status is failed`),
		Entry("a misspelt key", `{"version":3,"status":"pass","tests":[{"name":"t","status":"pass","taskid":1}]}`, `"taskid"`),
	)

	DescribeTable("accept the kit's CSV, and reject a mistake",
		func(doc, mistake string) {
			err := grading.ValidateCSV([]byte(doc), []string{"learner", "exercise", "points", "max", "state", "seconds"})
			if mistake == "" {
				Expect(err).To(Succeed())
				return
			}
			Expect(err).To(MatchError(ContainSubstring(mistake)))
		},
		Entry("a valid CSV", "learner,exercise,points,max,state,seconds\nada,01-echo,40,50,failed,3.5\n", ""),
		Entry("another header", "learner,exercise,score,max,state,seconds\nada,01-echo,40,50,failed,3.5\n", "the header"),
		Entry("points that are no number", "learner,exercise,points,max,state,seconds\nada,01-echo,forty,50,failed,3.5\n", "points is not a whole number"),
		Entry("a state it does not define", "learner,exercise,points,max,state,seconds\nada,01-echo,40,50,pass,3.5\n", `state "pass"`),
		Entry("a short row", "learner,exercise,points,max,state,seconds\nada,01-echo,40\n", "wrong number of fields"),
	)
})
