#!/bin/sh
# The syscall table against this machine's <asm/unistd_64.h>: every number the header
# defines must be in lib/syscalls.tbl under the same name. Numbers above the header's
# highest are allowed (the running kernel may be newer than the installed headers).
set -eu
hdr=
for h in /usr/include/x86_64-linux-gnu/asm/unistd_64.h /usr/include/asm/unistd_64.h; do
	[ -f "$h" ] && { hdr=$h; break; }
done
[ -n "$hdr" ] || { echo "no asm/unistd_64.h here"; exit 77; }
tbl=$TOP/lib/syscalls.tbl
awk '$1 == "#define" && $2 ~ /^__NR_/ { print $3, substr($2, 6) }' "$hdr" | sort -n >"$TMPDIR/hdr"
awk '$1 ~ /^[0-9]+$/ && NF >= 4 { print $1, $2 }' "$tbl" | sort -n >"$TMPDIR/tbl"
[ -s "$TMPDIR/hdr" ] || { echo "FAIL: no __NR_ lines in $hdr"; exit 1; }
bad=0
awk 'NR == FNR { t[$1] = $2; next }
     !($1 in t) { print "missing from the table: " $1 " " $2; bad = 1; next }
     t[$1] != $2 { print "name differs for " $1 ": header " $2 ", table " t[$1]; bad = 1 }
     END { exit bad }' "$TMPDIR/tbl" "$TMPDIR/hdr" || bad=1
dups=$(awk '{ print $1 }' "$TMPDIR/tbl" | uniq -d)
[ -z "$dups" ] || { echo "numbers twice in the table: $dups"; bad=1; }
dupn=$(awk '{ print $2 }' "$TMPDIR/tbl" | sort | uniq -d)
[ -z "$dupn" ] || { echo "names twice in the table: $dupn"; bad=1; }
[ $bad -eq 0 ] || { echo "FAIL: lib/syscalls.tbl disagrees with $hdr"; exit 1; }
echo "ok: $(wc -l <"$TMPDIR/hdr") header syscalls match; table has $(wc -l <"$TMPDIR/tbl")"
