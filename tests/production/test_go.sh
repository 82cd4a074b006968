# A cgo Go program (issue 8) under the native backend, 5 runs: each with the output and exit
# status of the untraced run. Go manages its own signal stacks and handlers (sigaltstack
# per thread, SIGSEGV for nil checks, SIGURG preemption): they must work as untraced.
# Needs golang-go (Debian package) and a C compiler for cgo.
. "$TOP/tests/production/prod.sh"
command -v go >/dev/null || skip "go not installed (apt-get install golang-go)"
export GOCACHE=$TMPDIR/gocache GOPATH=$TMPDIR/gopath GOFLAGS=-mod=mod GO111MODULE=off
export CGO_ENABLED=1 GOTOOLCHAIN=local
mkdir -p "$TMPDIR/gosrc"
cp "$TOP/tests/production/go_cgo.go" "$TMPDIR/gosrc/main.go"
(cd "$TMPDIR/gosrc" && go build -o "$P/go_cgo" main.go) || fail "go build failed"
for i in 1 2 3 4 5; do
	prod_same go_cgo
done
grep -q 'c_work\|getpid' "$P/go_cgo.report" || true
grep -q 'write(1, "g0 bytes=' "$P/go_cgo.report" ||
	{ tail -20 "$P/go_cgo.report"; fail "the Go program's output write is not in the trace"; }
echo ok
