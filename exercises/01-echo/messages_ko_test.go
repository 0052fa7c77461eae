package echo_test

import "github.com/threadproc/threadproc/harness/say"

// korean is what these specs say to a learner, in Korean: the twin of
// messages_en_test.go, key for key, with the same arguments.
var korean = say.Messages{
	// 과제 1: Serve, accept 루프
	"01.serve.loop":   "클라이언트 하나가 떠나면 다음 클라이언트를 Accept하세요. accept 루프가 다시 돌아야 합니다.",
	"01.serve.queued": "이 서버는 한 번에 한 클라이언트만 상대합니다. 과제 02에서 이 점을 바꿉니다.",
	"01.serve.reset": "연결 하나에서 난 읽기·쓰기 에러(\"connection reset by peer\" 같은)는 그 클라이언트 하나만 " +
		"끝냅니다. 로그로 남기고 다음 클라이언트를 Accept하세요. Serve에서 반환하면 안 됩니다.",
	"01.serve.closed": "ln이 닫히면 Accept는 errors.Is(err, net.ErrClosed)로 알아볼 수 있는 에러를 돌려줍니다. " +
		"이것이 정상적으로 멈추는 방법이니, 그때 Serve는 nil을 반환합니다(TODO 1).",

	// 과제 2: handle, 에코
	"01.echo.newline":     "줄을 \"\\n\"까지 붙여서 돌려보내세요. 클라이언트는 그것을 보고 응답이 끝났음을 압니다.",
	"01.echo.bytes":       "바이트는 바이트일 뿐입니다. 읽은 그대로 에코하고, 디코딩하거나 다시 인코딩하지 마세요.",
	"01.echo.empty":       "\"\\n\" 하나뿐인 줄도 줄입니다. 에코하세요.",
	"01.echo.after-empty": "빈 줄 다음에도 그다음 줄을 이어서 처리하세요.",
	"01.echo.long": "bufio.Scanner는 기본값으로 64 KiB 토큰에서 멈추고, bufio.Reader.ReadSlice는 버퍼 크기에서 " +
		"멈춥니다. 끝나지 않은 줄은 MaxLineBytes까지 늘어날 수 있는 직접 만든 버퍼에 담아 두세요.",
	"01.echo.invalid-utf8": "잘못된 바이트를 바꿔 버리는 텍스트 API를 거쳐 줄을 문자열로 바꿨다가 되돌리지 마세요.",
	"01.echo.several":      "Read 한 번에 여러 줄이 올 수 있습니다. 한 줄 한 줄 모두 에코하세요.",
	"01.echo.per-read":     "Read마다가 아니라 완성된 줄마다 에코하세요. Read 한 번이 줄의 절반만 돌려줄 수도 있습니다.",
	"01.echo.joined":       "줄의 앞부분은 \"\\n\"이 올 때까지 갖고 있다가, 줄 전체를 한꺼번에 에코하세요.",
	"01.eof.lines":         "클라이언트가 파일 끝(EOF) 전에 보낸 완성된 줄들을 에코하세요.",
	"01.eof.rest":          "파일 끝에서는 마지막 줄의 남은 부분을 그대로 에코하고 연결을 닫으세요.",
	"01.eof.close":         "클라이언트의 파일 끝을 받은 뒤에는 연결을 닫으세요(Close를 부르거나, 반환해서 defer가 닫게 하세요).",

	// 과제 3: exit
	"01.exit.not-echoed": "\"exit\"는 메시지가 아니라 명령입니다. 돌려보내지 말고 연결을 닫으세요.",
	"01.exit.echo-cr":    "\"\\r\"까지 줄의 모든 바이트를 에코하세요. \"\\r\"는 \"exit\"인지 볼 때만 무시합니다.",
	"01.exit.crlf":       "\"exit\"인지 볼 때는 \"\\n\" 앞의 \"\\r\" 하나를 떼어 내세요.",
	"01.exit.wait-whole": "줄에 대해 무엇이든 결정하기 전에 줄 전체가 올 때까지 기다리세요.",
	"01.exit.pieces":     "\"exit\"와 비교하기 전에 줄을 끝까지 모으세요. Read 한 번은 줄의 일부만 돌려줄 수 있습니다.",
	"01.exit.after":      "같은 Read로 뒤따르는 줄이 함께 왔더라도 \"exit\" 줄에서 멈추세요.",
	"01.exit.unfinished": "클라이언트가 \"\\n\"을 보내지 않고 자기 쪽을 닫아도 \"exit\"는 명령입니다.",
	"01.exit.exact": "정확히 \"exit\"인 줄만 연결을 끝냅니다. 앞부분이 아니라 줄 전체를 비교하고, 대소문자를 " +
		"바꾸거나 공백을 잘라 내지 마세요.",

	// 과제 4: 줄 길이 제한
	"01.limit.exact": "MaxLineBytes에는 \"\\n\"도 포함됩니다. 모두 합쳐 MaxLineBytes 바이트인 줄은 허용됩니다.",
	"01.limit.count": "줄의 바이트를 도착하는 대로 세다가 %d에서 포기하세요. 길이와 상관없이 \"\\n\"까지 읽는 " +
		"서버는 클라이언트 하나 때문에 메모리를 얼마든지 붙잡게 됩니다.",
	"01.limit.close": "LineTooLong을 보낸 뒤에는 연결을 닫으세요.",
	"01.limit.found": "줄의 바이트가 어떻게 나뉘어 읽혔든, \"\\n\"을 포함해 %d바이트를 넘으면 너무 긴 줄입니다. " +
		"끝나지 않은 나머지만이 아니라, 찾아낸 줄의 길이도 확인하세요.",

	// 과제 5: RunClient, 클라이언트 프로그램
	"01.client.still-running": "스펙의 서버가 할 일을 마친 뒤에도 클라이언트 프로그램이 %s 동안 계속 실행 중이었습니다. " +
		"오지 않을 무언가를 기다리고 있습니다.",
	"01.client.printed": "클라이언트 프로그램이 출력한 것\n    %s (%d바이트)\n  기대한 것\n    %s (%d바이트)\n\n" +
		"  hint: %s\n\n  stderr 출력:\n%s",
	"01.client.print-exact": "각 응답을 서버가 보낸 그대로, 한 줄에 하나씩 출력하고, 그 밖에는 아무것도 출력하지 마세요.",
	"01.client.print-part": "%[2]d바이트 가운데 앞의 %[1]d바이트만 출력했습니다. Read 한 번은 그때까지 도착한 것을, " +
		"많아야 버퍼 크기만큼만 돌려줍니다. 응답은 그보다 길 수도 있고 여러 번에 나뉘어 올 수도 있습니다. " +
		"\"\\n\"까지 읽으세요. 연결 전체에 bufio.Reader 하나를 두고 ReadString('\\n')을 부르면 됩니다.",
	"01.client.print-extra-newline": "응답은 이미 \"\\n\"으로 끝납니다. 그대로 출력하세요(fmt.Fprintln이 아니라 " +
		"fmt.Fprint나 io.WriteString).",
	"01.client.send-newline":    "입력의 각 줄을 \"\\n\"까지 붙여서 보내세요.",
	"01.client.next-line":       "응답을 출력했으면 입력의 다음 줄을 보내세요.",
	"01.client.send-exit":       "\"exit\"도 서버에 보내세요. 서버는 그것을 받아야 연결을 닫을 줄 압니다.",
	"01.client.stop-after-exit": "\"exit\"를 보냈으면 멈추세요. 그 뒤의 줄은 보내지 말고 연결을 닫으세요.",
	"01.client.nil-after-exit":  "\"exit\" 뒤에 RunClient는 nil을 반환해야 합니다.\n  stderr 출력:\n%s",
	"01.client.close-at-end":    "입력이 끝나면 연결을 닫고 반환하세요.",
	"01.client.nil-at-end":      "입력이 끝나면 RunClient는 nil을 반환해야 합니다.\n  stderr 출력:\n%s",
	"01.client.no-reply": "끝내 오지 않는 응답은 에러입니다. RunClient는 그 에러를 반환해야 합니다(그러면 " +
		"프로그램이 0이 아닌 상태로 끝납니다).\n  stdout 출력:\n%s",
	"01.client.wait-newline": "응답은 \"\\n\"에서 끝나고, 여러 조각으로 나뉘어 올 수 있습니다. 클라이언트가 응답의 " +
		"\"\\n\"이 오기 전에 다음 줄을 보냈습니다(또는 연결을 닫았습니다). Read 한 번은 그때까지 도착한 것만 " +
		"돌려줍니다. \"\\n\"까지 읽으세요(bufio.Reader의 ReadString('\\n')).",
}
