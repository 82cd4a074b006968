# The views over real runs, checked against what the traced program is known to do:
#   --files: a 10000-byte file read in 4096-byte chunks shows exactly 10000 bytes read, one
#     open and its 6 calls; a written file 3000 bytes; a missing path 2 failed opens;
#   --top, --threads, --hist: their numbers equal those recomputed from --json's events
#     of the same logs (another output, read independently).
# Each for the native backend's logs and for strace -f text, whichever can run here.
. "$TOP/tests/lib.sh"
CC=${CC:-cc}
cat >"$TMPDIR/io.c" <<'EOF'
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	char buf[4096];
	ssize_t n, total = 0;
	if (argc != 3)
		return 2;
	int fd = open(argv[1], O_RDONLY);
	if (fd < 0)
		return 1;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		total += n;
	close(fd);
	if (open("/nonexistent/x", O_RDONLY) >= 0 || open("/nonexistent/x", O_RDONLY) >= 0)
		return 1;
	int out = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0600);
	memset(buf, 'x', 1000);
	for (int i = 0; i < 3; i++)
		if (write(out, buf, 1000) != 1000)
			return 1;
	close(out);
	return total == 10000 ? 0 : 1;
}
EOF
$CC -O2 -o "$TMPDIR/io" "$TMPDIR/io.c" || fail "cannot build io.c"
$CC -O2 -o "$TMPDIR/mt" "$TOP/tests/report/mt.c" -lpthread || fail "cannot build mt.c"
head -c 10000 /dev/zero >"$TMPDIR/data"

# row FILE PATH: the --files row for PATH as "calls opens open_err read written"
row() { awk -v p="$2" '$NF == p { print $2, $3, $4, $5, $6 }' "$1"; }

views() { # NAME IO_INPUT MT_INPUT
	n=$1
	"$REPORT" --files "$2" >"$TMPDIR/$n.files" || fail "$n: --files failed"
	cat "$TMPDIR/$n.files"
	r=$(row "$TMPDIR/$n.files" "$TMPDIR/data")
	[ "$r" = "6 1 0 10000 0" ] || fail "$n: $TMPDIR/data: want '6 1 0 10000 0', got '$r'"
	r=$(row "$TMPDIR/$n.files" "$TMPDIR/out")
	[ "$r" = "5 1 0 0 3000" ] || fail "$n: $TMPDIR/out: want '5 1 0 0 3000', got '$r'"
	r=$(row "$TMPDIR/$n.files" /nonexistent/x)
	[ "$r" = "2 2 2 0 0" ] || fail "$n: /nonexistent/x: want '2 2 2 0 0', got '$r'"

	"$REPORT" --json "$3" >"$TMPDIR/$n.json" || fail "$n: --json failed"
	"$REPORT" --top 5 "$3" >"$TMPDIR/$n.top" || fail "$n: --top failed"
	"$REPORT" --threads "$3" >"$TMPDIR/$n.threads" || fail "$n: --threads failed"
	"$REPORT" --hist write "$3" >"$TMPDIR/$n.hist" || fail "$n: --hist failed"
	cat "$TMPDIR/$n.top" "$TMPDIR/$n.threads" "$TMPDIR/$n.hist"
	python3 - "$TMPDIR/$n" <<'PY' || fail "$n: a view disagrees with --json"
import collections, json, re, sys
base = sys.argv[1]
evs = [json.loads(l) for l in open(base + ".json")]
calls = [e for e in evs if e["type"] == "syscall" and not e.get("unfinished")]

# --top 5: the five longest durations, longest first, with their thread
top = open(base + ".top").read().splitlines()
assert top[0].startswith("5 slowest of %d calls" % len(calls)), top[0]
rows = [l.split() for l in top[2:]]
assert len(rows) == 5, rows
want = sorted((e["dur_ns"] for e in calls), reverse=True)[:5]
got = [round(float(r[0]) * 1000) for r in rows]
assert got == want, (got, want)
for r in rows:
    assert any(e["tid"] == int(r[3]) and e["dur_ns"] == round(float(r[0]) * 1000) and
               e["name"] == r[4].split("(")[0] for e in calls), r

# --threads: calls, errors, seconds per thread
per = collections.defaultdict(lambda: [0, 0, 0])
for e in evs:
    if e["type"] == "syscall":
        p = per[e["tid"]]
        p[0] += 1
        p[1] += "errno" in e
        p[2] += e.get("dur_ns", 0)
seen = set()
for l in open(base + ".threads").read().splitlines()[1:]:
    w = l.split()
    tid = int(w[1])
    c, err, ns = per[tid]
    assert (int(w[3]), int(w[4])) == (c, err), (l, per[tid])
    assert w[5] == "%d.%06d" % (ns // 10**9, ns % 10**9 // 1000), (l, ns)
    seen.add(tid)
assert seen == set(per), (seen, set(per))
assert len(seen) >= 10, seen  # main, 8 workers, the child

# --hist write: every write counted once, in the bucket of its duration
writes = [e["dur_ns"] for e in calls if e["name"] == "write"]
h = open(base + ".hist").read().splitlines()
assert h[0].startswith("write: %d calls" % len(writes)), h[0]
tot = 0
for l in h[1:]:
    m = re.match(r"^\[(\S+?)(?:, (\S+))?\)?\]?\s+(\d+) \|", l)
    assert m, l
    tot += int(m.group(3))
assert tot == len(writes), (tot, len(writes))
print("views agree with --json:", len(calls), "calls,", len(seen), "threads")
PY
}

ran=0
rm -rf "$TMPDIR/l1" "$TMPDIR/l2"
if LD_PRELOAD=$SO LIBTRACE_DIR=$TMPDIR/l1 LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
	"$TMPDIR/io" "$TMPDIR/data" "$TMPDIR/out" && ls "$TMPDIR"/l1/*/*.ltl >/dev/null 2>&1; then
	LD_PRELOAD=$SO LIBTRACE_DIR=$TMPDIR/l2 LIBTRACE_REPORT=none LIBTRACE_BACKEND=native \
		"$TMPDIR/mt" >/dev/null || fail "mt failed under the shim"
	views native "$(echo "$TMPDIR"/l1/*/)" "$(echo "$TMPDIR"/l2/*/)"
	ran=1
fi
if command -v strace >/dev/null &&
	strace -f -ttt -T -o "$TMPDIR/io.st" "$TMPDIR/io" "$TMPDIR/data" "$TMPDIR/out" 2>/dev/null &&
	strace -f -ttt -T -o "$TMPDIR/mt.st" "$TMPDIR/mt" >/dev/null 2>&1; then
	views strace "$TMPDIR/io.st" "$TMPDIR/mt.st"
	ran=1
fi
[ $ran = 1 ] || skip "neither the native backend nor strace could trace here"
exit 0
