/* lt_pb, the wire writer under --perfetto: varints at their size boundaries, negative
 * ints, fixed64, and nested messages whose length needs 1..4 bytes (the writer keeps one
 * byte and moves the body when it needs more), checked byte for byte against the
 * protobuf encoding rules applied by hand here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_pb.h"

static int failures;
#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #c); failures++; } } while (0)

/* base-128, least significant group first, high bit = more */
static size_t ref_varint(uint8_t *o, uint64_t v)
{
	size_t n = 0;
	do {
		o[n] = v & 0x7f;
		v >>= 7;
		if (v)
			o[n] |= 0x80;
		n++;
	} while (v);
	return n;
}

int main(void)
{
	static const uint64_t vals[] = { 0, 1, 127, 128, 300, 16383, 16384, (1ull << 21) - 1,
					 1ull << 21, (1ull << 63), UINT64_MAX };
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		struct lt_pb pb = { 0 };
		uint8_t want[16];
		lt_pb_uint(&pb, 5, vals[i]);
		want[0] = 5 << 3 | 0;
		size_t n = 1 + ref_varint(want + 1, vals[i]);
		CHECK(pb.len == n && !memcmp(pb.p, want, n));
		lt_pb_free(&pb);
	}
	{ /* int64 -1: ten bytes, as protobuf sends negative int32/int64 */
		struct lt_pb pb = { 0 };
		lt_pb_int(&pb, 1, -1);
		static const uint8_t want[] = { 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
		CHECK(pb.len == sizeof want && !memcmp(pb.p, want, sizeof want));
		lt_pb_free(&pb);
	}
	{ /* fixed64: wire type 1, little-endian */
		struct lt_pb pb = { 0 };
		lt_pb_fixed64(&pb, 47, 0x0102030405060708ull);
		static const uint8_t want[] = { 0xf9, 0x02, 8, 7, 6, 5, 4, 3, 2, 1 };
		CHECK(pb.len == sizeof want && !memcmp(pb.p, want, sizeof want));
		lt_pb_free(&pb);
	}
	/* nested: outer { inner { bytes of size k } , uint } */
	static const size_t sizes[] = { 0, 1, 120, 125, 126, 127, 128, 16380, 16384, 3000000 };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_t k = sizes[i];
		char *data = malloc(k + 1);
		for (size_t j = 0; j < k; j++)
			data[j] = (char)('a' + j % 26);
		struct lt_pb pb = { 0 };
		size_t o = lt_pb_open(&pb, 1);
		size_t in = lt_pb_open(&pb, 2);
		lt_pb_bytes(&pb, 3, data, k);
		lt_pb_close(&pb, in);
		lt_pb_uint(&pb, 4, 7);
		lt_pb_close(&pb, o);

		uint8_t *want = malloc(k + 64), bytes_hdr[16], inner_hdr[16];
		size_t bh = 0, ih = 0, w = 0;
		bytes_hdr[bh++] = 3 << 3 | 2;
		bh += ref_varint(bytes_hdr + bh, k);
		size_t inner_len = bh + k;
		inner_hdr[ih++] = 2 << 3 | 2;
		ih += ref_varint(inner_hdr + ih, inner_len);
		size_t outer_len = ih + inner_len + 2;
		want[w++] = 1 << 3 | 2;
		w += ref_varint(want + w, outer_len);
		memcpy(want + w, inner_hdr, ih);
		w += ih;
		memcpy(want + w, bytes_hdr, bh);
		w += bh;
		memcpy(want + w, data, k);
		w += k;
		want[w++] = 4 << 3;
		want[w++] = 7;
		CHECK(pb.len == w && !memcmp(pb.p, want, w));
		if (pb.len != w)
			fprintf(stderr, "  size %zu: got %zu bytes, want %zu\n", k, pb.len, w);
		free(want);
		free(data);
		lt_pb_free(&pb);
	}
	if (failures)
		return 1;
	printf("ok\n");
	return 0;
}
