package cpu_test

import "github.com/threadproc/threadproc/harness/say"

// korean is what the specs say, in Korean: the twin of english
// (messages_en_test.go), key for key. Names the learner types or reads in
// the code (Work, Serve, TODO(1), "exit", net.ErrClosed) stay as they are.
var korean = say.Messages{
	// 과제 1: Work
	"04.hint.zero-rounds": "Work(0)은 아무것도 해시하지 않습니다. 0으로 채운 32바이트 그대로, 곧 \"0\"이 64개 " +
		"이어진 문자열입니다 (TODO 1).",
	"04.hint.one-round": "Work(1)은 0으로 채운 32바이트의 sha256.Sum256을 소문자 16진수로 쓴 것입니다" +
		"(hex.EncodeToString). 빈 입력이 아니라 0으로 채운 [32]byte에서 시작하세요 (TODO 1).",
	"04.hint.raw-bytes": "라운드마다 이전 다이제스트의 16진수 문자열이 아니라 32바이트 원본(digest[:])을 " +
		"해시합니다. 첫 라운드는 빈 입력이 아니라 0으로 채운 32바이트를 해시합니다 (TODO 1).",
	"04.hint.negative": "rounds < 0이면 cpu.ErrRounds 그 자체(또는 %%w로 감싼 에러)를 돌려주세요 (TODO 1).",
	"04.hint.max-rounds": "rounds가 MaxRounds를 넘는지 루프에 들어가기 전에 확인하세요. 클라이언트가 원하는 만큼 " +
		"서버의 CPU를 붙잡아 둘 수 있으면 안 됩니다 (TODO 1).",
	"04.work.max-rounds-worked": "Work(MaxRounds+1)가 ErrRounds를 돌려주긴 했지만, 그 답을 내는 데 서버가 CPU " +
		"시간을 %v나 썼습니다. 해시부터 한 것입니다. 해시를 시작하기 전에 라운드 수를 확인하세요 (TODO 1).",

	// 과제 2: ServeGoroutines
	"04.hint.handle": "클라이언트마다 handle(conn, Work)로 서비스하세요. handle이 \"work N\"에 Work(N)으로 " +
		"답합니다 (TODO 2).",
	"04.hint.echo": "작업은 \"work N\"뿐이고, 다른 줄은 handle이 그대로 돌려보냅니다 (TODO 2).",
	"04.hint.not-a-number": "N이 숫자가 아닌 요청에는 handle이 \"error: ...\" 줄로 답하고, 다음 요청을 위해 " +
		"연결을 열어 둡니다. 클라이언트를 handle(conn, Work)로 서비스하세요 (TODO 2).",
	"04.hint.exit": "\"exit\"는 응답 없이 연결을 닫습니다. 서버가 클라이언트를 handle로 서비스하면 handle이 " +
		"알아서 합니다 (TODO 2).",
	"04.hint.own-goroutine": "클라이언트마다 고루틴을 하나씩 띄워(go handle(conn, Work)) 서비스하세요. 그래야 " +
		"첫 클라이언트를 서비스하는 동안에도 accept 루프가 다음 클라이언트를 받습니다 (TODO 2).",
	"04.hint.not-one-at-a-time": "클라이언트 1의 긴 작업이 아직 돌고 있었습니다. 클라이언트 2의 한 라운드짜리 " +
		"작업이 그것을 기다리면 안 됩니다. 작업을 한 번에 하나씩만 돌리는 서버(모든 클라이언트가 고루틴 하나를 " +
		"같이 쓰거나, Work를 락으로 감싼 서버)에서는 모든 클라이언트가 가장 느린 작업을 기다리게 됩니다.",
	"04.hint.closed": "ln이 닫히면 Accept는 errors.Is(err, net.ErrClosed)로 알아볼 수 있는 에러를 " +
		"돌려줍니다. 그때 nil을 돌려주세요 (TODO %d).",
	"04.hint.overlap": "클라이언트마다 작업이 자기 고루틴에서 돌아야 하고, Go는 고루틴을 모든 CPU에서 동시에 " +
		"돌립니다. 클라이언트를 한 번에 하나씩 서비스하거나 Work를 락으로 감싼 서버는 CPU를 하나만 씁니다.",
	"04.hint.faster": "작업 두 개를 한꺼번에 보내면 하나를 보낼 때와 걸리는 시간이 거의 같아야 합니다. 작업마다 " +
		"자기 고루틴에서, 자기 CPU에서 돌기 때문입니다. 한 작업이 다른 작업을 기다리게 만드는 것이 없는지 " +
		"찾아보세요.",
	"04.long-job.idle": "%s에서 %q 요청을 보낸 뒤에도 서버가 일을 시작하지 않았습니다. %[4]v 동안 CPU 시간을 %[3]v도 " +
		"쓰지 않았습니다.",

	// 과제 2: 파일 디스크립터가 바닥날 때
	"04.hint.accept-retry": "이 서버는 파일 디스크립터를 %d개까지만 열 수 있고(ulimit -n), 연결마다 하나씩 " +
		"씁니다. 그 수를 넘으면 클라이언트가 하나 떠날 때까지 Accept가 \"too many open files\"(EMFILE)로 " +
		"실패하고, 그사이에 온 클라이언트는 커널의 큐에서 기다립니다. accept는 이 에러에서 돌아오면 안 됩니다. " +
		"로그를 남기고, 잠깐 쉬었다가(처음 5 ms, 그 뒤로 매번 두 배, 최대 1 s) 다시 시도하세요. 에러를 " +
		"돌려주는 것은 ln이 닫혔을 때뿐입니다 (TODO 2).",
	"04.files.refused": "%d번째 클라이언트가 연결하지 못했습니다(%v). 서버가 멈춰 있었습니다. 파일 디스크립터가 " +
		"%d개로 제한되어 있으면 그만큼 열린 뒤로는 Accept가 실패하고, 그때 돌아와 버리는 서버는 연결된 " +
		"클라이언트를 모두 잃습니다.",
	"04.files.gone": "파일 디스크립터가 바닥난 서버를 %v 동안 지켜보는 사이에 서버 프로세스가 끝나 버렸습니다.",
	"04.files.spinning": "파일 디스크립터가 바닥나 클라이언트가 떠나기를 기다리는 것밖에 할 일이 없는 동안, " +
		"서버의 스레드가 %[2]v에 걸쳐 CPU를 %[1].2f개 요구했습니다. 쉬지 않고 Accept를 거듭 시도하느라 CPU " +
		"하나를 태우고 있는 것입니다. 시도 사이에 쉬세요. 처음 5 ms, 그 뒤로 매번 두 배, 최대 1 s (TODO 2).",
	"04.skip.no-sched": "여기서는 판정하지 않았습니다: 이 스펙은 서버의 스레드가 CPU에서 돈 시간과 CPU를 " +
		"기다린 시간을 읽는데, 그것은 리눅스만 알려 줍니다(%v). 판정을 받으려면 리눅스에서 스펙을 돌리세요.",

	// 과제 3: MaxProcs
	"04.hint.threads-not-clients": "MaxProcs는 스레드 수를 제한할 뿐, 클라이언트 수를 제한하지 않습니다. 여전히 " +
		"클라이언트마다 고루틴을 하나씩 띄워 서비스하세요 (TODO 3).",
	"04.hint.take-turns": "GOMAXPROCS=1이어도 Go는 고루틴 사이를 오갑니다(바쁜 고루틴을 10 ms쯤마다 선점합니다). " +
		"파이썬의 GIL이 스레드 사이를 오가는 것과 같습니다. 병렬성 없는 동시성이지요. MaxProcs 1을 락으로 " +
		"흉내 내지 마세요 (TODO 3).",
	"04.hint.set-maxprocs": "cfg.MaxProcs가 1이면 서버 프로세스 전체가 한 번에 OS 스레드 하나에서만 Go 코드를 " +
		"돌려야 합니다. 서비스를 시작하기 전에 runtime.GOMAXPROCS(cfg.MaxProcs)를 호출하세요. 옵션을 읽기만 " +
		"하고 적용하지 않으면 Go의 기본값(CPU마다 스레드 하나)이 그대로 남습니다 (TODO 3).",

	// 과제 4: ServeProcesses
	"04.hint.start-each-worker": "워커는 startWorker로 시작하고 `go cmd.Wait()`로 거둔 다음, 곧바로 Accept로 " +
		"돌아가세요. 워커를 기다리는 서버(cmd.Wait나 cmd.Run)는 클라이언트를 한 번에 하나씩만 서비스합니다 " +
		"(TODO 4).",
	"04.hint.close-conn": "startWorker가 돌아오면 서버가 가진 conn 사본을 닫으세요. 워커는 자기 사본을 따로 " +
		"가지고 있고, 서버가 사본을 쥐고 있으면 워커가 연결을 닫은 뒤에도 연결이 열린 채로 남습니다 (TODO 4).",
	"04.processes.same-worker": "두 클라이언트 모두 같은 프로세스(pid %d)에서 서비스되고 있습니다. 클라이언트마다 워커가 " +
		"따로 있어야 합니다 (TODO 4).",
	"04.processes.no-gomaxprocs": "워커 %d의 환경에 GOMAXPROCS=1이 없습니다. cfg.MaxProcs > 0이면 " +
		"startWorker(conn, \"GOMAXPROCS=1\")처럼 워커마다 \"GOMAXPROCS=N\"을 넘겨 주세요 (TODO 4).",
	"04.hint.reap": "끝난 워커 프로세스는 부모가 기다려 줄 때까지 좀비(프로세스 테이블에 남은 항목)로 " +
		"남습니다. startWorker 바로 뒤에 `go cmd.Wait()`로 워커마다 거두어, 언제 끝나든 바로 거두어지게 " +
		"하세요 (TODO 4).",
	"04.processes.unreaped": "Serve가 돌아오고 %[3]v 뒤에도 이미 끝난 워커 %[1]d개가 거두어지지 " +
		"않았습니다(좀비, pid %[2]s). 끝난 워커는 서버가 기다려 줄 때까지 좀비로 남습니다. startWorker 바로 " +
		"뒤에 `go cmd.Wait()`로 워커마다 거두세요 (TODO 4).",
	"04.hint.workers-parallel": "워커는 저마다 GOMAXPROCS=1을 가진 별개의 프로세스이고, 커널은 워커들을 서로 " +
		"다른 CPU에서 돌립니다. 클라이언트마다 워커가 따로 있는지, 서버가 한 워커를 기다렸다가 다음 워커를 " +
		"시작하지는 않는지 확인하세요 (TODO 4).",
	"04.skip.no-environments": "여기서는 판정하지 않았습니다: 이 시스템에서는 다른 프로세스의 환경 변수를 읽을 " +
		"수 없습니다(%v). 판정을 받으려면 리눅스에서 스펙을 돌리세요.",

	// 과제 5: MaxJobs
	"04.hint.free-slot": "슬롯을 기다리던 작업도 슬롯이 비면 돌아야 하고, 작업마다 자기 클라이언트에게 답해야 " +
		"합니다. run이 돌아오면 슬롯을 비우세요(defer) (TODO 5).",
	"04.hint.one-slot": "cfg.MaxJobs가 1이면 다른 작업이 도는 동안 작업은 기다립니다. limitJobs(cfg.MaxJobs, " +
		"Work)로 서비스하고, limitJobs에서는 run을 부르기 전에 슬롯을 잡으세요(크기가 n인 채널에 토큰 하나) " +
		"(TODO 5).",
	"04.hint.whole-connection": "클라이언트는 모두 곧바로 서비스하고, 슬롯은 작업만 기다립니다. 슬롯은 연결 " +
		"전체가 아니라 러너 안에서 run 둘레에서만 잡으세요 (TODO 5).",
	"04.hint.slot-back": "MaxJobs가 1인데 실패한 작업(\"work -1\", error 줄로 답함)이 슬롯을 돌려주지 않아, " +
		"그 뒤의 작업은 모두 끝없이 기다립니다. 에러가 난 경로까지 포함해 모든 경로에서 슬롯을 돌려주세요. " +
		"슬롯을 잡은 바로 뒤에 `defer func() { <-slots }()` (TODO 5).",
	"04.skip.no-cpu-time": "여기서는 판정하지 않았습니다: 이 스펙은 첫 작업이 시작됐다는 것을 서버의 CPU 시간으로 " +
		"알아보는데, 이 시스템은 그것을 알려 주지 않습니다(%v). 판정을 받으려면 리눅스에서 스펙을 돌리세요.",
}
