package kit_test

import (
	"strings"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/say"
)

// notWrittenKo is notWritten as the harness writes it with THREADPROC_LANG=ko.
const notWrittenKo = `클라이언트 1: 응답을 기다림
  서버: 프로세스가 끝났습니다 (종료 상태 10)
    리스너가 아직 열려 있는데 Serve가 오류를 반환했습니다: not implemented (TODO 1)

  힌트: 한 연결의 읽기나 쓰기 오류(예: "connection reset by peer")는 그 클라이언트만 끝냅니다.
  힌트: 여러분의 코드가 "not implemented (TODO 1)"라고 합니다: 그 과제가 다음에 할 일입니다. 이 스펙이 확인하는 과제: 1번. 코드의 TODO(1) 부분과 HINTS.ko.md의 힌트 1번을 보세요.`

// wrongAnswerKo is a Korean failure of code that runs: its own hint
// applies, the harness's pointer does not.
const wrongAnswerKo = `클라이언트 1: 응답을 기다림
  기대: 3s 안에 한 줄 "hello\n"
  실제: "HELLO\n"

  힌트: 받은 줄을 그대로 돌려보내세요.
  힌트: 이 스펙이 확인하는 과제: 1번. 코드의 TODO(1) 부분과 HINTS.ko.md의 힌트 1번을 보세요.`

var _ = Describe("make learn's report, of a suite run in Korean", func() {
	It("leaves out the harness's Korean pointers, and the hints that do not apply to unwritten code", func() {
		out := view(say.Ko, run02(spec(1, 20, "failed", notWrittenKo)))
		Expect(out).To(ContainSubstring("Serve가 오류를 반환했습니다: not implemented (TODO 1)"))
		Expect(out).NotTo(ContainSubstring("connection reset by peer"), "a hint about running code does not apply to unwritten code")
		Expect(out).NotTo(ContainSubstring("HINTS.ko.md의 힌트 1번"), "the kit's own pointer replaces the harness's")
		Expect(out).NotTo(ContainSubstring("여러분의 코드가"))
	})

	It("keeps a spec's own Korean hint and drops only the harness's pointer", func() {
		out := view(say.Ko, run02(spec(1, 20, "failed", wrongAnswerKo)))
		Expect(out).To(ContainSubstring("힌트: 받은 줄을 그대로 돌려보내세요."))
		Expect(out).NotTo(ContainSubstring("이 스펙이 확인하는 과제"))
		Expect(strings.Count(out, "힌트:")).To(Equal(1), out)
	})
})
