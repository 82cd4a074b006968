# Helpers for test scripts: . "$TOP/tests/lib.sh"
set -eu
SO=$BUILD/libtrace.so
REPORT=$BUILD/libtrace-report
E2E=$BUILD/e2e
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "$*"; exit 77; }
# expect_contains FILE TEXT: FILE has a line containing TEXT (fixed string)
expect_contains() { grep -qF -- "$2" "$1" || { echo "--- $1:"; head -50 "$1"; fail "$1 lacks: $2"; }; }
expect_not_contains() { ! grep -qF -- "$2" "$1" || { echo "--- $1:"; grep -nF -- "$2" "$1" | head; fail "$1 has: $2"; }; }
