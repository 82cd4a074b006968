"""Finding and loading the shim (libtrace.so) and the report tool (libtrace-report)."""
import atexit
import ctypes
import os
import shutil

_HERE = os.path.dirname(os.path.abspath(__file__))


class LibtraceError(OSError):
    """An error from the shim or the report tool, with its message."""


def _candidates():
    env = os.environ.get("LIBTRACE_SO")
    if env:
        yield env
    yield os.path.join(_HERE, "libtrace.so")                       # beside the package
    yield os.path.join(_HERE, "..", "..", "build", "libtrace.so")  # a checkout, after make
    # `make install` puts the shim in PREFIX/lib/libtrace/ (PREFIX/lib/libtrace.so would be
    # WAND's libtrace, another library): from PREFIX/lib/pythonX.Y/site-packages/libtrace or
    # PREFIX/local/lib/pythonX.Y/dist-packages/libtrace.
    yield os.path.join(_HERE, "..", "..", "..", "libtrace", "libtrace.so")
    yield os.path.join(_HERE, "..", "..", "..", "..", "lib", "libtrace", "libtrace.so")
    for d in ("/usr/local/lib/libtrace", "/usr/lib/libtrace"):
        yield os.path.join(d, "libtrace.so")


class Shim:
    """The shim's C API, loaded once per process."""

    def __init__(self):
        self.path = None
        self.lib = self._preloaded()
        self.preloaded = self.lib is not None
        if self.lib is None:
            self.lib = self._load()
        self._declare()

    def _preloaded(self):
        # LD_PRELOAD=libtrace.so: the functions are already in the process.
        proc = ctypes.CDLL(None, use_errno=True)
        if not hasattr(proc, "libtrace_start") or not hasattr(proc, "libtrace_inject"):
            return None
        self.path = self._mapped_path()
        return proc

    @staticmethod
    def _mapped_path():
        try:
            with open("/proc/self/maps") as f:
                for line in f:
                    p = line.split(None, 5)[-1].strip()
                    if os.path.basename(p) == "libtrace.so":
                        return p
        except OSError:
            pass
        return None

    def _load(self):
        tried = []
        for p in _candidates():
            p = os.path.normpath(p)
            if not os.path.exists(p):
                tried.append(p)
                continue
            # Off until a region opens, and no report of the whole process at its exit:
            # regions are reported by the package. The shim reads these at load.
            os.environ.setdefault("LIBTRACE_START", "0")
            os.environ.setdefault("LIBTRACE_REPORT", "none")
            lib = ctypes.CDLL(p, mode=ctypes.RTLD_GLOBAL, use_errno=True)
            self.path = p
            if not os.environ.get("LIBTRACE_KEEP"):
                atexit.register(self._remove_logs, lib)
            return lib
        raise LibtraceError(
            "libtrace.so not found (set LIBTRACE_SO, or run make); tried: " + ", ".join(tried))

    @staticmethod
    def _remove_logs(lib):
        # The logs go with the process, unless LIBTRACE_KEEP is set (Tracer.save keeps a
        # copy): all of them and the run directory if this process began the run (the
        # shim's LIBTRACE_RUN_PID, in the C environment), else only its own (<pid>.ltl,
        # <pid>.<n>.ltl: a Python started by a traced region shares its parent's run).
        lib.libtrace_run_dir.restype = ctypes.c_char_p
        d = lib.libtrace_run_dir()
        if not d:
            return
        getenv = ctypes.CDLL(None).getenv
        getenv.restype = ctypes.c_char_p
        getenv.argtypes = [ctypes.c_char_p]
        d, me = os.fsdecode(d), str(os.getpid())
        root = (getenv(b"LIBTRACE_RUN_PID") or b"").decode() == me
        try:
            for f in os.listdir(d):
                if f.endswith(".ltl") and (root or f.split(".")[0] == me):
                    os.unlink(os.path.join(d, f))
            os.rmdir(d)
        except OSError:
            pass

    def _declare(self):
        L = self.lib
        for name in ("libtrace_start", "libtrace_stop", "libtrace_active",
                     "libtrace_inject_count"):
            getattr(L, name).restype = ctypes.c_int
            getattr(L, name).argtypes = []
        for name in ("libtrace_inject", "libtrace_inject_check"):
            getattr(L, name).restype = ctypes.c_int
            getattr(L, name).argtypes = [ctypes.c_char_p]
        L.libtrace_inject_keep.restype = ctypes.c_int
        L.libtrace_inject_keep.argtypes = [ctypes.c_int]
        L.libtrace_inject_error.restype = ctypes.c_char_p
        L.libtrace_inject_error.argtypes = []
        L.libtrace_run_dir.restype = ctypes.c_char_p
        L.libtrace_run_dir.argtypes = []

    # -- windows: a region opens one unless one is open; the last region out closes it
    def start(self):
        if self.lib.libtrace_start() != 0:
            e = ctypes.get_errno() or 0
            raise LibtraceError(e, "libtrace_start failed: the shim has no usable backend "
                                "here (see the libtrace: lines on stderr)")

    def stop(self):
        if self.lib.libtrace_stop() != 0:
            raise LibtraceError("libtrace_stop failed")

    def active(self):
        return bool(self.lib.libtrace_active())

    def run_dir(self):
        d = self.lib.libtrace_run_dir()
        if not d:
            raise LibtraceError("the shim is off in this process (see its libtrace: lines)")
        return os.fsdecode(d)

    # -- injection
    def _check(self, rc, what):
        if rc < 0:
            msg = (self.lib.libtrace_inject_error() or b"").decode(errors="replace")
            raise LibtraceError(-rc, "%s: %s" % (what, msg or os.strerror(-rc)))

    def inject_check(self, rules):
        self._check(self.lib.libtrace_inject_check(rules.encode()), rules)

    def inject_add(self, rules):
        self._check(self.lib.libtrace_inject(rules.encode()), rules)

    def inject_count(self):
        return self.lib.libtrace_inject_count()

    def inject_keep(self, n):
        self._check(self.lib.libtrace_inject_keep(n), "keeping %d rules" % n)

    # -- the report tool
    def report_bin(self):
        env = os.environ.get("LIBTRACE_REPORT_BIN")
        if env:
            return env
        if self.path:
            d = os.path.dirname(os.path.realpath(self.path))
            for p in (os.path.join(d, "libtrace-report"),
                      os.path.join(d, "..", "bin", "libtrace-report")):
                if os.access(p, os.X_OK):
                    return os.path.normpath(p)
        p = shutil.which("libtrace-report")
        if p:
            return p
        raise LibtraceError("libtrace-report not found next to %s, in ../bin or on PATH"
                            % (self.path or "the shim"))


_shim = None


def shim():
    global _shim
    if _shim is None:
        _shim = Shim()
    return _shim
