/* JSON string escaping shared by --json and --tef (report/out_json.c). Report side only. */
#ifndef LT_JSON_H
#define LT_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "lt_event.h"

/* Appends s[0..n) as a quoted JSON string. Valid UTF-8 passes through; control characters
 * and bytes that are not valid UTF-8 become \u00XX, so the output is always valid JSON. */
void lt_json_str(struct lt_sb *sb, const char *s, size_t n);

/* Appends a number in decimal; without printf, which dominated the cost of a trace. */
void lt_json_u64(struct lt_sb *sb, uint64_t v);
void lt_json_i64(struct lt_sb *sb, int64_t v);
/* Appends ns as microseconds with three decimals: "12.345". */
void lt_json_us(struct lt_sb *sb, uint64_t ns);

#endif
