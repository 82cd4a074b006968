# Fault injection (preload/inject.c, docs/inject.md) on the native backend: strace's
# -e inject= syntax through LIBTRACE_INJECT and libtrace_inject(), on the trap path (raw
# syscalls) and the interposed path (libc's open), checked by the program's own results
# and by the raw LT_SC_INJECTED flag (4) of the records (tests/native/ltdump.py).
. "$TOP/tests/lib.sh"
CC=${CC:-cc}
$CC -O2 -Wall -Werror -I"$TOP/include" -o "$TMPDIR/inj" "$TOP/tests/inject/inj.c" -lpthread ||
	fail "cannot build inj.c"
cd "$TMPDIR"
echo one >f1; echo two >f2; echo three >f3; echo four >f4; echo five >f5
n=0
# run RULES ARGS...: inj under the shim with LIBTRACE_INJECT=RULES; out, err, dump of logs
run() {
	n=$((n + 1)); rules=$1; shift
	rm -rf logs
	LC_ALL=C LIBTRACE_DIR=$TMPDIR/logs LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
		LIBTRACE_INJECT=$rules LD_PRELOAD=$SO "$@" >out 2>err && rc=0 || rc=$?
	python3 "$TOP/tests/native/ltdump.py" logs/run-* >dump
}
injected() { # NAME RET: a record of NAME returning RET with LT_SC_INJECTED
	grep -E " sc $1 .*ret=$2 flags=([0-9]+) " dump | awk '{ for (i = 1; i <= NF; i++)
		if ($i ~ /^flags=/) { split($i, f, "="); if (int(f[2] / 4) % 2) ok = 1 } }
		END { exit !ok }' || { grep " sc $1 " dump | cut -c1-160; fail "no injected $1 = $2"; }
}

# strace's example: cat FILE fails, the record carries the flag
run 'openat:error=ENOENT:when=1' cat f1
[ $rc -ne 0 ] || fail "cat succeeded under error=ENOENT"
expect_contains err "f1: No such file or directory"
injected openat -2
[ "$(grep -c ' sc openat .*ret=-2 ' dump)" = 1 ] || fail "more than one openat failed"

# when=2+2: the 2nd and 4th opens fail, the others succeed (interposed path: cat's opens)
run 'openat:error=ENOENT:when=2+2' cat f1 f2 f3 f4 f5
[ "$(cat out | tr '\n' ' ')" = "one three five " ] || fail "when=2+2: got $(cat out)"
expect_contains err "f2: No such file or directory"
expect_contains err "f4: No such file or directory"
[ "$(grep -c 'No such file' err)" = 2 ] || fail "when=2+2: not exactly two failures"
[ "$(grep -c ' sc openat .*flags=6 ' dump)" = 2 ] || fail "when=2+2: not two injected fast-path records"

# the trap path (raw syscalls), when=FIRST..LAST, and retval
run 'openat:error=EACCES:when=2..3;getppid:retval=42' ./inj o:f1 o:f1 o:f1 o:f1 p
printf '%s\n' 'o:f1 = 3' 'o:f1 = -1 EACCES (Permission denied)' \
	'o:f1 = -1 EACCES (Permission denied)' 'o:f1 = 3' 'p = 42' >want
cmp -s out want || { diff want out; fail "when=2..3 / retval"; }
injected openat -13
injected getppid 42

# counting is per process, across threads: when=3 hits exactly one of four opens in two threads
run 'openat:error=EIO:when=3' ./inj t:f1
expect_contains out "thread opens failed = 1"

# signal= is raised after the call, which is made (not USR1/USR2: the shim's start/stop)
run 'getppid:signal=SIGWINCH' ./inj p s
grep -qE '^p = [0-9]+$' out || fail "signal=: the call was not made: $(cat out)"
expect_contains out "winch = 1"
grep -E " sc getppid .*flags=(0|2) " dump >/dev/null || fail "signal=: the call is marked (strace marks none)"
grep -E " signal 28 " dump >/dev/null || fail "signal=: no signal record"

# delay_enter / delay_exit: the call's recorded duration holds the delay; the record is
# marked DELAYED (16), and INJECTED too when its result was also injected (strace's marks); FAST (2) may be
# set too: a site rewritten after its first trap records through the interposed path
run 'openat:delay_enter=60ms:when=1;getppid:delay_exit=40000:retval=5' ./inj o:f1 p
grep -qE '^o:f1 = [0-9]+$' out || fail "delay_enter: the open failed"
grep -qx 'p = 5' out || fail "retval with delay_exit: $(cat out)"
grep -E " sc openat .*flags=(16|18) " dump >/dev/null || fail "delay_enter: not marked DELAYED only"
grep -E " sc getppid .*ret=5 flags=(20|22) " dump >/dev/null || fail "retval+delay: not INJECTED|DELAYED"
"$REPORT" --json logs >json
python3 - json <<'PY' || fail "delays not in the recorded durations"
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
dur = {e['name']: e['dur_ns'] for e in ev if e.get('type') == 'syscall' and e['name'] in ('openat', 'getppid')}
print(dur)
assert dur['openat'] >= 60e6 and dur['getppid'] >= 40e6, dur
PY

