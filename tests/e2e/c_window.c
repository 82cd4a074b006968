/* Tracing windows. Mode "self" (default): opens and closes two windows by raising the
 * start/stop signals itself (numbers in argv[2], argv[3]; default USR1, USR2), with an
 * access() of a recognisable path in each phase. Mode "stdin": reads commands, one a
 * line, and answers "ok" to each, so a test can send signals between them:
 *   access PATH      access(PATH, F_OK)
 *   quit             exit 0 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "self";
	int on = argc > 2 ? atoi(argv[2]) : SIGUSR1;
	int off = argc > 3 ? atoi(argv[3]) : SIGUSR2;
	if (!strcmp(mode, "self")) {
		access("/lt-phase-before", F_OK);
		kill(getpid(), on);
		access("/lt-phase-inside-1", F_OK);
		kill(getpid(), off);
		access("/lt-phase-between", F_OK);
		kill(getpid(), on);
		access("/lt-phase-inside-2", F_OK);
		kill(getpid(), off);
		access("/lt-phase-after", F_OK);
		printf("done\n");
		return 0;
	}
	char line[512];
	setvbuf(stdout, NULL, _IOLBF, 0);
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, "access ", 7))
			access(line + 7, F_OK);
		else if (!strcmp(line, "quit"))
			return 0;
		printf("ok\n");
	}
	return 0;
}
