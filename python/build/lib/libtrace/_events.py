"""Events of a trace, from `libtrace-report --json` (one JSON object per line)."""
import json
import os
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

_HERE = os.path.dirname(os.path.abspath(__file__))


@dataclass
class Syscall:
    """One system call. Cirron's fields first (name, args as strace prints them, retval,
    duration and timestamp in seconds, pid), then libtrace's."""
    name: str
    args: str
    retval: Any            # the return value: an int, or strace's text where it is not one
    duration: float        # seconds inside the call
    timestamp: float       # seconds since the epoch, at entry
    pid: int
    tid: int = 0
    errno: Optional[str] = None      # "ENOENT" for a failed call
    args_list: List[Any] = field(default_factory=list)  # numbers as numbers, strings decoded
    named: Dict[str, Any] = field(default_factory=dict)  # by the syscall table's names
    injected: bool = False
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class Signal:
    """A signal delivered to a thread."""
    signo: int
    name: str
    text: str              # strace's siginfo text
    timestamp: float
    pid: int
    tid: int
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class ProcessEvent:
    """A process or thread seen (kind "process", "thread") or gone (kind "exit")."""
    kind: str
    timestamp: float
    pid: int
    tid: int
    ppid: Optional[int] = None
    cmdline: Optional[List[str]] = None
    name: Optional[str] = None
    code: Optional[int] = None
    signo: Optional[int] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False)


def _argnames():
    """Argument names per syscall, from lib/syscalls.tbl (installed beside the package,
    or in the checkout). Arguments strace does not print (SKIP) have none."""
    for p in (os.path.join(_HERE, "syscalls.tbl"),
              os.path.join(_HERE, "..", "..", "lib", "syscalls.tbl")):
        try:
            with open(p) as f:
                names = {}
                for line in f:
                    w = line.split()
                    if len(w) >= 4 and w[0].isdigit():
                        names[w[1]] = [a.split(":")[0] for a in w[4:]
                                       if not a.split(":")[1].startswith("SKIP")]
                return names
        except OSError:
            continue
    return {}


_NAMES = None
_INT = re.compile(r"-?(0x[0-9a-fA-F]+|[0-9]+)$")
_ESC = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "f": "\f", "\\": "\\", '"': '"',
        "a": "\a", "b": "\b", "e": "\x1b"}


def _c_string(s):
    """strace's "..." literal (escapes \\n \\xNN \\NNN) as text; a cut-off one keeps what
    was shown."""
    out, i, end = [], 1, s.rfind('"')
    while i < end:
        c = s[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = s[i + 1] if i + 1 < end else ""
        if n == "x" and re.match(r"[0-9a-fA-F]{2}", s[i + 2:i + 4]):
            out.append(chr(int(s[i + 2:i + 4], 16)))
            i += 4
        elif n.isdigit():
            m = re.match(r"[0-7]{1,3}", s[i + 1:i + 4])
            out.append(chr(int(m.group(0), 8)))
            i += 1 + len(m.group(0))
        else:
            out.append(_ESC.get(n, n))
            i += 2
    return "".join(out).encode("latin-1", "replace").decode("utf-8", "replace")


def _value(a):
    """An argument as strace prints it, as a Python value where it is a number or a string
    (octal like 0644 and hex as strace writes them); anything else stays text."""
    if _INT.match(a):
        s, sign = a.lstrip("-"), -1 if a.startswith("-") else 1
        if s.startswith("0x"):
            return sign * int(s, 16)
        return sign * int(s, 8 if len(s) > 1 and s[0] == "0" else 10)
    if a.startswith('"') and a.rstrip(".").endswith('"'):
        return _c_string(a)
    return a


def event_from_json(o):
    global _NAMES
    t = o.get("type")
    ts = o.get("ts_ns", 0) / 1e9
    pid, tid = o.get("pid", 0), o.get("tid", 0)
    if t == "syscall":
        args = o.get("args") or []
        vals = [_value(a) for a in args]
        named = next((v for k, v in o.items() if k not in ("args",) and isinstance(v, dict)),
                     None)
        if named is None:
            if _NAMES is None:
                _NAMES = _argnames()
            named = dict(zip(_NAMES.get(o.get("name"), []), vals))
        return Syscall(name=o.get("name", "?"), args=", ".join(args), retval=o.get("ret"),
                       duration=o.get("dur_ns", 0) / 1e9, timestamp=ts, pid=pid, tid=tid,
                       errno=o.get("errno"), args_list=vals, named=named,
                       injected=bool(o.get("injected")), raw=o)
    if t == "signal":
        return Signal(signo=o.get("signo", 0), name=o.get("name", ""), text=o.get("text", ""),
                      timestamp=ts, pid=pid, tid=tid, raw=o)
    if t in ("process", "thread", "exit"):
        return ProcessEvent(kind=t, timestamp=ts, pid=pid, tid=tid, ppid=o.get("ppid"),
                            cmdline=o.get("cmdline"), name=o.get("name"), code=o.get("code"),
                            signo=o.get("signo"), raw=o)
    return None


def parse_json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]
