/* Native backend: file I/O through libc and through raw syscall instructions. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "n_fileio.tmp";
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return 1;
	if (write(fd, "0123456789abcdef", 16) != 16)
		return 1;
	close(fd);
	fd = open(path, O_RDONLY);
	char buf[64];
	ssize_t n = read(fd, buf, sizeof buf);
	close(fd);
	/* raw syscall instructions, not through libc */
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"((long)SYS_write), "D"(1L), "S"("raw-write\n"), "d"(10L)
			 : "rcx", "r11", "memory");
	__asm__ volatile("syscall" : "=a"(r) : "a"((long)SYS_getppid) : "rcx", "r11", "memory");
	r = syscall(SYS_openat, -100, "/nonexistent/x", O_RDONLY);
	unlink(path);
	return n == 16 ? 5 : 6;
}
