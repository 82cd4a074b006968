/* The environment: the LIBTRACE_* settings, read once at load into lt_cfg (getenv is not
 * safe later: the program may be rewriting its environment), and what the run's
 * descendants inherit (lt_env_set, LD_PRELOAD made absolute).
 *
 * Variables (see README "Configuration"). The root process of a run (the first one
 * loaded with no LIBTRACE_RUN_DIR) creates <LIBTRACE_DIR>/run-<pid>-<usec> and exports to
 * its descendants:
 *   LIBTRACE_RUN_DIR      the run directory (every process of the run logs there)
 *   LIBTRACE_RUN_PID      the root's pid: an image exec'd by the root is still the root
 *   LIBTRACE_BACKEND      the backend the root resolved (so "auto" resolves the same)
 *   LIBTRACE_START        0/1, rewritten in place as windows open and close, so images
 *                         exec'd during a window start traced
 *   LIBTRACE_STRACE_PID   strace backend: the tracer's pid, in place (strace_backend.c)
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "control.h"

int lt_parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > max)
			return -1;
	}
	*out = v;
	return 0;
}

const char *lt_getenv(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* Not inlined: its PATH_MAX buffer stays off the constructor's stack unless a path is
 * relative. */
__attribute__((noinline)) int lt_absolute_path(const char *path, char *out, size_t size)
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof(cwd)) || lt_strlen(cwd) + lt_strlen(path) + 2 > size)
		return -1;
	lt_snprintf(out, size, "%s/%s", cwd, path);
	return 0;
}

void lt_read_config(int quiet)
{
	const char *v;
	unsigned long n;

	lt_cfg.start = 1;
	if ((v = lt_getenv("LIBTRACE_START"))) {
		if (!strcmp(v, "1") || !strcasecmp(v, "yes") || !strcasecmp(v, "on") ||
		    !strcasecmp(v, "true"))
			lt_cfg.start = 1;
		else if (!strcmp(v, "0") || !strcasecmp(v, "no") || !strcasecmp(v, "off") ||
			 !strcasecmp(v, "false"))
			lt_cfg.start = 0;
		else if (!quiet)
			lt_warn("LIBTRACE_START=%s: expected 1 or 0; using 1", v);
	}

	lt_cfg.strsize = 32;
	if ((v = lt_getenv("LIBTRACE_STRSIZE"))) {
		if (!lt_parse_uint(v, 1u << 20, &n))
			lt_cfg.strsize = (unsigned)n;
		else if (!quiet)
			lt_warn("LIBTRACE_STRSIZE=%s: expected a number from 0 to 1048576; using 32", v);
	}

	lt_cfg.report = LT_REPORT_TEXT;
	if ((v = lt_getenv("LIBTRACE_REPORT"))) {
		if (!strcmp(v, "text"))
			lt_cfg.report = LT_REPORT_TEXT;
		else if (!strcmp(v, "summary"))
			lt_cfg.report = LT_REPORT_SUMMARY;
		else if (!strcmp(v, "none"))
			lt_cfg.report = LT_REPORT_NONE;
		else if (!quiet)
			lt_warn("LIBTRACE_REPORT=%s: expected text, summary or none; using text", v);
	}

	/* (lt_cfg starts zeroed: its large buffers are not touched unless used.) */
	if (lt_cfg.is_root && (v = lt_getenv("LIBTRACE_REPORT_FILE"))) {
		size_t size = sizeof(lt_cfg.report_file);
		if (v[0] == '/' && lt_strlen(v) < size)
			lt_snprintf(lt_cfg.report_file, size, "%s", v);
		else if (v[0] != '/' && lt_absolute_path(v, lt_cfg.report_file, size) == 0)
			;
		else if (!quiet)
			lt_warn("LIBTRACE_REPORT_FILE=%s: path too long; report on stderr", v);
	}

	lt_parse_signals(lt_getenv("LIBTRACE_SIGNALS"), quiet);

	lt_cfg.backend = LT_BACKEND_AUTO;
	if ((v = lt_getenv("LIBTRACE_BACKEND"))) {
		if (!strcmp(v, "native"))
			lt_cfg.backend = LT_BACKEND_NATIVE;
		else if (!strcmp(v, "strace"))
			lt_cfg.backend = LT_BACKEND_STRACE;
		else if (!strcmp(v, "none") && quiet)
			lt_cfg.backend = -1; /* the root found no usable backend */
		else if (strcmp(v, "auto") && !quiet)
			lt_warn("LIBTRACE_BACKEND=%s: expected auto, native or strace; using auto", v);
	}
}

