"""Tests of the Python package; run by tests/python/test_python.sh (PYTHONPATH=python,
LIBTRACE_SO=build/libtrace.so, no PYTHONUNBUFFERED)."""
import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import unittest

import libtrace
from libtrace import Injector, LibtraceError, ProcessEvent, Signal, Syscall, Tracer


class TracerTest(unittest.TestCase):
    def test_hello(self):
        sys.stdout.flush()
        with Tracer() as t:
            print("Hello", flush=True)
        self.assertEqual(len(t.trace), 1, t.trace)
        w = t.trace[0]
        self.assertIsInstance(w, Syscall)
        self.assertEqual(w.name, "write")
        self.assertEqual(w.args, '1, "Hello\\n", 6')
        self.assertEqual(w.retval, 6)
        self.assertEqual(w.args_list, [1, "Hello\n", 6])
        self.assertEqual(w.named, {"fd": 1, "buf": "Hello\n", "count": 6})
        self.assertEqual((w.pid, w.tid), (os.getpid(), threading.get_native_id()))
        self.assertIsNone(w.errno)
        self.assertGreater(w.duration, 0)
        self.assertLess(abs(w.timestamp - __import__("time").time()), 60)

    def test_failed_call_and_repeated_regions(self):
        for i in range(3):
            with Tracer() as t:
                try:
                    os.stat("/nonexistent/%d" % i)
                except OSError:
                    pass
            calls = [e for e in t.trace if e.args_list and e.args_list[-1:] != [] and
                     "/nonexistent/%d" % i in e.args]
            self.assertEqual(len(calls), 1, t.trace)
            self.assertEqual(calls[0].errno, "ENOENT")
            self.assertEqual(calls[0].retval, -1)
            self.assertFalse(any("/nonexistent/%d" % (i - 1) in e.args for e in t.trace))

    def test_nested(self):
        with Tracer() as outer:
            os.getppid()
            with Tracer() as inner:
                os.getuid()
            os.getgid()
        names = lambda tr: [e.name for e in tr if e.name in ("getppid", "getuid", "getgid")]
        self.assertEqual(names(outer.trace), ["getppid", "getuid", "getgid"])
        self.assertEqual(names(inner.trace), ["getuid"])

    def test_existing_thread(self):
        go, done = threading.Event(), threading.Event()
        tid = []

        def worker():
            tid.append(threading.get_native_id())
            go.wait()
            os.write(w, b"x" * 7)
            done.set()

        r, w = os.pipe()
        th = threading.Thread(target=worker)
        th.start()
        with Tracer() as t:
            go.set()
            done.wait()
        th.join()
        os.close(r), os.close(w)
        writes = [e for e in t.trace if e.name == "write" and e.retval == 7]
        self.assertEqual([e.tid for e in writes], tid)

    def test_signal_event(self):
        got = []
        old = signal.signal(signal.SIGWINCH, lambda s, f: got.append(s))
        try:
            with Tracer() as t:
                os.kill(os.getpid(), signal.SIGWINCH)
        finally:
            signal.signal(signal.SIGWINCH, old)
        self.assertEqual(got, [signal.SIGWINCH])
        sigs = [e for e in t.trace.events if isinstance(e, Signal)]
        self.assertEqual([s.name for s in sigs], ["SIGWINCH"])
        self.assertTrue(any(isinstance(e, ProcessEvent) and e.kind == "thread"
                            for e in t.trace.events))
        self.assertTrue(all(isinstance(e, Syscall) for e in t.trace))

    def test_summary_save_json(self):
        with Tracer() as t:
            for _ in range(3):
                os.getppid()
        s = t.summary()
        row = [l for l in s.splitlines() if l.split()[-1:] == ["getppid"]]
        self.assertEqual(len(row), 1, s)
        self.assertEqual(row[0].split()[3], "3", s)
        js = [json.loads(l) for l in libtrace.to_json(t.trace).splitlines()]
        self.assertEqual(sum(1 for o in js if o.get("type") == "syscall"), len(t.trace))
        with tempfile.TemporaryDirectory() as d:
            t.save(d)
            self.assertTrue(any(f.endswith(".ltl") for f in os.listdir(d)))

    def test_tef_perfetto(self):
        with Tracer() as t:
            th = threading.Thread(target=os.getppid, name="worker")
            th.start()
            th.join()
            print("tef", flush=True)
        tef = json.loads(libtrace.to_tef(t.trace))
        slices = [e for e in tef["traceEvents"] if e.get("ph") == "X"]
        self.assertEqual(len(slices), len(t.trace))
        self.assertGreaterEqual(len({e["tid"] for e in slices}), 2)
        only = json.loads(libtrace.to_tef([e for e in t.trace if e.name == "getppid"]))
        self.assertEqual([e["name"] for e in only["traceEvents"] if e.get("ph") == "X"],
                         ["getppid"])
        check = os.environ.get("PERFETTO_CHECK")
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "t.json")
            with open(p, "w") as f:
                f.write(libtrace.to_tef(t.trace))
            pf = libtrace.to_perfetto(t.trace, os.path.join(d, "t.pftrace"))
            self.assertGreater(os.path.getsize(pf), 0)
            if not check:
                self.skipTest("perfetto-check or node not available")
            for trace in (p, pf):
                r = subprocess.run(["node", check, trace], stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
                self.assertEqual(r.returncode, 0, r.stdout.decode(errors="replace"))


class InjectorTest(unittest.TestCase):
    def opens(self, n, path="/dev/null"):
        res = []
        for _ in range(n):
            try:
                open(path).close()
                res.append("ok")
            except OSError as e:
                res.append(errno.errorcode[e.errno])
        return res

    def test_when_2_plus_2(self):
        inj = Injector()
        inj.inject("openat", "error", "ENOSPC", when="2+2")
        with Tracer() as t:
            with inj:
                got = self.opens(5)
        self.assertEqual(got, ["ok", "ENOSPC", "ok", "ENOSPC", "ok"])
        opens = [e for e in t.trace if e.name == "openat" and "/dev/null" in e.args]
        self.assertEqual([e.errno for e in opens], [None, "ENOSPC", None, "ENOSPC", None])
        # repeated: the counts start again
        with inj:
            self.assertEqual(self.opens(2), ["ok", "ENOSPC"])
        self.assertEqual(self.opens(2), ["ok", "ok"])

    def test_nested(self):
        real = os.getppid()
        outer = Injector().inject("getppid", "retval", 4242)
        inner = Injector().inject("openat", "error", "EPERM")
        with outer:
            with inner:
                self.assertEqual(os.getppid(), 4242)
                self.assertEqual(self.opens(1), ["EPERM"])
            self.assertEqual(self.opens(1), ["ok"])
            self.assertEqual(os.getppid(), 4242)
        self.assertEqual(os.getppid(), real)

    def test_delay_and_signal(self):
        got = []
        old = signal.signal(signal.SIGWINCH, lambda s, f: got.append(s))
        try:
            inj = Injector().inject("getppid", "delay_enter", "30ms") \
                .inject("getppid", "signal", "SIGWINCH", when=1)
            with Tracer() as t, inj:
                os.getppid()
        finally:
            signal.signal(signal.SIGWINCH, old)
        self.assertEqual(got, [signal.SIGWINCH])
        call = [e for e in t.trace if e.name == "getppid"]
        self.assertEqual(len(call), 1)
        self.assertGreaterEqual(call[0].duration, 0.030)

    def test_errors(self):
        inj = Injector()
        with self.assertRaises(LibtraceError) as c:
            inj.inject("openat", "error", "EBOGUS")
        self.assertIn("unknown error 'EBOGUS'", str(c.exception))
        with self.assertRaises(LibtraceError) as c:
            inj.inject("nosuchcall", "retval", 1)
        self.assertIn("unknown syscall 'nosuchcall'", str(c.exception))
        with self.assertRaises(LibtraceError):
            inj.inject("openat", "poke_enter", "@arg1=00")
        self.assertEqual(inj.rules, [])


class PreloadedTest(unittest.TestCase):
    """The same package when the shim was preloaded (and is tracing from the start)."""

    def test_preloaded(self):
        code = ("import os, libtrace\n"
                "with libtrace.Tracer() as t:\n"
                "    print('Hello', flush=True)\n"
                "i = libtrace.Injector().inject('getppid', 'retval', 7)\n"
                "with i:\n"
                "    r = os.getppid()\n"
                "print([(e.name, e.args, e.retval) for e in t.trace], r, flush=True)\n")
        env = dict(os.environ, LD_PRELOAD=os.environ["LIBTRACE_SO"], LIBTRACE_REPORT="none")
        env.pop("LIBTRACE_START", None)
        p = subprocess.run([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.decode().splitlines()
        self.assertEqual(lines[-1], "[('write', '1, \"Hello\\\\n\", 6', 6)] 7", lines)


class ChildrenTest(unittest.TestCase):
    def test_started_program_traced(self):
        with Tracer() as t:
            subprocess.run(["cat", "/dev/null"], check=True)
        self.assertNotIn("libtrace.so", os.environ.get("LD_PRELOAD", ""))
        kids = {e.pid for e in t.trace if e.pid != os.getpid()}
        self.assertEqual(len(kids), 1, t.trace)
        kid = kids.pop()
        cat = [e for e in t.trace if e.pid == kid and e.name == "openat"
               and e.args_list[1:2] == ["/dev/null"]]
        self.assertEqual(len(cat), 1)
        self.assertTrue(any(isinstance(e, ProcessEvent) and e.pid == kid and e.kind == "exit"
                            for e in t.trace.events))


class CleanupTest(unittest.TestCase):
    def test_run_dir_removed_at_exit(self):
        code = ("import libtrace, subprocess\n"
                "with libtrace.Tracer() as t:\n"
                "    subprocess.run(['true'])\n"
                "print(t.trace.source.run_dir)\n")
        for keep in ("", "1"):
            env = dict(os.environ, LIBTRACE_KEEP=keep)
            p = subprocess.run([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                               check=True)
            d = p.stdout.decode().split()[-1]
            self.assertEqual(os.path.isdir(d), bool(keep), d)


SEABORN_PY = os.environ.get("SEABORN_PYTHON")


@unittest.skipUnless(SEABORN_PY, "no python3 with seaborn")
class SeabornTest(unittest.TestCase):
    """Cirron's example: import seaborn in a Tracer sees the calls strace -f sees for the
    same region (the interpreter's threads and the programs it runs; the package's own
    imports made on both sides)."""

    def test_import_vs_strace(self):
        traced = ("import os, libtrace\n"
                  "from libtrace._shim import shim; shim()\n"
                  "with libtrace.Tracer() as t:\n"
                  "    import seaborn\n"
                  "mine = [e for e in t.trace if e.pid == os.getpid()]\n"
                  "print(len(t.trace), len({e.tid for e in mine}))\n")
        p = subprocess.run([SEABORN_PY, "-c", traced], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        self.assertEqual(p.returncode, 0, p.stderr)
        calls, threads = map(int, p.stdout.split()[-2:])
        self.assertGreater(calls, 5000)
        self.assertGreaterEqual(threads, 2)
        if not shutil.which("strace"):
            self.skipTest("no strace to compare with")
        plain = ("import os, libtrace\nos.getppid(); os.getppid()\nimport seaborn\n"
                 "os.getppid(); os.getppid()\n")
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "s")
            subprocess.run(["strace", "-f", "-qq", "-o", out, SEABORN_PY, "-c", plain],
                           check=True, stdout=subprocess.DEVNULL)
            with open(out) as f:
                lines = f.read().splitlines()
        # every call strace -f shows between the marks, the processes started included
        marks = [i for i, l in enumerate(lines) if re.match(r"\d+ +getppid\(\)", l)]
        region = lines[marks[1] + 1:marks[2]]
        st = sum(1 for l in region if "+++" not in l and "---" not in l and "resumed>" not in l)
        self.assertLess(abs(calls - st), 0.02 * st, (calls, st))


if __name__ == "__main__":
    unittest.main()
