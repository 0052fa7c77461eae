package kit

import "github.com/threadproc/threadproc/harness/say"

// korean is the kit's catalog in Korean, key for key the twin of english
// (messages_en.go).
var korean = say.Messages{
	// make learn: 지금 보고 있는 연습
	"learn.running":        "%s의 스펙을 돌리는 중 (%d/%d)…",
	"learn.focus":          "%s: 스펙 %[3]d개 중 %[2]d개 통과",
	"learn.focus.compile":  "%s: 컴파일되지 않습니다",
	"learn.more.lines":     "… 그리고 %d줄 더",
	"learn.problem":        "스위트가 끝나기 전에 멈췄습니다: %s",
	"learn.task.name":      "과제 %d · %s (%s)",
	"learn.task.none":      "과제가 없는 스펙",
	"learn.task":           "%s: 스펙 %[3]d개 중 %[2]d개 통과",
	"learn.task.done":      "✓ %s: 스펙 %d개 모두 통과",
	"learn.task.waits":     "· %s: 실패한 스펙 %d개는 위의 TODO(%d) 작성을 기다리는 중",
	"learn.spec.same":      "이것도 위와 같이 TODO(%d)에서 멈춥니다",
	"learn.spec.same.race": "위와 같은 데이터 경쟁입니다",
	"learn.spec.ungraded":  "여기서는 판정하지 못했습니다: %s",
	"learn.spec.howto": "판정하려면 한가한 컴퓨터에서 `make ex EX=%s FOCUS='%s'`를 돌리세요. 다른 프로그램은 닫고, " +
		"CPU는 2개 이상이어야 합니다. 프로세스를 밖에서 들여다보는 검사는 Linux에서만 됩니다.",
	"learn.spec.noreason": "스펙이 이유를 남기지 않았습니다",

	// make learn: 연습마다 한 줄
	"learn.progress":          "진행 상황:",
	"learn.row.done":          "스펙 %d/%d 통과",
	"learn.row.failing":       "스펙 %d/%d 통과",
	"learn.row.task":          "과제 %d · %s",
	"learn.row.unjudged":      "스펙 %d/%d 통과, %d개는 여기서 판정 못 함",
	"learn.row.plus.unjudged": "(%d개는 여기서 판정 못 함)",
	"learn.row.compile":       "컴파일되지 않음: %s",
	"learn.row.problem":       "실행되지 못함: %s",

	// make learn: 다음에 할 일
	"learn.count":   "연습 %[2]d개 중 %[1]d개 완료",
	"learn.alldone": "연습 %d개를 모두 마쳤습니다. 수고하셨어요!",
	"learn.next.todo": "다음: %[1]s, 과제 %[2]d (%[3]s): %[4]s에서 TODO(%[2]d) 부분을 작성하세요. " +
		"힌트를 하나씩 보려면 make hint EX=%[5]s (전부: %[6]s)",
	"learn.next.race": "다음: %[1]s, 과제 %[2]d (%[3]s): %[4]s에 데이터 경쟁이 있습니다. 두 고루틴이 같은 데이터를 " +
		"동시에 쓰고 있고, 적어도 하나는 값을 바꿉니다. 보호하세요 (TODO(%[2]d)). " +
		"힌트를 하나씩 보려면 make hint EX=%[5]s (전부: %[6]s)",
	"learn.next.task": "다음: %[1]s, 과제 %[2]d (%[3]s): 위에서 실패한 스펙을 통과시키세요 (%[4]s의 TODO(%[2]d)). " +
		"힌트를 하나씩 보려면 make hint EX=%[5]s (전부: %[6]s)",
	"learn.next.compile":  "다음: %s를 다시 컴파일되게 고치세요. 어디가 문제인지는 위의 컴파일러 메시지에 있습니다.",
	"learn.next.problem":  "다음: %s의 스펙이 끝나기 전에 멈췄습니다(위 참고). make ex EX=%s로 ginkgo의 출력을 그대로 볼 수 있습니다.",
	"learn.next.plain":    "다음: %s: 위에서 실패한 스펙을 통과시키세요. make ex EX=%s로 ginkgo의 출력을 그대로 볼 수 있습니다.",
	"learn.next.unjudged": "실패한 것은 없지만, %s에는 이 컴퓨터에서 판정하지 못한 스펙이 %d개 있습니다(위 참고). 마무리하려면 한가한 컴퓨터에서 make ex EX=%s를 돌리세요.",
	"learn.done.next":     "%s 완료. 다음: %s (make learn EX=%s)",
	"learn.done.last":     "%s 완료. 마지막 연습입니다. make learn은 %d개 연습을 모두 확인합니다.",
	"learn.only":          "(%s만 돌렸습니다. make learn은 연습 %d개를 모두 돌립니다)",
	"learn.full": "연습 하나의 ginkgo 출력 그대로: make ex EX=%s. 실패한 연습에서 멈추지 않고 모든 연습을 돌리려면: " +
		"go tool ginkgo --keep-going -race ./exercises/...",

	// make hint
	"hint.usage":          "사용법: make hint EX=02 [ALL=1] [TASK=n]",
	"hint.nolearn":        "아직 make learn을 돌리지 않아서 지금 어느 과제인지 모릅니다. 과제 %d의 힌트를 보여 드립니다(다른 과제는 TASK=n).",
	"hint.notask":         "지난 make learn에서 %s에 실패한 과제가 없었습니다. 과제 %d의 힌트를 보여 드립니다(다른 과제는 TASK=n).",
	"hint.exercise.done":  "지난 make learn에서 %s의 스펙은 모두 통과했습니다. 그래도 과제 %d의 힌트를 보여 드립니다(다른 과제는 TASK=n).",
	"hint.head":           "%s, 과제 %d · %s · 힌트 %[5]d개 중 %[4]d번째",
	"hint.head.mistakes":  "%s, 과제 %d · %s · 자주 하는 실수 (%d개 중 마지막)",
	"hint.head.all":       "%s, 과제 %d · %s · 힌트 전부",
	"hint.more":           "직접 해 보고 make learn을 다시 돌려 보세요. 그래도 막히면 make hint EX=%s로 다음 힌트를 볼 수 있습니다.",
	"hint.last":           "과제 %d의 마지막 힌트였습니다. 한꺼번에 다시 보려면: make hint EX=%s ALL=1",
	"hint.none.left":      "%[3]s 과제 %[2]d의 힌트 %[1]d개를 모두 보았습니다. 한꺼번에 다시 보려면: make hint EX=%[4]s ALL=1",
	"hint.file":           "(출처: %s)",
	"hint.nosection":      "%s에는 과제 %d의 힌트가 없습니다",
	"hint.state.unsaved":  "(어느 힌트까지 보았는지 저장하지 못했습니다: %v)",
	"reset.usage":         "사용법: make reset EX=02 [FILE=stats.go]",
	"reset.restored":      "%s/%s를 처음 뼈대로 되돌렸습니다. 작성하던 파일은 %s에 보관했습니다",
	"reset.restored.new":  "%s/%s를 처음 뼈대로 되돌렸습니다(파일이 없었습니다)",
	"reset.unchanged":     "%s/%s는 이미 처음 뼈대 그대로입니다. 할 일이 없습니다",
	"reset.nogit":         "make reset이 %s를 되돌리지 못했습니다: %v.\n키트를 새로 받은 사본(git clone이나 압축 파일)에서 그 파일을 가져와 덮어쓰세요. 그 전에 작성하던 파일은 따로 보관해 두세요.",
	"reset.record":        "연습 %d개의 뼈대를 %s에 기록했습니다",
	"reset.next":          "make learn EX=%s로 스펙을 다시 돌려 보세요.",
	"reset.state.unsaved": "(키트의 상태를 저장하지 못했습니다: %v)",
}
