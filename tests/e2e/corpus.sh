# The end-to-end corpus and how to run it through tests/diff/lt-diff. Sourced by
# tests/e2e/test_*.sh after tests/lib.sh (needs BUILD, TOP, TMPDIR).
#
#   corpus_c MODE...    every C program of tests/e2e (built into $BUILD/e2e)
#   corpus_real MODE... python3, sh pipeline, tar, git, sqlite3, perl (those present)
#   corpus_summary      per-program table and the totals, from what ran
#
# MODE is passed to lt-diff (e.g. --backend native, or --against strace). Thresholds:
# LT_MIN_MATCH_C / LT_MIN_MATCH_REAL (names and outcomes, call for call) and LT_MIN_TEXT
# (identical masked text) override the defaults of each test.

LTDIFF="/usr/bin/python3 $TOP/tests/diff/lt-diff"
[ -x /usr/bin/python3 ] || LTDIFF="python3 $TOP/tests/diff/lt-diff"
SUMMARY=$TMPDIR/summary.jsonl
: >"$SUMMARY"
nfail=0
failed=""

# Deterministic real programs: no hash randomization, fixed commit dates and identity, a
# private HOME (no user config).
export PYTHONHASHSEED=0 GIT_CONFIG_NOSYSTEM=1 HOME=$TMPDIR/home LC_ALL=C TZ=UTC
export GIT_AUTHOR_NAME=e2e GIT_AUTHOR_EMAIL=e2e@example.org GIT_COMMITTER_NAME=e2e
export GIT_COMMITTER_EMAIL=e2e@example.org
export GIT_AUTHOR_DATE=2024-01-01T00:00:00Z GIT_COMMITTER_DATE=2024-01-01T00:00:00Z
mkdir -p "$HOME"
TREE_SETUP='mkdir -p tree/sub && printf "alpha\n" >tree/a.txt && printf "beta\n" >tree/sub/b.txt && touch -d 2024-01-01 tree/a.txt tree/sub/b.txt tree/sub tree'
# Real programs run by /usr/bin/python3 (Debian's), not a pyenv shim (a bash script).
PY=/usr/bin/python3
[ -x $PY ] || PY=python3

# one_case LABEL MIN_MATCH MIN_TEXT [lt-diff options] -- CMD...
one_case() {
	_label=$1 _mm=$2 _mt=$3
	shift 3
	_out=$TMPDIR/$_label.out
	if $LTDIFF --build "$BUILD" --label "$_label" --min-match "$_mm" --min-text "$_mt" \
		--timeout 60 --workdir "$TMPDIR/w-$_label" --summary-json "$SUMMARY" "$@" \
		>"$_out" 2>&1; then
		echo "ok   $(grep '^RESULT' "$_out" | head -1)"
		grep -E '^(missing|extra) .*by syscall: [^-]|^outcome differs|^moved' "$_out" |
			sed 's/^/       /' || :
	else
		_rc=$?
		nfail=$((nfail + 1))
		failed="$failed $_label"
		echo "FAIL $_label (lt-diff exit $_rc):"
		sed 's/^/    /' "$_out" | head -n "${LT_SHOW_LINES:-60}"
	fi
	rm -rf "$TMPDIR/w-$_label"
}

# The C programs. Each may have its own thresholds and notes on known differences.
C_PROGS="fileio rawsys threads rawclone rawclone3 forkwait vforkexec spawn sigeintr sigrestart sigmask
sigaltstack seccomp pipes sockets epoll mmap daemon manythreads"

# corpus_c MIN_MATCH MIN_TEXT MODE...
corpus_c() {
	_mm=$1 _mt=$2
	shift 2
	for _p in $C_PROGS; do
		[ -x "$E2E/$_p" ] || fail "$E2E/$_p not built"
		_t=$_mt
		# seccomp: the trapped umask's return differs by design (see test_native.sh)
		[ "$_p" = seccomp ] && _t=$(lower "$_mt" 0.2)
		one_case "$_p" "$_mm" "$_t" "$@" -- "$E2E/$_p"
	done
	# api: started idle (LIBTRACE_START=0), the program turns tracing on around a region
	# bracketed by two marker calls; strace's view is cut to the same region. The oracle is
	# plain strace: with the shim loaded the program's own libtrace_start() would start it.
	case " $* " in
	*" --against strace "*) ;;
	*) one_case api "$_mm" "$_mt" "$@" --env LIBTRACE_START=0 --oracle plain \
		--strace-window /lt-region-begin,/lt-region-end -- "$E2E/api" ;;
	esac
}

