/* Handlers the program installed while tracing was off are wrapped when the window opens
 * (preload/native_signals.c, lt_wrap_existing, which looks only at the signals that
 * SigCgt in /proc/self/status says have one): their deliveries and their calls are
 * recorded. Low, high and realtime signals, the last one (64) included. Runs the same
 * without the shim. */
#include <signal.h>
#include <unistd.h>

#include "libtrace.h"

static void on_sig(int sig)
{
	char m[] = "handler NN\n";
	m[8] = (char)('0' + sig / 10);
	m[9] = (char)('0' + sig % 10);
	if (write(1, m, sizeof m - 1) < 0)
		_exit(3);
}

int main(void)
{
	static const int sigs[] = { SIGHUP, SIGWINCH, 40, 64 };
	struct sigaction sa;
	sa.sa_handler = on_sig;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	for (unsigned i = 0; i < sizeof sigs / sizeof *sigs; i++)
		if (sigaction(sigs[i], &sa, 0))
			return 2;
	LIBTRACE_START();
	for (unsigned i = 0; i < sizeof sigs / sizeof *sigs; i++)
		raise(sigs[i]);
	LIBTRACE_STOP();
	return 0;
}
