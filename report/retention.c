/* Log retention: the logs of finished runs do not pile up without bound.
 *
 * After it has formatted a run, the report prunes the other runs in the same log directory
 * (the run's parent, LIBTRACE_DIR): a run is deleted when it is older than
 * LIBTRACE_KEEP_DAYS days (default 7; by the newest file in it), and then, oldest first,
 * while all runs together take more than LIBTRACE_KEEP_MB MiB of disk (default 1024).
 * The runs it was given are never deleted, nor a run whose root process is alive (its pid
 * is in the name, run-PID-USEC), nor anything that is not exactly a run: a directory of
 * ours named run-<digits>-<digits> holding only regular files. LIBTRACE_KEEP_DAYS=0 and
 * LIBTRACE_KEEP_MB=0 each turn their limit off. See docs/rewriting.md ("Log retention"). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lt_retention.h"

#define LT_KEEP_RUNS 4096 /* runs looked at in one directory */

struct lt_run {
	char name[256];
	time_t newest;
	unsigned long long bytes;
};

/* run-<digits>-<digits>: the root's pid, or 0 if name is not a run's. */
static long run_pid(const char *name)
{
	if (strncmp(name, "run-", 4) != 0)
		return 0;
	char *end;
	long pid = strtol(name + 4, &end, 10);
	if (end == name + 4 || *end != '-' || !end[1])
		return 0;
	for (const char *p = end + 1; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return pid > 0 ? pid : 0;
}

/* Fills r from the run directory dfd/name: 0, or -1 if it is not one to touch. */
static int run_scan(int dfd, const char *name, struct lt_run *r)
{
	struct stat st;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != geteuid())
		return -1;
	int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -1;
	}
	r->newest = st.st_mtime;
	r->bytes = 0;
	int ok = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode)) {
			ok = -1;
			break;
		}
		if (st.st_mtime > r->newest)
			r->newest = st.st_mtime;
		r->bytes += (unsigned long long)st.st_blocks * 512;
	}
	closedir(d);
	snprintf(r->name, sizeof(r->name), "%s", name);
	return ok;
}

static void run_delete(int dfd, const char *name)
{
	int fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	struct dirent *e;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlinkat(fd, e->d_name, 0);
	closedir(d);
	unlinkat(dfd, name, AT_REMOVEDIR);
}

static int older_first(const void *a, const void *b)
{
	const struct lt_run *x = a, *y = b;
	return x->newest < y->newest ? -1 : x->newest > y->newest;
}

static unsigned long env_limit(const char *name, unsigned long dflt)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return dflt;
	char *end;
	unsigned long n = strtoul(v, &end, 10);
	return *end ? dflt : n;
}

/* path without trailing slashes split into its directory (dir, "." if none) and last
 * name (base). */
static void split_path(const char *path, char *dir, size_t dsize, char *base, size_t bsize)
{
	char p[4096];
	snprintf(p, sizeof(p), "%s", path);
	size_t l = strlen(p);
	while (l > 1 && p[l - 1] == '/')
		p[--l] = 0;
	char *slash = strrchr(p, '/');
	snprintf(base, bsize, "%s", slash ? slash + 1 : p);
	if (!slash)
		snprintf(dir, dsize, ".");
	else if (slash == p)
		snprintf(dir, dsize, "/");
	else {
		*slash = 0;
		snprintf(dir, dsize, "%s", p);
	}
}

/* Prunes the log directory dir, sparing the runs named in inputs. */
static void prune_dir(const char *dir, char *const *inputs, int ninputs)
{
	unsigned long days = env_limit("LIBTRACE_KEEP_DAYS", 7);
	unsigned long long cap = (unsigned long long)env_limit("LIBTRACE_KEEP_MB", 1024) << 20;
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return;
	int dfd2 = dup(dfd);
	DIR *d = dfd2 < 0 ? NULL : fdopendir(dfd2);
	struct lt_run *runs = calloc(LT_KEEP_RUNS, sizeof(*runs));
	int n = 0;
	unsigned long long total = 0;
	struct dirent *e;
	while (d && runs && n < LT_KEEP_RUNS && (e = readdir(d))) {
		long pid = run_pid(e->d_name);
		if (!pid || run_scan(dfd, e->d_name, &runs[n]) < 0)
			continue;
		total += runs[n].bytes;
		int given = 0;
		for (int i = 0; i < ninputs && !given; i++) {
			char idir[4096], ibase[256];
			split_path(inputs[i], idir, sizeof(idir), ibase, sizeof(ibase));
			given = !strcmp(ibase, e->d_name);
		}
		/* An input, or a live root (or one we may not signal: not ours to judge). */
		if (given || kill((pid_t)pid, 0) == 0 || errno == EPERM)
			continue;
		n++;
	}
	if (d)
		closedir(d);
	else if (dfd2 >= 0)
		close(dfd2);
	if (runs) {
		qsort(runs, (size_t)n, sizeof(*runs), older_first);
		time_t now = time(NULL);
		for (int i = 0; i < n; i++) {
			int old = days && now - runs[i].newest > (time_t)(days * 86400);
			if (old || (cap && total > cap)) {
				run_delete(dfd, runs[i].name);
				total -= runs[i].bytes;
			}
		}
	}
	free(runs);
	close(dfd);
}

void lt_retention_prune(char *const *inputs, int ninputs)
{
	const char *keep = getenv("LIBTRACE_KEEP");
	if (keep && !strcmp(keep, "all"))
		return;
	char dirs[8][4096];
	int ndirs = 0;
	for (int i = 0; i < ninputs && ndirs < 8; i++) {
		char dir[4096], base[256];
		split_path(inputs[i], dir, sizeof(dir), base, sizeof(base));
		if (!run_pid(base))
			continue; /* not a run directory: a single log, or another tool's */
		int seen = 0;
		for (int j = 0; j < ndirs && !seen; j++)
			seen = !strcmp(dirs[j], dir);
		if (!seen)
			snprintf(dirs[ndirs++], sizeof(dirs[0]), "%s", dir);
	}
	for (int j = 0; j < ndirs; j++)
		prune_dir(dirs[j], inputs, ninputs);
}