# corpus_real MIN_MATCH MIN_TEXT MODE...
# Their own nondeterminism, measured with --against strace (two strace runs): git and
# sqlite3 write random temp names, random bytes and timestamps (text ~96%), perl reads
# /dev/urandom (~99%), sh's SIGCHLD handler may or may not run before wait4 returns (one
# rt_sigreturn more or less). Call names and outcomes are otherwise stable.
corpus_real() {
	_mm=$1 _mt=$2
	shift 2
	one_case python3 "$_mm" "$_mt" "$@" -- $PY -c \
		'import json, email.parser, http.client; print(json.dumps({"a": [1, 2]}))'
	one_case sh-pipeline "$(lower "$_mm" 0.03)" "$_mt" "$@" -- /bin/sh -c 'echo a | tr a b | cat'
	one_case tar "$_mm" "$_mt" "$@" --setup "$TREE_SETUP" -- /bin/sh -c \
		'tar cf t.tar tree && mkdir x && tar xf t.tar -C x && cmp tree/a.txt x/tree/a.txt'
	one_case git "$_mm" "$(lower "$_mt" 0.03)" "$@" --setup "$TREE_SETUP" -- /bin/sh -c \
		'git init -q r && cd r && cp -r ../tree . && git add . && git commit -q -m msg && git log --oneline'
	if command -v sqlite3 >/dev/null; then
		one_case sqlite3 "$_mm" "$(lower "$_mt" 0.04)" "$@" -- sqlite3 db.sqlite \
			'create table t(a); insert into t values(1),(2); select sum(a) from t;'
	else
		echo "skip sqlite3: not installed"
	fi
	if command -v perl >/dev/null; then
		one_case perl "$_mm" "$(lower "$_mt" 0.02)" "$@" -- perl -e \
			'open(F, ">", "p.txt") or die; print F "x\n"; close F; print -s "p.txt", "\n"'
	else
		echo "skip perl: not installed"
	fi
}

# lower X D: max(0, X - D) (thresholds for programs with their own nondeterminism)
lower() { awk -v x="$1" -v d="$2" 'BEGIN { v = x - d; if (v < 0) v = 0; printf "%.4f", v }'; }

corpus_summary() {
	$PY - "$SUMMARY" <<'EOF'
import json, sys, collections
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
if not rows:
    sys.exit(0)
print("%-14s %7s %7s %6s %6s %6s  %s" % ("program", "match", "text", "pairs", "miss",
                                         "extra", "main differences"))
tm, tt = collections.Counter(), collections.Counter()
pairs = same_text = 0
for r in rows:
    diffs = collections.Counter()
    for k, v in r["missing"].items():
        diffs["-" + k] += v
    for k, v in r["extra"].items():
        diffs["+" + k] += v
    for k, v in r["outcome_diff"].items():
        diffs["!" + k.split(":")[0]] += v
    for k, v in r["text_diff"].items():
        diffs["~" + k] += v
    tm.update(r["missing"]); tt.update(r["text_diff"])
    pairs += r["pairs"]; same_text += round(r["text"] * r["pairs"])
    print("%-14s %7.4f %7.4f %6d %6d %6d  %s" % (
        r["label"], r["match"], r["text"], r["pairs"], sum(r["missing"].values()),
        sum(r["extra"].values()), " ".join("%s:%d" % kv for kv in diffs.most_common(6))))
print("corpus: %d pairs, identical text %.4f; missing by syscall: %s; text differs by "
      "syscall: %s" % (pairs, same_text / pairs if pairs else 0,
                       dict(tm.most_common(8)) or "-", dict(tt.most_common(8)) or "-"))
EOF
}
