/* Small open-addressing hash maps for the report's per-thread, per-process, per-file and
 * per-name tables: keys map to dense indices (0, 1, 2, ...) into the caller's own array,
 * so a table is just "find or add, then index". Report side only. */
#ifndef LT_HMAP_H
#define LT_HMAP_H

#include <stddef.h>
#include <stdint.h>

/* uint64 key -> index. */
struct lt_hmap {
	uint64_t *keys;
	uint32_t *vals; /* UINT32_MAX: empty slot */
	size_t cap, n;
};

/* The index of key, or -1. */
long lt_hmap_get(const struct lt_hmap *m, uint64_t key);
/* The index of key; if absent, adds it with index m->n (the count before adding) and sets
 * *added. */
uint32_t lt_hmap_add(struct lt_hmap *m, uint64_t key, int *added);
void lt_hmap_free(struct lt_hmap *m);

/* byte string -> index; keeps its own copy of each key (NUL-terminated). */
struct lt_smap {
	struct lt_smap_ent { char *s; size_t len; uint64_t h; } *ents; /* by index */
	uint32_t *slots; /* index+1, 0 = empty */
	size_t cap, n;
};

long lt_smap_get(const struct lt_smap *m, const char *s, size_t len);
uint32_t lt_smap_add(struct lt_smap *m, const char *s, size_t len, int *added);
static inline const char *lt_smap_key(const struct lt_smap *m, uint32_t i) { return m->ents[i].s; }
void lt_smap_free(struct lt_smap *m);

uint64_t lt_hash_bytes(const void *p, size_t n);

#endif
