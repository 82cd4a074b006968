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
	lt_sb_free(&sb);
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
