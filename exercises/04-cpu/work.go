package cpu

// Work is the CPU-bound job that "work N" asks for. It starts from 32 zero
// bytes and replaces them with their SHA-256 digest, rounds times over
// (each round hashes the 32 raw bytes of the previous digest), and returns
// the last 32 bytes as 64 lowercase hex digits. Work(0) is therefore 64
// zeros, and Work(1) is the SHA-256 digest of 32 zero bytes.
//
// For rounds below 0 or above MaxRounds it returns ErrRounds at once,
// without working.
//
// Every round needs the digest of the round before, so one job cannot be
// split over several CPUs: only different jobs can run in parallel.
func Work(rounds int) (string, error) {
	// TODO(1): return ErrRounds for rounds < 0 or rounds > MaxRounds. Then
	// start from a [32]byte of zeros, replace it with sha256.Sum256 of its
	// own bytes rounds times, and return hex.EncodeToString of the result.
	return "", notImplemented(1)
}
