#!/usr/bin/env python3
"""Generate the syscall table header from lib/syscalls.tbl.

Usage: gen-syscalls.py TABLE OUT.h
Table lines (comments start with #):
    kind NAME TYPE DIR SIZE PRINT
    NR NAME CLASSES RETKIND ARG... [@blocking] [@trusted]
Each kind line declares an argument kind (see the table's head for the columns): it becomes
LT_K_NAME in enum lt_kind and an entry of LT_KINDS_INIT (struct lt_kind_info). A syscall line's
CLASSES is a comma list (file,desc,...) or '-'; each ARG is name:KIND or name:KIND(N) where N
is the index of the argument giving the length, or 'ret'; @blocking and @trusted set
LT_SYS_F_BLOCKING and LT_SYS_F_TRUSTED. Every syscall gets its LT_NR_name constant.
"""
import sys

TYPES = {"s32": "LT_KF_32 | LT_KF_SIGNED", "u32": "LT_KF_32", "s64": "LT_KF_SIGNED", "u64": "0",
         "ptr": "LT_KF_PTR"}
DIRS = {"-": "LT_DIR_NONE", "in": "LT_DIR_IN", "out": "LT_DIR_OUT", "inout": "LT_DIR_INOUT",
        "entry": "LT_DIR_ENTRY", "cond": "LT_DIR_COND"}
PRINTS = {"dec": "LT_PRINT_DEC", "udec": "LT_PRINT_UDEC", "hex": "LT_PRINT_HEX",
          "ptr": "LT_PRINT_PTR", "struct": "LT_PRINT_STRUCT", "own": "LT_PRINT_OWN"}
SYSFLAGS = {"@blocking": "LT_SYS_F_BLOCKING", "@trusted": "LT_SYS_F_TRUSTED"}


kxlat = {}  # kind -> (value table, comment for unknown values or None)


def parse_kind(src, lineno, f, kinds, kinfo):
    if len(f) != 6:
        die(src, lineno, "need: kind NAME TYPE DIR SIZE PRINT")
    name, typ, d, size, pr = f[1:]
    if name in kinfo:
        die(src, lineno, "kind %s declared twice" % name)
    if not name.replace("_", "").isalnum() or not name.isupper():
        die(src, lineno, "KIND is upper case letters, digits, _")
    xl = None
    if ":" in pr:  # xlat:TABLE[:PREFIX], xlatd:TABLE, flags:TABLE (report/xlat*)
        parts = pr.split(":")
        pr, xl = parts[0], parts[1:]
        if pr not in ("xlat", "xlatd", "flags") or not xl[0].isidentifier() or len(xl) > 2:
            die(src, lineno, "kind %s: PRINT is xlat:TABLE[:PREFIX], xlatd:TABLE or flags:TABLE[:PREFIX|-]"
                % name)
        if typ == "ptr":
            die(src, lineno, "kind %s: named values are not pointers" % name)
    elif pr in ("xlat", "xlatd", "flags"):
        die(src, lineno, "kind %s: %s needs :TABLE" % (name, pr))
    if typ not in TYPES or d not in DIRS or (pr not in PRINTS and xl is None):
        die(src, lineno, "kind %s: bad TYPE, DIR or PRINT" % name)
    if typ != "ptr" and d not in ("-", "cond"):
        die(src, lineno, "kind %s: only pointers are in, out, inout or entry" % name)
    if size not in ("-", "var") and not (size.isdigit() and 0 < int(size) < 65536):
        die(src, lineno, "kind %s: SIZE is bytes, var or -" % name)
    if (size == "-") != (d == "-"):
        die(src, lineno, "kind %s: a pointer that is captured has a SIZE (var if planned)" % name)
    if pr == "struct" and typ != "ptr":
        die(src, lineno, "kind %s: struct kinds are pointers" % name)
    kinds.append(name)
    kinfo[name] = "{ %s, %s, %s, %s }" % (size if size.isdigit() else "0", TYPES[typ], DIRS[d],
                                          "LT_PRINT_" + pr.upper())
    if xl:
        # flags:TABLE:PREFIX names the prefix of unknown bits' comment, flags:TABLE:- has none
        unk = None if len(xl) < 2 else "" if xl[1] == "-" else xl[1] + "???"
        kxlat[name] = (xl[0], unk)


CLASSES = ["file", "desc", "network", "process", "signal", "ipc", "memory", "creds",
           "clock", "stat", "lstat", "fstat", "stat_like", "statfs", "fstatfs",
           "statfs_like", "pure"]


def die(path, lineno, msg):
    sys.exit("%s:%d: %s" % (path, lineno, msg))


