"""Compares the call and error counts of two strace-style summary tables (the first table
found in each file): strace's own (-c/-C) and libtrace-report -c's. Exit 1 on a difference."""
import sys


def table(path):
    rows, inside = {}, False
    for line in open(path, errors="replace"):
        if line.startswith("% time"):
            inside = True
            continue
        if not inside or line.startswith("------"):
            continue
        f = line.split()
        if len(f) < 5:
            break
        rows[f[-1]] = (int(f[3]), int(f[4]) if len(f) == 6 else 0)
    return rows


a, b = table(sys.argv[1]), table(sys.argv[2])
if not a or "total" not in a:
    sys.exit("no summary table in " + sys.argv[1])
if a != b:
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            print("differs: %s strace=%s report=%s" % (k, a.get(k), b.get(k)))
    sys.exit(1)
print("same counts for %d syscalls, %s calls in all" % (len(a) - 1, a["total"][0]))
