#!/bin/sh
# make fuzz: runs the libFuzzer target FUZZER for SECONDS over a working corpus (in the
# fuzzer's build directory) seeded with make_seeds.py's valid logs and strace text and
# tests/fuzz/corpus (bad inputs and past crashes). A crash, leak or sanitizer report is
# written to tests/fuzz/corpus/ as crash-<sha1> (or leak-, timeout-, oom-), which make test
# replays from then on, and fails the run. FUZZ_JOBS runs several fuzzers at once (default
# 1: the machine is shared).
set -eu
FUZZER=$1 SECONDS_=${2:-600}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
work=$(dirname "$FUZZER")/corpus
mkdir -p "$work"
seeds=$(dirname "$FUZZER")/seeds
python3 "$TOP/tests/fuzz/make_seeds.py" "$seeds"
echo "fuzz: $SECONDS_ s; working corpus $work; crashes go to tests/fuzz/corpus/crash-*"
exec "$FUZZER" -max_total_time="$SECONDS_" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
	-close_fd_mask=2 -print_final_stats=1 ${FUZZ_JOBS:+-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS} \
	-artifact_prefix="$TOP/tests/fuzz/corpus/" \
	"$work" "$seeds" "$TOP/tests/fuzz/corpus"
