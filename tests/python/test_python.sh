# The Python package (python/libtrace): Tracer, Injector, to_tef/to_perfetto/to_json, in a
# plain python3 that loads the shim itself, and under LD_PRELOAD (tests/python/test_libtrace.py).
. "$TOP/tests/lib.sh"
command -v python3 >/dev/null || skip "python3 not installed"
python3 -c 'import ctypes, dataclasses, unittest' 2>/dev/null || skip "python3 lacks ctypes"
CHECK=$TOP/../shared/tools/perfetto-check/check.mjs
[ -f "$CHECK" ] || CHECK=/work/shared/tools/perfetto-check/check.mjs
command -v node >/dev/null && [ -f "$CHECK" ] && export PERFETTO_CHECK=$CHECK
# Cirron's seaborn example, with whichever python3 has seaborn (Debian's python3-seaborn)
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import seaborn' 2>/dev/null; then export SEABORN_PYTHON=$(command -v "$py"); break; fi
done
# Write patterns matter (one write per flushed print): no PYTHONUNBUFFERED.
env -u PYTHONUNBUFFERED PYTHONPATH="$TOP/python" LIBTRACE_SO="$SO" LIBTRACE_DIR="$TMPDIR/logs" \
	python3 -m unittest -v tests/python/test_libtrace.py
