/* Control-plane tests: a program whose output and exit status must be the same with and
 * without the shim. Prints its arguments through stdio (flushed by exit) and one line by
 * write(2), then exits with the status in $C_HELLO_STATUS (default 7). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		printf("arg %d: %s\n", i, argv[i]);
	if (write(1, "direct write\n", 13) != 13)
		return 99;
	printf("buffered tail\n"); /* still in stdio's buffer at exit when stdout is a file */
	const char *st = getenv("C_HELLO_STATUS");
	exit(st ? atoi(st) : 7);
}
