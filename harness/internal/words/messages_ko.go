package words

import "github.com/threadproc/threadproc/harness/say"

// korean is the harness's catalog in Korean, key for key the twin of
// english (messages_en.go). Names the learner types or reads in the code
// (Serve, TODO(3), net.ErrClosed, GOMAXPROCS) stay as they are, and so does
// what a client sent or received, which the messages quote.
var korean = say.Messages{
	// 실패 메시지의 틀
	"frame.race.first": "먼저: 이 스펙을 실행하는 동안 서버에서 데이터 레이스가 일어났습니다%s. 아래의 문제는 무엇이든 " +
		"레이스 때문에 생길 수 있으니 이것부터 고치세요(레이스 디텍터의 리포트는 아래에 있습니다).",
	"frame.did":      "%s: %s",
	"frame.expected": "  기대: %s",
	"frame.got":      "  실제: %s",
	"frame.log":      "  이 연결에서 오간 내용 (→ %s 쪽에서 보냄, ← 받음):",
	"frame.server":   "  서버: %s",
	"frame.hint":     "힌트: %s",
	"list.and":       "%s, %s",
	"excerpt.more":   "[... %d줄 더 ...]",
	"unjudged":       "여기서는 판정하지 못했습니다: %s",

	// 스펙이 확인하는 과제를 가리키는 말
	"pointer.todo": `여러분의 코드가 "not implemented (TODO %d)"라고 합니다: 그 과제가 다음에 할 일입니다.`,
	"pointer.task": "이 스펙이 확인하는 과제: %[1]d번. 코드의 TODO(%[1]d) 부분과 HINTS.ko.md의 힌트 %[1]d번을 보세요.",

	// 연결에서 오간 내용
	"log.empty":       "(주고받은 것이 없습니다)",
	"log.cut":         "(앞의 %d개는 생략)",
	"log.closed":      "← (%s 쪽에서 연결을 닫음)",
	"log.half-closed": "→ (입력 끝: 클라이언트가 자기 쪽만 닫음, half-close)",
	"log.reset":       "→ (클라이언트가 연결을 리셋함)",
	"quote.cut":       "%s… (모두 %d바이트)",

	// 클라이언트
	"client.name":        "클라이언트 %d",
	"client.new":         "새 클라이언트",
	"client.spec-server": "스펙의 서버",
	"peer.server":        "서버",
	"peer.client":        "여러분의 클라이언트",
	"dial.did":           "%s에 연결함",
	"dial.expected":      "서버가 연결을 받아들임",
	"dial.hint":          "서버는 프로세스가 살아 있고 리스너가 열려 있는 동안에만 연결을 받습니다.",
	"dial.failed":        "%s에 연결하지 못했습니다: %v",
	"send.did":           "%s 보냄",
	"send.expected":      "쓰기가 성공함",
	"read.too-long":      "줄바꿈 없이 %d바이트 넘게 도착했습니다",
	"reply.did":          "응답을 기다림",
	"reply.expected":     "%[2]s 안에 한 줄 %[1]s",
	"reply.expected-busy": "서버의 프로세스들에 마지막으로 실행할 일이 있던 때부터 %[2]s 안에 한 줄 %[1]s " +
		"(모두 합쳐 최대 %[3]s: 여기서 프로세스 %[4]d개를 시작하는 데 걸릴 수 있는 시간)",
	"data.expected":     "%[2]s 안에 정확히 %[1]s",
	"closed.did":        "%s 쪽에서 연결을 닫기를 기다림",
	"closed.expected":   "더 보내는 것 없이 연결이 닫힘",
	"closed.sent":       "닫는 대신 %s 쪽에서 %s 보냄",
	"closed.within":     "%s 안에 연결이 닫힘",
	"deliver.did":       "%s 보냄 (다른 것을 보내기 전에 읽혀야 함)",
	"deliver.expected":  "상대편이 그것을 읽음",
	"deliver.got":       "%d바이트가 %s 뒤에도 읽히지 않음",
	"open.did":          "%s 동안 기다림",
	"open.expected":     "연결이 열린 채 조용히 있음",
	"open.sent":         "서버가 %s 보냄",
	"half-close.failed": "%s: 연결의 자기 쪽만 닫지(half-close) 못했습니다: %v",
	"files.not-out":     "서버는 %[3]s 뒤에도 열 수 있는 파일 디스크립터 %[2]d개 중 %[1]d개만 쥐고 있어 한도에 닿지 않았습니다: Accept가 \"too many open files\"로 실패할 때 어떻게 하는지 볼 수 없습니다 (연결 수를 한도 아래로 스스로 제한하는 서버나, 이만큼 느린 서버는 그 오류를 만나지 않습니다)",

	// 응답 대신 온 것
	"reply.error":        "%s (서버가 오류로 답했습니다)",
	"reply.no-newline":   `%s, 그 뒤로는 아무것도 오지 않았습니다: 응답이 "\n" 없이 왔습니다`,
	"reply.then-nothing": "%s, 그 뒤로 %s 동안 아무것도 오지 않았습니다",
	"reply.then-closed":  "%s, 그 뒤에 서버가 연결을 닫았습니다",
	"reply.nothing":      "%s 동안 아무것도 오지 않았습니다 (서버가 답하지도, 연결을 닫지도 않았습니다)",
	"reply.closed":       "서버가 답하지 않고 연결을 닫았습니다",
	"outcome.hang":       "%s: %s 동안 아무것도 받지 못함, 답도 연결 종료도 없음",

	// 서버 프로세스
	"start.no-binary":     "하니스가 자기 테스트 바이너리를 찾지 못했습니다",
	"start.no-listen":     "하니스가 127.0.0.1:0에서 리슨하지 못했습니다",
	"start.server":        "하니스가 서버 프로세스를 시작하지 못했습니다",
	"start.client":        "하니스가 클라이언트 프로그램을 시작하지 못했습니다",
	"status.running":      "아직 실행 중 (pid %d)",
	"status.ended":        "프로세스가 %s",
	"status.output":       "  출력:",
	"exit.running":        "아직 실행 중입니다 (pid %d)",
	"exit.killed.by":      "하니스에 의해 강제로 끝났습니다. 이유: %s",
	"exit.killed":         "시그널을 받고 끝났습니다: %s",
	"exit.ok":             "Serve가 nil을 반환한 뒤 정상적으로 끝났습니다",
	"exit.status.harness": "끝났습니다 (종료 상태 %d)",
	"exit.panic":          "비정상 종료했습니다 (종료 상태 2: Go 프로그램이 panic으로 죽을 때의 상태)",
	"exit.race":           "종료 상태 66으로 끝났습니다: 레이스 디텍터가 데이터 레이스를 찾았습니다",
	"exit.status":         "끝났습니다 (종료 상태 %d)",
	"kill.shutdown":       "Shutdown 뒤에도 끝나지 않았습니다",
	"kill.spec-ended":     "스펙이 끝났습니다",
	"kill.owner":          "서버를 띄운 코드가 끝냈습니다",
	"kill.fork-bomb": "한꺼번에 프로세스를 %d개 띄웠는데, 이 스펙이 허용하는 %d개보다 많습니다. 워커마다 프로그램을 " +
		"다시 실행하는데 워커 모드로 넘어가지 않으면, 워커가 또 워커를 띄웁니다(포크 폭탄)",
	"outcome.fork-bomb": "서버 아래에 프로세스가 한꺼번에 %d개, 허용된 %d개보다 많음",
	"outcome.panic":     "종료 상태 2 (Go 프로그램이 panic으로 죽을 때의 상태)",
	"shutdown.no-exit":  "리스너를 닫았는데도 서버 프로세스가 끝나지 않았습니다",
	"shutdown.after":    "리스너를 닫은 뒤 서버 프로세스가 %s",
	"shutdown.before":   "서버 프로세스는 Shutdown 전에 이미 끝나 있었습니다: %s",
	"cleanup.killed":    "하니스가 서버를 강제로 끝내야 했습니다. 이유: %s",
	"cleanup.stopped":   "이 스펙 도중에 서버 프로세스가 스스로 멈췄습니다: %s\n\n출력:\n%s",

	// 데이터 레이스
	"race.where":       " (%s:%s, %s)",
	"race.where.task":  " (%[1]s:%[2]s, %[3]s: 과제 %[4]d에서 작성하는 곳, TODO %[4]d, 힌트 %[4]d)",
	"race.where.tasks": " (%s:%s, %s: 과제 %s에서 작성하는 곳)",
	"race.found": "이 스펙을 실행하는 동안 레이스 디텍터가 서버에서 데이터 레이스를 찾았습니다%s. 두 고루틴이 같은 " +
		"메모리를 동시에 사용했고, 그중 적어도 하나는 거기에 값을 썼습니다. 함께 쓰는 데이터는 sync.Mutex로 " +
		"보호하거나 sync/atomic을 쓰세요.",
	"race.rebuilt": "이 테스트 바이너리는 레이스 디텍터 없이 빌드되어서, 하니스가 -race를 붙여 다시 빌드했습니다(서버의 " +
		"데이터 레이스는 그것을 일으킨 스펙을 실패시켜야 하니까요). 다시 빌드한 바이너리는 코드가 바뀔 때까지 " +
		"다시 씁니다. `go tool ginkgo -race`(또는 `make ex EX=NN`)로 돌리면 처음부터 -race로 빌드합니다.",
	"race.refuse": "이 스펙들은 레이스 디텍터를 켠 상태에서만 코드를 판정하는데, 이 테스트 바이너리는 레이스 디텍터 " +
		"없이 빌드되었고, -race로 다시 빌드하는 데도 실패했습니다: %v\n대신 레이스 디텍터를 켜고 스펙을 돌리세요:\n" +
		"    go tool ginkgo -race ./exercises/NN-name     (또는: go test -race ./exercises/NN-name, make ex EX=NN)",
	"race.still-none": "다시 빌드한 테스트 바이너리에도 레이스 디텍터가 없습니다",

	// 서버 프로세스가 직접 쓰는 줄
	"child.stray": "이 프로세스(pid %s)는 여러분의 서버(pid %s)가 띄운 프로그램의 사본인데 워커 모드로 들어가지 " +
		"않았으므로, 서버를 하나 더 띄우는 대신 여기서 끝납니다. 다시 실행된 프로그램이 다른 무엇보다 먼저 자기가 " +
		"워커라는 것을 알아차리는지 확인하세요.",
	"child.stray.mark": "워커 모드로 들어가지 않았",
	"child.copy": "이 프로세스(pid %d)는 테스트 실행 안에서(pid %d의 프로세스 트리에서) 띄운 테스트 바이너리의 " +
		"사본이라 스펙을 다시 돌리지 않습니다. 서버가 자기 자신을 워커로 다시 실행한다면, 워커 모드가 넘겨받지 " +
		"못한 것입니다.",
	"child.args": "이 테스트 바이너리는 테스트 플래그 없이 인자 %q로 시작되었습니다. 서버가 자기 자신을 워커로 다시 " +
		"실행한다면, 워커 모드가 넘겨받지 못한 것입니다.",
	"child.no-role":           "이 스위트에 없는 %s 이름입니다: %q",
	"child.listener":          "이 프로세스에 넘겨준 리스너를 쓸 수 없습니다: %v",
	"child.serve.error":       "리스너가 아직 열려 있는데 Serve가 오류를 반환했습니다: %v",
	"child.serve.nil":         "리스너가 아직 열려 있는데 Serve가 nil을 반환했습니다: 클라이언트 받기를 그만둔 것입니다",
	"child.serve.error.after": "리스너를 닫은 뒤 Serve가 오류를 반환했습니다: %v",
	"child.serve.no-return":   "리스너를 닫고 %v가 지나도 Serve가 반환하지 않았습니다. 그때 고루틴들은 이랬습니다:",
	"child.after-serve":       "Serve가 반환한 뒤: %v",
	"child.client.error":      "클라이언트 프로그램이 오류를 반환했습니다: %v",

	// 프로세스 검사
	"procs.skip":          "이 스펙은 밖에서 들여다보며 확인합니다(%s). 이 시스템에서는 그럴 수 없습니다: %v",
	"procs.what.owner":    "어느 프로세스가 연결을 맡는지",
	"procs.what.sockets":  "프로세스가 어떤 소켓을 쥐고 있는지",
	"procs.what.children": "서버의 자식 프로세스",
	"owned.no-look":       "하니스가 들여다보지 못했습니다: %s",
	"owned.did":           "밖에서 조사함: 이 연결(%s → %s)의 서버 쪽을 어느 프로세스가 쥐고 있는지",
	"owned.expected":      "%[2]v 안에 정확히 프로세스 하나, 그것도 서버(pid %[1]d)의 자식 프로세스",
	"owners.none":         "어느 프로세스도 없음: 연결의 서버 쪽이 닫혀 있습니다",
	"owners.server":       "서버 프로세스 자신(pid %d): 연결을 자식 프로세스가 아니라 서버 프로세스 자신이 맡고 있습니다",
	"owners.both": "서버 프로세스 자신(pid %d)과 %s 둘 다: 서버가 연결을 넘겨준 뒤에도 자기 사본을 닫지 않아서, " +
		"자식 프로세스만이 아니라 서버 프로세스 자신도 아직 연결을 쥐고 있습니다(읽을 수도 있습니다)",
	"owners.several":     "여러 프로세스가 한꺼번에: %s. 연결은 프로세스 하나가 맡아야 합니다",
	"pid.gone":           "pid %d (이미 없음)",
	"pid.child":          "자식 프로세스 %d (%s)",
	"pid.other":          "프로세스 %d (%s, 부모는 %d): 서버의 자식 프로세스가 아님",
	"listener.no-read":   "하니스가 프로세스 %d의 소켓을 읽지 못했습니다: %v",
	"listener.own":       "%s (서버 자신의 리스너)",
	"listener.did":       "밖에서 조사함: 어떤 소켓을 쥐고 있는지",
	"listener.expected":  "자기 클라이언트의 연결만 있고, 리슨 소켓은 없음",
	"listener.got":       "리슨 소켓 %s도 쥐고 있습니다",
	"server.pid":         "서버(pid %d)",
	"zombies.did":        "밖에서 조사함: 자식 프로세스들",
	"zombies.expected":   "%v 안에 좀비가 하나도 없음",
	"zombies.got":        "좀비 %d개: %s. 좀비는 이미 끝났지만 부모가 아직 기다려 주지(거두지) 않아서 프로세스 표에 남아 있는 프로세스입니다",
	"left.who":           "서버(pid %d)와 그 프로세스들",
	"left.did":           "모두가 물려받은 태그로 밖에서 찾아봄",
	"left.expected":      "%v 안에 하나도 실행 중이지 않음",
	"left.got":           "이 서버의 프로세스 %d개가 아직 실행 중: %s",
	"left.orphans":       ". 서버 프로세스는 이미 끝났으니, 그중 %d개는 다른 프로세스에 입양된 고아인데도 여전히 클라이언트를 상대하고 있습니다",
	"proc.info":          "%d (%s, 부모 %d, 상태 %c)",
	"kill.failed":        "하니스가 서버 프로세스(pid %d)를 죽이지 못했습니다: %v",
	"kill.no-end":        "SIGKILL을 보내고 %[2]v가 지나도 서버 프로세스(pid %[1]d)가 끝나지 않았습니다",
	"interrupt.no-end":   "Ctrl-C(프로세스 그룹에 SIGINT)를 보내고 %[2]v가 지나도 서버 프로세스(pid %[1]d)가 끝나지 않았습니다",
	"interrupt.no-group": "이 시스템에는 Ctrl-C(SIGINT)를 보낼 프로세스 그룹이 없습니다",
	"stray.failed": "서버가 워커로 띄운 프로그램 사본이 워커 모드로 들어가지 않았거나, 워커 모드를 벗어나 프로그램의 " +
		"나머지를 이어서 실행했습니다(carried on). 워커 모드가 넘겨받지 못해서 하니스가 그 사본을 멈췄습니다. 사본이 " +
		"남긴 말:\n    %s\n\n워커는 여러분의 프로그램을 다시 실행한 것으로, 연결을 fd 3으로 받고 환경 변수에 표시가 " +
		"있습니다. 프로그램이 (테스트나 main의 본래 일보다 먼저) 맨 처음 하는 일은 그 표시를 알아차리고, 연결을 " +
		"상대하고, 끝나는 것이어야 합니다. 서버가 검사하는 쪽과 같은 표시를 붙이는지, 그 검사가 가장 먼저 도는지, " +
		"워커가 클라이언트를 다 상대한 뒤 끝나는지 확인하세요.",

	// 여러 클라이언트, 클라이언트 프로그램, go vet, 이 컴퓨터
	"together.failed":    "클라이언트 %[2]d개 중 %[1]d개가 실패했습니다. 첫 실패가 위에 보고되어 있습니다",
	"clientprog.waited":  "스펙의 서버가 %v 동안 클라이언트 프로그램의 연결을 기다렸지만 연결이 오지 않았습니다: %v",
	"clientprog.ended":   "클라이언트 프로그램이 서버에 연결하기 전에 끝났습니다.",
	"clientprog.state":   "  클라이언트 프로그램: %s",
	"clientprog.running": "아직 실행 중입니다",
	"clientprog.exited":  "끝났습니다 (종료 상태 %d)",
	"clientprog.stderr":  ". stderr 출력:\n%s",
	"vet.found":          "go vet이 코드에서 문제를 찾았습니다:",
	"vet.task":           "  (과제 %s)",
	"vet.words":          "  go vet의 출력 그대로:",
	"vet.hint":           "`go vet ./exercises/...`를 직접 돌려 보세요. 찾은 문제마다 파일과 줄이 나옵니다.",
	"vet.no-run":         "go vet을 실행하지 못했습니다: %s",
	"budget.unmeasured":  "여기서는 프로세스 하나를 시작하는 비용을 잴 수 없어서, 워커 %d개에 %v를 주었습니다",
	"budget":             "여기서는 프로세스 하나를 시작하는 데 %v가 들어서, 워커 %d개에 %v를 주었습니다",

	// 패키지 speedup
	"speedup.cpu.unknown":     "이 시스템에서는 서버의 CPU 시간을 알 수 없음",
	"speedup.cpu":             "서버 CPU/벽시계 시간: 한꺼번에 %.2f, 하나씩 %.2f",
	"speedup.demand":          ", 한꺼번에 요청한 CPU %.2f개",
	"speedup.measurement":     "작업 %d개: 하나씩 %v, 한꺼번에 %v, 속도 향상 %.2fx; %s; 호스트 병렬성 %.2f; %d회 측정의 중앙값",
	"speedup.did":             "%q 보냄 (%s)",
	"speedup.when.warmup":     "워밍업 중",
	"speedup.when.sequential": "작업을 하나씩 보내는 중",
	"speedup.when.parallel":   "작업을 한꺼번에 보내는 중",
	"speedup.no-cpu-time": "이 스펙은 운영체제에서 서버의 CPU 시간을 읽는데, 이 시스템은 그것을 제공하지 않습니다" +
		"(Linux의 /proc가 필요합니다). 다른 speedup 스펙들은 벽시계 시간으로 병렬성을 계속 확인합니다.",
	"speedup.no-overlap": "작업이 겹치지 않았습니다: 작업 %d개가 한꺼번에 도는 동안 서버의 CPU 시간을 벽시계 시간으로 " +
		"나눈 값이 %.2f였는데, 작업을 한 번에 하나씩 돌리는 서버는 1.0을 넘을 수 없습니다.%s",
	"speedup.serial": "작업이 하나씩 차례로 돌았습니다: 작업 %d개를 한꺼번에 보냈는데 서버의 스레드들이 요청한 CPU는 " +
		"%.2f개로 한 개쯤이었습니다. 작업을 동시에 돌리는 서버라면 약 %d개(적어도 %.2f개)를 요청합니다.%s",
	"speedup.credited": " (스레드들이 요청한 CPU %[2].2f개 중 이 기계가 주지 못한 몫을 셈에 넣으면 %[1].2fx)",
	"speedup.no-speedup": "빨라지지 않았습니다: 작업 %d개를 한꺼번에 보내면 %v, 작업 %d개를 하나씩 보내면 %v가 걸려 " +
		"속도 향상이 %.2fx에 그쳤습니다. 서버의 프로세스들은 CPU %.2f개를 바쁘게 썼는데도 말입니다%s. 이 호스트에서 " +
		"병렬 작업은 약 %.2fx(테스트 프로세스 자신이 얻은 병렬성)에 이르므로 적어도 %.2fx를 기대했습니다: 무언가가 " +
		"한 작업을 다른 작업이 끝나기를 기다리게 하거나, 같은 일을 두 번 이상 하고 있습니다.",
	"speedup.parallel.cpu": "작업이 병렬로 돌았습니다: 작업 %d개가 한꺼번에 도는 동안 서버의 CPU 시간을 벽시계 시간으로 " +
		"나눈 값이 %.2f로 CPU 한 개 분량을 넘었고(한 번에 하나씩이면 1.0 이하에 머뭅니다. 여기서 한계는 %.2f), " +
		"하나씩 돌릴 때보다 %.2fx 빨리 끝났습니다.",
	"speedup.parallel.demand": "작업이 병렬로 돌았습니다: 작업 %d개가 한꺼번에 도는 동안 서버의 스레드들이 CPU %.2f개를 " +
		"동시에 요청했습니다(실제로 얻은 것은 %.2f개. 이 컴퓨터가 더 줄 수 없었습니다). 한 번에 하나씩이면 CPU 한 개를 " +
		"요청합니다.",
	"speedup.parallel.clock": "작업이 병렬로 돌았습니다: 한꺼번에 보낸 작업 %d개가 하나씩 보낼 때보다 %.2fx 빨리 " +
		"끝났습니다(한 번에 하나씩이면 약 1x. 여기서 한계는 %.2fx).",
	"speedup.host-busy": "이번 실행에서 테스트 프로세스 자신이 작업 사본 %d개를 함께 돌렸을 때 하나씩 돌릴 때보다 %.2fx " +
		"빨랐을 뿐입니다(벽시계로 판정하려면 적어도 %.1fx가 필요하고, %dx라면 놀고 있는 CPU가 %d개라는 뜻입니다). " +
		"그리고 이 시스템은 서버의 스레드들이 CPU를 몇 개 요청했는지 알려 주지 않습니다.",
	"speedup.demand.one": " 서버의 스레드들은 CPU를 기다린 시간까지 세어 한 번에 %.2f개를 요청했습니다. 한 개쯤인데, " +
		"작업 %d개를 한꺼번에 돌리는 서버라면 약 %d개(적어도 %.2f개)를 요청합니다.",
	"speedup.demand.known": " 서버의 스레드들은 CPU를 기다린 시간까지 세어 %.2f개를 요청했습니다.",
	"speedup.demand.host": " 이 호스트에서 작업을 병렬로 돌리는 서버는 약 %.2f(테스트 프로세스 자신이 얻은 병렬성)에 " +
		"이르므로, 적어도 %.2f를 기대했습니다.",
	"speedup.clock.agrees": " 벽시계도 같은 말을 합니다: 한꺼번에 보냈을 때가 하나씩 보냈을 때보다 %.2fx 빨랐을 뿐입니다.",
	"speedup.clock.fooled": " 벽시계로는 %.2fx였지만, 작업을 하나씩 돌리는 서버는 두 작업을 동시에 돌릴 수 없습니다: " +
		"다른 프로그램이 한쪽 측정을 다른 쪽보다 더 느리게 만든 것입니다.",
	"speedup.howto": "%s\n  판정을 받으려면 Linux(VM이나 컨테이너도 됩니다)에서, CPU를 쓰는 다른 프로그램들을 닫고 " +
		"돌리세요.",
	"speedup.busy":          "컴퓨터가 너무 바빠서 속도 향상을 잴 수 없습니다: %s",
	"speedup.measured":      "%s\n  측정값: %s",
	"speedup.measured.list": "%s\n  측정값 (%s):\n%s",
	"speedup.measured.one":  "측정 1번, 실패",
	"speedup.measured.many": "측정 %d번, 모두 실패",

	// 패키지 inchild
	"leak.stderr":  "Serve가 반환한 뒤에도 돌고 있는 고루틴:\n%v",
	"leak.error":   "%s (전체 스택은 서버의 출력에 있습니다)",
	"leak.unread":  "Serve가 반환한 뒤에도 고루틴이 돌고 있었습니다",
	"leak.started": ", 시작한 함수: %s (%s)",
	"leak.in":      ", 위치: %s (%s)",
	"leak.others":  "그 밖의 %d종류",
	"leak.count":   "%d개 %s",
	"leak.summary": "서버가 시작한 고루틴 %d개가 아직 돌고 있었습니다: %s",
}
