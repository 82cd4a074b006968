/* Memory: anonymous and file mmap, mprotect, mremap, madvise, msync, munmap, and failures
 * on purpose (EINVAL for a misaligned address, EBADF for a bad fd). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "mmap: line %d: %s\n", __LINE__, #c); \
	return 1; } } while (0)

int main(void)
{
	size_t pg = 4096;
	char *a = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(a != MAP_FAILED);
	memset(a, 1, 4 * pg);
	CHECK(mprotect(a, pg, PROT_READ) == 0);
	CHECK(madvise(a + pg, pg, MADV_DONTNEED) == 0 && a[pg] == 0);
	CHECK(mprotect(a, pg, PROT_READ | PROT_WRITE) == 0); /* one mapping again */
	char *b = mremap(a, 4 * pg, 8 * pg, MREMAP_MAYMOVE);
	CHECK(b != MAP_FAILED);
	CHECK(mprotect(b + 1, pg, PROT_READ) == -1 && errno == EINVAL);
	CHECK(munmap(b, 8 * pg) == 0);

	int fd = open("mmap.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && ftruncate(fd, 2 * pg) == 0);
	char *f = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(f != MAP_FAILED);
	memcpy(f, "mapped", 6);
	CHECK(msync(f, pg, MS_SYNC) == 0);
	CHECK(munmap(f, 2 * pg) == 0);
	char buf[8];
	CHECK(pread(fd, buf, 6, 0) == 6 && memcmp(buf, "mapped", 6) == 0);
	close(fd);
	CHECK(mmap(NULL, pg, PROT_READ, MAP_SHARED, 999, 0) == MAP_FAILED && errno == EBADF);
	CHECK(unlink("mmap.dat") == 0);
	printf("mmap ok\n");
	return 0;
}