# %class, /regex, ! negation, fault= (ENOSYS by default), several sets
run '%file:error=EROFS' ./inj o:f1 p
printf '%s\n' 'o:f1 = -1 EROFS (Read-only file system)' >want; head -1 out >got
cmp -s got want || fail "%file: $(cat out)"
grep -qE '^p = [0-9]+$' out || fail "%file hit getppid"
run '/^getppi[d]$|^getuid$:retval=7' ./inj p o:f1
grep -qx 'p = 7' out || fail "/regex: $(cat out)"
grep -qE '^o:f1 = [0-9]+$' out || fail "/regex hit openat"
run '!/^[^o]:error=EPERM' ./inj o:f1 p
grep -qx 'o:f1 = -1 EPERM (Operation not permitted)' out || fail "!/^[^o]: $(cat out)"
grep -qE '^p = [0-9]+$' out || fail "!/^[^o] hit getppid"
run 'fault=getppid,getuid:when=1+' ./inj p
grep -qx 'p = -1 ENOSYS (Function not implemented)' out || fail "fault=: $(cat out)"

# the C API: add, refused (message, nothing added), clear
run '' ./inj a:'openat:error=ENOENT' o:f1 a:'openat:error=EBOGUS' c o:f1
printf '%s\n' 'inject = 0' 'o:f1 = -1 ENOENT (No such file or directory)' \
	"inject = -22 unknown error 'EBOGUS'" 'inject = 0' 'o:f1 = 3' >want
cmp -s out want || { diff want out; fail "libtrace_inject"; }

# nested regions: check changes nothing, keep(n) drops the rules added after the first n
# and the kept rule keeps its count (when=2 hits the 2nd open overall, not the 2nd after)
run 'getppid:retval=5' ./inj C:'openat:error=EPERM' C:'openat:error=EBAD' n o:f1 \
	a:'openat:error=EPERM:when=2' a:'getuid,getppid:retval=9' n o:f1 p k:2 n p o:f1 o:f1
printf '%s\n' 'check = 0' "check = -22 unknown error 'EBAD'" 'count = 1' 'o:f1 = 3' 'inject = 0' \
	'inject = 0' 'count = 3' 'o:f1 = 3' 'p = 9' 'keep = 0' 'count = 2' 'p = 5' \
	'o:f1 = -1 EPERM (Operation not permitted)' 'o:f1 = 3' >want
cmp -s out want || { diff want out; fail "check/count/keep"; }

# at most 16 rules in force: the 17th is refused, the 16 stay; dropping and adding rules
# over and over reuses their counters cleanly
r16=$(for i in $(seq 16); do printf 'getuid:retval=%d;' $i; done)
run '' ./inj a:"$r16" n a:'getppid:retval=1' n k:0 \
	a:'getppid:retval=3:when=2' k:0 a:'getppid:retval=3:when=2' k:0 a:'getppid:retval=3:when=2' p p
printf '%s\n' 'inject = 0' 'count = 16' 'inject = -28 more than 16 injection rules' 'count = 16' \
	'keep = 0' 'inject = 0' 'keep = 0' 'inject = 0' 'keep = 0' 'inject = 0' >want
head -10 out >got
cmp -s got want || { diff want got; fail "16 rules"; }
grep -qE '^p = [0-9]+$' out && [ "$(sed -n 12p out)" = 'p = 3' ] || fail "reused counter: $(cat out)"

# rules changing while other threads make the calls: no torn rule (only the rule's EPERM)
run '' ./inj x:1000
cat err
expect_contains out "churn: other errors 0, busy 0, injected some"

# bad rules: one clear line, the program runs with no fault injected
for bad in 'openat' 'nosuchcall:error=EPERM' 'openat:error=EBOGUS' 'openat:when=0:error=EPERM' \
	'openat:error=EPERM:retval=1' '%bogus:error=EPERM' '/open(at):error=EPERM' \
	'fault=openat:signal=USR1' 'openat:poke_enter=@arg1=00' 'openat:delay_enter=1h'; do
	run "$bad" ./inj o:f1
	grep -qE '^o:f1 = [0-9]+$' out || fail "bad rule '$bad' changed the call: $(cat out)"
	[ "$(wc -l <err)" = 1 ] || { cat err; fail "bad rule '$bad': not one line"; }
	grep -q "^libtrace: LIBTRACE_INJECT=" err || { cat err; fail "bad rule '$bad': message"; }
	cat err
done
echo ok
