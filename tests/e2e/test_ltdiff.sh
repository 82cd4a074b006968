# tests/diff/lt-diff itself: on a trace it knows the truth of, it must report a perfect match,
# and it must catch a missing call, a changed outcome and a changed argument, and fail its
# thresholds then. The "libtrace" side is made from a real strace log of rawsys/sigeintr:
# the loader's start-up removed, the interrupted read folded into one EINTR call (what an
# in-process recorder sees), written as libtrace-report --json lines.
. "$TOP/tests/lib.sh"
command -v strace >/dev/null || skip "strace not installed"
LTDIFF="/usr/bin/python3 $TOP/tests/diff/lt-diff"
for p in rawsys sigeintr; do
	[ -x "$E2E/$p" ] || fail "$E2E/$p not built"
	(cd "$TMPDIR" && strace -f -qq -o "$TMPDIR/$p.st" "$E2E/$p" >/dev/null) ||
		fail "$p failed under strace"
	/usr/bin/python3 - "$TMPDIR/$p.st" "$TMPDIR/$p" <<'PY' || fail "could not convert $p"
import json, re, sys
lines = open(sys.argv[1]).read().splitlines()
# join <unfinished ...> / <... resumed>
calls, pend = [], {}
for l in lines:
    m = re.match(r"(\d+)\s+(.*)$", l)
    tid, body = int(m.group(1)), m.group(2)
    if body.startswith(("---", "+++")):
        continue
    if body.endswith("<unfinished ...>"):
        pend[tid] = body[:-len("<unfinished ...>")].rstrip()
        continue
    r = re.match(r"<\.\.\. \w+ resumed>(.*)$", body)
    if r:
        body = pend.pop(tid) + " " + r.group(1)
        body = body.replace(",  ", ", ")
    calls.append((tid, body))
# drop the loader: everything up to the munmap after the ld.so.cache open
i = next(i for i, (t, b) in enumerate(calls) if '"/etc/ld.so.cache"' in b)
i = next(j for j in range(i, len(calls)) if calls[j][1].startswith("munmap("))
calls = calls[i + 1:]
evs = []
k = 0
while k < len(calls):
    tid, b = calls[k]
    m = re.match(r"(\w+)\((.*)\)\s+= (.*)$", b)
    name, args, ret = m.groups()
    if "ERESTARTSYS" in ret:  # fold: the handler's calls, rt_sigreturn = -1 EINTR
        ret = "-1 EINTR (Interrupted system call)"
    e = {"type": "syscall", "pid": tid, "tid": tid, "name": name, "args": [args]}
    mm = re.match(r"-1 (E\w+)", ret)
    if mm:
        e["ret"], e["errno"] = -1, mm.group(1)
    elif ret.startswith("?"):
        e["ret"], e["unfinished"] = None, True
    else:
        e["ret_text"] = ret
        e["ret"] = int(ret, 0) if re.match(r"-?(0x)?[0-9a-f]+$", ret) else ret
    evs.append(e)
    k += 1
def dump(path, evs):
    with open(path, "w") as f:
        for e in evs:
            f.write(json.dumps(e) + "\n")
dump(sys.argv[2] + ".good.json", evs)
# broken copies: one call missing, one outcome changed, one argument changed
w = next(i for i, e in enumerate(evs) if e["name"] == "write")
dump(sys.argv[2] + ".missing.json", evs[:w] + evs[w + 1:])
bad = [dict(e) for e in evs]
c = next(i for i, e in enumerate(bad) if e["name"] in ("openat", "pipe2"))
bad[c]["ret"], bad[c]["errno"] = -1, "EACCES"
bad[c].pop("ret_text", None)
dump(sys.argv[2] + ".outcome.json", bad)
bad = [dict(e) for e in evs]
bad[w]["args"] = [re.sub(r"^\d+", "99", bad[w]["args"][0])]
dump(sys.argv[2] + ".text.json", bad)
PY
	d() { $LTDIFF --label "$p" --strace-log "$TMPDIR/$p.st" --lt-json "$@"; }
	d "$TMPDIR/$p.good.json" --min-match 1 --min-text 1 >"$TMPDIR/out" ||
		{ cat "$TMPDIR/out"; fail "$p: the true trace does not match perfectly"; }
	expect_contains "$TMPDIR/out" "missing 0, extra 0"
	! d "$TMPDIR/$p.missing.json" --min-match 1 >"$TMPDIR/out" ||
		{ cat "$TMPDIR/out"; fail "$p: a missing write passed --min-match 1"; }
	expect_contains "$TMPDIR/out" "missing (strace only) by syscall: write 1"
	expect_contains "$TMPDIR/out" " - write("
	! d "$TMPDIR/$p.outcome.json" --min-match 1 >"$TMPDIR/out" ||
		{ cat "$TMPDIR/out"; fail "$p: a changed outcome passed --min-match 1"; }
	expect_contains "$TMPDIR/out" "libtrace EACCES"
	d "$TMPDIR/$p.text.json" --min-match 1 >"$TMPDIR/out" ||
		{ cat "$TMPDIR/out"; fail "$p: a changed argument changed the match"; }
	! d "$TMPDIR/$p.text.json" --min-text 1 >"$TMPDIR/out" ||
		{ cat "$TMPDIR/out"; fail "$p: a changed argument passed --min-text 1"; }
	expect_contains "$TMPDIR/out" "text differs by syscall: write 1"
	echo "$p: lt-diff finds a missing call, a changed outcome and a changed argument"
done
