/* A tiny protobuf wire-format writer: just enough to emit Perfetto traces without a
 * protobuf library. Messages are appended to one growable buffer; a nested message is
 * opened (its length is not known yet) and closed (the length is filled in). Report side
 * only. */
#ifndef LT_PB_H
#define LT_PB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum lt_pb_wire { LT_PB_VARINT = 0, LT_PB_I64 = 1, LT_PB_LEN = 2, LT_PB_I32 = 5 };

struct lt_pb {
	uint8_t *p;
	size_t len, cap;
};

void lt_pb_grow(struct lt_pb *pb, size_t more);
void lt_pb_free(struct lt_pb *pb);

static inline void lt_pb_reserve(struct lt_pb *pb, size_t more)
{
	if (pb->len + more > pb->cap)
		lt_pb_grow(pb, more);
}

/* Raw varint; the caller reserved 10 bytes. */
static inline void lt_pb_varint_raw(struct lt_pb *pb, uint64_t v)
{
	uint8_t *q = pb->p + pb->len;
	while (v >= 0x80) {
		*q++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*q++ = (uint8_t)v;
	pb->len = (size_t)(q - pb->p);
}

static inline void lt_pb_varint(struct lt_pb *pb, uint64_t v)
{
	lt_pb_reserve(pb, 10);
	lt_pb_varint_raw(pb, v);
}

static inline void lt_pb_tag(struct lt_pb *pb, unsigned field, enum lt_pb_wire w)
{
	lt_pb_varint(pb, (uint64_t)field << 3 | w);
}

/* uint32/uint64/enum/bool fields, and int32/int64 (negative values take 10 bytes, as
 * protobuf encodes them). */
static inline void lt_pb_uint(struct lt_pb *pb, unsigned field, uint64_t v)
{
	lt_pb_reserve(pb, 20);
	lt_pb_varint_raw(pb, (uint64_t)field << 3 | LT_PB_VARINT);
	lt_pb_varint_raw(pb, v);
}
static inline void lt_pb_int(struct lt_pb *pb, unsigned field, int64_t v)
{
	lt_pb_uint(pb, field, (uint64_t)v);
}

static inline void lt_pb_fixed64(struct lt_pb *pb, unsigned field, uint64_t v)
{
	lt_pb_tag(pb, field, LT_PB_I64);
	lt_pb_reserve(pb, 8);
	memcpy(pb->p + pb->len, &v, 8); /* little-endian host, as the wire format */
	pb->len += 8;
}

static inline void lt_pb_bytes(struct lt_pb *pb, unsigned field, const void *d, size_t n)
{
	lt_pb_reserve(pb, 20 + n);
	lt_pb_varint_raw(pb, (uint64_t)field << 3 | LT_PB_LEN);
	lt_pb_varint_raw(pb, n);
	if (n)
		memcpy(pb->p + pb->len, d, n);
	pb->len += n;
}

static inline void lt_pb_str(struct lt_pb *pb, unsigned field, const char *s)
{
	lt_pb_bytes(pb, field, s, strlen(s));
}

/* Opens a nested message; returns a mark for lt_pb_close. One byte is kept for the
 * length, which fits most of our messages; close moves the body when it does not. */
static inline size_t lt_pb_open(struct lt_pb *pb, unsigned field)
{
	lt_pb_tag(pb, field, LT_PB_LEN);
	lt_pb_reserve(pb, 1);
	pb->len++;
	return pb->len;
}

void lt_pb_close_long(struct lt_pb *pb, size_t mark, size_t n);

static inline void lt_pb_close(struct lt_pb *pb, size_t mark)
{
	size_t n = pb->len - mark;
	if (n < 0x80)
		pb->p[mark - 1] = (uint8_t)n;
	else
		lt_pb_close_long(pb, mark, n);
}

#endif
