package goroutines_test

import "github.com/threadproc/threadproc/harness/say"

// korean is what these specs say to a learner, in Korean: the twin of
// messages_en_test.go, key for key, with the same arguments.
var korean = say.Messages{
	// 과제 1: Serve, 클라이언트마다 고루틴 하나
	"02.serve.silent-blocks": "클라이언트 1은 접속만 하고 아무것도 보내지 않았는데, 클라이언트 2가 에코를 받지 " +
		"못했습니다. 서버가 한 번에 한 클라이언트만 상대하고 있어서, 한 클라이언트를 상대하는 동안 나머지는 " +
		"기다립니다. accept한 연결마다 고루틴을 하나씩 시작하고(go ...) 곧바로 Accept로 돌아가세요(TODO 1).",
	"02.serve.silent-served": "한동안 말이 없던 클라이언트도 여전히 클라이언트입니다. 계속 상대해 주세요.",
	"02.serve.halfway-blocks": "클라이언트 1이 줄의 절반만 보내고 기다리는 사이에 클라이언트 2가 에코를 받지 " +
		"못했습니다. 서버가 한 번에 한 클라이언트만 상대하고 있어서, 한 클라이언트를 상대하는 동안 나머지는 " +
		"기다립니다. accept한 연결마다 고루틴을 하나씩 시작하고(go ...), 락은 공유 데이터 주위에만 거세요. " +
		"Read를 락 안에서 하면 안 됩니다(TODO 1).",
	"02.serve.halfway-served": "클라이언트 2는 응답을 받았지만, 이제 줄을 끝낸 클라이언트 1은 받지 못했습니다. " +
		"클라이언트마다 자기 연결을 줄이 완성될 때까지 읽는 고루틴이 따로 있어야 합니다(TODO 1).",
	"02.serve.held-open": "클라이언트 %d개가 동시에 접속해 있고, 나머지가 접속해 있는 동안 각자 응답을 받아야 " +
		"합니다. 서버가 한 번에 한 클라이언트만 상대하고 있습니다. accept한 연결마다 고루틴을 하나씩 " +
		"시작하고(go ...) 곧바로 Accept로 돌아가세요(TODO 1).",
	"02.serve.crowd": "클라이언트 %d개가 동시에 접속해서 한꺼번에 말하고 있습니다. 하나하나에 자기 고루틴이 " +
		"있어야 합니다(TODO 1). 일부만 응답을 받는다면 개수 제한, 공유 버퍼, 또는 클라이언트를 상대하는 동안 " +
		"잡고 있는 락이 없는지 찾아보세요.",
	"02.serve.reset": "연결 하나의 에러(\"connection reset by peer\" 같은)는 그 클라이언트의 핸들러만 끝냅니다. " +
		"고루틴 안에서 로그로 남기고, 그 때문에 Serve에서 반환하는 일은 절대 없어야 합니다.",
	"02.serve.fd-limit": "여기서 서버 프로세스는 열린 파일을 %d개까지만 쥘 수 있는데, 그보다 많은 클라이언트가 " +
		"접속해 있습니다. 몇몇이 떠날 때까지 Accept는 \"too many open files\"로 실패합니다. 이 에러는 리스너가 " +
		"아니라 그 순간의 문제입니다. 로그를 남기고, 잠시 쉬었다가(5 ms, 연달아 실패할 때마다 두 배, 길어도 " +
		"1 s) 다시 Accept하세요. Serve에서 반환하면 서버가 끝나고 모든 클라이언트가 끊깁니다(TODO 1, 힌트 1.4).",
	"02.serve.fd-windows": "여기서는 판정하지 않습니다: Windows에는 낮출 열린 파일 한도가 없습니다. 이 스펙은 " +
		"리눅스나 macOS(또는 WSL)에서 돌리세요.",

	// 과제 2: handle, 에코와 exit
	"02.echo.exact":      "줄마다 \"\\n\"까지 받은 그대로 돌려보내세요.",
	"02.echo.several":    "한 번 읽을 때 여러 줄이 올 수 있습니다. lineproto의 Next가 한 줄씩 돌려줍니다.",
	"02.exit.exact":      "정확히 \"exit\"인 줄만 연결을 끝냅니다(lineproto.Is).",
	"02.exit.own":        "\"exit\"는 그것을 보낸 클라이언트의 연결을 닫습니다.",
	"02.exit.not-echoed": "\"exit\"는 메시지가 아니라 명령입니다. 돌려보내지 말고 연결을 닫으세요.",
	"02.eof.rest":        "입력이 끝나면 Next는 남은 부분을 io.EOF와 함께 돌려줍니다. 그것을 에코한 뒤 닫으세요.",
	"02.eof.close":       "클라이언트의 파일 끝(EOF)을 받은 뒤에는 연결을 닫으세요.",
	"02.limit.answer":    "Next가 lineproto.ErrLineTooLong을 돌려주면 lineproto.LineTooLong을 쓰고 멈추세요.",
	"02.limit.close":     "LineTooLong을 보낸 뒤에는 연결을 닫으세요.",
	"02.echo.own-lines": "각 핸들러는 자기 버퍼로 자기 연결에서만 읽고 자기 연결에만 써야 합니다. 모든 " +
		"핸들러가 함께 쓰는 변수(패키지 수준의 버퍼나 리더)는 클라이언트들의 줄을 뒤섞고, 레이스 디텍터는 그런 " +
		"공유를 데이터 경쟁으로 보고합니다(TODO 2).",
	"02.exit.only-sender": "클라이언트 2가 \"exit\"를 보냈는데 서버가 이 클라이언트의 연결까지 끝냈습니다. " +
		"\"exit\"는 보낸 클라이언트의 연결만 끝냅니다. 그 클라이언트의 핸들러에서 반환하고, 다른 연결과 " +
		"리스너는 건드리지 마세요(TODO 2).",
	"02.exit.accepts": "한 클라이언트가 \"exit\"를 보낸 뒤에도 서버는 새 클라이언트를 계속 받아야 합니다.",

	// 과제 3: stats
	"02.stats.lone": "\"stats\"에는 StatsFormat을 채운 한 줄로 답하세요. 클라이언트는 핸들러가 시작된 순간부터 " +
		"끝날 때까지 접속 중으로 셉니다. 묻는 클라이언트 자신도 포함입니다. handle의 맨 처음에 " +
		"s.stats.arrived()를 부르세요(TODO 3).",
	"02.stats.connected": "핸들러가 돌고 있는 클라이언트는 모두 접속 중으로 셉니다. 묻는 클라이언트 자신도 " +
		"포함입니다. handle의 맨 처음에 s.stats.arrived()를 부르세요(TODO 3).",
	"02.stats.left": "다른 클라이언트가 %s. 그러니 \"stats\"는 접속 1, 처리 완료 1로 자리를 잡아야 합니다. " +
		"핸들러가 어떤 이유로 끝나든, 그 클라이언트는 접속 중에서 처리 완료로 옮겨 갑니다. " +
		"defer s.stats.left()를 쓰세요(TODO 3).",
	"02.stats.how.exit":  "\"exit\"를 보냈습니다",
	"02.stats.how.eof":   "입력을 끝냈습니다",
	"02.stats.how.reset": "연결을 리셋했습니다",
	"02.stats.exact":     "정확히 \"stats\"인 줄만 통계를 묻는 것입니다. lineproto.Is로 줄 전체를 비교하세요(TODO 3).",
	"02.stats.crlf": "telnet은 줄을 \"\\r\\n\"으로 끝냅니다. lineproto.Is는 그 \"\\r\"를 무시하고, 답도 같은 " +
		"방식으로 끝나야 합니다. lineproto.SameEnding(line, s.stats.reply())를 쓰세요(TODO 3).",
	"02.stats.malformed": "%s: \"stats\"를 보냈으니 %q 같은 줄이 와야 하는데, 받은 것: %q (%s)",
	"02.stats.out-of-range": "%[1]s: 클라이언트 %[2]d개가 오가는 동안 통계를 물었습니다. 받은 답: %[3]q. " +
		"접속 수는 묻는 클라이언트를 포함해 1에서 %[2]d 사이여야 하고, 처리 완료 수는 %[2]d보다 작아야 합니다.",
	"02.stats.lost-update": "클라이언트 %[1]d개가 오간 뒤 새 클라이언트가 받아야 할 답: connected 1 served %[1]d " +
		"(접속 1은 자기 자신). 모든 핸들러가 같은 카운터를 동시에 고칩니다. 뮤텍스(또는 atomic)로 지키지 않은 " +
		"갱신은 사라질 수 있습니다(TODO 3).",
	"02.race.note": "레이스 디텍터가 서버에서 데이터 경쟁을 찾았습니다. 두 고루틴이 같은 메모리를 " +
		"동시에 썼고, 그중 적어도 하나는 값을 바꿨습니다. 일이 틀어진 것은 그 때문입니다. 공유 데이터를 " +
		"sync.Mutex로 지키거나 sync/atomic을 쓰세요. 보고서에 파일과 줄이 나와 있습니다.",

	// 과제 4: Serve의 셧다운
	"02.shutdown.raced": "먼저: 서버에 데이터 경쟁이 있었습니다. 경쟁이 난 프로세스는 셧다운을 어떻게 했든 " +
		"레이스 디텍터의 종료 상태로 끝납니다. 경쟁부터 고치세요. 셧다운 결과: %s",
	"02.shutdown.listener-open": "스펙이 서버의 리스너를 닫았는데도 클라이언트가 여전히 접속할 수 있었습니다.",
	"02.shutdown.nil": "ln이 닫히면 Accept는 errors.Is(err, net.ErrClosed)로 알아볼 수 있는 에러를 돌려줍니다. " +
		"accept를 멈추고 s.shutdown()을 부른 뒤 nil을 반환하세요(TODO 1, 4).",
	"02.shutdown.no-client-waits": "접속한 클라이언트가 하나도 없는데, 리스너가 닫힌 뒤 Serve가 반환하기까지 " +
		"%s 걸렸습니다(GracePeriod는 %s). 기다릴 것이 없으니 곧바로 반환해야 합니다. 시계가 아니라 " +
		"돌고 있는 핸들러(sync.WaitGroup)를 기다리세요. GracePeriod 내내 잠자는 셧다운은 아무것도 아닌 " +
		"것을 위해 모두를 기다리게 합니다(TODO 4).",
	"02.shutdown.not-yet": "셧다운은 새 클라이언트를 막는 것이지, 이미 접속한 클라이언트를 끊는 것이 아닙니다. " +
		"GracePeriod가 끝나기 전에는 그 연결들을 닫지 마세요.",
	"02.shutdown.wait-handlers": "리스너가 닫힌 뒤에도 아직 접속해 있는 클라이언트는 GracePeriod(%s)까지 계속 " +
		"상대해야 합니다. Serve는 반환하기 전에 돌고 있는 핸들러들을 기다려야 합니다(sync.WaitGroup). " +
		"Serve가 반환하면 서버 프로그램이 끝나고, 모든 연결도 함께 끊기기 때문입니다(TODO 4).",
	"02.shutdown.sleeps": "마지막 클라이언트가 떠났는데도 Serve가 반환하기까지 %s 걸렸습니다(GracePeriod는 %s). " +
		"마지막 핸들러가 끝나는 즉시 반환해야 합니다. 핸들러(채널을 닫는 고루틴 안에서 sync.WaitGroup의 " +
		"Wait)와 GracePeriod를 select로 함께 기다리세요. 먼저 오는 쪽이 기다림을 끝냅니다. " +
		"time.Sleep(GracePeriod)은 아무도 남지 않았어도 시계를 기다립니다(TODO 4).",
	"02.shutdown.close-them": "클라이언트는 영원히 접속해 있을 수도 있으니, GracePeriod(%s)가 끝나면 아직 열린 " +
		"연결을 닫으세요. 그러면 핸들러의 Read가 실패하고 핸들러가 반환합니다(TODO 4).",
	"02.shutdown.too-early": "리스너를 닫고 %s 만에 연결들이 닫혔습니다. GracePeriod(%s)가 끝나기 전입니다. " +
		"GracePeriod를 다 기다린 다음에 닫으세요(TODO 4).",
	"02.shutdown.nil-after-close": "연결들을 닫은 뒤에는 그 핸들러들이 반환할 때까지 기다렸다가 nil을 " +
		"반환하세요(TODO 4).",
	"02.shutdown.leak": "클라이언트가 모두 떠나고 리스너가 닫히면, Serve는 직접 시작한 고루틴을 하나도 남기지 " +
		"않고 nil을 반환해야 합니다. 클라이언트를 위해 시작한 고루틴은 그 클라이언트가 떠날 때 끝나야 합니다. " +
		"영원히 멈춰 있는 고루틴(아무도 닫지 않는 채널이나 아무도 끝내지 않는 Read에서)은 누수이고, " +
		"클라이언트마다 하나씩 새는 서버는 결국 메모리가 바닥납니다(TODO 2, 4).",
}