def main():
    src, out = sys.argv[1], sys.argv[2]
    entries = {}
    names = set()
    kinds = []
    kinfo = {}
    for lineno, line in enumerate(open(src), 1):
        line = line.split("#", 1)[0].split()
        if not line:
            continue
        if line[0] == "kind":
            parse_kind(src, lineno, line, kinds, kinfo)
            continue
        flags = [SYSFLAGS[t] for t in line if t in SYSFLAGS]
        line = [t for t in line if t not in SYSFLAGS]
        if len(line) < 4:
            die(src, lineno, "need NR NAME CLASSES RETKIND [ARGS]")
        nr, name, classes, ret = int(line[0]), line[1], line[2], line[3]
        if nr in entries:
            die(src, lineno, "duplicate number %d" % nr)
        cls = []
        if classes != "-":
            for c in classes.split(","):
                if c not in CLASSES:
                    die(src, lineno, "unknown class %r" % c)
                cls.append("LT_CLASS_" + c.upper())
        args = []
        for a in line[4:]:
            if ":" not in a:
                die(src, lineno, "argument %r needs name:KIND" % a)
            aname, kind = a.split(":", 1)
            ln = "LT_LEN_NONE"
            if "(" in kind:
                if not kind.endswith(")"):
                    die(src, lineno, "argument %r: KIND(N) needs its ')'" % a)
                kind, ref = kind[:-1].split("(", 1)
                if ref != "ret" and not (ref.isdigit() and int(ref) < 6):
                    die(src, lineno, "argument %r: the length is an argument index or ret" % a)
                ln = "LT_LEN_RET" if ref == "ret" else str(int(ref))
            if not kind.replace("_", "").isalnum() or not kind.isupper():
                die(src, lineno, "argument %r: KIND is upper case letters, digits, _" % a)
            args.append((aname, kind, ln))
            if kind not in kinfo:
                die(src, lineno, "kind %s is not declared (kind lines)" % kind)
        if ret not in kinfo:
            die(src, lineno, "kind %s is not declared (kind lines)" % ret)
        if len(args) > 6:
            die(src, lineno, "more than 6 arguments")
        for aname, kind, ln in args:
            if ln not in ("LT_LEN_NONE", "LT_LEN_RET") and int(ln) >= len(args):
                die(src, lineno, "%s's length is argument %s, which %s does not have"
                    % (aname, ln, name))
        if name in names:
            die(src, lineno, "duplicate name %s" % name)
        names.add(name)
        entries[nr] = (name, cls, ret, args, flags)
    if not kinds or kinds[0] != "NONE":
        sys.exit("%s: the first kind is NONE" % src)
    n = max(entries) + 1
    tmp = []
    tmp.append("/* Generated by scripts/gen-syscalls.py from %s. Do not edit. */" % src)
    tmp.append("#ifndef LT_SYSENT_GEN_H\n#define LT_SYSENT_GEN_H")
    tmp.append("#define LT_NSYSCALLS %d" % n)
    tmp.append("enum lt_kind {")
    for k in kinds:
        tmp.append("\tLT_K_%s," % k)
    tmp.append("\tLT_K__COUNT\n};")
    tmp.append("#define LT_KIND_NAMES \\")
    tmp.append("\t" + ", ".join('"%s"' % k for k in kinds))
    tmp.append("#define LT_KINDS_INIT \\")
    for k in kinds:
        tmp.append("\t[LT_K_%s] = %s, \\" % (k, kinfo[k]))
    tmp.append("")
    tmp.append("/* report side: the value tables of xlat and flags kinds */")
    tmp.append("#define LT_KIND_XLATS_INIT \\")
    for k in kinds:
        if k in kxlat:
            t, unk = kxlat[k]
            tmp.append('\t[LT_K_%s] = { lt_x_%s, %s }, \\' % (k, t, "0" if unk is None else '"%s"' % unk))
    tmp.append("")
    for nr in sorted(entries):
        tmp.append("#define LT_NR_%s %d" % (entries[nr][0], nr))
    tmp.append("#define LT_SYSENT_INIT \\")
    for nr in sorted(entries):
        name, cls, ret, args, flags = entries[nr]
        kk = ", ".join("LT_K_" + a[1] for a in args) or "0"
        ll = ", ".join(a[2] for a in args) or "LT_LEN_NONE"
        nn = ", ".join('"%s"' % a[0] for a in args) or '""'
        if len(name) > 23 or any(len(a[0]) > 15 for a in args):
            sys.exit("%s: syscall %s: name over 23 or argument name over 15 characters"
                     % (src, name))
        tmp.append('\t[%d] = { "%s", %s, %d, LT_K_%s, %s, { %s }, { %s }, { %s } }, \\'
                   % (nr, name, " | ".join(cls) or "0", len(args), ret,
                      " | ".join(flags) or "0", kk, ll, nn))
    tmp.append("\n#endif")
    with open(out, "w") as f:
        f.write("\n".join(tmp) + "\n")


main()
