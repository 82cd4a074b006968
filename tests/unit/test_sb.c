/* lt_sb: the report's string builder grows and formats correctly. */
#include <stdio.h>
#include <string.h>

#include "lt_event.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

int main(void)
{
	struct lt_sb sb = {0};
	lt_sb_puts(&sb, "write(");
	lt_sb_printf(&sb, "%d, %s", 1, "\"x\"");
	lt_sb_putc(&sb, ')');
	CHECK(strcmp(sb.p, "write(1, \"x\")") == 0);
	CHECK(sb.len == strlen(sb.p));
	for (int i = 0; i < 10000; i++)
		lt_sb_putc(&sb, 'a' + i % 26);
	CHECK(sb.len == 13 + 10000);
	CHECK(sb.p[13] == 'a' && sb.p[13 + 25] == 'z');
	lt_sb_reset(&sb);
	CHECK(sb.len == 0 && sb.p[0] == 0);
	/* strace's escaping (its string_quote), byte for byte as strace 6.1 prints them */
	static const struct { const char *in; size_t n; int hex; const char *also, *want; } esc[] = {
		{ "/tmp/x\033]0;pwned\007", 16, 0, NULL, "/tmp/x\\33]0;pwned\\7" },
		{ "a\tb\nc\"d\\e", 9, 0, NULL, "a\\tb\\nc\\\"d\\\\e" },
		{ "\0017", 2, 0, NULL, "\\0017" }, /* three digits before a digit */
		{ "\303\251", 2, 0, NULL, "\\303\\251" }, /* not ASCII: octal */
		{ "<a>", 3, 0, "<>", "\\74a\\76" },
		{ "ab\001", 3, 1, NULL, "\\x61\\x62\\x01" }, /* -x: all hex when one must be */
		{ "ab", 2, 1, NULL, "ab" },
		{ "ab", 2, 2, NULL, "\\x61\\x62" },
	};
	for (size_t i = 0; i < sizeof esc / sizeof esc[0]; i++) {
		lt_sb_reset(&sb);
		lt_sb_escape(&sb, esc[i].in, esc[i].n, esc[i].hex, esc[i].also);
		if (strcmp(sb.p, esc[i].want))
			fprintf(stderr, "escape %zu: got '%s' want '%s'\n", i, sb.p, esc[i].want);
		CHECK(strcmp(sb.p, esc[i].want) == 0);
	}
	lt_sb_free(&sb);
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
