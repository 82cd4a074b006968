"""libtrace for Python: trace the system calls of a region of this program, in-process, and
inject faults into them. Cirron's interface, on libtrace's shim:

    from libtrace import Tracer, Injector, to_tef
    with Tracer() as t:
        print("Hello", flush=True)
    print(t.trace)       # [Syscall(name='write', args='1, "Hello\\n", 6', retval=6, ...)]
    open("/tmp/trace.json", "w").write(to_tef(t.trace))   # for Perfetto

    injector = Injector()
    injector.inject("openat", "error", "ENOSPC", when="2+2")
    with injector:
        ...              # the 2nd, 4th, ... openat fail with ENOSPC

The shim (libtrace.so) is loaded with ctypes when this package is imported without it being
preloaded; LIBTRACE_SO names it. Formats come from the report tool (libtrace-report). See
python/README.md."""
import os
import shutil
import subprocess
import threading
import time

from ._events import ProcessEvent, Signal, Syscall, event_from_json, parse_json_lines
from ._shim import LibtraceError, shim

__all__ = ["Tracer", "Injector", "Trace", "Syscall", "Signal", "ProcessEvent",
           "LibtraceError", "to_tef", "to_perfetto", "to_json", "report"]

# ---- windows: the first region in opens one (unless tracing is already on), the last out
# closes it; the shim's window is process-wide, so regions share it.
_lock = threading.Lock()
_users = 0
_owned = False
_preload_saved = None


def _preload_children(on):
    """While a window is open, programs the process starts are traced too (as strace -f
    would): they inherit the run's variables the shim keeps in the C environment, and get
    LD_PRELOAD here when the package loaded the shim itself."""
    global _preload_saved
    s = shim()
    if s.preloaded or not s.path:
        return
    if on:
        old = os.environ.get("LD_PRELOAD")
        _preload_saved = (old,)
        os.environ["LD_PRELOAD"] = os.path.abspath(s.path) + (" " + old if old else "")
    elif _preload_saved is not None:
        old = _preload_saved[0]
        _preload_saved = None
        if old is None:
            os.environ.pop("LD_PRELOAD", None)
        else:
            os.environ["LD_PRELOAD"] = old


def _acquire():
    global _users, _owned
    with _lock:
        s = shim()
        if _users == 0:
            _owned = not s.active()
            if _owned:
                s.start()
                _preload_children(True)
        _users += 1
        return _owned and _users == 1


def _release():
    global _users, _owned
    with _lock:
        _users -= 1
        if _users == 0 and _owned:
            _owned = False
            _preload_children(False)
            shim().stop()


def _report(args, run_dir):
    cmd = [shim().report_bin()] + list(args) + [run_dir]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise LibtraceError("%s: %s" % (" ".join(cmd), p.stderr.decode(errors="replace").strip()))
    return p.stdout


class _Source:
    """Where a trace's events are: a run directory and a span of time (wall ns)."""

    def __init__(self, run_dir, lo, hi, first):
        self.run_dir, self.lo, self.hi, self.first = run_dir, lo, hi, first

    def args(self, lo=None, hi=None):
        lo = self.lo if lo is None else lo
        hi = self.hi if hi is None else hi
        return ["--since", "%dns" % max(0, lo - self.first),
                "--until", "%dns" % max(0, hi - self.first)]


class Trace(list):
    """The system calls of a region (a list of Syscall, in time order); .events holds
    them with signals and process events; .source where they came from."""
    events = ()
    source = None


