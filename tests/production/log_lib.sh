# Helpers for the log and descriptor tests of tests/production (sourced after tests/lib.sh).
# prog NAME: builds tests/production/NAME.c into $TMPDIR/NAME (the test programs are plain
# C programs, built without the shim).
prog() {
	${CC:-cc} -O2 -Wall -D_GNU_SOURCE -o "$TMPDIR/$1" "$TOP/tests/production/$1.c" ||
		fail "cannot build $1"
}
# traced DIR CMD...: runs CMD under the native backend, logging into DIR.
traced() {
	d=$1; shift
	LIBTRACE_DIR=$d LIBTRACE_REPORT=none LIBTRACE_BACKEND=native LD_PRELOAD=$SO "$@"
}
# lost_in DIR: the records the logs under DIR count as lost (LT_REC_LOST), summed.
lost_in() {
	python3 "$TOP/tests/native/ltdump.py" "$1"/run-* | awk '$3 == "lost" {s += $4} END {print s + 0}'
}