/* ---- what descendants inherit ---- */

/* The environment descendants inherit. Not setenv: it would malloc, and the program's
 * first malloc (brk, getrandom) would then happen in our constructor instead of where
 * strace shows it without the shim. environ becomes a static copy with our entries in
 * static strings, which setenv/putenv later handle like any environ they did not make.
 * One arena holds both, the pointers first and our strings right after them, so the
 * copy usually costs one page (each page touched at load is a page fault in every
 * process, tens of microseconds on a VM). */
extern char **environ;
#define ENV_OURS 8 /* variables we may add */
static struct {
	size_t n;   /* variables in arr */
	char *free; /* the arena's unused part: from here to the end of arr */
	char *arr[8190];
} env __attribute__((aligned(4096))); /* the counters share the first page with arr */

char *lt_env_set(const char *name, const char *value)
{
	size_t nl = lt_strlen(name), len = nl + lt_strlen(value) + 2;
	if (environ != env.arr) {
		size_t n = 0;
		while (environ && environ[n])
			n++;
		size_t slots = n + ENV_OURS + 1;
		if ((slots * sizeof(char *) + 4 * PATH_MAX) > sizeof(env.arr)) {
			/* A huge environment: fall back to setenv (and its malloc). */
			setenv(name, value, 1);
			return getenv(name);
		}
		for (size_t i = 0; i < n; i++)
			env.arr[i] = environ[i];
		env.arr[n] = NULL;
		env.n = n;
		env.free = (char *)(env.arr + slots);
		environ = env.arr;
	}
	size_t i;
	for (i = 0; i < env.n; i++)
		if (!strncmp(env.arr[i], name, nl) && env.arr[i][nl] == '=')
			break;
	char *end = (char *)env.arr + sizeof(env.arr);
	/* A new variable needs a slot below the reserved end (env.free). */
	if ((size_t)(end - env.free) < len ||
	    (i == env.n && (char *)(env.arr + env.n + 2) > env.free))
		return NULL;
	char *s = env.free;
	env.free += len;
	lt_snprintf(s, len, "%s=%s", name, value);
	env.arr[i] = s;
	if (i == env.n)
		env.arr[++env.n] = NULL;
	return s + nl + 1;
}

/* LD_PRELOAD=build/libtrace.so works until a descendant runs in another directory (a
 * script that cds, then execs): there ld.so fails to preload it, with an error of its
 * own on stderr. The run's descendants get our absolute path instead. */
static void absolute_preload(const char *as_loaded, const char *abs)
{
	static char buf[2 * PATH_MAX];
	const char *pre = getenv("LD_PRELOAD");
	if (!pre || as_loaded[0] == '/' || strlen(pre) + strlen(abs) >= sizeof(buf))
		return;
	size_t n = 0, al = strlen(as_loaded);
	int changed = 0;
	/* ld.so splits LD_PRELOAD at spaces and colons. */
	for (const char *p = pre; *p;) {
		size_t len = strcspn(p, " :");
		if (len == al && !strncmp(p, as_loaded, al)) {
			n += (size_t)lt_snprintf(buf + n, sizeof(buf) - n, "%s", abs);
			changed = 1;
		} else {
			lt_memcpy(buf + n, p, len);
			n += len;
		}
		p += len;
		if (*p)
			buf[n++] = *p++;
		if (n + PATH_MAX >= sizeof(buf))
			return;
	}
	buf[n] = 0;
	if (changed)
		lt_env_set("LD_PRELOAD", buf);
}

/* Only a relative entry in LD_PRELOAD needs the shim's own path at load (dladdr, realpath):
 * the common absolute one costs a scan of the string. */
__attribute__((noinline)) void lt_preload_absolute(void)
{
	const char *pre = getenv("LD_PRELOAD");
	int relative = 0;
	/* ld.so splits it at spaces and colons. By hand: each libc function called at load
	 * may be one more page of libc's text to fault in. */
	for (const char *p = pre; p && *p; p++)
		if (*p != ' ' && *p != ':' && *p != '/' && (p == pre || p[-1] == ' ' || p[-1] == ':'))
			relative = 1;
	if (!relative)
		return;
	Dl_info info;
	char so[PATH_MAX];
	if (dladdr((void *)&lt_cfg, &info) && info.dli_fname && realpath(info.dli_fname, so))
		absolute_preload(info.dli_fname, so);
}
