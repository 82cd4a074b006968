/* JSON string escaping shared by --json and --tef (lib/out_json.c). Report side only. */
#ifndef LT_JSON_H
#define LT_JSON_H

#include <stddef.h>

#include "lt_event.h"

/* Appends s[0..n) as a quoted JSON string. Valid UTF-8 passes through; control characters
 * and bytes that are not valid UTF-8 become \u00XX, so the output is always valid JSON. */
void lt_json_str(struct lt_sb *sb, const char *s, size_t n);

#endif
