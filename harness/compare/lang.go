package compare

import "fmt"

// Lang is the language a table is written in: the READMEs exist in English
// and in Korean, and so do the figures written into them.
type Lang string

// The languages of the READMEs.
const (
	English Lang = "en"
	Korean  Lang = "ko"
)

// t returns en or ko, whichever is in l.
func (l Lang) t(en, ko string) string {
	if l == Korean {
		return ko
	}
	return en
}

// title names a kind of server in l.
func (l Lang) title(k Kind) string {
	if l != Korean {
		return k.Title()
	}
	switch k {
	case Goroutines:
		return "연결마다 고루틴"
	case Processes:
		return "연결마다 프로세스"
	case GoroutinePool:
		return fmt.Sprintf("고루틴 풀 (%d)", PoolSize)
	case PreforkPool:
		return fmt.Sprintf("프리포크 프로세스 풀 (%d)", PoolSize)
	case PythonThreads:
		return "Python: 연결마다 스레드"
	case PythonProcesses:
		return "Python: 연결마다 multiprocessing.Process"
	}
	if cure, n, ok := k.prefork(); ok {
		return fmt.Sprintf("프리포크 (%d), %s", n, l.cure(cure))
	}
	return string(k)
}

// cure names a cure in l.
func (l Lang) cure(c Cure) string {
	if l != Korean {
		return c.Title()
	}
	switch c {
	case Herd:
		return "워커마다 Accept (우르르 깨어남)"
	case AcceptLock:
		return "Accept 둘레의 잠금 (Apache의 accept mutex)"
	case ReusePort:
		return "워커마다 리스너 (SO_REUSEPORT)"
	case WakeOne:
		return "EPOLLEXCLUSIVE, 워커 하나만 깨움 (nginx)"
	}
	return string(c)
}

// clients writes a number of clients in l.
func (l Lang) clients(n int) string {
	if l == Korean {
		return fmt.Sprintf("클라이언트 %s개", thousands(n))
	}
	return clientsText(n)
}