class Tracer:
    """`with Tracer() as t:` records the region's system calls, in every thread of this
    process and in the processes it starts. Regions may nest and repeat."""

    def __init__(self):
        self.trace = Trace()
        self._src = None

    def __enter__(self):
        shim()  # loaded before the region begins, so its loading is not in it
        self._t0 = time.time_ns()
        self._owner = _acquire()
        return self

    def __exit__(self, *exc):
        _release()
        t1 = time.time_ns()
        self._load(t1)
        return False

    def _load(self, t1):
        run_dir = shim().run_dir()
        if not os.path.isdir(run_dir):
            self.trace = Trace()
            return
        objs = parse_json_lines(_report(["--json"], run_dir).decode("utf-8", "replace"))
        first = objs[0]["ts_ns"] if objs else 0
        lo, hi = self._t0, t1
        if self._owner:
            # our window, exactly: the last one this process closed
            me = os.getpid()
            wins = [o for o in objs if o.get("type") == "window" and o.get("pid") == me]
            off = next((o for o in reversed(wins) if not o.get("on")), None)
            on = next((o for o in reversed(wins) if o.get("on") and off
                       and o.get("seq") == off.get("seq")), None)
            if on and off:
                lo, hi = on["ts_ns"], off["ts_ns"]
        self._src = _Source(run_dir, lo, hi, first)
        events = []
        for o in objs:
            if o.get("type") in ("process", "thread"):
                ok = True  # names: whenever they were seen
            else:
                ok = lo <= o.get("ts_ns", 0) <= hi
            if ok:
                ev = event_from_json(o)
                if ev is not None:
                    ev._source = self._src
                    events.append(ev)
        self.trace = Trace(e for e in events if isinstance(e, Syscall))
        self.trace.events = events
        self.trace.source = self._src

    def summary(self):
        """strace -c's table for the region (libtrace-report -c)."""
        return _report(["-c"] + self._need().args(), self._src.run_dir).decode(errors="replace")

    def report(self, *args):
        """libtrace-report's output for the region with these options (e.g. "-T", "-y")."""
        return _report(list(args) + self._need().args(), self._src.run_dir) \
            .decode(errors="replace")

    def save(self, directory):
        """Copies the region's logs into DIRECTORY (for libtrace-report DIRECTORY; the
        logs hold the whole process's windows: --since/--until pick this one)."""
        src = self._need()
        os.makedirs(directory, exist_ok=True)
        for f in os.listdir(src.run_dir):
            shutil.copy2(os.path.join(src.run_dir, f), os.path.join(directory, f))
        return directory

    def _need(self):
        if self._src is None:
            raise LibtraceError("the region has not ended, or nothing was traced")
        return self._src


def report(events, *args):
    """libtrace-report's output (bytes) for EVENTS (a Trace, or a list of its events: the
    threads, calls and time span they cover) with these options."""
    evs = list(events)
    src = getattr(events, "source", None) or next(
        (getattr(e, "_source", None) for e in evs if getattr(e, "_source", None)), None)
    if src is None:
        raise LibtraceError("these events come from no trace")
    if isinstance(events, Trace):
        sel = src.args()
    else:
        if not evs:
            raise LibtraceError("no events")
        lo = min(int(e.timestamp * 1e9) for e in evs) - 1000
        hi = max(int((e.timestamp + getattr(e, "duration", 0)) * 1e9) for e in evs) + 1000
        sel = src.args(lo, hi)
        sel += ["-p", ",".join(str(t) for t in sorted({e.tid for e in evs}))]
        names = sorted({e.name for e in evs if isinstance(e, Syscall)})
        if names:
            sel += ["-e", "trace=" + ",".join(names)]
    return _report(list(args) + sel, src.run_dir)


def to_tef(events):
    """Trace Event Format JSON (a str) for Perfetto or chrome://tracing: each thread its own
    named track (libtrace-report --tef)."""
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "trace.json")
        report(events, "--tef", out)
        with open(out, encoding="utf-8") as f:
            return f.read()


def to_perfetto(events, path):
    """Writes a Perfetto protobuf trace to PATH (libtrace-report --perfetto)."""
    report(events, "--perfetto", os.fspath(path))
    return path


def to_json(events):
    """JSON Lines (a str), one object per event (libtrace-report --json)."""
    return report(events, "--json").decode("utf-8", "replace")


class Injector:
    """Cirron's Injector: inject(syscall, action, value, when=None) adds a rule (strace's
    -e inject=SYSCALL:ACTION=VALUE[:when=WHEN]); `with injector:` puts the rules in force
    in every thread of this process (tracing the region, which injection acts on). A bad
    rule raises LibtraceError with the shim's reason at inject()."""

    ACTIONS = ("error", "retval", "signal", "delay_enter", "delay_exit")

    def __init__(self):
        self.rules = []
        self._kept = []

    def inject(self, syscall, action, value, when=None):
        if action not in self.ACTIONS:
            raise LibtraceError("unknown action %r (libtrace knows %s)"
                                % (action, ", ".join(self.ACTIONS)))
        rule = "%s:%s=%s" % (syscall, action, value)
        if when is not None:
            rule += ":when=%s" % when
        shim().inject_check(rule)
        self.rules.append(rule)
        return self

    def __enter__(self):
        s = shim()
        _acquire()
        try:
            n = s.inject_count()
            s.inject_add(";".join(self.rules)) if self.rules else None
        except BaseException:
            _release()
            raise
        self._kept.append(n)
        return self

    def __exit__(self, *exc):
        try:
            shim().inject_keep(self._kept.pop())
        finally:
            _release()
        return False
