/* File I/O: openat/read/write/lseek/fstat/pread/pwrite/close/unlink, and failures made on
 * purpose (ENOENT, EBADF, EEXIST, EISDIR). Self-checking: exits 1 if a call misbehaves. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fileio: %s:%d: %s\n", __FILE__, \
	__LINE__, #c); return 1; } } while (0)

int main(void)
{
	const char msg[] = "hello, libtrace\n";
	char buf[64];
	struct stat st;
	int fd = open("fileio.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK(write(fd, msg, sizeof msg - 1) == (ssize_t)(sizeof msg - 1));
	CHECK(pwrite(fd, "H", 1, 0) == 1);
	CHECK(fsync(fd) == 0);
	CHECK(close(fd) == 0);

	fd = open("fileio.txt", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(fstat(fd, &st) == 0 && st.st_size == (off_t)(sizeof msg - 1));
	CHECK(read(fd, buf, 5) == 5 && memcmp(buf, "Hello", 5) == 0);
	CHECK(lseek(fd, 7, SEEK_SET) == 7);
	CHECK(read(fd, buf, sizeof buf) == (ssize_t)(sizeof msg - 1 - 7));
	CHECK(read(fd, buf, sizeof buf) == 0);
	CHECK(pread(fd, buf, 4, 1) == 4 && memcmp(buf, "ello", 4) == 0);
	CHECK(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL);
	CHECK(close(fd) == 0);

	/* failures on purpose */
	CHECK(open("does-not-exist.txt", O_RDONLY) == -1 && errno == ENOENT);
	CHECK(open("fileio.txt", O_WRONLY | O_CREAT | O_EXCL, 0600) == -1 && errno == EEXIST);
	CHECK(open(".", O_WRONLY) == -1 && errno == EISDIR);
	CHECK(read(fd, buf, 1) == -1 && errno == EBADF);
	CHECK(close(fd) == -1 && errno == EBADF);
	CHECK(stat("does-not-exist.txt", &st) == -1 && errno == ENOENT);
	CHECK(access("fileio.txt", R_OK) == 0);

	CHECK(rename("fileio.txt", "fileio2.txt") == 0);
	CHECK(mkdir("fileio.d", 0755) == 0);
	CHECK(rmdir("fileio.d") == 0);
	CHECK(unlink("fileio2.txt") == 0);
	CHECK(unlink("fileio2.txt") == -1 && errno == ENOENT);
	printf("fileio ok\n");
	return 0;
}
