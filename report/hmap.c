#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lt_hmap.h"
#include "lt_mem.h"

static inline uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

uint64_t lt_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ull;
	return mix64(h);
}

long lt_hmap_get(const struct lt_hmap *m, uint64_t key)
{
	if (!m->cap)
		return -1;
	size_t mask = m->cap - 1;
	for (size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
		if (m->vals[i] == UINT32_MAX)
			return -1;
		if (m->keys[i] == key)
			return m->vals[i];
	}
}

static void hmap_rehash(struct lt_hmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	uint64_t *keys = lt_xcalloc(ncap, sizeof *keys);
	uint32_t *vals = lt_xcalloc(ncap, sizeof *vals);
	memset(vals, 0xff, ncap * sizeof *vals);
	for (size_t j = 0; j < m->cap; j++) {
		if (m->vals[j] == UINT32_MAX)
			continue;
		size_t i = mix64(m->keys[j]) & (ncap - 1);
		while (vals[i] != UINT32_MAX)
			i = (i + 1) & (ncap - 1);
		keys[i] = m->keys[j];
		vals[i] = m->vals[j];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = ncap;
}

uint32_t lt_hmap_add(struct lt_hmap *m, uint64_t key, int *added)
{
	*added = 0;
	if ((m->n + 1) * 2 > m->cap)
		hmap_rehash(m);
	size_t mask = m->cap - 1;
	size_t i = mix64(key) & mask;
	for (; m->vals[i] != UINT32_MAX; i = (i + 1) & mask)
		if (m->keys[i] == key)
			return m->vals[i];
	m->keys[i] = key;
	m->vals[i] = (uint32_t)m->n++;
	*added = 1;
	return m->vals[i];
}

void lt_hmap_free(struct lt_hmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

long lt_smap_get(const struct lt_smap *m, const char *s, size_t len)
{
	if (!m->cap)
		return -1;
	uint64_t h = lt_hash_bytes(s, len);
	size_t mask = m->cap - 1;
	for (size_t i = h & mask; m->slots[i]; i = (i + 1) & mask) {
		const struct lt_smap_ent *e = &m->ents[m->slots[i] - 1];
		if (e->h == h && e->len == len && !memcmp(e->s, s, len))
			return m->slots[i] - 1;
	}
	return -1;
}

uint32_t lt_smap_add(struct lt_smap *m, const char *s, size_t len, int *added)
{
	*added = 0;
	if ((m->n + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 64;
		uint32_t *slots = lt_xcalloc(ncap, sizeof *slots);
		struct lt_smap_ent *ents = lt_xrealloc(m->ents, ncap / 2 * sizeof *ents);
		for (size_t j = 0; j < m->n; j++) {
			size_t i = ents[j].h & (ncap - 1);
			while (slots[i])
				i = (i + 1) & (ncap - 1);
			slots[i] = (uint32_t)j + 1;
		}
		free(m->slots);
		m->slots = slots;
		m->ents = ents;
		m->cap = ncap;
	}
	uint64_t h = lt_hash_bytes(s, len);
	size_t mask = m->cap - 1, i = h & mask;
	for (; m->slots[i]; i = (i + 1) & mask) {
		const struct lt_smap_ent *e = &m->ents[m->slots[i] - 1];
		if (e->h == h && e->len == len && !memcmp(e->s, s, len))
			return m->slots[i] - 1;
	}
	struct lt_smap_ent *e = &m->ents[m->n];
	e->s = lt_xrealloc(NULL, len + 1);
	memcpy(e->s, s, len);
	e->s[len] = 0;
	e->len = len;
	e->h = h;
	m->slots[i] = (uint32_t)++m->n;
	*added = 1;
	return (uint32_t)m->n - 1;
}

void lt_smap_free(struct lt_smap *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->ents[i].s);
	free(m->ents);
	free(m->slots);
	memset(m, 0, sizeof *m);
}
